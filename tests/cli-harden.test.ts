// Hostile and broken inputs through the built binary: FIFOs, devices, oversized files, escape
// sequences, unusable output folders and the first run in an empty folder — each exit 2, one clear line.
import { execFile, execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, type Run } from './helpers/cli.js';

const ARTICLE = `Riverside library

The Riverside city council approved a budget of 4.2 million dollars for the new library. [1]

References

  1. "Riverside council approves library budget". Riverside Gazette. 14 May 2024.
`;

/** Runs the binary, killing it after `ms`: a hang shows up as code -1 instead of a stuck suite. */
function runCli(args: readonly string[], cwd: string, ms = 60_000, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], {
      cwd, timeout: ms, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1', CI: 'true', GITHUB_ACTIONS: '', ...env },
    }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** One clear error: exit 2, no stack trace, the reason and at most one hint line. */
function expectOneLine(r: Run, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
}

function project(refs: object[] = [{ id: 1 }]): string {
  const d = mkdtempSync(join(tmpdir(), 'citecheck-harden-'));
  writeFileSync(join(d, 'article.txt'), ARTICLE);
  writeFileSync(join(d, 'references.json'), JSON.stringify({ article: 'article.txt', references: refs }));
  return d;
}

// Counts requests: a check that must happen before fetching is proven by zero hits.
let hits = 0;
let server: http.Server;
let origin = '';
beforeAll(async () => {
  ensureBuilt();
  server = http.createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><head><title>\x1b]0;owned\x07\x1b[2J\x1b[31mPage not found\x1b[0m</title></head><body><h1>Page not found</h1><p>\x1b[2JSorry, this page does not exist.</p></body></html>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => { await new Promise((ok) => server.close(ok)); });

describe('first contact', () => {
  it('in a folder with no article and no references.json says what to give it, with an example', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'citecheck-empty-'));
    const r = await runCli(['verify'], empty);
    expectOneLine(r, /no article/);
    expect(r.stderr).toMatch(/article file/);
    expect(r.stderr).toMatch(/folder/);
    expect(r.stderr).toMatch(/wiki URL/);
    expect(r.stderr).toMatch(/citecheck verify \S+/);
  });

  it('extract says the same in an empty folder', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'citecheck-empty-'));
    const r = await runCli(['extract'], empty);
    expectOneLine(r, /article file.*folder.*wiki URL|wiki URL/s);
  });

  it.each([
    [['--timeout', '-3'], /--timeout/],
    [['--concurrency', 'many'], /--concurrency/],
    [['--retries', '1.5'], /--retries/],
    [['--format', 'pdf'], /--format: unknown report format: pdf/],
    [['--input-format', 'docx'], /--input-format: unknown input format "docx"/],
  ])('a bad flag value %j names the flag and what to do next', async (args, pattern) => {
    const r = await runCli(['verify', ...args], project());
    expectOneLine(r, pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });
});

describe('input files that are not regular files, or too large', () => {
  it.each([
    ['article', (d: string) => ['verify', 'pipe.txt', '--no-history']],
    ['references.json', (d: string) => ['verify', 'article.txt', '--refs', 'pipe.txt', '--no-history']],
    ['article for extract', (d: string) => ['extract', 'pipe.txt']],
    ['WARC to --replay', (d: string) => ['verify', 'article.txt', '--replay', 'pipe.txt']],
    ['--reviews file', (d: string) => ['verify', 'article.txt', '--reviews', 'pipe.txt', '--no-history']],
    ['reviews file beside the article', (d: string) => ['verify', 'article.txt', '--no-history']],
  ])('a FIFO as the %s is refused at once instead of hanging', async (what, args) => {
    const d = project();
    execFileSync('mkfifo', [join(d, what === 'reviews file beside the article' ? 'citecheck.reviews.json' : 'pipe.txt')]);
    const r = await runCli(args(d), d);
    expectOneLine(r, /(pipe\.txt|citecheck\.reviews\.json).*not a regular file/);
  }, 90_000);

  it('/dev/zero is refused instead of eating memory', async () => {
    const r = await runCli(['verify', '/dev/zero', '--no-history'], project());
    expectOneLine(r, /\/dev\/zero.*not a regular file/);
  }, 90_000);

  it('an article over --max-input-size is refused, naming the flag', async () => {
    const d = project();
    truncateSync(join(d, 'article.txt'), 3 * 1024 * 1024);
    const r = await runCli(['verify', 'article.txt', '--no-history', '--max-input-size', '2'], d);
    expectOneLine(r, /article\.txt.*--max-input-size/s);
  });

  it('a references.json over --max-input-size is refused, naming the flag', async () => {
    const d = project();
    truncateSync(join(d, 'references.json'), 3 * 1024 * 1024);
    const r = await runCli(['extract', '--max-input-size', '1'], d);
    expectOneLine(r, /references\.json.*--max-input-size/s);
  });
});

// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/;

describe('terminal escape injection', () => {
  it('a hostile article title and page title never reach the terminal raw', async () => {
    const d = project([{ id: 1, url: `${origin}/story` }]);
    writeFileSync(join(d, 'article.txt'), ARTICLE.replace('Riverside library', '\x1b]0;owned\x07\x1b[2JRiverside\0 library\ufffe'));
    const r = await runCli(['verify', '--allow-private-hosts', '--retries', '0', '-v', '--no-history'], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Riverside library/);
    expect(r.stdout).not.toMatch(ACTIVE);
    expect(r.stderr).not.toMatch(ACTIVE);
  }, 90_000);

  it('an escape in an error message is stripped too', async () => {
    const d = project();
    const r = await runCli(['verify', 'no\x1b[2Jsuch.txt'], d);
    expectOneLine(r, /nosuch\.txt/);
    expect(r.stderr).not.toMatch(ACTIVE);
  });
});

describe('unusable output folders', () => {
  it.each([
    ['a file', (d: string) => join(d, 'article.txt'), /is a file/],
    ['under a file', (d: string) => join(d, 'article.txt', 'out'), /a file/],
  ])('citecheck report --out %s exits 2 with one line', async (_what, out, pattern) => {
    const d = project();
    const verify = await runCli(['verify', '--no-history', '-q'], d);
    expect(verify.code).toBe(1);
    const r = await runCli(['report', join(d, 'reports', 'report.json'), '--format', 'md', '--out', out(d)], d);
    expectOneLine(r, pattern);
  }, 90_000);

  it.each([
    ['an existing file', ['--out', 'article.txt'], /article\.txt.*is a file/],
    ['a folder under a file', ['--out', 'article.txt/reports'], /article\.txt.*a file/],
    ['a history file under a file', ['--history', 'article.txt/h.json'], /article\.txt.*a file/],
  ])('verify finds --out as %s before fetching anything', async (_what, args, pattern) => {
    const d = project([{ id: 1, url: `${origin}/early` }]);
    const before = hits;
    const r = await runCli(['verify', '--allow-private-hosts', ...args], d);
    expectOneLine(r, pattern);
    expect(hits - before).toBe(0);
  });

  it('verify names a read-only output folder before fetching (an EROFS-like refusal)', async () => {
    // Root ignores permission bits, so the refusal is made real with a path no one can create: /proc.
    const d = project([{ id: 1, url: `${origin}/early-ro` }]);
    const before = hits;
    const r = await runCli(['verify', '--allow-private-hosts', '--out', '/proc/citecheck-reports'], d);
    expectOneLine(r, /\/proc\/citecheck-reports/);
    expect(r.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
    expect(hits - before).toBe(0);
  });
});

describe('a folder as an input', () => {
  it('an article path that is a folder names it', async () => {
    const d = project();
    mkdirSync(join(d, 'sub'));
    const r = await runCli(['verify', 'sub'], d);
    expectOneLine(r, /sub/);
    expect(readFileSync(join(d, 'article.txt'), 'utf8')).toBe(ARTICLE);
  });
});
