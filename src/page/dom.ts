// The slice of the DOM the page stage uses, linkedom parsing, and word counts of the text read from it (block-text.ts).
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
