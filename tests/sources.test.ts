// The network stage against the real loopback fixture web: outcomes, redirects, caps, retries and server-side hit counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSources, type FetchOptions } from '../src/sources/fetch.js';
import type { SourceFetch } from '../src/types.js';
import { ROUTES, startFixtureWeb, type FixtureWeb } from './fixtures/web.js';
import { renderArticle } from './fixtures/web/pages.js';

let web: FixtureWeb;
beforeAll(async () => {
  web = await startFixtureWeb();
});
afterAll(async () => {
  await web.close();
});

const noWait = async (): Promise<void> => undefined;
const open: Partial<FetchOptions> = { allowPrivateHosts: true, sleep: noWait, timeoutMs: 30_000 };

async function fetchOne(url: string, options: Partial<FetchOptions> = {}): Promise<SourceFetch> {
  const result = await fetchSources([url], { ...open, ...options });
  const f = result.get(url);
  if (!f) throw new Error(`no result for ${url}`);
  return f;
}

function statusOf(f: SourceFetch): number | string {
  return f.outcome.kind === 'response' ? f.outcome.status : f.outcome.failure;
}

function text(f: SourceFetch): string {
  return f.outcome.kind === 'response' ? Buffer.from(f.outcome.body).toString('utf8') : '';
}

describe('one fetch per fixture behaviour', () => {
  it.each([
    ['ok', ROUTES.ok, 200, 0],
    ['home', ROUTES.home, 200, 0],
    ['gone', ROUTES.gone, 410, 0],
    ['404', ROUTES.notFound, 404, 0],
    ['401', ROUTES.unauthorized, 401, 0],
    ['soft-404 en', ROUTES.soft404En, 200, 0],
    ['soft-404 ru', ROUTES.soft404Ru, 200, 0],
    ['cloudflare 403', ROUTES.cloudflare403, 403, 0],
    ['aws waf 202', ROUTES.awsWaf202, 202, 0],
    ['aws waf 405', ROUTES.awsWaf405, 405, 0],
    ['datadome 403', ROUTES.datadome403, 403, 0],
    ['perimeterx 403', ROUTES.perimeterx403, 403, 0],
    ['akamai 403', ROUTES.akamai403, 403, 0],
    ['incapsula 403', ROUTES.incapsula403, 403, 0],
    ['paywall json-ld', ROUTES.paywallJsonLd, 200, 0],
    ['paywall piano', ROUTES.paywallPiano, 200, 0],
    ['json-ld only', ROUTES.jsonLdOnly, 200, 0],
    ['x shell', ROUTES.xShell, 200, 0],
    ['pdf', ROUTES.pdf, 200, 0],
    ['moved', ROUTES.moved, 200, 1],
    ['deep url to home', ROUTES.toHome, 200, 1],
    ['redirect loop', ROUTES.loopA, 'redirect-loop', 2], // a→b→a: the second hop is not requested again
  ])('%s → %s', async (_name, path, expected, hops) => {
    const before = web.hits(path);
    const f = await fetchOne(web.url(path), { retries: 0 });
    expect(statusOf(f)).toBe(expected);
    expect(f.redirects).toHaveLength(hops);
    expect(f.attempts).toBe(expected === 'redirect-loop' ? hops : hops + 1);
    expect(web.hits(path) - before).toBe(1);
    if (f.outcome.kind === 'response') expect(f.outcome.truncated).toBe(false);
  });

  it('sends an honest User-Agent and ordinary Accept headers', async () => {
    const headers: unknown = JSON.parse(text(await fetchOne(web.url(ROUTES.echoHeaders))));
    expect(headers).toMatchObject({
      'user-agent': expect.stringMatching(/^citecheck\/\d+\.\d+\.\d+\S* \(\+https:\/\/github\.com\/citecheck\/citecheck\)$/),
      'accept-language': 'en;q=1, *;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
      accept: expect.stringContaining('text/html'),
    });
    const custom = await fetchOne(web.url(`${ROUTES.echoHeaders}?ua`), { userAgent: 'intranet-bot/1' });
    expect(JSON.parse(text(custom))).toMatchObject({ 'user-agent': 'intranet-bot/1' });
  });

  it('keeps the response headers, lower-cased', async () => {
    const f = await fetchOne(web.url(ROUTES.cloudflare403), { retries: 0 });
    expect(f.outcome.kind === 'response' && f.outcome.headers['cf-mitigated']).toBe('challenge');
  });
});

describe('decoding', () => {
  const plain = renderArticle();
  it.each([ROUTES.gzip, ROUTES.brotli, ROUTES.deflate, ROUTES.deflateRaw])('%s decodes to the article bytes', async (path) => {
    const f = await fetchOne(web.url(path));
    expect(text(f)).toBe(plain);
  });

  it('passes legacy-charset bytes through untouched, with the header', async () => {
    const f = await fetchOne(web.url(ROUTES.koi8r));
    expect(f.outcome.kind === 'response' && f.outcome.headers['content-type']).toBe('text/html; charset=koi8-r');
    expect(new TextDecoder('koi8-r').decode(f.outcome.kind === 'response' ? f.outcome.body : undefined)).toContain('Городской совет');
  });

  it('returns a gzip bomb truncated at the cap without inflating it', async () => {
    const rssBefore = process.memoryUsage().rss;
    const f = await fetchOne(web.url(ROUTES.gzipBomb));
    expect(f.outcome.kind).toBe('response');
    if (f.outcome.kind !== 'response') return;
    expect(f.outcome.truncated).toBe(true);
    expect(f.outcome.body.byteLength).toBe(5 * 1024 * 1024);
    expect(text(f).startsWith('<!doctype html>')).toBe(true);
    // 1 GiB inflated would need >1 GB; the cap keeps the growth to a few times 5 MB.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);
  });

  it('cuts an endless body at the cap and stops reading', async () => {
    const f = await fetchOne(web.url(ROUTES.endless), { maxBytes: 300_000 });
    expect(f.outcome.kind === 'response' && f.outcome.truncated).toBe(true);
    expect(f.outcome.kind === 'response' && f.outcome.body.byteLength).toBe(300_000);
  });

  it('keeps a body exactly at the cap untruncated', async () => {
    const size = Buffer.byteLength(renderArticle());
    const f = await fetchOne(web.url(`${ROUTES.ok}?exact`), { maxBytes: size });
    expect(f.outcome.kind === 'response' && f.outcome.truncated).toBe(false);
    const cut = await fetchOne(web.url(`${ROUTES.ok}?short`), { maxBytes: size - 1 });
    expect(cut.outcome.kind === 'response' && cut.outcome.truncated).toBe(true);
  });
});

describe('redirects', () => {
  it('records each hop with its status and resolved location', async () => {
    const f = await fetchOne(web.url(ROUTES.moved));
    expect(f.redirects).toEqual([{ url: web.url(ROUTES.moved), status: 301, location: web.url(ROUTES.movedTarget) }]);
    expect(f.finalUrl).toBe(web.url(ROUTES.movedTarget));
    expect(web.hits(ROUTES.movedTarget)).toBeGreaterThanOrEqual(1);
  });

  it('resolves a relative Location against the current URL', async () => {
    const f = await fetchOne(web.url(ROUTES.toHome));
    expect(f.redirects[0]?.location).toBe(`${web.origin}/`);
    expect(f.finalUrl).toBe(`${web.origin}/`);
  });

  it('follows 10 redirects and refuses the 11th', async () => {
    const ten = await fetchOne(web.url(`${ROUTES.chain}?n=10`));
    expect(statusOf(ten)).toBe(200);
    expect(ten.redirects).toHaveLength(10);
    const eleven = await fetchOne(web.url(`${ROUTES.chain}?n=11`));
    expect(statusOf(eleven)).toBe('too-many-redirects');
    expect(eleven.attempts).toBe(11);
    expect(web.hits(`${ROUTES.chain}?n=0`)).toBe(1); // only the 10-hop run reached the end
  });

  it('stops a loop when a URL comes back, without retrying', async () => {
    const before = web.hits(ROUTES.loopA);
    const f = await fetchOne(web.url(ROUTES.loopA), { retries: 2 });
    expect(statusOf(f)).toBe('redirect-loop');
    expect(f.redirects.map((h) => h.status)).toEqual([302, 302]);
    expect(web.hits(ROUTES.loopA) - before).toBe(1);
  });
});

describe('timeouts and transport failures', () => {
  it.each([ROUTES.slowHeaders, ROUTES.slowBody])('%s ends as timeout', async (path) => {
    const before = web.hits(path);
    const f = await fetchOne(web.url(path), { timeoutMs: 400, retries: 0 });
    expect(statusOf(f)).toBe('timeout');
    expect(web.hits(path) - before).toBe(1);
  });

  it('retries a timeout, then gives up', async () => {
    const path = `${ROUTES.slowHeaders}?retried`;
    const f = await fetchOne(web.url(path), { timeoutMs: 300, retries: 1 });
    expect(statusOf(f)).toBe('timeout');
    expect(f.attempts).toBe(2);
    expect(web.hits(path)).toBe(2);
  });

  it('maps a reset connection to reset and retries it', async () => {
    const f = await fetchOne(web.url(ROUTES.reset), { retries: 2 });
    expect(statusOf(f)).toBe('reset');
    expect(web.hits(ROUTES.reset)).toBe(3);
    expect(f.attempts).toBe(3);
  });

  it('maps a closed port to refused', async () => {
    const other = await startFixtureWeb();
    const url = other.url(ROUTES.ok);
    await other.close();
    const f = await fetchOne(url, { retries: 0 });
    expect(statusOf(f)).toBe('refused');
  });

  it.each(['ftp://example.org/file', 'not a url', 'javascript:alert(1)', 'http://'])('%s is invalid-url with nothing sent', async (url) => {
    const f = await fetchOne(url);
    expect(statusOf(f)).toBe('invalid-url');
    expect(f.attempts).toBe(0);
  });
});
