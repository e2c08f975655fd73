// Tells archive copies from original URLs among a note's links (the first link is often the archive).
import { isDeprecatedArchive } from '../../archive/deprecated.js';

// Web archives whose links a citation template or {{webarchive}} renders (inputs.md §1.7 step 4).
const ARCHIVE_HOSTS = [
  'web.archive.org', 'wayback.archive.org', 'webcitation.org', 'ghostarchive.org', 'archive.wikiwix.com',
  'arquivo.pt', 'webarchive.nla.gov.au', 'webarchive.org.uk', 'perma.cc', 'webarchive.loc.gov',
];

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

export function isArchiveUrl(url: string): boolean {
  const host = hostOf(url);
  if (host === undefined) return false;
  if (isDeprecatedArchive(url)) return true;
  if (host === 'archive.org' || host === 'www.archive.org') return /^\/web\/\d/.test(new URL(url).pathname);
  return ARCHIVE_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** The original behind a Wayback-style URL (`/web/20150501000000/https://…`), when it names one. */
export function originalOfArchive(url: string): string | undefined {
  const m = /\/(?:web|wayback)\/\d{4,14}[a-z_]*\/(https?:\/\/.+)$/iu.exec(url);
  return m?.[1];
}

export const isHttpUrl = (url: string) => /^https?:\/\//iu.test(url);

/** Splits the links in reading order into the first original and the first archive copy. */
export function splitLinks(urls: string[]): { original?: string; archive?: string } {
  const out: { original?: string; archive?: string } = {};
  for (const url of urls) {
    if (!isHttpUrl(url)) continue;
    if (isArchiveUrl(url)) out.archive ??= url;
    else out.original ??= url;
  }
  if (out.original === undefined && out.archive !== undefined) {
    const behind = originalOfArchive(out.archive);
    if (behind) out.original = behind;
  }
  return out;
}
