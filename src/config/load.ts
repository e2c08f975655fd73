// Reads references.json: JSON syntax and schema problems become an InputError naming the field.
import path from 'node:path';
import { displayPath, readInputFile, type InputLimits } from '../article/read.js';
import { InputError } from '../errors.js';
import { formatIssues } from './issues.js';
import { ReferencesFileSchema, type ReferencesFile } from './schema.js';

export interface LoadedReferences {
  config: ReferencesFile;
  /** Absolute folder of the references.json: relative paths inside it start here. */
  dir: string;
  /**
   * The `article` path resolved against `dir`; written relative to the current folder when it lies
   * inside it (so reports and CI annotations name `articles/x.txt`), else absolute.
   */
  articlePath?: string;
}

const HINT = 'fix references.json (its JSON Schema is schema/references.schema.json; add "$schema" for editor help)';

/** `Unexpected token } in JSON at position 41` → adds the line and column editors show. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = Number(at[1]) - before.lastIndexOf('\n');
  return `${message.replace(/\s*\(line \d+ column \d+\)$/, '')} (line ${line}, column ${column})`;
}

export function parseReferences(text: string, file: string): ReferencesFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${file}: invalid JSON: ${describeJsonError(text, error)}`, HINT);
  }
  const parsed = ReferencesFileSchema.safeParse(json);
  if (!parsed.success) throw new InputError(`${file}: ${formatIssues(parsed.error, json)}`, HINT);
  return parsed.data;
}

export async function loadReferences(file: string, limits: InputLimits = {}): Promise<LoadedReferences> {
  const bytes = await readInputFile(file, 'references file', limits);
  const config = parseReferences(new TextDecoder().decode(bytes), file);
  const dir = path.dirname(path.resolve(file));
  const loaded: LoadedReferences = { config, dir };
  if (config.article !== undefined) loaded.articlePath = displayPath(path.resolve(dir, config.article));
  return loaded;
}
