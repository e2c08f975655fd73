// The report of a whole run: one article keeps today's single-article shape; several become
// `articles[]` with a run-wide summary. One exit code for the run.
import type { Verdict } from '../types.js';
import { exitCodeFor, summarise } from './build.js';
import { articleViews, REPORT_SCHEMA_VERSION, type AnyReport, type Changes, type Report } from './schema.js';

export function buildRunReport(reports: readonly Report[], changes?: Changes): AnyReport {
  const [first] = reports;
  if (!first) throw new Error('a run report needs at least one article');
  if (reports.length === 1) return changes ? { ...first, changes } : first;
  const summary = summarise(
    reports.flatMap((r) => r.claims), reports.flatMap((r) => r.sources),
    reports.reduce((n, r) => n + r.summary.uncited, 0), reports.some((r) => r.summary.offline),
  );
  const reviewed = reports.flatMap((r) => (r.summary.reviews ? [r.summary.reviews] : []));
  if (reviewed.length > 0) {
    summary.reviews = {
      reviewed: reviewed.reduce((n, x) => n + x.reviewed, 0),
      stale: reviewed.reduce((n, x) => n + x.stale, 0),
      unreviewed: reviewed.reduce((n, x) => n + x.unreviewed, 0),
    };
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: first.tool,
    summary,
    articles: reports.map(({ article, summary: s, claims, sources, uncited, findings }) =>
      ({ article, summary: s, claims, sources, uncited, findings })),
    ...(changes ? { changes } : {}),
    run: first.run,
  };
}

/** 1 when any citation of any article carries a verdict the user asked to fail on. */
export function runExitCode(r: AnyReport, failOn: readonly Verdict[]): 0 | 1 {
  return articleViews(r).some((view) => exitCodeFor(view, failOn) === 1) ? 1 : 0;
}
