// The pipeline, top to bottom: references → fetch → read page → judge link → match → verdict → report.
import type { Reference } from './config/schema.js';
import { readPage } from './page/read.js';
import { judgeLink } from './judge/link.js';
import { extractKeyPhrases } from './judge/phrases.js';
import { matchClaim } from './judge/match.js';
import { claimVerdict, judgeCitation } from './judge/verdict.js';
import { buildReport } from './report/build.js';
import type { Report } from './report/schema.js';
import { fetchSources, type FetchOptions } from './sources/fetch.js';
import { markOffline, planSource, sourceReport, type Source } from './source.js';
import type { Article, Citation, Finding, Page, SourceFetch, Verdict } from './types.js';

export interface VerifyInput {
  article: Article;
  references: readonly Reference[];
  toolVersion: string;
  failOn: readonly Verdict[];
  fetch?: Partial<FetchOptions>;
  /** Recorded responses to use instead of the network (`--replay`). */
  replay?: ReadonlyMap<string, SourceFetch>;
  now?: () => Date;
}

export interface VerifyResult {
  report: Report;
  /** Every source by reference number, with what was fetched and read (for history, WARC, archives). */
  sources: Map<number, Source>;
}

export async function verify(input: VerifyInput): Promise<VerifyResult> {
  const now = input.now ?? (() => new Date());
  const started = now();
  const byId = new Map(input.references.map((r) => [r.id, r]));
  const citedIds = new Set(input.article.claims.flatMap((c) => c.refs));
  const sources = new Map<number, Source>();
  for (const id of citedIds) sources.set(id, planSource(id, byId.get(id)));

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

  const claims = input.article.claims.map((claim) => {
    const citations = claim.refs.map((ref) => citeOne(claim.text, ref, sources.get(ref), byId.get(ref)));
    return { claim, citations, verdict: claimVerdict(citations) };
  });
  const findings: Finding[] = [...input.article.findings, ...sourceFindings(sources, byId, offline)];
  const report = buildReport({
    article: input.article,
    claims,
    sources: [...sources.values()].sort((a, b) => a.ref - b.ref).map(sourceReport),
    findings,
    toolVersion: input.toolVersion,
    startedAt: started.toISOString(),
    durationMs: now().getTime() - started.getTime(),
    failOn: [...input.failOn],
    offline,
  });
  return { report, sources };
}

function citeOne(text: string, ref: number, source: Source | undefined, reference: Reference | undefined): Citation {
  const link = source?.link ?? { linkStatus: 'no-url' as const, reason: 'no reference with this number' };
  const page: Page | undefined = source?.page;
  const readable = page !== undefined && page.layers.some((l) => l.text.trim() !== '');
  const match = readable && page
    ? matchClaim(text, extractKeyPhrases(text, reference?.phrases), page, { url: source?.fetch?.finalUrl ?? source?.url })
    : undefined;
  return judgeCitation({ ref, linkStatus: link.linkStatus, linkReason: link.reason, match });
}

function sourceFindings(
  sources: ReadonlyMap<number, Source>, byId: ReadonlyMap<number, Reference>, offline: boolean,
): Finding[] {
  const findings: Finding[] = [];
  if (offline) {
    findings.push({ kind: 'offline', message: 'Name resolution failed for every host: nothing could be reached. ' +
      'Check the network (or DNS) and run again; no source was judged dead.' });
  }
  for (const [ref, s] of sources) {
    if (byId.has(ref) && !s.url) {
      findings.push({ kind: 'reference-without-url', ref, message: `reference [${ref}] has no URL in references.json` });
    }
  }
  return findings;
}
