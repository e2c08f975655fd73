// URL comparisons for link judgement: trivial redirects, redirects to a home or section page, 404 URLs.

// Query parameters that only track the click; a redirect that adds or drops them moves nowhere.
const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ref|ref_src|cmpid|ocid|sr_share|smid|share)$/i;

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((s) => s.length > 0);
}

function canonicalForm(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^www\d*\./, '');
  const path = url.pathname.replace(/\/+$/, '').replace(/\/index\.(html?|php|aspx?)$/i, '') || '';
  const params = [...url.searchParams.entries()].filter(([key]) => !TRACKING_PARAM.test(key));
  params.sort(([a], [b]) => a.localeCompare(b));
  const query = params.map(([k, v]) => `${k}=${v}`).join('&');
  return `${host}${path}${query ? `?${query}` : ''}`;
}

/** What a redirect changed when it changed nothing that matters, else undefined. */
export function describeTrivialRedirect(from: string, to: string): string | undefined {
  const a = parseUrl(from);
  const b = parseUrl(to);
  if (!a || !b || canonicalForm(a) !== canonicalForm(b)) return undefined;
  const changes: string[] = [];
  if (a.protocol !== b.protocol) changes.push(`${a.protocol.replace(':', '')}→${b.protocol.replace(':', '')}`);
  if (a.hostname.toLowerCase() !== b.hostname.toLowerCase()) changes.push(b.hostname.startsWith('www.') ? 'adds www.' : 'drops www.');
  if (a.pathname !== b.pathname) changes.push('trailing slash / index page');
  if (a.search !== b.search) changes.push('tracking parameters');
  return changes.length > 0 ? changes.join(', ') : 'same address';
}

// IABot's REDIRECT TO 404 rule (field-notes §2a), kept tight after its own false positives.
const NOT_FOUND_URL = /(^|\/)404(\.html?|\.php|\.aspx?)?(\/|$)|not-?found|error\/404|\/error404|page-?introuvable|stranica-ne-najdena/i;

/** Why the redirect target is really a "not found" or home page, else undefined. */
export function describeSoftRedirect(from: string, to: string): string | undefined {
  const a = parseUrl(from);
  const b = parseUrl(to);
  if (!a || !b) return undefined;
  const finalPath = `${b.pathname}${b.search}`;
  if (NOT_FOUND_URL.test(finalPath) && !NOT_FOUND_URL.test(`${a.pathname}${a.search}`)) return `redirect to a not-found URL (${to})`;
  const original = pathSegments(a);
  const final = pathSegments(b);
  const deep = original.length > 0 || a.search.length > 1;
  if (!deep) return undefined;
  if (final.length === 0 && b.search.length <= 1) return `redirect of a deep URL to the site's home page (${to})`;
  const lostSlug = final[final.length - 1] !== original[original.length - 1];
  const isPrefix = final.length < original.length && final.every((seg, i) => seg === original[i]);
  // A section index is short and has lost the slug that named the page.
  if (isPrefix || (final.length < original.length && final.length <= 2 && lostSlug)) {
    return `redirect of a deep URL to a section index (${to})`;
  }
  return undefined;
}

// Where sites send a reader they will not serve: a login, a subscription offer, a consent wall.
const GATES: { pattern: RegExp; linkStatus: 'blocked' | 'paywalled'; what: string }[] = [
  { pattern: /^consent\.|^guce\.|\/consent(\/|\?|$)|\/cookie-?wall/i, linkStatus: 'blocked', what: 'a cookie-consent wall' },
  { pattern: /\/(log-?in|sign-?in|signon|auth\/login|account\/login|users?\/login|accounts\/login)(\/|\?|$|\.)/i, linkStatus: 'blocked', what: 'a login page' },
  { pattern: /\/(subscribe|subscription|subscriptions|paywall|premium-only|offers?)(\/|\?|$|\.)/i, linkStatus: 'paywalled', what: 'a subscription offer' },
];

/** A redirect that lands on a gate the original URL was not itself pointing at. */
export function describeGateRedirect(from: string, to: string): { linkStatus: 'blocked' | 'paywalled'; reason: string } | undefined {
  const a = parseUrl(from);
  const b = parseUrl(to);
  if (!a || !b) return undefined;
  const target = `${b.hostname}${b.pathname}`;
  const source = `${a.hostname}${a.pathname}`;
  const gate = GATES.find((g) => g.pattern.test(target) && !g.pattern.test(source));
  return gate ? { linkStatus: gate.linkStatus, reason: `redirect to ${gate.what} (${to})` } : undefined;
}
