// The local source stage: fetch and read as one stream, each response handed to a reader the moment it arrives.
import diagnostics from 'node:diagnostics_channel';
import type { ReadBudget } from './page/budget.js';
import { openReader } from './read-pool.js';
import { filed, type MatchAsk, type ReadSource, type ReadTask } from './read-task.js';
import { DEFAULT_FETCH_OPTIONS, fetchSources, type FetchOptions } from './sources/fetch.js';
import type { SourceFetch } from './types.js';

/** One URL of the run: the claims citing it, and (fleet runs) what the history matched there before. */
export interface UrlPlan {
  url: string;
  asks: MatchAsk[];
  /** Absent on a local run: the stage asks `previous` when the page arrives. */
  previous?: string[];
}

export interface StageOptions {
  fetch: Partial<FetchOptions>;
  replay?: ReadonlyMap<string, SourceFetch>;
  budget: ReadBudget;
  /** Phrases the history matched on a URL before, asked only for a response (an offline run asks nothing). */
  previous?: (url: string) => string[];
  /**
   * Settles once the plans' asks are final and `previous` can answer (both may be worked out while
   * the first requests are in flight): reads wait for it; if it fails, no further request starts and
   * the stage fails with its error.
   */
  ready?: Promise<void>;
  /** Worker threads reading pages; 0 reads them on this thread. */
  workers: number;
  /** Keep each response's body and headers after reading; otherwise they are dropped once handed over. */
  keepBodies: boolean;
  /** Each response as it arrives, before its body moves to a reader (`--warc` writes it then). */
  evidence?: (fetch: SourceFetch) => void;
  /** Requests in flight plus responses waiting for a reader thread, at most; default: concurrency + 16 per worker. */
  backlog?: number;
}

const NOTHING = new Uint8Array(0);
/** A dropped body's headers: only the reader judges them (judge/link.ts); ~0.4 KB a source otherwise kept until the report. */
const NO_HEADERS: Record<string, string> = Object.freeze({});
/** Responses each reader thread may have waiting, beyond the requests in flight. */
const BACKLOG_PER_WORKER = 16;

/**
 * Responses fetched but not yet read, bounded: once the readers are this far behind, the next request
 * waits for a read to finish. Reading is the slower stage on pages of real size; without the bound
 * their bodies queued up (80 KB news pages: peak RSS 563 MB at 2,000 sources).
 */
export class Backlog {
  private readonly admitted = new Set<string>();
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  readonly admit = (url: string): Promise<void> => {
    if (this.admitted.size < this.limit) {
      this.admitted.add(url);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => { this.admitted.add(url); resolve(); }));
  };

  /** The URL's read is done (a URL that was never admitted frees nothing). */
  release(url: string): void {
    if (this.admitted.delete(url)) this.waiting.shift()?.();
  }
}

/**
 * Calls `then` once the first request's headers are on the wire (undici's `sendHeaders` channel):
 * work started then runs while the first responses are awaited, without delaying the first request.
 * Returns a function that stops listening.
 */
function onFirstRequestSent(then: () => void): () => void {
  const channel = diagnostics.channel('undici:client:sendHeaders');
  const once = (): void => {
    channel.unsubscribe(once);
    setImmediate(then);
  };
  channel.subscribe(once);
  return () => channel.unsubscribe(once);
}

/**
 * Fetches every URL once and, with worker threads, reads it as it arrives (on this thread, once all
 * have arrived); the result is keyed by URL, whatever order responses came in.
 */
export async function fetchAndRead(plans: readonly UrlPlan[], opts: StageOptions): Promise<Map<string, ReadSource>> {
  const reader = openReader(opts.workers, opts.budget.maxTextChars);
  // Reading on this thread starts once every response is in: nothing to wait for then.
  const backlog = reader.onThisThread ? undefined : new Backlog(opts.backlog
    ?? (opts.fetch.concurrency ?? DEFAULT_FETCH_OPTIONS.concurrency) + BACKLOG_PER_WORKER * opts.workers);
  const { ready, previous } = opts;
  // Each plan's asks and what the history matched before are taken when a read starts (after
  // `ready`: the run may still be working them out while its first requests are in flight).
  let asksOf: Map<string, MatchAsk[]> | undefined;
  const asksFor = (url: string): MatchAsk[] => (asksOf ??= new Map(plans.map((p) => [p.url, p.asks]))).get(url) ?? [];
  let failed: { error: unknown } | undefined;
  ready?.catch((error: unknown) => { failed = { error }; });
  // Once `ready` has failed, the next URL is refused before its request: the run stops with that error.
  const admit = (url: string): Promise<void> => (failed ? Promise.reject(failed.error) : backlog?.admit(url) ?? Promise.resolve());
  const pending = new Map<string, Promise<ReadSource>>();
  const readOne = (f: SourceFetch): void => {
    opts.evidence?.(f);
    const outcome = f.outcome;
    // The task holds its own reference to the body, so the source can let go of it now.
    const fetch: SourceFetch = { ...f, outcome: { ...outcome } };
    const drop = !opts.keepBodies && !opts.replay && outcome.kind === 'response';
    const start = (): Promise<ReadSource> => {
      const asks = asksFor(f.url);
      const task: ReadTask = {
        fetch, asks, budget: opts.budget,
        ...(previous && outcome.kind === 'response' ? { previous: previous(f.url) } : {}),
      };
      // A page our reader fails on comes back unreadable (read-pool.ts): never an error status of the link.
      return reader.read(task, drop).then((done): ReadSource => filed(f, asks, done));
    };
    const settled = (ready ? ready.then(start) : start()).finally(() => backlog?.release(f.url));
    settled.catch(() => undefined); // awaited below; a failed `ready` must not count as unhandled meanwhile
    pending.set(f.url, settled);
    if (drop) {
      outcome.body = NOTHING;
      outcome.headers = NO_HEADERS;
    }
  };
  const urls = plans.map((p) => p.url);
  const arrived: SourceFetch[] = [];
  // The readers load (threads start) while the first responses are awaited, not after the first one arrives.
  const stopWaiting = opts.replay ? undefined : onFirstRequestSent(() => void reader.warm());
  try {
    if (opts.replay) for (const url of urls) { const f = opts.replay.get(url); if (f) readOne(f); }
    else if (reader.onThisThread) {
      await fetchSources(urls, { ...opts.fetch, onFetched: (f) => arrived.push(f), ...(ready ? { admit } : {}) });
      arrived.forEach(readOne);
    } else await fetchSources(urls, { ...opts.fetch, onFetched: readOne, ...(backlog || ready ? { admit } : {}) });
    const read = new Map<string, ReadSource>();
    for (const url of urls) {
      read.set(url, await pending.get(url) ?? { link: { linkStatus: 'error', reason: 'no recorded response for this URL in the replay file' } });
    }
    return read;
  } finally {
    stopWaiting?.();
    await reader.close();
  }
}
