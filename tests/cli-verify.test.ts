// `citecheck verify` and `citecheck report` through the built binary: files, exit codes 0/1/2, stderr.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../src/report/schema.js';
import { startWaybackStandIn } from './fixtures/wayback.js';
import { ROUTES, startFixtureWeb, type FixtureWeb } from './fixtures/web.js';
import { ensureBuilt, ROOT, runCli } from './helpers/cli.js';

const ARTICLE = `Riverside library

Budget

The Riverside city council approved a budget of 4.2 million dollars for the new library. [1]
Mayor Elena Novak said construction would begin in the spring of 2025. [2]

References

  1. "Riverside council approves library budget". Riverside Gazette. 14 May 2024.
  2. "Removed". Riverside Gazette. 2019.
`;

let web: FixtureWeb;
let dir: string;

function project(refs: { id: number; url?: string }[]): string {
  const d = mkdtempSync(join(tmpdir(), 'citecheck-cli-'));
  writeFileSync(join(d, 'article.txt'), ARTICLE);
  writeFileSync(join(d, 'references.json'), JSON.stringify({ article: 'article.txt', references: refs }));
  return d;
}

beforeAll(async () => {
  ensureBuilt();
  web = await startFixtureWeb();
  dir = project([{ id: 1, url: web.url(ROUTES.ok) }, { id: 2, url: web.url(ROUTES.gone) }]);
});
afterAll(async () => { await web.close(); });

describe('citecheck verify', () => {
  it('writes the reports atomically, prints a summary and exits 1 on a broken citation', async () => {
    const r = await runCli(['verify', '--allow-private-hosts', '--retries', '0', '--format', 'json,md,html,junit,sarif'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken/);
    const files = readdirSync(join(dir, 'reports')).sort();
    expect(files).toEqual(['history.db', 'junit.xml', 'report.html', 'report.json', 'report.md', 'report.sarif']);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8')));
    expect(report.claims.map((c) => c.verdict)).toEqual(['supported', 'broken']);
    expect(report.sources.map((s) => s.linkStatus)).toEqual(['ok', 'dead']);
  });

  it('exits 0 when --fail-on names no verdict that occurred', async () => {
    const r = await runCli(['verify', '--allow-private-hosts', '--retries', '0', '--fail-on', 'unsupported', '-q', '--out', 'out2'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(join(dir, 'out2')).sort()).toEqual(['history.db', 'report.html', 'report.json', 'report.md']);
  });

  it('prints GitHub annotations with file and line under GITHUB_ACTIONS', async () => {
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '');
    const r = await runCli(['verify', '--allow-private-hosts', '--retries', '0', '-q', '--out', 'gh'], {
      cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=article\.txt,line=6/m);
    expect(readFileSync(summary, 'utf8')).toMatch(/broken/);
  });

  it.each([
    [['--format', 'pdf'], /format/],
    [['--fail-on', 'sometimes'], /fail-on/],
    [['--timeout', '-3'], /--timeout/],
    [['--concurrency', 'many'], /--concurrency/],
    [['--refs', 'nope.json'], /nope\.json/],
    [['missing-article.txt'], /missing-article\.txt/],
  ])('exits 2 with a one-line reason for bad input %j', async (args, pattern) => {
    const r = await runCli(['verify', ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
  });

  it('names the bad field of a malformed references.json and exits 2', async () => {
    const bad = project([{ id: 1, url: 'x' }]);
    writeFileSync(join(bad, 'references.json'), JSON.stringify({ references: [{ id: 1 }, { id: 'two' }] }));
    const r = await runCli(['verify', 'article.txt'], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/references\[1\]\.id/);
  });
});

describe('scheduled runs through the binary', () => {
  it('records a WARC and replays it offline with the same verdicts', async () => {
    const warc = join(dir, 'evidence.warc.gz');
    const live = await runCli(['verify', '--allow-private-hosts', '--retries', '0', '-q', '--no-history', '--out', 'live', '--warc', warc], { cwd: dir });
    expect(live.code).toBe(1);
    const replay = await runCli(['verify', '--replay', warc, '-q', '--no-history', '--out', 'replayed'], { cwd: dir });
    expect(replay.code).toBe(1);
    const read = (d: string) => ReportSchema.parse(JSON.parse(readFileSync(join(dir, d, 'report.json'), 'utf8')));
    expect(read('replayed').claims).toEqual(read('live').claims);
    expect(read('replayed').sources).toEqual(read('live').sources);
  });

  it('--archive finds a Wayback copy of the dead source and matches the claim in it', async () => {
    // The bundled CLI makes these CDX and replay requests with its own lean undici entry (scripts/bundle-undici.mjs).
    const wayback = await startWaybackStandIn([{
      timestamp: '20240510120000', original: web.url(ROUTES.gone),
      body: '<html><body><p>Mayor Elena Novak said construction would begin in the spring of 2025.</p></body></html>',
    }]);
    try {
      const r = await runCli(['verify', '--allow-private-hosts', '--retries', '0', '--archive', '--wayback-url', wayback.baseUrl,
        '--no-history', '-q', '--fail-on', 'none', '--out', 'out-archive', '--warc', 'archive.warc'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'out-archive', 'report.json'), 'utf8')));
      const archived = report.claims[1]?.citations[0]?.archive;
      expect(archived?.url).toContain('20240510120000');
      expect(archived?.verdict).toBe('supported');
      expect(wayback.cdxHits.length).toBeGreaterThan(0);
      // The archived copy is evidence too: the WARC holds it, and a replay finds the same copy offline.
      const replay = await runCli(['verify', '--replay', 'archive.warc', '--no-history', '-q', '--fail-on', 'none', '--out', 'out-archive-replay'], { cwd: dir });
      expect(replay.code).toBe(0);
      const replayed = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'out-archive-replay', 'report.json'), 'utf8')));
      expect(replayed.claims[1]?.citations[0]?.archive).toEqual(archived);
    } finally {
      await wayback.close();
    }
  });

  it('--changed-only fails only when something newly broke', async () => {
    const args = ['verify', '--allow-private-hosts', '--retries', '0', '--changed-only', '--history', 'h/history.json', '--out', 'weekly'];
    const first = await runCli(args, { cwd: dir });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Newly broken \(1\)/);
    const second = await runCli(args, { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Still broken \(1\)/);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'weekly', 'report.json'), 'utf8')));
    expect(report.changes?.stillBroken.map((b) => b.refs)).toEqual([[2]]);
  });
});

describe('what the review found', () => {
  it('a replay never reads or writes the link-rot history', async () => {
    const warc = join(dir, 'for-replay.warc');
    await runCli(['verify', '--allow-private-hosts', '--retries', '0', '-q', '--no-history', '--out', 'rec', '--warc', warc], { cwd: dir });
    const r = await runCli(['verify', '--replay', warc, '-q', '--out', 'rep'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, 'rep'))).not.toContain('history.db');
    expect(readdirSync(join(dir, 'rep'))).not.toContain('history.json');
    const changed = await runCli(['verify', '--replay', warc, '--changed-only', '--out', 'rep2'], { cwd: dir });
    expect(changed.code).toBe(2);
  });

  it.each([
    [['--warc', '.'], /cannot write \.: it is a folder/],
    [['--out', 'article.txt'], /cannot write into article\.txt/],
  ])('refuses an unusable output path %j before fetching, with exit 2', async (args, pattern) => {
    const r = await runCli(['verify', '--allow-private-hosts', '--retries', '0', ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('lists the citations that fail a custom --fail-on', async () => {
    const r = await runCli(['verify', '--allow-private-hosts', '--retries', '0', '--no-history', '--out', 'fo', '--fail-on', 'supported'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/failing \(supported\):\n\s+line 5 \[1\] supported/);
  });

  it('names an article given by absolute path relative to the current folder in annotations', async () => {
    const r = await runCli(['verify', join(dir, 'article.txt'), '--allow-private-hosts', '--retries', '0', '-q', '--no-history', '--out', 'abs'], {
      cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(dir, 'no-such-folder', 'summary.md') },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=article\.txt,line=6/m);
    expect(r.stderr).toMatch(/warning: cannot append to GITHUB_STEP_SUMMARY/);
  });

  it('exits quietly when its reader stops early (| head)', async () => {
    const { execFile } = await import('node:child_process');
    const out = await new Promise<{ code: number | null; stderr: string }>((done) => {
      // Far more than a pipe buffer holds, so the writer really meets a closed pipe.
      const big = `Big\n\nS\n\n${Array.from({ length: 4000 }, (_, i) => `Claim number ${i} is stated here. [1]`).join('\n')}\n\nReferences\n\n  1. "x". y. 2024.\n`;
      writeFileSync(join(dir, 'big.txt'), big);
      execFile('bash', ['-c', `node ${JSON.stringify(join(ROOT, 'dist', 'cli.js'))} extract big.txt | head -c 20 >/dev/null`], { cwd: dir },
        (error, _stdout, stderr) => done({ code: error ? Number(error.code) : 0, stderr }));
    });
    expect(out.stderr).not.toMatch(/EPIPE/);
  });
});

describe('citecheck report', () => {
  it('re-renders a saved report.json without network', async () => {
    const out = join(dir, 'rerender');
    const r = await runCli(['report', join(dir, 'reports', 'report.json'), '--format', 'html,junit', '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['junit.xml', 'report.html']);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/Riverside/);
  });

  it('rejects a file that is not a citecheck report with exit 2', async () => {
    const file = join(dir, 'not-a-report.json');
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    const r = await runCli(['report', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a citecheck report/);
  });
});
