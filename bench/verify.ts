// Whole-run benchmark: the built CLI's `citecheck verify` (process start to exit, reports written) against a loopback web.
//   npm run bench:verify                                  (2,000 then 10,000 sources, small pages)
//   npm run bench:verify -- --pages news --sources 2000   (~80 KB news pages: CPU ms per page, peak RSS)
//   npm run bench:verify -- --linkinator                  (also linkinator on the same URLs, same run)
//   BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench:verify   (node flags for the CLI, e.g. profiles)
//   BENCH_CLI_ARGS='--warc /tmp/run.warc' BENCH_KEEP=1 npm run bench:verify       (more verify flags; keep the run's folder)
//   npm run bench:verify -- --sources 20 --hosts 20 --latency 300   (an article the seed's size, each source on its own host)
// Hosts: sources/10 unless --hosts (2,000 → 200, 10,000 → 1,000); latency 50 ms, concurrency 64, per-host 2.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startLoopbackWeb } from './loopback.js';
import { timed } from './timed.js';
import { ensureLinkinator } from './linkinator.js';
import { buildArticle, buildReferences, linksPage, newsPage, smallPage } from './verify-input.js';

const { values: args } = parseArgs({
  options: {
    sources: { type: 'string', default: '2000,10000' },
    pages: { type: 'string', default: 'small' },
    latency: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '64' },
    'per-host': { type: 'string', default: '2' },
    workers: { type: 'string' },
    linkinator: { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
    hosts: { type: 'string', default: '0' },
    /** Another build of the CLI to run (relative to the repository), e.g. to compare two. */
    cli: { type: 'string', default: 'dist/cli.js' },
  },
});
const num = (v: string | undefined): number => Number(v ?? '0');
const CLI = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..', args.cli ?? 'dist/cli.js');

// ── server side (child process, so its CPU is not the CLI's) ────────────────────────────────────

async function serve(): Promise<void> {
  const latency = num(args.latency);
  let links = '';
  const web = await startLoopbackWeb(num(args.hosts), (_host, req, res) => {
    const id = Number(/\/item\/(\d+)/.exec(req.url ?? '')?.[1] ?? '0');
    const html = req.url === '/links.html' ? links
      : args.pages === 'news' ? newsPage(id, `http://${req.headers.host ?? ''}${req.url ?? ''}`) : smallPage(id);
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html), req.url === '/links.html' ? 0 : latency);
  });
  process.on('message', (m: unknown) => {
    const stats = web.stats();
    if (typeof m === 'object' && m && 'links' in m && Array.isArray(m.links)) links = linksPage(m.links.map(String));
    else if (m === 'reset') web.reset();
    process.send?.(stats);
  });
  process.send?.({ addresses: web.addresses });
}

// ── client side ─────────────────────────────────────────────────────────────────────────────────

const Ready = z.object({ addresses: z.array(z.string()) });
const Stats = z.object({ hits: z.number(), maxPerHost: z.number(), firstAt: z.number() });
const Report = z.object({ claims: z.array(z.object({ citations: z.array(z.object({ verdict: z.string() })) })) });

function ask(child: ChildProcess, message: unknown): Promise<z.infer<typeof Stats>> {
  const reply = new Promise<unknown>((resolve) => child.once('message', resolve));
  child.send(message as string);
  return reply.then((r) => Stats.parse(r));
}

function tally(reportFile: string): string {
  const report = Report.parse(JSON.parse(readFileSync(reportFile, 'utf8')));
  const counts = new Map<string, number>();
  for (const c of report.claims.flatMap((claim) => claim.citations)) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
  return [...counts].map(([k, v]) => `${k}×${v}`).join(', ');
}

async function runSize(sources: number): Promise<number> {
  const hosts = num(args.hosts) || Math.max(1, Math.round(sources / 10));
  const [latency, concurrency, perHost] = [num(args.latency), num(args.concurrency), num(args['per-host'])];
  const server = fork(process.argv[1] ?? '', ['--serve', '--hosts', String(hosts), '--latency', String(latency), '--pages', args.pages ?? 'small'], { stdio: 'inherit' });
  const { addresses } = Ready.parse(await new Promise((resolve) => server.once('message', resolve)));
  const urls = Array.from({ length: sources }, (_, i) => `http://${addresses[i % hosts] ?? ''}/item/${i + 1}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citecheck-bench-'));
  writeFileSync(path.join(dir, 'article.txt'), buildArticle(sources));
  writeFileSync(path.join(dir, 'references.json'), buildReferences(urls));
  const flags = ['--concurrency', String(concurrency), '--per-host', String(perHost), '--allow-private-hosts', '--timeout', '60', '-q', '--fail-on', 'none'];
  if (args.workers !== undefined) flags.push('--workers', args.workers);
  flags.push(...(process.env.BENCH_CLI_ARGS ?? '').split(' ').filter(Boolean));

  await ask(server, 'reset');
  const spawnedAt = Date.now();
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const run = await timed(process.execPath, [...nodeArgs, CLI, 'verify', '--refs', 'references.json', '--out', 'out', ...flags], dir);
  const stats = await ask(server, 'reset');
  const ideal = Math.max(Math.ceil(sources / concurrency), Math.ceil(Math.ceil(sources / hosts) / perHost)) * latency;
  const perSource = run.wallMs / sources;
  console.log(`\n${sources} sources, ${hosts} hosts, ${args.pages} pages, latency ${latency} ms, concurrency ${concurrency}, per-host ${perHost}${args.workers !== undefined ? `, --workers ${args.workers}` : ''} (exit ${run.code})`);
  console.log(`  verdicts: ${tally(path.join(dir, 'out', 'report.json'))}`);
  console.log(`  wall ${run.wallMs.toFixed(0)} ms (ideal ${ideal} ms, ratio ${(run.wallMs / ideal).toFixed(2)}×), ${perSource.toFixed(3)} ms per source`);
  console.log(`  first request ${stats.firstAt - spawnedAt} ms after spawn; peak RSS ${(run.maxRssKb / 1024).toFixed(0)} MB; CPU ${run.cpuMs.toFixed(0)} ms = ${(run.cpuMs / sources).toFixed(2)} ms per page`);
  console.log(`  server: ${stats.hits} requests, max in flight per host ${stats.maxPerHost} (limit ${perHost})`);

  if (args.linkinator) {
    const { node, cli } = ensureLinkinator();
    await ask(server, { links: urls });
    const lk = await timed(node, [cli, `http://${addresses[0] ?? ''}/links.html`, '--concurrency', String(concurrency), '--format', 'json'], dir);
    const lkStats = await ask(server, 'reset');
    console.log(`  linkinator: wall ${lk.wallMs.toFixed(0)} ms (exit ${lk.code}), ${lkStats.hits} requests, max per host ${lkStats.maxPerHost}, peak RSS ${(lk.maxRssKb / 1024).toFixed(0)} MB`);
    console.log(`  citecheck / linkinator wall: ${(run.wallMs / lk.wallMs).toFixed(2)}×`);
  }
  server.kill();
  if (process.env.BENCH_KEEP) console.log(`  kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  return perSource;
}

async function main(): Promise<void> {
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const sizes = (args.sources ?? '').split(',').map(Number).filter((n) => n > 0);
  const perSource: number[] = [];
  for (const size of sizes) perSource.push(await runSize(size));
  const [first, last] = [perSource[0], perSource.at(-1)];
  if (perSource.length > 1 && first && last) console.log(`\ntime per source, ${sizes.at(-1)} vs ${sizes[0]}: ${((last / first - 1) * 100).toFixed(1)} %`);
}

if (args.serve) void serve();
else void main();
