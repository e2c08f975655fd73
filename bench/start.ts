// Start-up benchmark: how soon the built CLI's `citecheck verify` sends its first request (issue 11: within 150 ms).
//   npm run bench:start                                   (20 runs on this Node)
//   npm run bench:start -- --runs 40 --node /path/to/node22/bin/node
//   npm run bench:start -- --cli dist/other-cli.js         (compare another build of the CLI)
//   npm run bench:start -- --flags=--no-history            (extra verify flags; another Node needs better-sqlite3 built for it, as .ci/run does, or this)
// Each run spawns `node dist/cli.js verify` against a one-page loopback server (history on, default flags
// but -q) and is killed once its first request arrives. Runs alternate between two kinds:
//  - plain: spawn → the server sees the first request (wall, as a user would see it);
//  - probed: `node --import` a probe on undici's `undici:request:create` channel prints the child's own
//    performance.now() (ms since the process started) and the CPU it had used when the request was made.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildArticle, buildReferences, smallPage } from './verify-input.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    node: { type: 'string', default: process.execPath },
    cli: { type: 'string' },
    sources: { type: 'string', default: '20' },
    flags: { type: 'string', default: '' },
  },
});
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const CLI = path.resolve(ROOT, args.cli ?? 'dist/cli.js');

const PROBE = `import dc from 'node:diagnostics_channel';
import { writeSync } from 'node:fs';
let seen = false;
dc.subscribe('undici:request:create', () => {
  if (seen) return;
  seen = true;
  const c = process.cpuUsage();
  writeSync(2, '\\nFIRST-REQUEST ' + performance.now().toFixed(1) + ' ' + ((c.user + c.system) / 1000).toFixed(1) + '\\n');
});
`;

interface Sample { spawnMs?: number; uptimeMs?: number; cpuMs?: number }

/** A server that notes when the first request of the current run arrives. */
async function startServer(): Promise<{ url: string; next: () => Promise<number>; close: () => void }> {
  let arrived: ((at: number) => void) | undefined;
  const server = http.createServer((req, res) => {
    const at = performance.now();
    arrived?.(at);
    arrived = undefined;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(smallPage(1));
    req.resume();
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const info = server.address();
  const port = typeof info === 'object' && info ? info.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    next: () => new Promise((resolve) => { arrived = resolve; }),
    close: () => server.close(),
  };
}

async function runOnce(dir: string, out: string, probed: boolean, server: Awaited<ReturnType<typeof startServer>>): Promise<Sample> {
  const nodeArgs = probed ? ['--import', pathToProbe(dir)] : [];
  const extra = (args.flags ?? '').split(' ').filter(Boolean);
  const cliArgs = [CLI, 'verify', '--refs', 'references.json', '--out', out, '--allow-private-hosts', '-q', '--fail-on', 'none', ...extra];
  const arrival = server.next();
  const started = performance.now();
  const child = spawn(args.node ?? process.execPath, [...nodeArgs, ...cliArgs], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const first = await Promise.race([arrival, exited.then(() => undefined)]);
  child.kill('SIGKILL');
  await exited;
  if (first === undefined) throw new Error(`the CLI exited before any request:\n${stderr}`);
  const seen = /FIRST-REQUEST ([\d.]+) ([\d.]+)/.exec(stderr);
  if (probed && !seen) throw new Error(`the probe saw no request:\n${stderr}`);
  return probed ? { uptimeMs: Number(seen?.[1]), cpuMs: Number(seen?.[2]) } : { spawnMs: first - started };
}

function pathToProbe(dir: string): string {
  return path.join(dir, 'probe.mjs');
}

function describe(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] ?? 0
    : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2;
  return `${label}: median ${median.toFixed(0)} ms, min ${(sorted[0] ?? 0).toFixed(0)}, max ${(sorted.at(-1) ?? 0).toFixed(0)} (${values.length} runs)`;
}

async function main(): Promise<void> {
  const runs = Number(args.runs);
  const server = await startServer();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citecheck-start-'));
  const count = Number(args.sources);
  writeFileSync(path.join(dir, 'article.txt'), buildArticle(count));
  writeFileSync(path.join(dir, 'references.json'), buildReferences(Array.from({ length: count }, (_, i) => `${server.url}/item/${i + 1}`)));
  writeFileSync(pathToProbe(dir), PROBE);
  const node = args.node ?? process.execPath;
  const version = await new Promise<string>((resolve) => {
    const v = spawn(node, ['-v']);
    let text = '';
    v.stdout.on('data', (d: Buffer) => { text += d.toString(); });
    v.on('close', () => resolve(text.trim()));
  });
  console.log(`citecheck verify start-up, node ${version}, ${path.relative(ROOT, CLI)}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  // One run to warm the disk cache (and Node 22+'s compile cache), not counted.
  await runOnce(dir, 'out-warm', false, server);
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i += 1) {
    samples.push(await runOnce(dir, `out-${i}`, false, server));
    samples.push(await runOnce(dir, `out-${i}p`, true, server));
  }
  const pick = (key: keyof Sample): number[] => samples.flatMap((s) => (s[key] === undefined ? [] : [s[key]]));
  console.log(`  ${describe('spawn → first request at the server (wall)', pick('spawnMs'))}`);
  console.log(`  ${describe('process start → request created (probe, wall)', pick('uptimeMs'))}`);
  console.log(`  ${describe('CPU used by then (probe)', pick('cpuMs'))}`);
  console.log(`  load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
