// Page signals: bot wall, paywall and "not found despite 2xx" (field-notes §4.2–4.4).
import type { PageSignals } from '../types.js';
import { detectBotWall } from './botwall.js';
import type { HtmlFacts } from './html.js';
import { hasNotFoundMessage, saysNotFound } from './notfound.js';
import { detectPaywall } from './paywall.js';

/** Past this the page is an article, whatever its title says. */
const SUBSTANTIAL_WORDS = 300;
/** Below this the page has little article text: a home page, an index, an error page. */
const THIN_WORDS = 150;
/** A not-found page's whole text, message and apology included. */
const TINY_WORDS = 120;

function pathSegments(url: string): string[] {
  try {
    return new URL(url).pathname.split('/').filter((s) => s.length > 0);
  } catch {
    return [];
  }
}

function looksLikeArticle(facts: HtmlFacts): boolean {
  const type = facts.meta.get('og:type')?.toLowerCase();
  return type === 'article' || facts.jsonld.types.some((t) => /article|posting|report/i.test(t));
}

// A misconfigured CMS points every page's canonical at the root; only a thin page is the home page.
function detectCanonicalHome(facts: HtmlFacts, finalUrl: string, mainWords: number): string | undefined {
  if (!facts.canonicalUrl || pathSegments(finalUrl).length === 0 || looksLikeArticle(facts) || mainWords >= THIN_WORDS) return undefined;
  try {
    const canonical = new URL(facts.canonicalUrl);
    const home = canonical.pathname === '/' || canonical.pathname === '';
    return home && !canonical.search ? `rel=canonical points to the home page (${facts.canonicalUrl}) for a deep URL` : undefined;
  } catch {
    return undefined;
  }
}

export function detectNotFound(facts: HtmlFacts, finalUrl: string): string | undefined {
  const { mainWords } = facts;
  if (mainWords < SUBSTANTIAL_WORDS) {
    const title = facts.titleTag ? saysNotFound(facts.titleTag) : undefined;
    if (title) return `title says ${title}: "${facts.titleTag}"`;
    // Readability drops a lone h1 ("Oops! That page can't be found."), so it is read on its own.
    // A bare "404" h1 under a title that uses 404 otherwise ("404 | The 404 Club") is a name.
    const h1 = facts.h1 ? saysNotFound(facts.h1) : undefined;
    if (h1 && !(h1 === '404' && /404/.test(facts.titleTag ?? ''))) return `h1 says ${h1}: "${facts.h1}"`;
  }
  const canonical = detectCanonicalHome(facts, finalUrl, mainWords);
  if (canonical) return canonical;
  const body = facts.mainText || facts.pageText;
  if (facts.shownWords < TINY_WORDS && hasNotFoundMessage(body)) return 'tiny page whose text says not found';
  return undefined;
}

const LISTING_TYPES = /^(CollectionPage|ItemList|SearchResultsPage)$/i;
const TEASER_ARTICLES = 3;
const LINKED_HEADINGS = 5;

/** Why the page looks like a home page or section index (a list of teasers), not one article. */
export function detectIndexPage(facts: HtmlFacts): string | undefined {
  if (looksLikeArticle(facts)) return undefined;
  const listing = facts.jsonld.types.find((t) => LISTING_TYPES.test(t));
  if (listing) return `JSON-LD ${listing}`;
  const html = facts.html.slice(0, 2_000_000);
  const articles = html.match(/<article[\s>]/gi)?.length ?? 0;
  if (articles >= TEASER_ARTICLES) return `${articles} <article> teasers`;
  const headings = html.match(/<h[2-4]\b[^>]*>\s*<a\b/gi)?.length ?? 0;
  return headings >= LINKED_HEADINGS ? `${headings} linked headlines` : undefined;
}

// Old sites "redirect" removed pages with a meta refresh; challenge pages refresh after minutes.
const MAX_REFRESH_SECONDS = 10;

/** The target of a quick `<meta http-equiv="refresh">`, resolved against the final URL. */
export function readRefreshTarget(facts: HtmlFacts, finalUrl: string): string | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*[;,]\s*(?:url\s*=\s*)?["']?([^"']+)["']?\s*$/i.exec(facts.meta.get('refresh') ?? '');
  if (!match?.[1] || !match[2] || Number(match[1]) > MAX_REFRESH_SECONDS) return undefined;
  try {
    const target = new URL(match[2].trim(), finalUrl).href;
    return target === new URL(finalUrl).href ? undefined : target;
  } catch {
    return undefined;
  }
}

export interface SignalInput {
  status: number;
  headers: Record<string, string>;
  finalUrl: string;
}

export function detectHtmlSignals(facts: HtmlFacts, input: SignalInput): PageSignals {
  const signals: PageSignals = {};
  const wall = detectBotWall({ status: input.status, headers: input.headers, body: facts.html, visibleText: facts.pageText });
  if (wall) signals.botWall = wall.vendor;
  // A challenge page says nothing about the article, so the other heuristics would only add noise.
  if (wall) return signals;
  const paywall = detectPaywall(facts);
  if (paywall) signals.paywall = paywall;
  const notFound = detectNotFound(facts, input.finalUrl);
  if (notFound) signals.notFound = notFound;
  const index = detectIndexPage(facts);
  if (index) signals.indexPage = index;
  const refreshTo = readRefreshTarget(facts, input.finalUrl);
  if (refreshTo) signals.refreshTo = refreshTo;
  return signals;
}
