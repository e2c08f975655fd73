// `citecheck extract`: the article (given, or named by references.json) → the JSON it prints.
import { loadReferences } from '../config/load.js';
import { InputError } from '../errors.js';
import type { Article } from '../types.js';
import { positiveInt } from '../commands/options.js';
import { checkWikiFlags, isArticleUrl } from '../commands/wiki-input.js';
import { readArticle } from './read.js';
import { readWikiArticle } from './wiki-fetch/fetch.js';

/** The article's path: the argument when given, else the `article` of the references file. */
export async function resolveArticlePath(article: string | undefined, refs: string): Promise<string> {
  if (article !== undefined) return article;
  const { articlePath } = await loadReferences(refs);
  if (articlePath === undefined) {
    throw new InputError(`no article given and ${refs} names none`,
      'pass the article file (citecheck extract ARTICLE) or add "article" to references.json');
  }
  return articlePath;
}

/** The extract output: the Article without the list rows' raw text and lines. */
export function toExtractJson(a: Article): object {
  return {
    title: a.title,
    ...(a.origin ? { origin: a.origin } : {}),
    claims: a.claims,
    uncited: a.uncited,
    references: a.references.map((r) => ({
      id: r.id, title: r.title, publisher: r.publisher, date: r.date, language: r.language,
      uses: r.uses, accessDate: r.accessDate, authors: r.authors,
      url: r.url, archiveUrl: r.archiveUrl, urlStatus: r.urlStatus, quote: r.quote,
    })),
    findings: a.findings,
  };
}

export interface ExtractWikiFlags {
  wikiApi?: string;
  revision?: string;
  allowPrivateHosts?: boolean;
}

export async function runExtract(article: string | undefined, refs: string, wiki: ExtractWikiFlags = {}): Promise<string> {
  checkWikiFlags(article, wiki);
  const parsed = isArticleUrl(article)
    ? await readWikiArticle(article, {
      ...(wiki.wikiApi ? { wikiApi: wiki.wikiApi } : {}),
      ...(wiki.revision !== undefined ? { revision: positiveInt(wiki.revision, '--revision') } : {}),
      allowPrivateHosts: wiki.allowPrivateHosts ?? false,
    })
    : await readArticle(await resolveArticlePath(article, refs));
  return JSON.stringify(toExtractJson(parsed), null, 2);
}
