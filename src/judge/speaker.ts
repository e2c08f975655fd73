// Who said or did it: the claim's actor (its subject, "according to X", a pronoun from the sentence before) against the source's.
export { textBefore } from './before.js';
import type { LayerText, PreparedClaim } from './find.js';
import { namesMatch } from './names.js';
import { normalize, sliceOriginal } from './normalize.js';
import { TITLES } from './persons.js';
import { isPastVerb } from './phrases.js';
import { tokenText } from './scan.js';
import { endsSentence, type Window } from './window.js';
import { stemWord, STOP_WORDS } from './words.js';

export interface Actor {
  /** The person as the claim (or the sentence before it) writes them: `Vladimir Putin`. */
  name: string;
  /** Normalised name words, titles left out. */
  parts: string[];
  /** How it was found: the claim's subject, `according to`, or a pronoun resolved from the sentence before. */
  via: 'subject' | 'according' | 'pronoun';
  pronoun?: string;
}

/** Capitalised words that are roles or groups, not a person's name (`Club owner`, `Opposition leader`). */
const ROLES = new Set(`manager owner club coach health opposition spokesman spokeswoman official officials minister
ministry government council party union agency police army court company foreign interior state national the a an`.split(/\s+/));
const PRONOUNS = new Set(['he', 'she', 'they', 'он', 'она', 'они', 'er', 'sie']);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

interface Word { text: string; norm: string; capital: boolean; start: number; end: number }

function wordOf(m: RegExpExecArray): Word {
  const t = m[0].replace(/[.'’]+$/, '');
  return { text: t, norm: normalize(t).text, capital: /^\p{Lu}/u.test(t), start: m.index, end: m.index + t.length };
}

function wordsOf(text: string): Word[] {
  return Array.from(text.matchAll(WORD), wordOf);
}

/** A clause's words up to its first past-tense verb, if that is one of its first nine (else undefined). */
function wordsToVerb(text: string): Word[] | undefined {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = wordOf(m);
    words.push(w);
    if (isPastVerb(w.norm)) return words;
    if (words.length > 8) return undefined;
  }
  return undefined;
}

function isNameWord(w: Word): boolean {
  return w.capital && w.norm.length >= 2 && !STOP_WORDS.has(w.norm) && !TITLES.has(w.norm) && !ROLES.has(w.norm) && !/^\p{N}/u.test(w.norm);
}

/**
 * The subject of one clause: the last run of name words before its first past-tense verb, at most
 * eight words in (`Kremlin spokesman Dmitry Peskov was asked` → Dmitry Peskov), or its pronoun.
 */
function subjectOf(clause: string): { name: string; parts: string[] } | { pronoun: string } | undefined {
  // a leading date or place (`In 2023,`, `On Monday,`) is not the subject
  const body = clause.replace(/^\s*(?:in|on|at|after|before|during|later|earlier)\b[^,]{0,40},\s*/iu, '');
  const words = wordsToVerb(body);
  if (!words) return undefined;
  const verb = words.length - 1;
  const first = words[0];
  if (first && PRONOUNS.has(first.norm)) return { pronoun: first.text };
  if (first && !first.capital) return undefined; // `and said …`: the subject is the previous clause's
  const nameAt = (k: number): boolean => { const w = words[k]; return w !== undefined && isNameWord(w); };
  let end = verb - 1;
  while (end >= 0 && !nameAt(end)) end--;
  if (end < 0) return undefined;
  let start = end;
  // the run goes back over name words joined by spaces only (`Karl Moen, the leader,` stops at the comma)
  while (start > 0 && nameAt(start - 1) && /^\s+$/.test(body.slice(words[start - 1]?.end ?? 0, words[start]?.start ?? 0))) start--;
  const run = words.slice(start, end + 1);
  return { name: run.map((w) => w.text).join(' '), parts: run.map((w) => w.norm) };
}

/** Sentences of the text before the claim, last first. */
function previousClauses(before: string): string[] {
  return before.split(/(?<=[.!?]["')\]]?)\s+|\s*\[\d+\]\s*/u).map((s) => s.trim()).filter(Boolean).reverse();
}


/** The claim's actor: `X said`/`X condemned`, `according to X`, or `He …` resolved from `before`. */
export function findActor(claim: string, before = ''): Actor | undefined {
  const according = /[Aa]ccording to ((?:\p{Lu}[\p{L}'’-]+ ?){1,4})/u.exec(claim);
  if (according?.[1]) {
    const run = wordsOf(according[1]).filter(isNameWord);
    if (run.length > 0) return { name: run.map((w) => w.text).join(' '), parts: run.map((w) => w.norm), via: 'according' };
  }
  const subject = subjectOf(claim);
  if (!subject) return undefined;
  if ('name' in subject) return { ...subject, via: 'subject' };
  for (const clause of previousClauses(before)) {
    const s = subjectOf(clause);
    if (s && 'name' in s) return { ...s, via: 'pronoun', pronoun: subject.pronoun };
  }
  return undefined;
}

function capitalAt(found: LayerText, k: number): boolean {
  const { norm, scan, original } = found;
  return /\p{Lu}/u.test(original[norm.map[scan.starts[k] ?? 0] ?? 0] ?? '');
}

/** The sentence around token range [from, to] of the window holding most of the claim's other phrases. */
function evidenceSentence(prepared: PreparedClaim, found: LayerText, w: Window, actor: Actor): [number, number] | undefined {
  const counts = new Map<number, number>();
  // each gap read once: the claim's phrases sit in the same few sentences, walked back over again and again
  const ends = new Map<number, boolean>();
  const endsAt = (i: number): boolean => {
    let end = ends.get(i);
    if (end === undefined) { end = endsSentence(found, i); ends.set(i, end); }
    return end;
  };
  const sentenceStart = (k: number): number => { let s = k; while (s > 0 && !endsAt(s - 1)) s--; return s; };
  prepared.phrases.forEach((p, i) => {
    if (p.kind === 'name' && actor.parts.some((a) => normalize(p.text).text.split(' ').includes(a))) return;
    const seen = new Set((found.positions[i] ?? []).filter((x) => x >= w.from && x <= w.to).map(sentenceStart));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + p.weight);
  });
  let best = -1;
  let most = 0;
  for (const [s, n] of counts) if (n > most) { best = s; most = n; }
  if (best < 0) return undefined;
  let to = best;
  while (to + 1 < found.scan.count && to - best < 80 && !endsSentence(found, to)) to++;
  return [best, to];
}

/**
 * The claim's actor is missing from the sentence that says the claim while another person stands
 * there (a run of two or more name words the claim does not have): the source gives it to them.
 */
export function findSpeakerConflict(actor: Actor, prepared: PreparedClaim, found: LayerText, w: Window, pageLanguage?: string): string | undefined {
  // German capitalises every noun: a run of capitalised words there is no sign of a name
  if (pageLanguage === 'de') return undefined;
  const range = evidenceSentence(prepared, found, w, actor);
  if (!range) return undefined;
  const { norm, scan } = found;
  const surname = actor.parts.at(-1) ?? '';
  const claimNames = [...prepared.names.values()].flat();
  let run: number[] = [];
  const others: string[] = [];
  const flush = (): void => {
    const kept = run.filter((k) => { const t = tokenText(norm.text, scan, k); return !TITLES.has(t) && !ROLES.has(t) && !STOP_WORDS.has(t); });
    const known = kept.some((k) => {
      const t = tokenText(norm.text, scan, k);
      return claimNames.some((c) => namesMatch(c, t)) || prepared.stems.has(stemWord(t));
    });
    const [first, last] = [kept[0], kept.at(-1)];
    if (kept.length >= 2 && !known && first !== undefined && last !== undefined) {
      others.push(sliceOriginal(found.original, norm, scan.starts[first] ?? 0, scan.ends[last] ?? 0));
    }
    run = [];
  };
  for (let k = range[0]; k <= range[1]; k++) {
    const word = tokenText(norm.text, scan, k);
    if (namesMatch(surname, word)) return undefined;
    const joined = run.length === 0 || norm.text.slice(scan.ends[k - 1] ?? 0, scan.starts[k] ?? 0) === ' ';
    if (capitalAt(found, k) && word.length >= 2 && joined) run.push(k);
    else { flush(); if (capitalAt(found, k) && word.length >= 2) run.push(k); }
  }
  flush();
  return others[0];
}
