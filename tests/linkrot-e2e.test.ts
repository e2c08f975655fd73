// Scheduled link-rot checks end to end: weeks of verify() runs with an injected clock against a
// loopback web whose pages change between runs; archive copies; record-then-replay.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayedWayback } from '../src/archive/check.js';
import { createWaybackClient } from '../src/archive/wayback.js';
import { parseArticle } from '../src/article/parse.js';
import type { Reference } from '../src/config/schema.js';
import { createEmptyHistory, type History } from '../src/history/index.js';
import { createAgent } from '../src/sources/http.js';
import { fetchSources } from '../src/sources/fetch.js';
import { readWarc, writeWarc } from '../src/sources/warc.js';
import { verify } from '../src/verify.js';
import { startWaybackStandIn } from './fixtures/wayback.js';

const page = (body: string) => `<!doctype html><html lang="en"><head><title>Gazette</title></head><body>
<nav><a href="/">Home</a></nav><main><article><h1>Council news</h1><p>${body}</p>
<p>The meeting was held in the old town hall and was open to the public, as every council meeting is.</p>
</article></main><footer>© Gazette</footer></body></html>`;

const CLAIMS: Record<string, string> = {
  dies: 'The council approved a budget of 4.2 million dollars for the library.',
  recovers: 'Mayor Elena Novak opened the new bridge on 3 March 2024.',
  drifts: 'The museum received 12,000 visitors in its first week.',
  walled: 'The harbour authority fined the ferry operator 50,000 euros.',
};

const ARTICLE = `Town news

Events

${CLAIMS.dies} [1] ${CLAIMS.recovers} [2] ${CLAIMS.drifts} [3] ${CLAIMS.walled} [4]

References

  1. "Budget". Gazette. 2024.
  2. "Bridge". Gazette. 2024.
  3. "Museum". Gazette. 2024.
  4. "Harbour". Gazette. 2024.
`;

/** What each path answers in the current run: [status, body, headers]. */
type Answer = [number, string, Record<string, string>?];
let answers: Record<string, Answer> = {};
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const [status, body, headers] = answers[req.url ?? ''] ?? [404, 'no route'];
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => { await new Promise((ok) => server.close(ok)); });

const references = (): Reference[] => ['dies', 'recovers', 'drifts', 'walled']
  .map((p, i) => ({ id: i + 1, url: `${origin}/${p}`, accessDate: '2024-05-01' }));

const CLOUDFLARE: Answer = [403, '<html><head><title>Just a moment...</title></head><body><script>window._cf_chl_opt={}</script></body></html>',
  { 'cf-mitigated': 'challenge', server: 'cloudflare' }];

function weekOf(run: number): Record<string, Answer> {
  return {
    '/dies': run === 0 ? [200, page(CLAIMS.dies ?? '')] : [404, page('Page not found')],
    '/recovers': run === 1 ? [500, 'oops'] : [200, page(CLAIMS.recovers ?? '')],
    '/drifts': run < 2 ? [200, page(CLAIMS.drifts ?? '')] : [200, page('The museum closed for renovation; visitor numbers were not published.')],
    '/walled': CLOUDFLARE,
  };
}

describe('weeks of scheduled runs', () => {
  it('strikes, recovers, drifts and declares dead only after three failures ≥72 h apart', async () => {
    const article = parseArticle(ARTICLE, 'town.txt');
    let history: History = createEmptyHistory();
    const start = Date.parse('2024-06-03T06:00:00Z');
    const runs = [];
    // Runs 4 days apart, plus a retry 1 hour after run 2 that must not add a strike.
    const times = [0, 4, 4 + 1 / 24, 8, 12].map((d) => new Date(start + d * 86_400_000));
    const weeks = [0, 1, 1, 2, 3];
    for (const [i, at] of times.entries()) {
      answers = weekOf(weeks[i] ?? 0);
      const result = await verify({
        article, references: references(), toolVersion: 'test', failOn: [], history, now: () => at,
        fetch: { allowPrivateHosts: true, retries: 0 },
      });
      history = result.history ?? history;
      runs.push(result.report.changes);
    }
    const urls = (list: { url: string }[] | undefined) => (list ?? []).map((x) => x.url.replace(origin, ''));
    expect(runs.every((c) => c !== undefined)).toBe(true);
    expect(urls(runs[0]?.newlyBroken)).toEqual([]);
    expect(urls(runs[1]?.newlyBroken).sort()).toEqual(['/dies', '/recovers']);
    expect(runs[1]?.news).toBe(true);
    expect(urls(runs[2]?.newlyBroken)).toEqual([]);
    expect(history.urls[`${origin}/dies`]?.checks.length).toBe(5);
    expect(urls(runs[3]?.recovered)).toEqual(['/recovers']);
    expect(urls(runs[3]?.aboutToDie)).toEqual(['/dies']);
    expect(urls(runs[3]?.drifted)).toEqual(['/drifts']);
    expect(urls(runs[4]?.newlyDead)).toEqual(['/dies']);
    expect(history.urls[`${origin}/dies`]?.rotDead).toBe(true);
    for (const c of runs) {
      expect(urls([...(c?.newlyBroken ?? []), ...(c?.stillBroken ?? []), ...(c?.newlyDead ?? [])])).not.toContain('/walled');
    }
    expect(history.urls[`${origin}/walled`]?.strikes).toBe(0);
  });
});

describe('drift is about the page, not the article', () => {
  it('does not call a page drifted when only the article stopped citing some of its facts', async () => {
    const two = `Flood news\n\nEvents\n\nThe river flooded 300 homes in 2019. [1] The mayor Elena Novak declared an emergency. [1]\n\nReferences\n\n  1. "Flood". Gazette. 2019.\n`;
    const one = `Flood news\n\nEvents\n\nThe mayor Elena Novak declared an emergency. [1]\n\nReferences\n\n  1. "Flood". Gazette. 2019.\n`;
    const body = (visits: number) => page(`The river flooded 300 homes in 2019. The mayor Elena Novak declared an emergency. This page has been read ${visits} times.`);
    const refs = [{ id: 1, url: `${origin}/flood` }];
    let history: History = createEmptyHistory();
    const at = (d: number) => () => new Date(Date.parse('2024-06-03T06:00:00Z') + d * 86_400_000);
    answers = { '/flood': [200, body(10)] };
    history = (await verify({ article: parseArticle(two, 'f.txt'), references: refs, toolVersion: 't', failOn: [], history, now: at(0), fetch: { allowPrivateHosts: true, retries: 0 } })).history ?? history;
    answers = { '/flood': [200, body(11)] };
    const second = await verify({ article: parseArticle(one, 'f.txt'), references: refs, toolVersion: 't', failOn: [], history, now: at(7), fetch: { allowPrivateHosts: true, retries: 0 } });
    expect(second.report.changes?.drifted).toEqual([]);
    expect(second.report.changes?.news).toBe(false);
    // …but when the page itself loses the fact, that is drift.
    answers = { '/flood': [200, page('The mayor Elena Novak declared an emergency. Figures were withdrawn. This page has been read 12 times.')] };
    const third = await verify({ article: parseArticle(one, 'f.txt'), references: refs, toolVersion: 't', failOn: [], history: second.history ?? history, now: at(14), fetch: { allowPrivateHosts: true, retries: 0 } });
    expect(third.report.changes?.drifted.map((d) => d.lostPhrases.some((p) => /300|flooded|2019/.test(p)))).toEqual([true]);
  });
});

describe('archive copies', () => {
  it('reports a failed Wayback lookup as a finding instead of silence', async () => {
    answers = weekOf(3);
    const client = createWaybackClient({
      dispatcher: createAgent({ timeoutMs: 2000, connections: 1, allowPrivateHosts: true, allowHosts: [] }),
      baseUrl: 'http://127.0.0.1:1', cache: new Map(), ratePerMinute: 1200, maxRetries: 0,
    });
    const { report } = await verify({
      article: parseArticle(ARTICLE, 'town.txt'), references: references(), toolVersion: 'test', failOn: [],
      fetch: { allowPrivateHosts: true, retries: 0 },
      archive: { wayback: client, fetch: (urls) => fetchSources(urls, { allowPrivateHosts: true, retries: 0 }) },
    });
    expect(report.findings.filter((f) => f.kind === 'archive-unavailable').map((f) => f.ref)).toEqual([1, 4]);
  });

  it('checks a dead source against the Wayback capture nearest the access date', async () => {
    answers = weekOf(3);
    const wayback = await startWaybackStandIn([
      { timestamp: '20240428120000', original: `${origin}/dies`, body: page(CLAIMS.dies ?? '') },
      { timestamp: '20231001120000', original: `${origin}/dies`, body: page('An older, unrelated version.') },
    ]);
    try {
      const client = createWaybackClient({
        dispatcher: createAgent({ timeoutMs: 30_000, connections: 1, allowPrivateHosts: true, allowHosts: [] }),
        baseUrl: wayback.baseUrl, cache: new Map(), ratePerMinute: 1200,
      });
      const { report, fetches } = await verify({
        article: parseArticle(ARTICLE, 'town.txt'), references: references(), toolVersion: 'test', failOn: [],
        fetch: { allowPrivateHosts: true, retries: 0 },
        archive: { wayback: client, fetch: (urls) => fetchSources(urls, { allowPrivateHosts: true, retries: 0 }) },
      });
      const cite = report.claims[0]?.citations[0];
      expect(cite?.verdict).toBe('broken');
      expect(cite?.archive?.verdict).toBe('supported');
      expect(cite?.archive?.capturedAt?.slice(0, 10)).toBe('2024-04-28');
      expect(cite?.archive?.url).toContain('/web/20240428120000id_/');
      expect(report.sources[0]?.archiveUrl).toContain('20240428120000id_');
      expect(fetches.some((f) => f.url.includes('id_'))).toBe(true);
      // The bot-walled source gets a lookup too, but has no capture: its citation keeps no archive.
      expect(report.claims[0]?.citations.length).toBe(1);
      expect(wayback.cdxHits.length).toBeGreaterThanOrEqual(2);
      // A replay of this run's evidence reproduces the archive verdict without asking the archive.
      const cdxBefore = wayback.cdxHits.length;
      const replay = new Map(fetches.map((f) => [f.url, f]));
      const again = await verify({
        article: parseArticle(ARTICLE, 'town.txt'), references: references(), toolVersion: 'test', failOn: [], replay,
        archive: { wayback: replayedWayback(replay), fetch: async (urls) => new Map(urls.flatMap((u) => { const f = replay.get(u); return f ? [[u, f] as const] : []; })) },
      });
      expect(again.report.claims[0]?.citations[0]?.archive).toEqual(cite?.archive);
      expect(wayback.cdxHits.length).toBe(cdxBefore);
    } finally {
      await wayback.close();
    }
  });
});

describe('record then replay', () => {
  it('gives the same verdicts from a WARC file with the network gone', async () => {
    answers = weekOf(1);
    const article = parseArticle(ARTICLE, 'town.txt');
    const live = await verify({
      article, references: references(), toolVersion: 'test', failOn: [], fetch: { allowPrivateHosts: true, retries: 0 },
    });
    const file = join(mkdtempSync(join(tmpdir(), 'citecheck-warc-')), 'run.warc.gz');
    await writeWarc(file, live.fetches, { software: 'citecheck/test' });
    answers = {}; // every path now 404s: only the WARC can give the recorded answers
    const replayed = await verify({
      article, references: references(), toolVersion: 'test', failOn: [], replay: await readWarc(file),
    });
    const strip = (r: typeof live.report) => ({ claims: r.claims, sources: r.sources, summary: r.summary });
    expect(strip(replayed.report)).toEqual(strip(live.report));
    expect(live.report.sources.map((s) => s.linkStatus)).toEqual(['dead', 'error', 'ok', 'blocked']);
  });
});
