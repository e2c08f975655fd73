// Applies reviewers' decisions to a report: current ones carry the reviewer's verdict, stale ones say why.
import { summarise } from '../report/build.js';
import type { ClaimReport, Report } from '../report/schema.js';
import { claimVerdict } from '../judge/verdict.js';
import type { Citation, CitationReview, Finding, LinkStatus, SourceReport } from '../types.js';
import type { Review } from './schema.js';

export interface ReviewCounts {
  /** Citations carrying a current reviewer's decision. */
  reviewed: number;
  /** Decisions that no longer hold: the source, link or claim changed since. */
  stale: number;
  /** Citations that are not `supported` and carry no current decision. */
  unreviewed: number;
}

export interface Applied {
  report: Report;
  /** Decisions whose claim is no longer in the article (its text changed, or it was removed). */
  orphans: Review[];
}

/** Readable statuses are one class: a reviewer's reading of an `ok` page holds after a redirect. */
const linkClass = (s: LinkStatus) => (s === 'ok' || s === 'redirected' ? 'read' : s);
const BROKEN: ReadonlySet<LinkStatus> = new Set(['dead', 'soft-404', 'invalid-url']);

/** Why a decision no longer holds for this run's citation, or undefined when it still does. */
export function staleReason(review: Review, citation: Citation, source: SourceReport | undefined): string | undefined {
  const url = source?.url;
  if (review.url !== undefined && url !== review.url) return `the footnote now points to ${url ?? 'no URL'}`;
  if (review.linkStatus && linkClass(review.linkStatus) !== linkClass(citation.linkStatus)) {
    return BROKEN.has(citation.linkStatus) ? `the link is now ${citation.linkStatus}`
      : `the link status changed from ${review.linkStatus} to ${citation.linkStatus}`;
  }
  if (review.fingerprint !== undefined && source?.fingerprint !== review.fingerprint) return 'the source changed';
  return undefined;
}

function reviewed(citation: Citation, review: Review, source: SourceReport | undefined): Citation {
  const stale = staleReason(review, citation, source);
  const base: CitationReview = {
    status: stale ? 'stale' : 'reviewed', verdict: review.verdict, toolVerdict: citation.verdict,
    note: review.note, reviewer: review.reviewer, reviewedAt: review.reviewedAt,
  };
  if (stale) return { ...citation, review: { ...base, staleReason: stale } };
  return { ...citation, verdict: review.verdict, review: base };
}

/**
 * `reviews` are the decisions for this report's article. Pure: returns a new report whose claim
 * verdicts and summary are recomputed, with `summary.reviews` counts.
 */
export function applyReviews(report: Report, reviews: readonly Review[]): Applied {
  const byKey = new Map(reviews.map((r) => [`${r.claim}\u0000${r.ref}`, r]));
  const used = new Set<Review>();
  const sources = new Map(report.sources.map((s) => [s.ref, s]));
  const claims: ClaimReport[] = report.claims.map((claim) => {
    const citations = claim.citations.map((c) => {
      const review = byKey.get(`${claim.id}\u0000${c.ref}`);
      if (!review) return c;
      used.add(review);
      return reviewed(c, review, sources.get(c.ref));
    });
    return { ...claim, citations, verdict: claimVerdict(citations) };
  });
  const orphans = reviews.filter((r) => !used.has(r));
  const summary = summarise(claims, report.sources, report.summary.uncited, report.summary.offline);
  const findings = [...report.findings, ...orphans.map((r): Finding => ({
    kind: 'stale-review', ref: r.ref,
    message: `review of claim ${r.claim} [${r.ref}] from ${r.reviewedAt.slice(0, 10)} is stale: the claim's text changed or it is gone${r.claimText ? ` (it read: “${r.claimText.slice(0, 120)}”)` : ''}`,
  }))];
  return { report: { ...report, claims, findings, summary: { ...summary, reviews: countReviews(claims, orphans.length) } }, orphans };
}

export function countReviews(claims: readonly ClaimReport[], orphans: number): ReviewCounts {
  const citations = claims.flatMap((c) => c.citations);
  const current = citations.filter((c) => c.review?.status === 'reviewed').length;
  return {
    reviewed: current,
    stale: citations.filter((c) => c.review?.status === 'stale').length + orphans,
    unreviewed: citations.filter((c) => c.review?.status !== 'reviewed' && c.verdict !== 'supported').length,
  };
}
