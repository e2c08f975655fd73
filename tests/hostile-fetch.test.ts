// Hostile servers against the network stage and the whole run: odd encodings, cut bodies, odd statuses, credentials.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyHistory, HistorySchema } from '../src/history/schema.js';
import { recordRun } from '../src/history/rot.js';
import { judgeLink } from '../src/judge/link.js';
import { parseArticle } from '../src/article/parse.js';
import { ReportSchema } from '../src/report/schema.js';
import { verify } from '../src/verify.js';
import { fetchSources, type FetchOptions } from '../src/sources/fetch.js';
import type { SourceFetch } from '../src/types.js';
import { htmlPage, startHostileWeb, type HostileWeb } from './fixtures/hostile.js';
import { ensureBuilt, runCli } from './helpers/cli.js';

const CLAIM = 'The Riverside council approved a budget of 4.2 million dollars for the library';
const PAGE = htmlPage('Council approves library budget', `${CLAIM}.`);

// Sentences of varied words, so no page is mistaken for boilerplate and no claim word is in them.
const FILLER = Array.from({ length: 1500 }, (_, i) => `Paragraph ${i} talks about weather number ${i * 7} and rivers.`).join(' ');
const LONG_CLAIM_LAST = htmlPage('Council news', `${FILLER} ${CLAIM}.`);
const LONG_CLAIM_FIRST = htmlPage('Council news', `${CLAIM}. ${FILLER}`);

/** Announces the whole page's Content-Length, sends 4 KB of it, then drops the connection. */
function cutShort(res: import('node:http').ServerResponse, page: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(page)), connection: 'close' });
  res.write(page.slice(0, 4096), () => setTimeout(() => res.socket?.destroy(), 20));
}

let web: HostileWeb;
const authorizations: string[] = [];
beforeAll(async () => {
  web = await startHostileWeb({
    '/ok': (req, res) => {
      if (req.headers.authorization !== undefined) authorizations.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    },
    '/to-creds': (_req, res) => { res.writeHead(302, { location: `http://mallory:r3dir-pw@${web.origin.replace('http://', '')}/ok` }).end(); },
    '/zstd': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'zstd' }).end(Buffer.from('(\xb5/\xfd garbage')); },
    '/x-evil': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'x-evil' }).end(PAGE); },
    '/gzip-x-evil': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip, x-evil' }).end(zlib.gzipSync(PAGE)); },
    '/br-garbage': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(Buffer.from('not brotli \xff\xff\xff', 'latin1')); },
    '/cut-before-claim': (_req, res) => cutShort(res, LONG_CLAIM_LAST),
    '/cut-after-claim': (_req, res) => cutShort(res, LONG_CLAIM_FIRST),
    '/long-claim-last': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LONG_CLAIM_LAST); },
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
  it.each(['/zstd', '/x-evil', '/gzip-x-evil', '/br-garbage'])('%s is a decompression failure value, not a crash', async (path) => {
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

describe('weak spots in the link judgement', () => {
  const answer = (status: number): SourceFetch => ({
    url: 'https://example.org/a', finalUrl: 'https://example.org/a', redirects: [], attempts: 1, elapsedMs: 1,
    outcome: { kind: 'response', status, headers: { 'content-type': 'text/html' }, body: new Uint8Array(), truncated: false },
  });

  it('a 304 is not called a redirect', () => {
    const link = judgeLink(answer(304), undefined);
    expect(link.linkStatus).toBe('error');
    expect(link.reason).not.toMatch(/redirect/i);
  });

  it('a 431 is our request\'s fault: error, never dead, and no strike in the history', () => {
    const link = judgeLink(answer(431), undefined);
    expect(link.linkStatus).toBe('error');
    const at = new Date('2026-01-01T00:00:00Z');
    const run = (status: number, history = createEmptyHistory()) => recordRun(history, {
      at, checks: [{ url: `https://example.org/${status}`, ref: 1, linkStatus: judgeLink(answer(status), undefined).linkStatus, httpStatus: status }],
    }).history;
    expect(run(431).urls['https://example.org/431']?.strikes).toBe(0);
    expect(run(404).urls['https://example.org/404']?.strikes).toBe(1); // the same path does strike a real dead link
  });
});

describe('a URL spelled __proto__', () => {
  it('stays in the history through a run and through the history file\'s schema', () => {
    const checks = [
      { url: '__proto__', ref: 1, linkStatus: 'invalid-url' as const },
      { url: 'http://example.org/__proto__', ref: 2, linkStatus: 'dead' as const, httpStatus: 404 },
    ];
    const { history } = recordRun(createEmptyHistory(), { at: new Date('2026-01-01T00:00:00Z'), checks });
    expect(Object.keys(history.urls)).toEqual(['__proto__', 'http://example.org/__proto__']);
    const back = HistorySchema.parse(JSON.parse(JSON.stringify(history)));
    expect(Object.keys(back.urls)).toEqual(['__proto__', 'http://example.org/__proto__']);
    expect(Object.hasOwn(back.urls, '__proto__') && back.urls['__proto__']?.strikes).toBe(1);
    expect(Object.getPrototypeOf(back.urls)).toBe(Object.prototype);
  });

  it('rejects a malformed entry with its URL in the path', () => {
    const bad = HistorySchema.safeParse({ version: 1, urls: { 'http://a.org/': { url: 'x' } } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path[1]).toBe('http://a.org/');
  });
});

describe('a body cut short', () => {
  const articleWith = (n: number) => parseArticle(`Riverside library\n\nBudget\n\n${CLAIM}. [1]\n\nReferences\n\n  1. "a". b. 2024.\n`, `a${n}.txt`);
  async function verifyOne(path: string, fetch: Partial<FetchOptions> = {}) {
    const { report } = await verify({
      article: articleWith(1), references: [{ id: 1, url: web.url(path) }], toolVersion: 'test', failOn: ['unsupported'],
      fetch: { ...open, ...fetch },
    });
    return { source: report.sources[0], citation: report.claims[0]?.citations[0] };
  }

  it('is marked connection-closed when the server drops the connection short of its Content-Length', async () => {
    const f = await fetchOne('/cut-before-claim');
    expect(f.outcome.kind === 'response' && [f.outcome.truncated, f.outcome.truncation]).toEqual([true, 'connection-closed']);
  });

  it('without the claim in what arrived: unverifiable (an access problem), never unsupported', async () => {
    const { source, citation } = await verifyOne('/cut-before-claim');
    expect(source?.truncated).toBe('connection-closed');
    expect(source?.reason).toMatch(/connection closed early/);
    expect(citation?.verdict).toBe('unverifiable');
  });

  it('with the claim in what arrived: supported, the reason saying the page was cut', async () => {
    const { source, citation } = await verifyOne('/cut-after-claim');
    expect(source?.truncated).toBe('connection-closed');
    expect(citation?.verdict).toBe('supported');
    expect(citation?.reason).toMatch(/before the connection closed/);
  });

  it('cut at our own --max-size cap: still judged on what was read, and says so', async () => {
    const { source, citation } = await verifyOne('/long-claim-last', { maxBytes: 8192 });
    expect(source?.truncated).toBe('max-size');
    expect(citation?.verdict).toBe('unsupported');
    expect(citation?.reason).toMatch(/--max-size/);
  });

  it('a whole page has no truncated field', async () => {
    const { source, citation } = await verifyOne('/long-claim-last');
    expect(source?.truncated).toBeUndefined();
    expect(citation?.verdict).toBe('supported');
  });
});

describe('credentials in a cited URL', () => {
  it('never reach a report, the history, the WARC, the annotations or the server', async () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'citecheck-creds-'));
    const host = web.origin.replace('http://', '');
    writeFileSync(join(dir, 'article.txt'), `Riverside library\n\nBudget\n\n${CLAIM}. [1] The page moved. [2]\n\nReferences\n\n  1. "a". b. 2024.\n  2. "a". b. 2024.\n`);
    writeFileSync(join(dir, 'references.json'), JSON.stringify({ article: 'article.txt', references: [
      { id: 1, url: `http://alice:s3cret-pw@${host}/ok`, archiveUrl: `http://bob:arch1ve-pw@${host}/archived` },
      { id: 2, url: web.url('/to-creds') },
    ] }));
    const r = await runCli(['verify', '--allow-private-hosts', '--retries', '0', '--format', 'json,md,html,junit,sarif', '--warc', 'evidence.warc'],
      { cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(dir, 'summary.md') } });
    expect(r.stderr).toBe('');
    const outputs = [r.stdout, ...readdirSync(join(dir, 'reports')).map((f) => readFileSync(join(dir, 'reports', f), 'latin1')),
      readFileSync(join(dir, 'evidence.warc'), 'latin1'), readFileSync(join(dir, 'summary.md'), 'utf8')];
    for (const text of outputs) expect(text).not.toMatch(/s3cret-pw|arch1ve-pw|r3dir-pw|mallory|alice:|bob:/);
    expect(authorizations).toEqual([]);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8')));
    expect(report.sources[0]?.url).toBe(`${web.origin}/ok`);
    expect(report.sources[0]?.linkStatus).toBe('ok');
    expect(report.findings.filter((f) => f.kind === 'credentials-in-url').map((f) => f.ref)).toEqual([1]);
  }, 120_000);
});
