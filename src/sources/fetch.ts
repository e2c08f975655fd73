// The fetch stage: dedupe, a global priority pool plus per-host p-limit pools, retries; the only place concurrency lives.
import pLimit, { type LimitFunction } from 'p-limit';
import type { Dispatcher } from 'undici';
import type { SourceFetch } from '../types.js';
import { createAgent, DEFAULT_USER_AGENT, getUrl, parseHttpUrl, type GetResult } from './http.js';
import { HostPriorityPool } from './pool.js';
import { planRetry } from './retry.js';

/** Emitted whenever a request starts or a URL finishes; enough to draw a one-line TTY progress display. */
export interface FetchProgress {
  /** URLs finished (after all their retries). */
  done: number;
  /** Distinct URLs in this run. */
  total: number;
  /** Requests on the wire right now. */
  inFlight: number;
  /** Distinct hosts with a request on the wire. */
  hostsInFlight: number;
  /** The host whose current request has been running longest, with its elapsed ms. */
  slowest?: { host: string; elapsedMs: number };
  /** The URL this event is about (just started or just finished). */
  url: string;
  event: 'start' | 'done';
}

export interface FetchOptions {
  /** Requests in flight over all hosts. */
  concurrency: number;
  /** Requests in flight to one hostname. */
  perHost: number;
  /** Retries after the first attempt (429, 503, other 5xx, 408, timeouts, resets). */
  retries: number;
  /** One deadline per attempt, covering connect, headers and body of every redirect hop. */
  timeoutMs: number;
  /** Cap on decoded body bytes; a longer body is cut and marked `truncated`. */
  maxBytes: number;
  maxRedirects: number;
  /** A Retry-After longer than this stops the retries. */
  maxRetryAfterMs: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  userAgent: string;
  /** Turn the private-address guard off (tests, intranets). */
  allowPrivateHosts: boolean;
  /** Hostnames the guard lets through while it stays on for everything else (an intranet wiki). */
  allowHosts: readonly string[];
  /** Inject a dispatcher (MockAgent in tests); when absent a guarded Agent is made and closed. */
  dispatcher?: Dispatcher;
  sleep: (ms: number) => Promise<void>;
  /** Jitter source, [0, 1). */
  random: () => number;
  onProgress?: (event: FetchProgress) => void;
  /** Each URL's final result as soon as it is known (after its retries), so it can be read while others are in flight. */
  onFetched?: (fetched: SourceFetch) => void;
  /**
   * Awaited before a URL's first request, once it holds its slots: the readers' backpressure (a
   * request waits while too many responses are still unread, so their bodies do not pile up).
   */
  admit?: (url: string) => Promise<void>;
}

export const DEFAULT_FETCH_OPTIONS: Readonly<FetchOptions> = Object.freeze({
  concurrency: 16,
  perHost: 2,
  retries: 2,
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 10,
  maxRetryAfterMs: 30_000,
  retryBaseMs: 500,
  retryMaxDelayMs: 8_000,
  userAgent: DEFAULT_USER_AGENT,
  allowPrivateHosts: false,
  allowHosts: [],
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
});

/** Fetches every distinct URL once (with retries); the map is keyed by the URL exactly as given. */
export async function fetchSources(urls: readonly string[], options: Partial<FetchOptions> = {}): Promise<Map<string, SourceFetch>> {
  const opts: FetchOptions = { ...DEFAULT_FETCH_OPTIONS, ...options };
  const unique = [...new Set(urls)];
  const dispatcher = opts.dispatcher
    ?? createAgent({ timeoutMs: opts.timeoutMs, connections: opts.perHost,
      allowPrivateHosts: opts.allowPrivateHosts, allowHosts: opts.allowHosts });
  const run = new Run(opts, dispatcher, unique.length);
  try {
    const results = await run.all(unique);
    return new Map(results.map((r) => [r.url, r]));
  } finally {
    // An injected dispatcher belongs to the caller; only the Agent made here is closed.
    if (!opts.dispatcher) await dispatcher.close().catch(() => undefined);
  }
}

/**
 * A URL is started (an async call, its closures, its place in the host's queue) only once its host
 * has a free slot: until then it is one index in its host's list. Starting every URL at once held
 * ~1 KB per waiting URL for the whole run (10 MB at 10,000 sources, 100 MB at 100,000).
 */
class Run {
  private readonly global: HostPriorityPool;
  private readonly hosts = new Map<string, LimitFunction>();
  /** Per host: its URLs (indexes into `all`'s list) in the order given, the next to start, and how many are started, awake and not done. */
  private readonly unstarted = new Map<string, { items: number[]; next: number; busy: number }>();
  private readonly inFlight = new Map<number, { host: string; started: number }>();
  private readonly hostsInFlight = new Map<string, number>();
  private nextId = 0;
  private done = 0;

  constructor(
    private readonly opts: FetchOptions,
    private readonly dispatcher: Dispatcher,
    private readonly total: number,
  ) {
    this.global = new HostPriorityPool(Math.max(1, opts.concurrency));
  }

  /** Every URL's result, in the order given; each host has at most `perHost` URLs started and awake at a time. */
  all(urls: readonly string[]): Promise<SourceFetch[]> {
    const results = new Array<SourceFetch>(urls.length);
    let left = urls.length;
    return new Promise((resolve, reject) => {
      this.launch = (i, host) => {
        this.fetchOne(urls[i] ?? '', host).then((fetched) => {
          results[i] = fetched;
          if (--left === 0) resolve(results);
        }, reject);
      };
      if (left === 0) resolve(results);
      urls.forEach((url, i) => {
        const host = parseHttpUrl(url)?.hostname.toLowerCase();
        if (host === undefined) return this.launch(i, undefined); // an invalid URL sends nothing
        this.global.addWork(host);
        const queue = this.unstarted.get(host) ?? { next: 0, items: [], busy: 0 };
        if (queue.items.length === 0) this.unstarted.set(host, queue);
        queue.items.push(i);
      });
      for (const host of this.unstarted.keys()) this.topUp(host);
    });
  }

  /** Starts the URL at this index of `all`'s list (its host as parsed there; undefined: not an http(s) URL). */
  private launch: (index: number, host: string | undefined) => void = () => undefined;

  /** Starts the host's next URLs while fewer than `perHost` of its URLs are started and awake. */
  private topUp(host: string): void {
    const queue = this.unstarted.get(host);
    if (!queue) return;
    for (; queue.busy < Math.max(1, this.opts.perHost) && queue.next < queue.items.length; queue.next += 1) {
      queue.busy += 1;
      this.launch(queue.items[queue.next] ?? 0, host);
    }
    if (queue.next >= queue.items.length && queue.busy === 0) this.unstarted.delete(host);
  }

  /** A URL of `host` wakes (1), or goes to sleep before a retry or is done (-1): then the host may start another. */
  private setAwake(host: string, change: 1 | -1): void {
    const queue = this.unstarted.get(host);
    if (!queue) return;
    queue.busy += change;
    if (change < 0) this.topUp(host);
  }

  /** `host`: the URL's lower-cased hostname, undefined for a URL that is not http(s) (nothing is sent). */
  private async fetchOne(url: string, host: string | undefined): Promise<SourceFetch> {
    let started: number | undefined; // first request sent; time queued for a slot is not the source's fault
    let attempts = 0;
    let last: GetResult | undefined;
    for (let retry = 0; ; retry += 1) {
      // The host slot is taken first and the global slot inside it, so a request queued behind
      // its host never sits on a global slot (which would starve the pool on a hot host).
      last = host !== undefined
        ? await this.hostLimit(host)(() => this.global.run(host, async () => {
          if (started === undefined) await this.opts.admit?.(url);
          started ??= performance.now();
          return this.attempt(url, host);
        }))
        : await getUrl(url, { ...this.opts, dispatcher: this.dispatcher }); // invalid-url, sends nothing
      attempts += last.requests;
      if (retry >= this.opts.retries || last.requests === 0) break;
      const wait = planRetry(last.outcome, retry, this.opts, this.opts.random);
      if (wait === undefined) break;
      if (host !== undefined) this.setAwake(host, -1);
      await this.opts.sleep(wait);
      if (host !== undefined) this.setAwake(host, 1);
    }
    if (host !== undefined) this.global.finishWork(host);
    this.done += 1;
    this.report(url, 'done');
    const elapsedMs = started === undefined ? 0 : Math.round(performance.now() - started);
    const fetched: SourceFetch = { url, finalUrl: last.finalUrl, redirects: last.redirects, outcome: last.outcome, attempts, elapsedMs };
    this.opts.onFetched?.(fetched);
    if (host !== undefined) this.setAwake(host, -1);
    return fetched;
  }

  private hostLimit(host: string): LimitFunction {
    let limit = this.hosts.get(host);
    if (!limit) {
      limit = pLimit(Math.max(1, this.opts.perHost));
      this.hosts.set(host, limit);
    }
    return limit;
  }

  private async attempt(url: string, host: string): Promise<GetResult> {
    // Bookkeeping only when someone draws progress (not with -q, not in CI).
    if (!this.opts.onProgress) return getUrl(url, { ...this.opts, dispatcher: this.dispatcher });
    const id = this.nextId++;
    this.inFlight.set(id, { host, started: performance.now() });
    this.hostsInFlight.set(host, (this.hostsInFlight.get(host) ?? 0) + 1);
    this.report(url, 'start');
    try {
      return await getUrl(url, { ...this.opts, dispatcher: this.dispatcher });
    } finally {
      this.inFlight.delete(id);
      const left = (this.hostsInFlight.get(host) ?? 1) - 1;
      if (left > 0) this.hostsInFlight.set(host, left);
      else this.hostsInFlight.delete(host);
    }
  }

  /** O(1) per event: requests start in id order, so the map's first entry has run longest. */
  private report(url: string, event: FetchProgress['event']): void {
    if (!this.opts.onProgress) return;
    const oldest = this.inFlight.values().next();
    const progress: FetchProgress = {
      done: this.done, total: this.total, inFlight: this.inFlight.size, hostsInFlight: this.hostsInFlight.size, url, event,
    };
    this.opts.onProgress(oldest.done ? progress
      : { ...progress, slowest: { host: oldest.value.host, elapsedMs: Math.round(performance.now() - oldest.value.started) } });
  }
}
