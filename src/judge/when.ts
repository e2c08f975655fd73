// Dates a page states relative to its own publication (`on Thursday`, `yesterday`, `в четверг`) and dates that are the page's own (datelines, bylines, "Published …").
import type { DateValue, Fact } from './facts.js';
import type { Normalized } from './normalize.js';

const DAY_MS = 86_400_000;
const WEEKDAYS: readonly string[][] = [
  ['sunday', 'воскресенье', 'sonntag'], ['monday', 'понедельник', 'montag'], ['tuesday', 'вторник', 'dienstag'],
  ['wednesday', 'среду', 'среда', 'mittwoch'], ['thursday', 'четверг', 'donnerstag'], ['friday', 'пятницу', 'пятница', 'freitag'],
  ['saturday', 'субботу', 'суббота', 'samstag'],
];
const WEEKDAY_OF: ReadonlyMap<string, number> = new Map(WEEKDAYS.flatMap((forms, day) => forms.map((f): [string, number] => [f, day])));

/** Expressions with an offset from the publication day, and the granularity they state. */
const SPANS: [RegExp, (d: Date) => DateValue][] = [
  [/^(?:yesterday|вчера|gestern)$/, (d) => dayOf(new Date(d.getTime() - DAY_MS))],
  [/^(?:today|tonight|this morning|earlier today|сегодня|heute|aujourd'hui)$/, (d) => dayOf(d)],
  [/^(?:last week|на прошлой неделе|letzte woche|vergangene woche|la semaine dernière)$/, (d) => monthOf(new Date(d.getTime() - 7 * DAY_MS))],
  [/^(?:last month|в прошлом месяце|letzten monat|vergangenen monat|le mois dernier)$/, (d) => monthOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)))],
  [/^(?:last year|в прошлом году|letztes jahr|vergangenes jahr|im vergangenen jahr|l'année dernière)$/, (d) => ({ y: d.getUTCFullYear() - 1 })],
];
/**
 * Without a leading `(?<![\p{L}\p{N}])`: a lookbehind tried at every offset made the search ~3× slower;
 * relativeMatches checks the character before a match instead (the same matches).
 */
const RELATIVE_RE = new RegExp(String.raw`(?:(?:on |last |this |в |во |am |le )?(${[...WEEKDAY_OF.keys()].join('|')})` +
  String.raw`|yesterday|вчера|gestern|today|tonight|this morning|earlier today|сегодня|heute|last week|на прошлой неделе|letzte woche|vergangene woche` +
  String.raw`|last month|в прошлом месяце|letzten monat|vergangenen monat|last year|в прошлом году|letztes jahr|vergangenes jahr|im vergangenen jahr)(?![\p{L}\p{N}])`, 'gu');

function dayOf(d: Date): DateValue { return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }; }
function monthOf(d: Date): DateValue { return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 }; }

/** The page's publication day as the publisher wrote it (its local date, not converted to UTC). */
export function publicationDay(published: string | undefined): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
}

/** `14 March 2024` for a resolved value (what the reason line shows). */
export function describeDate(v: DateValue): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return [v.d, v.m !== undefined ? months[v.m - 1] : undefined, v.y].filter((x) => x !== undefined).join(' ');
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The code point before offset `at` is a letter or digit (a surrogate pair read whole). */
function wordBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const low = text.charCodeAt(at - 1);
  const high = at >= 2 && low >= 0xdc00 && low <= 0xdfff ? text.charCodeAt(at - 2) : 0;
  const from = high >= 0xd800 && high <= 0xdbff ? at - 2 : at - 1;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(from) ?? 0));
}

/** RELATIVE_RE's matches that do not start inside a word: a match that does is retried one offset on. */
function* relativeMatches(text: string): Generator<RegExpExecArray> {
  const re = new RegExp(RELATIVE_RE);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (wordBefore(text, m.index)) re.lastIndex = m.index + 1;
    else yield m;
  }
}

/**
 * Relative dates in normalised text, resolved against the publication day: a weekday is the most
 * recent one on or before it (`on Thursday` in a Thursday paper is that day); `last week` and
 * `last month` state a month, `last year` a year. Future ones (`next month`) are left alone.
 */
export function relativeFacts(text: string, published: string | undefined): Fact[] {
  const day = publicationDay(published);
  if (!day) return [];
  const out: Fact[] = [];
  for (const m of relativeMatches(text)) {
    const phrase = m[0];
    const weekday = m[1] !== undefined ? WEEKDAY_OF.get(m[1]) : undefined;
    let date: DateValue | undefined;
    if (weekday !== undefined) {
      if (phrase.startsWith('last ')) continue; // `last Thursday` said on a Friday is ambiguous
      date = dayOf(new Date(day.getTime() - ((day.getUTCDay() - weekday + 7) % 7) * DAY_MS));
    } else date = SPANS.find(([re]) => re.test(phrase))?.[1](day);
    if (!date) continue;
    out.push({ kind: 'date', start: m.index, end: m.index + phrase.length, values: [], tolerance: 0, date, inDate: false,
      percent: false, relative: phrase });
  }
  return out;
}

const PUBLISHED_CUE = /(?:published|updated|posted|first published|last updated|опубликовано|обновлено|veröffentlicht|aktualisiert|publié|mis à jour)[^.\n]{0,24}$/iu;
/** Longer than any match of PUBLISHED_CUE: its longest cue (15 code units) and 24 code points (up to 48 units) after it. */
const PUBLISHED_CUE_SPAN = 64;
const DATELINE = /^[\p{Lu}][\p{Lu} .'-]{1,30},\s*$/u;

/**
 * A date that is the page's own, not an event's: in a dateline (`MOSCOW, Oct 17 (Reuters) -`),
 * after "Published"/"Updated", or in a short byline-like line (`By a staff reporter · 2024-03-14`).
 */
export function isPageDate(original: string, norm: Normalized, fact: Fact): boolean {
  const at = norm.map[fact.start] ?? 0;
  const end = norm.map[fact.end] ?? at;
  const lineStart = original.lastIndexOf('\n', at - 1) + 1;
  const next = original.indexOf('\n', end);
  const lineEnd = next < 0 ? original.length : next;
  const before = original.slice(lineStart, at);
  // a cue's match ends where the date starts and spans at most PUBLISHED_CUE_SPAN characters: only those are searched
  if (DATELINE.test(before) || PUBLISHED_CUE.test(before.length > PUBLISHED_CUE_SPAN ? before.slice(-PUBLISHED_CUE_SPAN) : before)) return true;
  // a long line is no byline, however few its words (the words are counted only on a short one)
  if (lineEnd - lineStart >= 80) return false;
  const others = `${before} ${original.slice(end, lineEnd)}`.match(/[\p{L}\p{N}]+/gu) ?? [];
  return others.length <= 5;
}
