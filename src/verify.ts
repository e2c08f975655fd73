// The pipeline, top to bottom: references → fetch → read page → judge link → match → verdict → report.
// One run may audit several articles: every distinct URL is fetched, read and judged once, then each
// article's citations are judged against what that URL gave. Before the first request only the plan
// is made (run-plan.ts); what judges and reports (run-verdicts.ts) loads while requests are in flight.
import type { ArchiveStep } from './archive/check.js';
import { lastMatched } from './history/checks.js';
import type { History } from './history/schema.js';
import { previousOf, type HistoryReader, type HistoryRun } from './history/reader.js';
import { DEFAULT_READ_BUDGET, type ReadBudget } from './page/budget.js';
import { readersFor } from './read-pool.js';
import { fetchAndRead, type UrlPlan } from './read-stage.js';
import type { ReadSource } from './read-task.js';
import type { Changes, Report } from './report/schema.js';
import { planArticle, planAsks, planUrls, type ArticleInput } from './run-plan.js';
import type { Source } from './source.js';
import type { FetchOptions } from './sources/fetch.js';
import type { SourceFetch, Verdict } from './types.js';

export type { UrlPlan } from './read-stage.js';

export type { ArticleInput } from './run-plan.js';

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
  /**
   * Worker threads that read pages (read-pool.ts); 0 or absent reads them on this thread; `auto`:
   * as many as the run's URL count is worth on this machine (readersFor).
   */
  workers?: number | 'auto';
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

export async function verifyRun(input: RunInput): Promise<RunResult> {
  const now = input.now ?? (() => new Date());
  const started = now();
  const planned = input.articles.map(planArticle);
  const all = planned.flatMap((p) => [...p.sources.values()]);
  const urls = [...new Set(all.flatMap((s) => (s.url && !s.link ? [s.url] : [])))];
  // setImmediate: after this turn, in which the stage below creates its first requests. Then, while
  // they are in flight: what each page is asked is worked out, the history opens, and what judges
  // and reports loads. Reads wait for the first two.
  const inFlight = new Promise<void>((resolve) => { setImmediate(resolve); });
  const later = <T>(work: () => Promise<T>): Promise<T> => {
    const done = inFlight.then(work);
    done.catch(() => undefined); // awaited by the stage or below; not unhandled in between
    return done;
  };
  const asking = later(() => Promise.all(planned.map(planAsks)));
  const finishing = later(() => import('./run-verdicts.js'));
  // The history of this run's URLs: a fleet takes it with the URLs; a local run asks when the first
  // page is read (not before the first request, and never when every fetch failed).
  const history = historyLater(input.history);
  const opening = history ? later(() => history.open()) : undefined;
  let known: History | undefined;
  const previous = (): History | undefined => {
    const opened = history?.opened();
    return (known ??= opened && previousOf(opened, all));
  };
  const fleetStage = input.sourceStage;
  let read: ReadonlyMap<string, ReadSource>;
  if (fleetStage) {
    const [asked] = await Promise.all([asking, opening]);
    read = await fleetStage(planUrls(asked, urls, history ? previous() : undefined));
  } else {
    // One stream: each response is read (on a worker thread), its link judged and the claims citing
    // it matched as soon as it arrives, while other requests are in flight; results are keyed by URL.
    const plans: UrlPlan[] = urls.map((url) => ({ url, asks: [] }));
    const ready = Promise.all([asking.then((asked) => {
      for (const [i, plan] of planUrls(asked, urls, undefined).entries()) if (plans[i]) plans[i].asks = plan.asks;
    }), opening]).then(() => undefined);
    read = await fetchAndRead(plans, {
      fetch: input.fetch ?? {}, budget: { ...DEFAULT_READ_BUDGET, ...input.read },
      workers: input.workers === 'auto' ? readersFor(urls.length) : input.workers ?? 0, keepBodies: input.keepBodies ?? true, ready,
      ...(input.replay ? { replay: input.replay } : {}),
      ...(input.evidence ? { evidence: input.evidence } : {}),
      ...(history ? { previous: (url: string) => lastMatched(previous(), url) } : {}),
    });
    await ready;
  }
  // A fleet's responses come back with its results: handed on as the stage ends.
  if (input.sourceStage && input.evidence) for (const r of read.values()) if (r.fetch) handOn(r.fetch, input.evidence, input.keepBodies ?? true);
  for (const source of all) {
    const r = source.url && !source.link ? read.get(source.url) : undefined;
    if (r) Object.assign(source, r);
  }
  return (await finishing).finishRun(input, { planned: await asking, all, previous, started });
}

/** The run's history, given or opened on demand: `open()` opens it (once) and settles when it is open. */
interface LaterHistory {
  open(): Promise<void>;
  opened(): History | HistoryReader | undefined;
}

function historyLater(given: RunInput['history']): LaterHistory | undefined {
  if (given === undefined) return undefined;
  if (typeof given !== 'function') return { open: () => Promise.resolve(), opened: () => given };
  let opened: History | HistoryReader | undefined;
  let opening: Promise<void> | undefined;
  return {
    // A store on disk: ~20 ms of loading and schema checks on Node 20, not spent before the first request.
    open: () => (opening ??= given().then((h) => { opened = h; })),
    opened: () => opened,
  };
}

/** A fleet's response to the evidence sink; its body is dropped after unless the caller keeps bodies. */
function handOn(fetch: SourceFetch, evidence: (f: SourceFetch) => void, keep: boolean): void {
  evidence(fetch);
  if (!keep && fetch.outcome.kind === 'response') fetch.outcome = { ...fetch.outcome, body: new Uint8Array(0) };
}
