// The articles of a run from the CLI: arguments (files, folders, globs) or the references.json that
// names one, each read by its format's reader, each with its references merged from references.json.
import nodePath from 'node:path';
import { parseInputFormat } from '../article/detect.js';
import { expandInputs, readArticleFile } from '../article/inputs.js';
import { displayPath } from '../article/read.js';
import { articleReferences, findReferencesFile, findReferencesForUrl } from '../config/article-refs.js';
import { loadReferences, type LoadedReferences } from '../config/load.js';
import { EXIT, InputError } from '../errors.js';
import type { Article } from '../types.js';
import type { ArticleInput } from '../verify.js';
import { DEFAULT_REFS, requireSomethingToCheck, whatToGive } from './first-contact.js';
import { inputLimits } from './options.js';
import { counted } from '../plural.js';
import { printErr } from '../terminal.js';

export interface InputFlags {
  /** `--refs`: given explicitly; absent means "look beside each article" (and ./references.json). */
  refs?: string;
  inputFormat?: string;
  linksAsCitations?: boolean;
  /** `--max-input-size` in MB: the cap on each article and references file. */
  maxInputSize?: string;
}

export { DEFAULT_REFS };

/** Reads an article given by URL (a wiki page through its REST API); absent: URLs are refused. */
export type UrlReader = (url: string) => Promise<Article>;

// A URL argument is compared as written; files by their absolute path.
const samePath = (a: string, b: string) => a === b || nodePath.resolve(a) === nodePath.resolve(b);

/** The articles read, and how many files a folder or glob found could not be read (each named on stderr). */
export interface LoadedArticles {
  articles: ArticleInput[];
  /** Files left out for bad input: the run audits the rest, then exits 2. */
  unread: number;
}

/**
 * Every article of the run with its merged references. Bad input is one InputError (exit 2), except
 * in a file a folder or glob found: one unreadable page of a docs tree (no article body, a wikitext
 * reader not installed, a malformed references file beside it) is left out with one line, so the
 * other articles are still audited and reported; the caller exits 2 after.
 */
export async function loadArticles(
  args: readonly string[], flags: InputFlags, command: string, readUrl?: UrlReader,
): Promise<LoadedArticles> {
  const format = parseInputFormat(flags.inputFormat);
  const options = { ...(format ? { format } : {}), ...(flags.linksAsCitations ? { linksAsCitations: true } : {}) };
  const limits = flags.maxInputSize === undefined ? {} : inputLimits(flags.maxInputSize);
  const explicit = flags.refs !== undefined ? await loadReferences(flags.refs, limits) : undefined;
  if (args.length === 0) {
    // Today's default: the article named by references.json (./references.json unless --refs);
    // with neither, the first-contact message says what to give.
    if (!explicit) await requireSomethingToCheck(command, undefined, DEFAULT_REFS);
    const loaded = explicit ?? await loadReferences(DEFAULT_REFS, limits);
    if (!loaded.articlePath) {
      throw new InputError(`no article given and ${flags.refs ?? DEFAULT_REFS} names none`,
        `add "article" to ${flags.refs ?? DEFAULT_REFS}, or ${whatToGive(command)}`);
    }
    const article = await readArticleFile(loaded.articlePath, options, limits);
    return { articles: [{ article, ...articleReferences(article, loaded) }], unread: 0 };
  }
  const inputs = await expandInputs(args);
  const refsFor = explicitRefs(explicit, inputs.map((i) => (i.kind === 'file' ? i.path : i.url)), flags.refs);
  const out: (ArticleInput & { found?: boolean })[] = [];
  const unread: { path: string; error: InputError }[] = [];
  const read = async (file: string) => {
    const article = await readArticleFile(file, options, limits);
    return { article, ...articleReferences(article, refsFor(file) ?? await findReferencesFile(file)) };
  };
  for (const input of inputs) {
    if (input.kind === 'url') {
      if (!readUrl) {
        throw new InputError(`cannot read ${input.url}: ${command} does not fetch articles by URL`,
          'save the page to a file and pass the file');
      }
      const article = await readUrl(input.url);
      out.push({ article, ...articleReferences(article, refsFor(input.url) ?? await findReferencesForUrl(input.url)) });
      continue;
    }
    if (!input.found) {
      out.push(await read(input.path));
      continue;
    }
    try {
      out.push({ ...await read(input.path), found: true });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      unread.push({ path: input.path, error });
    }
  }
  // Nothing readable at all: the run has nothing to audit, so the first reason stops it as before.
  const [first] = unread;
  if (first && out.length === 0) throw first.error;
  for (const { path, error } of unread) {
    printErr(`citecheck: ${displayPath(path)} is left out (cannot be read): ${error.message}${error.hint ? `; ${error.hint}` : ''}\n`);
  }
  return { articles: leaveOutUncited(out), unread: unread.length };
}

/** The run's exit code once files were left out unread: 2 (bad input), after the rest was audited and reported. */
export function withUnread(code: number, unread: number): number {
  if (unread === 0) return code;
  printErr(`citecheck: ${counted(unread, 'file')} could not be read and ${unread === 1 ? 'was' : 'were'} left out (named above): exit 2\n`);
  return EXIT.usage;
}

/**
 * A page a folder or glob found that cites nothing (no marker, no reference: a docs index, an install
 * page) is not an article to audit: it is left out, with one line, unless nothing in the run cites
 * anything (then the run verifies nothing, and its no-claims findings fail it). A file named on the
 * command line is always audited.
 */
function leaveOutUncited(inputs: (ArticleInput & { found?: boolean })[]): ArticleInput[] {
  const citesNothing = (i: ArticleInput) => i.article.claims.length === 0 && i.references.length === 0;
  const left = inputs.filter((i) => i.found === true && citesNothing(i));
  if (left.length === 0 || left.length === inputs.length) return inputs.map(({ found: _, ...i }) => i);
  const [verb, be] = left.length === 1 ? ['cites', 'is'] : ['cite', 'are'];
  printErr(`citecheck: ${counted(left.length, 'file')} ${verb} nothing (no footnote marker, no reference list) and ${be} left out: `
    + `${left.map((i) => i.article.path).join(', ')}\n`);
  return inputs.filter((i) => !left.includes(i)).map(({ found: _, ...i }) => i);
}

/** `--refs` belongs to the one article of the run, or to the article it names among several. */
function explicitRefs(loaded: LoadedReferences | undefined, files: readonly string[], flag: string | undefined) {
  if (!loaded) return () => undefined;
  if (files.length === 1) return () => loaded;
  const named = loaded.articlePath;
  if (!named || !files.some((f) => samePath(f, named))) {
    throw new InputError(`--refs ${flag}: with several articles it must name one of them ("article")`,
      'or put <name>.references.json beside each article instead');
  }
  return (file: string) => (samePath(file, named) ? loaded : undefined);
}
