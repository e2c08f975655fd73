// highlight (report.html's marked phrases) against the RegExp-per-phrase version it replaced, on tricky and generated inputs.
import { describe, expect, it } from 'vitest';
import { escapeHtml as esc } from '../src/report/escape.js';
import { highlight } from '../src/report/highlight.js';

/** The former implementation, kept as the oracle: one `giu` RegExp per phrase. */
function regexHighlight(snippet: string, phrases: readonly string[]): string {
  const ranges: [number, number][] = [];
  for (const phrase of phrases) {
    const words = phrase.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (words.join('').length < 2) continue;
    for (const m of snippet.matchAll(new RegExp(words.join('\\s+'), 'giu'))) ranges.push([m.index, m.index + m[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += `${esc(snippet.slice(at, from))}<mark>${esc(snippet.slice(from, end))}</mark>`;
    at = end;
  }
  return out + esc(snippet.slice(at));
}

/** Case pairs simple folding joins or keeps apart (Kelvin sign, long s, dotted and dotless i, sigmas, ß/ẞ, theta). */
const TRICKY = ['k', 'K', '\u212A', 's', 'S', 'ſ', 'i', 'I', 'İ', 'ı', 'σ', 'ς', 'Σ', 'ß', 'ẞ', 'θ', 'ϑ', 'Θ', 'ϴ', 'Å', 'å', '\u212B',
  'ǅ', 'Ǆ', 'ǆ', 'Ꭰ', 'ꭰ', 'é', 'É', 'e\u0301', 'Д', 'д', 'ﬀ', 'ŉ'];
const SPACES = [' ', '  ', '\t', '\n', '\u00A0', '\u2003', '\u3000', '\uFEFF', '\u2028', '\u0085', '\u200B'];
const OTHER = ['a', 'b', 'A', '.', '*', '(', ')', '[', ']', '\\', '$', '^', '|', '?', '{', '}', '+', '<', '&', '>', '"',
  '😀', '🄰', '\uD800', '\uDC00', '\uD83D', '0', '9', '-', '/', '\u0000'];

/** ASCII snippets take their own path: few letters so phrases repeat, every ASCII space, RegExp syntax. */
const ASCII = ['a', 'b', 'k', 's', 'A', 'K', 'S', 'ab', 'ss', 'kk', ' ', '  ', '\t', '\n', '\v', '\f', '\r', '.', '(', '+', '<', '&', '1', '\u0000'];
/** What a phrase cut from an ASCII snippet may also carry: letters that fold into ASCII, and some that do not. */
const INTO_ASCII = ['ſ', '\u212A', 'é', 'İ', 'ı', '\u00A0', '😀'];

function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6D2B79F5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, xs: readonly T[]): T {
  return xs[Math.floor(next() * xs.length)] as T;
}

function text(next: () => number, length: number, ascii = false): string {
  let out = '';
  for (let i = 0; i < length; i += 1) {
    const r = next();
    out += ascii ? pick(next, ASCII) : pick(next, r < 0.45 ? TRICKY : r < 0.7 ? SPACES : OTHER);
  }
  return out;
}

/** A phrase cut from the snippet (case swapped, spaces changed) or made up. */
function phraseFor(next: () => number, snippet: string, ascii = false): string {
  if (next() < 0.3) return text(next, 1 + Math.floor(next() * 4), ascii);
  const start = Math.floor(next() * snippet.length);
  let cut = snippet.slice(start, start + 1 + Math.floor(next() * 8));
  if (next() < 0.5) cut = next() < 0.5 ? cut.toUpperCase() : cut.toLowerCase();
  if (next() < 0.3) cut = cut.replace(/\s+/g, () => pick(next, SPACES));
  if (ascii && next() < 0.3) cut = cut.replace(/[sk]/gi, (ch) => (next() < 0.5 ? ch : ch.toLowerCase() === 's' ? 'ſ' : '\u212A'));
  if (ascii && next() < 0.1) cut += pick(next, INTO_ASCII);
  return cut;
}

describe('highlight', () => {
  it.each([
    ['Kelvin \u212Aelvin and ſtreet', ['kelvin', 'STREET'], 'folded to ASCII'],
    ['ISTANBUL İstanbul ıstanbul istanbul', ['istanbul', 'İSTANBUL', 'ıstanbul'], 'dotted and dotless i apart'],
    ['ΟΔΟΣ οδος οδοσ', ['οδος', 'ΟΔΟΣ'], 'final sigma'],
    ['STRAẞE straße strasse', ['straße'], 'sharp s is not ss'],
    ['a\u00A0b a\u2003\u3000b a\uFEFFb a\u0085b a\u200Bb', ['a b'], 'Unicode spaces, not NEL or zero width'],
    ['😀😀 x😀 🄰', ['😀', '😀😀', '🅰'], 'pairs are one code point'],
    ['aaaa', ['aa', 'aaa'], 'each phrase without overlapping itself'],
    ['\uD800\uDC00 \uD800 x', ['\uD800', '\uDC00x'], 'lone surrogates'],
    ['1 + 1 = 2 (a.b) [c] a|b', ['1 + 1', '(a.b)', '[c]', 'a|b', '.', '+', '$'], 'RegExp syntax as text'],
  ])('%j with %j (%s)', (snippet, phrases) => {
    expect(highlight(snippet, phrases)).toBe(regexHighlight(snippet, phrases));
  });

  it('marks what the RegExp version marks on 20,000 generated snippets', () => {
    const next = random(11);
    let marked = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const snippet = text(next, 1 + Math.floor(next() * 40));
      const phrases = Array.from({ length: Math.floor(next() * 5) }, () => phraseFor(next, snippet));
      const expected = regexHighlight(snippet, phrases);
      if (expected.includes('<mark>')) marked += 1;
      expect(highlight(snippet, phrases), JSON.stringify({ snippet, phrases })).toBe(expected);
    }
    // The generator must exercise matches, not only misses.
    expect(marked).toBeGreaterThan(5_000);
  });

  it('marks what the RegExp version marks on 20,000 generated ASCII snippets', () => {
    const next = random(12);
    let marked = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const snippet = text(next, 1 + Math.floor(next() * 60), true);
      const phrases = Array.from({ length: Math.floor(next() * 5) }, () => phraseFor(next, snippet, true));
      const expected = regexHighlight(snippet, phrases);
      if (expected.includes('<mark>')) marked += 1;
      expect(highlight(snippet, phrases), JSON.stringify({ snippet, phrases })).toBe(expected);
    }
    expect(marked).toBeGreaterThan(10_000);
  });
});
