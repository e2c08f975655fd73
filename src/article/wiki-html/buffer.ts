// A prose block's text as the claim splitter reads it, with the source offset of every character.
import type { Text } from 'domhandler';
import type { WikiMarker } from './markers.js';

export interface TextBuffer {
  /** Decoded text; markers written `[n]` (numbered) or `[a]` (a note, which cites nothing). */
  text: string;
  /** offsets[i] = offset in the HTML file of text[i]. */
  offsets: number[];
  /** True once a numbered reference's marker is in the block. */
  numbered: boolean;
}

export const createBuffer = (): TextBuffer => ({ text: '', offsets: [], numbered: false });

export function appendRaw(buffer: TextBuffer, text: string, offset: number): void {
  buffer.text += text;
  for (let i = 0; i < text.length; i++) buffer.offsets.push(offset);
}

/** The claim splitter lifts `[n]` as a footnote and `[a]` as a note, exactly as in browser-copied text. */
export function appendMarker(buffer: TextBuffer, marker: WikiMarker, offset: number): void {
  if (marker.ref !== undefined) buffer.numbered = true;
  appendRaw(buffer, marker.ref !== undefined ? `[${marker.ref}]` : '[a]', offset);
}

const ENTITY = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});?/iu;

/**
 * Appends a text node, mapping each decoded character back through entities to its source offset.
 * Works on both parsers' trees: htmlparser2 (start/end indices, end inclusive, CRLF kept) and parse5
 * (`sourceCodeLocation`, end exclusive, CRLF folded to LF), which the docs-html reader uses.
 */
export function appendText(buffer: TextBuffer, html: string, node: Text): void {
  const data = node.data;
  const loc = node.sourceCodeLocation;
  const start = loc ? loc.startOffset : node.startIndex ?? undefined;
  const end = loc ? loc.endOffset : node.endIndex === null ? undefined : node.endIndex + 1;
  buffer.text += data;
  if (start === undefined || end === undefined) {
    for (let i = 0; i < data.length; i++) buffer.offsets.push(buffer.offsets.at(-1) ?? 0);
    return;
  }
  if (end - start === data.length) {
    for (let i = 0; i < data.length; i++) buffer.offsets.push(start + i);
    return;
  }
  let at = start;
  for (let i = 0; i < data.length; i++) {
    if (loc && html[at] === '\r' && html[at + 1] === '\n') at++;
    buffer.offsets.push(Math.min(at, end));
    const entity = html[at] === '&' ? ENTITY.exec(html.slice(at, at + 40)) : null;
    at += entity ? entity[0].length : 1;
  }
}
