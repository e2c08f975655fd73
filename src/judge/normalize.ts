// Text normalisation shared by claims and sources, with a map back to the original offsets.
import { Buffer } from 'node:buffer';
import { keptPerWord } from './kept.js';

/**
 * Folding applied after NFKC (field notes §5.1): NFKC leaves typographic quotes, dashes, soft
 * hyphens, zero-width characters, stress accents and `ё` alone, so the claim and the source would
 * otherwise differ on characters no reader notices.
 */
const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2039': "'", '\u203A': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"',
  '\u300C': '"', '\u300D': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00AD': '', '\u200B': '', '\u200C': '', '\u200D': '', '\u2060': '', '\uFEFF': '',
  '\u0301': '', 'ё': 'е',
};

const MARK = /\p{M}/u;
const SPACE = /\s/u;

export interface Normalized {
  /** Normalised text: NFKC, folded, lower case, whitespace runs collapsed to one space. */
  text: string;
  /** map[i] = offset in the original of normalised char i; one extra entry = original length. */
  map: Int32Array;
}

/** Per-segment results: a page repeats a few hundred distinct characters millions of times. */
const foldSegment = keptPerWord(50_000, (segment: string): string => {
  let out = '';
  for (const ch of segment.normalize('NFKC').toLowerCase()) {
    const folded = FOLD[ch];
    out += folded ?? (SPACE.test(ch) ? ' ' : ch);
  }
  return out;
});

/** True when the code unit at i starts a combining mark (so it belongs to the previous segment). */
const MARK_CLASS = new Uint8Array(0x10000); // 0 unknown, 1 mark, 2 not

function isMarkAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x300) return false;
  if (code < 0xd800 || code > 0xdfff) {
    let c = MARK_CLASS[code] ?? 0;
    if (c === 0) {
      c = MARK.test(String.fromCharCode(code)) ? 1 : 2;
      MARK_CLASS[code] = c;
    }
    return c === 1;
  }
  const cp = text.codePointAt(i);
  return cp !== undefined && MARK.test(String.fromCodePoint(cp));
}

/** One decoder for every call: constructing one opens an ICU converter (2 % of reading a small page). */
const UTF16 = new TextDecoder('utf-16le');

/** Folded form of each BMP code point without combining marks; filled lazily. */
const singleCache: (string | undefined)[] = new Array<string | undefined>(0x10000);

function foldSingle(code: number): string {
  let folded = singleCache[code];
  if (folded === undefined) {
    folded = foldSegment(String.fromCharCode(code));
    singleCache[code] = folded;
  }
  return folded;
}

/** Claims, phrases and words are short: they are normalised in these buffers, saving two allocations a call. */
const SCRATCH = 1024;
const scratchText = new Uint16Array(SCRATCH);
const scratchMap = new Int32Array(SCRATCH + 1);
const scratchBytes = Buffer.from(scratchText.buffer, scratchText.byteOffset, scratchText.byteLength);

/**
 * The string of code units out[0, len). Buffer's UTF-16 read copies them as they are, several times
 * cheaper than a TextDecoder call (which goes through ICU); the decoder stays for what it would
 * change: a lone surrogate (made U+FFFD) and a leading byte order mark (dropped).
 */
function textOf(out: Uint16Array, len: number, surrogates: boolean): string {
  if (surrogates || (len > 0 && out[0] === 0xfeff)) return UTF16.decode(out.subarray(0, len));
  const bytes = out === scratchText ? scratchBytes : Buffer.from(out.buffer, out.byteOffset, len * 2);
  return bytes.toString('utf16le', 0, len * 2);
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * normalize(text).text for a caller that needs no map back. ASCII text is only lower-cased and its
 * whitespace runs collapsed (NFKC and the folds above change nothing in it): two native calls, which
 * beat the loop below while it still runs cold, as on a CLI's single pass over an article's claims.
 */
export function normalizeText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().replace(/[\t-\r ]+/g, ' ').replace(/^ | $/g, '');
  return normalize(text).text;
}

/**
 * The matcher normalises one claim and its phrases again and again for one page (facts, conflicts,
 * negation, names, speaker, subject): short texts' results are kept for a while (callers only read them).
 */
const recent = new Map<string, Normalized>();
const RECENT_SIZE = 1000;
const RECENT_MAX_CHARS = 300;

/**
 * Normalise `text` for matching. Works segment by segment (a base character plus its combining
 * marks) so every output character maps back to the segment it came from; an ASCII fast path
 * and a per-code-point cache keep multi-megabyte pages cheap.
 */
export function normalize(text: string): Normalized {
  if (text.length > RECENT_MAX_CHARS) return normalizeFresh(text);
  const known = recent.get(text);
  if (known) return known;
  const result = normalizeFresh(text);
  if (recent.size >= RECENT_SIZE) recent.clear();
  recent.set(text, result);
  return result;
}

function normalizeFresh(text: string): Normalized {
  const n = text.length;
  const small = n + 16 <= SCRATCH;
  let cap = small ? SCRATCH : n + 16;
  let out = small ? scratchText : new Uint16Array(cap);
  let map = small ? scratchMap : new Int32Array(cap + 1);
  let len = 0;
  let lastSpace = true; // drops leading whitespace
  let surrogates = false;
  let i = 0;
  let code = n > 0 ? text.charCodeAt(0) : 0;
  while (i < n) {
    // each code unit is read once: the next one, looked at for a combining mark, is the next round's
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const nextIsMark = next >= 0x300 && isMarkAt(text, i + 1);
    if (code < 0x80 && !nextIsMark) {
      if (code === 32 || (code >= 9 && code <= 13)) {
        if (!lastSpace) { out[len] = 32; map[len++] = i; }
        lastSpace = true;
      } else {
        out[len] = code >= 65 && code <= 90 ? code + 32 : code;
        map[len++] = i;
        lastSpace = false;
      }
      i++;
      code = next;
      continue;
    }
    let end = i + 1;
    let folded: string;
    if (!nextIsMark && (code < 0xd800 || code > 0xdbff)) folded = foldSingle(code);
    else {
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) end++;
      while (end < n && isMarkAt(text, end)) end += text.charCodeAt(end) >= 0xd800 && text.charCodeAt(end) <= 0xdbff ? 2 : 1;
      folded = foldSegment(text.slice(i, end));
    }
    if (len + folded.length + (n - end) >= cap) { // room for the rest, ASCII being 1:1
      cap = cap * 2 + folded.length;
      const o = new Uint16Array(cap); o.set(out); out = o;
      const m = new Int32Array(cap + 1); m.set(map); map = m;
    }
    for (let k = 0; k < folded.length; k++) {
      const c = folded.charCodeAt(k);
      if (c === 32) {
        if (!lastSpace) { out[len] = 32; map[len++] = i; }
        lastSpace = true;
      } else {
        out[len] = c;
        map[len++] = i;
        if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
        lastSpace = false;
      }
    }
    i = end;
    code = i < n ? text.charCodeAt(i) : 0;
  }
  if (len > 0 && out[len - 1] === 32) len--; // trailing whitespace
  map[len] = n;
  const result = textOf(out, len, surrogates);
  // the scratch map is copied out (the next call overwrites it); a page's map is a view of its own buffer
  return { text: result, map: map === scratchMap ? map.slice(0, len + 1) : map.subarray(0, len + 1) };
}

/** The original text behind normalised range [start, end). */
export function sliceOriginal(original: string, norm: Normalized, start: number, end: number): string {
  const from = norm.map[Math.max(0, Math.min(start, norm.map.length - 1))] ?? 0;
  const to = norm.map[Math.max(0, Math.min(end, norm.map.length - 1))] ?? original.length;
  return original.slice(from, to);
}
