// Builds report.json from the pipeline's results: stable ordering, summary counts, the exit code.
import { findingFails } from './finding-rules.js';
import {
  LINK_STATUSES, VERDICTS,
  type Article, type Citation, type Claim, type Finding, type SourceReport, type Verdict,
} from '../types.js';
import { REPORT_SCHEMA_VERSION, type ClaimReport, type Report, type Summary } from './schema.js';

export interface BuildInput {
  article: Article;
  claims: { claim: Claim; citations: Citation[]; verdict: Verdict }[];
  sources: SourceReport[];
  findings: Finding[];
  toolVersion: string;
  startedAt: string;
  durationMs: number;
  failOn: Verdict[];
  offline: boolean;
}

/** The order problems are shown in: what a reader must fix first comes first. */
export const PROBLEM_VERDICTS = ['broken', 'unsupported', 'missing', 'unverifiable'] as const satisfies readonly Verdict[];

/** Verdicts that count as the source backing the claim. */
export const SUPPORTING_VERDICTS: readonly Verdict[] = ['supported', 'partial'];

export function buildReport(input: BuildInput): Report {
  const claims: ClaimReport[] = [...input.claims]
    .sort((a, b) => a.claim.line - b.claim.line || a.claim.column - b.claim.column)
    .map(({ claim, citations, verdict }) => ({
      id: claim.id,
      text: claim.text,
      refs: [...claim.refs],
      section: claim.section,
      line: claim.line,
      column: claim.column,
      verdict,
      citations: citations.map((c) => ({ ...c, matched: [...c.matched], missing: [...c.missing] })),
    }));
  const sources = [...input.sources].sort((a, b) => a.ref - b.ref);
  const uncited = [...input.article.uncited].sort((a, b) => a.line - b.line || a.column - b.column);
  const findings = [...input.findings].sort(compareFindings);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'citecheck', version: input.toolVersion },
    article: { path: input.article.path, title: input.article.title, ...(input.article.origin ? { origin: input.article.origin } : {}) },
    summary: summarise(claims, sources, uncited.length, input.offline),
    claims,
    sources,
    uncited,
    findings,
    run: { startedAt: input.startedAt, durationMs: input.durationMs, failOn: [...input.failOn] },
  };
}

/**
 * 1 when any citation carries a verdict the user asked to fail on, or when the article yielded no
 * claim at all (`no-claims`: nothing was verified, which must not pass CI) unless `--fail-on none`.
 */
export function exitCodeFor(report: Report, failOn: readonly Verdict[]): 0 | 1 {
  const fail = new Set(failOn);
  if (report.findings.some((f) => findingFails(f, fail))) return 1;
  return report.claims.some((c) => c.citations.some((cit) => failsRun(cit, fail))) ? 1 : 0;
}

/** A citation fails the run when its verdict is a --fail-on one, unless a current review decided it. */
export function failsRun(c: Citation, failOn: ReadonlySet<Verdict>): boolean {
  return failOn.has(c.verdict) && c.review?.status !== 'reviewed';
}

export function summarise(
  claims: readonly ClaimReport[], sources: readonly SourceReport[], uncited: number, offline: boolean,
): Summary {
  const citations = claims.flatMap((c) => c.citations);
  const byVerdict = countBy(VERDICTS, citations.map((c) => c.verdict));
  const byLinkStatus = countBy(LINK_STATUSES, sources.map((s) => s.linkStatus));
  const supporting = citations.filter((c) => SUPPORTING_VERDICTS.includes(c.verdict)).length;
  const cited = claims.filter((c) => c.citations.length > 0);
  const covered = cited.filter((c) => c.citations.some((cit) => SUPPORTING_VERDICTS.includes(cit.verdict))).length;
  return {
    claims: claims.length,
    citations: citations.length,
    uncited,
    byVerdict,
    byLinkStatus,
    citationPrecision: ratio(supporting, citations.length),
    claimCoverage: ratio(covered, cited.length),
    offline,
  };
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) counts[v] += 1;
  return counts;
}

/** Rounded to 4 places so report.json stays readable and goldens do not hinge on float noise. */
function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

function compareFindings(a: Finding, b: Finding): number {
  const inf = Number.POSITIVE_INFINITY;
  return (a.line ?? inf) - (b.line ?? inf) || (a.ref ?? inf) - (b.ref ?? inf)
    || a.kind.localeCompare(b.kind) || a.message.localeCompare(b.message);
}

/** Claim reports with the citations of one verdict, in reading order (for the renderers). */
export function citationsWithVerdict(r: Report, verdict: Verdict): { claim: ClaimReport; citation: Citation }[] {
  return r.claims.flatMap((claim) =>
    claim.citations.filter((c) => c.verdict === verdict).map((citation) => ({ claim, citation })));
}

/** Renderers look a source up per citation: a map per report, not a scan per lookup. */
const sourcesByRef = new WeakMap<Report, Map<number, SourceReport>>();

export function sourceFor(r: Report, ref: number): SourceReport | undefined {
  let byRef = sourcesByRef.get(r);
  if (!byRef) {
    byRef = new Map();
    // The first entry of a ref wins, as a scan would find it.
    for (const s of r.sources) if (!byRef.has(s.ref)) byRef.set(s.ref, s);
    sourcesByRef.set(r, byRef);
  }
  return byRef.get(ref);
}
