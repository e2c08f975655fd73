// The wikitext reader (wikiparser-node, an optional GPL peer) on tests/fixtures/wikitext/kestrel-canal.wiki.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guardedLoader } from '../src/article/wikitext/load.js';
import { makeWikitextReader, readWikitext } from '../src/article/wikitext/read.js';
import { InputError } from '../src/errors.js';
import type { Article } from '../src/types.js';

const path = 'tests/fixtures/wikitext/kestrel-canal.wiki';
const read = async (): Promise<Article> => readWikitext({ text: readFileSync(path, 'utf8'), path }, {});
const wiki = async (text: string): Promise<Article> => readWikitext({ text, path: 'x.wiki' }, {});

describe('wikitext reader', () => {
  it('numbers references as MediaWiki does: first use (the infobox too), named reuse, list-defined bodies', async () => {
    const a = await read();
    expect(a.title).toBe('Kestrel Canal');
    expect(a.claims.map((c) => [c.refs, c.section, c.line, c.column, c.text])).toEqual([
      [[1], '', 7, 1, 'The Kestrel Canal (Turmfalkenkanal) is a 14 mi canal between Millbrook and the sea.'],
      [[2], '', 7, 365, 'It was called "the finset [sic] cut in the county" by a visitor.'],
      [[3], '', 8, 1, 'Its engineer was John Marsh.'],
      [[3], 'History', 12, 1, 'Work started in 1791 and the canal opened in 1797.'],
      [[1, 5], 'History', 12, 391, 'Traffic peaked in 1850 with 250000 t of coal.'],
      [[6], 'History', 13, 3, 'The last commercial boat passed in 1938.'],
      [[5], 'History', 19, 11, 'About 250,000 tons were carried.'],
      [[7], 'Restoration', 25, 1, 'A trust has restored 5 mi since 2002.'],
      [[7, 8], 'Restoration', 25, 309, 'Boats returned to Millbrook in 2019.'],
      [[9], 'Restoration', 25, 388, 'The restored section is listed.'],
      [[4], 'Notes (a)', 8, 81, 'Marsh also built the Kestrel Aqueduct.'],
    ]);
  });

  it('keeps notes apart: an {{efn}} or group=note marker cites nothing; the note text is not listed as uncited', async () => {
    const a = await read();
    expect(a.uncited.map((u) => [u.section, u.text])).toEqual([
      ['History', 'Railways took most of it by 1900.'], // {{citation needed}} is dropped, not a citation
      ['History', 'The canal was abandoned in 1944.'], // its only marker is a note
    ]);
    expect(a.claims.some((c) => c.text.includes('drained'))).toBe(false); // a ref in a comment is no ref
  });

  it('reads CS1/CS2 parameters, {{webarchive}}, plain [url label] refs and {{sfn}}', async () => {
    const refs = new Map((await read()).references.map((r) => [r.id, r]));
    expect(refs.get(1)).toMatchObject({ uses: 3, title: 'Kestrel Canal survey', publisher: 'Waterways Survey', date: '2019-04-02',
      accessDate: '2024-03-05', url: 'https://survey.example.org/canals/kestrel', quote: 'The canal runs for 14 miles from Millbrook to the estuary.' });
    expect(refs.get(2)).toMatchObject({ title: 'A visitor\'s letter', url: 'https://letters.example.net/1840/visitor' });
    expect(refs.get(3)).toMatchObject({ uses: 2, authors: ['Ellen Ward'], date: '2001-03', urlStatus: 'dead', url: 'https://journals.example.org/ch/2001/marsh',
      archiveUrl: 'https://web.archive.org/web/20100101000000/https://journals.example.org/ch/2001/marsh' });
    expect(refs.get(4)).toMatchObject({ title: 'Aqueducts of England', publisher: 'Stone Press', date: '1988' });
    expect(refs.get(5)).toMatchObject({ uses: 2, title: 'Tolls and Trade', line: 32 });
    expect(refs.get(6)).toMatchObject({ language: 'de', publisher: 'Kestrel Courier' });
    // |trans-quote= is the editor's English, not the German page's words: no quote the page must contain.
    expect(refs.get(6)?.quote).toBeUndefined();
    expect(refs.get(7)).toMatchObject({ url: 'https://kestreltrust.example.org/history',
      archiveUrl: 'https://web.archive.org/web/20200101000000/https://kestreltrust.example.org/history' });
    expect(refs.get(8)).toMatchObject({ title: 'Ward 2001, p. 44' });
    expect(refs.get(8)?.url).toBeUndefined();
  });

  it('reports a named ref with no body and a list-defined ref never used', async () => {
    const a = await read();
    expect(a.references.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10]);
    expect(a.findings.map((f) => [f.kind, f.ref, f.line])).toEqual([
      ['reference-never-cited', 10, 33], ['marker-without-reference', 9, 25]]);
  });

  it('renders links and prose templates, drops the rest, and places claims in the file', async () => {
    const a = await wiki('Cut by [[Hale|the engineer]] in {{nowrap|May 1790}}, {{convert|1|to|2|km}} long.<ref>[https://a.example/ A]</ref> {{Infobox x|p=Not prose.}}\n\nSecond para &ndash; here.<ref>https://b.example/ bare</ref>\n');
    expect(a.claims.map((c) => [c.text, c.refs, c.line, c.column])).toEqual([
      ['Cut by the engineer in May 1790, 1 to 2 km long.', [1], 1, 1],
      ['Second para – here.', [2], 3, 1],
    ]);
    expect(a.references.map((r) => r.url)).toEqual(['https://a.example/', 'https://b.example/']);
  });

  it('reads a list-defined note ({{notelist|refs=}}) when its marker comes first, with the refs inside it', async () => {
    const a = await wiki('The mill closed.{{efn|name=why}} It reopened.<ref>[https://c.example/ C]</ref>\n\n== Notes ==\n{{notelist|refs=\n{{efn|name=why|The owner died in 1901.<ref>[https://d.example/ D]</ref>}}\n}}\n');
    expect(a.claims.map((c) => [c.refs, c.section, c.text])).toEqual([
      [[1], '', 'It reopened.'], [[2], 'Notes (a)', 'The owner died in 1901.']]);
    expect(a.claims[0]?.context).toBe('The mill closed.'); // a note marker closes nothing
    expect(a.uncited).toEqual([]);
    expect(a.references.map((r) => r.url)).toEqual(['https://c.example/', 'https://d.example/']);
  });

  it('an article with markers but no bodies at all gives findings, not a crash', async () => {
    const a = await wiki('One.<ref name="a"/> Two.<ref name="b"/>\n');
    expect(a.findings.map((f) => [f.kind, f.ref])).toEqual([['marker-without-reference', 1], ['marker-without-reference', 2]]);
  });

  it('without wikiparser-node installed it says how to install it (InputError, exit 2)', async () => {
    const missing = guardedLoader(async () => {
      throw Object.assign(new Error("Cannot find package 'wikiparser-node'"), { code: 'ERR_MODULE_NOT_FOUND' });
    });
    const reader = makeWikitextReader(missing);
    const error = await Promise.resolve(reader({ text: 'x', path: 'x.wiki' }, {})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('wikiparser-node');
    expect((error as InputError).hint).toBe('npm install wikiparser-node');
  });

  it('other loading errors are not disguised as a missing package', async () => {
    const broken = guardedLoader(async () => {
      throw new TypeError('boom');
    });
    await expect(broken()).rejects.toThrow(TypeError);
  });
});
