// Marks phrases in an evidence snippet as a case-insensitive Unicode RegExp per phrase would: ASCII phrases by indexOf, others by a RegExp per distinct phrase.
import { escapeHtml as esc } from './escape.js';

/**
 * Marks each matched phrase in the snippet; ranges are found on the raw text, then each piece is
 * escaped. A phrase matches as `new RegExp(words.join('\\s+'), 'giu')` would (its words literal,
 * any run of whitespace between them; one-character phrases are skipped), each phrase's matches
 * left to right without overlapping each other; overlaps between phrases are merged.
 */
export function highlight(snippet: string, phrases: readonly string[]): string {
  const ranges: [number, number][] = [];
  let folded: string | undefined;
  for (const phrase of phrases) {
    const words = phrase.trim().split(/\s+/).filter(Boolean);
    if (patternLength(words) < 2) continue;
    const ascii = asciiWords(words);
    if (ascii) {
      folded ??= foldToAscii(snippet);
      findAllAscii(folded, ascii, ranges);
    } else {
      findAllRegExp(snippet, words, ranges);
    }
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

const SYNTAX = /[.*+?^${}()|[\]\\]/g;

/** The length of the words' escaped pattern without separators (what the skip rule was written against). */
function patternLength(words: readonly string[]): number {
  let n = 0;
  for (const w of words) n += w.length + (w.match(SYNTAX)?.length ?? 0);
  return n;
}

const NON_ASCII = /[^\0-\x7F]/;

/** The words as ASCII text when each folds into it (asciiFold), else undefined. */
function asciiWords(words: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (const word of words) {
    const ascii = asciiFold(word);
    if (ascii === undefined) return undefined;
    out.push(ascii);
  }
  return out;
}

/**
 * A word as the ASCII text it can match: lower-cased, the two letters outside ASCII that fold into
 * it (ſ, Kelvin's K) folded, undefined when it holds any other: those never match an ASCII character.
 */
function asciiFold(word: string): string | undefined {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  let out = '';
  for (const ch of word) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 128) out += ch.toLowerCase();
    else if (cp === 0x17f) out += 's';
    else if (cp === 0x212a) out += 'k';
    else return undefined;
  }
  return out;
}

/**
 * The snippet with every character that folds into ASCII folded, all others as they are: the same
 * offsets, and an ASCII phrase matches it exactly where it matches the snippet (nothing else can).
 */
function foldToAscii(snippet: string): string {
  if (!NON_ASCII.test(snippet)) return snippet.toLowerCase();
  return snippet.replace(/[A-Z\u017F\u212A]/g, (ch) => (ch === '\u017F' ? 's' : ch === '\u212A' ? 'k' : ch.toLowerCase()));
}

/** findAll for a phrase of ASCII words (asciiFold) on the folded snippet: indexOf finds where it may start. */
function findAllAscii(folded: string, words: readonly string[], ranges: [number, number][]): void {
  const [first] = words;
  if (first === undefined) return;
  for (let i = folded.indexOf(first); i !== -1; i = folded.indexOf(first, i)) {
    let at = i + first.length;
    for (let w = 1; at !== -1 && w < words.length; w += 1) {
      const before = at;
      while (at < folded.length && isSpace(folded.charCodeAt(at))) at += 1;
      const word = words[w] ?? '';
      at = at > before && folded.startsWith(word, at) ? at + word.length : -1;
    }
    if (at === -1) {
      i += 1;
    } else {
      ranges.push([i, at]);
      i = at;
    }
  }
}

/** A phrase with other letters: its `giu` RegExp, one per distinct phrase (the same phrase recurs across citations). */
function findAllRegExp(snippet: string, words: readonly string[], ranges: [number, number][]): void {
  const source = words.map((w) => w.replace(SYNTAX, '\\$&')).join('\\s+');
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(source, 'giu');
    // A bound for a long-lived process: compiling again is what the cache saves, nothing more.
    if (compiled.size >= 4096) compiled.clear();
    compiled.set(source, re);
  }
  for (const m of snippet.matchAll(re)) ranges.push([m.index, m.index + m[0].length]);
}

const compiled = new Map<string, RegExp>();

/** `\s` on the folded snippet: ASCII's six spaces, else what the RegExp says, remembered (all are in the BMP). */
function isSpace(unit: number): boolean {
  if (unit < 128) return unit === 32 || (unit >= 9 && unit <= 13);
  let known = spaces.get(unit);
  if (known === undefined) {
    known = SPACE.test(String.fromCharCode(unit));
    spaces.set(unit, known);
  }
  return known;
}

const SPACE = /^\s$/u;
const spaces = new Map<number, boolean>();
