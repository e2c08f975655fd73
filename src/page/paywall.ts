// Recognises paywalled pages (field-notes §4.2): declared flags first, then markup and wording cues.
import { countWords } from './dom.js';
import type { HtmlFacts } from './html.js';

// Declared by the publisher: one is enough.
function findDeclared(facts: HtmlFacts): string | undefined {
  if (facts.jsonld.lockedFlag) {
    const parts = facts.removedLocked > 0 ? ` (${facts.removedLocked} locked element(s) excluded)` : '';
    return `jsonld isAccessibleForFree=false${parts}`;
  }
  const tier = facts.meta.get('article:content_tier')?.toLowerCase();
  if (tier === 'locked' || tier === 'metered') return `article:content_tier=${tier}`;
  if (/subscriptions-section\s*=\s*["']?content/i.test(facts.html.slice(0, 2_000_000))) return 'AMP subscriptions content section';
  return undefined;
}

// Wording that only a paywall prompt uses. A newsletter box says "subscribe", never these.
const GATE_PHRASES = [
  /subscribe (now )?to (continue|keep) reading/i,
  /to (continue|keep) reading,? (please )?(subscribe|sign in|log in|become a (member|subscriber))/i,
  /this (article|story|content) is (only )?(available |reserved )?(exclusively )?(for|to) (paying )?(subscribers|members)( only)?/i,
  /subscribe (now |today )?to read (the full|this|more)|become a (subscriber|member) to (continue|read)/i,
  /you['’]ve (reached|used) your (limit of |monthly )?free (articles?|stories)|you have (reached your limit of|read all your) free (articles|stories)/i,
  /чтобы продолжить чтение,? оформите подписку/i,
  /(доступен|доступна|доступно) только (для )?подписчик|(читайте|продолжение) (доступно )?по подписке/i,
  /suscríbete para (seguir|continuar) leyendo|contenido exclusivo para suscriptores/i,
  /материал доступен только (по|для) подписчик/i,
  /pour lire la suite,? abonnez-vous|article réservé aux abonnés/i,
  /weiterlesen mit (abo|\w+\+)|dieser artikel ist exklusiv für abonnenten/i,
];

// Markup and wording that also show up on free pages (Piano meters every page of some sites).
const WEAK_CUES: { why: string; test: (facts: HtmlFacts, lower: string) => boolean }[] = [
  { why: 'Piano/Tinypass markup', test: (_, l) => /tp-modal|tp-backdrop|tinypass\.com|\.piano\.io|piano-paywall/.test(l) },
  { why: 'paywall class/id', test: (_, l) => /\b(class|id)\s*=\s*["'][^"']*\b(paywall|paywall-\w+|meteredcontent|metered-content|regwall|reg-wall|subscription-gate|subscriber-only|premium-gate)\b/.test(l) },
  { why: '"Already a subscriber?" prompt', test: (f) => /already a subscriber\?|уже подписаны\?|déjà abonné/i.test(f.pageText) },
];

// A gate prompt sits near the top or the end of a teaser; on a huge page scan only those ends.
function sampleEnds(text: string): string {
  return text.length <= 400_000 ? text : `${text.slice(0, 200_000)}\n${text.slice(-200_000)}`;
}

/** Declared length far above what the page shows: the rest is behind the wall. */
function findLengthGap(facts: HtmlFacts): string | undefined {
  const declared = facts.jsonld.wordCount;
  if (declared === undefined || declared < 300) return undefined;
  const shown = countWords(facts.mainText || facts.pageText, declared);
  return declared >= shown * 3 && declared - shown >= 250 ? `jsonld wordCount ${declared} but only ${shown} words visible` : undefined;
}

// A free article is long; a gated teaser is a few paragraphs. Markup cues also appear on free
// articles (Piano meters whole sites, newsletter boxes ask "Already a subscriber?"), so they only
// count beside a teaser-length main text.
const TEASER_WORDS = 200;

export function detectPaywall(facts: HtmlFacts): string | undefined {
  const declared = findDeclared(facts);
  if (declared) return declared;
  // A phrase inside a long article body is a mention; a prompt sits beside a teaser or outside it.
  const mainWords = countWords(facts.mainText, 600);
  const sample = sampleEnds(facts.pageText);
  const phrase = GATE_PHRASES.find((re) => re.test(sample) && (mainWords < 600 || !re.test(facts.mainText)));
  if (phrase) return `paywall prompt: "${phrase.exec(sample)?.[0] ?? ''}"`;
  const gap = findLengthGap(facts);
  if (gap) return gap;
  if (countWords(facts.mainText || facts.pageText, TEASER_WORDS) >= TEASER_WORDS) return undefined;
  const lower = facts.html.slice(0, 1_000_000).toLowerCase();
  const cues = WEAK_CUES.filter((cue) => cue.test(facts, lower)).map((cue) => cue.why);
  return cues.length > 0 ? `${cues.join(' + ')} beside a teaser-length text` : undefined;
}
