// One linear pass over a text layer: token offsets plus the positions of every token a claim cares about.

/** Per distinct token: which targets (claim words, name parts, quote seeds) it hits. */
export type Classify = (token: string) => readonly number[];

export interface Scan {
  /** Token offsets in the normalised text. */
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  /** Target id → token indexes where it occurs, ascending. */
  hits: Map<number, number[]>;
}

/** 0 = not yet known, 1 = word character, 2 = not; BMP only (surrogates count as word characters). ASCII is known from the start. */
const WORD_CLASS = new Uint8Array(0x10000);
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
for (let code = 0; code < 0x80; code++) {
  WORD_CLASS[code] = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) ? 1 : 2;
}

function learnWordCode(code: number): boolean {
  const c = code >= 0xd800 && code <= 0xdfff ? 1 : WORD_RE.test(String.fromCharCode(code)) ? 1 : 2;
  WORD_CLASS[code] = c;
  return c === 1;
}

/** One table look-up per character (for ASCII a chain of range tests cost twice as much). */
function isWordCode(code: number): boolean {
  const c = WORD_CLASS[code] ?? 0;
  return c === 0 ? learnWordCode(code) : c === 1;
}

interface Entry { token: string; targets: readonly number[]; next?: Entry }

/**
 * Tokenise `text` (already normalised) once, classifying each distinct token once. Tokens are
 * looked up by a hash computed while scanning (an integer Map key, no substring per token), so the
 * cost is linear in the page and independent of how many phrases the claim has.
 */
export function scanText(text: string, classify: Classify): Scan {
  let cap = Math.max(64, text.length >> 2);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let count = 0;
  const table = new Map<number, Entry>();
  const hits = new Map<number, number[]>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordCode(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let hash = 0x811c9dc5;
    for (let c = text.charCodeAt(i); i < n && isWordCode(c); c = text.charCodeAt(++i)) hash = Math.imul(hash ^ c, 0x01000193);
    // a small integer key: V8 boxes an int32 outside 31 bits as a heap number, slow to hash and allocate
    hash &= 0x3fffffff;
    if (count >= cap) {
      cap *= 2;
      const s = new Int32Array(cap); s.set(starts); starts = s;
      const e = new Int32Array(cap); e.set(ends); ends = e;
    }
    starts[count] = start;
    ends[count] = i;
    const length = i - start;
    let entry = table.get(hash);
    while (entry && !(entry.token.length === length && text.startsWith(entry.token, start))) entry = entry.next;
    if (!entry) {
      const token = text.slice(start, i);
      entry = { token, targets: classify(token), next: table.get(hash) };
      table.set(hash, entry);
    }
    for (const t of entry.targets) {
      const list = hits.get(t);
      if (list) list.push(count);
      else hits.set(t, [count]);
    }
    count++;
  }
  return { starts, ends, count, hits };
}

const NOTHING: Classify = () => [];
let lastWords: { text: string; scan: Scan } | undefined;

/**
 * The token offsets of a claim (no targets): the negation and contradiction checks both read the
 * claim's tokens, so the last one scanned is kept (callers only read it).
 */
export function scanWords(text: string): Scan {
  if (lastWords?.text !== text) lastWords = { text, scan: scanText(text, NOTHING) };
  return lastWords.scan;
}

/** Index of the token containing or following normalised offset `pos` (binary search). */
export function tokenAt(scan: Scan, pos: number): number {
  let lo = 0;
  let hi = scan.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((scan.ends[mid] ?? 0) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The normalised token text at index i. */
export function tokenText(text: string, scan: Scan, i: number): string {
  return i >= 0 && i < scan.count ? text.slice(scan.starts[i] ?? 0, scan.ends[i] ?? 0) : '';
}
