// The visible text of an element, one line per block: one pass over linkedom's node list (a child-by-child walk without it).
import { perElementName, type DomElement, type DomNode } from './dom.js';
import { END_MARK, linksOf, type Links, type Listed } from './node-list.js';

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

/** Elements read whole by what they add (openingText): what is inside them is not walked. */
function readWhole(name: string): boolean {
  return name === 'BR' || name === 'PRE';
}

/** What an element adds before its content (a block also closes its line after it). */
function openingText(el: DomElement, name: string): string {
  if (name === 'BR') return BREAK;
  if (name === 'PRE') return `${BREAK}${(el.textContent ?? '').replace(/\r?\n/g, BREAK)}${BREAK}`;
  if (name === 'TD' || name === 'TH' || name === 'IMG') return ' '; // none of them a block
  return BLOCK_TAGS.has(name) ? BREAK : '';
}

/** Where the raw text of some elements starts and ends (rawText). */
type Spans = Map<object, [number, number]>;

/**
 * The text with BREAK marks, from `root` (its own element included) to its end mark, in list order:
 * an element left out is jumped over to its end mark, and a block's end mark closes its line.
 * `within`'s elements that the walk enters get their span of the text in `spans`.
 */
function rawText(root: Listed, sym: Links, skip: ReadonlySet<string>, within?: ReadonlySet<object>, spans?: Spans): string {
  let out = '';
  const blockEnds: Listed[] = [];
  const open = new Map<Listed, [object, number]>();
  const stop = root[sym.end] ?? root;
  for (let node: Listed | undefined = root; node;) {
    let last: Listed = node;
    if (node.nodeType === 3) out += (node as unknown as DomNode).nodeValue ?? '';
    else if (node.nodeType === 1) {
      const el = node as unknown as DomElement;
      const name = upper(node.localName ?? el.nodeName);
      const end = node[sym.end] ?? node;
      if (skip.has(name) || isHidden(el)) last = end;
      else {
        const start = out.length;
        const leaveOut = readWhole(name);
        out += openingText(el, name);
        if (leaveOut) last = end;
        else if (BLOCK_TAGS.has(name)) blockEnds.push(end);
        if (within?.has(node)) {
          if (leaveOut) spans?.set(node, [start, out.length]);
          else open.set(end, [node, start]);
        }
      }
    } else if (node.nodeType === END_MARK) {
      if (blockEnds[blockEnds.length - 1] === node) {
        blockEnds.pop();
        out += BREAK;
      }
      const opened = open.size > 0 ? open.get(node) : undefined;
      if (opened) spans?.set(opened[0], [opened[1], out.length]);
    }
    node = last === stop ? undefined : last[sym.next];
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

/** rawText for a DOM without linkedom's node list, or from a root that is no element: child by child, a stack instead of recursion. */
function rawTextByChildren(root: DomNode, skip: ReadonlySet<string>): string {
  let out = '';
  // 'break' closes a block element after its children.
  const stack: (DomNode | 'break')[] = [root];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === 'break') {
      out += BREAK;
    } else if (item.nodeType === 3) {
      out += item.nodeValue ?? '';
    } else if (item.nodeType === 1) {
      const el = item as DomElement;
      const name = upper(el.localName ?? el.nodeName);
      if (skip.has(name) || isHidden(el)) continue;
      out += openingText(el, name);
      if (readWhole(name)) continue;
      if (BLOCK_TAGS.has(name)) stack.push('break');
      pushChildren(stack, item);
    } else if (item.nodeType === 9 || item.nodeType === 11) {
      pushChildren(stack, item);
    }
  }
  return out;
}

/**
 * Visible text with a `\n` at every block boundary. textContent glues `said.</p><p>The` into
 * `said.The`, which breaks sentence splitting downstream (field-notes §4.1), hence this walk.
 * Iterative, so deeply nested markup cannot overflow the stack; one growing string, since an
 * array of pieces doubled the garbage-collection time on a 5 MB page (bench/extract.ts).
 */
export function collectBlockText(root: DomNode, skip: ReadonlySet<string> = INVISIBLE_TAGS): string {
  const sym = root.nodeType === 1 ? linksOf(root) : null;
  return finishText(sym ? rawText(root as unknown as Listed, sym, skip) : rawTextByChildren(root, skip));
}

/** A text and, for elements inside the element it was read from, theirs. */
export interface TextWithin {
  text: string;
  /** collectBlockText(el) for an element of `within` the walk entered; undefined for the others. */
  within(el: object): string | undefined;
}

/**
 * collectBlockText of `root`, and of the elements of `within` below it, from one walk: an element's
 * text is the stretch of the walk's raw text between its start and its end mark.
 */
export function collectBlockTextWithin(root: DomNode, within: ReadonlySet<object>): TextWithin {
  const sym = root.nodeType === 1 ? linksOf(root) : null;
  if (!sym) return { text: collectBlockText(root), within: () => undefined };
  const spans: Spans = new Map();
  const raw = rawText(root as unknown as Listed, sym, INVISIBLE_TAGS, within, spans);
  return {
    text: finishText(raw),
    within: (el) => {
      const span = spans.get(el);
      return span && finishText(raw.slice(span[0], span[1]));
    },
  };
}
