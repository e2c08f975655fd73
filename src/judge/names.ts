// Name variants: a transliteration skeleton so Mashal/Meshaal, Navalny/Навальный and Kiev/Kyiv compare equal.
import transliterate from '@sindresorhus/transliterate';
import { distance } from 'fastest-levenshtein';
import { keptPerWord } from './kept.js';
import { stemWord } from './words.js';

/** Official renamings a skeleton cannot bridge (field notes §5.3). */
const VARIANTS: Record<string, string> = { kyiv: 'kiev', kharkiv: 'kharkov', odesa: 'odessa', lviv: 'lvov' };

/** Maximum edit distance between skeletons, as a share of the longer one (field notes §5.3). */
export const NAME_MAX_EDIT_RATIO = 0.2;

/**
 * Latin skeleton of one lower-case word: transliterate, fold the spelling choices that
 * romanisation schemes disagree on, drop doubled letters.
 */
export const skeleton = keptPerWord(100_000, (word: string): string => {
  const base = VARIANTS[word] ?? word;
  // transliterate walks its whole replacement table: skip it for the (common) ASCII word
  const s = (/^[\x00-\x7f]*$/.test(base) ? base : transliterate(base)).toLowerCase().replace(/[^a-z0-9]/g, '');
  return dropDoubled(foldSpelling(s));
});

/**
 * The spelling folds, in order; each only when the letter it needs is there at that point (a word
 * without an `h` has no `sch`, `kh` or `ph`): most words skip most of the ten replacements.
 */
function foldSpelling(word: string): string {
  let s = word;
  if (s.includes('h')) s = s.replace(/shch|sch/g, 'sh').replace(/kh/g, 'h');
  if (s.includes('t')) s = s.replace(/t[sz]/g, 'c');
  if (s.includes('x')) s = s.replace(/x/g, 'ks');
  if (s.includes('w')) s = s.replace(/w/g, 'v');
  if (s.includes('h')) s = s.replace(/ph/g, 'f');
  if (s.includes('c') || s.includes('q')) s = s.replace(/ck|q/g, 'k').replace(/c(?![eiy])/g, 'k');
  if (s.includes('y')) s = s.replace(/ye/g, 'e');
  if (s.includes('y') || s.includes('j')) s = s.replace(/[yj]/g, 'i');
  return s;
}

/** `mashaal` → `mashal`: a loop, since /(.)\1+/ overflows the regex stack on a page's 5 MB "word". */
function dropDoubled(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i += 1) if (s.charAt(i) !== s.charAt(i - 1)) out += s.charAt(i);
  return out;
}

/**
 * Skeletons of a word and, for Cyrillic, of its stem too (so `Навального` meets `Navalny`); kept per
 * word, since the matcher asks for every distinct token of every layer a claim is matched against.
 */
export const skeletonForms = keptPerWord(100_000, (word: string): readonly string[] => {
  const forms = [skeleton(word)];
  if (/[\u0400-\u04FF]/.test(word)) forms.push(skeleton(stemWord(word, 'ru')));
  return forms;
});

/** Skeletons this short must be equal: one letter turns Hamas into Hama, Iran into Iraq. */
export const NAME_EXACT_MAX_LENGTH = 5;

/**
 * Masculine and feminine forms of one Slavic surname are two people (Zakharov, Zakharova;
 * Lavrov, Lavrova; Kadyrov, Kadyrova; Belsky, Belskaya): never a spelling drift.
 */
function genderedPair(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (long === `${short}a` && /(?:ov|ev|in|yn)$/.test(short)) return true;
  return /ski$/.test(short) && long === `${short.slice(0, -1)}aia`;
}

/** `Zakharov` and `Zakharova`: one family name, two people (see genderedPair). */
export function isGenderedVariant(a: string, b: string): boolean {
  return skeletonForms(a).some((x) => skeletonForms(b).some((y) => genderedPair(x, y)));
}

/** True when two words are the same name up to case, transliteration and small spelling drift. */
export function namesMatch(claimWord: string, sourceWord: string): boolean {
  return claimWord === sourceWord || formsMatch(skeletonForms(claimWord), skeletonForms(sourceWord));
}

/**
 * namesMatch on the two words' skeletonForms, for a caller comparing one word with many (the
 * matcher makes a claim name part's forms once, and a page token's once for all the parts).
 */
export function formsMatch(a: readonly string[], b: readonly string[]): boolean {
  if (a.some((x) => x.length > 0 && b.includes(x))) return true;
  for (const x of a) {
    for (const y of b) {
      const longest = Math.max(x.length, y.length);
      if (longest <= NAME_EXACT_MAX_LENGTH || x[0] !== y[0] || genderedPair(x, y)) continue;
      if (Math.abs(x.length - y.length) > longest * NAME_MAX_EDIT_RATIO + 1) continue;
      if (distance(x, y) <= Math.floor(longest * NAME_MAX_EDIT_RATIO)) return true;
    }
  }
  return false;
}
