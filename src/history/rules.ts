// Which link statuses count as a link-rot strike, which reset the count, and which say nothing.
import type { LinkStatus } from '../types.js';

export interface RotRules {
  /** Strikes that make a URL dead for link-rot purposes (IABot: 3). */
  strikesToDead: number;
  /** A failure adds a strike only this long after the previous strike (IABot: 72 h). */
  minHoursBetweenStrikes: number;
  /** Checks kept per URL, newest last. */
  keepChecks: number;
}

export const DEFAULT_ROT_RULES: RotRules = { strikesToDead: 3, minHoursBetweenStrikes: 72, keepChecks: 50 };

/** What one check means for the strike count. */
export type CheckEffect = 'strike' | 'reset' | 'neutral';

/**
 * IABot counts a check only when it is conclusive; "can't tell" is never a strike (field notes §2b).
 * - strike: the URL itself is gone or broken — dead (404/410/NXDOMAIN), soft-404, error (5xx after
 *   retries, refused, reset, TLS, redirect loop), invalid-url (can never work again by itself).
 * - reset: ok, redirected — one success clears the strikes.
 * - neutral: blocked (bot wall, 401/403/429), timeout, paywalled, private-address (our own guard
 *   refused it), no-url (nothing to check). Recorded, but they neither add nor clear strikes.
 */
export const CHECK_EFFECT = {
  ok: 'reset',
  redirected: 'reset',
  dead: 'strike',
  'soft-404': 'strike',
  error: 'strike',
  'invalid-url': 'strike',
  blocked: 'neutral',
  timeout: 'neutral',
  paywalled: 'neutral',
  'private-address': 'neutral',
  'no-url': 'neutral',
} as const satisfies Record<LinkStatus, CheckEffect>;

/** HTTP statuses that blame our request, not the URL: recorded, but never a strike. */
const OUR_FAULT_STATUSES: ReadonlySet<number> = new Set([431]);

/** What one check does to the strike count: by its link status, unless the status blames our request. */
export function checkEffect(check: { linkStatus: LinkStatus; httpStatus?: number }): CheckEffect {
  if (check.httpStatus !== undefined && OUR_FAULT_STATUSES.has(check.httpStatus)) return 'neutral';
  return CHECK_EFFECT[check.linkStatus];
}

export function resolveRules(rules: Partial<RotRules> = {}): RotRules {
  return { ...DEFAULT_ROT_RULES, ...rules };
}
