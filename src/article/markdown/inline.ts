// Markdown phrasing content → prose: text with exact offsets, footnote calls as markers, links as citations on demand.
import type { PhrasingContent, Text } from 'mdast';
import type { Place } from '../claims.js';
import type { ProseWriter } from '../prose.js';
import type { FootnoteNumbers } from '../numbering.js';
import { footnoteLabel } from './numbering.js';

export interface InlineContext {
  source: string;
  numbers: FootnoteNumbers;
  /** Link reference definitions: identifier → URL. */
  definitions: ReadonlyMap<string, string>;
  linksAsCitations: boolean;
  place: Place;
}

// What GFM leaves as text because no definition matches: `[^x]` and `[text][label]`.
const LEFTOVER = /\[\^([^\]\s]+)\]|\[([^\]]+)\]\[([^\]]*)\]/gu;

const start = (node: { position?: { start: { offset?: number } } }) => node.position?.start.offset ?? 0;
const end = (node: { position?: { end: { offset?: number } } }) => node.position?.end.offset ?? 0;

/** Plain text of phrasing content (a link's label). */
export function phrasingText(nodes: readonly PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n && n.type !== 'html' ? n.value : 'children' in n ? phrasingText(n.children) : '')).join('');
}

function writeText(node: Text, writer: ProseWriter, ctx: InlineContext): void {
  const from = start(node);
  const exact = ctx.source.slice(from, end(node)) === node.value;
  const at = (i: number) => (exact ? from + i : from);
  let cursor = 0;
  for (const m of node.value.matchAll(LEFTOVER)) {
    if (m[1] !== undefined) {
      writer.text(node.value.slice(cursor, m.index), at(cursor), exact);
      writer.marker([ctx.numbers.footnote(m[1].toLowerCase(), footnoteLabel(m[1]))], at(m.index));
      cursor = m.index + m[0].length;
    } else {
      ctx.numbers.findings.push({ kind: 'marker-without-reference', line: ctx.place(at(m.index)).line, message:
        `link reference ${m[0]} has no definition (a definition on the line right after a footnote definition is read as part of it: leave a blank line before it)` });
    }
  }
  writer.text(node.value.slice(cursor), at(cursor), exact);
}

/** Writes inline nodes; a link cited under --links-as-citations cites the sentence it stands in. */
export function writePhrasing(nodes: readonly PhrasingContent[], writer: ProseWriter, ctx: InlineContext): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        writeText(node, writer, ctx);
        break;
      case 'inlineCode': // its words keep the sentence whole; nothing in it is a marker or a link
        writer.text(node.value, start(node), false);
        break;
      case 'break':
        writer.text(' ', start(node), false);
        break;
      case 'footnoteReference':
        writer.marker([ctx.numbers.footnote(node.identifier, footnoteLabel(node.label ?? node.identifier))], start(node));
        break;
      case 'link':
      case 'linkReference': {
        writePhrasing(node.children, writer, ctx);
        const url = node.type === 'link' ? node.url : ctx.definitions.get(node.identifier);
        if (ctx.linksAsCitations && url !== undefined && /^https?:\/\//iu.test(url)) {
          writer.sentenceCitation(ctx.numbers.link(url, phrasingText(node.children), start(node)), start(node));
        }
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'delete':
        writePhrasing(node.children, writer, ctx);
        break;
      default: // html (comments, tags), images: not prose
        break;
    }
  }
}
