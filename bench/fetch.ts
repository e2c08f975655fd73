// Fetch-stage benchmark: a loopback web of many 127.x hosts (served from a child process) against fetchSources.
//   npx tsx bench/fetch.ts [--urls 2000 --hosts 200 --latency 50 --concurrency 64 --per-host 2]
//   npx tsx bench/fetch.ts --hot 100                         (100 URLs on one host listed first)
//   npx tsx bench/fetch.ts --body-mb 40 --bodies 16          (big bodies, cap on: peak RSS)
import { fork, type ChildProcess } from 'node:child_process';
import type http from 'node:http';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { fetchSources } from '../src/sources/fetch.js';
import { startLoopbackWeb } from './loopback.js';
import type { SourceFetch } from '../src/types.js';

const { values: args } = parseArgs({
  options: {
    urls: { type: 'string', default: '2000' },
    hosts: { type: 'string', default: '200' },
    latency: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '64' },
    'per-host': { type: 'string', default: '2' },
    'body-mb': { type: 'string', default: '0' },
    bodies: { type: 'string', default: '16' },
    /** The first N URLs all go to one host, listed first: starves a pool that takes global slots before host slots. */
    hot: { type: 'string', default: '0' },
    serve: { type: 'boolean', default: false },
  },
});
const num = (v: string | undefined): number => Number(v ?? '0');

// ── server side (child process) ─────────────────────────────────────────────────────────────────

async function serve(): Promise<void> {
  const hosts = num(args.hosts);
  const latency = num(args.latency);
  const bodyBytes = num(args['body-mb']) * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const page = Buffer.from(`<!doctype html><html><head><title>bench</title></head><body>${'<p>bench text</p>'.repeat(60)}</body></html>`);
  const web = await startLoopbackWeb(hosts, (_host, _req, res) => {
    setTimeout(() => (bodyBytes > 0 ? streamBody(res, bodyBytes, chunk) : res.writeHead(200, { 'content-type': 'text/html' }).end(page)), latency);
  });
  const { addresses } = web;
  process.on('message', () => process.send?.(web.stats()));
  process.send?.({ addresses });
}

function streamBody(res: http.ServerResponse, total: number, chunk: Buffer): void {
  res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(total) });
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += piece.length;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

// ── client side ─────────────────────────────────────────────────────────────────────────────────

const Ready = z.object({ addresses: z.array(z.string()) });
const Stats = z.object({ hits: z.number(), maxPerHost: z.number() });

function nextMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve) => child.once('message', resolve));
}

async function stats(child: ChildProcess): Promise<z.infer<typeof Stats>> {
  const reply = nextMessage(child);
  child.send('stats');
  return Stats.parse(await reply);
}

function sampleRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function tally(results: Map<string, SourceFetch>): string {
  const counts = new Map<string, number>();
  for (const f of results.values()) {
    const key = f.outcome.kind === 'response' ? `${f.outcome.status}${f.outcome.truncated ? ' truncated' : ''}` : f.outcome.failure;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, v]) => `${k}×${v}`).join(', ');
}

async function main(): Promise<void> {
  const bodyMode = num(args['body-mb']) > 0;
  const hosts = bodyMode ? num(args.bodies) : num(args.hosts);
  const child = fork(process.argv[1] ?? '', ['--serve', '--hosts', String(hosts), '--latency', bodyMode ? '0' : String(args.latency), '--body-mb', String(args['body-mb'])], { stdio: 'inherit' });
  const { addresses } = Ready.parse(await nextMessage(child));
  const urlCount = bodyMode ? num(args.bodies) : num(args.urls);
  const hot = bodyMode ? 0 : num(args.hot);
  const hostOf = (i: number): string | undefined => (hot === 0 ? addresses[i % addresses.length] : i < hot ? addresses[0] : addresses[1 + (i % (addresses.length - 1))]);
  const urls = Array.from({ length: urlCount }, (_, i) => `http://${hostOf(i)}/item/${i}`);
  const concurrency = bodyMode ? urlCount : num(args.concurrency);
  const perHost = num(args['per-host']);

  const baseline = process.memoryUsage().rss;
  const rss = sampleRss();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const results = await fetchSources(urls, { allowPrivateHosts: true, concurrency, perHost, retries: 0, timeoutMs: 60_000 });
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const peak = rss.stop();
  const server = await stats(child);

  const guardUrls = urls.slice(0, Math.min(200, urls.length));
  const guarded = await fetchSources(guardUrls, { concurrency, perHost });
  const afterGuard = await stats(child);

  const mode = bodyMode ? `body mode: ${urlCount} concurrent bodies of ${args['body-mb']} MB, cap 5 MB` : `urls=${urlCount} hosts=${hosts} latency=${args.latency}ms concurrency=${concurrency} per-host=${perHost}${hot ? ` hot=${hot}` : ''}`;
  console.log(mode);
  console.log(`outcomes: ${tally(results)}`);
  console.log(`wall time: ${wall.toFixed(0)} ms, ${(urlCount / (wall / 1000)).toFixed(0)} req/s`);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`CPU (this process, all threads): ${cpuMs.toFixed(0)} ms, ${(cpuMs / urlCount).toFixed(3)} ms per request (user ${(cpu.user / 1000).toFixed(0)}, system ${(cpu.system / 1000).toFixed(0)})`);
  if (!bodyMode) {
    const urlsPerHost = hot === 0 ? Math.ceil(urlCount / hosts) : Math.max(hot, Math.ceil((urlCount - hot) / (hosts - 1)));
    const ideal = Math.max(Math.ceil(urlCount / concurrency), Math.ceil(urlsPerHost / perHost)) * num(args.latency);
    console.log(`ideal: ${ideal} ms, ratio to ideal: ${(wall / ideal).toFixed(2)}×`);
  }
  console.log(`peak RSS: ${mb(peak)} (sampled every 10 ms; baseline before the run ${mb(baseline)}; heap used now ${mb(process.memoryUsage().heapUsed)})`);
  console.log(`server: ${server.hits} requests, max in flight per host ${server.maxPerHost} (limit ${perHost})`);
  console.log(`guard on: ${tally(guarded)}; requests that reached loopback: ${afterGuard.hits - server.hits}`);
  child.kill();
}

if (args.serve) void serve();
else void main();
