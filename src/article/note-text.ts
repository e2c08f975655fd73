// A reference from a footnote's own text and links (Markdown definitions, rendered notes, plain wikitext refs).
import type { ListedReference } from '../types.js';
import { normaliseDate } from './dates.js';
import { parseReferenceRow } from './references-list.js';
import { splitLinks } from './wiki-html/links.js';

/** Splits a note's links into the source's URL and its archived copy (the archive's original when it is the only link). */
export function classifyUrls(urls: readonly string[]): { url?: string; archiveUrl?: string } {
  const { original, archive } = splitLinks([...urls]);
  return { ...(original ? { url: original } : {}), ...(archive ? { archiveUrl: archive } : {}) };
}

export interface NoteText {
  id: number;
  line: number;
  /** The note's plain text (links as their label or URL). */
  text: string;
  /** Every link target in the note, in order. */
  urls: readonly string[];
  /** The title when the markup says it (a `[Title](url)` link); else it is read from the text. */
  title?: string;
  label?: string;
}

/**
 * Title, publisher, dates and language as the browser-text reader reads a list row
 * (`"Title". Publisher, 2023. Retrieved …`), plus the URL and archive copy from the links.
 */
export function referenceFromNote(note: NoteText): ListedReference {
  let text = note.text;
  for (const u of note.urls) text = text.split(u).join(' ');
  text = text.replace(/<\s*>|\(\s*\)|\[\s*\]/gu, ' ').replace(/\s+/gu, ' ').trim();
  if (note.title && !/["“]/u.test(text)) text = text.replace(note.title, `"${note.title}"`);
  const ref = parseReferenceRow(`1. ${text}`, note.line) ?? { id: note.id, uses: 0, title: '', line: note.line, raw: '' };
  // `Publisher, 2023` is one segment for the row parser: split the trailing date off.
  const tail = ref.publisher ? /^(.*?),\s*([^,]+)$/u.exec(ref.publisher) : null;
  const tailDate = tail?.[2] ? normaliseDate(tail[2]) : undefined;
  if (tail?.[1] && tailDate) {
    ref.publisher = tail[1];
    ref.date ??= tailDate;
  }
  const out: ListedReference = { ...ref, id: note.id, uses: 0, raw: note.text.trim(), ...classifyUrls(note.urls) };
  if (note.title) out.title = note.title;
  if (!out.title) out.title = text.replace(/[.,;\s]+$/u, '');
  if (note.label !== undefined) out.label = note.label;
  return out;
}
