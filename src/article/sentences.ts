// Splits a marker-free paragraph into sentences: Intl.Segmenter over bounded windows, then re-joins its abbreviation splits.

export interface Span {
  /** First non-space character. */
  start: number;
  /** One past the last non-space character. */
  end: number;
}

// ICU splits after these (field notes §5.2): "The U.S. | State", "Mr. | Lavrov", "J. | R. R.".
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr',
  'adm', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'vs', 'nos', 'vol', 'vols', 'pp',
  'ch', 'fig', 'approx', 'ca', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'inc', 'ltd', 'co', 'corp', 'bros', 'mt', 'ft', 'ave', 'dept',
  'univ', 'est', 'al', 'op', 'cf',
  // Russian: г. (год), гг., т. е., им., ул., д., см., стр., тыс., млн., млрд., руб.
  'г', 'гг', 'т', 'е', 'им', 'ул', 'д', 'см', 'стр', 'тыс', 'млн', 'млрд', 'руб',
]);

const WHITE = /\s/u;

/** The segment's last word: found from the end (`/(\S+)$/` tried every start position of the segment). */
function lastWord(segment: string): string {
  const text = segment.trimEnd();
  let start = text.length;
  while (start > 0 && !WHITE.test(text.charAt(start - 1))) start--;
  return text.slice(start);
}

/** True when a segment ends in an abbreviation or initial rather than at a sentence end. */
export function endsWithAbbreviation(segment: string): boolean {
  const last = lastWord(segment);
  if (!last.endsWith('.')) return false;
  const word = last.replace(/^[("'“‘«[]+/u, '');
  // U.S., e.g., В.В.: letters each followed by a dot. Single initials: J., В.
  if (/^(?:\p{L}\.){2,}$/u.test(word) || /^\p{Lu}\.$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.slice(0, -1).toLowerCase());
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Window the segmenter sees at once (characters); doubled while one sentence is longer. */
const WINDOW = 8 * 1024;

interface Segment {
  segment: string;
  index: number;
}

/**
 * A break at `at` is settled when a letter follows it before the window's end: ICU's sentence rules
 * look ahead past spaces, digits and punctuation only as far as the next letter (UAX #29 SB8), so
 * the same break comes out of the whole text.
 */
function settled(text: string, at: number, windowEnd: number): boolean {
  for (let i = at; i < windowEnd - 1; i++) if (/\p{L}/u.test(text[i] ?? '')) return true;
  return false;
}

/**
 * ICU's sentence segments of `text`, cut from bounded windows: one Intl.Segmenter pass over a
 * long paragraph is quadratic on Node 20 (a 5 MB line took minutes). Each window starts at a
 * settled break, so the segments are the ones the whole text would give.
 */
export function segmentSentences(text: string, window = WINDOW): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  let size = window;
  while (start < text.length) {
    const end = Math.min(text.length, start + size);
    let next = start;
    for (const { segment, index } of segmenter.segment(text.slice(start, end))) {
      const segEnd = start + index + segment.length;
      if (end < text.length && !settled(text, segEnd, end)) break;
      out.push({ segment, index: start + index });
      next = segEnd;
      if (next - start >= window) break; // a grown window holds many short sentences after the long one
    }
    if (next === start) size *= 2;
    else [start, size] = [next, window];
  }
  return out;
}

function trimmed(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return s < e ? { start: s, end: e } : undefined;
}

/** ICU breaks after `?` or `!` even inside a sentence (`asked "why?" and left`): a lower-case start rejoins. */
function joinLowercaseStarts(text: string, spans: Span[]): Span[] {
  const joined: Span[] = [];
  for (const span of spans) {
    const last = joined.at(-1);
    if (last && /^\p{Ll}/u.test(text.slice(span.start, span.start + 1))) last.end = span.end;
    else joined.push({ ...span });
  }
  return joined;
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let pending: number | undefined;
  for (const { segment, index } of segmentSentences(text)) {
    const start = pending ?? index;
    const end = index + segment.length;
    if (endsWithAbbreviation(segment) && end < text.length) {
      pending = start;
      continue;
    }
    pending = undefined;
    const span = trimmed(text, start, end);
    if (span) spans.push(span);
  }
  if (pending !== undefined) {
    const span = trimmed(text, pending, text.length);
    if (span) spans.push(span);
  }
  return joinLowercaseStarts(text, spans);
}
