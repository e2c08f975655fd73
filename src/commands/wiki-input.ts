// `verify URL`: a wiki article fetched by URL, its own reference list as the references (references.json overrides by id).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readWikiArticle } from '../article/wiki-fetch/fetch.js';
import { loadReferences } from '../config/load.js';
import type { Reference } from '../config/schema.js';
import { InputError } from '../errors.js';
import type { Article } from '../types.js';
import { positiveInt } from './options.js';

export interface WikiInputFlags {
  refs: string;
  out: string;
  wikiApi?: string;
  revision?: string;
  userAgent?: string;
  allowPrivateHosts?: boolean;
  timeoutMs: number;
}

export const isArticleUrl = (arg: string | undefined): arg is string => arg !== undefined && /^https?:\/\//iu.test(arg);

/** What the article's reference list knows, in references.json's shape (quote kept as its own field). */
export function referencesFromArticle(article: Article): Reference[] {
  return article.references.map((r) => {
    const ref: Reference = { id: r.id };
    for (const key of ['url', 'title', 'publisher', 'date', 'language', 'archiveUrl', 'accessDate', 'quote'] as const) {
      const value = r[key];
      if (value !== undefined && value !== '') ref[key] = value;
    }
    return ref;
  });
}

/** Entries of references.json replace the article's fields they set, by id; new ids are added. */
export function mergeReferences(base: Reference[], overrides: readonly Reference[]): Reference[] {
  const merged = new Map(base.map((r) => [r.id, r]));
  for (const o of overrides) merged.set(o.id, { ...merged.get(o.id), ...o });
  return [...merged.values()].sort((a, b) => a.id - b.id);
}

export async function readWikiInput(url: string, flags: WikiInputFlags): Promise<{ article: Article; references: Reference[] }> {
  const article = await readWikiArticle(url, {
    ...(flags.wikiApi ? { wikiApi: flags.wikiApi } : {}),
    ...(flags.revision !== undefined ? { revision: positiveInt(flags.revision, '--revision') } : {}),
    ...(flags.userAgent ? { userAgent: flags.userAgent } : {}),
    allowPrivateHosts: flags.allowPrivateHosts ?? false,
    timeoutMs: flags.timeoutMs,
    cacheDir: path.join(flags.out, '.cache'),
  });
  // With a URL, references.json is optional: it only adds or fixes what the article's own list says.
  const overrides = existsSync(flags.refs) ? (await loadReferences(flags.refs)).config.references : [];
  return { article, references: mergeReferences(referencesFromArticle(article), overrides) };
}

/** `--wiki-api` and `--revision` mean nothing for a file. */
export function checkWikiFlags(articleArg: string | undefined, flags: { wikiApi?: string; revision?: string }): void {
  if (isArticleUrl(articleArg)) return;
  const given = flags.revision !== undefined ? '--revision' : flags.wikiApi !== undefined ? '--wiki-api' : undefined;
  if (given) throw new InputError(`${given} needs a wiki page URL as the article`, 'e.g. citecheck verify https://en.wikipedia.org/wiki/Earth --revision 1356767710');
}
