// measureDepth's scan by hand gives the depth the regular-expression tokenizer it replaced gave, on any text.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureDepth } from '../src/page/depth.js';

// The tokenizer measureDepth used before (kept here as the reference answer): one regex match per token.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'frame', 'basefont', 'bgsound']);
const FLAT = new Set([...VOID, 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'rtc', 'html', 'head', 'body']);
const FOREIGN = new Set(['svg', 'math']);
const HTML_INSIDE_FOREIGN = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>?|<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>?/g;

function referenceDepth(html: string, stopAt = Infinity): number {
  const stack: string[] = [];
  const foreign = [false];
  let max = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (name === undefined) continue;
    if (m[1] === '/') {
      if ((FOREIGN.has(name) || HTML_INSIDE_FOREIGN.has(name)) && foreign.length > 1) foreign.pop();
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = close.exec(html)?.index ?? html.length;
      continue;
    }
    if (VOID.has(name)) continue;
    if (FOREIGN.has(name)) foreign.push(true);
    else if (HTML_INSIDE_FOREIGN.has(name)) foreign.push(false);
    if (FLAT.has(name) || (foreign.at(-1) === true && /\/\s*$/.test(m[3] ?? ''))) continue;
    stack.push(name);
    if (stack.length > max) max = stack.length;
    if (max > stopAt) break;
  }
  return max;
}

function htmlFiles(dir: URL): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory()
    ? htmlFiles(new URL(`${e.name}/`, dir))
    : e.name.endsWith('.html') ? [readFileSync(new URL(e.name, dir), 'utf8')] : []);
}

const PIECES = ['<', '>', '/', '!', '?', '-', '--', '"', "'", '=', ' ', '\n', '\u00a0', '\u2003', 'a', 'B', 'div', 'DIV', 'svg', 'path',
  'script', 'title', 'span', 'p', 'img', 'mi', '[CDATA[', ']]', '<!--', '-->', '</', '<div>', '</div>', '<svg>', '<g/>', '<span class="a>b">', "<b title='x'>", '\u0000', '\ud83d\ude00'];

describe('measureDepth against the regular-expression tokenizer it replaced', () => {
  it('agrees on every fixture page', () => {
    const pages = htmlFiles(new URL('./fixtures/', import.meta.url));
    expect(pages.length).toBeGreaterThan(40);
    for (const html of pages) expect(measureDepth(html)).toBe(referenceDepth(html));
  });

  it('agrees on 4,000 random strings of markup pieces, also when stopping early', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    let deep = 0;
    for (let n = 0; n < 4000; n++) {
      const html = Array.from({ length: next() % 60 }, () => PIECES[next() % PIECES.length]).join('');
      const depth = referenceDepth(html);
      if (depth > 2) deep += 1;
      expect(measureDepth(html), JSON.stringify(html)).toBe(depth);
      expect(measureDepth(html, 1), JSON.stringify(html)).toBe(referenceDepth(html, 1));
    }
    expect(deep).toBeGreaterThan(100);
  });
});
