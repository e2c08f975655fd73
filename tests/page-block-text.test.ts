// The block text read by one pass over linkedom's node list is the text a child-by-child walk reads, for the page and for elements inside it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectBlockText, collectBlockTextWithin } from '../src/page/block-text.js';
import { parseDocument, type DomElement, type DomNode } from '../src/page/dom.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'pages');

function fixturePages(): string[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).sort().map((f) => readFileSync(path.join(FIXTURES, f), 'utf8'));
}

/** A copy of the tree as plain objects: the DOM without linkedom's node list, so collectBlockText walks it child by child. */
function plainCopy(node: DomNode, parent: DomElement | null = null): DomNode {
  const el = node as DomElement;
  const copy: DomNode & Partial<DomElement> = {
    nodeType: node.nodeType, nodeName: node.nodeName, localName: node.localName, nodeValue: node.nodeValue,
    textContent: node.textContent, firstChild: null, nextSibling: null, parentElement: parent,
  };
  if (node.nodeType === 1) {
    copy.getAttribute = (name) => el.getAttribute(name);
    copy.hasAttribute = (name) => el.hasAttribute(name);
  }
  let last: DomNode | null = null;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const childCopy = plainCopy(child, copy as DomElement);
    if (last) last.nextSibling = childCopy;
    else copy.firstChild = childCopy;
    last = childCopy;
  }
  return copy;
}

const TRICKY = `<html><head><title>T</title></head><body><div id="a">one<br>two<pre>p1
p2</pre><table><tr><td>c1</td><th>c2</th></tr></table><img alt="x">after</div>
<section hidden><article id="inside-hidden"><p>hidden article text</p></article></section>
<div style="color: red; display : none">gone</div><main id="m"><span id="s">inline <b>bold</b></span><br id="b"><p>last</p></main>
<script>var x = 1;</script><template><p>template</p></template></body></html>`;

describe('collectBlockText over the node list', () => {
  it('reads each element of every fixture page (and a tricky one) as a child-by-child walk does', () => {
    let compared = 0;
    for (const html of [...fixturePages(), TRICKY]) {
      const doc = parseDocument(html);
      for (const el of [...doc.querySelectorAll('*')]) {
        expect(collectBlockText(el)).toBe(collectBlockText(plainCopy(el)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(900);
  });
});

describe('collectBlockTextWithin', () => {
  it('gives the page text and, for each element the walk entered, that element\'s own collectBlockText', () => {
    for (const html of [...fixturePages(), TRICKY]) {
      const doc = parseDocument(html);
      const body = doc.body;
      if (!body) throw new Error('no body');
      const elements = [...doc.querySelectorAll('*')];
      const read = collectBlockTextWithin(body, new Set(elements));
      expect(read.text).toBe(collectBlockText(body));
      for (const el of elements) {
        const text = read.within(el);
        if (text !== undefined) expect(text).toBe(collectBlockText(el));
      }
    }
  });

  it('has nothing for elements it did not enter (hidden, or outside the root) and everything for those it did', () => {
    const doc = parseDocument(TRICKY);
    const byId = (id: string) => doc.querySelector(`#${id}`);
    const [a, m, s, b, hidden] = ['a', 'm', 's', 'b', 'inside-hidden'].map(byId);
    const head = doc.querySelector('head');
    if (!doc.body || !a || !m || !s || !b || !hidden || !head) throw new Error('fixture did not parse');
    const read = collectBlockTextWithin(doc.body, new Set([a, m, s, b, hidden, head]));
    expect(read.within(a)).toBe('one\ntwo\np1\np2\nc1 c2\nafter');
    expect(read.within(m)).toBe('inline bold\nlast');
    expect(read.within(s)).toBe('inline bold');
    expect(read.within(b)).toBe('');
    expect(read.within(hidden)).toBeUndefined();
    expect(read.within(head)).toBeUndefined();
    expect(collectBlockText(hidden)).toBe('hidden article text');
  });
});
