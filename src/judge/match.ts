// Matching one claim against a page's text layers: phrases found, best evidence window, contradictions.
import type { Evidence, KeyPhrase, Page, TextLayer } from '../types.js';
import { findContradictions, findNegationMismatch, findOpposites } from './conflict.js';
import { findInLayer, prepareClaim, type LayerText, type PreparedClaim } from './find.js';
import { PHRASE_WEIGHTS, REQUIRED_KINDS } from './phrases.js';
import { SUPPORTED_MIN_SCORE } from './verdict.js';
import { buildFragmentUrl, findBestWindow, snippetOf, type Window } from './window.js';
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
}

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
}

/**
 * Across languages content words and quotes (a translation is not the source's wording) cannot
 * match; a capitalised word (`Navalny` opening a sentence) may still be a transliterated name.
 */
function crossLanguageWeight(p: KeyPhrase): number {
  if (p.kind === 'quote') return 0;
  if (p.kind === 'word') return /^\p{Lu}/u.test(p.text) ? PHRASE_WEIGHTS.name : 0;
  return p.weight;
}

function windowSize(claim: string): number {
  const words = claim.split(/\s+/).length;
  return Math.min(WINDOW_MAX_TOKENS, Math.max(WINDOW_MIN_TOKENS, words * 2));
}

function evaluateLayer(prepared: PreparedClaim, layer: TextLayer, text: string, lang: string | undefined,
  weights: number[], size: number): LayerResult {
  const found = findInLayer(prepared, text, lang);
  const window = findBestWindow(found.positions, weights, size);
  const present = new Set<number>();
  const lo = window ? window.from - size / 2 : 0;
  const hi = window ? window.to + size / 2 : -1;
  prepared.phrases.forEach((p, i) => {
    const list = found.positions[i] ?? [];
    // a verbatim quote or a given phrase stands on its own; other phrases count near the evidence
    const anywhere = p.kind === 'quote' || p.kind === 'given';
    if (list.some((pos) => anywhere || (pos >= lo && pos <= hi))) present.add(i);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const got = [...present].reduce((a, i) => a + (weights[i] ?? 0), 0);
  return { layer, found, window, score: total > 0 ? got / total : 0, present };
}

function requiredMissingOf(phrases: readonly KeyPhrase[], weights: readonly number[], r: LayerResult): number {
  return phrases.filter((p, i) => REQUIRED_KINDS.has(p.kind) && weights[i] !== 0 && !r.present.has(i)).length;
}

/** The layer alone meets the bar for `supported` on facts and score. */
function isSufficient(phrases: readonly KeyPhrase[], weights: readonly number[], r: LayerResult): boolean {
  return STRONG_LAYERS.has(r.layer) && requiredMissingOf(phrases, weights, r) === 0 && r.score >= SUPPORTED_MIN_SCORE;
}

/** Best strong layer; the page layer only when it clearly beats them (then the evidence is weak). */
function chooseLayer(phrases: readonly KeyPhrase[], weights: readonly number[], results: LayerResult[]): { best?: LayerResult; weak: boolean } {
  const strong = results.filter((r) => STRONG_LAYERS.has(r.layer));
  const page = results.find((r) => r.layer === 'page');
  const strongHasText = strong.some((r) => r.layer !== 'meta' && r.found.scan.count >= 40);
  const best = strong.reduce<LayerResult | undefined>((a, r) => (!a || r.score > a.score + 1e-9 ? r : a), undefined);
  if (!page) return { best, weak: false };
  if (!best || !strongHasText) return { best: !best || page.score >= best.score ? page : best, weak: false };
  const sufficient = isSufficient(phrases, weights, best);
  const beats = requiredMissingOf(phrases, weights, page) < requiredMissingOf(phrases, weights, best) || page.score > best.score + WEAK_MARGIN;
  if (sufficient) return { best, weak: false };
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

/** Match `claim` (with its key phrases) against every text layer of `page`. */
export function matchClaim(claim: string, phrases: readonly KeyPhrase[], page: Page,
  options: { url?: string; claimLanguage?: string } = {}): ClaimMatch {
  const layers = page.layers.filter((l) => l.text.trim().length > 0);
  const { claimLang, pageLang, crossLanguage } = detectLanguages(claim, page, layers, options.claimLanguage);
  // across languages a content word cannot match, so only facts, names and given phrases score
  const weights = phrases.map((p) => (crossLanguage ? crossLanguageWeight(p) : p.weight));
  const prepared = prepareClaim(phrases, claimLang, claim);
  const size = windowSize(claim);
  const results = layers.filter((l) => l.layer !== 'page')
    .map((l) => evaluateLayer(prepared, l.layer, l.text, pageLang, weights, size));
  // the page layer repeats the main text: read it only when the strong layers fall short
  const pageLayer = layers.find((l) => l.layer === 'page');
  if (pageLayer && !results.some((r) => isSufficient(phrases, weights, r))) {
    results.push(evaluateLayer(prepared, 'page', pageLayer.text, pageLang, weights, size));
  }
  const words = results.reduce((a, r) => a + r.found.scan.count, 0);
  const givenCount = phrases.filter((p) => p.kind === 'given').length;
  const empty: ClaimMatch = { score: 0, matched: [], missing: phrases.map((p) => p.text), contradicted: [],
    crossLanguage, hasText: words >= MIN_READABLE_WORDS, contradictions: [], negationMismatch: false, givenCount, opposed: [],
    requiredMissing: phrases.filter((p) => REQUIRED_KINDS.has(p.kind)).map((p) => p.text) };
  const { best, weak } = chooseLayer(phrases, weights, results);
  if (!best || !best.window) return empty;
  const contradictions = findContradictions(claim, prepared, best.found, best.window, size, best.present);
  const snippet = snippetOf(best.found.original, best.found.norm, best.found.scan, best.window);
  return {
    ...empty,
    score: Math.round(best.score * 1000) / 1000,
    matched: phrases.filter((_, i) => best.present.has(i)).map((p) => p.text),
    missing: phrases.filter((_, i) => !best.present.has(i)).map((p) => p.text),
    requiredMissing: phrases.filter((p, i) => REQUIRED_KINDS.has(p.kind) && weights[i] !== 0 && !best.present.has(i)).map((p) => p.text),
    contradicted: contradictions.map((c) => c.claim),
    contradictions,
    negationMismatch: !crossLanguage && findNegationMismatch(claim, prepared, best.found, best.window),
    opposed: crossLanguage ? [] : findOpposites(prepared, best.found, best.window, best.present),
    evidence: { snippet, layer: best.layer, weak,
      ...(options.url ? { fragmentUrl: buildFragmentUrl(options.url, snippet) } : {}) },
  };
}
