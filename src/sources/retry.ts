// When to retry a fetch and how long to wait: transient statuses and failures, Retry-After, backoff with full jitter.
import type { FetchOutcome } from '../types.js';

export interface RetryPolicy {
  /** Base of the exponential backoff in ms (attempt n waits up to base × 2^n). */
  retryBaseMs: number;
  /** Ceiling of one backoff wait in ms. */
  retryMaxDelayMs: number;
  /** A Retry-After longer than this ends the retries (the 429/503 is kept). */
  maxRetryAfterMs: number;
}

/** Markers of a bot challenge in a 429/503 body: a wall, not a rate limit, so waiting will not help. */
const CHALLENGE_BODY_MARKERS = [
  '_cf_chl_opt',
  '/cdn-cgi/challenge-platform/',
  'captcha-delivery.com',
  '<title>just a moment...</title>',
  '_incapsula_resource',
  'px-captcha',
];

/** True when the response is a bot challenge (field-notes §4.3): header first, then the body's first 64 KB. */
export function isBotChallenge(outcome: FetchOutcome): boolean {
  if (outcome.kind !== 'response') return false;
  if (outcome.headers['cf-mitigated']?.toLowerCase() === 'challenge') return true;
  if (outcome.headers['x-amzn-waf-action'] !== undefined) return true;
  const head = Buffer.from(outcome.body.buffer, outcome.body.byteOffset, Math.min(outcome.body.byteLength, 65_536))
    .toString('latin1')
    .toLowerCase();
  return CHALLENGE_BODY_MARKERS.some((m) => head.includes(m));
}

/** Retry-After in ms (delta-seconds or HTTP date, RFC 9110 §10.2.3), undefined when absent or unparseable. */
export function parseRetryAfter(value: string | readonly string[] | undefined, now: number = Date.now()): number | undefined {
  const first = typeof value === 'string' ? value : value?.[0];
  if (first === undefined || first.trim() === '') return undefined;
  const trimmed = first.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isRetryable(outcome: FetchOutcome): boolean {
  if (outcome.kind === 'failure') return outcome.failure === 'timeout' || outcome.failure === 'reset';
  const s = outcome.status;
  if (s !== 408 && s !== 429 && s < 500) return false;
  if (s > 599) return false;
  return !isBotChallenge(outcome);
}

/**
 * The wait before the next attempt, or undefined to stop and keep this outcome.
 * `attempt` is 0 for the first retry. `random` returns [0, 1) (injectable for tests).
 */
export function planRetry(outcome: FetchOutcome, attempt: number, policy: RetryPolicy, random: () => number): number | undefined {
  if (!isRetryable(outcome)) return undefined;
  const retryAfter = outcome.kind === 'response' ? parseRetryAfter(outcome.headers['retry-after']) : undefined;
  if (retryAfter !== undefined) return retryAfter > policy.maxRetryAfterMs ? undefined : retryAfter;
  const ceiling = Math.min(policy.retryMaxDelayMs, policy.retryBaseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
