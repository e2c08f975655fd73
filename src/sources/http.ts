// The one HTTP module: a guarded undici Agent, GET with honest headers, manual redirects, deadline and body cap.
import { Agent, buildConnector, request, type Dispatcher } from 'undici';
import type { FetchOutcome, RedirectHop } from '../types.js';
import { VERSION } from '../version.js';
import { guardConnector, lookupPublic } from './address.js';
import { readBody } from './body.js';
import { describeFailure } from './failure.js';

export const DEFAULT_USER_AGENT = `citecheck/${VERSION} (+https://github.com/citecheck/citecheck)`;

const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf;q=0.8,*/*;q=0.5';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface AgentOptions {
  /** Connect timeout in ms. */
  timeoutMs: number;
  /** Connections per origin; the per-host limiter keeps in-flight requests at or below this. */
  connections: number;
  allowPrivateHosts: boolean;
  /** Hostnames exempt from the guard (exact, lower-case), e.g. `wiki.intranet`. */
  allowHosts: readonly string[];
}

/**
 * A keep-alive Agent whose connector refuses non-public addresses (unless allowPrivateHosts).
 * It is a plain Agent, so HTTP(S)_PROXY is never honoured: a proxy would defeat the guard.
 */
export function createAgent(options: AgentOptions): Agent {
  const open = buildConnector({ timeout: options.timeoutMs });
  const hosts = new Set(options.allowHosts.map((h) => h.toLowerCase()));
  const connect = options.allowPrivateHosts
    ? open
    : guardConnector(buildConnector({ timeout: options.timeoutMs, lookup: lookupPublic }), { hosts, connector: open });
  return new Agent({
    connect,
    connections: options.connections,
    pipelining: 1,
    keepAliveTimeout: 4_000,
  });
}

export interface GetOptions {
  dispatcher: Dispatcher;
  userAgent: string;
  /** One deadline for the whole chain: connect, headers and body of every hop. */
  timeoutMs: number;
  /** Cap on the decoded body bytes. */
  maxBytes: number;
  maxRedirects: number;
  /**
   * Extra request headers (an API's Accept, a bearer token), sent only to the first URL's origin so
   * that a redirect to another host never carries a credential. They override the defaults.
   */
  headers?: Record<string, string>;
}

export interface GetResult {
  finalUrl: string;
  redirects: RedirectHop[];
  outcome: FetchOutcome;
  /** Requests sent (one per hop). */
  requests: number;
}

class DeadlineError extends Error {
  readonly code = 'E_DEADLINE';
}

/** GETs `url`, following redirects by hand so every hop is recorded. Never throws. */
export async function getUrl(url: string, options: GetOptions): Promise<GetResult> {
  const redirects: RedirectHop[] = [];
  let current = parseHttpUrl(url);
  if (!current) return { finalUrl: url, redirects, requests: 0, outcome: invalidUrl(url) };
  const seen = new Set([current.href]);
  const origin = current.origin;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineError(`no complete response within ${options.timeoutMs} ms`)), options.timeoutMs);
  let requests = 0;
  try {
    for (;;) {
      requests += 1;
      const step = await getOnce(current, options, controller.signal, current.origin === origin);
      if (step.kind === 'outcome') return { finalUrl: current.href, redirects, requests, outcome: step.outcome };
      const next = parseHttpUrl(step.location, current);
      redirects.push({ url: current.href, status: step.status, location: next?.href ?? step.location });
      if (!next) return { finalUrl: step.location, redirects, requests, outcome: invalidUrl(step.location) };
      const failure = seen.has(next.href) ? 'redirect-loop' : redirects.length > options.maxRedirects ? 'too-many-redirects' : undefined;
      if (failure) return { finalUrl: next.href, redirects, requests, outcome: { kind: 'failure', failure, message: `${failure} after ${redirects.length} hops` } };
      seen.add(next.href);
      current = next;
    }
  } catch (err) {
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : err;
    const outcome = describeFailure(reason);
    // The guard refuses before connecting: that request never left, so it is not counted.
    const sent = outcome.failure === 'private-address' ? requests - 1 : requests;
    return { finalUrl: current.href, redirects, requests: sent, outcome };
  } finally {
    clearTimeout(timer);
  }
}

type Step = { kind: 'outcome'; outcome: FetchOutcome } | { kind: 'redirect'; status: number; location: string };

async function getOnce(url: URL, options: GetOptions, signal: AbortSignal, sameOrigin: boolean): Promise<Step> {
  const response = await request(url, {
    method: 'GET',
    dispatcher: options.dispatcher,
    signal,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    headers: {
      'user-agent': options.userAgent,
      accept: ACCEPT,
      'accept-language': 'en;q=1, *;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
      ...(sameOrigin ? options.headers : {}),
    },
  });
  const headers = flattenHeaders(response.headers);
  const location = headers['location'];
  if (REDIRECT_STATUSES.has(response.statusCode) && location !== undefined && location !== '') {
    // Drain a small redirect body so the connection can be reused; a big one just closes it.
    await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    return { kind: 'redirect', status: response.statusCode, location };
  }
  const length = Number(headers['content-length']);
  const hint = Number.isSafeInteger(length) ? length : undefined;
  const { body, truncated } = await readBody(response.body, headers['content-encoding'], options.maxBytes, hint);
  return { kind: 'outcome', outcome: { kind: 'response', status: response.statusCode, headers, body, truncated } };
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(name.toLowerCase() === 'set-cookie' ? '\n' : ', ') : value;
  }
  return out;
}

/** A URL we are willing to fetch: parseable, and http: or https: only. */
export function parseHttpUrl(input: string, base?: URL): URL | undefined {
  try {
    const url = new URL(input, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function invalidUrl(url: string): FetchOutcome {
  return { kind: 'failure', failure: 'invalid-url', message: `not an http(s) URL: ${url}` };
}
