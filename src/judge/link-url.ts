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

// IABot's REDIRECT TO 404 rule (field-notes §2a), kept tight after its own false positives: the
// marker is a whole path segment (/404, /404.html, /not-found, /error/404), never part of a slug
// such as /world/bodies-not-found-after-quake.
const NOT_FOUND_SEGMENT = /^(404|error-?404|404-?error|not-?found|notfound|page-?not-?found|pagenotfound|page-?introuvable|stranica-ne-najdena|seite-nicht-gefunden|pagina-no-encontrada)(\.(html?|php|aspx?))?$/i;

function isNotFoundUrl(url: URL): boolean {
  const segments = pathSegments(url);
  const error = segments.findIndex((s) => /^errors?$/i.test(s));
  return segments.some((s) => NOT_FOUND_SEGMENT.test(s)) || (error >= 0 && segments[error + 1] === '404');
}

/** Why the redirect target is a "not found" address, else undefined. */
export function describeNotFoundRedirect(from: string, to: string): string | undefined {
  const a = parseUrl(from);
  const b = parseUrl(to);
  if (!a || !b) return undefined;
  return isNotFoundUrl(b) && !isNotFoundUrl(a) ? `redirect to a not-found URL (${to})` : undefined;
}

// A section is named by a word or two (/politics, /en, /world-news); an article slug carries an id
// or a headline (/news/world-middle-east-7654321, /world/russia-hosts-hamas-12345, /story.html).
function looksLikeSection(segment: string | undefined): boolean {
  if (segment === undefined) return true;
  return !/\d{4,}|\.\w{2,5}$/.test(segment) && segment.split(/[-_]/).length <= 2;
}

export type ShallowRedirect = { landing: 'home' | 'section'; reason: string };

/** A deep URL sent to the home page, or to what its address says is a section index. */
export function describeShallowRedirect(from: string, to: string): ShallowRedirect | undefined {
  const a = parseUrl(from);
  const b = parseUrl(to);
  if (!a || !b) return undefined;
  const original = pathSegments(a);
  const final = pathSegments(b);
  const deep = original.length > 0 || a.search.length > 1;
  if (!deep) return undefined;
  if (final.length === 0 && b.search.length <= 1) return { landing: 'home', reason: `redirect of a deep URL to the site's home page (${to})` };
  const lostSlug = final[final.length - 1] !== original[original.length - 1];
  const isPrefix = final.length < original.length && final.every((seg, i) => seg === original[i]);
  // A section index is short, has lost the slug that named the page, and is named like a section.
  if (isPrefix || (final.length < original.length && final.length <= 2 && lostSlug && looksLikeSection(final[final.length - 1]))) {
    return { landing: 'section', reason: `redirect of a deep URL to a section index (${to})` };
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
