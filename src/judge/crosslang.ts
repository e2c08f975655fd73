// Anchors across languages without translation: cognates through transliteration, places in the same slot, sentence alignment.
import type { LayerText, PreparedClaim } from './find.js';
import { namesMatch, skeleton } from './names.js';
import { normalize, sliceOriginal } from './normalize.js';
import { samePlace } from './exonyms.js';
import { isCalendarWord } from './phrases.js';
import { tokenText } from './scan.js';
import { endsSentence, type Window } from './window.js';
import { isNegationAt, stemWord, STOP_WORDS, TOKEN } from './words.js';

/** A cognate shares at least this many leading letters of its Latin skeleton… */
export const COGNATE_MIN_PREFIX = 5;
/** …and this share of the shorter skeleton (`terrorist` ~ `террористическ`, `magnitude` ~ `магнитуд`). */
export const COGNATE_MIN_SHARE = 0.8;

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * An international word shared by two languages, compared through transliteration: the claim word
 * against the stem of the source word (`terrorist` ~ `террористической`, `inflation` ~ `Inflationsrate`).
 */
export function isCognate(claimWord: string, sourceWord: string, sourceLanguage: string | undefined): boolean {
  if (claimWord.length < COGNATE_MIN_PREFIX || sourceWord.length < COGNATE_MIN_PREFIX) return false;
  const a = skeleton(claimWord);
  const b = skeleton(stemWord(sourceWord, sourceLanguage));
  const p = commonPrefix(a, b);
  return p >= COGNATE_MIN_PREFIX && p >= COGNATE_MIN_SHARE * Math.min(a.length, b.length);
}

/** A claim word (or name part) and a source token name the same thing across languages: a country or city, a cognate. */
export function matchesAcross(claimWord: string, claimLanguage: string | undefined, token: string, pageLanguage: string | undefined): boolean {
  return samePlace(claimWord, claimLanguage, token, pageLanguage) || isCognate(claimWord, token, pageLanguage);
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'в', 'во', 'из', 'на', 'im', 'in', 'nach', 'aus', 'à', 'en', 'au']);

/** Sentence number of each token of the window (0 = the window's first sentence). */
function sentenceIds(found: LayerText, w: Window): Int32Array {
  const ids = new Int32Array(Math.max(0, w.to - w.from + 1));
  for (let i = w.from + 1, k = 0; i <= w.to; i++) {
    if (endsSentence(found, i - 1)) k++;
    ids[i - w.from] = k;
  }
  return ids;
}

/**
 * The claim's anchors found together (names, numbers, dates, cognates), as `claim ~ source` pairs:
 * across languages the words that say the same thing stand in one sentence, or in `sentences`
 * adjacent ones; the pair of sentences holding the most anchors is taken.
 */
export function alignAnchors(prepared: PreparedClaim, found: LayerText, w: Window, present: ReadonlySet<number>, sentences: number): { pairs: string[]; count: number } {
  const ids = sentenceIds(found, w);
  const hits = new Map<number, number[]>();
  prepared.phrases.forEach((p, i) => {
    if (!present.has(i) || p.kind === 'given' || p.kind === 'quote') return;
    hits.set(i, (found.positions[i] ?? []).filter((pos) => pos >= w.from && pos <= w.to));
  });
  let best: { pairs: string[]; count: number } = { pairs: [], count: 0 };
  const last = ids[ids.length - 1] ?? 0;
  for (let s = 0; s <= last; s++) {
    const pairs: string[] = [];
    for (const [i, list] of hits) {
      const at = list.find((pos) => { const id = ids[pos - w.from] ?? 0; return id >= s && id < s + sentences; });
      if (at === undefined) continue;
      const p = prepared.phrases[i];
      const source = sliceOriginal(found.original, found.norm, found.scan.starts[at] ?? 0, found.scan.ends[at + (p?.kind === 'date' ? 1 : 0)] ?? 0);
      pairs.push(`${p?.text ?? ''} ~ ${source}`);
    }
    if (pairs.length > best.count) best = { pairs, count: pairs.length };
  }
  return best;
}

/** The claim is negated (`never designated`), or a cue in the sentences of the window negates them (`так и не признала`). */
export function negationAcross(claim: string, found: LayerText, w: Window): { claim: boolean; source: boolean } {
  const claimTokens = normalize(claim).text.match(TOKEN) ?? [];
  const tokens: string[] = [];
  let from = w.from;
  while (from > 0 && !endsSentence(found, from - 1)) from--;
  for (let k = from; k <= w.to; k++) tokens.push(tokenText(found.norm.text, found.scan, k));
  return { claim: claimTokens.some((_, i) => isNegationAt(claimTokens, i)), source: tokens.some((_, i) => isNegationAt(tokens, i)) };
}

/**
 * A place the claim puts its event in (`in Cairo`, `в Венгрии`) is missing while the evidence
 * sentence puts it somewhere else (`в Дамаске`, `in Poland`): the source says another place.
 */
export function findPlaceConflict(claim: string, prepared: PreparedClaim, found: LayerText, w: Window, present: ReadonlySet<number>): { claim: string; source: string } | undefined {
  const words: string[] = claim.match(/[\p{L}\p{N}]+/gu) ?? [];
  const missing: string[] = prepared.phrases.flatMap((p, i) => ((p.kind === 'name' || (p.kind === 'word' && /^\p{Lu}/u.test(p.text))) && !present.has(i) ? [p.text] : []));
  const place = missing.find((name) => {
    const k = words.indexOf(name.split(' ')[0] ?? '');
    return k > 0 && PLACE_PREPOSITIONS.has((words[k - 1] ?? '').toLowerCase());
  });
  if (!place) return undefined;
  // the place must be absent from the whole layer, not just from this passage
  const placeIndex = prepared.phrases.findIndex((p) => p.text === place);
  if ((found.positions[placeIndex] ?? []).length > 0) return undefined;
  const claimNames = [...prepared.names.values()].flat();
  const { norm, scan, original } = found;
  let from = w.from;
  while (from > 0 && !endsSentence(found, from - 1)) from--;
  // the window's sentences and the one after it
  let to = w.to;
  while (to + 1 < scan.count && to - w.to < 40 && !endsSentence(found, to)) to++;
  for (let k = from + 1; k <= to && k < scan.count; k++) {
    const prep = tokenText(norm.text, scan, k - 1);
    const lead = PLACE_PREPOSITIONS.has(prep) ? k : PLACE_PREPOSITIONS.has(tokenText(norm.text, scan, k - 2)) && !/\p{Lu}/u.test(original[norm.map[scan.starts[k - 1] ?? 0] ?? 0] ?? '') ? k : -1;
    if (lead < 0) continue;
    const word = tokenText(norm.text, scan, k);
    const capital = /\p{Lu}/u.test(original[norm.map[scan.starts[k] ?? 0] ?? 0] ?? '');
    if (!capital || word.length < 3 || STOP_WORDS.has(word) || /^\p{N}/u.test(word)) continue;
    if (claimNames.some((c) => namesMatch(c, word)) || prepared.stems.has(stemWord(word))) continue;
    if (isCalendarWord(word)) continue;
    return { claim: place, source: sliceOriginal(original, norm, scan.starts[k] ?? 0, scan.ends[k] ?? 0) };
  }
  return undefined;
}

/** What the anchors say across languages: context for contradictions, the reason's pairs, a blocker, negation. */
export interface Across { anchorStems: Set<string>; notes: string[]; block?: string; negation: boolean }

/**
 * Judge a claim against a page in another language by its anchors: at least `minAnchors` of them
 * (names, numbers, dates, cognates) found within `maxSentences` consecutive sentences, every name
 * among them (a claim name missing is another person or place), the same polarity.
 */
export function acrossLanguages(claim: string, prepared: PreparedClaim, found: LayerText, w: Window,
  present: ReadonlySet<number>, weights: readonly number[], limits: { minAnchors: number; maxSentences: number }, subject: number): Across {
  const anchorStems = new Set<string>();
  prepared.phrases.forEach((p, i) => {
    if (p.kind !== 'name' && p.kind !== 'word') return;
    for (const pos of found.positions[i] ?? []) if (pos >= w.from && pos <= w.to) anchorStems.add(stemWord(tokenText(found.norm.text, found.scan, pos)));
  });
  const aligned = alignAnchors(prepared, found, w, present, limits.maxSentences);
  const names = prepared.phrases.flatMap((p, i) => ((p.kind === 'name' || p.kind === 'word') && (weights[i] ?? 0) > 0 && !present.has(i) ? [i] : []));
  const polarity = negationAcross(claim, found, w);
  const missing = names.map((i) => prepared.phrases[i]?.text ?? '');
  let block: string | undefined;
  if (aligned.count < limits.minAnchors) block = `across languages only ${aligned.count} anchor${aligned.count === 1 ? '' : 's'} found together (names, numbers, dates)`;
  // one name may be translated rather than transliterated (`Turkish`, `Supreme Court`) when the rest
  // holds: the subject and at least three anchors
  else if (names.length > 1 || (names.length === 1 && (names[0] === subject || aligned.count < 3))) block = `not found across languages: ${missing.slice(0, 3).join(', ')}`;
  return { anchorStems, notes: block ? [] : [`aligned across languages: ${aligned.pairs.join(', ')}${missing.length > 0 ? ` (not found: ${missing.join(', ')})` : ''}`], ...(block ? { block } : {}), negation: polarity.claim !== polarity.source };
}
