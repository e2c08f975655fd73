// One article in every format (tests/fixtures/formats/lighthouse.*): each reader yields the txt form's claims, groups and URLs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../src/article/detect.js';
import { READERS } from '../src/article/formats.js';
import { normaliseClaimText } from '../src/article/ids.js';
import { parseArticle } from '../src/article/parse.js';
import type { Article, InputFormat } from '../src/types.js';

const dir = 'tests/fixtures/formats';
const text = (name: string) => readFileSync(join(dir, name), 'utf8');

const reference = parseArticle(text('lighthouse.txt'), 'lighthouse.txt');
const refsJson = JSON.parse(text('lighthouse.references.json')) as { references: { id: number; url: string; archiveUrl?: string }[] };

async function read(format: keyof typeof READERS, name: string): Promise<Article> {
  const reader = await READERS[format]();
  return reader({ text: text(name), path: name }, {});
}

const FORMS: [keyof typeof READERS & InputFormat, string][] = [
  ['markdown', 'lighthouse.md'],
  ['wikitext', 'lighthouse.wiki'],
  ['html', 'lighthouse.pandoc.html'],
  ['html', 'lighthouse.hugo.html'],
];
// Pandoc and Hugo typeset `keeper's` as `keeper’s`: compare the text as claim ids do.
const norm = (text: string) => normaliseClaimText(text);

describe.each(FORMS)('%s: %s against lighthouse.txt + references.json', (format, name) => {
  it('is the format its extension and markup name', () => {
    expect(detectFormat(name, text(name))).toBe(format);
  });

  it('yields the same claims with the same footnote groups and sections', async () => {
    const article = await read(format, name);
    expect(article.format).toBe(format);
    expect(article.title).toBe(reference.title);
    expect(article.claims.map((c) => [norm(c.text), c.refs, c.section, c.id])).toEqual(
      reference.claims.map((c) => [norm(c.text), c.refs, c.section, c.id]));
    expect(article.uncited.map((u) => u.text)).toEqual(reference.uncited.map((u) => u.text));
  });

  it('yields the URLs and archive copies references.json gives by hand', async () => {
    const article = await read(format, name);
    expect(article.references.map((r) => [r.id, r.url, r.archiveUrl])).toEqual(
      refsJson.references.map((r) => [r.id, r.url, r.archiveUrl]));
    expect(article.references.map((r) => [r.title, r.uses])).toEqual(reference.references.map((r) => [r.title, r.uses]));
    expect(article.findings).toEqual([]);
  });

  it('places every claim at its first character in the file', async () => {
    const article = await read(format, name);
    const lines = text(name).split(/\r?\n/);
    for (const claim of article.claims) {
      // The claim may wrap onto the next source line: compare its first word.
      const at = lines[claim.line - 1]?.slice(claim.column - 1) ?? '';
      const word = claim.text.split(' ')[0] ?? '';
      expect(at.startsWith(word), `${claim.text} at ${claim.line}:${claim.column}`).toBe(true);
    }
  });
});
