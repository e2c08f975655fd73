// Readability's steps shadowed by cheaper ones (readability-steps.ts) leave the article Readability's own steps leave; block text joins lines and counts words as before.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { collectBlockText } from '../src/page/block-text.js';
import { countBlockWords, countWords, parseDocument, type DomNode } from '../src/page/dom.js';
import { takeCensus } from '../src/page/lookups.js';
import { fasterSteps, knowDocument } from '../src/page/readability-steps.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'pages');

/** Pages that reach every shadowed branch: images with and without sources, noscript images, lone-cell tables, lazy figures, an h1 in the article. */
const CRAFTED = [
  `<html><body><article><h1>Title here</h1><p>${'Some text about the council and its budget, with commas, '.repeat(12)}</p>
   <img alt="placeholder"><img data-lazy="/a/b.png"><img class="x" src="/real.jpg">
   <img alt="p2"><noscript><img src="/from-noscript.jpg" alt="real"></noscript>
   <table><tbody><tr><td>${'A lone cell holding a paragraph of text, long enough. '.repeat(8)}</td></tr></tbody></table>
   <figure data-src="/lazy.jpg"><figcaption>A figure</figcaption></figure>
   <form><input value="x"></form><ul><li>one</li><li>two</li></ul><aside>aside text</aside>
   <div class="share">share this</div><p>${'Closing paragraph of the piece, still about the budget. '.repeat(10)}</p></article></body></html>`,
  `<html><body><div id="main"><h2>Sub</h2><p>${'Text without an article element, just divs and paragraphs. '.repeat(15)}</p>
   <iframe src="https://www.youtube.com/embed/x"></iframe><object data="/x.swf"></object><embed src="/y">
   <div><br><br>${'Loose text with line breaks, a comma, and more words here. '.repeat(10)}</div>
   <footer>footer text</footer></div></body></html>`,
  `<html><body><article><p>${'A paragraph among images, some without any source at all. '.repeat(12)}</p>
   <p><img alt="no source"><img data-x="/pic.webp"><img srcset="/a.jpg 1x"></p><p>${'The article goes on after the images. '.repeat(10)}</p></article></body></html>`,
];

function fixturePages(): string[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).sort().map((f) => readFileSync(path.join(FIXTURES, f), 'utf8'));
}

/** Readability's article HTML, with its own steps or with the stand-ins, told the document's element names or not (classes kept, as main.ts reads it). */
function article(html: string, faster: boolean, census = false): string {
  const doc = parseDocument(html);
  const reader = new Readability<DomNode>(doc, { serializer: (node: DomNode) => node, keepClasses: true });
  if (faster) Object.assign(reader, fasterSteps());
  if (census) knowDocument(reader, takeCensus(doc, ['script', 'style', 'img'], ['itemprop', 'articleBody']));
  const content = reader.parse()?.content;
  return content && 'innerHTML' in content && typeof content.innerHTML === 'string' ? content.innerHTML : '';
}

describe('Readability with the stand-in steps', () => {
  it('shadows the steps it names, each one Readability still has', () => {
    expect(Object.keys(fasterSteps()).sort()).toEqual(['_getAllNodesWithTag', '_grabArticle', '_prepArticle', '_unwrapNoscriptImages']);
  });

  it.each(CRAFTED.map((html, i) => [i, html]))('crafted page %i: the same article as its own steps give', (_, html) => {
    const expected = article(html, false);
    expect(expected.length).toBeGreaterThan(200);
    expect(article(html, true)).toBe(expected);
    expect(article(html, true, true)).toBe(expected);
  });

  it('every fixture page: the same article as its own steps give', () => {
    const pages = fixturePages();
    expect(pages.length).toBeGreaterThan(20);
    for (const html of pages) expect(article(html, true)).toBe(article(html, false));
  });

  it('every fixture page: the same article when told what a census of the document found', () => {
    const pages = fixturePages();
    const named = pages.filter((html) => takeCensus(parseDocument(html), [], ['itemprop', 'articleBody']).names !== undefined);
    expect(named.length).toBeGreaterThan(20);
    for (const html of named) expect(article(html, true, true)).toBe(article(html, false));
  });
});

/** The block-text finish as it was: whitespace runs to one space, split at breaks, lines trimmed, empty ones dropped. */
function finishByLines(raw: string): string {
  return raw.replace(/[^\S ]\s*|\s{2,}/g, ' ').split('\u0001').map((l) => l.trim()).filter((l) => l.length > 0).join('\n');
}

describe('collectBlockText line joining', () => {
  it('joins lines as splitting, trimming and dropping empty lines did, for any mix of spaces and breaks', () => {
    const alphabet = ['a', 'b', ' ', ' ', '\n', '\t', '\u00a0', '\u0001', '\u2028', '\ufeff', '\r', '\u3000'];
    let seed = 7;
    const next = (): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let i = next() % 16; i > 0; i--) text += alphabet[next() % alphabet.length];
      // a text node's raw text inside a block: a break before and after it
      const doc = parseDocument('<html><body><div>x</div></body></html>');
      const div = doc.body?.firstChild;
      if (!div?.firstChild) throw new Error('no div');
      div.firstChild.nodeValue = text;
      expect(div.textContent).toBe(text);
      const block = collectBlockText(div);
      expect(block).toBe(finishByLines(`\u0001${text}\u0001`));
      expect(countBlockWords(block)).toBe(countWords(block));
    }
  });

  it('counts the words of every fixture page\'s text as countWords does', () => {
    const counts = fixturePages().map((html) => {
      const text = collectBlockText(parseDocument(html).body ?? { nodeType: 11, nodeName: '', nodeValue: null, textContent: '', firstChild: null, nextSibling: null });
      return [countBlockWords(text), countWords(text)];
    });
    expect(counts.filter(([, words]) => (words ?? 0) > 50).length).toBeGreaterThan(10);
    for (const [blockWords, words] of counts) expect(blockWords).toBe(words);
  });
});
