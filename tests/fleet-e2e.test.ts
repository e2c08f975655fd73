// Fleet runs end to end: a coordinator and worker processes on a real redis-server, against a loopback web of
// three hosts; the same report as a local run, a worker killed mid-unit, a coordinator killed and resumed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../src/report/schema.js';
import { readWarc } from '../src/sources/warc.js';
import type { SourceFetch } from '../src/types.js';
import { CLI, ensureBuilt, runCli } from './helpers/cli.js';
import { startRedis, type TestRedis } from './helpers/redis.js';

const HOSTS = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
const FACTS = [
  'The lighthouse keeper rang the fog bell 212 times during the storm of 1893.',
  'The harbour master recorded 37 wrecks on the northern reef between 1850 and 1900.',
  'The ferry to Alder Island first sailed on 4 May 1911 with 160 passengers.',
  'The town council bought the old customs house in 1964 for 9,000 pounds.',
];

interface Web { servers: Server[]; origins: string[]; hits: number; slowMs: number }
const web: Web = { servers: [], origins: [], hits: 0, slowMs: 0 };
let redis: TestRedis;
let localHits = 0;
let dir: string;
const workers: ChildProcess[] = [];

function page(i: number): string {
  const filler = '<p>Local history volunteers keep these records in the reading room of the museum. </p>'.repeat(5);
  return `<!doctype html><html lang="en"><head><title>Record ${i}</title></head><body><article><h1>Record ${i}</h1><p>${FACTS[i % FACTS.length]}</p>${filler}</article></body></html>`;
}

async function startWeb(): Promise<void> {
  for (const host of HOSTS) {
    const server = createServer((req, res) => {
      web.hits += 1;
      const m = /^\/record\/(\d+)/.exec(req.url ?? '');
      const send = () => {
        if (!m) { res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'); return; }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(m[1])));
      };
      if (web.slowMs > 0) setTimeout(send, web.slowMs); else send();
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    web.servers.push(server);
    web.origins.push(`http://${host}:${(server.address() as AddressInfo).port}`);
  }
}

/** Nine claims over three hosts: eight supported pages and one dead link. */
function writeProject(): void {
  const claims: string[] = [];
  const refs: { id: number; url: string }[] = [];
  for (let i = 0; i < 9; i += 1) {
    const origin = web.origins[i % HOSTS.length] ?? '';
    const dead = i === 8;
    claims.push(`${dead ? 'The museum opened a new wing in 1999.' : FACTS[i % FACTS.length]} [${i + 1}]`);
    refs.push({ id: i + 1, url: `${origin}/${dead ? 'missing' : 'record'}/${i}` });
  }
  writeFileSync(join(dir, 'article.txt'), `Alder Bay records\n\nHistory\n\n${claims.join('\n')}\n\nReferences\n\n${refs.map((r) => `  ${r.id}. "Record ${r.id}". Alder Bay Museum. 2020.`).join('\n')}\n`);
  writeFileSync(join(dir, 'references.json'), JSON.stringify({ article: 'article.txt', references: refs }));
}

/** `lock`: seconds before a silent worker's unit is taken over (the default 30 s, shorter where a test kills one). */
function startWorker(lock = '30'): ChildProcess {
  const child = spawn(process.execPath, [CLI, 'worker', '--queue', redis.url, '--hosts', '2', '--lock', lock],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
  workers.push(child);
  return child;
}

const kill = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
  child.once('exit', () => resolve());
  child.kill('SIGKILL');
});

function spawnCoordinator(out: string): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, [CLI, ...args(out), '--queue', redis.url], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
  let text = '';
  child.stderr?.on('data', (d: Buffer) => { text += d.toString(); });
  workers.push(child);
  return { child, stderr: () => text };
}

async function waitFor(test: () => boolean, ms: number, seen: () => string = () => ''): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out; the process said:\n${seen()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const args = (out: string) => ['verify', '--allow-private-hosts', '--retries', '0', '--no-history', '--out', out];
const readReport = (out: string) => ReportSchema.parse(JSON.parse(readFileSync(join(dir, out, 'report.json'), 'utf8')));
/** What must not differ between a local and a fleet run: everything but the run's timings. */
/** What a WARC must hold for one URL whoever fetched it: the answer, its content type and its bytes. */
const evidence = (f: SourceFetch) => ({
  finalUrl: f.finalUrl, redirects: f.redirects,
  ...(f.outcome.kind === 'response'
    ? { status: f.outcome.status, type: f.outcome.headers['content-type'], body: Buffer.from(f.outcome.body).toString('utf8'), truncated: f.outcome.truncated }
    : { failure: f.outcome.failure }),
});
const judged = (r: Report) => ({ claims: r.claims, sources: r.sources.map(({ ...s }) => s), findings: r.findings, summary: r.summary });

beforeAll(async () => {
  ensureBuilt();
  await startWeb();
  redis = await startRedis({ password: 's3cret-pw' });
  dir = mkdtempSync(join(tmpdir(), 'citecheck-fleet-'));
  writeProject();
  // The local run every fleet run is compared with.
  const local = await runCli([...args('local'), '--warc', 'local.warc.gz'], { cwd: dir });
  if (local.code !== 1) throw new Error(`the local run should exit 1 (one dead link): ${local.code} ${local.stderr}`);
  localHits = web.hits;
}, 180_000);
afterEach(async () => { await Promise.all(workers.splice(0).map(kill)); web.slowMs = 0; });
afterAll(async () => {
  await Promise.all(workers.splice(0).map(kill));
  await redis?.stop();
  await Promise.all(web.servers.map((s) => new Promise((r) => s.close(r))));
});

describe('citecheck verify --queue', () => {
  it('three workers give the same report as a local run, one request per URL, no password anywhere', async () => {
    const before = web.hits;
    for (let i = 0; i < 3; i += 1) startWorker();
    const fleet = await runCli([...args('fleet'), '--queue', redis.url], { cwd: dir });
    expect(fleet.stderr, fleet.stderr).toMatch(/run r\d{14}[0-9a-f]{6} on redis:\/\/:\*\*\*@127\.0\.0\.1/);
    expect(fleet.code, fleet.stderr).toBe(1);
    expect(judged(readReport('fleet'))).toEqual(judged(readReport('local')));
    const verdicts = readReport('fleet').claims.map((c) => c.verdict);
    expect(verdicts.at(-1)).toBe('broken');
    expect(verdicts.filter((v) => v === 'supported').length).toBeGreaterThanOrEqual(6);
    expect(web.hits - before).toBe(localHits);
    const everything = fleet.stdout + fleet.stderr + readFileSync(join(dir, 'fleet', 'report.json'), 'utf8')
      + readFileSync(join(dir, 'fleet', 'report.md'), 'utf8');
    expect(everything).not.toContain('s3cret-pw');
  }, 300_000);

  it('--warc: the fleet writes the same evidence as a local run, and replaying it gives the same report', async () => {
    startWorker();
    const fleet = await runCli([...args('fleet-warc'), '--queue', redis.url, '--warc', 'fleet.warc.gz'], { cwd: dir });
    expect(fleet.code, fleet.stderr).toBe(1);
    const [local, remote] = await Promise.all([readWarc(join(dir, 'local.warc.gz')), readWarc(join(dir, 'fleet.warc.gz'))]);
    expect([...remote.keys()].sort()).toEqual([...local.keys()].sort());
    expect(remote.size).toBe(9);
    for (const [url, want] of local) {
      const got = remote.get(url);
      expect(got && evidence(got), url).toEqual(evidence(want));
    }
    const bodies = [...remote.values()].map((f) => (f.outcome.kind === 'response' ? f.outcome.body.length : 0));
    expect(bodies.every((n) => n > 0)).toBe(true);
    const replayed = await runCli([...args('fleet-replay'), '--replay', 'fleet.warc.gz'], { cwd: dir });
    expect(replayed.code, replayed.stderr).toBe(1);
    expect(judged(readReport('fleet-replay'))).toEqual(judged(readReport('local')));
  }, 300_000);

  it('a worker killed mid-unit: another takes the unit over and every citation is judged once', async () => {
    web.slowMs = 1_500;
    const first = startWorker('8');
    const before = web.hits;
    const run = runCli([...args('killed-worker'), '--queue', redis.url], { cwd: dir });
    const until = Date.now() + 150_000;
    while (web.hits === before && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(web.hits).toBeGreaterThan(before);
    await kill(first);
    startWorker('8');
    const result = await run;
    expect(result.code).toBe(1);
    const report = readReport('killed-worker');
    expect(report.claims).toHaveLength(9);
    expect(report.claims.flatMap((c) => c.citations)).toHaveLength(9);
    expect(judged(report)).toEqual(judged(readReport('local')));
  }, 300_000);

  it('a coordinator killed mid-run: --resume finishes it from the results in the queue', async () => {
    const { child: coordinator, stderr } = spawnCoordinator('resumed');
    await waitFor(() => /units queued/.test(stderr()), 150_000, stderr);
    const runId = /run (r\d{14}[0-9a-f]{6})/.exec(stderr())?.[1];
    expect(runId).toBeDefined();
    await new Promise((r) => setTimeout(r, 500));
    await kill(coordinator);
    startWorker();
    const resumed = await runCli([...args('resumed'), '--queue', redis.url, '--resume', runId ?? ''], { cwd: dir });
    expect(resumed.stderr).toMatch(/resumed/);
    expect(resumed.code, resumed.stderr).toBe(1);
    expect(judged(readReport('resumed'))).toEqual(judged(readReport('local')));
    const again = await runCli([...args('resumed'), '--queue', redis.url, '--resume', runId ?? ''], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/no run r\d+/);
  }, 300_000);

  it('Redis unreachable: one line, exit 2, password hidden', async () => {
    const r = await runCli([...args('nowhere'), '--queue', 'redis://:hunter2@127.0.0.1:9'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot reach the job queue at redis:\/\/:\*\*\*@127\.0\.0\.1:9/);
    expect(r.stderr).not.toContain('hunter2');
  }, 60_000);

  it('Redis going away mid-run: the coordinator says so in one line and exits 2', async () => {
    const { child, stderr } = spawnCoordinator('lost');
    await waitFor(() => /units queued/.test(stderr()), 150_000, stderr);
    await new Promise((r) => setTimeout(r, 500));
    await redis.stop();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    await redis.restart();
    expect(code).toBe(2);
    expect(stderr()).toMatch(/lost the job queue at redis:\/\/:\*\*\*@/);
    expect(stderr()).toMatch(/--resume r\d{14}/);
    expect(stderr()).not.toContain('s3cret-pw');
  }, 300_000);

  it.each([
    [['--resume', 'r20261201120000abcdef'], /--resume needs --queue/],
    [['--queue', 'http://127.0.0.1:6379'], /not a redis:\/\/ URL/],
    [['--queue', 'redis://127.0.0.1:6379', '--resume', 'yesterday'], /not a run id/],
  ])('bad fleet flags %j exit 2', async (extra, pattern) => {
    const r = await runCli([...args('bad'), ...extra], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  });
});
