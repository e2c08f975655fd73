// Requests to a wiki's REST API: one at a time, cached, 429/Retry-After honoured, identified, optionally authenticated.
import type { Dispatcher } from 'undici';
import { createAgent, getUrl } from '../../sources/http.js';
import { planRetry, type RetryPolicy } from '../../sources/retry.js';
import { VERSION } from '../../version.js';
import { createWikiCache } from './cache.js';

export interface WikiClientOptions {
  /** A loopback Agent or MockAgent in tests; by default a guarded Agent (see allowPrivateHosts). */
  dispatcher?: Dispatcher;
  allowPrivateHosts?: boolean;
  /** Overrides the Wikimedia-style User-Agent (`--user-agent`). */
  userAgent?: string;
  /** Folder for the disk cache (`<cacheDir>/wiki/…`); none keeps answers in memory only. */
  cacheDir?: string;
  /** How long a "latest revision" answer is reused; revision-pinned answers never expire. */
  latestTtlMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** Retries after 429 / 5xx / timeouts. */
  retries?: number;
  retryPolicy?: Partial<RetryPolicy>;
  /** `process.env` by default: CITECHECK_CONTACT, CITECHECK_WIKI_TOKEN. */
  env?: Record<string, string | undefined>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

export type WikiResponse =
  | { kind: 'response'; status: number; contentType: string; body: string; fromCache: boolean }
  | { kind: 'failure'; message: string };

export interface WikiClient {
  get(url: string, options: { accept: string; immutable: boolean }): Promise<WikiResponse>;
  close(): Promise<void>;
}

export const DEFAULT_CONTACT = 'https://github.com/citecheck/citecheck';

/** Wikimedia's User-Agent policy: `client/version (contact) library/version`; CITECHECK_CONTACT names the operator. */
export function wikiUserAgent(env: Record<string, string | undefined>): string {
  const contact = env['CITECHECK_CONTACT']?.trim() || DEFAULT_CONTACT;
  return `citecheck/${VERSION} (${contact}) node/${process.versions.node}`;
}

const POLICY: RetryPolicy = { retryBaseMs: 1_000, retryMaxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

export function createWikiClient(options: WikiClientOptions = {}): WikiClient {
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const owned = options.dispatcher ? undefined
    : createAgent({ timeoutMs, connections: 1, allowPrivateHosts: options.allowPrivateHosts ?? false, allowHosts: [] });
  const dispatcher = options.dispatcher ?? owned;
  const cache = createWikiCache(options.cacheDir, now);
  const token = env['CITECHECK_WIKI_TOKEN']?.trim();
  const policy = { ...POLICY, ...options.retryPolicy };
  let tail: Promise<unknown> = Promise.resolve();
  const inFlight = new Map<string, Promise<WikiResponse>>();

  async function send(url: string, accept: string): Promise<WikiResponse> {
    if (!dispatcher) return { kind: 'failure', message: 'no HTTP dispatcher' };
    for (let attempt = 0; ; attempt++) {
      const result = await getUrl(url, {
        dispatcher, timeoutMs, maxBytes: options.maxBytes ?? 64 * 1024 * 1024, maxRedirects: 5,
        userAgent: options.userAgent ?? wikiUserAgent(env),
        headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      const { outcome } = result;
      const wait = attempt < (options.retries ?? 3) ? planRetry(outcome, attempt, policy, options.random ?? Math.random) : undefined;
      if (wait !== undefined) {
        await sleep(wait);
        continue;
      }
      if (outcome.kind === 'failure') return { kind: 'failure', message: outcome.message };
      if (outcome.truncated) return { kind: 'failure', message: `the answer of ${url} is larger than the size cap` };
      return {
        kind: 'response', status: outcome.status, contentType: outcome.headers['content-type'] ?? '',
        body: new TextDecoder('utf-8').decode(outcome.body), fromCache: false,
      };
    }
  }

  async function fetchOnce(url: string, accept: string, immutable: boolean): Promise<WikiResponse> {
    const hit = await cache.get(url);
    if (hit) return { kind: 'response', status: 200, contentType: hit.contentType, body: hit.body, fromCache: true };
    // One request at a time per client, waits included: a rate-limited wiki slows everyone down.
    const run = tail.then(() => send(url, accept));
    tail = run.catch(() => undefined);
    const response = await run;
    if (response.kind === 'response' && response.status === 200) {
      const storedAt = now();
      await cache.set({
        version: 1, url, storedAt, expiresAt: immutable ? null : storedAt + (options.latestTtlMs ?? 10 * 60_000),
        contentType: response.contentType, body: response.body,
      });
    }
    return response;
  }

  return {
    get(url, { accept, immutable }) {
      // Two articles asking for the same page at once share one request.
      const pending = inFlight.get(url) ?? fetchOnce(url, accept, immutable).finally(() => inFlight.delete(url));
      inFlight.set(url, pending);
      return pending;
    },
    close: async () => {
      await owned?.close();
    },
  };
}
