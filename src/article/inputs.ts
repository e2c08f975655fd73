// CLI arguments → the articles of a run: files as given, folders searched for articles, globs expanded
// by the tool itself (for shells and CI that do not), each file read by the reader its format names.
import { stat } from 'node:fs/promises';
import nodePath from 'node:path';
import { InputError } from '../errors.js';
import type { Article, InputFormat } from '../types.js';
import { ARTICLE_EXTENSIONS, detectFormat } from './detect.js';
import { READERS, type ArticleReader, type ReaderOptions } from './formats.js';
import { displayPath, readArticleText, type InputLimits } from './read.js';

/** One article argument: a file to read (`found`: by searching a folder or expanding a glob), or a wiki page to fetch by URL. */
export type ArticleArg = { kind: 'file'; path: string; found?: boolean } | { kind: 'url'; url: string };

const IGNORE = ['**/node_modules/**'];
const FOLDER_PATTERN = `**/*.{${ARTICLE_EXTENSIONS.join(',')}}`;

/** An article argument that is a page to fetch (http or https), not a file; its path in reports is the URL. */
export const isArticleUrl = (arg: string | undefined): arg is string => arg !== undefined && /^https?:\/\//iu.test(arg);

/** Every argument → article arguments in the order given (globs and folders sorted), each file once. */
export async function expandInputs(args: readonly string[]): Promise<ArticleArg[]> {
  const out: ArticleArg[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    if (isArticleUrl(arg)) {
      out.push({ kind: 'url', url: arg });
      continue;
    }
    const { files, found } = await filesOf(arg);
    for (const file of files) {
      const key = nodePath.resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ kind: 'file', path: file, ...(found ? { found } : {}) });
    }
  }
  return out;
}

// tinyglobby loads only for a folder or a pattern: a run given files (or none) sends its first request sooner.
async function filesOf(arg: string): Promise<{ files: string[]; found: boolean }> {
  const info = await stat(arg).catch(() => undefined);
  if (info?.isDirectory()) {
    const { glob } = await import('tinyglobby');
    const found = await glob(FOLDER_PATTERN, { cwd: arg, ignore: IGNORE, onlyFiles: true, caseSensitiveMatch: false });
    if (found.length === 0) {
      throw new InputError(`${arg}: no articles in this folder`,
        `articles end in ${ARTICLE_EXTENSIONS.map((e) => `.${e}`).join(' ')}; or name the files`);
    }
    return { files: found.sort().map((f) => nodePath.join(arg, f)), found: true };
  }
  const globbing = info ? undefined : await import('tinyglobby');
  if (globbing?.isDynamicPattern(arg)) {
    const found = await globbing.glob(arg, { ignore: IGNORE, onlyFiles: true, expandDirectories: false });
    if (found.length === 0) throw new InputError(`no file matches ${arg}`, 'check the pattern (quote it so the shell leaves it to citecheck)');
    return { files: found.sort(), found: true };
  }
  // A missing or unreadable file is reported when it is read, with the reason.
  return { files: [arg], found: false };
}

/** The reader of a format, or a one-line refusal when this build has none for it. */
export async function loadReader(format: InputFormat): Promise<ArticleReader> {
  const loaders: Partial<Record<InputFormat, () => Promise<ArticleReader>>> = READERS;
  const load = loaders[format];
  if (!load) {
    throw new InputError(`the ${format} reader is not part of this version of citecheck yet`,
      `readers available: ${Object.keys(loaders).join(', ')} (--input-format)`);
  }
  return load();
}

export interface ReadOptions extends ReaderOptions {
  /** `--input-format`: every file is read with this reader. */
  format?: InputFormat;
}

/** Reads one article file with the reader its format (override, extension, content) names. */
export async function readArticleFile(file: string, options: ReadOptions = {}, limits: InputLimits = {}): Promise<Article> {
  const text = await readArticleText(file, limits);
  const format = detectFormat(file, text, options.format);
  const reader = await loadReader(format);
  const { format: _, ...readerOptions } = options;
  const article = await reader({ text, path: displayPath(file) }, readerOptions);
  return { ...article, format };
}
