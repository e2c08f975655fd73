// What a decision records: the citation as the reviewer saw it in a report (pure).
import type { ClaimReport, Report } from '../report/schema.js';
import type { Citation, Verdict } from '../types.js';
import type { Review } from './schema.js';

export interface Target {
  claim: ClaimReport;
  citation: Citation;
}

/** The citation a decision is about, or a one-line reason why there is none. */
export function findTarget(report: Report, claimId: string, ref: number): Target | string {
  const claim = report.claims.find((c) => c.id === claimId);
  if (!claim) return `no claim ${claimId} in the report (ids look like ${report.claims[0]?.id ?? 'c1a2b3c4d'})`;
  const citation = claim.citations.find((c) => c.ref === ref);
  if (!citation) return `claim ${claimId} cites ${claim.refs.map((r) => `[${r}]`).join('') || 'nothing'}, not [${ref}]`;
  return { claim, citation };
}

/** The decision, with the fingerprint, URL and link status that make it go stale when they change. */
export function makeReview(input: {
  report: Report; target: Target; article: string; verdict: Verdict; note: string; reviewer: string; at: Date;
}): Review {
  const { claim, citation } = input.target;
  const source = input.report.sources.find((s) => s.ref === citation.ref);
  // A stale or current review in the report: judge against citecheck's own verdict, not the old decision.
  const toolVerdict = citation.review?.toolVerdict ?? citation.verdict;
  return {
    article: input.article, claim: claim.id, ref: citation.ref,
    ...(source?.url !== undefined ? { url: source.url } : {}),
    verdict: input.verdict, note: input.note, reviewer: input.reviewer, reviewedAt: input.at.toISOString(),
    toolVerdict, linkStatus: citation.linkStatus,
    ...(source?.fingerprint !== undefined ? { fingerprint: source.fingerprint } : {}),
    claimText: claim.text,
  };
}

/** What the interactive walk visits: citations failing the run or partly supported, not yet decided. */
export function pendingCitations(report: Report): Target[] {
  const fail = new Set<Verdict>([...report.run.failOn, 'partial']);
  return report.claims.flatMap((claim) => claim.citations
    .filter((c) => c.review?.status !== 'reviewed' && fail.has(c.verdict))
    .map((citation) => ({ claim, citation })));
}
