// The fast DOM look-ups that stand in for linkedom's CSS engine and Readability's visibility test give what those give.
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseDocument, type DomElement } from '../src/page/dom.js';
import { countElements, elementsByTag, elementsWithAttribute, takeCensus } from '../src/page/lookups.js';
import { probablyVisible } from '../src/page/main.js';

const PAGE = `<!doctype html><html><head><meta name="a" content="1"><title>T</title><META name="b" content="2">
<script type="application/ld+json">{}</script><link rel="canonical" href="/x"></head><body>
<header><h1>Site</h1><nav><a href="/">Home</a></nav></header>
<template><meta name="inside-template"><p>template paragraph</p><article>no</article></template>
<main><article><h1>Headline</h1><p>One <em>two</em></p><div><p>Three</p><br><P>Four</P></div>
<svg><title>icon</title></svg><section><h2>Sub</h2><p>Five</p></section></article></main>
<footer><p>Six</p><script>var x = 1;</script></footer></body></html>`;

const describeEl = (el: DomElement): string => `${el.tagName}:${(el.textContent ?? '').trim().slice(0, 12)}`;

describe('elementsByTag', () => {
  it.each([['meta'], ['p'], ['h1'], ['script'], ['title'], ['article'], ['link'], ['template'], ['nothing']])('%s: the elements querySelectorAll finds, in document order', (tag) => {
    const doc = parseDocument(PAGE);
    const expected = [...doc.querySelectorAll(tag)].map(describeEl);
    expect(elementsByTag(doc, tag).map(describeEl)).toEqual(expected);
  });

  it('several names at once come back in document order, as one selector list would', () => {
    const doc = parseDocument(PAGE);
    const expected = [...doc.querySelectorAll('h1,h2,p')].map(describeEl);
    expect(expected.length).toBeGreaterThan(6);
    expect(elementsByTag(doc, ['h1', 'h2', 'p']).map(describeEl)).toEqual(expected);
  });

  it('looks only under the element given, and never inside a template', () => {
    const doc = parseDocument(PAGE);
    const article = elementsByTag(doc, 'article')[0];
    expect(article).toBeDefined();
    if (!article) return;
    expect(elementsByTag(article, 'p').map(describeEl)).toEqual(['P:One two', 'P:Three', 'P:Four', 'P:Five']);
    expect(elementsByTag(doc, 'meta').map((m) => m.getAttribute('name'))).toEqual(['a', 'b']);
  });
});

describe('elementsWithAttribute', () => {
  const MARKED = `<html><body><div itemprop="articleBody">one</div><template><div itemprop="articleBody">in template</div></template>
<section itemprop="articlebody">wrong case</section><p itemprop="articleBody headline">two values</p><article><span itemprop="articleBody">two</span></article></body></html>`;

  it.each([['itemprop', 'articleBody'], ['itemprop', 'articlebody'], ['itemprop', 'nothing'], ['class', 'x']])('[%s="%s"]: the elements querySelectorAll finds', (name, value) => {
    const doc = parseDocument(MARKED);
    const expected = [...doc.querySelectorAll(`[${name}="${value}"]`)].map(describeEl);
    expect(elementsWithAttribute(doc, name, value).map(describeEl)).toEqual(expected);
  });

  it('finds exact values only, outside templates', () => {
    expect(elementsWithAttribute(parseDocument(MARKED), 'itemprop', 'articleBody').map(describeEl)).toEqual(['DIV:one', 'SPAN:two']);
  });
});

describe('countElements', () => {
  it.each([0, 1, 5, 12, 1000])('stopping past %i: as many as querySelectorAll(*) lists, up to one past the stop', (stopAt) => {
    const doc = parseDocument(PAGE);
    const all = [...doc.querySelectorAll('*')].length;
    expect(all).toBeGreaterThan(20);
    expect(countElements(doc, stopAt)).toBe(Math.min(all, stopAt + 1));
  });
});

describe('probablyVisible', () => {
  const cases = [
    '<div>plain</div>',
    '<div style="display:none">x</div>',
    '<div style="DISPLAY: none">x</div>',
    '<div style="color: red; display : none ;">x</div>',
    '<div style="display:none !important">x</div>',
    '<div style="display:none; display:block">x</div>',
    '<div style="display:block; display:">x</div>',
    '<div style="visibility:hidden">x</div>',
    '<div style="visibility: collapse">x</div>',
    '<div style="background:url(a:b); visibility:hidden">x</div>',
    '<div hidden>x</div>',
    '<div aria-hidden="true">x</div>',
    '<div aria-hidden="false">x</div>',
    '<div aria-hidden="true" class="mwe-math-fallback-image-inline">x</div>',
    '<div style="">x</div>',
  ];
  it.each(cases)('%s: the same answer as Readability', (html) => {
    const el = parseDocument(`<html><body>${html}</body></html>`).querySelector('div');
    expect(el).not.toBeNull();
    if (!el) return;
    const readabilitySays = (Readability.prototype as unknown as { _isProbablyVisible(n: unknown): boolean })._isProbablyVisible(el);
    expect(probablyVisible(el)).toBe(Boolean(readabilitySays));
  });

  it('hides what the style, hidden or aria-hidden hide', () => {
    const visible = (html: string) => {
      const el = parseDocument(`<html><body>${html}</body></html>`).querySelector('div');
      return el ? probablyVisible(el) : undefined;
    };
    expect(visible('<div style="display:none">x</div>')).toBe(false);
    expect(visible('<div hidden>x</div>')).toBe(false);
    expect(visible('<div aria-hidden="true">x</div>')).toBe(false);
    expect(visible('<div>x</div>')).toBe(true);
  });
});

describe('takeCensus', () => {
  it('finds in one walk what elementsByTag, elementsWithAttribute and countElements find', () => {
    const page = PAGE.replace('<p>Three</p>', '<p itemprop="articleBody">Three</p>').replace('<template>', '<div hidden>').replace('</template>', '</div>');
    const doc = parseDocument(page);
    const census = takeCensus(doc, ['meta', 'P', 'h1', 'nothing'], ['itemprop', 'articleBody']);
    for (const tag of ['meta', 'p', 'h1', 'nothing']) expect(census.byName.get(tag)?.map(describeEl)).toEqual(elementsByTag(doc, tag).map(describeEl));
    expect(census.withAttribute.map(describeEl)).toEqual(elementsWithAttribute(doc, 'itemprop', 'articleBody').map(describeEl));
    expect(census.withAttribute).toHaveLength(1);
    expect(census.count).toBe(countElements(doc, Number.POSITIVE_INFINITY));
    expect([...(census.names ?? [])].sort()).toEqual([...new Set([...doc.querySelectorAll('*')].map((el) => el.tagName.toLowerCase()))].sort());
  });

  it('gives no element names for a document with a template or a noscript (their contents are read otherwise)', () => {
    expect(takeCensus(parseDocument(PAGE), [], ['id', 'x']).names).toBeUndefined();
    expect(takeCensus(parseDocument('<html><body><noscript><img src="a.jpg"></noscript></body></html>'), [], ['id', 'x']).names).toBeUndefined();
    expect(takeCensus(parseDocument('<html><body><p>x</p></body></html>'), [], ['id', 'x']).names).toEqual(new Set(['html', 'body', 'p']));
  });
});
