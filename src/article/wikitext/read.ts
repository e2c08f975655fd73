// The `wikitext` reader: paragraphs, list items and cited table cells under their headings; <ref>s numbered as MediaWiki does.
import type { AstNodes, HeadingToken, Token } from 'wikiparser-node';
import { InputError } from '../../errors.js';
import type { ListedReference } from '../../types.js';
import { assembleArticle, blockOf, placer, type ProseBlock } from '../assemble.js';
import type { ArticleReader } from '../formats.js';
import { ProseWriter } from '../prose.js';
import { END_HEADINGS } from '../sections.js';
import { referenceOf } from './cite.js';
import { loadWikiParser, type ParserLoader } from './load.js';
import { WikiRefs } from './refs.js';
import { plainText, renderNodes, writeSource, type RenderContext } from './render.js';

interface Walk {
  ctx: RenderContext;
  source: string;
  blocks: ProseBlock[];
  notes: ProseBlock[];
  section: string;
  endMatter: boolean;
  writer: ProseWriter;
  inListItem: boolean;
}

function flush(walk: Walk, end: number): void {
  if (!walk.writer.blank || walk.writer.markers.length > 0) walk.blocks.push(blockOf(walk.writer, walk.section, end));
  walk.writer = new ProseWriter();
  walk.inListItem = false;
}

/** Text at the top level: a blank line ends a paragraph, a line end ends a list item, else it is a space. */
function topText(data: string, at: number, walk: Walk): void {
  let from = 0;
  for (let i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) {
    const lineEnd = walk.source.indexOf('\n', at + i + 1);
    const nextLine = walk.source.slice(at + i + 1, lineEnd < 0 ? walk.source.length : lineEnd);
    if (walk.inListItem || nextLine.trim() === '') {
      writeSource(walk.writer, data.slice(from, i), at + from);
      flush(walk, at + i);
      from = i + 1;
    }
  }
  writeSource(walk.writer, data.slice(from), at + from);
}

/** A table is data; a cell that cites something is prose (one paragraph per cell). */
function walkTable(table: Token, walk: Walk): void {
  for (const cell of table.querySelectorAll('td')) {
    const inner = cell.childNodes.find((c) => c.type === 'td-inner');
    if (!inner || inner.type === 'text') continue;
    const writer = new ProseWriter();
    renderNodes(inner.childNodes, writer, walk.ctx);
    if (writer.markers.length > 0) walk.blocks.push(blockOf(writer, walk.section, inner.getAbsoluteIndex() + inner.toString().length));
  }
}

function walkTop(nodes: readonly AstNodes[], walk: Walk): void {
  for (const node of nodes) {
    const at = node.getAbsoluteIndex();
    if (node.type === 'text') {
      if (!walk.endMatter) topText(node.data, at, walk);
      continue;
    }
    if (node.type === 'heading' || node.type === 'list' || node.type === 'table' || node.type === 'hr') flush(walk, at);
    if (node.type === 'heading') {
      walk.section = plainText((node as HeadingToken).childNodes.slice(0, 1), walk.ctx);
      walk.endMatter = END_HEADINGS.has(walk.section.toLowerCase());
    } else if (node.type === 'list') {
      walk.inListItem = true;
    } else if (node.type === 'table') {
      if (walk.endMatter) renderNodes([node], walk.ctx.silent, walk.ctx);
      else walkTable(node, walk);
    } else {
      // In the end matter (References, External links…) nothing is prose; the refs and lists still count.
      renderNodes([node], walk.endMatter ? walk.ctx.silent : walk.writer, walk.ctx);
    }
  }
  flush(walk, walk.source.length);
}

/** The title: {{DISPLAYTITLE}}, else the bold words of the lead (`The '''Grey Point Lighthouse''' is…`), else the file name. */
function titleOf(root: Token, path: string, ctx: RenderContext): string {
  const display = root.querySelectorAll('magic-word').find((m) => m.name === 'displaytitle');
  if (display) return plainText(display.childNodes.slice(1), ctx);
  const lead: AstNodes[] = [];
  let bold = false;
  for (const node of root.childNodes) {
    if (node.type === 'heading') break;
    if (node.type === 'quote' && node.toString().length >= 3) {
      if (bold && lead.length > 0) return plainText(lead, ctx);
      bold = !bold;
    } else if (bold) lead.push(node);
  }
  return path.replace(/^.*[\\/]/u, '').replace(/\.[^.]*$/u, '');
}

/**
 * Fills wikiparser-node's offset cache top-down, one pass over each node's children: asked one by
 * one, getAbsoluteIndex() walks all earlier siblings every time (quadratic on a long article).
 */
function cacheOffsets(node: AstNodes): void {
  if (node.type === 'text' || node.childNodes.length === 0) return;
  node.getAbsoluteIndex();
  node.getRelativeIndex(node.childNodes.length);
  for (const child of node.childNodes) cacheOffsets(child);
}

/** Markers outside prose count as uses of their references but make no claims. */
const markersOnly = (writer: ProseWriter): ProseBlock => ({ section: '', lifted: { clean: '', rawAt: () => 0, groups: [] }, markers: writer.markers });

export function makeWikitextReader(load: ParserLoader = loadWikiParser): ArticleReader {
  return async ({ text, path }) => {
    const parser = await load();
    const root = parser.parse(text);
    cacheOffsets(root);
    const refs = new WikiRefs();
    const notes: ProseBlock[] = [];
    const ctx: RenderContext = {
      refs,
      silent: new ProseWriter(),
      onNote: (content, label) => {
        const writer = new ProseWriter();
        renderNodes([content], writer, ctx);
        notes.push({ ...blockOf(writer, `Notes (${label})`, content.getAbsoluteIndex() + content.toString().length), note: true });
      },
    };
    const walk: Walk = { ctx, source: text, blocks: [], notes, section: '', endMatter: false, writer: new ProseWriter(), inListItem: false };
    walkTop(root.childNodes, walk);
    refs.numberUnused();
    const place = placer(text);
    const references: ListedReference[] = [...refs.bodies].map(([id, body]) =>
      referenceOf(id, body, place('content' in body ? body.content.getAbsoluteIndex() : body.at).line, ctx));
    if (root.childNodes.length === 0) throw new InputError(`cannot use ${path}: no wikitext`, 'check the file');
    return assembleArticle({ path, format: 'wikitext', title: titleOf(root, path, ctx), source: text,
      blocks: [...walk.blocks, ...notes, markersOnly(ctx.silent)], references });
  };
}

export const readWikitext: ArticleReader = makeWikitextReader();
