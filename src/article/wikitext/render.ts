// Renders wikitext nodes to the words readers see, with source offsets: links to their text, prose templates to their words, refs to markers.
import type { AstNodes, ExtToken, Token, TranscludeToken } from 'wikiparser-node';
import { ProseWriter } from '../prose.js';
import type { WikiRefs } from './refs.js';
import { isListTemplate, listGroup, proseParts, refTemplate, templateKey, type RefTemplate } from './templates.js';

/** Where rendered words and markers go: a prose paragraph, or plain text (reference parameters). */
export interface Sink {
  text(text: string, offset: number, exact?: boolean): void;
  marker(refs: number[], offset: number): void;
}

export interface RenderContext {
  refs: WikiRefs;
  /** Markers outside prose (infobox, captions) still number references and count as uses. */
  silent: ProseWriter;
  /** An explanatory note's text, read once as prose of its own. */
  onNote(content: AstNodes, label: string): void;
  /** Plain rendering (reference parameters): refs and notes are ignored. */
  plain?: boolean;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', ndash: '–', mdash: '—', amp: '&', quot: '"', apos: '\'', lt: '<', gt: '>', thinsp: ' ', minus: '−' };
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/giu;

function decodeEntity(all: string, name: string): string {
  if (name.startsWith('#')) {
    const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
  }
  return ENTITIES[name.toLowerCase()] ?? all;
}

const decode = (text: string) => text.replace(ENTITY, decodeEntity);

/** Writes source text with its entities decoded, each character at its own offset (an entity's at its `&`). */
export function writeSource(sink: Sink, data: string, at: number): void {
  let from = 0;
  for (const m of data.matchAll(ENTITY)) {
    sink.text(data.slice(from, m.index), at + from);
    sink.text(decodeEntity(m[0], m[1] ?? ''), at + m.index, false);
    from = m.index + m[0].length;
  }
  sink.text(data.slice(from), at + from);
}

// Containers whose children are rendered as they stand.
const TRANSPARENT = new Set(['parameter-value', 'link-text', 'ext-link-text', 'td-inner', 'ext-inner', 'heading-title',
  'link-target', 'converter', 'converter-rule', 'converter-rule-to', 'image-parameter', 'root', 'plain']);
// Never prose, and never a place references hide in.
const NOTHING = new Set(['comment', 'noinclude', 'include', 'onlyinclude', 'double-underscore', 'hr', 'quote', 'list',
  'dd', 'html', 'arg', 'hidden', 'ext-attrs', 'table-syntax', 'parameter-key', 'template-name', 'magic-word-name']);

function writeRef(spec: RefTemplate, at: number, sink: Sink, ctx: RenderContext): void {
  if (ctx.plain) return;
  if (spec.group !== '') {
    const { label, first } = ctx.refs.note(spec.group, spec.name, spec.content !== undefined);
    sink.marker([], at);
    if (first && spec.content) ctx.onNote(spec.content, label);
    return;
  }
  if (spec.names) {
    sink.marker(spec.names.map((name) => ctx.refs.cite(name, undefined)), at);
    return;
  }
  const body = spec.short !== undefined ? { short: spec.short, at } : spec.content ? { content: spec.content } : undefined;
  const name = spec.short !== undefined ? `\u0000sfn:${spec.short}` : spec.name;
  sink.marker([ctx.refs.cite(name, body)], at);
}

function attr(ext: ExtToken, key: string): string | undefined {
  const v = ext.getAttr(key);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** `<ref>` in the text: a marker; `<references>`: list-defined bodies; `<nowiki>`: its text; others dropped. */
function renderExt(ext: ExtToken, sink: Sink, ctx: RenderContext): void {
  const at = ext.getAbsoluteIndex();
  const inner = ext.lastChild;
  if (ext.name === 'ref') {
    const hasBody = !ext.selfClosing && (ext.innerText ?? '').trim() !== '';
    const name = attr(ext, 'name');
    writeRef({ group: attr(ext, 'group') ?? '', ...(name ? { name } : {}), ...(hasBody ? { content: inner } : {}) }, at, sink, ctx);
  } else if (ext.name === 'references') {
    defineListed(inner.childNodes, ctx, attr(ext, 'group') ?? '');
  } else if (ext.name === 'nowiki') {
    sink.text(decode(ext.innerText ?? ''), at, false);
  }
}

/** Bodies of list-defined references: `<ref name=x>…</ref>` inside `<references>` or `refs=`. */
export function defineListed(nodes: readonly AstNodes[], ctx: RenderContext, groupOf = ''): void {
  for (const node of nodes) {
    if (node.type === 'text') continue;
    const note = node.is<TranscludeToken>('template') ? refTemplate(templateKey(node), node) : undefined;
    if (note?.name !== undefined && note.group !== '' && note.content) {
      // `{{notelist|refs={{efn|name=x|…}}}}`: a list-defined note's text.
      const label = ctx.refs.listedNote(note.group, note.name);
      if (label !== undefined) ctx.onNote(note.content, label);
      continue;
    }
    if (!node.is<ExtToken>('ext') || node.name !== 'ref') {
      defineListed(node.childNodes, ctx, groupOf);
      continue;
    }
    const ext = node;
    const name = attr(ext, 'name');
    const group = attr(ext, 'group') ?? groupOf;
    if (name === undefined || ext.selfClosing) continue;
    if (group === '') {
      ctx.refs.define(name, ext.lastChild);
      continue;
    }
    const label = ctx.refs.listedNote(group, name);
    if (label !== undefined) ctx.onNote(ext.lastChild, label);
  }
}

function renderTemplate(t: TranscludeToken, sink: Sink, ctx: RenderContext): void {
  const key = templateKey(t);
  const at = t.getAbsoluteIndex();
  const parts = proseParts(key, t);
  if (parts) {
    for (const part of parts) {
      if ('text' in part) sink.text(part.text, at, false);
      else renderNodes(part.value.lastChild.childNodes, sink, ctx);
    }
    return;
  }
  const ref = refTemplate(key, t);
  if (ref) return writeRef(ref, at, sink, ctx);
  const refs = isListTemplate(key) ? t.getArg('refs') : undefined;
  if (refs && !ctx.plain) return defineListed(refs.childNodes, ctx, listGroup(key, t));
  // Infobox, navbox, hatnote, {{citation needed}}, …: not prose, but their refs still count.
  if (!ctx.plain) renderNodes(t.childNodes, ctx.silent, ctx);
}

export function renderNodes(nodes: readonly AstNodes[], sink: Sink, ctx: RenderContext): void {
  for (const node of nodes) renderNode(node, sink, ctx);
}

function renderNode(node: AstNodes, sink: Sink, ctx: RenderContext): void {
  if (node.type === 'text') {
    writeSource(sink, node.data, node.getAbsoluteIndex());
    return;
  }
  const token: Token = node;
  const type = token.type;
  if (type === 'html' && token.name === 'br') return sink.text(' ', token.getAbsoluteIndex(), false);
  if (NOTHING.has(type)) return;
  if (TRANSPARENT.has(type)) return renderNodes(token.childNodes, sink, ctx);
  switch (type) {
    case 'template':
    case 'magic-word':
      if (token.is<TranscludeToken>(type)) renderTemplate(token, sink, ctx);
      return;
    case 'ext':
      if (token.is<ExtToken>('ext')) renderExt(token, sink, ctx);
      return;
    case 'link': {
      const label = token.childNodes[1];
      return renderNodes(label ? [label] : token.childNodes.slice(0, 1), sink, ctx);
    }
    case 'ext-link': {
      const label = token.childNodes[1];
      if (label) renderNodes([label], sink, ctx);
      return;
    }
    case 'free-ext-link':
    case 'magic-link':
      sink.text(token.toString(), token.getAbsoluteIndex());
      return;
    default: // files, categories, tables and headings out of place, galleries: not prose, refs still count
      if (!ctx.plain) renderNodes(token.childNodes, ctx.silent, ctx);
  }
}

/** Plain text of nodes (a citation parameter, a heading): refs and notes ignored. */
export function plainText(nodes: readonly AstNodes[], ctx: RenderContext): string {
  let out = '';
  const sink: Sink = { text: (t) => { out += t; }, marker: () => undefined };
  renderNodes(nodes, sink, { ...ctx, plain: true });
  return out.replace(/\s+/gu, ' ').trim();
}
