// fetchSources on the loopback fixture web: retries and hit counts, the address guard, per-host and global limits, progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH_OPTIONS, fetchSources, type FetchOptions, type FetchProgress } from '../src/sources/fetch.js';
import type { SourceFetch } from '../src/types.js';
import { ROUTES, startFixtureWeb, type FixtureWeb } from './fixtures/web.js';

let web: FixtureWeb;
beforeAll(async () => {
  web = await startFixtureWeb();
});
afterAll(async () => {
  await web.close();
});

function recordSleeps(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

async function fetchOne(url: string, options: Partial<FetchOptions>): Promise<SourceFetch> {
  const f = (await fetchSources([url], { allowPrivateHosts: true, ...options })).get(url);
  if (!f) throw new Error(`no result for ${url}`);
  return f;
}

function statusOf(f: SourceFetch | undefined): number | string | undefined {
  if (!f) return undefined;
  return f.outcome.kind === 'response' ? f.outcome.status : f.outcome.failure;
}

describe('defaults', () => {
  it('match the documented values', () => {
    expect(DEFAULT_FETCH_OPTIONS).toMatchObject({
      concurrency: 16, perHost: 2, retries: 2, maxBytes: 5 * 1024 * 1024, maxRedirects: 10,
      maxRetryAfterMs: 30_000, allowPrivateHosts: false,
    });
  });
});

describe('retries, counted on the server', () => {
  it('429 then 200: two requests, waiting the Retry-After', async () => {
    const { sleep, waits } = recordSleeps();
    const f = await fetchOne(web.url(ROUTES.flaky429), { sleep });
    expect(statusOf(f)).toBe(200);
    expect(f.attempts).toBe(2);
    expect(web.hits(ROUTES.flaky429)).toBe(2);
    expect(waits).toEqual([1000]);
  });

  it('500 then 200: two requests, with a backoff inside the jitter bound', async () => {
    const { sleep, waits } = recordSleeps();
    const f = await fetchOne(web.url(ROUTES.flaky500), { sleep, retryBaseMs: 500 });
    expect(statusOf(f)).toBe(200);
    expect(web.hits(ROUTES.flaky500)).toBe(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(0);
    expect(waits[0]).toBeLessThan(500);
  });

  it.each([0, 1, 2, 3])('always 503 with retries=%i: 1 + retries requests, keeps the 503', async (retries) => {
    const path = `${ROUTES.always503}?retries=${retries}`;
    const f = await fetchOne(web.url(path), { retries, sleep: recordSleeps().sleep });
    expect(statusOf(f)).toBe(503);
    expect(web.hits(path)).toBe(1 + retries);
    expect(f.attempts).toBe(1 + retries);
  });

  it('full jitter grows the ceiling exponentially', async () => {
    const { sleep, waits } = recordSleeps();
    const path = `${ROUTES.always503}?jitter`;
    await fetchOne(web.url(path), { retries: 3, sleep, random: () => 0.999, retryBaseMs: 100, retryMaxDelayMs: 10_000 });
    expect(waits).toEqual([99, 199, 399]);
  });

  it('a Cloudflare 429 challenge is a wall: exactly one request', async () => {
    const { sleep, waits } = recordSleeps();
    const f = await fetchOne(web.url(ROUTES.cloudflare429), { sleep });
    expect(statusOf(f)).toBe(429);
    expect(web.hits(ROUTES.cloudflare429)).toBe(1);
    expect(waits).toEqual([]);
  });

  it.each([ROUTES.notFound, ROUTES.gone, ROUTES.unauthorized, ROUTES.cloudflare403, ROUTES.awsWaf405])(
    '%s is not retried',
    async (path) => {
      const keyed = `${path}?no-retry`;
      const f = await fetchOne(web.url(keyed), { sleep: recordSleeps().sleep });
      expect(f.attempts).toBe(1);
      expect(web.hits(keyed)).toBe(1);
    },
  );
});

describe('address guard (on by default)', () => {
  it('refuses every fixture route on 127.0.0.1 and sends nothing', async () => {
    const before = web.totalHits();
    const urls = Object.values(ROUTES).map((p) => web.url(p));
    const result = await fetchSources(urls, { sleep: recordSleeps().sleep });
    expect([...result.values()].map(statusOf)).toEqual(urls.map(() => 'private-address'));
    expect([...result.values()].every((f) => f.redirects.length === 0)).toBe(true);
    expect(web.totalHits()).toBe(before);
  });

  it.each(['2130706433', '0x7f.1', '017700000001', '127.1', '[::ffff:127.0.0.1]', '[::1]', 'localhost', '127.0.0.2', '0.0.0.0'])(
    'refuses http://%s:<port>/ with zero hits',
    async (host) => {
      const before = web.totalHits();
      const f = await fetchOne(`http://${host}:${web.port}${ROUTES.ok}`, { allowPrivateHosts: false, retries: 2 });
      expect(statusOf(f)).toBe('private-address');
      expect(f.attempts).toBe(0);
      expect(web.totalHits()).toBe(before);
    },
  );

  it.each([ROUTES.toPrivate, ROUTES.toPrivateV6, ROUTES.toPrivateDecimal])(
    '%s: the redirect hop is recorded and the private target gets 0 hits',
    async (path) => {
      // localhost is let through so the fixture can be reached; the guard stays on for every other host.
      const url = `http://localhost:${web.port}${path}`;
      const f = await fetchOne(url, { allowPrivateHosts: false, allowHosts: ['localhost'] });
      expect(statusOf(f)).toBe('private-address');
      expect(f.redirects).toHaveLength(1);
      expect(f.redirects[0]).toMatchObject({ url, status: 302 });
      expect(f.attempts).toBe(1);
      expect(web.hits(path)).toBe(1);
      expect(web.hits(ROUTES.privateTarget)).toBe(0);
    },
  );

  it('allowPrivateHosts turns the guard off', async () => {
    const f = await fetchOne(web.url(`${ROUTES.ok}?allowed`), { allowPrivateHosts: true });
    expect(statusOf(f)).toBe(200);
    expect(web.hits(`${ROUTES.ok}?allowed`)).toBe(1);
  });
});

describe('scheduling', () => {
  it('never exceeds perHost in flight per host, and fills it', async () => {
    const hosts = ['127.0.0.1', 'localhost'];
    const urls = hosts.flatMap((h) => Array.from({ length: 10 }, (_, i) => `http://${h}:${web.port}${ROUTES.slowOk}?ms=60&ph=${i}`));
    const result = await fetchSources(urls, { allowPrivateHosts: true, concurrency: 16, perHost: 2 });
    expect([...result.values()].map(statusOf)).toEqual(urls.map(() => 200));
    for (const h of hosts) expect(web.peakInFlight(`${h}:${web.port}`)).toBe(2);
  });

  it('never exceeds the global limit either', async () => {
    const other = await startFixtureWeb();
    try {
      const urls = Array.from({ length: 12 }, (_, i) => other.url(`${ROUTES.slowOk}?ms=60&g=${i}`));
      await fetchSources(urls, { allowPrivateHosts: true, concurrency: 3, perHost: 8 });
      expect(other.peakInFlight(`127.0.0.1:${other.port}`)).toBe(3);
    } finally {
      await other.close();
    }
  });

  it('dedupes URLs and keys results by the URL as given', async () => {
    const url = web.url(`${ROUTES.ok}?dedupe`);
    const result = await fetchSources([url, url, url], { allowPrivateHosts: true });
    expect([...result.keys()]).toEqual([url]);
    expect(web.hits(`${ROUTES.ok}?dedupe`)).toBe(1);
  });

  it("a URL waiting to retry frees its host's slot: the host's next URL is fetched meanwhile", async () => {
    const [failing, next] = [`${ROUTES.always503}?slot=1`, `${ROUTES.ok}?slot=2`];
    // The retry's wait ends only once the other URL of the host has been fetched: were the sleeping
    // URL still holding the host's only slot, the run would never end.
    const sleep = async (): Promise<void> => {
      while (web.hits(next) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const result = await fetchSources([web.url(failing), web.url(next)], { allowPrivateHosts: true, perHost: 1, retries: 1, sleep });
    expect([...result.values()].map(statusOf)).toEqual([503, 200]);
    expect(web.hits(failing)).toBe(2);
  });

  it('keys results in the order the URLs were given, whatever order they finish in', async () => {
    const urls = [80, 5, 40, 1].map((ms, i) => web.url(`${ROUTES.slowOk}?ms=${ms}&order=${i}`));
    const result = await fetchSources(urls, { allowPrivateHosts: true, perHost: 4 });
    expect([...result.keys()]).toEqual(urls);
  });

  it('reports progress up to done = total with in-flight within the limit', async () => {
    const events: FetchProgress[] = [];
    const urls = Array.from({ length: 6 }, (_, i) => web.url(`${ROUTES.slowOk}?ms=20&p=${i}`));
    await fetchSources(urls, { allowPrivateHosts: true, concurrency: 4, perHost: 4, onProgress: (e) => events.push(e) });
    expect(events.filter((e) => e.event === 'start')).toHaveLength(6);
    expect(events.filter((e) => e.event === 'done').map((e) => e.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.every((e) => e.total === 6 && e.inFlight <= 4 && e.hostsInFlight <= 1)).toBe(true);
    expect(events.some((e) => e.slowest?.host === '127.0.0.1')).toBe(true);
  });
});
