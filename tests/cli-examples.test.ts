// examples/articles: one article in every format, read offline through the built binary; every
// reader gives the same claims, footnotes and URLs, and init writes the same references.json.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReferencesFileSchema } from '../src/config/schema.js';
import { ensureBuilt, ROOT, runCli } from './helpers/cli.js';

interface Extracted {
  path: string;
  format: string;
  claims: { text: string; refs: number[]; section: string }[];
  references: { id: number; url?: string; archiveUrl?: string }[];
  findings: unknown[];
}

const DIR = join(ROOT, 'examples', 'articles');

beforeAll(() => { ensureBuilt(); }, 120_000);

describe('examples/articles', () => {
  it('reads every format, each with the same claims, footnotes and URLs', async () => {
    const r = await runCli(['extract', 'examples/articles']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const all = JSON.parse(r.stdout) as Extracted[];
    expect(all.map((a) => [a.path, a.format])).toEqual([
      ['examples/articles/riverside.docs.html', 'html'],
      ['examples/articles/riverside.md', 'markdown'],
      ['examples/articles/riverside.parsoid.html', 'wiki-html'],
      ['examples/articles/riverside.txt', 'txt'],
      ['examples/articles/riverside.wiki', 'wikitext'],
    ]);
    const claims = (a: Extracted) => a.claims.map((c) => [c.text, c.refs, c.section]);
    const urls = (a: Extracted) => a.references.map((x) => [x.id, x.url, x.archiveUrl]);
    const [first, ...rest] = all;
    expect(first && claims(first)).toHaveLength(4);
    for (const a of rest) expect(claims(a), a.path).toEqual(first && claims(first));
    // The text form has no URLs: its references.json gives them, the others carry them.
    const given = ReferencesFileSchema.parse(JSON.parse(readFileSync(join(DIR, 'riverside.references.json'), 'utf8')));
    const expected = given.references.map((x) => [x.id, x.url, x.archiveUrl]);
    for (const a of all.filter((x) => x.format !== 'txt')) expect(urls(a), a.path).toEqual(expected);
    for (const a of all) expect(a.findings, a.path).toEqual([]);
  });

  it('init writes what each wiki format knows, the quote included', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'citecheck-examples-')), 'refs.json');
    for (const file of ['riverside.parsoid.html', 'riverside.wiki']) {
      const r = await runCli(['init', join(DIR, file), '--out', out, '--force']);
      expect(r.code, r.stderr).toBe(0);
      const refs = ReferencesFileSchema.parse(JSON.parse(readFileSync(out, 'utf8'))).references;
      expect(refs[0]).toMatchObject({ id: 1, quote: 'approved a budget of 4.2 million dollars', accessDate: '2024-05-20', phrases: [] });
      expect(refs[2]).toMatchObject({ id: 3, archiveUrl: expect.stringMatching(/^https:\/\/web\.archive\.org\//) });
    }
  });

  it('--links-as-citations reaches the Markdown reader from the CLI', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'citecheck-links-')), 'links.md');
    writeFileSync(file, '# Links\n\nThe council [approved the budget](https://gazette.example/budget) in May 2024.\n');
    const plain = JSON.parse((await runCli(['extract', file])).stdout) as Extracted;
    const linked = JSON.parse((await runCli(['extract', file, '--links-as-citations'])).stdout) as Extracted;
    expect(plain.claims).toEqual([]);
    expect(linked.claims.map((c) => c.refs)).toEqual([[1]]);
    expect(linked.references[0]?.url).toBe('https://gazette.example/budget');
  });
});
