import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, MockAgent, request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseCapture, createTokenBucket, createWaybackClient, isDeprecatedArchive, parseRetryAfter, type Capture, type CacheEntry,
} from '../src/archive/index.js';
import { startWaybackStandIn, type StoredCapture, type WaybackStandIn } from './fixtures/wayback.js';

const dispatcher = new Agent({ connections: 4 });
afterAll(() => dispatcher.close());

/** A virtual clock shared by the client (now/sleep) and the stand-in (hit times). */
function virtualClock(start = Date.parse('2026-03-01T00:00:00Z')) {
  const c = { t: start, now: () => c.t, sleep: async (ms: number) => { c.t += ms; } };
  return c;
}

const PAGE = 'https://news.example/story';
const at = (iso: string) => new Date(iso);
const cap = (timestamp: string, extra: Partial<StoredCapture> = {}): StoredCapture => ({ timestamp, original: PAGE, ...extra });

function capture(ts: string): Capture {
  const iso = `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(8, 10)}:${ts.slice(10, 12)}:${ts.slice(12, 14)}.000Z`;
  return { timestamp: ts, original: PAGE, statusCode: 200, digest: 'd', mimeType: 'text/html', capturedAt: iso };
}

describe('chooseCapture (H3llBot rule)', () => {
  it.each<[string, string[], string, string | undefined]>([
    ['latest before within 90 days', ['20240101000000', '20240301000000', '20240320000000', '20240501000000'], '2024-04-01', '20240320000000'],
    ['capture on the access day counts as before', ['20240401000000', '20240402000000'], '2024-04-01T12:00:00Z', '20240401000000'],
    ['nothing before within 90 days → first after', ['20230101000000', '20240601000000', '20240901000000'], '2024-04-01', '20240601000000'],
    ['only after', ['20250101000000', '20240501000000'], '2024-04-01', '20240501000000'],
    ['only old before → latest old one', ['20200101000000', '20210101000000'], '2024-04-01', '20210101000000'],
    ['exactly 90 days before is inside', ['20240102000000', '20240501000000'], '2024-04-01', '20240102000000'],
    ['none', [], '2024-04-01', undefined],
  ])('%s', (_n, stamps, around, expected) => {
    expect(chooseCapture(stamps.map(capture), at(around))?.timestamp).toBe(expected);
  });
});

describe('Wayback client against the loopback stand-in', () => {
  let server: WaybackStandIn;
  let clock: ReturnType<typeof virtualClock>;
  const captures: StoredCapture[] = [
    cap('20230105120000'),
    cap('20240110080000', { body: '<p>January copy</p>' }),
    cap('20240315093000', { body: '<p>March copy</p>' }),
    cap('20240316000000', { statuscode: '404' }),
    cap('20240317000000', { mimetype: 'warc/revisit' }),
    cap('20240620000000', { body: '<p>June copy</p>' }),
    cap('20250101000000'),
    { timestamp: '20240101000000', original: 'http://www.other.example/', body: 'other' },
  ];
  const client = (extra: Partial<Parameters<typeof createWaybackClient>[0]> = {}) =>
    createWaybackClient({ dispatcher, baseUrl: server.baseUrl, now: clock.now, sleep: clock.sleep, ...extra });

  beforeAll(async () => {
    clock = virtualClock();
    server = await startWaybackStandIn(captures, { clock: () => clock.t });
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.cdxHits.length = 0;
    server.ignoreClosest = false;
  });

  it.each<[string, string | undefined]>([
    ['2024-04-01', '20240315093000'], // latest 200 before, skipping the later 404 and revisit
    ['2024-01-10T09:00:00Z', '20240110080000'],
    ['2024-12-31', '20250101000000'], // the June copy is >90 days old: first after wins
    ['2026-06-01', '20250101000000'], // only old captures: the newest of them
    ['2022-01-01', '20230105120000'],
  ])('nearest to %s is %s', async (around, expected) => {
    const c = await client().nearestCapture(PAGE, at(around));
    expect(c?.timestamp).toBe(expected);
    expect(c?.statusCode).toBe(200);
  });

  it('asks CDX the recommended closest query', async () => {
    await client().nearestCapture(PAGE, at('2024-04-01'));
    const q = server.cdxHits[0]?.query;
    expect(q?.get('url')).toBe(PAGE);
    expect(q?.get('output')).toBe('json');
    expect(q?.get('fl')).toBe('timestamp,original,statuscode,digest,mimetype');
    expect(q?.getAll('filter')).toEqual(['statuscode:200', '!mimetype:warc/revisit']);
    expect(q?.get('closest')).toBe('20240401000000');
    expect(q?.get('sort')).toBe('closest');
    expect(q?.get('limit')).toBe('3');
  });

  it('returns undefined for a URL the archive never saw', async () => {
    expect(await client().lookupCapture('https://never.example/', at('2024-04-01'))).toEqual({ kind: 'none' });
  });

  it.each<[string, string]>([
    ['2024-04-01', '20240315093000'],
    ['2024-12-31', '20250101000000'],
    ['2026-06-01', '20250101000000'],
  ])('falls back to range queries when closest is ignored (%s → %s)', async (around, expected) => {
    server.ignoreClosest = true;
    const c = await client().nearestCapture(PAGE, at(around));
    expect(c?.timestamp).toBe(expected);
    expect(server.cdxHits.length).toBeGreaterThan(1);
    expect(server.cdxHits.slice(1).every((h) => h.query.get('closest') === null)).toBe(true);
  });

  it('builds id_ replay URLs that replay the stored bytes', async () => {
    const c = await client().nearestCapture(PAGE, at('2024-04-01'));
    if (!c) throw new Error('no capture');
    const replay = client().replayUrl(c);
    expect(replay).toBe(`${server.baseUrl}/web/20240315093000id_/${PAGE}`);
    const res = await request(replay, { dispatcher });
    expect(res.statusCode).toBe(200);
    expect(await res.body.text()).toBe('<p>March copy</p>');
  });

  it('keeps CDX calls within ratePerMinute in every 60-s window', async () => {
    // Sequential, so each hit's virtual time is its grant time (concurrent takes: see the bucket test).
    const c = client({ ratePerMinute: 20 });
    for (let i = 0; i < 45; i++) await c.nearestCapture(PAGE, new Date(Date.UTC(2024, 0, 1 + i)));
    const times = server.cdxHits.map((h) => h.at);
    expect(times.length).toBeGreaterThanOrEqual(45);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(20);
  });

  it('honours 429 Retry-After, then succeeds', async () => {
    server.rateLimitNext(1, '7');
    const r = await client().lookupCapture(PAGE, at('2024-04-02'));
    expect(r.kind).toBe('found');
    const [first, second] = server.cdxHits;
    expect(first?.status).toBe(429);
    expect(second?.status).toBe(200);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(7_000);
  });

  it('waits a full minute on a 429 without Retry-After', async () => {
    server.rateLimitNext(1, null);
    await client().lookupCapture(PAGE, at('2024-04-03'));
    const [first, second] = server.cdxHits;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(60_000);
  });

  it('gives up (never hammers) when 429s persist, and does not cache the failure', async () => {
    server.rateLimitNext(3, '5');
    const c = client({ maxRetries: 2 });
    const r = await c.lookupCapture(PAGE, at('2024-04-04'));
    expect(r).toMatchObject({ kind: 'error', rateLimited: true });
    expect(server.cdxHits.map((h) => h.status)).toEqual([429, 429, 429]);
    expect(await c.nearestCapture(PAGE, at('2024-04-04'))).toBeDefined();
    expect(server.cdxHits.at(-1)?.status).toBe(200);
  });

  it('does not wait out a Retry-After longer than allowed, and holds every caller until it ends', async () => {
    server.rateLimitNext(1, '3600');
    const c = client({ maxRetryAfterMs: 120_000 });
    const before = clock.t;
    expect(await c.lookupCapture(PAGE, at('2024-04-05'))).toMatchObject({ kind: 'error', rateLimited: true });
    expect(server.cdxHits).toHaveLength(1);
    await c.nearestCapture(PAGE, at('2024-04-06'));
    expect((server.cdxHits[1]?.at ?? 0) - before).toBeGreaterThanOrEqual(3_600_000);
  });

  it('caches answers in memory: a second call makes 0 server hits, concurrent calls share one', async () => {
    const c = client();
    await Promise.all([c.nearestCapture(PAGE, at('2024-05-01')), c.nearestCapture(PAGE, at('2024-05-01'))]);
    const hits = server.cdxHits.length;
    expect(hits).toBe(1);
    expect((await c.nearestCapture(PAGE, at('2024-05-01')))?.timestamp).toBe('20240315093000');
    expect(await c.lookupCapture('https://never.example/', at('2024-05-01'))).toEqual({ kind: 'none' });
    expect(await c.lookupCapture('https://never.example/', at('2024-05-01'))).toEqual({ kind: 'none' });
    expect(server.cdxHits.length).toBe(hits + 1);
  });

  it('shares a caller-owned Map between clients', async () => {
    const map = new Map<string, CacheEntry>();
    await client({ cache: map }).nearestCapture(PAGE, at('2024-05-02'));
    const hits = server.cdxHits.length;
    await client({ cache: map }).nearestCapture(PAGE, at('2024-05-02'));
    expect(server.cdxHits.length).toBe(hits);
  });

  it('persists answers to a JSON file with a 24 h TTL', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'citecheck-wb-')), 'cdx-cache.json');
    const first = await client({ cache: file }).nearestCapture(PAGE, at('2024-05-03'));
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(1);
    const hits = server.cdxHits.length;
    expect(await client({ cache: file }).nearestCapture(PAGE, at('2024-05-03'))).toEqual(first);
    expect(server.cdxHits.length).toBe(hits);
    clock.t += 25 * 3_600_000;
    await client({ cache: file }).nearestCapture(PAGE, at('2024-05-03'));
    expect(server.cdxHits.length).toBe(hits + 1);
  });

  it('treats a corrupt cache file as empty', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'citecheck-wb-')), 'cdx-cache.json');
    await writeFile(file, '{"version":1,"entries":');
    expect((await client({ cache: file }).nearestCapture(PAGE, at('2024-05-04')))?.timestamp).toBe('20240315093000');
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(1);
  });

  it('reports an unreachable archive as an error value', async () => {
    const c = createWaybackClient({ dispatcher, baseUrl: 'http://127.0.0.1:9', now: clock.now, sleep: clock.sleep });
    expect(await c.lookupCapture(PAGE, at('2024-04-01'))).toMatchObject({ kind: 'error', rateLimited: false });
  });
});

describe('Wayback client through an undici MockAgent (no network at all)', () => {
  it('queries web.archive.org by default, drops the fragment, and builds id_ replay URLs there', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    const seen: string[] = [];
    mock.get('https://web.archive.org')
      .intercept({ path: (p) => { seen.push(p); return p.startsWith('/cdx/search/cdx?'); } })
      .reply(200, [['timestamp', 'original', 'statuscode', 'digest', 'mimetype'], ['20240301000000', 'https://a.example/x', '200', 'ABC', 'text/html']]);
    const clock = virtualClock();
    const c = createWaybackClient({ dispatcher: mock, now: clock.now, sleep: clock.sleep });
    const found = await c.nearestCapture('https://a.example/x#section-2', at('2024-04-01'));
    expect(found).toEqual({
      timestamp: '20240301000000', original: 'https://a.example/x', statusCode: 200, digest: 'ABC', mimeType: 'text/html',
      capturedAt: '2024-03-01T00:00:00.000Z',
    });
    expect(new URLSearchParams(seen[0]?.split('?')[1]).get('url')).toBe('https://a.example/x');
    expect(c.replayUrl(found ?? capture('20240301000000'))).toBe('https://web.archive.org/web/20240301000000id_/https://a.example/x');
    await mock.close();
  });

  it.each<[string, unknown]>([
    ['not JSON', 'oops <html>'],
    ['wrong shape', { rows: [] }],
  ])('a %s answer is an error value', async (_n, body) => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock.get('https://web.archive.org').intercept({ path: (p) => p.startsWith('/cdx/') }).reply(200, typeof body === 'string' ? body : JSON.stringify(body));
    const clock = virtualClock();
    const r = await createWaybackClient({ dispatcher: mock, now: clock.now, sleep: clock.sleep }).lookupCapture('https://a.example/', at('2024-01-01'));
    expect(r).toMatchObject({ kind: 'error', rateLimited: false });
    await mock.close();
  });

  it('an invalid access date is an error value, not an exception', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    const r = await createWaybackClient({ dispatcher: mock }).lookupCapture('https://a.example/', new Date('nope'));
    expect(r).toMatchObject({ kind: 'error' });
    await mock.close();
  });
});

describe('token bucket', () => {
  it.each<[number, number]>([[20, 1], [60, 1], [20, 5]])('rate %i/min, burst %i: concurrent takes stay within rate + burst - 1 per minute', async (rate, burst) => {
    const clock = virtualClock();
    const bucket = createTokenBucket({ ratePerMinute: rate, burst, clock });
    const granted: number[] = [];
    await Promise.all(Array.from({ length: 3 * rate }, () => bucket.take().then(() => granted.push(clock.t))));
    expect(granted).toHaveLength(3 * rate);
    for (const t of granted) {
      expect(granted.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(rate + burst - 1);
    }
  });

  it('pauseUntil holds every taker until the pause ends', async () => {
    const clock = virtualClock();
    const bucket = createTokenBucket({ ratePerMinute: 60, clock });
    await bucket.take();
    bucket.pauseUntil(clock.t + 30_000);
    const start = clock.t;
    await bucket.take();
    expect(clock.t - start).toBeGreaterThanOrEqual(30_000);
  });

  it.each<[string | undefined, number | undefined]>([
    ['7', 7_000], ['0', 0], [' 120 ', 120_000], ['Sun, 01 Mar 2026 00:01:00 GMT', 60_000], ['soon', undefined], [undefined, undefined],
  ])('Retry-After %j → %s ms', (value, ms) => {
    expect(parseRetryAfter(value, Date.parse('2026-03-01T00:00:00Z'))).toBe(ms);
  });
});

describe('isDeprecatedArchive', () => {
  it.each<[string, boolean]>([
    ['https://archive.today/2024.01.01/https://x.example/', true],
    ['https://archive.ph/AbCdE', true],
    ['http://archive.is/abc', true],
    ['https://archive.li/abc', true],
    ['https://archive.vn/abc', true],
    ['https://archive.md/abc', true],
    ['https://www.archive.ph/abc', true],
    ['https://ARCHIVE.PH/abc', true],
    ['https://web.archive.org/web/2024/https://x.example/', false],
    ['https://myarchive.ph/abc', false],
    ['https://archive.org/details/x', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isDeprecatedArchive(url)).toBe(expected);
  });
});
