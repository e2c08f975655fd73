// The Wayback Machine client: the capture nearest an access date via CDX, rate-limited and cached.
import { request, type Dispatcher } from 'undici';
import { parseRetryAfter } from '../sources/retry.js';
import { createTokenBucket, realClock, type Clock } from './bucket.js';
import { createAnswerCache, type CacheEntry } from './cache.js';
import {
  chooseCapture, closestQuery, earliestAfter, isSortedByCloseness, latestBefore, parseCdxRows, rangeQuery,
  toTimestamp, BEFORE_WINDOW_MS, type Capture,
} from './cdx.js';

export type { Capture } from './cdx.js';

export interface WaybackClientOptions {
  /** The guarded agent in production; a loopback Agent or MockAgent in tests. */
  dispatcher: Dispatcher;
  baseUrl?: string;
  /** CDX calls per minute, all callers together (IA enforces ~24/min and firewalls hammering). */
  ratePerMinute?: number;
  burst?: number;
  /** A JSON file path or a Map shared by the caller. */
  cache?: string | Map<string, CacheEntry>;
  cacheTtlMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Retries after a 429 before giving up on one lookup. */
  maxRetries?: number;
  /** A Retry-After longer than this is not waited out: the lookup reports an error instead. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  userAgent?: string;
}

export type CaptureLookup =
  | { kind: 'found'; capture: Capture }
  | { kind: 'none' }
  | { kind: 'error'; reason: string; rateLimited: boolean };

export interface WaybackClient {
  /** The capture to cite for `url` as of `around`, or undefined (none, or the archive failed). */
  nearestCapture(url: string, around: Date): Promise<Capture | undefined>;
  /** The same, with the failure kept as a value (rate-limited, unreachable, bad answer). */
  lookupCapture(url: string, around: Date): Promise<CaptureLookup>;
  /** `id_`: original bytes, no toolbar, no rewritten links — what text matching needs (§3.3). */
  replayUrl(c: Capture): string;
}

const CLOSEST_LIMIT = 3;

type CdxAnswer = { kind: 'rows'; rows: Capture[] } | { kind: 'error'; reason: string; rateLimited: boolean };

export function createWaybackClient(opts: WaybackClientOptions): WaybackClient {
  const baseUrl = (opts.baseUrl ?? 'https://web.archive.org').replace(/\/+$/, '');
  const clock: Clock = { now: opts.now ?? realClock.now, sleep: opts.sleep ?? realClock.sleep };
  const bucket = createTokenBucket({ ratePerMinute: opts.ratePerMinute ?? 20, burst: opts.burst ?? 1, clock });
  const cache = createAnswerCache({
    ...(typeof opts.cache === 'string' ? { file: opts.cache } : opts.cache ? { map: opts.cache } : {}),
    ttlMs: opts.cacheTtlMs ?? 24 * 3_600_000,
    now: clock.now,
  });
  const inFlight = new Map<string, Promise<CaptureLookup>>();
  const maxRetries = opts.maxRetries ?? 2;
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 120_000;

  async function queryCdx(q: URLSearchParams): Promise<CdxAnswer> {
    for (let attempt = 0; ; attempt++) {
      await bucket.take();
      let res: Dispatcher.ResponseData;
      try {
        res = await request(`${baseUrl}/cdx/search/cdx?${q.toString()}`, {
          dispatcher: opts.dispatcher,
          headers: { accept: 'application/json', 'user-agent': opts.userAgent ?? 'citecheck (wayback lookup)' },
          headersTimeout: opts.timeoutMs ?? 30_000,
          bodyTimeout: opts.timeoutMs ?? 30_000,
        });
      } catch (error) {
        return { kind: 'error', reason: `CDX unreachable: ${error instanceof Error ? error.message : String(error)}`, rateLimited: false };
      }
      if (res.statusCode === 429) {
        await res.body.dump();
        // No Retry-After: wait a full minute, IA's window. Everyone waits, not just this caller.
        const waitMs = parseRetryAfter(res.headers['retry-after'], clock.now()) ?? 60_000;
        bucket.pauseUntil(clock.now() + waitMs);
        if (attempt >= maxRetries || waitMs > maxRetryAfterMs) {
          return { kind: 'error', reason: `CDX rate-limited (429, retry after ${Math.round(waitMs / 1000)} s)`, rateLimited: true };
        }
        continue;
      }
      if (res.statusCode !== 200) {
        await res.body.dump();
        return { kind: 'error', reason: `CDX answered HTTP ${res.statusCode}`, rateLimited: false };
      }
      const text = (await res.body.text()).trim();
      let json: unknown = [];
      try {
        if (text !== '') json = JSON.parse(text);
      } catch {
        return { kind: 'error', reason: 'CDX answer is not JSON', rateLimited: false };
      }
      const rows = parseCdxRows(json);
      return rows ? { kind: 'rows', rows } : { kind: 'error', reason: 'CDX answer has an unexpected shape', rateLimited: false };
    }
  }

  /** One side of the date at a time, when the server ignored closest (or more than 3 rows are needed). */
  async function queryOneSide(url: string, around: Date, side: 'before-window' | 'after' | 'before-any'): Promise<CdxAnswer> {
    const justAfter = new Date(around.getTime() + 1000);
    const q = side === 'after'
      ? rangeQuery(url, { from: justAfter }, 1)
      : rangeQuery(url, { ...(side === 'before-window' ? { from: new Date(around.getTime() - BEFORE_WINDOW_MS) } : {}), to: around }, -1);
    return queryCdx(q);
  }

  async function findCapture(url: string, around: Date): Promise<CaptureLookup> {
    const first = await queryCdx(closestQuery(url, around, CLOSEST_LIMIT));
    if (first.kind === 'error') return first;
    const rows = first.rows;
    const honoured = rows.length < CLOSEST_LIMIT || isSortedByCloseness(rows, around);
    if (honoured) {
      const near = latestBefore(rows, around, BEFORE_WINDOW_MS) ?? earliestAfter(rows, around);
      if (near) return { kind: 'found', capture: near };
      if (rows.length === CLOSEST_LIMIT) {
        // The 3 nearest are all old: a capture after the date may still exist further out.
        const after = await queryOneSide(url, around, 'after');
        if (after.kind === 'error') return after;
        const a = earliestAfter(after.rows, around);
        if (a) return { kind: 'found', capture: a };
      }
      const old = chooseCapture(rows, around);
      return old ? { kind: 'found', capture: old } : { kind: 'none' };
    }
    for (const side of ['before-window', 'after', 'before-any'] as const) {
      const ans = await queryOneSide(url, around, side);
      if (ans.kind === 'error') return ans;
      const pick = chooseCapture(ans.rows, around);
      if (pick) return { kind: 'found', capture: pick };
    }
    return { kind: 'none' };
  }

  async function lookupCapture(rawUrl: string, around: Date): Promise<CaptureLookup> {
    if (Number.isNaN(around.getTime())) return { kind: 'error', reason: 'invalid access date', rateLimited: false };
    // The fragment never reaches a server, so it is not part of what was archived.
    const url = rawUrl.replace(/#.*$/s, '');
    const key = `${url} ${toTimestamp(around)}`;
    const cached = await cache.get(key);
    if (cached) return cached.capture ? { kind: 'found', capture: cached.capture } : { kind: 'none' };
    const running = inFlight.get(key);
    if (running) return running;
    const job = (async () => {
      const result = await findCapture(url, around);
      // Errors are not answers: the next run must ask again.
      if (result.kind !== 'error') {
        await cache.set(key, { storedAt: clock.now(), capture: result.kind === 'found' ? result.capture : null });
      }
      return result;
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, job);
    return job;
  }

  return {
    lookupCapture,
    async nearestCapture(url, around) {
      const r = await lookupCapture(url, around);
      return r.kind === 'found' ? r.capture : undefined;
    },
    replayUrl: (c) => `${baseUrl}/web/${c.timestamp}id_/${c.original}`,
  };
}
