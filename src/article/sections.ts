// Finds the article's parts in browser-copied Wikipedia text: title, body paragraphs under their
// headings, and the reference list; skips the infobox, captions, contents and end matter.
import { isBlank, splitLines, type Line } from './lines.js';

export interface Paragraph {
  text: string;
  line: number;
  /** The heading the paragraph stands under ('' for the lead). */
  section: string;
}

export interface ArticleLayout {
  title: string;
  paragraphs: Paragraph[];
  /** The numbered rows of the reference list (`  1. 1 2 "Title". Publisher. Date.`). */
  referenceLines: Line[];
}

// Everything from the first of these headings on is end matter, not article prose.
export const END_HEADINGS = new Set(['see also', 'related research articles', 'notes', 'external links',
  'references', 'further reading', 'bibliography', 'sources', 'citations', 'footnotes',
  'works cited', 'notes and references', 'explanatory notes', 'literature', 'general references']);
// The end-matter sections whose numbered rows are the footnote list, best first.
const LIST_HEADINGS = ['references', 'citations', 'footnotes', 'notes and references', 'notes', 'sources'];

const FILE_LINE = /(?:^File:|\.(?:jpe?g|png|svg|gif|webp|tiff?|ogg|ogv|webm|pdf)$)/i;
// Hatnotes and page furniture that sit between paragraphs.
const FURNITURE = new RegExp(`^(?:${[
  String.raw`(?:Main articles?|See also|Further information|Further reading|For other uses|Not to be confused with)\s*:`,
  String.raw`For (?:other uses|other people|the [^,]{1,60}), see `, 'Not to be confused with ', '"[^"]{1,80}" redirects here',
  'This article is about ', String.raw`Last (?:updated|edited)\b`, 'From Wikipedia, the free encyclopedia$',
  'Contents$', String.raw`\(Top\)$`, 'hide$', 'show$', 'Toggle (?:the table of contents|.* subsection)$',
].map((p) => `(?:${p})`).join('|')})`, 'i');
const TOC_ENTRY = /^\d{1,2}(?:\.\d{1,2})*\s+\S/;
const TERMINAL = /(?:[.!?:;,]["'”’»)]*|\])$/u;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A line that reads as running prose: several words ending like a sentence or with a marker. */
export function isProse(text: string): boolean {
  const t = text.trim();
  return words(t) >= 4 && t.length >= 20 && TERMINAL.test(t) && !FILE_LINE.test(t);
}

/** A short line without terminal punctuation standing alone between blank lines. */
export function isHeading(lines: Line[], i: number): boolean {
  const t = lines[i]?.text.trim() ?? '';
  return t !== '' && t.length <= 80 && words(t) <= 12 && !TERMINAL.test(t) && !/\[\d/.test(t)
    && !FILE_LINE.test(t) && isBlank(lines[i - 1]?.text) && isBlank(lines[i + 1]?.text);
}

// Lower-casing never shortens a string: a longer line is no end-matter heading (and is not lower-cased).
const LONGEST_END_HEADING = Math.max(...[...END_HEADINGS].map((h) => h.length));

function headingKey(text: string): string {
  return text.trim().toLowerCase();
}

/** The line's heading key when it is one of the end-matter headings (See also, References, …). */
function endHeadingKey(text: string): string | undefined {
  if (text.trim().length > LONGEST_END_HEADING) return undefined;
  const key = headingKey(text);
  return END_HEADINGS.has(key) ? key : undefined;
}

const isEndHeading = (text: string): boolean => endHeadingKey(text) !== undefined;

/** A line right under an image's file-name line is its caption. */
const isUnderFileLine = (lines: Line[], i: number) => FILE_LINE.test(lines[i - 1]?.text.trim() ?? '');

/** Index of the first prose line after the title: the infobox and its labels come before it. */
function findLeadStart(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]?.text ?? '';
    if (isEndHeading(t)) return i;
    if (isProse(t) && !FURNITURE.test(t.trim()) && !t.includes('\t') && !isUnderFileLine(lines, i)) return i;
  }
  return lines.length;
}

/** The rows of the first footnote-list section found in the end matter. */
function collectReferenceLines(lines: Line[], from: number): Line[] {
  for (const wanted of LIST_HEADINGS) {
    let start = from;
    while (start < lines.length && endHeadingKey(lines[start]?.text ?? '') !== wanted) start++;
    if (start >= lines.length) continue;
    const rows: Line[] = [];
    for (let i = start + 1; i < lines.length; i++) {
      const l = lines[i];
      if (!l || (isEndHeading(l.text) && isHeading(lines, i))) break;
      if (/^\s*\d+\.\s+\S/.test(l.text)) rows.push(l);
    }
    if (rows.length > 0) return rows;
  }
  return [];
}

type TocState = 'off' | 'start' | 'entries';

/** Next state of the contents-skipper, and whether this line belongs to the table of contents. */
function stepToc(state: TocState, t: string): { state: TocState; skip: boolean } {
  if (/^Contents$/i.test(t)) return { state: 'start', skip: true };
  if (state === 'off') return { state, skip: false };
  if (FURNITURE.test(t)) return { state, skip: true };
  // A copied table of contents lists `1 History`, `1.1 …`; a heading like `2023 war` is not one.
  if (state === 'start' ? /^1\s/.test(t) : TOC_ENTRY.test(t)) return { state: 'entries', skip: true };
  return { state: 'off', skip: false };
}

/** The body: paragraphs under their headings, and the index of the line where the end matter starts. */
function collectParagraphs(lines: Line[], from: number): { paragraphs: Paragraph[]; end: number } {
  const paragraphs: Paragraph[] = [];
  let section = '';
  let fileLines: string[] = [];
  let toc: TocState = 'off';
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const t = line?.text.trim() ?? '';
    if (!line || t === '') continue;
    if (isEndHeading(t)) break;
    const step = stepToc(toc, t);
    toc = step.state;
    // Tab-separated lines are table rows, not prose.
    if (step.skip || FURNITURE.test(t) || line.text.includes('\t')) continue;
    if (FILE_LINE.test(t)) {
      fileLines = [t, ...fileLines].slice(0, 3);
      continue;
    }
    // The caption stands right under the file line, or repeats its text without the file name.
    if (isUnderFileLine(lines, i) || fileLines.some((f) => f.length > t.length && f.startsWith(t))) continue;
    fileLines = [];
    if (isHeading(lines, i)) section = t;
    else paragraphs.push({ text: line.text, line: line.line, section });
  }
  return { paragraphs, end: i };
}

export function sliceArticle(text: string): ArticleLayout {
  const lines = splitLines(text);
  const titleAt = lines.findIndex((l) => !isBlank(l.text));
  const first = lines[titleAt]?.text.trim() ?? '';
  // A text that opens with `References` (or other end matter) has no title and no body: its rows
  // are the list, not a lead of uncited sentences under a title called "References".
  if (isEndHeading(first)) return { title: '', paragraphs: [], referenceLines: collectReferenceLines(lines, titleAt) };
  const { paragraphs, end } = collectParagraphs(lines, titleAt < 0 ? lines.length : findLeadStart(lines, titleAt + 1));
  return { title: first, paragraphs, referenceLines: collectReferenceLines(lines, end) };
}
