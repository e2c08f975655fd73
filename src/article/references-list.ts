// Parses one row of the copied reference list: back-links, authors, title, publisher, dates, language.
import type { ListedReference } from '../types.js';
import { normaliseDate } from './dates.js';
import { languageCodeOf } from './languages.js';

const ROW = /^\s*(\d+)\.\s+(.*\S)\s*$/u;
// Identifiers and archive notes that carry nothing the verifier compares, each with text it cannot
// match without (a row lacking it skips that scan; a leading \s* makes a scan try every position).
const NOISE: [needle: string | undefined, pattern: RegExp][] = [
  ['Archived', /\s*\bArchived(?: \(PDF\))? from the original on [^.]*\.(?=\s|$)/gu],
  [undefined, /\s*\b(?:ISSN|ISBN|OCLC|PMID|PMC|S2CID|JSTOR|Bibcode)\s+[\dA-Za-z.:/-]+\s*\.?(?=\s|$)/gu],
  ['doi:', /\s*\bdoi:\s*\S+?\.?(?=\s|$)/gu],
  ['(', /\s*\((?:PDF|subscription required|registration required|paywalled|free access)\)/giu],
];

/** `1 2 3 4` (or `a b c d`) before the title: the back-links, one per use in the body. */
function splitBacklinks(body: string): { uses: number; rest: string } {
  const m = /^\^?\s*(?:Jump up to:\s*)?((?:\d+|[a-z])(?:\s+(?:\d+|[a-z]))+)\s+(?=\S)/u.exec(body);
  const run = m?.[1]?.split(/\s+/) ?? [];
  const isRun = run.every((x, i) => x === String(i + 1) || x === String.fromCharCode(97 + i));
  if (m && isRun) return { uses: run.length, rest: body.slice(m[0].length) };
  return { uses: 1, rest: body.replace(/^\^\s*(?:Jump up\s*)?/u, '') };
}

/** `Myers, Steven Lee; Frenkel, Sheera` → two names; `Times, The Moscow` → `The Moscow Times`. */
export function parseAuthors(text: string): string[] {
  return text.replace(/\[@[^\]]*\]/gu, '').split(';')
    .map((a) => a.trim().replace(/\.$/u, '').trim())
    .filter((a) => a !== '' && !/^et al$/iu.test(a))
    .map((a) => {
      const parts = a.split(',').map((p) => p.trim());
      return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : a;
    });
}

/** Splits `Publisher. 25 October 2023` at sentence dots, but not at `U.S.` or `tass.com`. */
function segmentsOf(text: string): string[] {
  return text.split(/(?<!(?:^|[\s.])\p{Lu})\.(?:\s+|$)/u).map((s) => s.trim()).filter(Boolean);
}

interface Located {
  before: string;
  title: string;
  after: string;
}

/** The quoted title and what stands before (authors, date) and after (publisher, date) it. */
function findTitle(body: string): Located {
  const m = /["“](.+?)["”](?=\s*(?:[.,([]|$))/u.exec(body);
  if (m) return { before: body.slice(0, m.index), title: m[1] ?? '', after: body.slice(m.index + m[0].length) };
  // Unquoted (a book in italics): `Author (date). Title. Publisher.`
  const authorDate = /^(.*?\(\s*[^)]*\d{4}[^)]*\)\.?)\s*/u.exec(body);
  const before = authorDate?.[1] ?? '';
  const [title = '', ...rest] = segmentsOf(body.slice(before.length));
  return { before, title, after: rest.join('. ') };
}

export function parseReferenceRow(raw: string, line: number): ListedReference | undefined {
  const row = ROW.exec(raw);
  if (!row) return undefined;
  const { uses, rest } = splitBacklinks(row[2] ?? '');
  let body = rest;
  let accessDate: string | undefined;
  if (body.includes('Retrieved')) {
    body = body.replace(/\s*\bRetrieved\s+(?:on\s+)?([^.]+)(?:\.|$)/u, (_, d: string) => {
      accessDate = normaliseDate(d) ?? d.trim();
      return '';
    });
  }
  for (const [needle, noise] of NOISE) if (needle === undefined || body.includes(needle)) body = body.replace(noise, '');
  let language: string | undefined;
  if (body.includes('(in ')) {
    body = body.replace(/\s*\(in ([^)]+)\)/u, (_, names: string) => {
      language = languageCodeOf(names);
      return '';
    });
  }
  const { before, title, after } = findTitle(body.trim());
  const ref: ListedReference = { id: Number(row[1]), uses, title: title.trim(), line, raw: raw.trim() };
  const parenDate = /\(([^)]*)\)\.?\s*$/u.exec(before);
  const authors = parseAuthors(parenDate ? before.slice(0, parenDate.index) : before);
  let date = parenDate?.[1] ? normaliseDate(parenDate[1]) ?? parenDate[1].trim() : undefined;
  for (const segment of segmentsOf(after.replace(/^\s*(?:\[[^\]]*\])?[.,]?\s*/u, ''))) {
    const iso = normaliseDate(segment);
    if (iso && date === undefined) date = iso;
    else if (!iso && ref.publisher === undefined) ref.publisher = segment;
  }
  if (date !== undefined) ref.date = date;
  if (accessDate !== undefined) ref.accessDate = accessDate;
  if (language !== undefined) ref.language = language;
  if (authors.length > 0) ref.authors = authors;
  return ref;
}
