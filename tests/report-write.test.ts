import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { ReportSchema } from '../src/report/schema.js';
import { formatsToFiles, parseFormats, writeReports, type ReportFormat } from '../src/report/write.js';
import { sampleReport } from './fixtures/report/sample.js';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'citecheck-write-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

describe('parseFormats', () => {
  it.each<[string, ReportFormat[]]>([
    ['json', ['json']],
    ['json,md,sarif,junit', ['json', 'md', 'sarif', 'junit']],
    [' HTML , md ,, html', ['html', 'md']],
    ['json,md,html,junit,sarif', ['json', 'md', 'html', 'junit', 'sarif']],
  ])('%j → %j', (csv, formats) => {
    expect(parseFormats(csv)).toEqual(formats);
  });

  it.each(['xml', 'json,pdf', '', ' , '])('rejects %j with an InputError', (csv) => {
    expect(() => parseFormats(csv)).toThrow(InputError);
  });
});

describe('formatsToFiles', () => {
  it('maps each format to its file name and renderer', () => {
    const files = formatsToFiles(sampleReport, ['json', 'md', 'html', 'junit', 'sarif'], ['broken']);
    expect(files.map((f) => f.name)).toEqual(['report.json', 'report.md', 'report.html', 'junit.xml', 'report.sarif']);
    const json = files[0]?.content ?? '';
    expect(json.endsWith('}\n')).toBe(true);
    expect(ReportSchema.parse(JSON.parse(json))).toEqual(sampleReport);
    expect(files[1]?.content).toMatch(/^# citecheck/);
    expect(files[2]?.content).toMatch(/^<!doctype html>/);
    expect(files[3]?.content).toMatch(/^<\?xml/);
    expect(JSON.parse(files[4]?.content ?? '')).toMatchObject({ version: '2.1.0' });
  });

  it('passes failOn to JUnit and SARIF', () => {
    const [junit] = formatsToFiles(sampleReport, ['junit'], []);
    expect(junit?.content).toContain('failures="0"');
    const [junit2] = formatsToFiles(sampleReport, ['junit'], ['broken']);
    expect(junit2?.content).toContain('failures="3"');
  });
});

describe('writeReports', () => {
  it('creates the folder, writes every file and leaves no temp file behind', async () => {
    const target = join(dir, 'nested', 'reports');
    const paths = await writeReports(target, [{ name: 'a.txt', content: 'A\n' }, { name: 'b.json', content: '{}\n' }]);
    expect(paths).toEqual([join(target, 'a.txt'), join(target, 'b.json')]);
    expect(await readFile(join(target, 'a.txt'), 'utf8')).toBe('A\n');
    expect((await readdir(target)).sort()).toEqual(['a.txt', 'b.json']);
  });

  it('replaces an existing file', async () => {
    await writeFile(join(dir, 'report.md'), 'old');
    await writeReports(dir, [{ name: 'report.md', content: 'new' }]);
    expect(await readFile(join(dir, 'report.md'), 'utf8')).toBe('new');
  });

  it('refuses names that would escape the folder', async () => {
    await expect(writeReports(dir, [{ name: '../x', content: '' }])).rejects.toThrow();
    await expect(writeReports(dir, [{ name: 'a/b', content: '' }])).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('never lets a reader see half a file while it is rewritten', async () => {
    const big = (ch: string) => ch.repeat(4 * 1024 * 1024);
    await writeReports(dir, [{ name: 'r.txt', content: big('a') }]);
    let stop = false;
    const seen = new Set<string>();
    const reader = (async () => {
      while (!stop) {
        const text = await readFile(join(dir, 'r.txt'), 'utf8');
        seen.add(`${text.length}:${text[0]}:${text.at(-1)}`);
      }
    })();
    for (const ch of ['b', 'c', 'd']) await writeReports(dir, [{ name: 'r.txt', content: big(ch) }]);
    stop = true;
    await reader;
    for (const s of seen) expect(s).toMatch(/^4194304:([abcd]):\1$/);
  });
});
