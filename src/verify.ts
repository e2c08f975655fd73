// The pipeline, top to bottom: references → fetch → read page → judge link → match → verdict → report.
import { ARCHIVE_WORTHY, checkArchives, type ArchiveStep } from './archive/check.js';
import type { Reference } from './config/schema.js';
import { sourceChecks } from './history/checks.js';
import { hasNews, recordRun } from './history/rot.js';
import type { History } from './history/schema.js';
import { previousOf, type HistoryReader, type HistoryRun } from './history/reader.js';
import { extractKeyPhrases } from './judge/phrases.js';
import { matchClaim } from './judge/match.js';
import { claimVerdict, isReadStatus, judgeCitation } from './judge/verdict.js';
import { readPage } from './page/read.js';
import { judgeLink } from './judge/link.js';
import { buildReport } from './report/build.js';
import type { Changes, Report } from './report/schema.js';
import { markOffline, planSource, sourceReport, type LinkJudgement, type Source } from './source.js';
import { sourceFindings, unusedReferences } from './source-findings.js';
import { fetchSources, type FetchOptions } from './sources/fetch.js';
import type { ArchiveCheck, Article, Citation, Page, SourceFetch, Verdict } from './types.js';

export interface VerifyInput {
  article: Article;
  references: readonly Reference[];
  toolVersion: string;
  failOn: readonly Verdict[];
  fetch?: Partial<FetchOptions>;
  /** Recorded responses to use instead of the network (`--replay`). */
  replay?: ReadonlyMap<string, SourceFetch>;
  /**
   * The link-rot history so far, or a store asked for the history of this run's URLs only; the
   * result carries it with this run added, and `run` for the store to record.
   */
  history?: History | HistoryReader;
  /** Archived copies for failing or drifted sources (`--archive`). */
  archive?: ArchiveStep;
  now?: () => Date;
}

export interface VerifyResult {
  report: Report;
  /** Every source by reference number, with what was fetched and read. */
  sources: Map<number, Source>;
  /** Every response this run used, archives included (for `--warc`). */
  fetches: SourceFetch[];
  history?: History;
  /** What this run tells the history (absent offline and without a history): `HistoryStore.record` it. */
  run?: HistoryRun;
}

export async function verify(input: VerifyInput): Promise<VerifyResult> {
  const now = input.now ?? (() => new Date());
  const started = now();
  const byId = new Map(input.references.map((r) => [r.id, r]));
  const sources = new Map<number, Source>();
  for (const id of new Set(input.article.claims.flatMap((c) => c.refs))) sources.set(id, planSource(id, byId.get(id)));

  const urls = [...sources.values()].flatMap((s) => (s.url && !s.link ? [s.url] : []));
  const fetched = input.replay ?? (await fetchSources(urls, input.fetch ?? {}));
  for (const source of sources.values()) {
    if (source.link || !source.url) continue;
    const f = fetched.get(source.url);
    if (!f) {
      source.link = { linkStatus: 'error', reason: 'no recorded response for this URL in the replay file' };
      continue;
    }
    source.fetch = f;
    source.page = await readPage(f);
    source.link = judgeLink(f, source.page);
  }
  const offline = markOffline(sources.values());

  const cite = () => input.article.claims.map((claim) => {
    const citations = claim.refs.map((ref) => citeOne(claim.text, ref, sources.get(ref), byId.get(ref)));
    return { claim, citations, verdict: claimVerdict(citations) };
  });
  let claims = cite();
  // An offline run says nothing about the sources: it must not add strikes to anyone's history.
  const before = input.history && !offline ? previousOf(input.history, sources.values()) : undefined;
  const run = before && { at: started, checks: sourceChecks(sources.values(), claims.flatMap((c) => c.citations), before) };
  const recorded = before && run ? recordRun(before, run) : undefined;
  if (input.archive && !offline) {
    const drifted = new Set(recorded?.changes.drifted.map((d) => d.url));
    const needy = [...sources.values()].filter((s) =>
      (s.link && ARCHIVE_WORTHY.has(s.link.linkStatus)) || (s.url !== undefined && drifted.has(s.url)));
    await checkArchives(needy, byId, input.archive, started);
    claims = cite();
  }
  const changes: Changes | undefined = recorded && {
    ...recorded.changes,
    ...(before?.updatedAt ? { previousRunAt: before.updatedAt } : {}),
    news: hasNews(recorded.changes, 'broken'),
  };
  const report = buildReport({
    article: input.article,
    claims,
    sources: [...sources.values()].sort((a, b) => a.ref - b.ref).map(sourceReport),
    findings: [
      ...input.article.findings, ...sourceFindings(sources, byId, offline),
      ...unusedReferences(input.references, new Set(sources.keys()), input.article.findings),
    ],
    toolVersion: input.toolVersion,
    startedAt: started.toISOString(),
    durationMs: now().getTime() - started.getTime(),
    failOn: [...input.failOn],
    offline,
  });
  const fetches = [...sources.values()].flatMap((s) => [s.fetch, s.archive?.fetch].filter((f) => f !== undefined));
  return {
    report: changes ? { ...report, changes } : report,
    sources,
    fetches: [...new Map(fetches.map((f) => [f.url, f])).values()],
    ...(recorded && run ? { history: recorded.history, run } : {}),
  };
}

function matchPage(text: string, read: { page?: Page; link?: LinkJudgement }, reference: Reference | undefined, url: string | undefined) {
  const { page, link } = read;
  if (!page || !link || !isReadStatus(link.linkStatus)) return undefined;
  return matchClaim(text, extractKeyPhrases(text, reference?.phrases), page, url ? { url } : {});
}

function citeOne(text: string, ref: number, source: Source | undefined, reference: Reference | undefined): Citation {
  const link = source?.link ?? { linkStatus: 'no-url' as const, reason: 'no reference with this number' };
  const match = matchPage(text, source ?? {}, reference, source?.fetch?.finalUrl ?? source?.url);
  const citation = judgeCitation({ ref, linkStatus: link.linkStatus, linkReason: link.reason, match });
  const archive = source?.archive;
  if (!archive?.link) return citation;
  const archived = judgeCitation({
    ref, linkStatus: archive.link.linkStatus, linkReason: archive.link.reason,
    match: matchPage(text, archive, reference, archive.url),
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
