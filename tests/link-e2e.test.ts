// End to end over loopback: fetchSources → readPage → judgeLink for every fixture route, with server hit counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeLink } from '../src/judge/link.js';
import { readPage } from '../src/page/read.js';
import { fetchSources, type FetchOptions } from '../src/sources/fetch.js';
import type { LinkStatus } from '../src/types.js';
import { ROUTES, startFixtureWeb, type FixtureWeb } from './fixtures/web.js';

let web: FixtureWeb;
beforeAll(async () => {
  web = await startFixtureWeb();
});
afterAll(async () => {
  await web.close();
});

const options: Partial<FetchOptions> = {
  allowPrivateHosts: true,
  sleep: async () => undefined,
  // Long enough for a loaded machine; the routes meant to time out get a short one (TIMES_OUT).
  timeoutMs: 30_000,
  maxBytes: 1024 * 1024,
};

async function judge(url: string, extra: Partial<FetchOptions> = {}): Promise<LinkStatus> {
  const f = (await fetchSources([url], { ...options, ...extra })).get(url);
  if (!f) throw new Error(`no result for ${url}`);
  return judgeLink(f, await readPage(f)).linkStatus;
}

type Route = keyof typeof ROUTES;

/** Expected link status and server hits (retries included) for each route fetched once, with retries = 2. */
const EXPECTED: [Route, LinkStatus, number][] = [
  ['ok', 'ok', 1],
  ['home', 'ok', 1],
  ['moved', 'redirected', 1],
  ['movedTarget', 'ok', 1],
  ['gone', 'dead', 1],
  ['notFound', 'dead', 1],
  ['soft404En', 'soft-404', 1],
  ['soft404Ru', 'soft-404', 1],
  ['toHome', 'soft-404', 1],
  ['cloudflare403', 'blocked', 1],
  ['cloudflare429', 'blocked', 1],
  ['awsWaf202', 'blocked', 1],
  ['awsWaf405', 'blocked', 1],
  ['datadome403', 'blocked', 1],
  ['perimeterx403', 'blocked', 1],
  ['akamai403', 'blocked', 1],
  ['incapsula403', 'blocked', 1],
  ['paywallJsonLd', 'paywalled', 1],
  ['paywallPiano', 'paywalled', 1],
  ['flaky429', 'ok', 2],
  ['flaky500', 'ok', 2],
  ['always503', 'error', 3],
  ['slowHeaders', 'timeout', 3],
  ['slowBody', 'timeout', 3],
  ['slowOk', 'ok', 1],
  ['endless', 'ok', 1],
  ['gzipBomb', 'ok', 1],
  ['gzip', 'ok', 1],
  ['brotli', 'ok', 1],
  ['deflate', 'ok', 1],
  ['deflateRaw', 'ok', 1],
  ['loopA', 'error', 1],
  ['chain', 'ok', 1],
  ['privateTarget', 'ok', 1],
  ['cp1251', 'ok', 1],
  ['koi8r', 'ok', 1],
  ['jsonLdOnly', 'ok', 1],
  ['pdf', 'ok', 1],
  ['unauthorized', 'blocked', 1],
  ['xShell', 'blocked', 1],
  ['reset', 'error', 3],
];

describe('every fixture route, judged', () => {
  it('covers every route except the ones judged below with the guard', () => {
    const covered = new Set<string>([...EXPECTED.map(([r]) => r), 'loopB', 'toPrivate', 'toPrivateV6', 'toPrivateDecimal', 'echoHeaders']);
    expect(Object.keys(ROUTES).filter((r) => !covered.has(r))).toEqual([]);
  });

  it.each(EXPECTED)('%s → %s (%i hits)', async (route, expected, hits) => {
    const path = ROUTES[route];
    const before = web.hits(path);
    expect(await judge(web.url(path), expected === 'timeout' ? { timeoutMs: 600 } : {})).toBe(expected);
    expect(web.hits(path) - before).toBe(hits);
  });
});

describe('guard and URL words', () => {
  it.each([ROUTES.toPrivate, ROUTES.toPrivateV6, ROUTES.toPrivateDecimal])('%s → private-address, target never hit', async (path) => {
    const before = web.hits(ROUTES.privateTarget);
    const status = await judge(`http://localhost:${web.port}${path}`, { allowPrivateHosts: false, allowHosts: ['localhost'] });
    expect(status).toBe('private-address');
    expect(web.hits(path)).toBe(1);
    expect(web.hits(ROUTES.privateTarget)).toBe(before);
  });

  it('guard on: a loopback URL is private-address with zero hits', async () => {
    const before = web.totalHits();
    expect(await judge(web.url(ROUTES.ok), { allowPrivateHosts: false })).toBe('private-address');
    expect(web.totalHits()).toBe(before);
  });

  it.each(['ftp://example.org/report.pdf', 'https://', 'not a url'])('%s → invalid-url', async (url) => {
    expect(await judge(url)).toBe('invalid-url');
  });
});

describe('what the page reader gets from the fetched bytes', () => {
  it.each([
    [ROUTES.pdf, 'pdf', 'library budget of 4.2 million dollars'],
    [ROUTES.cp1251, 'main', 'Городской совет Приречья'],
    [ROUTES.koi8r, 'main', 'Городской совет Приречья'],
    [ROUTES.jsonLdOnly, 'jsonld', 'Mayor Elena Novak'],
    [ROUTES.brotli, 'main', 'Mayor Elena Novak'],
  ])('%s has a %s layer with the text', async (path, layer, phrase) => {
    const url = web.url(`${path}?read`);
    const f = (await fetchSources([url], options)).get(url);
    if (!f) throw new Error('missing');
    const page = await readPage(f);
    expect(page?.layers.find((l) => l.layer === layer)?.text).toContain(phrase);
  });
});
