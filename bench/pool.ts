// Worker pools side by side: piscina vs tinypool running src/read-worker.ts on the same fetched pages.
//   npm run bench:pool [-- --workers 2 --small 2000 --news 300]
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Piscina } from 'piscina';
import Tinypool from 'tinypool';
import { DEFAULT_READ_BUDGET } from '../src/page/budget.js';
import type { ReadTask } from '../src/read-task.js';
import { claimOf, newsPage, smallPage } from './verify-input.js';

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: String(availableParallelism()) },
    small: { type: 'string', default: '2000' },
    news: { type: 'string', default: '300' },
  },
});
const workers = Number(args.workers);
const filename = new URL('../src/read-worker.js', import.meta.url).href;

interface Pool { run(task: ReadTask, options: { transferList: ArrayBuffer[] }): Promise<unknown>; destroy(): Promise<void> }

function task(i: number, html: string): ReadTask {
  const url = `http://127.1.0.1/item/${i}`;
  const body = new TextEncoder().encode(html);
  return {
    fetch: { url, finalUrl: url, redirects: [], attempts: 1, elapsedMs: 0, outcome: { kind: 'response', status: 200, headers: { 'content-type': 'text/html' }, body, truncated: false } },
    asks: [{ text: claimOf(i), before: '' }],
    budget: DEFAULT_READ_BUDGET,
  };
}

async function measure(name: string, make: () => Pool, pages: 'small' | 'news', count: number): Promise<string> {
  const pool = make();
  // Warm-up: threads started and the readers loaded, as in a run where the pool opens at start-up.
  await Promise.all(Array.from({ length: workers * 2 }, (_, i) => pool.run(task(i, smallPage(i)), { transferList: [] })));
  const tasks = Array.from({ length: count }, (_, i) => task(i, pages === 'news' ? newsPage(i, `http://127.1.0.1/item/${i}`) : smallPage(i)));
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(tasks.map((t) => {
    const body = t.fetch.outcome.kind === 'response' ? t.fetch.outcome.body : undefined;
    return pool.run(t, { transferList: body ? [body.buffer as ArrayBuffer] : [] });
  }));
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await pool.destroy();
  return `${name.padEnd(8)} ${pages.padEnd(5)} ${count} pages: ${wall.toFixed(0)} ms wall, ${(wall / count).toFixed(2)} ms/page, ` +
    `process CPU ${((used.user + used.system) / 1000 / count).toFixed(2)} ms/page`;
}

const pools: Record<string, () => Pool> = {
  piscina: () => new Piscina({ filename, minThreads: workers, maxThreads: workers, idleTimeout: 60_000 }),
  tinypool: () => new Tinypool({ filename, minThreads: workers, maxThreads: workers, idleTimeout: 60_000 }),
};
console.log(`${workers} workers; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (let round = 0; round < 2; round++) {
  for (const [name, make] of Object.entries(pools)) {
    console.log(await measure(name, make, 'small', Number(args.small)));
    console.log(await measure(name, make, 'news', Number(args.news)));
  }
}
