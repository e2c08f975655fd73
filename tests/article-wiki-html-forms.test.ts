// The lighthouse article in both Wikipedia HTML forms reads the same as its browser text + references.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReferences } from '../src/config/load.js';
import { parseArticle } from '../src/article/parse.js';
import { READERS } from '../src/article/formats.js';
import { parseWikiHtml } from '../src/article/wiki-html/index.js';
import { InputError } from '../src/errors.js';

const dir = 'tests/fixtures/formats';
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const text = parseArticle(read('lighthouse.txt'), 'lighthouse.txt');
const refs = parseReferences(read('lighthouse.references.json'), 'lighthouse.references.json').references;

describe.each(['lighthouse.parsoid.html', 'lighthouse.legacy.html'])('%s', (file) => {
  const html = read(file);
  const article = parseWikiHtml(html, file);

  it('yields the claims, footnote groups and sections of the text form', () => {
    expect(article.format).toBe('wiki-html');
    expect(article.title).toBe(text.title);
    expect(article.claims.map((c) => [c.section, c.refs, c.text])).toEqual(text.claims.map((c) => [c.section, c.refs, c.text]));
    expect(article.claims.map((c) => c.id)).toEqual(text.claims.map((c) => c.id));
    expect(article.claims.map((c) => c.context)).toEqual(text.claims.map((c) => c.context));
    expect(article.uncited.map((u) => [u.section, u.text])).toEqual(text.uncited.map((u) => [u.section, u.text]));
    expect(article.findings).toEqual([]);
  });

  it('takes the URLs, archive copies and metadata of references.json from the markup', () => {
    expect(article.references.map((r) => [r.id, r.uses])).toEqual(text.references.map((r) => [r.id, r.uses]));
    for (const ref of refs) {
      const listed = article.references.find((r) => r.id === ref.id);
      const { id, phrases: _phrases, ...fields } = ref;
      expect(listed, `reference ${id}`).toMatchObject(fields);
    }
    expect(article.references.filter((r) => r.archiveUrl).map((r) => [r.id, r.urlStatus])).toEqual([[3, 'dead']]);
  });

  it('places each claim at its first character in the HTML file', () => {
    const lines = html.split('\n');
    for (const c of [...article.claims, ...article.uncited]) {
      const at = lines[c.line - 1]?.slice(c.column - 1) ?? '';
      expect(at.startsWith(c.text.split(' ')[0] ?? ''), `${c.text} at ${c.line}:${c.column}`).toBe(true);
    }
  });

  it('is the reader registered as wiki-html', async () => {
    const reader = await READERS['wiki-html']();
    expect((await reader({ text: html, path: file }, {})).claims).toEqual(article.claims);
  });
});

describe('HTML that is not a Wikipedia article', () => {
  it.each([
    ['a blog page', '<html><body><article><p>Some prose here.</p></article></body></html>'],
    ['an empty Parsoid body', '<html><head><meta property="mw:htmlVersion" content="2.8.0"></head><body class="mw-parser-output"></body></html>'],
  ])('%s is an InputError naming the file', (_, html) => {
    expect(() => parseWikiHtml(html, 'page.html')).toThrow(InputError);
    expect(() => parseWikiHtml(html, 'page.html')).toThrow(/^cannot read page\.html: no Wikipedia article body/);
  });
});
