// The slice of the DOM the page stage uses, linkedom parsing, and a block-aware text walk.
import { parseHTML } from 'linkedom';

// linkedom's typings point at lib.dom, which this project does not load; these structural
// interfaces name exactly what we call, so the compiler still checks our side.
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  innerHTML: string;
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  cloneNode(deep: boolean): DomDocument;
}

/** A node as linkedom stores it: a parent's descendants are one linked list in document order. */
interface Listed {
  nodeType: number;
  localName?: string;
  [link: symbol]: Listed | undefined;
}

/** linkedom's private `next` and `end` symbols, found on the first node asked about (null if absent). */
let links: { next: symbol; end: symbol } | null | undefined;

function linksOf(node: object): { next: symbol; end: symbol } | null {
  if (links === undefined) {
    const own = Object.getOwnPropertySymbols(node);
    const next = own.find((s) => s.description === 'next');
    const end = own.find((s) => s.description === 'end');
    links = next && end ? { next, end } : null;
  }
  return links;
}

/** Tag names lower-cased once each (pages may invent any number of custom element names: bounded). */
const lowerCased = new Map<string, string>();
function lower(name: string): string {
  const known = lowerCased.get(name);
  if (known !== undefined) return known;
  if (lowerCased.size > 4096) lowerCased.clear();
  const low = name.toLowerCase();
  lowerCased.set(name, low);
  return low;
}

/**
 * The descendants of `root` that pass `test`, in document order, outside `<template>` contents:
 * what `querySelectorAll(selector)` returns for the selector `test` stands for. linkedom answers
 * selectors through a CSS selector engine; one pass over its node list is several times cheaper.
 */
function elementsWhere(root: Pick<DomDocument, 'querySelectorAll'>, selector: string, test: (node: Listed) => boolean): DomElement[] {
  const sym = linksOf(root);
  // should a linkedom release rename its links: the selector engine, slower, same answer
  if (!sym) return [...root.querySelectorAll(selector)];
  const found: Listed[] = [];
  const start = root as unknown as Listed;
  const end = start[sym.end];
  for (let node = start[sym.next]; node && node !== end; node = node[sym.next]) {
    if (node.nodeType !== 1) continue;
    if (test(node)) found.push(node);
    if (node.localName === 'template') node = node[sym.end] ?? node;
  }
  return found as unknown as DomElement[];
}

/**
 * The descendants of `root` named one of `tags`: `querySelectorAll('a,b')` (`getElementsByTagName`
 * upper-cases every name it passes). Readability asks ~20 times per page; the head's look-ups too.
 */
export function elementsByTag(root: Pick<DomDocument, 'querySelectorAll'>, tags: string | readonly string[]): DomElement[] {
  const names = typeof tags === 'string' ? [tags] : tags;
  const wanted = new Set(names.map(lower));
  return elementsWhere(root, names.join(','), (node) => wanted.has(lower(node.localName ?? '')));
}

/** The descendants of `root` whose attribute `name` is exactly `value`: `querySelectorAll('[name="value"]')`. */
export function elementsWithAttribute(root: Pick<DomDocument, 'querySelectorAll'>, name: string, value: string): DomElement[] {
  return elementsWhere(root, `[${name}="${value}"]`, (node) => (node as unknown as DomElement).getAttribute(name) === value);
}

export function parseDocument(html: string): DomDocument {
  // linkedom builds no <html>/<body> around a fragment (a bare string has no documentElement at
  // all and `body` throws), unlike a browser; give fragments the skeleton a browser would.
  const whole = /<html[\s>]/i.test(html) ? html : `<html><head></head><body>${html}</body></html>`;
  const parsed: { document: DomDocument } = parseHTML(whole);
  return parsed.document;
}

/** Elements whose content is never shown as text. */
export const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'HEAD', 'TITLE', 'OBJECT', 'CANVAS', 'SELECT', 'DATALIST']);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD',
  'TR', 'UL', 'OPTION', 'LEGEND', 'MENU',
]);

function isHidden(el: DomElement): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none/i.test(style);
}

function isElement(node: DomNode): node is DomElement {
  return node.nodeType === 1;
}

// Block boundaries are marked with U+0001 while walking, so one whitespace pass at the end can
// collapse source newlines (just spaces in HTML) without touching the breaks we put in.
const BREAK = '\u0001';

/** Whitespace collapsed, one line per block, empty lines dropped. */
function finishText(raw: string): string {
  return raw
    // every whitespace run to one space: a lone space is left alone (as fast as matching only the rest)
    .replace(/[^\S ]\s*|\s{2,}/g, ' ')
    .split(BREAK)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Pushes an element's children so that the first child pops first, without a per-node array. */
function pushChildren(stack: (DomNode | 'break')[], node: DomNode): void {
  const mark = stack.length;
  for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
  for (let i = mark, j = stack.length - 1; i < j; i++, j--) {
    const swap = stack[i];
    stack[i] = stack[j] ?? 'break';
    stack[j] = swap ?? 'break';
  }
}

/**
 * Visible text with a `\n` at every block boundary. textContent glues `said.</p><p>The` into
 * `said.The`, which breaks sentence splitting downstream (field-notes §4.1), hence this walk.
 * Iterative, so deeply nested markup cannot overflow the stack; one growing string, since an
 * array of pieces doubled the garbage-collection time on a 5 MB page (bench/extract.ts).
 */
export function collectBlockText(root: DomNode, skip: ReadonlySet<string> = INVISIBLE_TAGS): string {
  let out = '';
  // 'break' closes a block element after its children.
  const stack: (DomNode | 'break')[] = [root];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === 'break') {
      out += BREAK;
    } else if (item.nodeType === 3) {
      out += item.nodeValue ?? '';
    } else if (isElement(item)) {
      const name = item.nodeName.toUpperCase();
      if (skip.has(name) || isHidden(item)) continue;
      if (name === 'BR') out += BREAK;
      else if (name === 'PRE') out += `${BREAK}${(item.textContent ?? '').replace(/\r?\n/g, BREAK)}${BREAK}`;
      else {
        if (name === 'TD' || name === 'TH' || name === 'IMG') out += ' ';
        if (BLOCK_TAGS.has(name)) {
          out += BREAK;
          stack.push('break');
        }
        pushChildren(stack, item);
      }
    } else if (item.nodeType === 9 || item.nodeType === 11) {
      pushChildren(stack, item);
    }
  }
  return finishText(out);
}

/** Collapses runs of spaces inside lines and drops empty lines. */
export function tidyText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Whether a UTF-16 code unit is whitespace as a regular expression's `\s` has it. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Counts whitespace-separated words (`\S+` runs), stopping early once `cap` is passed (thresholds
 * are small). A loop over char codes: `\S+` matched one by one made an array per word (0.2 ms of a news page).
 */
export function countWords(text: string, cap = Number.POSITIVE_INFINITY): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord && ++count > cap) return count;
    inWord = !space;
  }
  return count;
}
