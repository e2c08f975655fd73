// Locating each key phrase of a claim in one text layer: token positions per phrase, in one pass.
import search from 'approx-string-match';
import { distance } from 'fastest-levenshtein';
import type { KeyPhrase } from '../types.js';
import { factMatches, findClaimFacts, findFacts, findNumberWords, numberWordsFor, type Fact } from './facts.js';
import { formsMatch, skeleton, skeletonForms } from './names.js';
import { otherFirstName } from './persons.js';
import { normalize, type Normalized } from './normalize.js';
import { scanText, tokenAt, tokenText, type Scan } from './scan.js';
import { isPageDate, relativeFacts } from './when.js';
import { isCognate, matchesAcross } from './crosslang.js';
import { keptPerWord } from './kept.js';
import { cityOf, countryOf } from './exonyms.js';
import { synonymsOf } from './wordnet.js';
import { languagesDiffer, stemWord, STOP_WORDS } from './words.js';

/** Edits allowed in a quote (Myers search), as a share of its length: curly marks, typos, translit. */
export const QUOTE_MAX_EDIT_RATIO = 0.12;
/** Given phrases come from the user, often retyped from the source: a little more slack. */
export const GIVEN_MAX_EDIT_RATIO = 0.15;

export const PART_SLOTS = 64;
const SEED_BASE = 32;

/** The claim side, prepared once per claim and reused for every layer. */
export interface PreparedClaim {
  phrases: readonly KeyPhrase[];
  language: string | undefined;
  /** Phrase index → normalised text (quotes, given). */
  patterns: Map<number, string>;
  /** Phrase index → name parts (normalised tokens). */
  names: Map<number, string[]>;
  /** Phrase index → its fact (numbers, dates). */
  facts: Map<number, Fact>;
  /** Word phrases written with a capital (sentence-initial names like `Navalny`): also tried as names. */
  capitalWords: Map<number, string[]>;
  /** Stem → target ids (words, and the tokens of quotes and given phrases as search seeds). */
  stems: Map<string, number[]>;
  /** Stem of an English synonym (WordNet) → the word phrases it may stand for (`started` for `began`). */
  synonyms: Map<string, number[]>;
  /** Word phrase → its normalised text, for matching across languages (cognates, country names). */
  words: Map<number, string>;
}

/** Target slots of a word phrase: exact stem, as a name, across languages, as a synonym. */
export const SLOT = { word: 0, name: 1, across: 2, synonym: 3 } as const;

export interface LayerText {
  original: string;
  norm: Normalized;
  scan: Scan;
  facts: Fact[];
  /** Per phrase: token indexes where it was found (ascending). */
  positions: number[][];
}

function tokensOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/**
 * The claim's facts read in the claim itself: `1.5m people` and `about 1,200` need the words
 * around them, which the phrase text alone (`1.5m`, `1,200`) has lost.
 */
function factsInContext(claim: string | undefined): { text: string; facts: Fact[] } {
  if (claim === undefined) return { text: '', facts: [] };
  const text = normalize(claim).text;
  return { text, facts: findClaimFacts(text).filter((f) => !f.inDate) };
}

/** Per word: the stems of its synonyms other than its own, one per synonym, in order (claims repeat words). */
const synonymStems = keptPerWord(20_000, (word: string): string[] => {
  const stem = stemWord(word);
  return synonymsOf(word).map((w) => stemWord(w)).filter((s) => s !== stem);
});

export function prepareClaim(phrases: readonly KeyPhrase[], language: string | undefined, claim?: string): PreparedClaim {
  const context = factsInContext(claim);
  const prepared: PreparedClaim = { phrases, language, patterns: new Map(), names: new Map(), facts: new Map(), stems: new Map(),
    capitalWords: new Map(), synonyms: new Map(), words: new Map() };
  const addTo = (map: Map<string, number[]>, stem: string, id: number): void => {
    const list = map.get(stem);
    if (list) list.push(id); else map.set(stem, [id]);
  };
  const addStem = (stem: string, id: number): void => addTo(prepared.stems, stem, id);
  phrases.forEach((p, i) => {
    const norm = normalize(p.text).text;
    if (p.kind === 'word') {
      const stem = stemWord(norm, language);
      addStem(stem, i * PART_SLOTS);
      prepared.words.set(i, norm);
      if ((language ?? 'en') === 'en' && !/^\p{Lu}/u.test(p.text)) {
        for (const s of synonymStems(norm)) addTo(prepared.synonyms, s, i * PART_SLOTS + SLOT.synonym);
      }
      if (/^\p{Lu}/u.test(p.text) && norm.length >= 4) prepared.capitalWords.set(i, [norm]);
    }
    else if (p.kind === 'name') prepared.names.set(i, tokensOf(norm));
    else if (p.kind === 'number' || p.kind === 'date') {
      const bare = norm.replace(/^[£$€₽¥]/, '');
      const fact = context.facts.find((f) => context.text.slice(f.start, f.end) === bare)
        ?? findFacts(norm).find((f) => !f.inDate) ?? findNumberWords(norm)[0];
      if (fact) prepared.facts.set(i, fact);
      // `6 months` may be written `six months` (or `шесть месяцев`) in the source
      const value = fact && !fact.date && fact.tolerance === 0 && !fact.percent ? fact.values[0] : undefined;
      if (value !== undefined) for (const w of numberWordsFor(value)) addStem(stemWord(w), i * PART_SLOTS + 1);
    } else {
      prepared.patterns.set(i, norm);
      tokensOf(norm).slice(0, PART_SLOTS - SEED_BASE).forEach((t, k) => addStem(stemWord(t, language), i * PART_SLOTS + SEED_BASE + k));
    }
  });
  return prepared;
}

const NO_TARGETS: readonly number[] = [];

function classifier(claim: PreparedClaim, pageLanguage: string | undefined): (token: string) => readonly number[] {
  const across = languagesDiffer(claim.language ?? 'en', pageLanguage);
  const english = (pageLanguage ?? 'en') === 'en' && !across;
  // what a claim name part is (its place, its skeleton forms), worked out once per part (not once per page token)
  const perPart = <T>(of: (part: string) => T) => {
    const seen = new Map<string, [T]>(); // boxed: an answer may itself be undefined
    return (part: string): T => {
      let box = seen.get(part);
      if (!box) { box = [of(part)]; seen.set(part, box); }
      return box[0];
    };
  };
  // only a claim name that is a country looks a token up among country names (`Russia` ~ `России`);
  // across languages a city too (`Cairo` ~ `Каире`): CLDR's names where transliteration differs
  const countryOfPart = perPart((part) => countryOf(part, claim.language));
  const cityOfPart = perPart((part) => cityOf(part, claim.language));
  const formsOfPart = perPart(skeletonForms);
  return (token) => {
    const stem = stemWord(token, pageLanguage);
    const direct = claim.stems.get(stem);
    const out: number[] = [];
    if (!/^\p{N}+$/u.test(token) && !STOP_WORDS.has(token)) {
      // the token's skeleton forms and country, made once for all the name parts it is compared with
      let tokenForms: readonly string[] | undefined;
      let tokenCountry: string | undefined | null = null;
      const sameName = (part: string): boolean => {
        if (part === token || formsMatch(formsOfPart(part), (tokenForms ??= skeletonForms(token)))) return true;
        const country = countryOfPart(part);
        if (country !== undefined) {
          if (tokenCountry === null) tokenCountry = countryOf(token, pageLanguage);
          if (tokenCountry === country) return true;
        }
        if (!across) return false;
        const city = cityOfPart(part);
        return (city !== undefined && cityOf(token, pageLanguage) === city) || isCognate(part, token, pageLanguage);
      };
      if (english) out.push(...(claim.synonyms.get(stem) ?? []));
      for (const [i, parts] of claim.names) {
        parts.forEach((part, k) => { if (sameName(part)) out.push(i * PART_SLOTS + k); });
      }
      for (const [i, [word]] of claim.capitalWords) {
        if (word && token !== word && sameName(word)) out.push(i * PART_SLOTS + SLOT.name);
      }
      if (across) {
        for (const [i, word] of claim.words) if (matchesAcross(word, claim.language, token, pageLanguage)) out.push(i * PART_SLOTS + SLOT.across);
      }
    }
    // most tokens hit nothing or only their stem: no copy is made then (scanText only reads the list)
    if (out.length === 0) return direct ?? NO_TARGETS;
    return direct ? [...direct, ...out] : out;
  };
}

/**
 * Occurrences of a multi-part name: the parts in a row, or (for two parts or more) the surname
 * alone, unless the page gives that surname a different first name there.
 */
function locateName(layer: Omit<LayerText, 'positions'>, phrase: number, parts: readonly string[]): number[] {
  const { scan } = layer;
  const sets = parts.map((_, k) => new Set(scan.hits.get(phrase * PART_SLOTS + k) ?? []));
  const first = scan.hits.get(phrase * PART_SLOTS) ?? [];
  const full = first.filter((pos) => sets.every((s, k) => s.has(pos + k)));
  const last = parts.at(-1) ?? '';
  if (parts.length < 2 || last.length < 4) return full;
  const given = parts.slice(0, -1).filter((p) => p.length > 0 && !STOP_WORDS.has(p));
  if (full.length > 0) return full;
  return (scan.hits.get(phrase * PART_SLOTS + parts.length - 1) ?? []).filter((pos) => !otherFirstName(layer, pos, given));
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Range [start, end) does not begin or end inside a word (`war` is not in `award`). */
function atWordBounds(text: string, start: number, end: number): boolean {
  return !(WORD_CHAR.test(text[start] ?? '') && WORD_CHAR.test(text[start - 1] ?? ''))
    && !(WORD_CHAR.test(text[end - 1] ?? '') && WORD_CHAR.test(text[end] ?? ''));
}

/** A quoted word and the source's word differ only by a typo or a spelling variant, not a stem. */
function sameQuotedWord(a: string, b: string): boolean {
  if (a === b || stemWord(a) === stemWord(b) || skeleton(a) === skeleton(b)) return true;
  const allowed = Math.min(a.length, b.length) >= 5 ? Math.max(1, Math.floor(Math.max(a.length, b.length) / 8)) : 0;
  return distance(a, b) <= allowed;
}

/** An approximate hit holds the pattern's words one for one (`substantial` is not `substantive`). */
function sameWords(text: string, start: number, end: number, pattern: string): boolean {
  let from = start;
  let to = end;
  while (from > 0 && WORD_CHAR.test(text[from - 1] ?? '')) from--;
  while (to < text.length && WORD_CHAR.test(text[to] ?? '')) to++;
  const got = tokensOf(text.slice(from, to));
  const want = tokensOf(pattern);
  return got.length === want.length && want.every((w, k) => sameQuotedWord(w, got[k] ?? ''));
}

/** Exact occurrences at word bounds, else approximate ones searched only around seed tokens (keeps it linear). */
function locatePattern(layer: Omit<LayerText, 'positions'>, phrase: number, pattern: string, ratio: number): number[] {
  const { norm, scan } = layer;
  const found: number[] = [];
  for (let at = norm.text.indexOf(pattern); at >= 0 && found.length < 50; at = norm.text.indexOf(pattern, at + 1)) {
    if (!atWordBounds(norm.text, at, at + pattern.length)) continue;
    const t = tokenAt(scan, at);
    if (found.at(-1) !== t) found.push(t);
  }
  if (found.length > 0) return found;
  const seeds = [...scan.hits.entries()]
    .filter(([id]) => id >= phrase * PART_SLOTS + SEED_BASE && id < (phrase + 1) * PART_SLOTS)
    .map(([, list]) => list).sort((a, b) => a.length - b.length).slice(0, 3).flat().sort((a, b) => a - b);
  const maxErrors = Math.max(1, Math.floor(pattern.length * ratio));
  let searchedTo = -1;
  for (const seed of seeds.slice(0, 300)) {
    const center = norm.text.length > 0 ? (scan.starts[seed] ?? 0) : 0;
    const from = Math.max(searchedTo, center - pattern.length - maxErrors);
    const to = Math.min(norm.text.length, center + pattern.length + maxErrors);
    if (to <= from) continue;
    searchedTo = to;
    const best = search(norm.text.slice(from, to), pattern, maxErrors).sort((a, b) => a.errors - b.errors)
      .find((m) => sameWords(norm.text, from + m.start, from + m.end, pattern));
    if (best) found.push(tokenAt(scan, from + best.start));
  }
  return found.length > 0 ? found : locateStems(layer, phrase, pattern);
}

/** A given phrase whose words appear in a row up to inflection (`Навальный` ~ `Навального`). */
function locateStems(layer: Omit<LayerText, 'positions'>, phrase: number, pattern: string): number[] {
  const stems = tokensOf(pattern).map((t) => stemWord(t));
  const first = layer.scan.hits.get(phrase * PART_SLOTS + SEED_BASE) ?? [];
  return first.filter((pos) => stems.every((s, k) => stemWord(tokenText(layer.norm.text, layer.scan, pos + k)) === s));
}

/**
 * Normalised text and facts of the last few layers: every claim citing a page matches against the
 * same layers, and only the token scan depends on the claim. (V8 keeps a string's hash, so the
 * lookup does not rehash a long page.)
 */
interface CachedLayer { norm: Normalized; facts: Fact[]; relative: Map<string, Fact[]> }
const layerCache = new Map<string, CachedLayer>();
/** Budget in characters of original text (about 8 bytes each once normalised and mapped). */
const LAYER_CACHE_CHARS = 8_000_000;
let cachedChars = 0;

function prepareLayer(original: string): CachedLayer {
  const cached = layerCache.get(original);
  if (cached) return cached;
  const norm = normalize(original);
  const facts = findFacts(norm.text);
  for (const f of facts) if (f.kind === 'date' && isPageDate(original, norm, f)) f.pageDate = true;
  // the numbers inside a page date (`2023` of `2023-10-27` in a byline) are the page's too
  const pageSpans = facts.filter((f) => f.pageDate);
  for (const f of facts) if (f.inDate && pageSpans.some((d) => f.start >= d.start && f.end <= d.end)) f.pageDate = true;
  const entry: CachedLayer = { norm, facts, relative: new Map() };
  for (const key of layerCache.keys()) {
    if (cachedChars + original.length <= LAYER_CACHE_CHARS) break;
    layerCache.delete(key);
    cachedChars -= key.length;
  }
  if (original.length <= LAYER_CACHE_CHARS) {
    layerCache.set(original, entry);
    cachedChars += original.length;
  }
  return entry;
}

/** The layer's facts plus its relative dates resolved against `published` (cached per date). */
function withRelativeDates(layer: CachedLayer, givenDate: string | undefined): Fact[] {
  if (givenDate === '') return layer.facts; // the caller wants none (boilerplate layers)
  // without the page's metadata date, its own "Published"/dateline/byline date stands in
  const own = layer.facts.find((f) => f.pageDate && f.date?.d !== undefined && f.date.y !== undefined)?.date;
  const published = givenDate ?? (own ? `${own.y}-${String(own.m).padStart(2, '0')}-${String(own.d).padStart(2, '0')}` : undefined);
  const key = published?.slice(0, 10) ?? '';
  let facts = layer.relative.get(key);
  if (!facts) {
    const relative = relativeFacts(layer.norm.text, published);
    facts = relative.length === 0 ? layer.facts : [...layer.facts, ...relative].sort((a, b) => a.start - b.start);
    layer.relative.set(key, facts);
  }
  return facts;
}

/** A layer's normalised text: the matcher's cached copy when it matched this layer, else fresh. */
export function normalizedLayer(original: string): Normalized {
  return layerCache.get(original)?.norm ?? normalize(original);
}

/** Drop the cached layers (benchmarks measure the cold path; a read source is done with its page). */
export function forgetLayers(): void {
  layerCache.clear();
  cachedChars = 0;
}

/** Scan one layer and locate every phrase of the claim in it. */
export function findInLayer(claim: PreparedClaim, original: string, pageLanguage: string | undefined, published?: string): LayerText {
  const cached = prepareLayer(original);
  const { norm } = cached;
  const facts = withRelativeDates(cached, published);
  const scan = scanText(norm.text, classifier(claim, pageLanguage));
  const layer = { original, norm, scan, facts };
  const positions = claim.phrases.map((p, i): number[] => {
    if (p.kind === 'word') {
      const lists = [SLOT.word, SLOT.name, SLOT.across, SLOT.synonym].map((slot) => scan.hits.get(i * PART_SLOTS + slot) ?? []);
      const nonEmpty = lists.filter((l) => l.length > 0);
      return nonEmpty.length <= 1 ? (nonEmpty[0] ?? []) : [...new Set(nonEmpty.flat())].sort((a, b) => a - b);
    }
    const parts = claim.names.get(i);
    if (parts) return locateName(layer, i, parts);
    const fact = claim.facts.get(i);
    if (fact) {
      // a dateline, byline or "Published" date is the page's, never the claim's event's
      const asDigits = facts.filter((f) => !f.pageDate && factMatches(fact, f)).map((f) => tokenAt(scan, f.start));
      const asWords = scan.hits.get(i * PART_SLOTS + 1) ?? [];
      return asWords.length === 0 ? asDigits : [...new Set([...asDigits, ...asWords])].sort((a, b) => a - b);
    }
    const pattern = claim.patterns.get(i);
    if (!pattern) return [];
    return locatePattern(layer, i, pattern, p.kind === 'given' ? GIVEN_MAX_EDIT_RATIO : QUOTE_MAX_EDIT_RATIO);
  });
  return { ...layer, positions };
}
