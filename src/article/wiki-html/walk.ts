// Walks the article body in reading order: prose blocks with their section, markers as `[n]`, furniture skipped.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { END_HEADINGS } from '../sections.js';
import type { WikiMarker } from './markers.js';
import type { NoteItem } from './notes.js';
import { appendMarker, appendRaw, appendText, createBuffer, type TextBuffer } from './buffer.js';

export interface Block extends TextBuffer {
  section: string;
  /** Explanatory-note text (a note list item): read only for the references nested in it. */
  note: boolean;
}

export interface WalkContext {
  $: CheerioAPI;
  html: string;
  markerOf(el: Element): WikiMarker | undefined;
  notes: Map<string, NoteItem>;
}

// Page furniture that is never article prose (inputs.md §1.7 step 1, §1.6).
const SKIP_TAGS = new Set(['style', 'script', 'link', 'meta', 'noscript', 'figure', 'figcaption', 'caption', 'img',
  'audio', 'video', 'math', 'h1', 'template', 'button', 'input', 'map']);
const SKIP_CLASSES = ['infobox', 'navbox', 'vertical-navbox', 'navbox-styles', 'hatnote', 'dablink', 'rellink', 'thumb',
  'tmulti', 'gallery', 'mw-editsection', 'sidebar', 'metadata', 'ambox', 'ombox', 'tmbox', 'cmbox', 'mbox-small',
  'shortdescription', 'toc', 'mw-empty-elt', 'noprint', 'sistersitebox', 'portalbox', 'side-box', 'authority-control',
  'catlinks', 'printfooter', 'mw-jump-link', 'navigation-not-searchable', 'refbegin', 'mw-cite-backlink',
  'Inline-Template', 'mwe-math-element', 'quotebox', 'mw-headline-number'];
const PROSE_TAGS = new Set(['p', 'li', 'dd', 'td', 'th']);
const HEADING = /^h[2-6]$/;

function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.name)) return true;
  const role = el.attribs['role'];
  if (role === 'navigation' || role === 'note' || /display:\s*none/u.test(el.attribs['style'] ?? '')) return true;
  const cls = el.attribs['class'];
  if (cls === undefined) return false;
  const tokens = cls.split(/\s+/);
  return SKIP_CLASSES.some((c) => tokens.includes(c));
}

function headingText($: CheerioAPI, el: Element): string {
  return $(el).clone().find('.mw-editsection, sup, style').remove().end().text().replace(/\s+/g, ' ').trim();
}

export function collectBlocks(ctx: WalkContext, root: Element): Block[] {
  const { $ } = ctx;
  const blocks: Block[] = [];
  let section = '';
  let endMatter = false;

  const open = (note: boolean): Block => ({ ...createBuffer(), section, note });
  const close = (block: Block, el: Element | undefined) => {
    // Paragraphs always count (their unmarked text is uncited); items and cells only when they cite.
    const citesOnly = block.note || el?.name !== 'p';
    if (citesOnly ? block.numbered : /[\p{L}\p{N}]/u.test(block.text)) blocks.push(block);
  };

  const walkNotes = (ol: Element) => {
    for (const li of $(ol).children('li').toArray()) {
      const item = ctx.notes.get(li.attribs['id'] ?? '');
      if (!item || item.group === '' || !item.content) continue;
      const block = open(true);
      for (const child of item.content.children) visit(child, block);
      close(block, undefined);
    }
  };

  function visit(node: AnyNode, current: Block | undefined): void {
    if (node.type === 'text') {
      if (current) appendText(current, ctx.html, node);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const el = node;
    if (el.name === 'sup' || el.name === 'span') {
      const marker = ctx.markerOf(el);
      if (marker) {
        if (current) appendMarker(current, marker, el.startIndex ?? 0);
        return;
      }
    }
    if (el.name === 'ol' && /\b(?:mw-)?references\b/u.test(el.attribs['class'] ?? '')) return walkNotes(el);
    if (isSkipped(el)) return;
    if (HEADING.test(el.name)) {
      section = headingText($, el);
      if (END_HEADINGS.has(section.toLowerCase())) endMatter = true;
      return;
    }
    if (el.name === 'br') {
      if (current) appendRaw(current, ' ', el.startIndex ?? 0);
      return;
    }
    if (PROSE_TAGS.has(el.name)) {
      if (endMatter) return;
      const block = open(false);
      for (const child of el.children) visit(child, block);
      close(block, el);
      return;
    }
    for (const child of el.children) visit(child, current);
  }

  for (const child of root.children) visit(child, undefined);
  return blocks;
}
