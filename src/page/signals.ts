// Page signals: bot wall, paywall and "not found despite 2xx" (field-notes §4.2–4.4).
import type { PageSignals } from '../types.js';
import { detectBotWall } from './botwall.js';
import { countWords } from './dom.js';
import type { HtmlFacts } from './html.js';
import { detectPaywall } from './paywall.js';

// Phrases a not-found page puts in its title or h1 (en, ru, fr, de, es, it, pt, uk).
const NOT_FOUND_TITLE = [
  /page (was )?not found|not found|page (does not|doesn't) exist|page (is )?(no longer available|unavailable)|(can|could)(no|n['’])?t find (that|this|the) page/i,
  /страница не найдена|ошибка 404|страница не существует|такой страницы нет|сторінку не знайдено/i,
  /page introuvable|page non trouvée|erreur 404|page inexistante/i,
  /seite nicht gefunden|fehler 404|seite existiert nicht|nicht gefunden/i,
  /página no encontrada|error 404|página no existe|pagina non trovata|página não encontrada/i,
];

// Body wording of a not-found page, used only when the main text is tiny.
const NOT_FOUND_BODY = /page (you (were )?(requested|looking for) )?(could not|couldn['’]?t|cannot|can['’]?t) be found|(could not|couldn['’]?t) find (the|that|this) page|(page|article|story) (does not|doesn't|no longer) exists?|страница не найдена|запрашиваемая страница не|page introuvable|n['’]existe pas|nicht gefunden|existiert nicht|no (se ha podido )?encontra|no existe/i;

// "404" alone in a title segment: `404 | Site`, `Error 404`. "The 404 Club" is a name, and an
// article about HTTP errors says "404" inside a longer headline, so only a bare 404 counts.
const BARE_404 = /^(error|http|fehler|erreur|ошибка)?\s*404(\s*(error|page|страница))?[.!]?$/i;
const TITLE_SEPARATORS = /\s[|·–—:-]\s|\s[|·–—]|[|·–—]\s/;
const SHORT_SEGMENT_WORDS = 6;

function saysNotFound(title: string): 'not found' | '404' | undefined {
  for (const segment of title.split(TITLE_SEPARATORS)) {
    if (countWords(segment, SHORT_SEGMENT_WORDS) > SHORT_SEGMENT_WORDS) continue;
    if (NOT_FOUND_TITLE.some((re) => re.test(segment))) return 'not found';
    if (BARE_404.test(segment.trim())) return '404';
  }
  return undefined;
}

/** Past this the page is an article, whatever its title says. */
const SUBSTANTIAL_WORDS = 300;

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

function detectCanonicalHome(facts: HtmlFacts, finalUrl: string): string | undefined {
  if (!facts.canonicalUrl || pathSegments(finalUrl).length === 0 || looksLikeArticle(facts)) return undefined;
  try {
    const canonical = new URL(facts.canonicalUrl);
    const home = canonical.pathname === '/' || canonical.pathname === '';
    return home && !canonical.search ? `rel=canonical points to the home page (${facts.canonicalUrl}) for a deep URL` : undefined;
  } catch {
    return undefined;
  }
}

export function detectNotFound(facts: HtmlFacts, finalUrl: string): string | undefined {
  const mainWords = countWords(facts.mainText, SUBSTANTIAL_WORDS);
  if (mainWords < SUBSTANTIAL_WORDS) {
    for (const [where, text] of [['title', facts.titleTag], ['h1', facts.h1]] as const) {
      if (!text) continue;
      const says = saysNotFound(text);
      if (says) return `${where} says ${says}: "${text}"`;
    }
  }
  const canonical = detectCanonicalHome(facts, finalUrl);
  if (canonical) return canonical;
  const body = facts.mainText || facts.pageText;
  if (countWords(body, 120) < 120 && NOT_FOUND_BODY.test(body)) return 'tiny page whose text says not found';
  return undefined;
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
  const refreshTo = readRefreshTarget(facts, input.finalUrl);
  if (refreshTo) signals.refreshTo = refreshTo;
  return signals;
}
