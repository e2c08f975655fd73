// Recognises paywalled pages (field-notes §4.2): declared flags first, then markup and wording cues.
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
  /subscribe (now |today )?to unlock (this|the full|the rest of this) (article|story)|unlock (this|the full) (article|story) (by subscribing|with a subscription)/i,
  /(sign|log) ?in to (continue|keep) reading|(sign|log) ?in to read (the full|this|the rest)/i,
  /create (a |an |your )?(free )?account to (continue|keep) reading|create (a |an |your )?(free )?account to read (the full|this|the rest)/i,
  /register (now |for free |free )?to (continue|keep) reading|register (now |for free |free )?to read (the full|this|the rest)/i,
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

function countMatches(text: string, re: RegExp): number {
  return text.match(new RegExp(re.source, 'gi'))?.length ?? 0;
}

/** The lines a teaser closes on, where a prompt stands when it sits inside the article text. */
const TAIL_LINES = 3;

/**
 * A gate prompt stands outside the article text (a modal, a banner, a gate box) or closes a
 * teaser. The same words in the body of an article are a quotation ("readers see 'Subscribe to
 * continue reading'…").
 */
function findGatePrompt(facts: HtmlFacts): string | undefined {
  const page = sampleEnds(facts.pageText);
  const tail = facts.mainText.split('\n').slice(-TAIL_LINES).join('\n');
  for (const re of GATE_PHRASES) {
    const found = re.exec(page);
    if (!found) continue;
    if (countMatches(page, re) > countMatches(facts.mainText, re) || re.test(tail)) return found[0];
  }
  return undefined;
}

/** Declared length far above what the page shows: the rest is behind the wall. */
function findLengthGap(facts: HtmlFacts): string | undefined {
  const declared = facts.jsonld.wordCount;
  if (declared === undefined || declared < 300) return undefined;
  const shown = facts.shownWords;
  return declared >= shown * 3 && declared - shown >= 250 ? `jsonld wordCount ${declared} but only ${shown} words visible` : undefined;
}

// A free article is long; a gated teaser is a few paragraphs. Markup cues also appear on free
// articles (Piano meters whole sites, newsletter boxes ask "Already a subscriber?"), so they only
// count beside a teaser-length main text.
const TEASER_WORDS = 200;
const LONG_WORDS = 600;

export function detectPaywall(facts: HtmlFacts): string | undefined {
  const declared = findDeclared(facts);
  if (declared) return declared;
  // Past this much readable text the article is there to check, whatever a meter modal (often
  // present in the markup and hidden by CSS until it fires) says.
  const phrase = facts.mainWords < LONG_WORDS ? findGatePrompt(facts) : undefined;
  if (phrase) return `paywall prompt: "${phrase}"`;
  const gap = findLengthGap(facts);
  if (gap) return gap;
  if (facts.shownWords >= TEASER_WORDS) return undefined;
  const lower = facts.html.slice(0, 1_000_000).toLowerCase();
  const cues = WEAK_CUES.filter((cue) => cue.test(facts, lower)).map((cue) => cue.why);
  return cues.length > 0 ? `${cues.join(' + ')} beside a teaser-length text` : undefined;
}
