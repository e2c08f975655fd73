// The wiki-html reader on a 23-reference article in both forms: reuse, notes, {{sfn}}, archives, quotes, COinS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWikiHtml } from '../src/article/wiki-html/index.js';
import type { Article } from '../src/types.js';

const dir = 'tests/fixtures/formats';
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const parsoidHtml = read('alder-bay.parsoid.html');
const legacyHtml = read('alder-bay.legacy.html');
const forms: [string, Article][] = [
  ['parsoid', parseWikiHtml(parsoidHtml, 'alder-bay.parsoid.html')],
  ['legacy', parseWikiHtml(legacyHtml, 'alder-bay.legacy.html')],
];
const ref = (a: Article, id: number) => a.references.find((r) => r.id === id);
const withoutPlace = (a: Article) => ({
  claims: a.claims.map(({ line: _l, column: _c, ...rest }) => rest),
  uncited: a.uncited.map((u) => u.text),
  references: a.references.map(({ line: _l, raw: _r, ...rest }) => rest),
  findings: a.findings,
});

describe('Parsoid and legacy HTML of one article', () => {
  it('read the same', () => {
    expect(withoutPlace(forms[1]![1])).toEqual(withoutPlace(forms[0]![1]));
  });
});

describe.each(forms)('%s form', (_, article) => {
  it('lists 23 numbered references by their visible numbers, every one cited as often as its back-links say', () => {
    expect(article.references.map((r) => r.id)).toEqual(Array.from({ length: 23 }, (_x, i) => i + 1));
    expect(article.findings).toEqual([]);
    // Reference 1 is cited from the infobox, the lead, Geography, History and a list item.
    expect(ref(article, 1)?.uses).toBe(5);
    expect(article.claims.filter((c) => c.refs.includes(1)).map((c) => c.section)).toEqual(['', 'Geography', 'Fishing era', 'Culture']);
  });

  it('keeps explanatory notes apart: [a], [note 1] close no claim, their nested references do', () => {
    const lead = article.claims.filter((c) => c.section === '');
    expect(lead.map((c) => [c.refs, c.text])).toEqual([
      [[1], 'It had 4,812 residents at the 2021 census'],
      [[2], 'up from 3,950 in 1951.'],
      [[3], 'The bay was carved by glaciers during the last ice age.'],
    ]);
    expect(lead[0]?.context).toBe('Alder Bay is a small town and harbour on the north coast.');
    expect(article.claims.filter((c) => c.section === 'Notes').map((c) => [c.refs, c.text])).toEqual([
      [[23], 'The name is usually derived from the alder trees along the Alder Burn.'],
      [[2], 'The 1951 figure includes the crews of vessels in port on census night.'],
    ]);
    expect(article.uncited.map((u) => u.text)).toEqual(['Local musicians play in the harbour inns in winter.']);
  });

  it('resolves {{sfn}} notes through #CITEREF to the book in Sources', () => {
    for (const id of [5, 9]) expect(ref(article, id)).toMatchObject({ url: 'https://books.example.org/brown-fishing-towns', title: 'Fishing Towns of the North Coast', authors: ['Alice Brown'], date: '1998' });
    expect(ref(article, 18)).toMatchObject({
      url: 'https://books.example.org/carter-festivals', urlStatus: 'dead',
      archiveUrl: 'https://web.archive.org/web/20100101000000/https://books.example.org/carter-festivals',
    });
    expect(article.claims.filter((c) => c.refs.includes(18)).map((c) => c.refs)).toEqual([[18, 19], [18]]);
  });

  it('takes the original URL when the title links the archive copy, and tells archive services apart', () => {
    expect(ref(article, 4)).toMatchObject({
      url: 'https://gazette.example.com/1954/03/02/harbour-opens', urlStatus: 'dead', accessDate: '2023-11-05', date: '1954-03-02',
      archiveUrl: 'https://web.archive.org/web/20120316000000/https://gazette.example.com/1954/03/02/harbour-opens',
    });
    expect(ref(article, 7)).toMatchObject({ url: 'https://alderbay.example.gov.uk/history/charter', urlStatus: 'live' });
    expect(ref(article, 13)).toMatchObject({ url: 'https://northern-times.example.com/1999/10/22/harbour-wall', archiveUrl: 'https://archive.ph/Xk2pQ' });
    expect(ref(article, 6)).toMatchObject({ url: 'https://maritime.example.org/wrecks/the-heron', archiveUrl: expect.stringContaining('web.archive.org') });
  });

  it('reads quotes, languages, authors, dates and notes without a template', () => {
    expect(ref(article, 10)).toMatchObject({ quote: 'landings fell by nine tenths between 1965 and 1977', authors: ['Anna Lindqvist'], date: '2009-09' });
    expect(ref(article, 19)?.quote).toBe('first held on the harbour wall in 1972');
    expect(ref(article, 12)).toMatchObject({ language: 'fr', publisher: 'Le Monde', title: 'La baie des Aulnes, un port sans pêcheurs' });
    expect(ref(article, 3)).toMatchObject({ authors: ['Ellen Morgan', 'Ravi Patel'], publisher: 'Coastal Geology Survey', date: '1998-04' });
    // A bare URL tagged [dead link]: the tag is not the publisher; a book without a link has no URL.
    expect(ref(article, 14)).toEqual(expect.objectContaining({ url: 'http://www.alderbay-lifeboat.example.org/history.htm' }));
    expect(ref(article, 14)?.publisher).toBeUndefined();
    expect(ref(article, 8)?.url).toBeUndefined();
    expect(ref(article, 8)).toMatchObject({ title: 'Parish churches of the north coast', authors: ['David Hughes'] });
  });

  it('takes claims from paragraphs, list items and table cells, never from furniture', () => {
    expect(article.claims.filter((c) => c.section === 'Economy').map((c) => c.text)).toEqual([
      'Tourism is now the largest employer.', 'Wind turbines were built offshore from 2019.', 'Tourism', '310',
    ]);
    const all = [...article.claims.map((c) => `${c.text} ${c.context ?? ''}`), ...article.uncited.map((u) => u.text)].join('\n');
    for (const furniture of ['citation needed', 'Population', 'low tide', 'For the lighthouse', 'edit', 'Lighthouses of the north',
      'Official website', 'Kettle Island\n', 'Aldersbay', 'Retrieved']) {
      expect(all).not.toContain(furniture);
    }
    expect(article.claims.map((c) => c.section)).not.toContain('See also');
  });
});

describe('markup details', () => {
  it('uses the visible number, not the cite_note id counter', () => {
    // Notes [a] and [note 1] took counters 2 and 3, so the footnote readers see as [2] is cite_note-population-4.
    expect(parsoidHtml).toContain('#cite_note-population-4');
    expect(legacyHtml).toContain('href="#cite_note-population-4"');
    for (const [, article] of forms) expect(ref(article, 2)?.url).toBe('https://stats.example.gov/census/1951/table-4');
  });

  it('prefers the template url parameter to COinS and to the links', () => {
    const html = `<html><head><meta property="mw:htmlVersion" content="2.8.0"></head><body class="mw-parser-output">
<p>A claim here.<sup class="mw-ref reference" typeof="mw:Extension/ref" data-mw='{"name":"ref","attrs":{},"body":{"id":"mw-reference-text-cite_note-1"}}'><a href="./T#cite_note-1">[1]</a></sup></p>
<div typeof="mw:Extension/references"><ol class="mw-references references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="./T#cite_ref-1" rel="mw:referencedBy">↑</a></span>
<span id="mw-reference-text-cite_note-1" class="mw-reference-text reference-text"><cite class="citation web cs1" typeof="mw:Transclusion" data-mw='{"parts":[{"template":{"target":{"wt":"Cite web","href":"./Template:Cite_web"},"params":{"url":{"wt":"https://template.example/a"},"title":{"wt":"[[Some link|Shown title]]"},"url-status":{"wt":"usurped"}},"i":0}}]}'><a rel="mw:ExtLink nofollow" class="external text" href="https://link.example/a">"Shown title"</a>.</cite><span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft_id=https%3A%2F%2Fcoins.example%2Fa"></span></span></li></ol></div></body></html>`;
    const article = parseWikiHtml(html, 't.html');
    expect(article.references).toEqual([expect.objectContaining({ id: 1, url: 'https://template.example/a', title: 'Shown title', urlStatus: 'usurped' })]);
    expect(parseWikiHtml(html.replace('"url":{"wt":"https://template.example/a"},', ''), 't.html').references[0]?.url).toBe('https://coins.example/a');
  });

  it('reports a marker whose note is missing and a note nobody cites, as the text reader does', () => {
    const html = `<html><body><div class="mw-parser-output"><p>First claim.<sup class="reference"><a href="#cite_note-1">[1]</a></sup> Second claim.<sup class="reference"><a href="#cite_note-9">[3]</a></sup></p>
<ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text"><a class="external free" href="https://a.example/">https://a.example/</a></span></li>
<li id="cite_note-3"><span class="mw-cite-backlink"><b><a href="#cite_ref-3">^</a></b></span> <span class="reference-text">Unused.</span></li></ol></div></body></html>`;
    const article = parseWikiHtml(html, 't.html');
    expect(article.findings.map((f) => [f.kind, f.ref])).toEqual([['reference-never-cited', 2], ['marker-without-reference', 3]]);
  });

  it('counts lines and columns in the file through CRLF line ends and entities', () => {
    const html = '<html><body><div class="mw-parser-output">\r\n<p>A&#160;&amp; B are <b>here</b>.<sup class="reference"><a href="#cite_note-1">[1]</a></sup>\r\n'
      + 'Caf&eacute; claims follow.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>\r\n'
      + '<ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-1-0">a</a> <a href="#cite_ref-1-1">b</a></span> <span class="reference-text">Note.</span></li></ol></div></body></html>';
    const article = parseWikiHtml(html, 't.html');
    expect(article.claims.map((c) => [c.text, c.line, c.column])).toEqual([['A & B are here.', 2, 4], ['Café claims follow.', 3, 1]]);
    expect(article.findings).toEqual([]);
  });

  it('counts a sub-reference ([1.1], WMDE sub-referencing) as a use of its main reference', () => {
    const sup = (data: string, href: string, label: string) => `<sup typeof="mw:Extension/ref" class="mw-ref reference" data-mw='${data}'><a href="./T#${href}"><span class="mw-reflink-text">[${label}]</span></a></sup>`;
    const html = `<html><head><meta property="mw:htmlVersion" content="2.8.0"></head><body class="mw-parser-output">
<p>The harbour was built in 1954.${sup('{"name":"ref","attrs":{"name":"book"},"body":{"id":"mw-reference-text-cite_note-book-1"}}', 'cite_note-book-1', '1')} It cost two million pounds.${sup('{"name":"ref","attrs":{"name":"book","details":"p. 5"},"mainRef":"book"}', 'cite_note-2', '1.1')}</p>
<div typeof="mw:Extension/references"><ol class="mw-references references"><li id="cite_note-book-1" data-mw-footnote-number="1"><span class="mw-cite-backlink"><a href="./T#cite_ref-book_1-0" rel="mw:referencedBy">↑</a></span> <span id="mw-reference-text-cite_note-book-1" class="mw-reference-text reference-text"><a rel="mw:ExtLink nofollow" class="external text" href="https://book.example/harbours">Harbours</a></span>
<ol class="mw-subreference-list"><li id="cite_note-2" data-mw-footnote-number="1.1"><span class="mw-cite-backlink"><a href="./T#cite_ref-2" rel="mw:referencedBy">↑</a></span> <span class="mw-reference-text reference-text">p. 5</span></li></ol></li></ol></div></body></html>`;
    const article = parseWikiHtml(html, 't.html');
    expect(article.claims.map((c) => [c.refs, c.text])).toEqual([[[1], 'The harbour was built in 1954.'], [[1], 'It cost two million pounds.']]);
    expect(article.references).toEqual([expect.objectContaining({ id: 1, uses: 2, url: 'https://book.example/harbours' })]);
    expect(article.findings).toEqual([]);
  });
});
