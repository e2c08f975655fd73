// `citecheck extract`: the articles (given, or named by references.json) → the JSON it prints.
import { toExtractJson } from '../article/extract.js';
import { loadArticles, type InputFlags } from './articles.js';

/** One article → its extract object; several → an array, each naming its file and format. */
export async function runExtract(args: readonly string[], flags: InputFlags): Promise<string> {
  const articles = await loadArticles(args, flags, 'extract');
  const [only] = articles;
  if (articles.length === 1 && only) return JSON.stringify(toExtractJson(only.article), null, 2);
  const many = articles.map(({ article }) => ({ path: article.path, format: article.format ?? 'txt', ...toExtractJson(article) }));
  return JSON.stringify(many, null, 2);
}
