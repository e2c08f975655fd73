// The rendered-footnote HTML reader: Jekyll (kramdown), Docusaurus (remark-rehype), markdown-it; no body → InputError.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocsHtml } from '../src/article/docs-html/read.js';
import { InputError } from '../src/errors.js';
import type { Article } from '../src/types.js';

const fixture = async (name: string): Promise<Article> => {
  const path = `tests/fixtures/docs-html/${name}`;
  return readDocsHtml({ text: readFileSync(path, 'utf8'), path }, {});
};
const html = async (text: string, linksAsCitations = false) => readDocsHtml({ text, path: 'x.html' }, { linksAsCitations });

describe('docs HTML reader', () => {
  it('reads Jekyll (kramdown) footnotes: reuse, back-links removed, header/nav/footer not prose', async () => {
    const a = await fixture('jekyll.html');
    expect(a.format).toBe('html');
    expect(a.title).toBe('Tide mills of the estuary');
    expect(a.claims.map((c) => [c.refs, c.section, c.line, c.column, c.text])).toEqual([
      [[1], '', 11, 4, 'The estuary had four tide mills in 1800.'],
      [[2], '', 11, 151, 'Only Eling mill still grinds flour.'],
      [[1], 'Ponds', 13, 4, 'Each mill held the tide in a pond of about 30 acres.'],
    ]);
    expect(a.uncited.map((u) => u.text)).toEqual(['The ponds silted up after 1900.']);
    expect(a.references.map((r) => [r.id, r.uses, r.title, r.publisher, r.date, r.url, r.label])).toEqual([
      [1, 2, 'Tide mills survey', 'Estuary Trust', '2011', 'https://estuary.example.org/survey', 'fn:survey'],
      [2, 1, 'Eling Tide Mill history', 'Eling Trust', undefined, 'https://eling.example.org/history', 'fn:eling'],
    ]);
    expect(a.findings).toEqual([]);
  });

  it('reads Docusaurus/MDX footnotes; sidebar, breadcrumbs, pagination and uncited list items are not prose', async () => {
    const a = await fixture('docusaurus.html');
    expect(a.title).toBe('Signal boxes');
    expect(a.claims.map((c) => [c.refs, c.section, c.text])).toEqual([
      [[1], '', 'The line had 23 signal boxes in 1914.'],
      [[2], '', 'Three survive today, one of them at Hexby.'],
      [[2], 'Levers', 'The Hexby frame has 40 levers.'],
    ]);
    expect(a.uncited).toEqual([]);
    expect(a.references.map((r) => [r.uses, r.title, r.url])).toEqual([
      [1, 'Signal boxes of the line', 'https://srs.example.org/boxes'], [2, 'Hexby signal box', 'https://hexby.example.org/box']]);
  });

  it('reads markdown-it-footnote markup and reports a marker whose note is missing and a note never cited', async () => {
    const a = await html(`<html><body><main><h1>T</h1>
<p>First claim.<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup> Second claim.<sup class="footnote-ref"><a href="#fn9" id="fnref9">[9]</a></sup></p>
<hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list">
<li id="fn1" class="footnote-item"><p>"One". Pub. <a href="https://one.example/">https://one.example/</a> <a href="#fnref1" class="footnote-backref">↩︎</a></p></li>
<li id="fn2" class="footnote-item"><p>"Two". <a href="https://two.example/">https://two.example/</a> <a href="#fnref2" class="footnote-backref">↩︎</a></p></li>
</ol></section></main></body></html>`);
    expect(a.claims.map((c) => [c.refs, c.text])).toEqual([[[1], 'First claim.'], [[2], 'Second claim.']]);
    expect(a.references.map((r) => [r.id, r.title, r.url])).toEqual([[1, 'One', 'https://one.example/'], [3, 'Two', 'https://two.example/']]);
    expect(a.findings.map((f) => [f.kind, f.ref, f.line])).toEqual([['reference-never-cited', 3, 5], ['marker-without-reference', 2, 2]]);
  });

  it('with --links-as-citations a link in the article cites its sentence', async () => {
    const a = await html('<article><p>The dam is 40 m high, says <a href="https://dams.example/x">the register</a>. It was built in 1960.</p><nav><a href="https://elsewhere.example/">Nav link</a></nav></article>', true);
    expect(a.claims.map((c) => [c.refs, c.text])).toEqual([[[1], 'The dam is 40 m high, says the register.']]);
    expect(a.references.map((r) => [r.id, r.url, r.title])).toEqual([[1, 'https://dams.example/x', 'the register']]);
  });

  it('a page with no <main>, <article> or footnotes (Pandoc\'s template) is read whole: it cites nothing', async () => {
    const a = await html('<html><head><title>Install</title></head><body><header><h1>Install</h1></header>'
      + '<p>The tool runs on Node 20 and later.</p><ul><li>Run the installer.</li></ul></body></html>');
    expect(a.title).toBe('Install');
    expect(a.claims).toEqual([]);
    expect(a.references).toEqual([]);
    expect(a.uncited.map((u) => u.text)).toContain('The tool runs on Node 20 and later.');
  });

  it('HTML with no article body is an InputError (exit 2), not an empty article', async () => {
    const error = await Promise.resolve(html('<html><body><div>Just a div.</div></body></html>')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('no article body');
  });
});
