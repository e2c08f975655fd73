// Numbers, amounts, percentages and dates found in normalised text, reduced to comparable values.

export interface DateValue { y?: number; m?: number; d?: number }

export interface Fact {
  kind: 'number' | 'date';
  /** Range in the normalised text. */
  start: number;
  end: number;
  /** Candidate values: `1.200` is 1200 in Russian/German and 1.2 in English, so both stay. */
  values: number[];
  /** Half-width of the tolerance: `1.2 million` covers 1,150,000–1,249,999. Zero means exact. */
  tolerance: number;
  date?: DateValue;
  /** A number that is part of a date (`25` in `25 October 2023`): never a quantity. */
  inDate: boolean;
  /** Written as a percentage (`15%`, `15 per cent`, `15 процентов`). */
  percent: boolean;
  /** A bare `m`/`k` read as a scale by guess (`1.5m people`): never grounds for a contradiction. */
  guessed?: boolean;
  /** Share of the value an explicit hedge allows (`about 1,200`): HEDGE_MAX_SHARE, else absent. */
  hedge?: number;
  /** A relative date resolved against the page's publication day (`on thursday`): the words as written. */
  relative?: string;
  /** A date that is the page's own (dateline, byline, "Published …"), not an event's. */
  pageDate?: boolean;
}

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DE_MONTHS = ['jan', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'];
const RU_MONTHS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
// only an abbreviation takes a full stop (`Oct.`); `26 October.` ends a sentence, the stop is not the date's
const MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|янв|февр?|апр|авг|сент?|окт|нояб?|дек)\.?)`;
const ORD = String.raw`(?:st|nd|rd|th|-?го|-?е|\.)?`;
const DATE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(\d{4})-(\d{1,2})-(\d{1,2})` +
  String.raw`|(\d{1,2})${ORD} (?:of )?(${MONTH})(?:,? (\d{4}))?` +
  String.raw`|(${MONTH}) (\d{1,2})${ORD}(?:,? (\d{4}))?` +
  String.raw`|(${MONTH}),? (?:of )?(\d{4}))(?![\p{L}\p{N}])`, 'uy');
const SCALE = String.raw`%|m|k|percent|per cent|prozent|процент\p{L}*|thousand|million|billion|trillion|bn|millionen|milliarden|mio\.?|mrd\.?|тыс\.?|тысяч\p{L}*|млн|млрд|трлн|миллион\p{L}*|миллиард\p{L}*|триллион\p{L}*`;
const NUM_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(\d{1,3}(?:[,. ]\d{3})+(?![\p{N}])(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s?(${SCALE})(?![\p{L}]))?`, 'uy');

function monthOf(word: string): number | undefined {
  const w = word.replace(/\.$/, '');
  const en = EN_MONTHS.findIndex((m) => w.startsWith(m));
  if (en >= 0 && /^[a-z]/.test(w)) return en + 1;
  const de = DE_MONTHS.findIndex((m) => w.startsWith(m));
  if (de >= 0) return de + 1;
  const ru = RU_MONTHS.findIndex((m) => w.startsWith(m));
  return ru >= 0 ? ru + 1 : undefined;
}

function toInt(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number.parseInt(s, 10);
}

function dateFrom(m: RegExpExecArray): DateValue | undefined {
  const [, iy, im, id, d1, m1, y1, m2, d2, y2, m3, y3] = m;
  if (iy) return { y: toInt(iy), m: toInt(im), d: toInt(id) };
  const month = monthOf(m1 ?? m2 ?? m3 ?? '');
  if (month === undefined) return undefined;
  const day = toInt(d1 ?? d2);
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  return { y: toInt(y1 ?? y2 ?? y3), m: month, d: day };
}

const SCALES: [RegExp, number][] = [
  [/^(thousand|тыс|k$)/, 1e3], [/^(million|млн|миллион|mio|m$)/, 1e6], [/^(billion|bn|млрд|миллиард|milliard|mrd)/, 1e9],
  [/^(trillion|трлн|триллион)/, 1e12],
];

/** `1,200` → [1200, 1.2]; `1 200` → [1200]; `1,200,000.5` → [1200000.5]; `1,5` → [1.5]. */
export function parseNumber(core: string): number[] {
  const s = core.replace(/ /g, '');
  const seps = s.match(/[.,]/g) ?? [];
  if (seps.length === 0) return [Number(s)];
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  const tail = s.length - last - 1;
  const digits = (x: string): string => x.replace(/[.,]/g, '');
  if (tail !== 3) return [Number(`${digits(s.slice(0, last))}.${s.slice(last + 1)}`)];
  const sameKind = seps.every((c) => c === seps[0]);
  if (seps.length > 1 && sameKind) return [Number(digits(s))];
  if (seps.length > 1) return [Number(`${digits(s.slice(0, last))}.${s.slice(last + 1)}`)];
  return [Number(digits(s)), Number(`${s.slice(0, last)}.${s.slice(last + 1)}`.replace(',', '.'))];
}

/** Rounding reads at most this share of the value: `1 billion` is not `600 million`. */
export const ROUNDING_MAX_SHARE = 0.05;
/** An explicit hedge (`about`, `some`, `nearly`, `около`) allows this share, for values of 100 or more. */
export const HEDGE_MAX_SHARE = 0.1;
const HEDGE_WORDS = ['about', 'around', 'approximately', 'roughly', 'some', 'nearly', 'almost', 'circa', 'estimated', 'около', 'почти',
  'примерно', 'порядка', 'приблизительно'];
const HEDGE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${HEDGE_WORDS.join('|')})\s?[£$€₽¥]?$`, 'u');

/** The last letters of HEDGE's words and its currency signs: a text before a number ending otherwise is no hedge. */
const HEDGE_ENDS = new Set([...HEDGE_WORDS.map((w) => w.at(-1) ?? ''), ...'£$€₽¥']);

/** HEDGE holds for the 16 characters before `start` (their trailing whitespace left out). */
function hedgedBefore(text: string, start: number): boolean {
  let end = start;
  while (end > 0 && end > start - 16 && /\s/.test(text[end - 1] ?? '')) end--;
  if (end === Math.max(0, start - 16) || !HEDGE_ENDS.has(text[end - 1] ?? '')) return false;
  return HEDGE.test(text.slice(Math.max(0, start - 16), start).trimEnd());
}

/**
 * Values and tolerance. A written scale (`1.2 million`) stands for a rounded figure: half a unit of
 * its last digit (1,150,000–1,250,000) but never more than ROUNDING_MAX_SHARE of it; a hedge widens it.
 */
function scaled(core: string, unit: string | undefined): { values: number[]; tolerance: number } {
  const base = parseNumber(core);
  const scale = SCALES.find(([re]) => unit !== undefined && re.test(unit))?.[1] ?? 1;
  if (scale === 1) return { values: base, tolerance: 0 };
  const decimals = /[.,](\d{1,2})$/.exec(core.replace(/ /g, ''))?.[1]?.length ?? 0;
  const least = Math.min(...base.map(Math.abs));
  return { values: base.map((v) => v * scale), tolerance: Math.min((scale * 10 ** -decimals) / 2, least * scale * ROUNDING_MAX_SHARE) };
}

/** Words after a bare `5m`/`10k` that make it a length or a distance, not millions or thousands. */
const UNIT_CONTEXT = /^ (?:tall|high|long|wide|deep|away|above|below|across|race|sprint|hurdles|freestyle|backstroke|breaststroke|butterfly|relay|run|runs|walk|swim|metres?|meters?|km|miles?|в|высот\p{L}*|длин\p{L}*)(?![\p{L}])/u;

/** `£5m`, `$2k`: scale. `1.5m people`: read as millions, flagged as a guess. `5m tall`, `5 m`: not a scale. */
function readShortScale(text: string, m: RegExpExecArray): { unit: string | undefined; guessed: boolean } {
  const start = m.index;
  const end = start + m[0].length;
  if (/\s/.test(m[0])) return { unit: undefined, guessed: false };
  if (/[£$€₽¥]$/.test(text.slice(Math.max(0, start - 1), start))) return { unit: m[2], guessed: false };
  const after = text.slice(end, end + 24);
  if (/^ \p{L}/u.test(after) && !UNIT_CONTEXT.test(after)) return { unit: m[2], guessed: true };
  return { unit: undefined, guessed: false };
}

/** Start of the word before position p (skipping `, ` and spaces): where `October 25` would begin. */
function previousWordStart(text: string, p: number): number {
  let i = p - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === ',')) i--;
  if (i >= 0 && text[i] === '.') i--;
  while (i >= 0 && /\p{L}/u.test(text[i] ?? '')) i--;
  return i + 1;
}

function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/**
 * Every date and number in normalised text, in order of position. Both always contain a digit,
 * so the (sticky) patterns are tried only where a digit run starts or at the word before it:
 * a page of prose then costs little more than finding its digits.
 */
export function findFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  const dateSpans: [number, number][] = [];
  let dateEnd = -1;
  let numEnd = -1;
  const numbers: RegExpExecArray[] = [];
  for (const digits of text.matchAll(/\d+/g)) {
    const p = digits.index;
    if (p >= dateEnd) {
      const before = previousWordStart(text, p);
      const m = (before < p && before >= dateEnd ? execAt(DATE_RE, text, before) : null) ?? execAt(DATE_RE, text, p);
      const date = m ? dateFrom(m) : undefined;
      if (m && date) {
        dateSpans.push([m.index, m.index + m[0].length]);
        dateEnd = m.index + m[0].length;
        facts.push({ kind: 'date', start: m.index, end: dateEnd, values: [], tolerance: 0, date, inDate: false, percent: false });
      }
    }
    if (p < numEnd) continue;
    const n = execAt(NUM_RE, text, p);
    if (n) { numbers.push(n); numEnd = n.index + n[0].length; }
  }
  let span = 0;
  for (const m of numbers) {
    const start = m.index;
    const end = start + m[0].length;
    while (span < dateSpans.length && (dateSpans[span]?.[1] ?? 0) <= start) span++;
    const inDate = span < dateSpans.length && (dateSpans[span]?.[0] ?? Infinity) <= start;
    const core = m[1] ?? '';
    // `£100m`, `$5k`: the short scales count after a currency sign, or before a noun (else `100m` is metres)
    const short = m[2] === 'm' || m[2] === 'k';
    const { unit, guessed } = short ? readShortScale(text, m) : { unit: m[2], guessed: false };
    const hedged = hedgedBefore(text, start);
    const { values, tolerance } = scaled(core, unit);
    const year = !inDate && !m[2] && /^(1[5-9]\d\d|20\d\d)$/.test(core);
    const percent = unit !== undefined && /^(%|per|проц|proz)/.test(unit);
    facts.push({ kind: year ? 'date' : 'number', start, end, values, tolerance: year ? 0 : tolerance, inDate, percent,
      date: year ? { y: Number(core) } : undefined, ...(guessed ? { guessed } : {}),
      ...(hedged && !year ? { hedge: HEDGE_MAX_SHARE } : {}) });
  }
  return facts.sort((a, b) => a.start - b.start);
}

let lastClaim: { text: string; facts: readonly Fact[] } | undefined;

/**
 * findFacts of a claim's normalised text, the last one kept: its key phrases and the matcher's
 * reading of them in context both ask (callers only read the list and its facts; a page's facts,
 * which are marked as the page's own, never come from here).
 */
export function findClaimFacts(text: string): readonly Fact[] {
  if (lastClaim?.text !== text) lastClaim = { text, facts: findFacts(text) };
  return lastClaim.facts;
}

/** Does source fact `s` state claim fact `c`? Dates match at the claim's granularity. */
export function factMatches(c: Fact, s: Fact): boolean {
  if (c.date) {
    if (!s.date) return c.date.m === undefined && s.kind === 'number' && s.values.includes(c.date.y ?? NaN);
    const { y, m, d } = c.date;
    if (m === undefined) return s.date.y === y;
    if (s.date.m !== m) return false;
    if (d !== undefined && s.date.d !== d) return false;
    return y === undefined || s.date.y === undefined ? d !== undefined || s.date.y === y : s.date.y === y;
  }
  if (s.inDate || s.date) return false;
  // `40%` is not `40 seats`, `1,200 roubles` is not `1.2%`
  if (c.percent !== s.percent) return false;
  // either side may be the rounded one (`1.2 million` in the source states `1,189,000`)
  const rounding = Math.max(c.tolerance, s.tolerance, 1e-9);
  const hedge = (f: Fact, v: number): number => (f.hedge !== undefined && Math.abs(v) >= 100 ? Math.abs(v) * f.hedge : 0);
  return c.values.some((cv) => s.values.some((sv) => Math.abs(cv - sv) <= Math.max(rounding, hedge(c, cv), hedge(s, sv))));
}

/** Small cardinals written as words (2–20; `one` is too often not a number). Normalised forms. */
const WORDS: [number, string][] = [
  [2, 'two два две двух двум двумя'], [3, 'three три трех трем тремя'], [4, 'four четыре четырех четырем'],
  [5, 'five пять пяти'], [6, 'six шесть шести'], [7, 'seven семь семи'], [8, 'eight восемь восьми'],
  [9, 'nine девять девяти'], [10, 'ten десять десяти'], [11, 'eleven одиннадцать одиннадцати'],
  [12, 'twelve двенадцать двенадцати'], [13, 'thirteen тринадцать тринадцати'],
  [14, 'fourteen четырнадцать четырнадцати'], [15, 'fifteen пятнадцать пятнадцати'],
  [16, 'sixteen шестнадцать шестнадцати'], [17, 'seventeen семнадцать семнадцати'],
  [18, 'eighteen восемнадцать восемнадцати'], [19, 'nineteen девятнадцать девятнадцати'], [20, 'twenty двадцать двадцати'],
];
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  WORDS.flatMap(([v, forms]) => forms.split(' ').map((w): [string, number] => [w, v])));

/** The word forms of a value, for finding `six months` when the claim says `6 months` (or the reverse). */
export function numberWordsFor(value: number): string[] {
  return [...NUMBER_WORDS].filter(([, v]) => v === value).map(([w]) => w);
}

/** Number words in normalised text, as facts (used on claims; pages are searched by token). */
export function findNumberWords(text: string): Fact[] {
  const out: Fact[] = [];
  for (const m of text.matchAll(/[\p{L}]+/gu)) {
    const value = NUMBER_WORDS.get(m[0]);
    if (value !== undefined) {
      out.push({ kind: 'number', start: m.index, end: m.index + m[0].length, values: [value], tolerance: 0, inDate: false, percent: false });
    }
  }
  return out;
}
