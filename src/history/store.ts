// The JSON history document (the format before the SQLite store): read for the one-time import, and a library format.
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { writeFileAtomic, type AtomicFs } from '../atomic.js';
import { HistorySchema, createEmptyHistory, type History } from './schema.js';

/** A missing file is an empty history (first run); anything unreadable is the user's to fix. */
export async function loadHistory(file: string): Promise<History> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return createEmptyHistory();
    throw new InputError(`cannot read history file ${file}: ${describe(error)}`, 'check the path and its permissions');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `history file ${file} is not valid JSON (${describe(error)})`,
      `restore it from a backup or delete it to start a fresh history`,
    );
  }
  const parsed = HistorySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown shape';
    throw new InputError(
      `history file ${file} has an unexpected shape (${where})`,
      `it may come from another citecheck version; move it aside or delete it to start a fresh history`,
    );
  }
  return parsed.data;
}

/** Atomic: a run killed while saving leaves the previous history file intact. */
export async function saveHistory(file: string, h: History, opts: { fs?: AtomicFs } = {}): Promise<void> {
  // Validate before writing so a bug can never persist a file the next run would reject.
  const valid = HistorySchema.parse(h);
  await writeFileAtomic(file, `${JSON.stringify(valid, null, 2)}\n`, opts.fs);
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
