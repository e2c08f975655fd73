// linkedom and htmlparser2 as carried by patches/ (no listener map per node until one is added; no class list per parsed element; text read a run at a time): events, classes and parsing still work.
import { DOMParser, Event, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

describe('linkedom events with listener maps created on demand', () => {
  const setup = () => {
    const { document } = parseHTML('<html><body><div id="outer"><p id="inner">text</p></div></body></html>');
    const outer = document.getElementById('outer');
    const inner = document.getElementById('inner');
    if (!outer || !inner) throw new Error('fixture did not parse');
    return { outer, inner };
  };

  it('delivers a bubbling event to the target and then its ancestors', () => {
    const { outer, inner } = setup();
    const seen: string[] = [];
    const idOf = (t: unknown): string => (t && typeof t === 'object' && 'id' in t ? String(t.id) : '');
    inner.addEventListener('ping', (e: { target: unknown }) => seen.push(`inner:${idOf(e.target)}`));
    outer.addEventListener('ping', (e: { target: unknown }) => seen.push(`outer:${idOf(e.target)}`));
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    expect(seen).toEqual(['inner:inner', 'outer:inner']);
  });

  it('removes listeners, honours once, and dispatches on a node that never had one', () => {
    const { outer, inner } = setup();
    let calls = 0;
    const listener = (): void => { calls += 1; };
    expect(inner.dispatchEvent(new Event('ping'))).toBe(true);
    outer.removeEventListener('ping', listener);
    inner.addEventListener('ping', listener);
    inner.dispatchEvent(new Event('ping'));
    inner.removeEventListener('ping', listener);
    inner.dispatchEvent(new Event('ping'));
    outer.addEventListener('ping', listener, { once: true });
    outer.dispatchEvent(new Event('ping'));
    outer.dispatchEvent(new Event('ping'));
    expect(calls).toBe(2);
  });
});

describe('linkedom class attributes with class lists made on demand', () => {
  const parse = (body: string) => parseHTML(`<html><body>${body}</body></html>`).document;

  it('reads a parsed class as a class list gives it: split on whitespace, repeats and empties dropped', () => {
    const doc = parse('<div id="a" class=" x  y\tx\n"></div><div id="b" class="solo"></div><div id="c"></div><div id="d" class=""></div>');
    const attr = (id: string) => doc.getElementById(id)?.getAttribute('class');
    expect([attr('a'), attr('b'), attr('c'), attr('d')]).toEqual(['x y', 'solo', '', '']);
    expect(doc.getElementById('a')?.className).toBe('x y');
    expect(doc.getElementById('a')?.outerHTML).toBe('<div id="a" class="x y"></div>');
    expect([...(doc.getElementById('a')?.classList ?? [])]).toEqual(['x', 'y']);
    expect(doc.querySelectorAll('.x').length).toBe(1);
  });

  it('keeps the attribute and the class list in step through later changes', () => {
    const doc = parse('<p class="one two">t</p>');
    const p = doc.querySelector('p');
    if (!p) throw new Error('fixture did not parse');
    p.classList.add('three');
    expect(p.getAttribute('class')).toBe('one two three');
    p.setAttribute('class', 'four  four five');
    expect([p.className, [...p.classList].join(',')]).toEqual(['four five', 'four,five']);
    p.removeAttribute('class');
    expect([p.getAttribute('class'), p.hasAttribute('class'), p.outerHTML]).toEqual(['', false, '<p>t</p>']);
  });
});

describe('linkedom getElementsByTagName', () => {
  it('matches a lower-case name by element name and an upper-case one as the tag name, as before', () => {
    const { document } = parseHTML('<html><body><p>1</p><div><P>2</P><img src="x"></div><my-el></my-el></body></html>');
    const count = (name: string) => document.getElementsByTagName(name).length;
    expect([count('p'), count('P'), count('Img'), count('img'), count('IMG'), count('my-el'), count('MY-EL')]).toEqual([2, 2, 0, 1, 1, 1, 1]);
  });
});

describe('linkedom names and text as patched (names upper-cased once each, text gathered in one string)', () => {
  it('gives HTML tag names upper-cased and XML ones as written, however often asked', () => {
    const { document } = parseHTML('<html><body><div><my-Widget>w</my-Widget><svg><foreignObject></foreignObject></svg></div></body></html>');
    const names = () => [...document.querySelectorAll('*')].map((el: { tagName: string; nodeName: string }) => `${el.tagName}/${el.nodeName}`);
    expect(names()).toEqual(names());
    expect(names()).toContain('MY-WIDGET/MY-WIDGET');
    expect(names()).toContain('DIV/DIV');
    const xml = new DOMParser().parseFromString('<root><Item>x</Item></root>', 'text/xml');
    expect(xml.querySelector('Item')?.tagName).toBe('Item');
  });

  it('reads an element\'s text as its text nodes in order, nested or not', () => {
    const { document } = parseHTML('<html><body><p id="p">One <b>two <i>three</i></b> four<!-- not text --></p><p id="e"></p></body></html>');
    expect(document.getElementById('p')?.textContent).toBe('One two three four');
    expect(document.getElementById('e')?.textContent).toBe('');
  });
});

describe('htmlparser2 as patched (text and attribute values read up to the next `<`, `&` or quote at once)', () => {
  const read = (html: string) => {
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    const el = document.getElementById('t');
    return { text: el?.textContent, attributes: [...(el?.attributes ?? [])].map((a: { name: string; value: string }) => [a.name, a.value]) };
  };

  it('still decodes every entity in text, ends text at each tag and keeps a text that ends on `&`', () => {
    expect(read('<p id="t">a &amp; b &copy &#169; &#xA9; &unknown; & alone &lt;i&gt; <b>bold</b> tail &amp</p>').text)
      .toBe('a & b © © © &unknown; & alone <i> bold tail &');
    expect(read('<p id="t">text that ends &').text).toBe('text that ends &');
  });

  it('still decodes entities in quoted and unquoted attribute values, each ending at its own quote', () => {
    expect(read('<p id="t" title="x &amp; y &quot;q&quot; &lt" data-a=\'s &amp; t\' data-b=u&amp;v data-c="&">t</p>').attributes)
      .toEqual([['id', 't'], ['title', 'x & y "q" <'], ['data-a', 's & t'], ['data-b', 'u&v'], ['data-c', '&']]);
  });

  it('reads a script up to its own end tag, `<` and `&&` inside it included', () => {
    expect(read('<script id="t">if (a < b && c) { x = "</p>"; }</script>').text).toBe('if (a < b && c) { x = "</p>"; }');
  });
});
