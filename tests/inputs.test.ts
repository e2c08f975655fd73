// Format detection (extension, then content) and references merged by id, without the CLI.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseInputFormat, sniffFormat } from '../src/article/detect.js';
import { findReferencesFile, mergeReferences, referenceFromList } from '../src/config/article-refs.js';
import { InputError } from '../src/errors.js';

describe('detectFormat', () => {
  const PARSOID = '<!DOCTYPE html><html><head><meta property="mw:htmlVersion" content="2.8.0"></head><body><p>x<sup typeof="mw:Extension/ref">[1]</sup></p></body></html>';
  const LEGACY = '<html><body><div class="mw-content-ltr mw-parser-output"><p>x<sup id="cite_ref-a_1-0" class="reference"><a href="#cite_note-a-1">[1]</a></sup></p></div></body></html>';
  const HUGO = '<!doctype html><html><body><article><p>x<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup></p></article></body></html>';
  it.each([
    ['a.txt', '<html><p>whatever</p></html>', 'txt'],
    ['a.md', 'plain', 'markdown'],
    ['a.MDX', 'plain', 'markdown'],
    ['a.wiki', 'plain', 'wikitext'],
    ['a.html', PARSOID, 'wiki-html'],
    ['a.htm', LEGACY, 'wiki-html'],
    ['a.html', HUGO, 'html'],
    ['download', PARSOID, 'wiki-html'],
    ['download', HUGO, 'html'],
    ['notes', 'Claim.<ref>{{cite web |url=https://x.org |title=X}}</ref>', 'wikitext'],
    ['notes', 'Text {{Cite news|url=https://x.org}}', 'wikitext'],
    ['notes', 'A claim.[^carnegie]\n\n[^carnegie]: Title. <https://x.org>', 'markdown'],
    ['notes', 'Title\n\nA claim. [1]\n\nReferences\n\n  1. "X". Y. 2024.', 'txt'],
  ])('%s with %j → %s', (file, text, format) => {
    expect(detectFormat(file, text)).toBe(format);
  });

  it('--input-format wins over extension and content', () => {
    expect(detectFormat('a.html', PARSOID, 'txt')).toBe('txt');
    expect(sniffFormat('   <!-- saved -->\n<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
  });

  it('an unknown --input-format names the formats', () => {
    expect(parseInputFormat(' Markdown ')).toBe('markdown');
    expect(parseInputFormat(undefined)).toBeUndefined();
    expect(() => parseInputFormat('docx')).toThrow(InputError);
    try { parseInputFormat('docx'); } catch (e) { expect((e as InputError).hint).toMatch(/txt, wiki-html, wikitext, markdown, html/); }
  });
});

describe('mergeReferences', () => {
  const base = [
    referenceFromList({ id: 1, uses: 1, title: 'T', url: 'https://a.example/1', quote: 'q', line: 9, raw: '', archiveUrl: 'https://web.archive.org/1' }),
    referenceFromList({ id: 2, uses: 1, title: '', line: 10, raw: '' }),
  ];
  it('keeps what the article says, overrides field by field and adds new ids', () => {
    const merged = mergeReferences(base, [
      { id: 1, url: 'https://fixed.example/1', phrases: ['p'] },
      { id: 3, url: 'https://c.example' },
    ]);
    expect(merged).toEqual([
      { id: 1, url: 'https://fixed.example/1', title: 'T', quote: 'q', archiveUrl: 'https://web.archive.org/1', phrases: ['p'] },
      { id: 2 },
      { id: 3, url: 'https://c.example' },
    ]);
  });
  it('an override without a field leaves the article\'s value', () => {
    expect(mergeReferences(base, [{ id: 1, title: 'New' }])[0]).toMatchObject({ url: 'https://a.example/1', title: 'New' });
  });
});

describe('findReferencesFile', () => {
  it('takes <name>.references.json beside the article, unless that file names another article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citecheck-refs-'));
    const refs = (article?: string) => JSON.stringify({ ...(article ? { article } : {}), references: [{ id: 1, phrases: ['p'] }] });
    // One article in two formats: the text form's references.json names it, the Markdown form carries its own URLs.
    writeFileSync(join(dir, 'a.references.json'), refs('a.txt'));
    expect((await findReferencesFile(join(dir, 'a.txt')))?.config.article).toBe('a.txt');
    expect(await findReferencesFile(join(dir, 'a.md'))).toBeUndefined();
    // A file naming no article belongs to every article of its name.
    writeFileSync(join(dir, 'b.references.json'), refs());
    expect((await findReferencesFile(join(dir, 'b.md')))?.config.references).toEqual([{ id: 1, phrases: ['p'] }]);
  });
});
