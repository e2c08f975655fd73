// Archive services citecheck must never fetch automatically (archive.today and its mirrors).
const DEPRECATED_HOSTS = [
  'archive.today', 'archive.ph', 'archive.is', 'archive.li', 'archive.vn', 'archive.md', 'archive.fo',
] as const;

/**
 * English Wikipedia deprecated archive.today in Feb 2026 (tampered captures, a CAPTCHA page that
 * DDoSed a blog; field notes §3.7), and it CAPTCHAs automated traffic anyway: report such links as
 * `deprecated-archive` and look for a Wayback copy instead. Subdomains count (www.archive.ph).
 */
export function isDeprecatedArchive(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  return DEPRECATED_HOSTS.some((d) => host === d || host.endsWith(`.${d}`));
}
