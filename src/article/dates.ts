// Turns the dates a reference list writes (`25 October 2023`, `October 25, 2023`, `2023-10-13`) into ISO.

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december'];
// Genitive and nominative stems: Russian-language lists write «21 марта 2021».
const RU_MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма[йя]', 'июн', 'июл', 'август',
  'сентябр', 'октябр', 'ноябр', 'декабр'].map((stem) => new RegExp(`^${stem}`, 'u'));

/** 1-based month from an English name or abbreviation (`Oct`, `Sept.`) or a Russian word. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length >= 3) {
    const en = EN_MONTHS.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
    if (en >= 0) return en + 1;
  }
  const ru = RU_MONTHS.findIndex((stem) => stem.test(w));
  return ru >= 0 ? ru + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/**
 * ISO `YYYY-MM-DD` when the day exists (no 31 February), else undefined. Years before 100 are not
 * dates (as `Date.UTC` reads them: 1900 + year); counted, not by building a Date per row.
 */
function isoDay(year: number, month: number, day: number): string | undefined {
  if (year < 100 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS[month - 1] ?? 0)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const MONTH = String.raw`(\p{L}+\.?)`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})\s+${MONTH},?\s+(\d{4})(?:\s*г\.?)?$`, 'u');
const MONTH_DAY_YEAR = new RegExp(String.raw`^${MONTH}\s+(\d{1,2}),?\s+(\d{4})$`, 'u');
const MONTH_YEAR = new RegExp(String.raw`^${MONTH},?\s+(\d{4})$`, 'u');

/**
 * The ISO form of a written date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), or undefined when the text
 * is not a date this parser knows. Callers keep the text as written in that case.
 */
export function normaliseDate(written: string): string | undefined {
  // Every form below has a four-digit year: most segments of a reference row (a publisher) have no digit at all.
  if (!/\d/.test(written)) return undefined;
  const t = written.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? t : undefined;
  m = DAY_MONTH_YEAR.exec(t);
  if (m) {
    const month = monthOf(m[2] ?? '');
    return month ? isoDay(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = MONTH_DAY_YEAR.exec(t);
  if (m) {
    const month = monthOf(m[1] ?? '');
    return month ? isoDay(Number(m[3]), month, Number(m[2])) : undefined;
  }
  m = MONTH_YEAR.exec(t);
  if (m) {
    const month = monthOf(m[1] ?? '');
    return month ? `${m[2]}-${pad(month)}` : undefined;
  }
  return /^(1[5-9]|20)\d{2}$/.test(t) ? t : undefined;
}
