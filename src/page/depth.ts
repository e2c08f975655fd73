// How deep a page's elements nest, measured on the HTML text before any parser sees it.
import { isSpace } from './space.js';

// Elements that never hold children, and those whose end tag a parser implies (`<p>`, `<li>`…):
// neither makes the tree deeper, so neither is counted.
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'param', 'keygen', 'frame', 'basefont', 'bgsound',
]);
const FLAT = new Set([
  ...VOID,
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'rtc',
  'html', 'head', 'body',
]);
/** Where a self-closing slash closes (SVG, MathML) and where HTML resumes inside them (htmlparser2's lists). */
const FOREIGN = new Set(['svg', 'math']);
const HTML_INSIDE_FOREIGN = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Their content is text up to their own end tag: `<div>` inside a script is not an element. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const [BANG, DQUOTE, SQUOTE, SLASH, GT, QUERY] = ['!', '"', "'", '/', '>', '?'].map((c) => c.charCodeAt(0));

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Where a comment, CDATA section, doctype or processing instruction starting at `at` ends. */
function declarationEnd(html: string, at: number): number {
  const [close, from] = html.startsWith('<!--', at) ? ['-->', at + 4] : html.startsWith('<![CDATA[', at) ? [']]>', at + 9] : ['>', at + 2];
  const found = html.indexOf(close, from);
  return found === -1 ? html.length : found + close.length;
}

/** Past a tag's attributes from `at`: up to its `>` (or the end, or a quote never closed), quoted values whole. */
function attributesEnd(html: string, at: number): number {
  let i = at;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (c === GT) break;
    if (c === DQUOTE || c === SQUOTE) {
      const close = html.indexOf(c === DQUOTE ? '"' : "'", i + 1);
      if (close === -1) break;
      i = close + 1;
    } else i += 1;
  }
  return i;
}

/**
 * How deep the elements of `html` nest, by a stack of open tag names (an end tag closes up to its
 * match, as a parser does), without building a tree: linear, so it runs before the parser and
 * Readability, which grow superlinearly with depth. Stops counting once past `stopAt`. As in the
 * parser (linkedom's htmlparser2), `<div/>` opens a div: the slash closes only void elements and,
 * inside SVG or MathML, any element. A scan by hand: a regular expression's match per tag (with its
 * captured name and attributes) was 4 % of reading a news page.
 */
export function measureDepth(html: string, stopAt = Infinity): number {
  const stack: string[] = [];
  const foreign = [false];
  let max = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at)) {
    const next = html.charCodeAt(at + 1);
    if (next === BANG || next === QUERY) {
      at = declarationEnd(html, at); // comment, doctype, CDATA, processing instruction
      continue;
    }
    const nameStart = next === SLASH ? at + 2 : at + 1;
    if (!isLetter(html.charCodeAt(nameStart))) {
      at += 1; // a `<` that starts no tag is text
      continue;
    }
    let nameEnd = nameStart + 1;
    for (let c = html.charCodeAt(nameEnd); nameEnd < html.length && c !== SLASH && c !== GT && !isSpace(c); c = html.charCodeAt(nameEnd)) nameEnd += 1;
    const attrsEnd = attributesEnd(html, nameEnd);
    at = html.charCodeAt(attrsEnd) === GT ? attrsEnd + 1 : attrsEnd;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    if (next === SLASH) {
      if ((FOREIGN.has(name) || HTML_INSIDE_FOREIGN.has(name)) && foreign.length > 1) foreign.pop();
      const open = stack.lastIndexOf(name);
      if (open >= 0) while (stack.length > open) stack.pop(); // (cheaper than setting length)
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = at;
      at = close.exec(html)?.index ?? html.length;
      continue;
    }
    if (VOID.has(name)) continue;
    if (FOREIGN.has(name)) foreign.push(true);
    else if (HTML_INSIDE_FOREIGN.has(name)) foreign.push(false);
    if (FLAT.has(name) || (foreign.at(-1) === true && /\/\s*$/.test(html.slice(nameEnd, attrsEnd)))) continue;
    stack.push(name);
    if (stack.length > max) max = stack.length;
    if (max > stopAt) break;
  }
  return max;
}
