// Matching one claim against a page's text layers: phrases found, best evidence window, contradictions.
import type { Evidence, KeyPhrase, Page, TextLayer } from '../types.js';
import { isSpace } from '../page/space.js';
import { coreSentenceOnce, crossesSentence, findContradictions, findOpposites } from './conflict.js';
import { claimVerbStems, findEventDateConflicts, relativeDateNotes } from './event-date.js';
import { findNegationMismatch } from './negation.js';
import { findInLayer, PART_SLOTS, prepareClaim, SLOT, type LayerText, type PreparedClaim } from './find.js';
import { acrossLanguages, findPlaceConflict } from './crosslang.js';
import { findNameConflicts } from './persons.js';
import { isCommonWord, synonymsOf } from './wordnet.js';
import { findActor, findSpeakerConflict } from './speaker.js';
import { findPredicate, findSubject, PHRASE_WEIGHTS, REQUIRED_KINDS } from './phrases.js';
import { SUPPORTED_MIN_SCORE } from './verdict.js';
import { buildFragmentUrl, findBestWindow, snippetOf, type Window } from './window.js';
import { normalize } from './normalize.js';
import { tokenText } from './scan.js';
import { baseLanguage, guessScriptLanguage, languagesDiffer } from './words.js';

export interface ClaimMatch {
  /** Weighted share (0..1) of the claim's phrases found in the evidence window. */
  score: number;
  matched: string[];
  missing: string[];
  /** Numbers or dates the source states differently in the same context. */
  contradicted: string[];
  evidence?: Evidence;
  crossLanguage: boolean;
  /** The page had readable text at all (else the verdict is `unverifiable`). */
  hasText: boolean;
  /** Quotes, numbers, dates and given phrases not found: any one prevents `supported`. */
  requiredMissing: string[];
  /** `17 → 16`: what the source says instead, for the reason line. */
  contradictions: { claim: string; source: string }[];
  /** Claim and evidence disagree on negation (`did not designate` vs `designated`). */
  negationMismatch: boolean;
  /** Claim words whose opposite the evidence uses (`kept ↔ lost`): never `supported`. */
  opposed: string[];
  /** How many given phrases the claim carried (a cross-language page needs them for `supported`). */
  givenCount: number;
  /** What else decided the verdict, for its reason (a relative date resolved, a synonym used…). */
  notes: string[];
  /** The claim's actor is not the source's: who the claim names, and who the source names instead. */
  speaker?: { claim: string; source: string };
  /** How many of the given phrases were found (all found: they decide). */
  givenFound: number;
  /** Across languages without given phrases: why the anchors do not carry `supported` (absent when they do). */
  crossBlock?: string;
}

/** A word found only through a WordNet synonym counts this share of an exact match. */
export const SYNONYM_WEIGHT = 0.75;
/** Across languages at least this many anchors (names, numbers, dates, cognates) must align… */
export const CROSS_MIN_ANCHORS = 2;
/** The evidence window across languages is at least this many tokens. */
export const CROSS_WINDOW_MIN_TOKENS = 40;
/** …within this many consecutive sentences. */
export const CROSS_MAX_SENTENCES = 2;

/** Layers whose matches count as strong evidence; `page` is boilerplate-prone (nav, related, footer). */
const STRONG_LAYERS: ReadonlySet<TextLayer> = new Set(['main', 'jsonld', 'meta', 'pdf', 'text']);
const CYRILLIC_LANGUAGES: ReadonlySet<string> = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk']);
/** A page with fewer word tokens than this has no readable text. */
export const MIN_READABLE_WORDS = 8;
/** The page layer must beat the strong layers by this much before a boilerplate match is shown. */
export const WEAK_MARGIN = 0.15;
/** Evidence window: twice the claim's words, within these bounds (tokens). */
export const WINDOW_MIN_TOKENS = 24;
export const WINDOW_MAX_TOKENS = 90;

interface LayerResult {
  layer: TextLayer;
  found: LayerText;
  window?: Window;
  score: number;
  present: Set<number>;
  /** Word phrases present only through a synonym (phrase → the source's word). */
  synonyms: Map<number, string>;
}

/**
 * Across languages content words and quotes (a translation is not the source's wording) cannot
 * match; a capitalised word (`Navalny` opening a sentence) may still be a transliterated name.
 */
function crossLanguageWeight(p: KeyPhrase, claim: string): number {
  if (p.kind === 'quote') return 0;
  // a Cyrillic sentence opener (`Выручка`, `Компания`) is an ordinary word, not a name to find
  if (claim.startsWith(p.text) && /^[\u0400-\u04FF]/.test(p.text) && !p.text.includes(' ')) return 0;
  if (p.kind === 'word') return /^\p{Lu}/u.test(p.text) && !isCommonWord(normalize(p.text).text) ? PHRASE_WEIGHTS.name : 0;
  return p.weight;
}

/** claim.split(/\s+/).length, counted without making the array of words. */
function whitespaceRuns(claim: string): number {
  let runs = 0;
  let inSpace = false;
  for (let i = 0; i < claim.length; i++) {
    const space = isSpace(claim.charCodeAt(i));
    if (space && !inSpace) runs++;
    inSpace = space;
  }
  return runs + 1;
}

function windowSize(claim: string): number {
  const words = whitespaceRuns(claim);
  return Math.min(WINDOW_MAX_TOKENS, Math.max(WINDOW_MIN_TOKENS, words * 2));
}

function evaluateLayer(prepared: PreparedClaim, layer: TextLayer, text: string, lang: string | undefined,
  weights: number[], size: number, published?: string): LayerResult {
  const found = findInLayer(prepared, text, lang, published);
  const window = findBestWindow(found.positions, weights, size);
  const present = new Set<number>();
  const lo = window ? window.from - size / 2 : 0;
  const hi = window ? window.to + size / 2 : -1;
  prepared.phrases.forEach((p, i) => {
    const list = found.positions[i] ?? [];
    // a given phrase stands on its own; quotes, numbers and dates must be in the evidence window
    // itself (a quote or a year elsewhere on the page says nothing about this passage); names and
    // words may sit a little either side of it
    if (p.kind === 'given') { if (list.length > 0) present.add(i); return; }
    const exact = p.kind === 'quote' || p.kind === 'number' || p.kind === 'date';
    const [from, to] = exact ? [window?.from ?? 0, window?.to ?? -1] : [lo, hi];
    if (list.some((pos) => pos >= from && pos <= to)) present.add(i);
  });
  const synonyms = synonymOnly(prepared, found, present, lo, hi);
  const total = weights.reduce((a, b) => a + b, 0);
  const got = [...present].reduce((a, i) => a + (weights[i] ?? 0) * (synonyms.has(i) ? SYNONYM_WEIGHT : 1), 0);
  return { layer, found, window, score: total > 0 ? got / total : 0, present, synonyms };
}

/** Present word phrases whose every hit near the window is a synonym's, with the source word used. */
function synonymOnly(prepared: PreparedClaim, found: LayerText, present: ReadonlySet<number>, lo: number, hi: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const i of present) {
    if (prepared.phrases[i]?.kind !== 'word') continue;
    const viaSynonym = new Set(found.scan.hits.get(i * PART_SLOTS + SLOT.synonym) ?? []);
    const near = (found.positions[i] ?? []).filter((pos) => pos >= lo && pos <= hi);
    if (near.length > 0 && near.every((pos) => viaSynonym.has(pos))) out.set(i, tokenText(found.norm.text, found.scan, near[0] ?? 0));
  }
  return out;
}

/**
 * Phrases any one of which prevents `supported`: quotes, numbers, dates and given phrases; the
 * claim's subject (findSubject) and, when none of the claim's names is in the window, all of
 * them, if the layer never mentions them (the source is about someone else: `Iraq` for `Iran`); and
 * the claim's predicate (findPredicate) when the evidence runs across sentences (`On 26 October a
 * Hamas delegation arrived… Israel said 2 Russian citizens were among the hostages` does not say
 * `Hamas freed 2 Russian hostages on 26 October`; one sentence may paraphrase the verb).
 */
interface Required { always: Set<number>; names: number[]; subject: number; predicate: number; anchors: number[] }

function requiredOf(claim: string, phrases: readonly KeyPhrase[], weights: readonly number[], language: string,
  crossLanguage: boolean): Required {
  const always = new Set<number>();
  phrases.forEach((p, i) => { if (REQUIRED_KINDS.has(p.kind) && weights[i] !== 0) always.add(i); });
  // across languages a name may be translated (`Kremlin`, `Кремль`): only the facts are required
  if (crossLanguage) return { always, names: [], subject: -1, predicate: -1, anchors: [] };
  const names = phrases.flatMap((p, i) => (p.kind === 'name' && weights[i] !== 0 ? [i] : []));
  const anchors = phrases.flatMap((p, i) => (p.kind !== 'word' && p.kind !== 'given' && weights[i] !== 0 ? [i] : []));
  return { always, names, subject: findSubject(claim, phrases), predicate: findPredicate(phrases, language), anchors };
}

function missingRequired(required: Required, r: LayerResult): number[] {
  const out = [...required.always].filter((i) => !r.present.has(i));
  const absent = (i: number): boolean => (r.found.positions[i]?.length ?? 0) === 0;
  if (required.subject >= 0 && absent(required.subject)) out.push(required.subject);
  if (required.names.length > 0 && required.names.every((i) => !r.present.has(i))) out.push(...required.names.filter(absent));
  if (required.predicate >= 0 && !r.present.has(required.predicate) && r.window && crossesSentence(r.found, r.window, required.anchors)) {
    out.push(required.predicate);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/** The layer alone meets the bar for `supported` on facts and score. */
function isSufficient(required: Required, r: LayerResult): boolean {
  return STRONG_LAYERS.has(r.layer) && missingRequired(required, r).length === 0 && r.score >= SUPPORTED_MIN_SCORE;
}

/**
 * Best strong layer; the page layer (navigation, related links, footer) only when it clearly
 * beats them, and then the evidence is weak: a match found only there is never `supported`.
 */
function chooseLayer(required: Required, results: LayerResult[]): { best?: LayerResult; weak: boolean } {
  const strong = results.filter((r) => STRONG_LAYERS.has(r.layer));
  const page = results.find((r) => r.layer === 'page');
  const best = strong.reduce<LayerResult | undefined>((a, r) => (!a || r.score > a.score + 1e-9 ? r : a), undefined);
  if (!page) return { best, weak: false };
  if (!best) return { best: page, weak: true };
  if (isSufficient(required, best)) return { best, weak: false };
  const strongHasText = strong.some((r) => r.layer !== 'meta' && r.found.scan.count >= 40);
  // the predicate is the softest requirement: a boilerplate layer does not win on it alone
  const hard = (r: LayerResult): number => missingRequired(required, r).filter((i) => i !== required.predicate).length;
  const beats = hard(page) < hard(best)
    || page.score > best.score + (strongHasText ? WEAK_MARGIN : 0);
  return beats ? { best: page, weak: true } : { best, weak: false };
}

/**
 * The claim's language from its script (or the caller); the page's from its script when that is
 * Cyrillic (a `lang` attribute is often a site-wide default), else from `Page.language`.
 */
function detectLanguages(claim: string, page: Page, layers: Page['layers'], given: string | undefined) {
  const claimLang = baseLanguage(given) ?? guessScriptLanguage(claim) ?? 'en';
  const sample = layers.find((l) => l.layer !== 'meta')?.text ?? layers[0]?.text ?? '';
  const script = guessScriptLanguage(sample);
  const declared = baseLanguage(page.language);
  // a Cyrillic-script declaration on Latin text is a site-wide default, not this page's language
  const pageLang = script === 'ru' || script === 'uk' ? script
    : declared && !CYRILLIC_LANGUAGES.has(declared) ? declared : script;
  return { claimLang, pageLang, crossLanguage: languagesDiffer(claimLang, pageLang) };
}

/** `Vladimir Putin ("He" in the claim)` against the other person the evidence sentence names. */
function speakerConflict(claim: string, before: string | undefined, prepared: PreparedClaim, found: LayerText, w: Window, pageLanguage?: string) {
  const actor = findActor(claim, before);
  const other = actor && findSpeakerConflict(actor, prepared, found, w, pageLanguage);
  if (!actor || !other) return undefined;
  const who = actor.via === 'pronoun' ? `${actor.name} ("${actor.pronoun}" in the claim, from the sentence before)` : actor.name;
  return { claim: who, source: other };
}

/** Match `claim` (with its key phrases) against every text layer of `page`. */
export function matchClaim(claim: string, phrases: readonly KeyPhrase[], page: Page,
  options: { url?: string; claimLanguage?: string; before?: string } = {}): ClaimMatch {
  const layers = page.layers.filter((l) => l.text.trim().length > 0);
  const { claimLang, pageLang, crossLanguage } = detectLanguages(claim, page, layers, options.claimLanguage);
  // across languages a content word cannot match, so only facts, names and given phrases score
  const weights = phrases.map((p) => (crossLanguage ? crossLanguageWeight(p, claim) : p.weight));
  const prepared = prepareClaim(phrases, claimLang, claim);
  const required = requiredOf(claim, phrases, weights, claimLang, crossLanguage);
  // a translation runs longer or shorter than the claim: a wider window across languages
  const size = crossLanguage ? Math.max(windowSize(claim), CROSS_WINDOW_MIN_TOKENS) : windowSize(claim);
  const results = layers.filter((l) => l.layer !== 'page')
    .map((l) => evaluateLayer(prepared, l.layer, l.text, pageLang, weights, size, page.publishedDate));
  // the page layer repeats the main text: read it only when the strong layers fall short
  const pageLayer = layers.find((l) => l.layer === 'page');
  if (pageLayer && !results.some((r) => isSufficient(required, r))) {
    // relative dates are read in the article's text only: `on Friday` in a related-links list dates nothing
    results.push(evaluateLayer(prepared, 'page', pageLayer.text, pageLang, weights, size, ''));
  }
  const words = results.reduce((a, r) => a + r.found.scan.count, 0);
  const givenCount = phrases.filter((p) => p.kind === 'given').length;
  const empty: ClaimMatch = { score: 0, matched: [], missing: phrases.map((p) => p.text), contradicted: [],
    crossLanguage, hasText: words >= MIN_READABLE_WORDS, contradictions: [], negationMismatch: false, givenCount, opposed: [], notes: [], givenFound: 0,
    requiredMissing: phrases.filter((p) => REQUIRED_KINDS.has(p.kind)).map((p) => p.text) };
  const { best, weak } = chooseLayer(required, results);
  if (!best || !best.window) return empty;
  const across = crossLanguage ? acrossLanguages(claim, prepared, best.found, best.window, best.present, weights,
    { minAnchors: CROSS_MIN_ANCHORS, maxSentences: CROSS_MAX_SENTENCES }, findSubject(claim, phrases)) : undefined;
  const place = findPlaceConflict(claim, prepared, best.found, best.window, best.present);
  const coreOf = coreSentenceOnce(prepared, best.found, best.window);
  const contradictions = [...findContradictions(claim, prepared, best.found, best.window, size, best.present, across?.anchorStems, coreOf),
    ...findEventDateConflicts(prepared, best.found, best.window, claimVerbStems(claim, synonymsOf), coreOf),
    ...(crossLanguage ? [] : findNameConflicts(claim, prepared, best.found, best.window, best.present)), ...(place ? [place] : [])];
  const snippet = snippetOf(best.found.original, best.found.norm, best.found.scan, best.window);
  const speaker = speakerConflict(claim, options.before, prepared, best.found, best.window, pageLang);
  return {
    ...empty,
    score: Math.round(best.score * 1000) / 1000,
    matched: phrases.filter((_, i) => best.present.has(i)).map((p) => p.text),
    missing: phrases.filter((_, i) => !best.present.has(i)).map((p) => p.text),
    requiredMissing: missingRequired(required, best).map((i) => phrases[i]?.text ?? ''),
    contradicted: contradictions.map((c) => c.claim),
    contradictions,
    negationMismatch: across ? across.negation : findNegationMismatch(claim, prepared, best.found, best.window),
    // a word found only as a synonym still has its opposite checked (`adopted` ~ `followed`, yet `rejected` stands there)
    opposed: crossLanguage ? [] : findOpposites(prepared, best.found, best.window, new Set([...best.present].filter((i) => !best.synonyms.has(i)))),
    notes: [...relativeDateNotes(prepared, best.found, best.window, best.present, page.publishedDate),
      ...[...best.synonyms].map(([i, word]) => `${phrases[i]?.text ?? ''} ~ ${word} (WordNet synonym)`), ...(across?.notes ?? [])],
    givenFound: phrases.filter((p, i) => p.kind === 'given' && best.present.has(i)).length,
    ...(across?.block ? { crossBlock: across.block } : {}),
    ...(speaker ? { speaker } : {}),
    evidence: { snippet, layer: best.layer, weak,
      ...(options.url ? { fragmentUrl: buildFragmentUrl(options.url, snippet) } : {}) },
  };
}
