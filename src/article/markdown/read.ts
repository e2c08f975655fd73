// The `markdown` reader: GFM footnotes (remark-parse + remark-gfm), headings as sections, links as citations on demand.
import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ListedReference } from '../../types.js';
import { assembleArticle, blockOf, placer, type ProseBlock } from '../assemble.js';
import type { ArticleReader } from '../formats.js';
import { classifyUrls, referenceFromNote } from '../note-text.js';
import { ProseWriter } from '../prose.js';
import { splitFrontMatter } from './front-matter.js';
import { phrasingText, writePhrasing, type InlineContext } from './inline.js';
import { FootnoteNumbers } from '../numbering.js';
import { footnoteLabel, numberCalls } from './numbering.js';

const startOf = (n: Nodes) => n.position?.start.offset ?? 0;
const endOf = (n: Nodes) => n.position?.end.offset ?? 0;

/** Plain text of any node; links add their URL to `urls`. */
function plain(node: Nodes, urls: string[], definitions: ReadonlyMap<string, string>): string {
  if (node.type === 'link') urls.push(node.url);
  if (node.type === 'linkReference') {
    const url = definitions.get(node.identifier);
    if (url) urls.push(url);
  }
  if ('value' in node) return node.type === 'html' || node.type === 'code' ? '' : node.value;
  if (!('children' in node)) return '';
  return node.children.map((c: Nodes) => plain(c, urls, definitions)).join(node.type === 'footnoteDefinition' ? ' ' : '');
}

function noteReference(def: FootnoteDefinition, id: number, ctx: InlineContext): ListedReference {
  const urls: string[] = [];
  const text = plain(def, urls, ctx.definitions);
  // `[Title](https://…)`: the link's words are the title when the note quotes none.
  const first = def.children[0];
  const link = first?.type === 'paragraph' ? first.children.find((c) => c.type === 'link') : undefined;
  const label = link ? phrasingText(link.children) : '';
  const title = link && label !== link.url && !/^https?:/iu.test(label) && !/["“]/u.test(text) ? label : undefined;
  return referenceFromNote({ id, line: ctx.place(startOf(def)).line, text, urls, label: def.label ?? def.identifier,
    ...(title ? { title } : {}) });
}

interface Walk {
  ctx: InlineContext;
  blocks: ProseBlock[];
  section: string;
  title?: string;
}

function walkBlocks(nodes: readonly Nodes[], walk: Walk, inList = false): void {
  for (const node of nodes) {
    if (node.type === 'heading') {
      const text = phrasingText(node.children).trim();
      // The first heading is the title unless front matter gave one; a heading repeating it is no section.
      if (walk.title === undefined) walk.title = text;
      else if (text !== walk.title) walk.section = text;
    } else if (node.type === 'paragraph' || node.type === 'tableCell') {
      const writer = new ProseWriter();
      writePhrasing(node.children, writer, walk.ctx);
      // List items and table cells are prose only when they cite something (`| 1920 |` is data, not a sentence).
      if ((node.type === 'paragraph' && !inList) || writer.markers.length > 0) walk.blocks.push(blockOf(writer, walk.section, endOf(node)));
    } else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote'
      || node.type === 'table' || node.type === 'tableRow') {
      walkBlocks(node.children, walk, inList || node.type === 'list');
    }
    // code, html, definitions, footnote definitions, thematic breaks: not prose
  }
}

function collect(root: Root): { definitions: Map<string, string>; notes: Map<string, FootnoteDefinition> } {
  const definitions = new Map<string, string>();
  const notes = new Map<string, FootnoteDefinition>();
  const visit = (node: Nodes): void => {
    // The first definition of a label wins (CommonMark, GFM).
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    if (node.type === 'footnoteDefinition' && !notes.has(node.identifier)) notes.set(node.identifier, node);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(root);
  return { definitions, notes };
}

export const readMarkdown: ArticleReader = ({ text, path }, options) => {
  const front = splitFrontMatter(text);
  const root = unified().use(remarkParse).use(remarkGfm).parse(front.body);
  const { definitions, notes } = collect(root);
  const numbers = new FootnoteNumbers();
  numberCalls(root, numbers);
  const ctx: InlineContext = { source: front.body, numbers, definitions, linksAsCitations: options.linksAsCitations === true, place: placer(text) };
  const walk: Walk = { ctx, blocks: [], section: '', ...(front.title !== undefined ? { title: front.title } : {}) };
  walkBlocks(root.children, walk);
  const references: ListedReference[] = [];
  for (const [identifier, def] of notes) {
    // An unused definition is not rendered by GFM; it is still listed so the self-check can say so.
    const id = numbers.footnote(identifier, footnoteLabel(def.label ?? identifier));
    references.push(noteReference(def, id, ctx));
  }
  for (const [id, link] of numbers.links) {
    references.push({ id, uses: 0, title: link.text, line: ctx.place(link.offset).line, raw: link.url, ...classifyUrls([link.url]) });
  }
  return assembleArticle({ path, format: 'markdown', title: walk.title ?? '', source: text, blocks: walk.blocks,
    references, findings: numbers.findings, labels: numbers.labels });
};
