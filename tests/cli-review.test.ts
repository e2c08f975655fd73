// The review loop end to end on the built binary: fail → decide → green → the source changes → stale → fail.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../src/report/schema.js';
import { ReviewsFileSchema } from '../src/review/schema.js';
import { ensureBuilt, runCli } from './helpers/cli.js';

const ARTICLE = `Harbour town

History

The harbour was dredged in 1952 to admit larger ships. [1]
The town council approved a new breakwater in 2019. [2]

References

  1. "Dredging the harbour". Harbour Gazette. 1952.
  2. "Council votes on sea defences". Harbour Gazette. 2019.
`;

const page = (body: string) => `<!doctype html><html><head><title>Harbour Gazette</title></head><body><article><h1>Harbour news</h1>${body}</article></body></html>`;
// [1] supports its claim; [2] says it in other words, so citecheck calls it unsupported.
const pages: Record<string, string> = {
  '/dredging': page('<p>In 1952 the harbour was dredged so that larger ships could enter. Work lasted a year and was paid for by the port.</p>'),
  '/sea-defences': page('<p>Councillors voted last spring for a long wall of rock to shield the quay from winter storms. Building starts next year.</p>'),
};

let server: Server;
let hits = 0;
let base: string;
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  server = createServer((req, res) => {
    hits += 1;
    const body = pages[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'citecheck-review-'));
  writeFileSync(join(dir, 'article.txt'), ARTICLE);
  writeFileSync(join(dir, 'references.json'), JSON.stringify({
    article: 'article.txt', references: [{ id: 1, url: `${base}/dredging` }, { id: 2, url: `${base}/sea-defences` }],
  }));
}, 60_000);
afterAll(async () => { await new Promise((done) => server.close(done)); });

const verify = () => runCli(['verify', '--allow-private-hosts', '--retries', '0', '--no-history', '-q', '--format', 'json,sarif,junit'], { cwd: dir });
const readReport = () => ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8')));

describe('citecheck review', () => {
  it('a decision turns a failing audit green until the source changes', async () => {
    expect((await verify()).code).toBe(1);
    const before = readReport();
    const claim = before.claims.find((c) => c.refs.includes(2));
    expect(claim?.verdict).toBe('unsupported');
    expect(before.summary.reviews).toBeUndefined();
    expect(before.sources.find((s) => s.ref === 2)?.fingerprint).toMatch(/^sha256:/);

    const saved = await runCli(['review', '--claim', claim?.id ?? '', '--ref', '2', '--verdict', 'supported',
      '--note', 'the breakwater is the "long wall of rock"', '--reviewer', 'ana'], { cwd: dir });
    expect(saved.code).toBe(0);
    const file = ReviewsFileSchema.parse(JSON.parse(readFileSync(join(dir, 'citecheck.reviews.json'), 'utf8')));
    expect(file.reviews).toEqual([expect.objectContaining({
      article: 'article.txt', claim: claim?.id, ref: 2, verdict: 'supported', toolVerdict: 'unsupported',
      reviewer: 'ana', linkStatus: 'ok', url: `${base}/sea-defences`, fingerprint: expect.stringMatching(/^sha256:/),
    })]);

    const green = await verify();
    expect(green.code).toBe(0);
    const after = readReport();
    expect(after.claims.find((c) => c.id === claim?.id)?.citations[0]).toMatchObject({
      verdict: 'supported', review: { status: 'reviewed', toolVerdict: 'unsupported', note: expect.stringContaining('wall of rock') },
    });
    expect(after.summary.reviews).toEqual({ reviewed: 1, stale: 0, unreviewed: 0 });
    expect(readFileSync(join(dir, 'reports', 'report.sarif'), 'utf8')).toContain('"suppressions"');

    const listed = await runCli(['review', '--list'], { cwd: dir });
    expect(listed.stdout).toMatch(/\[2\] supported by ana on \d{4}-\d\d-\d\d: current/);

    pages['/sea-defences'] = page('<p>The council postponed every decision on sea defences until next year.</p>');
    const red = await verify();
    expect(red.code).toBe(1);
    const stale = readReport().claims.find((c) => c.id === claim?.id)?.citations[0];
    expect(stale?.verdict).toBe('unsupported');
    expect(stale?.review).toMatchObject({ status: 'stale', staleReason: 'the source changed' });
    expect((await runCli(['review', '--list'], { cwd: dir })).stdout).toMatch(/stale \(the source changed\)/);
  }, 120_000);

  it('a malformed reviews file exits 2 naming the field, before anything is fetched', async () => {
    const bad = join(dir, 'bad.reviews.json');
    writeFileSync(bad, JSON.stringify({ reviews: [{ article: 'article.txt', claim: 'c1', ref: 'two', verdict: 'supported', note: '', reviewer: 'a', reviewedAt: '2026-01-01T00:00:00Z' }] }));
    const hitsBefore = hits;
    const r = await runCli(['verify', '--allow-private-hosts', '--reviews', bad, '-q', '--no-history'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(hits).toBe(hitsBefore);
    expect(r.stderr).toMatch(/bad\.reviews\.json: reviews\[0\]\.ref/);
  });

  it('without a terminal it exits 2 and says how to decide from a script', async () => {
    const r = await runCli(['review'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal/);
    expect(r.stderr).toMatch(/--claim ID --ref N --verdict/);
  });

  it.each([
    [['--claim', 'c0000000', '--ref', '1', '--verdict', 'supported'], /no claim c0000000/],
    [['--claim', 'x', '--ref', '1'], /needs --claim, --ref and --verdict/],
    [['--claim', 'x', '--ref', 'one', '--verdict', 'supported'], /--ref/],
    [['--claim', 'x', '--ref', '1', '--verdict', 'great'], /--verdict/],
    [['nope.json'], /cannot read nope\.json/],
  ])('bad decision flags %j exit 2 with one line', async (args, pattern) => {
    const r = await runCli(['review', ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  });

  // a decision is one verdict: the hint must not offer --fail-on's comma-separated list or `none`
  it.each([['great'], ['none'], ['supported,partial']])('--verdict %s names the one-word choices', async (word) => {
    const r = await runCli(['review', '--claim', 'x', '--ref', '1', '--verdict', word], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--verdict: unknown verdict/);
    expect(r.stderr).toMatch(/give one of: supported, partial, unsupported/);
    expect(r.stderr).not.toMatch(/comma-separated|or none/);
  });
});
