// SourceFetch + Page → LinkStatus with a one-line reason (IABot rules, field-notes §2 and §4.2–4.4).
import type { FetchOutcome, LinkStatus, Page, SourceFetch, Truncation } from '../types.js';
import { countWords } from '../page/dom.js';
import { cleanText } from '../page/clean.js';
import { readHeader } from '../page/headers.js';
import { describeGateRedirect, describeNotFoundRedirect, describeShallowRedirect, describeTrivialRedirect } from './link-url.js';

export interface LinkJudgement {
  linkStatus: LinkStatus;
  reason: string;
  /** The body was incomplete (the reason says how): the verdict must not take it for the whole page. */
  truncated?: Truncation;
}

type Failure = Extract<FetchOutcome, { kind: 'failure' }>;
type Response = Extract<FetchOutcome, { kind: 'response' }>;

const FAILURE_STATUS = {
  dns: 'dead',
  timeout: 'timeout',
  refused: 'error',
  reset: 'error',
  tls: 'error',
  'redirect-loop': 'error',
  'too-many-redirects': 'error',
  decompression: 'error',
  other: 'error',
  'private-address': 'private-address',
  'invalid-url': 'invalid-url',
} as const satisfies Record<Failure['failure'], LinkStatus>;

const FAILURE_WORDS = {
  dns: 'host name not found',
  timeout: 'timed out',
  refused: 'connection refused',
  reset: 'connection reset',
  tls: 'TLS error',
  'redirect-loop': 'redirect loop',
  'too-many-redirects': 'too many redirects',
  decompression: 'could not decompress the body',
  other: 'request failed',
  'private-address': 'refused: resolves to a private address',
  'invalid-url': 'not a valid http(s) URL',
} as const satisfies Record<Failure['failure'], string>;

function judgeFailure(f: Failure): LinkJudgement {
  const detail = [f.code, f.message].filter((s) => s && s.length > 0).join(': ');
  return { linkStatus: FAILURE_STATUS[f.failure], reason: `${FAILURE_WORDS[f.failure]}${detail ? ` (${detail})` : ''}` };
}

// 4xx codes that are not "the page is gone": a refusal of us (bot filtering, auth, legal) or payment.
const CLIENT_ERROR_STATUS: Record<number, { linkStatus: LinkStatus; why: string }> = {
  401: { linkStatus: 'blocked', why: 'authentication required' },
  402: { linkStatus: 'paywalled', why: 'payment required' },
  403: { linkStatus: 'blocked', why: 'forbidden (often bot filtering)' },
  405: { linkStatus: 'blocked', why: 'method refused (WAFs answer 405 to unwanted clients)' },
  406: { linkStatus: 'blocked', why: 'not acceptable (often bot filtering)' },
  407: { linkStatus: 'blocked', why: 'proxy authentication required' },
  408: { linkStatus: 'timeout', why: 'the server timed out waiting for the request' },
  412: { linkStatus: 'blocked', why: 'precondition failed (often bot filtering)' },
  418: { linkStatus: 'blocked', why: "I'm a teapot (used to turn bots away)" },
  421: { linkStatus: 'error', why: 'misdirected request' },
  // Our request's fault, not the page's: never a dead link (and no strike in the history).
  431: { linkStatus: 'error', why: 'request header fields too large (our request, not the page)' },
  428: { linkStatus: 'blocked', why: 'precondition required (often bot filtering)' },
  429: { linkStatus: 'blocked', why: 'rate limited (still 429 after retries)' },
  451: { linkStatus: 'blocked', why: 'unavailable for legal reasons' },
  499: { linkStatus: 'blocked', why: 'request closed by the server (often bot filtering)' },
};

const VENDOR_NAMES: Record<string, string> = {
  cloudflare: 'Cloudflare', 'aws-waf': 'AWS WAF', datadome: 'DataDome', perimeterx: 'PerimeterX/HUMAN',
  akamai: 'Akamai', incapsula: 'Imperva/Incapsula', sucuri: 'Sucuri Website Firewall', captcha: 'CAPTCHA',
  'javascript-required': 'JavaScript-only page',
};

function describeWall(r: Response, vendor: string): string {
  const name = VENDOR_NAMES[vendor] ?? vendor;
  const mitigated = readHeader(r.headers, 'cf-mitigated');
  if (mitigated) return `${r.status} with cf-mitigated: ${mitigated} (${name})`;
  const waf = readHeader(r.headers, 'x-amzn-waf-action');
  if (waf) return `${r.status} with x-amzn-waf-action: ${waf} (${name})`;
  if (vendor === 'javascript-required') return `${r.status}: page only asks to enable JavaScript (platform requires JS)`;
  return `${r.status}: bot challenge page (${name})`;
}

function judgeStatusCode(r: Response): LinkJudgement | undefined {
  const s = r.status;
  const known = CLIENT_ERROR_STATUS[s];
  if (known) {
    // A plain 429 is a rate limit, not a wall; say when the server asked us to come back.
    const retryAfter = s === 429 ? readHeader(r.headers, 'retry-after') : undefined;
    return { linkStatus: known.linkStatus, reason: `HTTP ${s}: ${known.why}${retryAfter ? ` (retry-after: ${retryAfter})` : ''}` };
  }
  if (s === 404 || s === 410) return { linkStatus: 'dead', reason: `HTTP ${s}: ${s === 404 ? 'not found' : 'gone'}` };
  // Like IABot on a full GET, any other 4xx counts as dead (Pew counts 400 too).
  if (s >= 400 && s < 500) return { linkStatus: 'dead', reason: `HTTP ${s}: client error on a plain GET` };
  if (s >= 500 && s < 600) return { linkStatus: 'error', reason: `HTTP ${s}: server error after retries` };
  // LinkedIn's 999 and friends: non-standard codes are how some sites turn bots away.
  if (s >= 600 || s < 100) return { linkStatus: 'blocked', reason: `HTTP ${s}: non-standard status (used to turn bots away)` };
  // We send no conditional request, so a 304 is the server's oddity, not a redirect.
  if (s === 304) return { linkStatus: 'error', reason: 'HTTP 304: not modified, to a request that asked no such thing' };
  if (s >= 300 && s < 400) return { linkStatus: 'error', reason: `HTTP ${s}: redirect that could not be followed` };
  if (s < 200) return { linkStatus: 'error', reason: `HTTP ${s}: informational status as the final answer` };
  return undefined;
}

function describeHops(f: SourceFetch): string {
  const first = f.redirects[0];
  return first ? `${first.status} → ${f.finalUrl}` : `→ ${f.finalUrl}`;
}

function sameAddress(a: string, b: string): boolean {
  // the same text is the same address (parsed or not); most pages land where they were asked for
  if (a === b) return true;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

// X/Twitter answer every status URL with the same JavaScript shell, deleted or not (field-notes §4.5).
const JS_ONLY_HOSTS = /(^|\.)(x\.com|twitter\.com)$/i;

/**
 * Printable ASCII without escapes: the parsed host is the written one in lower case, so a URL text
 * not naming x.com or twitter.com cannot have such a host (spares parsing every page's URL).
 */
const PLAIN_URL = /^[\x21-\x24\x26-\x7e]*$/;

function isJavaScriptShell(f: SourceFetch, page: Page | undefined): boolean {
  if (PLAIN_URL.test(f.finalUrl) && !/x\.com|twitter\.com/i.test(f.finalUrl)) return false;
  let host = '';
  try {
    host = new URL(f.finalUrl).hostname;
  } catch {
    return false;
  }
  return JS_ONLY_HOSTS.test(host) && !page?.layers.some((l) => l.layer === 'main' || l.layer === 'jsonld');
}

/** Below this many words the landing has no article of its own: a home page, an index, an error page. */
const ARTICLE_WORDS = 150;

/** Why the landing page is an index rather than an article, or undefined when it reads as an article. */
function describeIndexLanding(page: Page | undefined): string | undefined {
  if (!page) return 'no page was read';
  if (page.signals.indexPage) return page.signals.indexPage;
  const words = Math.max(0, ...page.layers.filter((l) => l.layer !== 'meta' && l.layer !== 'page').map((l) => countWords(l.text, ARTICLE_WORDS)));
  return words < ARTICLE_WORDS ? 'little article text' : undefined;
}

// The address says where a redirect went; for a section index only the page can say whether it
// really is one (sites move /a/b/c/12345 to /world/russia-hosts-hamas-12345, a shallower article).
function describeSoftRedirect(from: string, landing: string, page: Page | undefined): string | undefined {
  const notFound = describeNotFoundRedirect(from, landing);
  if (notFound) return notFound;
  const shallow = describeShallowRedirect(from, landing);
  if (!shallow) return undefined;
  if (shallow.landing === 'home') return shallow.reason;
  const index = describeIndexLanding(page);
  return index ? `${shallow.reason}: ${index}` : undefined;
}

function judgeSuccess(f: SourceFetch, r: Response, page: Page | undefined): LinkJudgement {
  if (isJavaScriptShell(f, page)) {
    return { linkStatus: 'blocked', reason: `${r.status}: platform requires JS (X/Twitter serves a script shell; try oEmbed or an archive)` };
  }
  // A quick meta refresh is a redirect the fetch stage could not follow: judge where it leads.
  const landing = page?.signals.refreshTo ?? f.finalUrl;
  const redirected = f.redirects.length > 0 || !sameAddress(f.url, landing);
  const gate = redirected ? describeGateRedirect(f.url, landing) : undefined;
  if (gate) return gate;
  const soft = redirected ? describeSoftRedirect(f.url, landing, page) : undefined;
  if (soft) return { linkStatus: 'soft-404', reason: soft };
  if (page?.signals.notFound) return { linkStatus: 'soft-404', reason: `${r.status} but ${page.signals.notFound}` };
  if (page?.signals.paywall) return { linkStatus: 'paywalled', reason: `${r.status} but paywalled: ${page.signals.paywall}` };
  if (redirected) {
    const trivial = describeTrivialRedirect(f.url, landing);
    if (trivial) return { linkStatus: 'ok', reason: `${r.status} after a trivial redirect (${trivial})` };
    return { linkStatus: 'redirected', reason: landing === f.finalUrl ? describeHops(f) : `meta refresh → ${landing}` };
  }
  const unreadable = page?.signals.unreadable;
  return { linkStatus: 'ok', reason: unreadable ? `${r.status} but ${unreadable}` : `${r.status} OK` };
}

/** How much of a cut body arrived, for the reason line. */
function describeCut(r: Response, truncation: Truncation): string {
  if (truncation === 'max-size') return `read up to the --max-size cap (${r.body.length} bytes): the rest was not read`;
  const announced = readHeader(r.headers, 'content-length');
  const encoded = readHeader(r.headers, 'content-encoding');
  const of = announced ? ` of the ${announced}${encoded ? ` ${encoded}` : ''} bytes announced` : '';
  return `the connection closed early: ${r.body.length} bytes arrived${of}`;
}

/** The reason quotes header values, error messages and addresses: cleaned of escapes and controls. */
export function judgeLink(f: SourceFetch, page: Page | undefined): LinkJudgement {
  const r = f.outcome;
  if (r.kind === 'failure') {
    const failed = judgeFailure(r);
    return { ...failed, reason: cleanText(failed.reason) };
  }
  const judged = judgeResponse(f, r, page);
  const cut = r.truncation ?? (r.truncated ? 'max-size' : undefined);
  const reason = cleanText(cut ? `${judged.reason}; ${describeCut(r, cut)}` : judged.reason);
  return cut ? { ...judged, truncated: cut, reason } : { ...judged, reason };
}

function judgeResponse(f: SourceFetch, r: Response, page: Page | undefined): LinkJudgement {
  if (page?.signals.botWall) return { linkStatus: 'blocked', reason: describeWall(r, page.signals.botWall) };
  // The header alone is decisive even when no page could be read (field-notes §4.3).
  if (readHeader(r.headers, 'cf-mitigated')?.toLowerCase().includes('challenge')) {
    return { linkStatus: 'blocked', reason: describeWall(r, 'cloudflare') };
  }
  if (/challenge|captcha/i.test(readHeader(r.headers, 'x-amzn-waf-action') ?? '')) {
    return { linkStatus: 'blocked', reason: describeWall(r, 'aws-waf') };
  }
  if (readHeader(r.headers, 'x-sucuri-block')) return { linkStatus: 'blocked', reason: describeWall(r, 'sucuri') };
  return judgeStatusCode(r) ?? judgeSuccess(f, r, page);
}
