// Once the pages are in: every citation judged, the history's changes, archived copies, each article's report.
// Loaded while the first requests are in flight: nothing here is needed before them.
import { ARCHIVE_WORTHY, checkArchives, type ArchiveStep } from './archive/check.js';
import { sourceChecks } from './history/checks.js';
import { hasNews, recordRun } from './history/rot.js';
import type { History } from './history/schema.js';
import { claimVerdict, isReadStatus, judgeCitation } from './judge/verdict.js';
import { askKey, type MatchAsk } from './read-task.js';
import { buildReport } from './report/build.js';
import type { Changes } from './report/schema.js';
import { toMatch, type Asking } from './run-plan.js';
import { sourceFindings, unusedReferences } from './source-findings.js';
import { markOffline, sourceReport, type Source } from './source.js';
import type { ArchiveCheck, Citation, SourceFetch } from './types.js';
import type { RunInput, RunResult } from './verify.js';

export interface Fetched {
  planned: readonly Asking[];
  /** Every source of the run, with what the stage fetched and read for it. */
  all: readonly Source[];
  /** The history of the run's URLs before this run (asked only when the run was not offline). */
  previous: () => History | undefined;
  started: Date;
}

/** The run's verdicts, history changes and reports from what the stage fetched and read. */
export async function finishRun(input: RunInput, fetched: Fetched): Promise<RunResult> {
  const { planned, all, previous, started } = fetched;
  const now = input.now ?? (() => new Date());
  const offline = markOffline(all);
  const cite = (p: Asking) => p.article.claims.map((claim) => {
    const citations = claim.refs.map((ref) => citeOne(toMatch(claim, p, ref), ref, p.sources.get(ref)));
    return { claim, citations, verdict: claimVerdict(citations) };
  });
  let claims = planned.map(cite);
  // An offline run says nothing about the sources: it must not add strikes to anyone's history.
  const before = offline ? undefined : previous();
  const run = before && {
    at: started,
    checks: planned.flatMap((p, i) => sourceChecks(p.sources.values(), (claims[i] ?? []).flatMap((c) => c.citations))),
  };
  const recorded = before && run ? recordRun(before, run) : undefined;
  if (input.archive && !offline) {
    const drifted = new Set(recorded?.changes.drifted.map((d) => d.url));
    const step = onceByUrl(input.archive);
    for (const p of planned) {
      const needy = [...p.sources.values()].filter((s) =>
        (s.link && ARCHIVE_WORTHY.has(s.link.linkStatus)) || (s.url !== undefined && drifted.has(s.url)));
      await checkArchives(needy, p.byId, step, started);
      await matchArchives(needy, (ref) => p.article.claims.filter((c) => c.refs.includes(ref)).map((c) => toMatch(c, p, ref)));
    }
    claims = planned.map(cite);
    for (const s of all) if (s.archive?.fetch) input.evidence?.(s.archive.fetch);
  }
  const changes: Changes | undefined = recorded && {
    ...recorded.changes,
    ...(before?.updatedAt ? { previousRunAt: before.updatedAt } : {}),
    news: hasNews(recorded.changes, 'broken'),
  };
  const durationMs = now().getTime() - started.getTime();
  const articles = planned.map((p, i) => ({
    sources: p.sources,
    report: buildReport({
      article: p.article,
      claims: claims[i] ?? [],
      sources: [...p.sources.values()].sort((a, b) => a.ref - b.ref).map(sourceReport),
      findings: [
        ...p.article.findings, ...sourceFindings(p.sources, p.byId, offline, p.article.references),
        ...unusedReferences(p.fromFile ?? p.references, new Set(p.sources.keys()), p.article.findings),
      ],
      toolVersion: input.toolVersion, startedAt: started.toISOString(), durationMs, failOn: [...input.failOn], offline,
    }),
  }));
  const fetches = all.flatMap((s) => [s.fetch, s.archive?.fetch].filter((f) => f !== undefined));
  return {
    articles,
    ...(changes ? { changes } : {}),
    fetches: [...new Map(fetches.map((f) => [f.url, f])).values()],
    ...(recorded && run ? { history: recorded.history, run } : {}),
  };
}

/** Archived copies are few: their claims are matched here, with the readers loaded on demand. */
async function matchArchives(sources: readonly Source[], asksOf: (ref: number) => MatchAsk[]): Promise<void> {
  const readable = sources.filter((s) => s.archive?.page && s.archive.link && isReadStatus(s.archive.link.linkStatus));
  if (readable.length === 0) return;
  const { matchAsks } = await import('./read-source.js');
  for (const s of readable) {
    const { archive } = s;
    if (!archive?.page) continue;
    const asks = asksOf(s.ref);
    const matches = matchAsks(archive.page, asks, archive.url);
    archive.matches = new Map(asks.map((a, i) => [askKey(a), matches[i]]));
  }
}

/** The archive step with each archived copy fetched once per run, for every article that needs it. */
function onceByUrl(step: ArchiveStep): ArchiveStep {
  const seen = new Map<string, SourceFetch>();
  return {
    ...step,
    fetch: async (urls) => {
      const missing = urls.filter((u) => !seen.has(u));
      if (missing.length > 0) for (const [u, f] of await step.fetch(missing)) seen.set(u, f);
      return seen;
    },
  };
}

/** The claim's match on a read page (made by the reader as the page arrived). */
function matchOf(ask: MatchAsk, read: Pick<Source, 'link' | 'matches'> | undefined) {
  return read?.link && isReadStatus(read.link.linkStatus) ? read.matches?.get(askKey(ask)) : undefined;
}

function citeOne(ask: MatchAsk, ref: number, source: Source | undefined): Citation {
  const link = source?.link ?? { linkStatus: 'no-url' as const, reason: 'no reference with this number' };
  const match = matchOf(ask, source);
  const citation = judgeCitation({ ref, linkStatus: link.linkStatus, linkReason: link.reason, match, ...(link.truncated ? { truncated: link.truncated } : {}) });
  const archive = source?.archive;
  if (!archive?.link) return citation;
  const archived = judgeCitation({
    ref, linkStatus: archive.link.linkStatus, linkReason: archive.link.reason,
    match: matchOf(ask, archive),
    ...(archive.link.truncated ? { truncated: archive.link.truncated } : {}),
  });
  const check: ArchiveCheck = {
    url: archive.url, linkStatus: archive.link.linkStatus, verdict: archived.verdict, score: archived.score,
    reason: archived.reason,
    ...(archive.capturedAt ? { capturedAt: archive.capturedAt } : {}),
    ...(archived.evidence ? { evidence: archived.evidence } : {}),
  };
  const when = archive.capturedAt ? ` (${archive.capturedAt.slice(0, 10)})` : '';
  return { ...citation, archive: check, reason: `${citation.reason}; ${archived.verdict} by archive${when}` };
}
