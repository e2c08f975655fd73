// Fleet benchmark: whole `citecheck verify` locally, then over the Redis job queue with 1, 2 and 4 worker processes.
//   npm run bench:fleet                       (10,000 sources over 1,000 loopback hosts at 50 ms)
//   npm run bench:fleet -- --sources 2000 --workers 1,2
//   npm run bench:fleet -- --rounds 3       (local and 1-worker runs alternate; the overhead is also given best of 3)
// CPU: the local run's process; the fleet's coordinator, workers and redis-server together.
// The loopback web is bench:verify's (its --serve mode, in a child process); redis-server is Debian's.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { cpuSoFar, timed, type Timed } from './timed.js';
import { buildArticle, buildReferences } from './verify-input.js';

const { values: args } = parseArgs({
  options: {
    sources: { type: 'string', default: '10000' },
    latency: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '64' },
    'per-host': { type: 'string', default: '2' },
    workers: { type: 'string', default: '1,2,4' },
    rounds: { type: 'string', default: '1' },
  },
});
const here = path.dirname(new URL(import.meta.url).pathname);
const CLI = path.resolve(here, '../../../dist/cli.js');
const SERVER = path.join(here, 'verify.js');
const Ready = z.object({ addresses: z.array(z.string()) });
const Stats = z.object({ hits: z.number(), maxPerHost: z.number(), firstAt: z.number() });

function ask(child: ChildProcess, message: string): Promise<z.infer<typeof Stats>> {
  const reply = new Promise<unknown>((resolve) => child.once('message', resolve));
  child.send(message);
  return reply.then((r) => Stats.parse(r));
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

const run = (argv: string[], cwd: string): Promise<Timed> => timed(process.execPath, [CLI, ...argv], cwd, { ...process.env, CI: 'true' });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function main(): Promise<void> {
  const sources = Number(args.sources);
  const hosts = Math.max(1, Math.round(sources / 10));
  const [latency, concurrency, perHost] = [Number(args.latency), Number(args.concurrency), Number(args['per-host'])];
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`${sources} sources over ${hosts} loopback hosts, latency ${latency} ms, per-host ${perHost}; each worker works on ${concurrency / perHost} hosts at once (= --concurrency ${concurrency} locally)`);

  const port = await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const queue = `redis://127.0.0.1:${port}`;
  const server = fork(SERVER, ['--serve', '--hosts', String(hosts), '--latency', String(latency), '--pages', 'small'], { stdio: 'inherit' });
  const { addresses } = Ready.parse(await new Promise((resolve) => server.once('message', resolve)));
  const urls = Array.from({ length: sources }, (_, i) => `http://${addresses[i % hosts] ?? ''}/item/${i + 1}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citecheck-fleet-bench-'));
  writeFileSync(path.join(dir, 'article.txt'), buildArticle(sources));
  writeFileSync(path.join(dir, 'references.json'), buildReferences(urls));
  const flags = ['--refs', 'references.json', '--per-host', String(perHost), '--allow-private-hosts', '--timeout', '60', '-q', '--fail-on', 'none', '--no-history'];

  const ideal = (workers: number) => Math.max(Math.ceil(sources / (concurrency * workers)), Math.ceil(Math.ceil(sources / hosts) / perHost)) * latency;
  const line = (what: string, t: Timed, n: number, cpuMs: number, stats: z.infer<typeof Stats>) => console.log(`${what} wall ${t.wallMs.toFixed(0)} ms `
    + `(ideal ${ideal(n)} ms, ${(t.wallMs / ideal(n)).toFixed(2)}×), CPU ${(cpuMs / 1000).toFixed(1)} s, max in flight per host ${stats.maxPerHost} (limit ${perHost}), `
    + `${stats.hits} requests, exit ${t.code}, load ${os.loadavg()[0]?.toFixed(2) ?? '?'}`);
  const overheads: { local: number; fleet: number }[] = [];
  const rounds = Math.max(1, Number(args.rounds));
  for (let round = 1; round <= rounds; round += 1) {
    if (rounds > 1) console.log(`\nround ${round}`);
    await ask(server, 'reset');
    const local = await run(['verify', ...flags, '--concurrency', String(concurrency), '--out', 'local'], dir);
    line('local run:        ', local, 1, local.cpuMs, await ask(server, 'reset'));
    for (const n of (args.workers ?? '').split(',').map(Number).filter((w) => w > 0 && (round === 1 || w === 1))) {
      const workers = Array.from({ length: n }, () => spawn(process.execPath, [CLI, 'worker', '--queue', queue, '--hosts', String(concurrency / perHost), '-q'], { stdio: 'inherit' }));
      await new Promise((r) => setTimeout(r, 3_000));
      const before = sum([...workers, redis].map((w) => cpuSoFar(w.pid)));
      const fleet = await run(['verify', ...flags, '--queue', queue, '--out', `fleet-${n}`], dir);
      const cpu = fleet.cpuMs + sum([...workers, redis].map((w) => cpuSoFar(w.pid))) - before;
      const stats = await ask(server, 'reset');
      line(`${n} worker${n > 1 ? 's' : ' '} (queue): `, fleet, n, cpu, stats);
      if (n === 1) {
        overheads.push({ local: local.wallMs, fleet: fleet.wallMs });
        console.log(`  queue overhead over the local run: wall ${((fleet.wallMs / local.wallMs - 1) * 100).toFixed(1)} %, CPU ${((cpu / local.cpuMs - 1) * 100).toFixed(1)} %`);
      }
      await Promise.all(workers.map((w) => new Promise((r) => { w.once('exit', r); w.kill('SIGKILL'); })));
    }
  }
  if (overheads.length > 1) {
    const best = (k: 'local' | 'fleet') => Math.min(...overheads.map((o) => o[k]));
    const ratios = overheads.map((o) => o.fleet / o.local).sort((a, b) => a - b);
    const median = ratios[Math.floor(ratios.length / 2)] ?? 1;
    console.log(`\nbest of ${overheads.length}: local ${best('local').toFixed(0)} ms, 1 worker ${best('fleet').toFixed(0)} ms, queue overhead ${((best('fleet') / best('local') - 1) * 100).toFixed(1)} %; `
      + `median of the rounds' overheads ${((median - 1) * 100).toFixed(1)} %`);
  }
  server.kill();
  redis.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}

void main();
