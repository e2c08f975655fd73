// `citecheck extract`: the articles (files, folders, globs, wiki URLs, or the one references.json names) → JSON.
import { toExtractJson } from '../article/extract.js';
import { loadArticles, type InputFlags } from './articles.js';
import { checkWikiFlags, wikiReader, type WikiFlags } from './wiki-input.js';

/** One article → its extract object; several → an array, each naming its file and format. */
export async function runExtract(args: readonly string[], flags: InputFlags & WikiFlags): Promise<string> {
  checkWikiFlags(args, flags);
  const articles = await loadArticles(args, flags, 'extract', wikiReader(flags));
  const [only] = articles;
  if (articles.length === 1 && only) return JSON.stringify(toExtractJson(only.article, only.references), null, 2);
  const many = articles.map(({ article, references }) => ({ path: article.path, format: article.format ?? 'txt', ...toExtractJson(article, references) }));
  return JSON.stringify(many, null, 2);
}
