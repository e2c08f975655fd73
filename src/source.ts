// One cited reference as the pipeline sees it: its URL, what was fetched and read, and its link status.
import { isIP } from 'node:net';
import type { Reference } from './config/schema.js';
import type { ClaimMatch } from './judge/match.js';
import { cleanText } from './page/clean.js';
import type { TextFacts } from './read-task.js';
import type { LinkStatus, Page, SourceFetch, SourceReport, Truncation } from './types.js';

export interface Source {
  ref: number;
  url?: string;
  archiveUrl?: string;
  fetch?: SourceFetch;
  /** The page as read; its text layers are dropped once the claims citing it are matched. */
  page?: Page;
  /** Set up front for sources that need no fetch (no-url, invalid-url), else after judging. */
  link?: LinkJudgement;
  /** An archived copy, when one was looked up (`--archive`) or given (`archiveUrl`). */
  archive?: {
    url: string; capturedAt?: string; fetch?: SourceFetch; page?: Page; link?: LinkJudgement;
    matches?: ReadonlyMap<string, ClaimMatch | undefined>;
  };
  /** Why the archive lookup failed (rate-limited, unreachable), when it did. */
  archiveError?: string;
  /** Each citing claim's match, made where the page was read (read-source.ts), by askKey (read-task.ts). */
  matches?: ReadonlyMap<string, ClaimMatch | undefined>;
  /** Text facts taken once where the page was read, for the report, the history and reviews (read-source.ts). */
  facts?: TextFacts;
  /** The cited URL (or its archive URL) carried a user name or password, removed before anything used it. */
  credentialsRemoved?: boolean;
}

export interface LinkJudgement {
  linkStatus: LinkStatus;
  reason: string;
  /** The body was incomplete, and why (judge/link.ts). */
  truncated?: Truncation;
}

/**
 * `url` without the user name and password of `http://user:pass@host/`: a report, the history, a
 * WARC or a SARIF upload would otherwise publish them. They are not sent either (a cited source is
 * meant to be public; the request goes without them, and a finding says they were removed).
 */
export function stripCredentials(url: string): { url: string; removed: boolean } {
  // Credentials stand before an `@`: without one there are none, and nothing needs parsing (2,000
  // references: ~12 ms less before the first request).
  if (!url.includes('@') || !URL.canParse(url)) return { url, removed: false };
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return { url, removed: false };
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.href, removed: true };
}

/** The URL check that needs no network: a missing or malformed URL is a status, not an error. */
export function planSource(ref: number, reference: Reference | undefined): Source {
  const archive = reference?.archiveUrl === undefined ? undefined : stripCredentials(reference.archiveUrl);
  const given = reference?.url === undefined ? undefined : stripCredentials(reference.url.trim());
  const removed = (archive?.removed ?? false) || (given?.removed ?? false);
  const base = { ref, archiveUrl: archive?.url, ...(removed ? { credentialsRemoved: true } : {}) };
  if (!reference) return { ...base, link: { linkStatus: 'no-url', reason: `no reference [${ref}] in the article's reference list or references.json` } };
  const url = given?.url;
  if (!url) return { ...base, link: { linkStatus: 'no-url', reason: "no URL for this reference (neither the article's reference list nor references.json gives one)" } };
  if (!isFetchableUrl(url)) {
    return { ...base, url, link: { linkStatus: 'invalid-url', reason: `not an http(s) URL: ${JSON.stringify(url)}` } };
  }
  return { ...base, url };
}

export function isFetchableUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url); // one parse (canParse first parsed every valid URL twice); URL.parse is Node 22+
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
}

/** An IP literal or localhost is reached without DNS, so it says nothing about name resolution. */
function needsResolver(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return isIP(host) === 0 && host !== 'localhost' && !host.endsWith('.localhost');
}

/**
 * Offline: every fetched source with a host name failed name resolution. On a machine without a
 * network this is what every public name does, exactly like a domain that no longer exists, so none
 * may be `dead` — even when a loopback or intranet IP source in the same run was reached.
 */
export function markOffline(sources: Iterable<Source>): boolean {
  const fetched = [...sources].filter((s) => s.fetch !== undefined && needsResolver(s.fetch.url));
  const offline = fetched.length > 0 &&
    fetched.every((s) => s.fetch?.outcome.kind === 'failure' && s.fetch.outcome.failure === 'dns');
  if (offline) {
    for (const s of fetched) {
      s.link = { linkStatus: 'error', reason: 'offline: name resolution failed for every host of this run' };
    }
  }
  return offline;
}

export function sourceReport(s: Source): SourceReport {
  const f = s.fetch;
  const response = f?.outcome.kind === 'response' ? f.outcome : undefined;
  return {
    ref: s.ref,
    url: s.url,
    finalUrl: f?.finalUrl,
    // A Location that is no valid URL is kept as the server sent it: cleaned of escapes and controls.
    redirects: (f?.redirects ?? []).map((h) => ({ ...h, location: cleanText(h.location) })),
    httpStatus: response?.status,
    linkStatus: s.link?.linkStatus ?? 'error',
    contentType: s.page?.contentType,
    language: s.page?.language,
    title: s.page?.title,
    publishedDate: s.page?.publishedDate,
    archiveUrl: s.archive?.url ?? s.archiveUrl,
    // Taken by the reader while it had the text (the page comes back without it).
    fingerprint: s.facts?.fingerprint,
    truncated: s.link?.truncated,
    reason: s.link?.reason ?? 'not checked',
  };
}
