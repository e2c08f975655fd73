// `verify URL` / `extract URL`: a wiki article fetched through the MediaWiki REST API (--wiki-api, --revision).
import path from 'node:path';
import { isArticleUrl } from '../article/inputs.js';
import { InputError } from '../errors.js';
import type { UrlReader } from './articles.js';
import { positiveInt } from './options.js';

export interface WikiFlags {
  wikiApi?: string;
  revision?: string;
  userAgent?: string;
  allowPrivateHosts?: boolean;
  /** The report folder: the wiki responses are cached under it (verify only). */
  out?: string;
}


/** Reads each wiki page URL argument; `--revision` pins the page when there is one URL. */
export function wikiReader(flags: WikiFlags, timeoutMs?: number): UrlReader {
  // The wiki client and its HTML reader (cheerio) load only when an argument is a wiki URL.
  return async (url) => (await import('../article/wiki-fetch/fetch.js')).readWikiArticle(url, {
    ...(flags.wikiApi ? { wikiApi: flags.wikiApi } : {}),
    ...(flags.revision !== undefined ? { revision: positiveInt(flags.revision, '--revision') } : {}),
    ...(flags.userAgent ? { userAgent: flags.userAgent } : {}),
    allowPrivateHosts: flags.allowPrivateHosts ?? false,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(flags.out ? { cacheDir: path.join(flags.out, '.cache') } : {}),
  });
}

/** `--wiki-api` needs a wiki page URL among the articles; `--revision` exactly one. */
export function checkWikiFlags(args: readonly string[], flags: { wikiApi?: string; revision?: string }): void {
  const urls = args.filter(isArticleUrl).length;
  const example = 'e.g. citecheck verify https://en.wikipedia.org/wiki/Earth --revision 1356767710';
  if (flags.revision !== undefined && urls !== 1) {
    throw new InputError(urls === 0 ? '--revision needs a wiki page URL as the article' : '--revision pins one page: give one wiki page URL', example);
  }
  if (flags.wikiApi !== undefined && urls === 0) throw new InputError('--wiki-api needs a wiki page URL as the article', example);
}
