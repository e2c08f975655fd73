// Disagreements inside the evidence window: a different number in the same context, or flipped negation.
import { factMatches, type Fact } from './facts.js';
import type { LayerText, PreparedClaim } from './find.js';
import { normalize, sliceOriginal } from './normalize.js';
import { scanText, tokenAt, tokenText, type Scan } from './scan.js';
import type { Window } from './window.js';
import { isNegationAt, stemWord, STOP_WORDS } from './words.js';

/** Tokens either side of a number that make up its context (`17 [people were killed]`). */
export const CONTEXT_TOKENS = 8;
/** A negation cue counts for a word when it stands at most this many tokens before it. */
export const NEGATION_REACH = 3;

function tokensOf(text: string, scan: Scan, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, from); i <= Math.min(scan.count - 1, to); i++) out.push(tokenText(text, scan, i));
  return out;
}

/**
 * The given phrases (the claim's facts and names) found in the window do not all share one
 * sentence: the window pieces the claim together from separate statements.
 */
export function crossesSentence(found: LayerText, w: Window, phrases: readonly number[]): boolean {
  const { norm, scan } = found;
  const sentenceOf = new Int32Array(Math.max(0, w.to - w.from + 1));
  for (let i = w.from + 1, k = 0; i <= w.to; i++) {
    if (/[.!?;]["')\]]?\s/.test(norm.text.slice(scan.ends[i - 1] ?? 0, scan.starts[i] ?? 0))) k++;
    sentenceOf[i - w.from] = k;
  }
  let common: Set<number> | undefined;
  for (const phrase of phrases) {
    const here = new Set((found.positions[phrase] ?? []).filter((p) => p >= w.from && p <= w.to).map((p) => sentenceOf[p - w.from] ?? 0));
    if (here.size === 0) continue;
    common = common ? new Set([...common].filter((x) => here.has(x))) : here;
    if (common.size === 0) return true;
  }
  return false;
}

/** Tokens within `reach` of token `center`, not crossing a sentence end (`. `, `! `, `? `, `; `). */
function sentenceTokens(text: string, scan: Scan, center: number, reach: number): string[] {
  const gapEnds = (i: number): boolean => /[.!?;]["')\]]?\s/.test(text.slice(scan.ends[i] ?? 0, scan.starts[i + 1] ?? 0));
  let from = center;
  while (from > 0 && center - from < reach && !gapEnds(from - 1)) from--;
  let to = center;
  while (to < scan.count - 1 && to - center < reach && !gapEnds(to)) to++;
  return tokensOf(text, scan, from, to);
}

function contextStems(tokens: readonly string[]): Set<string> {
  return new Set(tokens.filter((t) => !STOP_WORDS.has(t) && !/^\p{N}+$/u.test(t) && t.length > 1).map((t) => stemWord(t)));
}

function comparable(claim: Fact, source: Fact): boolean {
  if (claim.date) {
    if (!source.date) return false;
    if (claim.date.m !== undefined) return source.date.m !== undefined && (claim.date.d === undefined) === (source.date.d === undefined);
    return source.date.y !== undefined;
  }
  // a guessed unit (`5m`: metres or millions) is too loose a reading to accuse either side with
  if (claim.guessed || source.guessed) return false;
  return source.kind === 'number' && !source.inDate && source.percent === claim.percent;
}

/** Claim numbers/dates absent from the evidence while a different one sits next to the same words. */
export function findContradictions(claim: string, prepared: PreparedClaim, found: LayerText, w: Window,
  size: number, present: ReadonlySet<number>): { claim: string; source: string }[] {
  const norm = normalize(claim);
  const claimScan = scanText(norm.text, () => []);
  const claimFacts = [...prepared.facts.values()];
  const lo = w.from - size / 2;
  const hi = w.to + size / 2;
  const out: { claim: string; source: string }[] = [];
  for (const [i, fact] of prepared.facts) {
    const phrase = prepared.phrases[i];
    // a number word (`five` in `one in five`) is too loose a reading to accuse the source with
    if (!phrase || present.has(i) || !/\d/.test(phrase.text)) continue;
    const at = norm.text.indexOf(normalize(phrase.text).text);
    if (at < 0) continue;
    const ct = tokenAt(claimScan, at);
    const context = contextStems(sentenceTokens(norm.text, claimScan, ct, CONTEXT_TOKENS));
    // a given phrase is context in the source's own language (the claim's words may be English)
    for (const [k, pattern] of prepared.patterns) {
      if (prepared.phrases[k]?.kind === 'given') for (const s of contextStems(pattern.split(' '))) context.add(s);
    }
    const rival = found.facts.find((f) => {
      const ti = tokenAt(found.scan, f.start);
      if (ti < lo || ti > hi || !comparable(fact, f) || claimFacts.some((cf) => factMatches(cf, f))) return false;
      const near = sentenceTokens(found.norm.text, found.scan, ti, CONTEXT_TOKENS);
      return near.some((t) => context.has(stemWord(t)));
    });
    if (rival) out.push({ claim: phrase.text, source: sliceOriginal(found.original, found.norm, rival.start, rival.end) });
  }
  return out;
}

function negatedNear(tokens: readonly string[], hits: readonly number[]): boolean {
  return hits.some((h) => {
    for (let k = Math.max(0, h - NEGATION_REACH); k < h; k++) if (isNegationAt(tokens, k)) return true;
    return false;
  });
}

/**
 * Polarity of the claim (any negation cue in it) against the polarity of the evidence window (a
 * cue just before one of the claim's words, names or quoted words matched there). A flip means
 * the source says the opposite, however many words overlap.
 */
export function findNegationMismatch(claim: string, prepared: PreparedClaim, found: LayerText, w: Window): boolean {
  const norm = normalize(claim);
  const claimScan = scanText(norm.text, () => []);
  const claimTokens = tokensOf(norm.text, claimScan, 0, claimScan.count - 1);
  const claimNegated = claimTokens.some((_, i) => isNegationAt(claimTokens, i));
  const from = Math.max(0, w.from - NEGATION_REACH);
  const windowTokens = tokensOf(found.norm.text, found.scan, from, w.to + 40);
  const windowHits: number[] = [];
  prepared.phrases.forEach((p, i) => {
    // names are left out: a name near an unrelated `never` says nothing about the claim's verb
    if (p.kind !== 'word' && p.kind !== 'quote') return;
    const span = p.kind === 'quote' ? (prepared.patterns.get(i)?.split(' ').length ?? 1) : 1;
    for (const pos of found.positions[i] ?? []) {
      if (pos < w.from || pos > w.to) continue;
      for (let k = 0; k < span; k++) windowHits.push(pos + k - from);
    }
  });
  return claimNegated !== negatedNear(windowTokens, windowHits);
}

/** Verbs of direction and outcome whose opposite a reviewer reads as a contradiction (en + ru). */
const OPPOSITES: [string, string][] = [
  ['rise rose risen rising', 'fall fell fallen falling'], ['increase increased', 'decrease decreased'],
  ['raise raised', 'cut lowered'], ['win won', 'lose lost'], ['keep kept retained', 'lose lost'],
  ['gain gained', 'lose lost'], ['approve approved accepted', 'reject rejected'], ['support supported', 'oppose opposed'],
  ['acquit acquitted', 'convict convicted'], ['open opened', 'close closed'], ['higher', 'lower'],
  ['повысил повысила повысили вырос выросла выросли', 'снизил снизила снизили упал упала упали'],
  ['одобрил одобрила одобрили', 'отклонил отклонила отклонили'], ['выиграл выиграла', 'проиграл проиграла'],
];

let opposites: Map<string, Set<string>> | undefined;

function oppositeStems(): Map<string, Set<string>> {
  if (opposites) return opposites;
  const map = new Map<string, Set<string>>();
  const link = (from: string, to: string): void => {
    const a = new Set(from.split(' ').map((w) => stemWord(w)));
    const b = to.split(' ').map((w) => stemWord(w));
    for (const s of a) {
      const set = map.get(s) ?? new Set<string>();
      for (const t of b) if (!a.has(t)) set.add(t);
      map.set(s, set);
    }
  };
  for (const [x, y] of OPPOSITES) { link(x, y); link(y, x); }
  opposites = map;
  return map;
}

/**
 * Claim words absent from the evidence window whose opposite stands there (`kept its majority`
 * against `lost its majority`): `claim word ↔ source word` for each.
 */
export function findOpposites(prepared: PreparedClaim, found: LayerText, w: Window, present: ReadonlySet<number>): string[] {
  const table = oppositeStems();
  const windowStems = new Map<string, string>();
  for (const t of tokensOf(found.norm.text, found.scan, w.from, w.to)) windowStems.set(stemWord(t), t);
  const out: string[] = [];
  prepared.phrases.forEach((p, i) => {
    if (p.kind !== 'word' || present.has(i)) return;
    for (const o of table.get(stemWord(normalize(p.text).text, prepared.language)) ?? []) {
      const seen = windowStems.get(o);
      if (seen) { out.push(`${p.text} ↔ ${seen}`); return; }
    }
  });
  return out;
}
