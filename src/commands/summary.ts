// The short summary `citecheck verify` prints on stdout: counts, the problems, where reports went.
import { failsRun } from '../report/build.js';
import { articleViews, isRunReport, type AnyReport } from '../report/schema.js';
import { counted } from '../plural.js';
import { terminalSafe } from '../terminal.js';
import { LINK_STATUSES, VERDICTS, type Verdict } from '../types.js';

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

export function formatSummary(r: AnyReport, written: readonly string[], failOn: readonly Verdict[], verbose: boolean): string {
  const s = r.summary;
  const views = articleViews(r);
  const lines: string[] = [];
  const sources = views.reduce((n, v) => n + v.sources.length, 0);
  const head = isRunReport(r) ? counted(views.length, 'article') : `${views[0]?.article.title || views[0]?.article.path || ''}`;
  lines.push(`${head} — ${counted(s.claims, 'claim')}, ${counted(s.citations, 'citation')}, ${counted(sources, 'source')}, ${counted(s.uncited, 'uncited sentence')}`);
  if (isRunReport(r)) {
    for (const v of views) lines.push(`  ${v.article.path}: ${counted(v.summary.claims, 'claim')}, ${counted(v.summary.citations, 'citation')}`);
  }
  if (s.offline) lines.push('OFFLINE: name resolution failed for every host, so nothing could be reached and no source was judged.');
  lines.push('');
  lines.push('verdict        citations');
  for (const v of VERDICTS) if (s.byVerdict[v] > 0) lines.push(`  ${v.padEnd(13)}${String(s.byVerdict[v]).padStart(4)}`);
  lines.push('link status    sources');
  for (const l of LINK_STATUSES) if (s.byLinkStatus[l] > 0) lines.push(`  ${l.padEnd(13)}${String(s.byLinkStatus[l]).padStart(4)}`);
  lines.push(`citation precision ${pct(s.citationPrecision)} · claim coverage ${pct(s.claimCoverage)}`);
  if (s.reviews) lines.push(`reviews: ${s.reviews.reviewed} reviewed, ${s.reviews.stale} stale, ${s.reviews.unreviewed} unreviewed problems`);
  const fail = new Set(failOn);
  // Several articles: each problem names its article's file before the line.
  const where = (path: string) => (isRunReport(r) ? `${path}:` : 'line ');
  const problems = views.flatMap((v) => v.claims.flatMap((c) => c.citations
    .filter((ci) => verbose || failsRun(ci, fail))
    .map((ci) => `  ${where(v.article.path)}${c.line} [${ci.ref}] ${ci.verdict}: ${ci.reason}`)));
  if (problems.length > 0) lines.push('', verbose ? 'citations:' : `failing (${failOn.join(', ')}):`, ...problems);
  if (written.length > 0) lines.push('', `reports: ${written.join(', ')}`);
  // Titles and reasons come from articles and pages: nothing in them may drive the terminal.
  return terminalSafe(`${lines.join('\n')}\n`);
}

export function printSummary(r: AnyReport, written: readonly string[], failOn: readonly Verdict[], verbose: boolean): void {
  process.stdout.write(formatSummary(r, written, failOn, verbose));
}
