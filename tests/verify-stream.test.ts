// The streaming pipeline: pages read as they arrive, on worker threads or not, give the same report for the same responses.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../src/article/parse.js';
import type { Reference } from '../src/config/schema.js';
import { workerFile } from '../src/read-pool.js';
import { DEFAULT_READ_BUDGET } from '../src/page/budget.js';
import { Backlog, fetchAndRead } from '../src/read-stage.js';
import type { Report } from '../src/report/schema.js';
import { readWarc, writeWarc } from '../src/sources/warc.js';
import { verify } from '../src/verify.js';
import { ROUTES, startFixtureWeb, type FixtureWeb } from './fixtures/web.js';
import { ensureBuilt } from './helpers/cli.js';

const ROUTE_LIST = ['ok', 'moved', 'gone', 'soft404En', 'cloudflare403', 'paywallJsonLd', 'jsonLdOnly', 'pdf', 'cp1251', 'gzip', 'notFound', 'ok'] as const;

const ARTICLE = `Riverside library

Budget

The Riverside city council approved a budget of 4.2 million dollars for the new library. [1] [2] [12]
Mayor Elena Novak said construction would begin in the spring of 2025. [1] [3] [4]
The council approved 9.7 million dollars for a new stadium in 2019. [5] [6] [7]
Residents were told the vote passed. [8] [9] [10] [11]

References

${ROUTE_LIST.map((_, i) => `  ${i + 1}. "Source ${i + 1}". Riverside Gazette. 2024.`).join('\n')}
`;

let web: FixtureWeb;
beforeAll(async () => {
  ensureBuilt(); // the worker threads run the compiled reader from dist/
  web = await startFixtureWeb();
}, 120_000);
afterAll(async () => { await web.close(); });

// Two footnotes ([1] and [12]) point at the same URL with different given phrases.
const references = (): Reference[] => ROUTE_LIST.map((route, i) => ({
  id: i + 1, url: web.url(ROUTES[route]), ...(i === 11 ? { phrases: ['library'] } : {}),
}));
const timeless = (r: Report) => ({ ...r, run: { ...r.run, startedAt: '', durationMs: 0 } });
const run = (extra: Partial<Parameters<typeof verify>[0]>) => verify({
  article: parseArticle(ARTICLE, 'riverside.txt'), references: references(), toolVersion: 'test', failOn: [],
  fetch: { allowPrivateHosts: true, retries: 0, timeoutMs: 5000 }, ...extra,
});

describe('streaming pipeline', () => {
  it('replays a WARC to the same report JSON on this thread and on worker threads', async () => {
    expect(workerFile()).toBeDefined();
    const live = await run({ workers: 0 });
    const file = join(mkdtempSync(join(tmpdir(), 'citecheck-stream-')), 'run.warc.gz');
    await writeWarc(file, live.fetches, { software: 'citecheck/test' });
    const inline = await run({ replay: await readWarc(file), workers: 0 });
    const pooled = await run({ replay: await readWarc(file), workers: 2 });
    expect(JSON.stringify(timeless(pooled.report))).toBe(JSON.stringify(timeless(inline.report)));
    expect(timeless(inline.report).claims).toEqual(timeless(live.report).claims);
    const verdicts = inline.report.claims.flatMap((c) => c.citations.map((x) => x.verdict));
    expect(new Set(verdicts).size).toBeGreaterThan(2); // the run exercises several outcomes, not one
  }, 120_000);

  it('drops each body once read unless asked to keep it, and the report does not change', async () => {
    const kept = await run({ workers: 2, keepBodies: true });
    const dropped = await run({ workers: 2, keepBodies: false });
    expect(timeless(dropped.report).claims).toEqual(timeless(kept.report).claims);
    expect(dropped.report.sources).toEqual(kept.report.sources);
    const bytes = (r: typeof kept) => r.fetches.reduce((n, f) => n + (f.outcome.kind === 'response' ? f.outcome.body.length : 0), 0);
    expect(bytes(kept)).toBeGreaterThan(0);
    expect(bytes(dropped)).toBe(0);
    // The headers go with the body (the reader has judged them); kept with it.
    const headers = (r: typeof kept) => r.fetches.reduce((n, f) => n + (f.outcome.kind === 'response' ? Object.keys(f.outcome.headers).length : 0), 0);
    expect(headers(kept)).toBeGreaterThan(0);
    expect(headers(dropped)).toBe(0);
    // What the report keeps of a page, not its text.
    for (const s of dropped.sources.values()) expect(s.page?.layers ?? []).toEqual([]);
  }, 120_000);

  it('keeps one shared, frozen empty list for what the reading threads send back empty', async () => {
    const { sources } = await run({ workers: 2, keepBodies: false });
    const matches = [...sources.values()].flatMap((s) => [...(s.matches?.values() ?? [])]).filter((m) => m !== undefined);
    const empties = matches.flatMap((m) => [m.missing, m.contradicted, m.opposed, m.notes, m.requiredMissing, m.contradictions]).filter((list) => list.length === 0);
    expect(empties.length).toBeGreaterThan(10);
    expect(new Set(empties).size).toBe(1);
    expect(Object.isFrozen(empties[0])).toBe(true);
    // Lists with something in them are the reader's own.
    expect(matches.some((m) => m.matched.length > 0 && !Object.isFrozen(m.matched))).toBe(true);
  }, 120_000);
});

describe('the readers\' backlog', () => {
  it('admits up to its limit, then one waiting request per finished read', async () => {
    const backlog = new Backlog(2);
    const order: string[] = [];
    const admit = (url: string) => backlog.admit(url).then(() => order.push(url));
    await Promise.all([admit('a'), admit('b')]);
    const waiting = [admit('c'), admit('d')];
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['a', 'b']);
    backlog.release('never-admitted'); // frees nothing
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['a', 'b']);
    backlog.release('a');
    await waiting[0];
    expect(order).toEqual(['a', 'b', 'c']);
    backlog.release('a'); // a second release of the same URL frees nothing either
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['a', 'b', 'c']);
    backlog.release('b');
    await waiting[1];
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a backlog of one still reads every page (no request waits forever), as a wide one does', async () => {
    const plans = [...new Set(references().map((r) => r.url ?? ''))].map((url) => ({ url, asks: [{ text: 'The council approved a budget.', before: '' }] }));
    const stage = (backlog: number) => fetchAndRead(plans, {
      fetch: { allowPrivateHosts: true, retries: 0, timeoutMs: 5000, concurrency: 4 }, budget: DEFAULT_READ_BUDGET,
      workers: 1, keepBodies: false, backlog,
    });
    const [narrow, wide] = [await stage(1), await stage(100)];
    const statuses = (m: Awaited<ReturnType<typeof stage>>) => plans.map((p) => m.get(p.url)?.link?.linkStatus);
    expect(statuses(narrow)).toEqual(statuses(wide));
    expect(statuses(narrow)).toContain('ok');
    expect(statuses(narrow)).not.toContain(undefined);
  }, 120_000);
});
