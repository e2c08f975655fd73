// Reports are written as one set: temp files first, then every rename, so a full disk or a bad target
// never leaves reports from two runs side by side, and the error says which were replaced.
import * as nodeFs from 'node:fs/promises';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtomicFs } from '../src/atomic.js';
import { InputError } from '../src/errors.js';
import { writeReportSet, writeReports, type ReportFile } from '../src/report/write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citecheck-set-'));
  for (const name of ['report.json', 'report.md', 'report.html']) await writeFile(join(dir, name), `old ${name}`);
});
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const files = (): ReportFile[] => ['report.json', 'report.md', 'report.html']
  .map((name) => ({ name, chunks: () => [`new `, name] }));

const fsError = (code: string): Error => Object.assign(new Error(`${code}: injected`), { code, syscall: 'write' });

/** The real file system, except that writing to a temp file for `failing` runs out of space half-way. */
function diskFullAt(failing: string): AtomicFs {
  return {
    ...nodeFs,
    open: (async (path: string, flags: string) => {
      const handle = await nodeFs.open(path, flags);
      if (basename(path).startsWith(`.${failing}.`)) {
        handle.write = (async () => { throw fsError('ENOSPC'); }) as typeof handle.write;
      }
      return handle;
    }) as AtomicFs['open'],
    rename: nodeFs.rename,
    rm: nodeFs.rm,
  };
}

async function contents(): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), 'utf8')])));
}

const OLD = { 'report.html': 'old report.html', 'report.json': 'old report.json', 'report.md': 'old report.md' };

describe('a full disk part-way', () => {
  it('replaces no report when the last one cannot be written, and says so', async () => {
    const error = await writeReportSet(dir, files(), diskFullAt('report.html')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).toMatch(/report\.html.*no space left.*no report was replaced/);
    expect(await contents()).toEqual(OLD);
  });

  it('replaces no report when a write fails while the next batch is rendered', async () => {
    const big = files().map((f) => ({ name: f.name, chunks: () => Array.from({ length: 50 }, () => 'y'.repeat(10_000)) }));
    await expect(writeReportSet(dir, big, diskFullAt('report.md'))).rejects.toThrow(/report\.md.*no space left.*no report was replaced/);
    expect(await contents()).toEqual(OLD);
  });

  it('replaces no report when the first one cannot be written', async () => {
    await expect(writeReportSet(dir, files(), diskFullAt('report.json'))).rejects.toThrow(/no report was replaced/);
    expect(await contents()).toEqual(OLD);
  });

  it('names the replaced and the kept reports when a rename fails after others succeeded', async () => {
    let renames = 0;
    const fs: AtomicFs = { ...nodeFs, open: nodeFs.open, rm: nodeFs.rm,
      rename: async (from, to) => {
        renames += 1;
        if (renames === 2) throw fsError('EIO');
        await nodeFs.rename(from, to);
      } };
    const error = await writeReportSet(dir, files(), fs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).toMatch(/cannot replace report\.md.*replaced report\.json, kept the previous report\.md, report\.html/);
    expect(await contents()).toEqual({ ...OLD, 'report.json': 'new report.json' });
  });

  it('refuses a folder where a report goes before replacing anything', async () => {
    await rm(join(dir, 'report.html'));
    await mkdir(join(dir, 'report.html'));
    await expect(writeReportSet(dir, files())).rejects.toThrow(/report\.html.*a folder; no report was replaced/);
    expect(await readFile(join(dir, 'report.json'), 'utf8')).toBe('old report.json');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes every report when nothing fails', async () => {
    const { written, failed } = await writeReportSet(dir, files());
    expect(written.map((w) => basename(w))).toEqual(['report.json', 'report.md', 'report.html']);
    expect(failed).toEqual([]);
    expect(await contents()).toEqual({ 'report.html': 'new report.html', 'report.json': 'new report.json', 'report.md': 'new report.md' });
  });
});

describe('a renderer that fails', () => {
  const broken = (): ReportFile[] => files().map((f) => (f.name === 'report.html'
    ? { name: f.name, *chunks() { yield '<!doctype html>'; throw new RangeError('Invalid string length'); } }
    : f));

  it('drops only its own format: the other reports are still written, and the failure is returned', async () => {
    const { written, failed } = await writeReportSet(dir, broken());
    expect(written.map((w) => basename(w))).toEqual(['report.json', 'report.md']);
    expect(failed.map((f) => f.name)).toEqual(['report.html']);
    expect(failed[0]?.error).toBeInstanceOf(RangeError);
    expect(await contents()).toEqual({ ...OLD, 'report.json': 'new report.json', 'report.md': 'new report.md' });
  });

  it('fails the same way when it throws while an earlier batch of its file is being written', async () => {
    const late = files().map((f) => (f.name === 'report.html'
      ? { name: f.name, *chunks() { for (let i = 0; i < 50; i += 1) yield 'x'.repeat(10_000); throw new RangeError('late'); } }
      : f));
    const { written, failed } = await writeReportSet(dir, late);
    expect(written.map((w) => basename(w))).toEqual(['report.json', 'report.md']);
    expect(failed[0]?.error).toBeInstanceOf(RangeError);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await contents())['report.html']).toBe('old report.html');
  });

  it('is not called a file-system problem by writeReports', async () => {
    const error = await writeReports(dir, broken()).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(InputError);
    expect(String((error as Error).message)).toMatch(/could not render report\.html \(Invalid string length\)/);
  });
});

describe('the bytes written', () => {
  it('are the pieces joined, as UTF-8, across buffer boundaries and with pairs split between pieces', async () => {
    const emoji = '😀';
    const pieces = [
      'plain ', 'é ü ß ', emoji.slice(0, 1), emoji.slice(1), ' Ωμέγα ',
      // Past the write batches: one piece larger than several, then many small ones that fill many.
      'x'.repeat(400_000), '€'.repeat(300_000), ...Array.from({ length: 5_000 }, (_, i) => `${i} ${emoji} Ω `),
      'end high', '\uD83D', '\uDE00', 'and a lone \uD800 then', ' ends with a high \uD83D',
    ];
    await writeReportSet(dir, [{ name: 'report.md', chunks: () => pieces }]);
    const written = await readFile(join(dir, 'report.md'));
    const expected = Buffer.from(pieces.join(''), 'utf8');
    expect(written.length).toBe(expected.length);
    // Buffer.equals: a deep comparison of 2 MB byte by byte takes seconds.
    expect(written.equals(expected)).toBe(true);
  });
});
