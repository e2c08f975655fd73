// One cited reference as the pipeline sees it: its URL, what was fetched and read, and its link status.
import type { Reference } from './config/schema.js';
import type { ClaimMatch } from './judge/match.js';
import type { TextDigest } from './read-source.js';
import { fingerprintText } from './history/fingerprint.js';
import type { LinkStatus, Page, SourceFetch, SourceReport } from './types.js';

export interface Source {
  ref: number;
  url?: string;
  archiveUrl?: string;
  fetch?: SourceFetch;
  /** The page as read; its text layers are dropped once the claims citing it are matched. */
  page?: Page;
  /** Set up front for sources that need no fetch (no-url, invalid-url), else after judging. */
  link?: LinkJudgement;
  /** Each citing claim's match against the page, by read-stage.ts's claimKey. */
  matches?: ReadonlyMap<string, ClaimMatch | undefined>;
  /** What the report and the link-rot history keep of the page text (read-source.ts). */
  digest?: TextDigest;
  /** An archived copy, when one was looked up (`--archive`) or given (`archiveUrl`). */
  archive?: {
    url: string; capturedAt?: string; fetch?: SourceFetch; page?: Page; link?: LinkJudgement;
    matches?: ReadonlyMap<string, ClaimMatch | undefined>;
  };
  /** Why the archive lookup failed (rate-limited, unreachable), when it did. */
  archiveError?: string;
}

export interface LinkJudgement {
  linkStatus: LinkStatus;
  reason: string;
}

/** The URL check that needs no network: a missing or malformed URL is a status, not an error. */
export function planSource(ref: number, reference: Reference | undefined): Source {
  const base = { ref, archiveUrl: reference?.archiveUrl };
  if (!reference) return { ...base, link: { linkStatus: 'no-url', reason: `no reference [${ref}] in references.json` } };
  const url = reference.url?.trim();
  if (!url) return { ...base, link: { linkStatus: 'no-url', reason: 'references.json gives no URL for this reference' } };
  if (!isFetchableUrl(url)) {
    return { ...base, url, link: { linkStatus: 'invalid-url', reason: `not an http(s) URL: ${JSON.stringify(url)}` } };
  }
  return { ...base, url };
}

export function isFetchableUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
}

/**
 * Offline: every fetched source failed name resolution. On a machine without a network this is
 * what every public name does, exactly like a domain that no longer exists, so none may be `dead`.
 */
export function markOffline(sources: Iterable<Source>): boolean {
  const fetched = [...sources].filter((s) => s.fetch !== undefined);
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
  const mainText = s.page?.layers[0]?.text;
  return {
    ref: s.ref,
    url: s.url,
    finalUrl: f?.finalUrl,
    redirects: f?.redirects ?? [],
    httpStatus: response?.status,
    linkStatus: s.link?.linkStatus ?? 'error',
    contentType: s.page?.contentType,
    language: s.page?.language,
    title: s.page?.title,
    publishedDate: s.page?.publishedDate,
    archiveUrl: s.archive?.url ?? s.archiveUrl,
    // Taken by the reader while it had the text (the page comes back without it).
    fingerprint: s.digest?.textFingerprint ?? (mainText ? fingerprintText(mainText) : undefined),
    reason: s.link?.reason ?? 'not checked',
  };
}
