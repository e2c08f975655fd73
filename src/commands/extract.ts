// `citecheck extract`: the articles (files, folders, globs, wiki URLs, or the one references.json names) → JSON.
import { toExtractJson } from '../article/extract.js';
import { loadArticles, withUnread, type InputFlags } from './articles.js';
import { checkWikiFlags, wikiReader, type WikiFlags } from './wiki-input.js';

/**
 * One article → its extract object; several → an array, each naming its file and format. `write`
 * prints the JSON; the exit code is 2 when a file a folder or glob found could not be read.
 */
export async function runExtract(args: readonly string[], flags: InputFlags & WikiFlags, write: (json: string) => void): Promise<number> {
  checkWikiFlags(args, flags);
  const { articles, unread } = await loadArticles(args, flags, 'extract', wikiReader(flags));
  const [only] = articles;
  if (articles.length === 1 && only) write(JSON.stringify(toExtractJson(only.article, only.references), null, 2));
  else {
    const many = articles.map(({ article, references }) => ({ path: article.path, format: article.format ?? 'txt', ...toExtractJson(article, references) }));
    write(JSON.stringify(many, null, 2));
  }
  return withUnread(0, unread);
}
