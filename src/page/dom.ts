// The slice of the DOM the page stage uses, linkedom parsing, and a block-aware text walk.
import { parseHTML } from 'linkedom';
import { isSpace } from './space.js';

// linkedom's typings point at lib.dom, which this project does not load; these structural
// interfaces name exactly what we call, so the compiler still checks our side.
export interface DomNode {
  nodeType: number;
  nodeName: string;
  /** linkedom's own name for an element (nodeName is it upper-cased in HTML documents). */
  localName?: string;
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
  attributes: ArrayLike<{ name: string; value: string }>;
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

/**
 * `convert` remembered per element name, as names repeat on every page; pages may invent any number
 * of custom names, so the memory is bounded (cleared past 4,096 names).
 */
export function perElementName(convert: (name: string) => string): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    const seen = known.get(name);
    if (seen !== undefined) return seen;
    if (known.size > 4096) known.clear();
    const converted = convert(name);
    known.set(name, converted);
    return converted;
  };
}

/** Element names upper-cased once each. */
const upper = perElementName((name) => name.toUpperCase());

// Block boundaries are marked with U+0001 while walking, so one whitespace pass at the end can
// collapse source newlines (just spaces in HTML) without touching the breaks we put in.
const BREAK = '\u0001';
const SPACE = 0x20;

/**
 * Whitespace collapsed, one line per block, empty lines dropped. Once every whitespace run is one
 * space, a line's edges hold a space at most: each line is cut out with indexOf and one slice
 * (a string per line, trimmed and filtered, cost twice as much).
 */
function finishText(raw: string): string {
  // every whitespace run to one space: a lone space is left alone (as fast as matching only the rest)
  const text = raw.replace(/[^\S ]\s*|\s{2,}/g, ' ');
  let out = '';
  for (let from = 0; from < text.length;) {
    const cut = text.indexOf(BREAK, from);
    const to = cut < 0 ? text.length : cut;
    const start = text.charCodeAt(from) === SPACE ? from + 1 : from;
    const end = to > start && text.charCodeAt(to - 1) === SPACE ? to - 1 : to;
    if (end > start) out += out ? `\n${text.slice(start, end)}` : text.slice(start, end);
    from = to + 1;
  }
  return out;
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
      // nodeName upper-cases localName on every read (HTML documents): upper-casing twice is upper-casing once
      const name = upper(item.localName ?? item.nodeName);
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

/**
 * countWords for collectBlockText's output, whose words are parted by exactly one space or one line
 * break each, none at either end: the separators plus one, found by indexOf (a loop over every
 * character cost ~5× as much on a news page's 18 K characters).
 */
export function countBlockWords(text: string): number {
  if (text.length === 0) return 0;
  let count = 1;
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) count++;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
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
