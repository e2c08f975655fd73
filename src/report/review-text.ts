// One line saying who decided a citation, when, and why — shared by every report format.
import type { CitationReview } from '../types.js';

export function reviewLine(r: CitationReview): string {
  const day = r.reviewedAt.slice(0, 10);
  const note = r.note ? `: ${r.note}` : '';
  if (r.status === 'stale') {
    return `review from ${day} is stale: ${r.staleReason ?? 'the source changed'} (${r.reviewer} had said ${r.verdict}${note})`;
  }
  return `reviewed ${r.verdict} by ${r.reviewer} on ${day} (citecheck says ${r.toolVerdict})${note}`;
}
