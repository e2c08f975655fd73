// The best evidence window in a layer, and its snippet (original text) and Text Fragment link.
import { sliceOriginal, type Normalized } from './normalize.js';
import type { Scan } from './scan.js';

const GERMAN_MONTH = /^(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)(?![\p{L}])/u;

/** Text of a layer with its token scan (a LayerText without the claim's positions). */
export interface ScannedText { original: string; norm: Normalized; scan: Scan }

/**
 * The gap after token i ends a sentence (`. `, `! `, `? `, `; `) or a block: a line break in the
 * original (a headline, a byline, a paragraph, a separate JSON-LD string ends there without a stop).
 */
export function endsSentence(layer: ScannedText, i: number): boolean {
  const { original, norm, scan } = layer;
  const from = scan.ends[i] ?? 0;
  const to = scan.starts[i + 1] ?? norm.text.length;
  // most gaps are one space: no stop fits in it, only a line break behind it can end the sentence
  if (to - from !== 1 || norm.text.charCodeAt(from) !== 32) {
    const gap = norm.text.slice(from, to);
    // `am 8. September 2023`: a German ordinal day, not a sentence end
    if (gap === '. ' && /^\d{1,2}$/.test(norm.text.slice(scan.starts[i] ?? 0, from)) && GERMAN_MONTH.test(norm.text.slice(to, to + 10))) return false;
    if (/[.!?;]["')\]]?\s/.test(gap)) return true;
  }
  return lineBreakBehind(original, norm, from, to);
}

/** A space in normalised range [from, to) stands for whitespace holding a line break in the original. */
function lineBreakBehind(original: string, norm: Normalized, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (norm.text.charCodeAt(k) !== 32) continue;
    const end = norm.map[k + 1] ?? 0;
    for (let j = norm.map[k] ?? 0; j < end; j++) {
      const c = original.charCodeAt(j);
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
    }
  }
  return false;
}

/** Longest evidence snippet, in characters of the original text. */
export const SNIPPET_MAX_CHARS = 300;

export interface Window {
  /** First and last token of the window. */
  from: number;
  to: number;
  /** Weighted share of the phrases with an occurrence inside the window. */
  weight: number;
  /** Phrase indexes present in the window. */
  present: Set<number>;
}

/**
 * Slide a window of `size` tokens over all phrase occurrences (two pointers over hits sorted by
 * position, with a count per phrase): O(hits log hits), independent of page length beyond the scan.
 */
export function findBestWindow(positions: readonly (readonly number[])[], weights: readonly number[], size: number): Window | undefined {
  const hits: [number, number][] = [];
  positions.forEach((list, phrase) => { for (const pos of list) hits.push([pos, phrase]); });
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => a[0] - b[0]);
  const counts = new Map<number, number>();
  let current = 0;
  let left = 0;
  let best: { weight: number; l: number; r: number } = { weight: -1, l: 0, r: 0 };
  for (let r = 0; r < hits.length; r++) {
    const [pos, phrase] = hits[r] ?? [0, 0];
    const c = counts.get(phrase) ?? 0;
    if (c === 0) current += weights[phrase] ?? 0;
    counts.set(phrase, c + 1);
    while ((hits[left]?.[0] ?? pos) <= pos - size) {
      const drop = hits[left]?.[1] ?? 0;
      const dc = (counts.get(drop) ?? 1) - 1;
      counts.set(drop, dc);
      if (dc === 0) current -= weights[drop] ?? 0;
      left++;
    }
    const tighter = current === best.weight && pos - (hits[left]?.[0] ?? 0) < (hits[best.r]?.[0] ?? 0) - (hits[best.l]?.[0] ?? 0);
    if (current > best.weight + 1e-9 || tighter) best = { weight: current, l: left, r };
  }
  // drop repeats at either edge (an earlier `Moscow` in the previous headline): the same phrases, tighter
  const inside = new Map<number, number>();
  for (let k = best.l; k <= best.r; k++) inside.set(hits[k]?.[1] ?? 0, (inside.get(hits[k]?.[1] ?? 0) ?? 0) + 1);
  const shrink = (k: number): boolean => {
    const phrase = hits[k]?.[1] ?? 0;
    const n = inside.get(phrase) ?? 0;
    if (n < 2) return false;
    inside.set(phrase, n - 1);
    return true;
  };
  while (best.l < best.r && shrink(best.l)) best.l++;
  while (best.r > best.l && shrink(best.r)) best.r--;
  const present = new Set<number>();
  for (let k = best.l; k <= best.r; k++) present.add(hits[k]?.[1] ?? 0);
  const total = weights.reduce((a, b) => a + b, 0);
  return { from: hits[best.l]?.[0] ?? 0, to: hits[best.r]?.[0] ?? 0, weight: total > 0 ? best.weight / total : 0, present };
}

// an ellipsis (`…` is `...` after NFKC) pauses inside a sentence; it does not end one
const SENTENCE_END = /(?<!\.\.)[.!?]["')\]]? /g;
const SENTENCE_STOP = /(?<!\.\.)[.!?]["')\]]?(?: |$)/;

/**
 * Widen normalised range [start, end) to sentence boundaries, at most SNIPPET_MAX_CHARS long.
 * `isBreak(i)` says the space at i was a line break in the original: a block (paragraph, headline,
 * separate JSON-LD string) ends there even without a full stop.
 */
function sentenceRange(text: string, start: number, end: number, isBreak: (i: number) => boolean): [number, number] {
  const floor = Math.max(0, start - 200);
  let from = floor === 0 ? 0 : -1;
  for (const m of text.slice(floor, start).matchAll(SENTENCE_END)) from = floor + m.index + m[0].length;
  for (let i = start - 1; i >= Math.max(floor, from); i--) if (text[i] === ' ' && isBreak(i)) { from = i + 1; break; }
  if (from < 0) from = text.indexOf(' ', Math.max(floor, start - 60)) + 1 || start;
  const tail = text.slice(end, end + 200);
  const stop = tail.search(SENTENCE_STOP);
  let to = stop >= 0 ? end + stop + 1 : Math.min(text.length, end + 60);
  for (let i = end; i < to; i++) if (text[i] === ' ' && isBreak(i)) { to = i; break; }
  if (to - from > SNIPPET_MAX_CHARS) {
    from = Math.max(from, Math.min(start, end - SNIPPET_MAX_CHARS + 40));
    to = Math.min(to, from + SNIPPET_MAX_CHARS);
    const space = text.lastIndexOf(' ', to);
    if (space > from + 100) to = space;
  }
  return [from, to];
}

/** The window's passage as the source wrote it (whitespace runs shown as one space). */
export function snippetOf(original: string, norm: Normalized, scan: Scan, w: Window): string {
  const start = scan.starts[w.from] ?? 0;
  const end = scan.ends[w.to] ?? start;
  const isBreak = (i: number): boolean => lineBreakBehind(original, norm, i, i + 1);
  const [from, to] = sentenceRange(norm.text, start, end, isBreak);
  return sliceOriginal(original, norm, from, to).replace(/\s+/g, ' ').trim();
}

/** Percent-encoding per the Text Fragments spec: `-`, `,` and `&` are syntax there. */
function encodeFragmentPart(s: string): string {
  // a lone surrogate (broken source text) would make encodeURIComponent throw
  return encodeURIComponent(s.replace(/\p{Cs}/gu, '\uFFFD')).replace(/-/g, '%2D');
}

/** `url#:~:text=start,end` for a snippet (one `text=` term for short snippets). */
export function buildFragmentUrl(url: string, snippet: string): string {
  const words = snippet.split(' ').filter(Boolean);
  const base = url.split('#')[0] ?? url;
  if (words.length <= 8) return `${base}#:~:text=${encodeFragmentPart(words.join(' '))}`;
  const start = words.slice(0, 4).join(' ');
  const end = words.slice(-4).join(' ');
  return `${base}#:~:text=${encodeFragmentPart(start)},${encodeFragmentPart(end)}`;
}
