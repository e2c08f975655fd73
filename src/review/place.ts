// Where an article's reviews file is and how the article is keyed in it: paths only, no schema (the CLI asks before its first request).
import path from 'node:path';
import { isArticleUrl } from '../article/inputs.js';

export const REVIEWS_FILE_NAME = 'citecheck.reviews.json';

/** The reviews file that belongs to an article: beside it (for a URL, in the current folder), unless the user names one. */
export function defaultReviewsPath(articlePath: string): string {
  return isArticleUrl(articlePath) ? REVIEWS_FILE_NAME : path.join(path.dirname(articlePath), REVIEWS_FILE_NAME);
}

/** The article's key inside a reviews file: its path relative to the file's folder, with `/`; a URL as it is. */
export function articleKey(reviewsFile: string, articlePath: string): string {
  if (isArticleUrl(articlePath)) return articlePath;
  const relative = path.relative(path.dirname(path.resolve(reviewsFile)), path.resolve(articlePath));
  return relative.split(path.sep).join('/');
}
