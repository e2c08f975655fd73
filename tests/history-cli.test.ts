// The history through the built CLI: two concurrent runs on one --out, the history.json import, --history-keep.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEmptyHistory, recordRun, saveHistory } from '../src/history/index.js';
import { ReportSchema } from '../src/report/schema.js';
import { ensureBuilt, runCli } from './helpers/cli.js';

const page = (text: string) => `<!doctype html><html lang="en"><head><title>Gazette</title></head><body><main><article>
<h1>News</h1><p>${text}</p><p>The meeting was held in the old town hall and was open to the public.</p></article></main></body></html>`;

let server: Server;
let origin = '';
/** Responses wait until every path in `barrier` has been asked for: both runs are then surely in flight. */
let barrier = new Set<string>();
let release: () => void = () => {};
let released = Promise.resolve();
/** Requests for /slow/… (answered after a second). */
let slowHits = 0;

function holdUntil(paths: string[]): void {
  barrier = new Set(paths);
  released = new Promise((ok) => { release = ok; });
}

beforeAll(async () => {
  ensureBuilt();
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/slow/')) {
      slowHits += 1;
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(`The council approved the plan for ${path}.`)), 1000);
      return;
    }
    barrier.delete(path);
    if (barrier.size === 0) release();
    void released.then(() => {
      if (path === '/shared') res.writeHead(404, { 'content-type': 'text/html' }).end(page('Page not found'));
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(`The council approved the plan for ${path}.`));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => { await new Promise((ok) => server.close(ok)); });

/** An article citing `own` as [1] and /shared as [2], with its own references file. */
function article(dir: string, name: string, own: string): string[] {
  writeFileSync(join(dir, `${name}.txt`), `${name}\n\nNews\n\nThe council approved the plan for ${own}. [1] The old report is still online. [2]\n\n`
    + `References\n\n  1. "Plan". Gazette. 2024.\n  2. "Report". Gazette. 2019.\n`);
  writeFileSync(join(dir, `${name}.refs.json`), JSON.stringify({ references: [{ id: 1, url: `${origin}${own}` }, { id: 2, url: `${origin}/shared` }] }));
  return ['verify', `${name}.txt`, '--refs', `${name}.refs.json`, '--allow-private-hosts', '--retries', '0', '-q', '--out', 'out'];
}

const PerUrl = z.array(z.object({ url: z.string(), n: z.number() }));

/** `sql` yields (url, n) rows: e.g. checks or strikes per URL, by path. */
function perUrl(file: string, sql = 'SELECT u.url AS url, count(*) AS n FROM checks c JOIN urls u ON u.id = c.url_id GROUP BY u.url') {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(PerUrl.parse(db.prepare(sql).all()).map((r) => [r.url.replace(origin, ''), r.n]));
  } finally {
    db.close();
  }
}
const STRIKES = 'SELECT url, strikes AS n FROM urls';

describe('two verify runs on one --out at the same time', () => {
  it('keep both runs\' checks in the history; the reports are whichever run finished last', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citecheck-two-runs-'));
    holdUntil(['/a', '/b']);
    const [a, b] = await Promise.all([runCli(article(dir, 'alpha', '/a'), { cwd: dir }), runCli(article(dir, 'beta', '/b'), { cwd: dir })]);
    expect([a?.stderr, b?.stderr]).toEqual(['', '']);
    expect([a?.code, b?.code]).toEqual([1, 1]);
    // Each run closed the database: no write-ahead log is left behind.
    expect(readdirSync(join(dir, 'out')).filter((f) => f.startsWith('history'))).toEqual(['history.db']);
    const file = join(dir, 'out', 'history.db');
    expect(perUrl(file)).toEqual({ '/a': 1, '/b': 1, '/shared': 2 });
    expect(perUrl(file, "SELECT kind AS url, count(*) AS n FROM runs GROUP BY kind")).toEqual({ run: 2 });
    // Both failures of /shared came within 72 h: still one strike, whichever run recorded first.
    expect(perUrl(file, STRIKES)).toEqual({ '/a': 0, '/b': 0, '/shared': 1 });
    // Each report file is replaced atomically: one run's report.json, never a mix.
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')));
    expect(['alpha', 'beta']).toContain(report.article.title);
  }, 120_000);
});

describe('an existing history.json', () => {
  it('is imported once into history.db beside it, with one line on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citecheck-import-'));
    holdUntil([]);
    const args = article(dir, 'gamma', '/c');
    const { history } = recordRun(createEmptyHistory(), {
      at: new Date(Date.now() - 5 * 86_400_000), checks: [{ url: `${origin}/shared`, ref: 2, linkStatus: 'dead', httpStatus: 404 }],
    });
    await saveHistory(join(dir, 'h', 'links.json'), history);
    const withHistory = [...args.filter((x) => x !== '-q'), '--history', 'h/links.json'];
    const first = await runCli(withHistory, { cwd: dir });
    expect(first.stderr).toMatch(/^citecheck: imported the history of 1 URLs from h\/links\.json into h\/links\.db/);
    expect(first.stderr.trim().split('\n')).toHaveLength(1);
    expect(perUrl(join(dir, 'h', 'links.db'))).toEqual({ '/c': 1, '/shared': 2 });
    // The imported strike counts: this failure, ≥72 h after the imported one, is strike 2.
    expect(perUrl(join(dir, 'h', 'links.db'), STRIKES)).toEqual({ '/c': 0, '/shared': 2 });
    const second = await runCli(withHistory, { cwd: dir });
    expect(second.stderr).toBe('');
    expect(perUrl(join(dir, 'h', 'links.db'))).toEqual({ '/c': 2, '/shared': 3 });
    expect(perUrl(join(dir, 'h', 'links.db'), STRIKES)).toEqual({ '/c': 0, '/shared': 2 });
    expect(JSON.parse(readFileSync(join(dir, 'h', 'links.json'), 'utf8'))).toEqual(history);
  }, 120_000);

  it('--history-keep with a bad value exits 2 naming the flag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citecheck-keep-'));
    const r = await runCli([...article(dir, 'delta', '/d'), '--history-keep', 'forever'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--history-keep "forever"/);
  });
});

describe('a history that cannot be opened', () => {
  // The database opens while the first request is in flight: its error stops the run before any
  // page is read or another request starts, as it did when it was opened before the first request.
  it('stops the run with exit 2 naming the file; no further request, no report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citecheck-bad-history-'));
    const count = 8;
    const claims = Array.from({ length: count }, (_, i) => `The council approved plan number ${i + 1} for the town. [${i + 1}]`).join(' ');
    writeFileSync(join(dir, 'eps.txt'), `Eps\n\nNews\n\n${claims}\n\nReferences\n\n`
      + Array.from({ length: count }, (_, i) => `  ${i + 1}. "Plan ${i + 1}". Gazette. 2024.\n`).join(''));
    writeFileSync(join(dir, 'eps.refs.json'), JSON.stringify({ references: Array.from({ length: count }, (_, i) => ({ id: i + 1, url: `${origin}/slow/${i + 1}` })) }));
    writeFileSync(join(dir, 'h.db'), 'hello, this is text and not SQLite at all '.repeat(100));
    const before = slowHits;
    const r = await runCli(['verify', 'eps.txt', '--refs', 'eps.refs.json', '--allow-private-hosts', '--retries', '0', '-q',
      '--concurrency', '1', '--per-host', '1', '--history', 'h.db', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^citecheck: .*h\.db/);
    // Each request takes a second and they go one at a time: the run stopped after the first (or, on a
    // machine slow enough to open the file after a whole second, the second), not after all eight.
    expect(slowHits - before).toBeGreaterThanOrEqual(1);
    expect(slowHits - before).toBeLessThanOrEqual(2);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.startsWith('report'))).toEqual([]);
  }, 120_000);
});
