// `citecheck init ARTICLE`: a references.json from what the article itself knows, ready to refine.
import { PACKAGE_ROOT, VERSION } from '../version.js';
import { stat } from 'node:fs/promises';
import nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInputFormat } from '../article/detect.js';
import { isArticleUrl, readArticleFile } from '../article/inputs.js';
import { writeFileAtomic } from '../atomic.js';
import { referenceFromList } from '../config/article-refs.js';
import { ReferencesFileSchema, type ReferencesFile } from '../config/schema.js';
import { InputError } from '../errors.js';
import type { Article } from '../types.js';
import { writing } from './outputs.js';
import { checkWikiFlags, wikiReader, type WikiFlags } from './wiki-input.js';

export interface InitFlags extends Omit<WikiFlags, 'out'> {
  out?: string;
  force?: boolean;
  inputFormat?: string;
  linksAsCitations?: boolean;
}

/**
 * The schema shipped in the package (schema/ beside dist/): a path relative to the written file when
 * citecheck is installed inside the current project (node_modules, or this repository), so editors
 * find it offline; else (npx, a global install) the published copy of this version, which a path
 * into someone's home folder would not be once the file is committed.
 */
export function schemaRef(out: string, shipped = fileURLToPath(new URL('schema/references.schema.json', PACKAGE_ROOT)),
  cwd = process.cwd()): string {
  const fromProject = nodePath.relative(cwd, shipped);
  if (fromProject.startsWith('..') || nodePath.isAbsolute(fromProject)) {
    return `https://unpkg.com/citecheck@${VERSION}/schema/references.schema.json`;
  }
  const relative = nodePath.relative(nodePath.dirname(nodePath.resolve(cwd, out)), shipped).split(nodePath.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** Every reference the article lists, with the fields it gives and empty `phrases` to fill in. */
export function initialReferences(article: Article, file: string, out: string): ReferencesFile {
  // A wiki page given by URL is named by its URL (what verify matches ./references.json against).
  const relative = isArticleUrl(file) ? file
    : nodePath.relative(nodePath.dirname(nodePath.resolve(out)), nodePath.resolve(file)).split(nodePath.sep).join('/');
  return ReferencesFileSchema.parse({
    $schema: schemaRef(out),
    article: relative,
    references: [...article.references].sort((a, b) => a.id - b.id).map((r) => ({ ...referenceFromList(r), phrases: [] })),
  });
}

export async function runInit(file: string, flags: InitFlags): Promise<string> {
  const format = parseInputFormat(flags.inputFormat);
  const out = flags.out ?? 'references.json';
  if (!flags.force && (await stat(out).catch(() => undefined))) {
    throw new InputError(`${out} already exists: not overwriting it`, 'pass --force to replace it, or --out to write another file');
  }
  checkWikiFlags([file], flags);
  // --out is the file to write here, not a report folder to cache the wiki's answers in.
  const { out: _, ...wiki } = flags;
  const article = isArticleUrl(file) ? await wikiReader(wiki)(file)
    : await readArticleFile(file, { ...(format ? { format } : {}), ...(flags.linksAsCitations ? { linksAsCitations: true } : {}) });
  const config = initialReferences(article, file, out);
  await writing(out, () => writeFileAtomic(out, `${JSON.stringify(config, null, 2)}\n`));
  const withUrl = config.references.filter((r) => r.url).length;
  return `wrote ${out}: ${config.references.length} references, ${withUrl} with a URL` +
    (withUrl < config.references.length ? ' (add the missing URLs, and phrases where you want them checked)' : '');
}
