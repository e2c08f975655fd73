// The Markdown reader on a small docs folder (tests/fixtures/markdown-docs): footnotes, front matter, code, links as citations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../src/article/markdown/read.js';
import type { Article } from '../src/types.js';

const dir = 'tests/fixtures/markdown-docs';
const read = async (name: string, linksAsCitations = false): Promise<Article> =>
  readMarkdown({ text: readFileSync(join(dir, name), 'utf8'), path: name }, { linksAsCitations });
const md = async (text: string, linksAsCitations = false) => readMarkdown({ text, path: 'x.md' }, { linksAsCitations });

describe('markdown reader', () => {
  it('takes the title from YAML front matter and never reads code, inline comments or front matter as prose', async () => {
    const a = await read('index.md');
    expect(a.title).toBe('Harbour Railway Guide');
    expect(a.claims.map((c) => [c.refs, c.section, c.line, c.column, c.text])).toEqual([
      [[1], '', 6, 1, 'The Harbour Railway opened in 1902 and ran for 61 years.'],
      [[2], 'Rolling stock', 13, 1, 'The first engines were built in Leeds by Hudswell Clarke.'],
      [[2], 'Rolling stock', 13, 69, 'Each engine weighed about 28 tonnes.'],
    ]);
    expect(a.uncited.map((u) => u.text)).toEqual([
      'It carried coal from the pits to the quay.', 'The loco-shed command below is not prose.']);
    expect(a.references.map((r) => [r.id, r.label, r.uses, r.title, r.publisher, r.date, r.url])).toEqual([
      [1, 'opening', 1, 'Harbour line opens', 'Tyne Courier', '1902-05-03', 'https://courier.example.org/1902/05/03/harbour-line'],
      [2, 'engines', 2, 'Engines for the harbour', 'Railway Gazette', '1903', 'https://gazette.example.net/1903/engines'],
    ]);
    expect(a.findings).toEqual([]);
  });

  it('reports a footnote with no definition and a definition nothing cites, without crashing', async () => {
    const a = await read('history.md');
    expect(a.claims.map((c) => [c.refs, c.text])).toEqual([
      [[1], 'The line closed in 1963 after the last pit shut.'], [[2], 'Its track was lifted in 1965.']]);
    expect(a.findings.map((f) => [f.kind, f.ref, f.line])).toEqual([
      ['reference-never-cited', 3, 7], ['marker-without-reference', 2, 4]]);
    expect(a.findings[1]?.message).toContain('[^lifted]');
  });

  it('reports a link definition swallowed by the footnote definition above it (inputs.md §4.2)', async () => {
    const a = await read('pitfall.md', true);
    expect(a.findings).toMatchObject([{ kind: 'marker-without-reference', line: 3 }]);
    expect(a.findings[0]?.message).toContain('[the report][r1]');
    expect(a.references).toHaveLength(1);
    expect(a.references[0]?.url).toBe('https://museum.example.org/photos');
  });

  it('reads TOML front matter, cited table cells, quotes and list items; an archive link gives the original', async () => {
    const a = await read('timetable.md');
    expect(a.title).toBe('Timetables');
    expect(a.claims.map((c) => [c.refs, c.line, c.column, c.text])).toEqual([
      [[1], 6, 1, 'Trains ran every two hours in 1920.'],
      [[1], 10, 10, 'Twelve trains ran each weekday.'],
      [[2], 11, 10, 'Eight trains ran each weekday.'],
      [[2], 13, 3, 'Quoted: the last timetable was printed in 1962.'],
      [[1], 15, 3, 'A list item cites its source too.'],
    ]);
    expect(a.uncited).toEqual([]); // `| 1920 |` cells are data, not sentences
    expect(a.references[0]).toMatchObject({ title: 'Harbour Railway timetable, 1920', url: 'https://archive.example.org/timetables/1920.pdf' });
    expect(a.references[1]).toMatchObject({ title: 'Summer timetable', date: '1950-06', url: 'https://rail.example.org/tt1950.html',
      archiveUrl: 'https://web.archive.org/web/20100101000000/https://rail.example.org/tt1950.html' });
  });

  it('without --links-as-citations a plain link cites nothing', async () => {
    const a = await read('links.md');
    expect(a.claims).toEqual([]);
    expect(a.references).toEqual([]);
    expect(a.uncited).toHaveLength(5);
  });

  it('with --links-as-citations each link cites its sentence: one numbered reference per distinct URL', async () => {
    const a = await read('links.md', true);
    expect(a.claims.map((c) => [c.refs, c.text])).toEqual([
      [[1], 'The station building is listed at Grade II by Historic England.'],
      [[2], 'Restoration finished in 2015, as https://trust.example.org/news/2015-restoration reports.'],
      [[3], 'The trust publishes its annual report each spring.'],
      [[1], 'Again, see Historic England for the listing text.'],
    ]);
    expect(a.uncited.map((u) => u.text)).toEqual(['Visitors are welcome on Sundays.']);
    expect(a.references.map((r) => [r.id, r.uses, r.title, r.url])).toEqual([
      [1, 2, 'Historic England', 'https://historicengland.example.org/list/1234'],
      [2, 1, 'https://trust.example.org/news/2015-restoration', 'https://trust.example.org/news/2015-restoration'],
      [3, 1, 'annual report', 'https://trust.example.org/annual-report.pdf'],
    ]);
  });

  it('numbers footnotes by first reference (GFM), links after them, and matches labels case-insensitively', async () => {
    const a = await md('B cites.[^Beta] A cites.[^alpha] Also [here](https://x.example/).[^beta]\n\n[^alpha]: "A". <https://a.example/>\n\n[^beta]: "B". <https://b.example/>\n', true);
    expect(a.claims.map((c) => [c.refs, c.text])).toEqual([[[1], 'B cites.'], [[2], 'A cites.'], [[1, 3], 'Also here.']]);
    expect(a.references.map((r) => [r.id, r.url])).toEqual([[1, 'https://b.example/'], [2, 'https://a.example/'], [3, 'https://x.example/']]);
  });

  it('inline code keeps its words but is never a marker; MDX import/export lines and JSX are not prose', async () => {
    const a = await md('Run `make [^x]` to build.[^a]\n\n[^a]: "A". <https://a.example/>\n');
    expect(a.claims.map((c) => [c.refs, c.text])).toEqual([[[1], 'Run make [^x] to build.']]);
    expect(a.findings).toEqual([]);
    const mdx = await readMarkdown({ text: 'import Tabs from \'@theme/Tabs\';\n\n<Tabs>\n\nThe bridge opened in 1890.[^b]\n\n</Tabs>\n\n[^b]: "B". <https://b.example/>\n', path: 'doc.mdx' }, {});
    expect(mdx.claims.map((c) => c.text)).toEqual(['The bridge opened in 1890.']);
    expect(mdx.uncited).toEqual([]);
  });

  it('an article with markers and no definitions at all gives findings, not a crash', async () => {
    const a = await md('One claim.[^a] Two claims.[^b]\n');
    expect(a.claims.map((c) => c.refs)).toEqual([[1], [2]]);
    expect(a.findings.map((f) => [f.kind, f.ref])).toEqual([['marker-without-reference', 1], ['marker-without-reference', 2]]);
  });
});
