// Reports of any size: renderers produce pieces (one claim, row or result each), whose concatenation is
// exactly the old single-string output; 30,000 problem citations still give every report file.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlChunks, renderHtml } from '../src/report/html.js';
import { jsonChunks } from '../src/report/json-chunks.js';
import { markdownChunks, renderMarkdown } from '../src/report/markdown.js';
import { renderSarif, sarifChunks } from '../src/report/sarif.js';
import type { Report } from '../src/report/schema.js';
import { buildRunReport } from '../src/report/run.js';
import { reportFiles } from '../src/report/write.js';
import { CLI, ensureBuilt, type Run } from './helpers/cli.js';
import { sampleReport } from './fixtures/report/sample.js';

/** The sample report with its claims repeated `times` times, each copy with its own id and line. */
function bigReport(times: number): Report {
  const claims = Array.from({ length: times }, (_, i) => sampleReport.claims.map((c) => ({
    ...c, id: `${c.id}-${i}`, line: c.line + i * 10,
  }))).flat();
  const s = sampleReport.summary;
  const byVerdict = Object.fromEntries(Object.entries(s.byVerdict).map(([v, n]) => [v, n * times])) as typeof s.byVerdict;
  return { ...sampleReport, claims, summary: { ...s, claims: s.claims * times, citations: s.citations * times, byVerdict } };
}

describe('jsonChunks', () => {
  it.each<[string, unknown]>([
    ['the sample report', sampleReport],
    ['empty containers', { a: [], b: {}, c: [[]], d: [{}] }],
    ['undefined and functions', { a: undefined, b: () => 1, c: [undefined, () => 1], d: null }],
    ['scalars', [0, -0, 1.5e300, 'line\nbreak "quoted"', true, null]],
    ['a date', { at: new Date(Date.UTC(2026, 0, 2)) }],
    ['deep nesting', { a: { b: { c: { d: { e: { f: [1, { g: 2 }] } } } } } }],
    ['a bare string', 'x'],
  ])('%s: the pieces join to JSON.stringify(value, null, 2)', (_name, value) => {
    expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });
});

describe('renderers in pieces', () => {
  const big = bigReport(400);
  it.each([
    ['html', () => htmlChunks(big), () => renderHtml(big)],
    ['md', () => markdownChunks(big), () => renderMarkdown(big)],
    ['sarif', () => sarifChunks(big, ['broken']), () => renderSarif(big, ['broken'])],
    ['json', () => reportFiles(big, ['json'], [])[0]?.chunks() ?? [], () => `${JSON.stringify(big, null, 2)}\n`],
    ['json of several articles', () => reportFiles(buildRunReport([big, big]), ['json'], [])[0]?.chunks() ?? [],
      () => `${JSON.stringify(buildRunReport([big, big]), null, 2)}\n`],
  ])('%s: pieces stay small however many claims, and join to the whole', (_format, chunks, whole) => {
    const pieces = [...chunks()];
    expect(pieces.length).toBeGreaterThan(big.claims.length);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(64 * 1024);
    expect(pieces.join('')).toBe(whole());
  });
});

function runCli(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: 'true', GITHUB_ACTIONS: '' } },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }));
  });
}

describe('a report with 30,000 problem citations', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('is written in every format by citecheck report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citecheck-big-'));
    // 3,750 copies of the sample's 8 claims: 30,000 problem citations (broken, unsupported, missing, unverifiable).
    const big = bigReport(3_750);
    const problems = big.claims.flatMap((c) => c.citations).filter((c) => c.verdict !== 'supported' && c.verdict !== 'partial');
    expect(problems.length).toBeGreaterThanOrEqual(26_000);
    writeFileSync(join(dir, 'big.json'), JSON.stringify(big));
    const r = await runCli(['report', 'big.json', '--format', 'json,md,html,junit,sarif', '--out', 'out'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['junit.xml', 'report.html', 'report.json', 'report.md', 'report.sarif']);
    const md = readFileSync(join(dir, 'out', 'report.md'), 'utf8');
    expect(md).toMatch(/## Problems \(\d{5}\)/);
    const sarif: unknown = JSON.parse(readFileSync(join(dir, 'out', 'report.sarif'), 'utf8'));
    expect(sarif).toMatchObject({ version: '2.1.0' });
    expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).toMatch(/<\/html>\n$/);
  }, 300_000);
});
