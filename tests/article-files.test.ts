// Whole articles from tests/fixtures/articles, and the file edge cases: CRLF, BOM, empty, unreadable.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/article/parse.js';
import { readArticle } from '../src/article/read.js';
import { InputError } from '../src/errors.js';

const fixture = (name: string) => join('tests/fixtures/articles', name);
const read = (name: string) => readFileSync(fixture(name), 'utf8');

describe('a small article in the seed format (kettle-island.txt)', () => {
  const article = parseArticle(read('kettle-island.txt'), fixture('kettle-island.txt'));

  it('finds each claim with its section and footnote group', () => {
    expect(article.claims.map((c) => [c.section, c.refs, c.text])).toEqual([
      ['', [1], 'Kettle Island is a small island in the North Sea with about 1.5 thousand residents.'],
      ['', [2], 'It was settled by J. R. R. Smith in 1820'],
      ['', [3, 4], 'The U.S. Navy kept a station there.'],
      ['Early years', [2, 5], 'Mr. Smith built the first harbour in 1825.'],
      ['Early years', [3], 'Dr. Jones said the harbour was "the finest in the north."'],
      ['Early years', [6], 'By 1900 the harbour had 40 boats.'],
      ['Economy', [7], 'Tourism brought in 2.5 million pounds in 2019.'],
      ['Economy', [9], 'Sheep farming remains common.'],
    ]);
    expect(article.uncited.map((u) => u.text)).toEqual(['The island has no airport.']);
  });

  it('reports the back-link mismatch, the unused reference and the stray marker', () => {
    expect(article.findings.map((f) => [f.kind, f.ref])).toEqual([
      ['uses-mismatch', 1], ['reference-never-cited', 8], ['marker-without-reference', 9],
    ]);
  });

  it('reads the reference rows', () => {
    expect(article.references).toHaveLength(8);
    expect(article.references[3]).toMatchObject({ authors: ['Tom Brown', 'Ann Green'], publisher: 'The Times', date: '2010-05-02', accessDate: '2015-06-07' });
    expect(article.references[2]).toMatchObject({ language: 'fr', date: '1950-03' });
  });

  it('gives the same result, lines and columns with CRLF line ends and a BOM', () => {
    const crlf = `\uFEFF${read('kettle-island.txt').replace(/\n/g, '\r\n')}`;
    const again = parseArticle(crlf, 'x');
    expect(again.title).toBe('Kettle Island');
    expect(again.claims).toEqual(article.claims);
    expect(again.uncited).toEqual(article.uncited);
    expect(again.references.map((r) => ({ ...r, raw: '' }))).toEqual(article.references.map((r) => ({ ...r, raw: '' })));
  });
});

describe('edge-case articles', () => {
  it('lists every sentence as uncited when there are no markers', () => {
    const article = parseArticle(read('no-markers.txt'), 'x');
    expect(article.claims).toEqual([]);
    expect(article.uncited.map((u) => [u.section, u.text])).toEqual([
      ['', 'Quiet Village is a village in the hills.'], ['', 'It has one church and two shops.'],
      ['Geography', 'The village lies at 300 metres.'], ['Geography', 'A river runs through it.'],
    ]);
    // Nothing to verify is a finding (it fails the run unless --fail-on none), not a silent pass.
    expect(article.findings.map((f) => f.kind)).toEqual(['no-claims']);
  });

  it('keeps the claims and flags each marker when there is no References section', () => {
    const article = parseArticle(read('no-references.txt'), 'x');
    expect(article.claims.map((c) => c.refs)).toEqual([[1], [2], [1]]);
    expect(article.references).toEqual([]);
    expect(article.findings.map((f) => [f.kind, f.ref])).toEqual([['marker-without-reference', 1], ['marker-without-reference', 2]]);
  });

  it('parses empty text to an empty article (the pure function is total)', () => {
    const empty = parseArticle('', 'x');
    expect({ ...empty, findings: empty.findings.map((f) => f.kind) })
      .toEqual({ path: 'x', title: '', claims: [], uncited: [], references: [], findings: ['no-claims'] });
  });
});

describe('readArticle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'citecheck-article-'));

  it('reads and parses a file, stripping the BOM', async () => {
    const file = join(dir, 'bom.txt');
    writeFileSync(file, `\uFEFF${read('no-references.txt')}`);
    const article = await readArticle(file);
    expect(article.title).toBe('Lone Hill');
    expect(article.path).toBe(file);
  });

  it.each([
    ['an empty file', 'empty.txt', ''],
    ['a blank file', 'blank.txt', ' \n\r\n'],
  ])('rejects %s with an InputError', async (_, name, content) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    await expect(readArticle(file)).rejects.toThrow(InputError);
    await expect(readArticle(file)).rejects.toThrow(/empty/);
  });

  it('rejects a missing file, a folder and non-UTF-8 bytes with an InputError naming the path', async () => {
    const bad = join(dir, 'cp1251.txt');
    writeFileSync(bad, Buffer.from([0xcf, 0xf3, 0xf2, 0xe8, 0xed, 0x2e]));
    for (const file of [join(dir, 'missing.txt'), dir, bad]) {
      const error = await readArticle(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error instanceof Error ? error.message : '').toContain(file);
    }
  });
});
