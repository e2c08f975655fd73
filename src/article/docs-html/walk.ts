// Walks a docs page's article in reading order: paragraphs, cited list items and cells, headings as sections; markers and links numbered.
import type { AnyNode, Element } from 'domhandler';
import type { FootnoteNumbers } from '../numbering.js';
import { blockOf, type ProseBlock } from '../assemble.js';
import { ProseWriter } from '../prose.js';
import { appendText, createBuffer } from '../wiki-html/buffer.js';
import type { DocsPage } from './document.js';

const SKIP_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'script', 'style', 'pre', 'noscript', 'template', 'button',
  'form', 'svg', 'img', 'figure', 'iframe', 'video', 'audio', 'math', 'select', 'textarea', 'hr']);
const SKIP_CLASSES = /(?:^|\s)(?:[\w-]*(?:meta|byline)|sr-only|visually-hidden|hash-link|anchor|headerlink|heading-anchor|toc|table-of-contents|breadcrumbs?|pagination|edit-this-page)(?:\s|$)/u;
const BLOCKS = new Set(['p', 'li', 'dd', 'dt', 'td', 'th']);
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tr', 'blockquote', 'details', 'summary']);

export interface DocsWalk {
  page: DocsPage;
  numbers: FootnoteNumbers;
  /** Marker → the key its note is numbered by (the note's id, or the missing fragment). */
  keyOf(marker: Element): { key: string; label: string };
  linksAsCitations: boolean;
  blocks: ProseBlock[];
  section: string;
  title: string;
}

function skipped(el: Element, walk: DocsWalk): boolean {
  if (SKIP_TAGS.has(el.name) || walk.page.containers.includes(el)) return true;
  if (el.attribs['aria-hidden'] === 'true' || el.attribs['hidden'] !== undefined) return true;
  return SKIP_CLASSES.test(el.attribs['class'] ?? '');
}

const startOf = (el: AnyNode) => el.sourceCodeLocation?.startOffset ?? 0;

class Walker {
  private writer = new ProseWriter();
  constructor(private readonly walk: DocsWalk) {}

  private flush(el: AnyNode, always: boolean): void {
    const w = this.writer;
    if ((always && !w.blank) || w.markers.length > 0) {
      this.walk.blocks.push(blockOf(w, this.walk.section, el.sourceCodeLocation?.endOffset ?? startOf(el)));
    }
    this.writer = new ProseWriter();
  }

  node(node: AnyNode): void {
    if (node.type === 'text') {
      const buffer = createBuffer();
      appendText(buffer, this.walk.page.html, node);
      this.writer.mapped(buffer.text, buffer.offsets);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    if (node.type === 'root') return this.children(node.children);
    this.element(node);
  }

  private children(nodes: AnyNode[]): void {
    for (const child of nodes) this.node(child);
  }

  private element(el: Element): void {
    const { walk } = this;
    // Themes put `anchor` classes on headings too (Docusaurus): a heading is read before the skip list.
    if (/^h[1-6]$/u.test(el.name) && !walk.page.containers.includes(el)) return this.heading(el);
    if (skipped(el, walk)) return;
    if (walk.page.markers.has(el)) {
      const { key, label } = walk.keyOf(el);
      this.writer.marker([walk.numbers.footnote(key, label)], startOf(el));
      return;
    }
    if (el.name === 'br') return this.writer.text(' ', startOf(el), false);
    const block = BLOCKS.has(el.name);
    const container = CONTAINERS.has(el.name);
    if (block || container) this.flush(el, true);
    this.children(el.children);
    const href = el.name === 'a' ? el.attribs['href'] ?? '' : '';
    if (walk.linksAsCitations && /^https?:\/\//iu.test(href)) {
      this.writer.sentenceCitation(walk.numbers.link(href, walk.page.$(el).text().trim(), startOf(el)), startOf(el));
    }
    // Paragraphs (and loose text in a container) always count; list items and cells only when they cite.
    if (block || container) this.flush(el, el.name === 'p' || container);
  }

  private heading(el: Element): void {
    this.flush(el, true);
    const heading = this.walk.page.$(el).clone();
    heading.find('.hash-link, .headerlink, .anchor-link, [aria-hidden="true"]').remove();
    const text = heading.text().replace(/[\s\u200b]+/gu, ' ').trim();
    if (text !== this.walk.title) this.walk.section = text;
  }

  finish(el: Element): void {
    this.flush(el, true);
  }
}

export function walkDocs(walk: DocsWalk): void {
  const walker = new Walker(walk);
  walker.node(walk.page.body);
  walker.finish(walk.page.body);
}
