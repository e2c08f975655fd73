// Disagreements inside the evidence window: a different number or date in the same context, opposite verbs.
import { factMatches, type Fact } from './facts.js';
import type { LayerText, PreparedClaim } from './find.js';
import { normalize, sliceOriginal, type Normalized } from './normalize.js';
import { scanWords, tokenAt, tokenText, type Scan } from './scan.js';
import { describeDate } from './when.js';
import { endsSentence, type Window } from './window.js';
import { stemWord, STOP_WORDS } from './words.js';

/** Tokens either side of a number that make up its context (`17 [people were killed]`). */
export const CONTEXT_TOKENS = 8;

function tokensOf(text: string, scan: Scan, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, from); i <= Math.min(scan.count - 1, to); i++) out.push(tokenText(text, scan, i));
  return out;
}

/** Sentence number (0, 1, …) of each token of the window, counted from its first token. */
function sentencesOf(found: LayerText, w: Window): Int32Array {
  const { norm, scan } = found;
  const ids = new Int32Array(Math.max(0, w.to - w.from + 1));
  for (let i = w.from + 1, k = 0; i <= w.to; i++) {
    if (endsSentence(found, i - 1)) k++;
    ids[i - w.from] = k;
  }
  return ids;
}

/**
 * The given phrases (the claim's facts and names) found in the window do not all share one
 * sentence: the window pieces the claim together from separate statements.
 */
export function crossesSentence(found: LayerText, w: Window, phrases: readonly number[]): boolean {
  const sentenceOf = sentencesOf(found, w);
  let common: Set<number> | undefined;
  for (const phrase of phrases) {
    const here = new Set((found.positions[phrase] ?? []).filter((p) => p >= w.from && p <= w.to).map((p) => sentenceOf[p - w.from] ?? 0));
    if (here.size === 0) continue;
    common = common ? new Set([...common].filter((x) => here.has(x))) : here;
    if (common.size === 0) return true;
  }
  return false;
}

/** coreSentence of one window, worked out on first use and kept (contradictions and event dates both ask). */
export type CoreSentence = () => [number, number] | undefined;

export function coreSentenceOnce(prepared: PreparedClaim, found: LayerText, w: Window): CoreSentence {
  let known: [number, number] | undefined | null = null;
  return () => (known === null ? (known = coreSentence(prepared, found, w)) : known);
}

/** Token range of the window's sentence holding the most of the claim's words and names. */
export function coreSentence(prepared: PreparedClaim, found: LayerText, w: Window): [number, number] | undefined {
  const ids = sentencesOf(found, w);
  const counts = new Map<number, number>();
  prepared.phrases.forEach((p, i) => {
    // the claim's own dates and numbers mark its sentence most (`В 2024 году Россия…`), then names, then words
    if (p.kind === 'quote' || p.kind === 'given') return;
    const seen = new Set((found.positions[i] ?? []).filter((x) => x >= w.from && x <= w.to).map((x) => ids[x - w.from] ?? 0));
    for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + p.weight);
  });
  let best = -1;
  let most = 0;
  for (const [id, n] of counts) if (n > most) { best = id; most = n; }
  if (best < 0) return undefined;
  let from = -1;
  let to = -1;
  ids.forEach((id, k) => { if (id === best) { if (from < 0) from = w.from + k; to = w.from + k; } });
  // the sentence goes on past the window's last hit: its facts count as its own
  const { norm, scan } = found;
  while (to + 1 < scan.count && to - from < 80 && !endsSentence(found, to)) to++;
  while (from > 0 && to - from < 80 && !endsSentence(found, from - 1)) from--;
  return [from, to];
}

/** Tokens within `reach` of token `center`, not crossing a sentence end (`. `, `! `, `? `, `; `). */
function sentenceTokens(text: string, scan: Scan, center: number, reach: number, original?: string, norm?: Normalized): string[] {
  const gapEnds = (i: number): boolean => (original !== undefined && norm !== undefined ? endsSentence({ original, norm, scan }, i)
    : /[.!?;]["')\]]?\s/.test(text.slice(scan.ends[i] ?? 0, scan.starts[i + 1] ?? 0)));
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
    if (source.pageDate) return false;
    // a day in another month contradicts a month; a month cannot contradict a day
    if (claim.date.d !== undefined) return source.date.d !== undefined;
    if (claim.date.m !== undefined) return source.date.m !== undefined;
    return source.date.y !== undefined;
  }
  // a guessed unit (`5m`: metres or millions) accuses only a source amount in the millions range
  // too (`1.2 million`), never a small number that may be in another unit (`5 metres`)
  if (source.guessed) return false;
  if (claim.guessed && !source.values.every((v) => Math.abs(v) >= 1000)) return false;
  return source.kind === 'number' && !source.inDate && source.percent === claim.percent;
}

/**
 * Claim numbers/dates the evidence states differently: absent from it while a different one sits
 * next to the same words, or found elsewhere in the window (a dateline's year) while the sentence
 * that says the claim's words gives a different one (`In 2019 a Hamas delegation visited Moscow`).
 */
export function findContradictions(claim: string, prepared: PreparedClaim, found: LayerText, w: Window,
  size: number, present: ReadonlySet<number>, anchors: ReadonlySet<string> = new Set(),
  coreOf: CoreSentence = coreSentenceOnce(prepared, found, w)): { claim: string; source: string }[] {
  if (prepared.facts.size === 0) return [];
  const norm = normalize(claim);
  let claimScan: Scan | undefined;
  const claimFacts = [...prepared.facts.values()];
  const out: { claim: string; source: string }[] = [];
  for (const [i, fact] of prepared.facts) {
    const phrase = prepared.phrases[i];
    // a number word (`five` in `one in five`) is too loose a reading to accuse the source with
    if (!phrase || !/\d/.test(phrase.text)) continue;
    let [lo, hi] = [w.from - size / 2, w.to + size / 2];
    if (present.has(i)) {
      const core = coreOf();
      if (!core || found.facts.some((f) => !f.pageDate && factMatches(fact, f) && inRange(found, f, core))) continue;
      [lo, hi] = core;
    }
    const at = norm.text.indexOf(normalize(phrase.text).text);
    if (at < 0) continue;
    claimScan ??= scanWords(norm.text);
    const ct = tokenAt(claimScan, at);
    const context = contextStems(sentenceTokens(norm.text, claimScan, ct, CONTEXT_TOKENS));
    // across languages: the source's words that matched the claim's names and cognates
    for (const a of anchors) context.add(a);
    // a given phrase is context in the source's own language (the claim's words may be English)
    for (const [k, pattern] of prepared.patterns) {
      if (prepared.phrases[k]?.kind === 'given') for (const s of contextStems(pattern.split(' '))) context.add(s);
    }
    const rival = found.facts.find((f) => {
      const ti = tokenAt(found.scan, f.start);
      if (ti < lo || ti > hi || !comparable(fact, f) || claimFacts.some((cf) => factMatches(cf, f))) return false;
      const near = sentenceTokens(found.norm.text, found.scan, ti, CONTEXT_TOKENS, found.original, found.norm);
      return near.some((t) => context.has(stemWord(t)));
    });
    if (rival) out.push({ claim: phrase.text, source: describeFact(found, rival) });
  }
  return out;
}

/** A source fact as the source wrote it; a relative date with the day it resolves to. */
export function describeFact(found: LayerText, f: Fact): string {
  const written = sliceOriginal(found.original, found.norm, f.start, f.end);
  return f.relative && f.date ? `${written} (${describeDate(f.date)})` : written;
}

export function inRange(found: LayerText, f: Fact, [from, to]: [number, number]): boolean {
  const t = tokenAt(found.scan, f.start);
  return t >= from && t <= to;
}

/** Verbs of direction and outcome whose opposite a reviewer reads as a contradiction (en + ru). */
const OPPOSITES: [string, string][] = [
  ['rise rose risen rising', 'fall fell fallen falling'], ['increase increased', 'decrease decreased'],
  ['raise raised', 'cut lowered'], ['win won', 'lose lost'], ['keep kept retained', 'lose lost'],
  ['gain gained', 'lose lost'], ['approve approved accepted adopt adopted', 'reject rejected veto vetoed block blocked'], ['support supported', 'oppose opposed'],
  ['acquit acquitted', 'convict convicted'], ['open opened', 'close closed'], ['higher', 'lower'],
  ['повысил повысила повысили вырос выросла выросли', 'снизил снизила снизили упал упала упали'],
  ['одобрил одобрила одобрили принял приняла приняли', 'отклонил отклонила отклонили'], ['выиграл выиграла', 'проиграл проиграла'],
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
