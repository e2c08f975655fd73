// The pipeline, top to bottom: references → fetch → read page → judge link → match → verdict → report.
// One run may audit several articles: every distinct URL is fetched, read and judged once, then each
// article's citations are judged against what that URL gave.
import { ARCHIVE_WORTHY, checkArchives, type ArchiveStep } from './archive/check.js';
import type { Reference } from './config/schema.js';
import { lastMatched, sourceChecks } from './history/checks.js';
import { hasNews, recordRun } from './history/rot.js';
import type { History } from './history/schema.js';
import { previousOf, type HistoryReader, type HistoryRun } from './history/reader.js';
import { textsBefore } from './judge/before.js';
import { quoteApplies, type QuoteApplies } from './judge/quote-fit.js';
import { claimVerdict, isReadStatus, judgeCitation } from './judge/verdict.js';
import { DEFAULT_READ_BUDGET, type ReadBudget } from './page/budget.js';
import { fetchAndRead, type UrlPlan } from './read-stage.js';
import { askKey, type MatchAsk, type ReadSource } from './read-task.js';
import type { Changes, Report } from './report/schema.js';
import { markOffline, planSource, sourceReport, type Source } from './source.js';
import type { FetchOptions } from './sources/fetch.js';
import type { ArchiveCheck, Article, Citation, Claim, SourceFetch, Verdict } from './types.js';

export type { UrlPlan } from './read-stage.js';

/** One article of a run with the references its footnotes point to (merged by id). */
export interface ArticleInput {
  article: Article;
  references: readonly Reference[];
  /** The entries that came from a references.json (an unused one is a finding); default: all of `references`. */
  fromFile?: readonly Reference[];
}

export interface RunInput {
  articles: readonly ArticleInput[];
  toolVersion: string;
  failOn: readonly Verdict[];
  fetch?: Partial<FetchOptions>;
  /** Recorded responses to use instead of the network (`--replay`). */
  replay?: ReadonlyMap<string, SourceFetch>;
  /**
   * Fetches, reads and judges the run's URLs somewhere else (a fleet of workers behind a job queue)
   * instead of here; each URL comes with the claims to match on it.
   */
  sourceStage?: (urls: readonly UrlPlan[]) => Promise<ReadonlyMap<string, ReadSource>>;
  /**
   * The link-rot history so far (one per run, keyed by URL), or a store asked for the history of this
   * run's URLs only; the result carries it with this run added, and `run` for the store to record.
   * A function opens the store once the first requests are in flight (pages are read after it).
   */
  history?: History | HistoryReader | (() => Promise<History | HistoryReader>);
  /** Archived copies for failing or drifted sources (`--archive`). */
  archive?: ArchiveStep;
  /** Budgets for reading one page (`--read-budget`, `--max-depth`, `--pdf-max-pages`). */
  read?: Partial<ReadBudget>;
  /** Worker threads that read pages (read-pool.ts); 0 or absent reads them on this thread. */
  workers?: number;
  /** False drops each response body once it is read (nothing will write it); default true. */
  keepBodies?: boolean;
  /**
   * Called once with each response the run uses (sources as they arrive, then archived copies),
   * before its body is handed on: `--warc` writes them as the run goes. Copy what you keep.
   */
  evidence?: (fetch: SourceFetch) => void;
  now?: () => Date;
}

export type VerifyInput = Omit<RunInput, 'articles'> & ArticleInput;

export interface ArticleResult {
  /** The single-article report (with the run's `changes` when there is one article). */
  report: Report;
  /** Every source of this article by reference number, with what was fetched and read. */
  sources: Map<number, Source>;
}

export interface RunResult {
  articles: ArticleResult[];
  /** What changed since the previous run (history), for the whole run. */
  changes?: Changes;
  /** Every response this run used, archives included; bodies only with `keepBodies` (the CLI streams them to `--warc` through `evidence`). */
  fetches: SourceFetch[];
  history?: History;
  /** What this run tells the history (absent offline and without a history): `HistoryStore.record` it. */
  run?: HistoryRun;
}

export type VerifyResult = ArticleResult & Omit<RunResult, 'articles' | 'changes'>;

/** The one-article run: today's API, today's report shape. */
export async function verify(input: VerifyInput): Promise<VerifyResult> {
  const { article, references, ...rest } = input;
  const run = await verifyRun({ ...rest, articles: [{ article, references }] });
  const [only] = run.articles;
  if (!only) throw new Error('verifyRun returned no article');
  const { articles: _, changes, ...shared } = run;
  return { ...shared, sources: only.sources, report: changes ? { ...only.report, changes } : only.report };
}

interface Planned extends ArticleInput {
  byId: Map<number, Reference>;
  sources: Map<number, Source>;
  /** The text before each claim on its line (who "he" is), for the matcher. */
  before: Map<Claim, string>;
  /** Whether a reference's quote is a given phrase for a claim (a reused reference's quote is one claim's). */
  quoteApplies: QuoteApplies;
}

export async function verifyRun(input: RunInput): Promise<RunResult> {
  const now = input.now ?? (() => new Date());
  const started = now();
  const planned: Planned[] = await Promise.all(input.articles.map(planArticle));
  const all = planned.flatMap((p) => [...p.sources.values()]);

  const urls = [...new Set(all.flatMap((s) => (s.url && !s.link ? [s.url] : [])))];
  // One stream: each response is read (on a worker thread), its link judged and the claims citing
  // it matched as soon as it arrives, while other requests are in flight; results are keyed by URL.
  // The history of this run's URLs: a fleet takes it with the URLs; a local run asks when the first
  // page is read (not before the first request, and never when every fetch failed).
  const history = historyLater(input.history);
  let known: History | undefined;
  const previous = (): History | undefined => {
    const opened = history?.opened();
    return (known ??= opened && previousOf(opened, all));
  };
  const fleetStage = input.sourceStage;
  const read = fleetStage
    ? await (async () => {
      await history?.open();
      return fleetStage(planUrls(planned, urls, history ? previous() : undefined));
    })()
    : await stageWithHistory(history, (ready) => fetchAndRead(planUrls(planned, urls, undefined), {
      fetch: input.fetch ?? {}, budget: { ...DEFAULT_READ_BUDGET, ...input.read },
      workers: input.workers ?? 0, keepBodies: input.keepBodies ?? true,
      ...(input.replay ? { replay: input.replay } : {}),
      ...(input.evidence ? { evidence: input.evidence } : {}),
      ...(history ? { previous: (url: string) => lastMatched(previous(), url) } : {}),
      ...(ready ? { ready } : {}),
    }));
  // A fleet's responses come back with its results: handed on as the stage ends.
  if (input.sourceStage && input.evidence) for (const r of read.values()) if (r.fetch) handOn(r.fetch, input.evidence, input.keepBodies ?? true);
  for (const source of all) {
    const r = source.url && !source.link ? read.get(source.url) : undefined;
    if (r) Object.assign(source, r);
  }
  const offline = markOffline(all);

  const cite = (p: Planned) => p.article.claims.map((claim) => {
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
  // Loaded once the pages are in (the findings load the stemmers): the first request does not wait for them.
  const [{ buildReport }, { sourceFindings, unusedReferences }] = await Promise.all([import('./report/build.js'), import('./source-findings.js')]);
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

/** The run's history, given or opened on demand: `open()` opens it (once) and settles when it is open. */
interface LaterHistory {
  open(): Promise<void>;
  opened(): History | HistoryReader | undefined;
  /** Only for a history opened on demand: what reads must wait for. */
  lazy: boolean;
}

function historyLater(given: RunInput['history']): LaterHistory | undefined {
  if (given === undefined) return undefined;
  if (typeof given !== 'function') return { open: () => Promise.resolve(), opened: () => given, lazy: false };
  let opened: History | HistoryReader | undefined;
  let opening: Promise<void> | undefined;
  return {
    open: () => (opening ??= given().then((h) => { opened = h; })),
    opened: () => opened,
    lazy: true,
  };
}

/**
 * Starts the fetch stage, and only then opens a history given as a function (a store on disk: ~20 ms
 * of loading and schema checks on Node 20), so the first requests do not wait for it; reads wait
 * for it instead. A history that fails to open stops the stage and the run with its error.
 */
async function stageWithHistory<T>(history: LaterHistory | undefined, stage: (ready?: Promise<void>) => Promise<T>): Promise<T> {
  if (!history?.lazy) return stage();
  let start!: () => void;
  const ready = new Promise<void>((resolve) => { start = resolve; }).then(() => history.open());
  ready.catch(() => undefined); // awaited by the stage and below; not unhandled in between
  const running = stage(ready);
  // setImmediate: after this turn, in which the stage creates its first requests.
  setImmediate(start);
  const [result] = await Promise.all([running, ready]);
  return result;
}

/** A fleet's response to the evidence sink; its body is dropped after unless the caller keeps bodies. */
function handOn(fetch: SourceFetch, evidence: (f: SourceFetch) => void, keep: boolean): void {
  evidence(fetch);
  if (!keep && fetch.outcome.kind === 'response') fetch.outcome = { ...fetch.outcome, body: new Uint8Array(0) };
}

/** Each article's sources by footnote number; a URL needs no network to be `no-url` or `invalid-url`. */
async function planArticle(a: ArticleInput): Promise<Planned> {
  const byId = new Map(a.references.map((r) => [r.id, r]));
  const sources = new Map<number, Source>();
  for (const id of new Set(a.article.claims.flatMap((c) => c.refs))) sources.set(id, planSource(id, byId.get(id)));
  const quotes = await quoteApplies(a.article.claims, (id) => byId.get(id)?.quote?.trim());
  return { ...a, byId, sources, before: textsBefore(a.article.claims), quoteApplies: quotes };
}

/** Each URL's citing claims, once per distinct ask; with a history, what it matched there before. */
function planUrls(planned: readonly Planned[], urls: readonly string[], history: History | undefined): UrlPlan[] {
  const asks = new Map(urls.map((u) => [u, new Map<string, MatchAsk>()]));
  for (const p of planned) {
    for (const claim of p.article.claims) {
      for (const ref of claim.refs) {
        const url = p.sources.get(ref)?.url;
        const ask = toMatch(claim, p, ref);
        if (url) asks.get(url)?.set(askKey(ask), ask);
      }
    }
  }
  return urls.map((url) => ({ url, asks: [...(asks.get(url)?.values() ?? [])], ...(history ? { previous: lastMatched(history, url) } : {}) }));
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

/** A claim with what its match depends on: the text before it (pronouns), the phrases its reference gives and the passage quoted from it (when it speaks to this claim). */
function toMatch(claim: Claim, p: Planned, ref: number): MatchAsk {
  const reference = p.byId.get(ref);
  const quote = reference?.quote?.trim();
  const phrases = quote && p.quoteApplies(claim, ref) ? [...(reference?.phrases ?? []), quote] : reference?.phrases;
  return { text: claim.text, before: p.before.get(claim) ?? '', ...(phrases ? { phrases } : {}) };
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
