// citecheck.reviews.json: a reviewer's decisions on citations, kept under version control (zod is the source of truth).
import * as z from 'zod';
import { LINK_STATUSES, VERDICTS } from '../types.js';

export { REVIEWS_FILE_NAME } from './place.js';

/**
 * One decision, tied to what the reviewer saw: the claim (its id is a hash of its text), the
 * footnote, the URL, the link status and the fingerprint of the source's main text. When any of
 * them changes, the decision is stale and citecheck's own verdict returns.
 */
export const ReviewSchema = z.strictObject({
  article: z.string().min(1).describe('The article\'s path, relative to this file (forward slashes)'),
  claim: z.string().min(1).describe('The claim id from report.json (c + 8 hex digits)'),
  ref: z.number().int().positive().describe('The footnote number'),
  url: z.string().optional().describe('The source URL the reviewer judged'),
  verdict: z.enum(VERDICTS).describe('The reviewer\'s verdict'),
  note: z.string().describe('Why: what the reviewer saw'),
  reviewer: z.string().min(1),
  reviewedAt: z.iso.datetime({ offset: true }).describe('When (ISO 8601)'),
  toolVerdict: z.enum(VERDICTS).optional().describe('What citecheck said when the review was made'),
  linkStatus: z.enum(LINK_STATUSES).optional().describe('The link status the reviewer saw'),
  fingerprint: z.string().optional().describe('sha256 of the source\'s normalised main text the reviewer saw'),
  claimText: z.string().optional().describe('The claim as it read then (for people; the id decides)'),
});

export const ReviewsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  reviews: z.array(ReviewSchema),
}).superRefine((file, ctx) => {
  const seen = new Map<string, number>();
  file.reviews.forEach((r, i) => {
    const key = reviewKey(r);
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['reviews', i], message: `a second decision for claim ${r.claim} [${r.ref}] (also at reviews[${first}])` });
    } else seen.set(key, i);
  });
});

export type Review = z.infer<typeof ReviewSchema>;
export type ReviewsFile = z.infer<typeof ReviewsFileSchema>;

/** One decision per article × claim × footnote: a new one replaces the old. */
export function reviewKey(r: { article: string; claim: string; ref: number }): string {
  return `${r.article}\u0000${r.claim}\u0000${r.ref}`;
}
