// Reads and writes citecheck.reviews.json: zod-checked on the way in, written atomically on the way out.
import { existsSync } from 'node:fs';
import { readInputFile } from '../article/read.js';
import { writeFileAtomic } from '../atomic.js';
import { formatIssues } from '../config/issues.js';
import { InputError } from '../errors.js';
import { ReviewsFileSchema, reviewKey, type Review, type ReviewsFile } from './schema.js';

export { articleKey, defaultReviewsPath } from './place.js';

const HINT = 'fix the reviews file (its JSON Schema is schema/reviews.schema.json) or remove the bad entry';

export function parseReviews(text: string, file: string): ReviewsFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${file}: invalid JSON: ${error instanceof Error ? error.message : String(error)}`, HINT);
  }
  const parsed = ReviewsFileSchema.safeParse(json);
  if (!parsed.success) throw new InputError(`${file}: ${formatIssues(parsed.error, json)}`, HINT);
  return parsed.data;
}

/** A missing file is undefined when `optional` (no one has reviewed anything yet). */
export async function loadReviews(file: string, options: { optional: boolean }): Promise<ReviewsFile | undefined> {
  if (options.optional && !existsSync(file)) return undefined;
  // Only a regular file within --max-input-size's default: a FIFO there would hang the run.
  const bytes = await readInputFile(file, 'reviews file (--reviews)');
  return parseReviews(new TextDecoder().decode(bytes), file);
}

/** Adds a decision, replacing an earlier one for the same article × claim × footnote; stable order. */
export function upsertReview(file: ReviewsFile, review: Review): ReviewsFile {
  const key = reviewKey(review);
  const reviews = file.reviews.filter((r) => reviewKey(r) !== key);
  reviews.push(review);
  reviews.sort((a, b) => a.article.localeCompare(b.article) || a.claim.localeCompare(b.claim) || a.ref - b.ref);
  return { ...file, reviews };
}

export async function saveReviews(file: string, reviews: ReviewsFile): Promise<void> {
  const body = reviews.$schema === undefined ? { reviews: reviews.reviews } : { $schema: reviews.$schema, reviews: reviews.reviews };
  await writeFileAtomic(file, `${JSON.stringify(body, null, 2)}\n`);
}
