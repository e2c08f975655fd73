// Hostile servers against the network stage and the whole run: odd encodings, cut bodies, odd statuses, credentials.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../src/report/schema.js';
import { fetchSources, type FetchOptions } from '../src/sources/fetch.js';
import type { SourceFetch } from '../src/types.js';
import { htmlPage, startHostileWeb, type HostileWeb } from './fixtures/hostile.js';
import { ensureBuilt, runCli } from './helpers/cli.js';

const CLAIM = 'The Riverside council approved a budget of 4.2 million dollars for the library';
const PAGE = htmlPage('Council approves library budget', `${CLAIM}.`);

let web: HostileWeb;
beforeAll(async () => {
  web = await startHostileWeb({
    '/ok': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE); },
    '/zstd': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'zstd' }).end(Buffer.from('(\xb5/\xfd garbage')); },
    '/x-evil': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'x-evil' }).end(PAGE); },
    '/gzip-x-evil': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip, x-evil' }).end(zlib.gzipSync(PAGE)); },
  });
}, 60_000);
afterAll(async () => { await web.close(); }, 60_000);

const open: Partial<FetchOptions> = { allowPrivateHosts: true, retries: 0, timeoutMs: 5_000, sleep: async () => undefined };

async function fetchOne(path: string): Promise<SourceFetch> {
  const url = web.url(path);
  const f = (await fetchSources([url], open)).get(url);
  if (!f) throw new Error(`no result for ${url}`);
  return f;
}

describe('an unknown Content-Encoding', () => {
  it.each(['/zstd', '/x-evil', '/gzip-x-evil'])('%s is a decompression failure value, not a crash', async (path) => {
    const f = await fetchOne(path);
    expect(f.outcome.kind).toBe('failure');
    expect(f.outcome.kind === 'failure' ? f.outcome.failure : '').toBe('decompression');
  });

  it('among good sources, the whole run completes and writes its reports', async () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'citecheck-hostile-'));
    writeFileSync(join(dir, 'article.txt'), `Riverside library\n\nBudget\n\n${CLAIM}. [1] It was a zstd page. [2] It was an evil page. [3] It was a layered page. [4]\n\nReferences\n\n  1. "a". b. 2024.\n  2. "a". b. 2024.\n  3. "a". b. 2024.\n  4. "a". b. 2024.\n`);
    writeFileSync(join(dir, 'references.json'), JSON.stringify({ article: 'article.txt', references: [
      { id: 1, url: web.url('/ok') }, { id: 2, url: web.url('/zstd') }, { id: 3, url: web.url('/x-evil') }, { id: 4, url: web.url('/gzip-x-evil') },
    ] }));
    const r = await runCli(['verify', '--allow-private-hosts', '--retries', '0', '--fail-on', 'broken'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'reports')).sort()).toEqual(['history.db', 'report.html', 'report.json', 'report.md']);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8')));
    expect(report.sources.map((s) => s.linkStatus)).toEqual(['ok', 'error', 'error', 'error']);
    expect(report.claims.map((c) => c.verdict)).toEqual(['supported', 'unverifiable', 'unverifiable', 'unverifiable']);
  }, 120_000);
});
