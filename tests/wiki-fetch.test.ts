// A wiki article by URL against a loopback stand-in of the MediaWiki REST API.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWikiClient } from '../src/article/wiki-fetch/client.js';
import { fetchWikiArticle, readWikiArticle, type WikiArticleOptions } from '../src/article/wiki-fetch/fetch.js';
import { parseWikiUrl } from '../src/article/wiki-fetch/url.js';
import { InputError } from '../src/errors.js';
import { startWikiStandin, type WikiStandin } from './helpers/wiki-standin.js';

const LATEST = 1212121212;
const OLD = 1212121000;
const lighthouse = readFileSync('tests/fixtures/formats/lighthouse.parsoid.html', 'utf8');
const oldLighthouse = lighthouse.replace('31 metres tall', '30 metres tall');
const alder = readFileSync('tests/fixtures/formats/alder-bay.parsoid.html', 'utf8');

describe('parseWikiUrl', () => {
  it.each([
    ['https://en.wikipedia.org/wiki/Earth', { api: 'https://en.wikipedia.org/w/rest.php', host: 'en.wikipedia.org', title: 'Earth' }],
    ['https://en.wikipedia.org/wiki/Russia%E2%80%93Hamas_relations', { title: 'Russia–Hamas_relations' }],
    ['https://en.wikipedia.org/wiki/Russia–Hamas_relations#History', { title: 'Russia–Hamas_relations' }],
    ['https://en.m.wikipedia.org/wiki/AC%2FDC', { api: 'https://en.wikipedia.org/w/rest.php', title: 'AC/DC' }],
    ['https://en.wikipedia.org/w/index.php?title=Grey+Point+Lighthouse&oldid=42', { title: 'Grey_Point_Lighthouse', revision: 42 }],
    ['https://en.wikipedia.org/w/index.php?oldid=42', { title: '', revision: 42 }],
    ['https://en.wikipedia.org/wiki/100%_Pure', { title: '100%_Pure' }],
    // A wiki without short URLs ($wgArticlePath "/index.php/$1"), as many self-hosted wikis run: rest.php is beside index.php.
    ['https://wiki.example.org/index.php/Grey_Point_Lighthouse', { api: 'https://wiki.example.org/rest.php', title: 'Grey_Point_Lighthouse' }],
    ['https://wiki.example.org/mw/index.php/Grey%20Point?action=view', { api: 'https://wiki.example.org/mw/rest.php', title: 'Grey_Point' }],
    ['https://wiki.example.org/mw/index.php?title=Grey_Point&oldid=7', { api: 'https://wiki.example.org/mw/rest.php', title: 'Grey_Point', revision: 7 }],
  ])('%s', (url, expected) => {
    const parsed = parseWikiUrl(url);
    expect(parsed.kind).toBe('page');
    if (parsed.kind === 'page') expect(parsed.page).toMatchObject(expected);
  });

  it('takes --wiki-api for other wikis, and refuses what names no page', () => {
    expect(parseWikiUrl('https://wiki.example.org/wiki/Main_Page', 'https://wiki.example.org/rest.php/')).toMatchObject({ kind: 'page', page: { api: 'https://wiki.example.org/rest.php' } });
    expect(parseWikiUrl('https://en.wikipedia.org/').kind).toBe('invalid');
    expect(parseWikiUrl('ftp://en.wikipedia.org/wiki/Earth').kind).toBe('invalid');
  });
});

describe('fetchWikiArticle against the stand-in', () => {
  let wiki: WikiStandin;
  const since = () => {
    const start = wiki.log.length;
    return () => wiki.log.slice(start);
  };
  const opts = (extra: Partial<WikiArticleOptions> = {}): WikiArticleOptions => ({
    wikiApi: wiki.api, allowPrivateHosts: true, env: {}, ...extra,
  });

  beforeAll(async () => {
    wiki = await startWikiStandin(
      [{ title: 'Grey Point Lighthouse', revisions: { [OLD]: oldLighthouse, [LATEST]: lighthouse } }, { title: 'Alder Bay', revisions: { 77: alder } }],
      { Grey_Point_Light: 'Grey_Point_Lighthouse', 'Alder_Bay–Kettle_Island_route': 'Alder_Bay', Grey_Point: 'Grey_Point_Light' },
    );
  }, 60_000);
  afterAll(async () => wiki.close(), 60_000);

  it('resolves the title to its latest revision and reads the Parsoid HTML', async () => {
    const requests = since();
    const result = await fetchWikiArticle('https://en.wikipedia.org/wiki/Grey_Point_Lighthouse', opts());
    expect(result).toEqual({ kind: 'ok', html: lighthouse, origin: { url: 'https://en.wikipedia.org/wiki/Grey_Point_Lighthouse', title: 'Grey Point Lighthouse', revision: LATEST } });
    expect(requests().map((r) => r.path)).toEqual(['/w/rest.php/v1/page/Grey_Point_Lighthouse/bare', `/w/rest.php/v1/revision/${LATEST}/html`]);
  });

  it('follows title redirects: a redirect page, a lower-case title, an en-dash title', async () => {
    const requests = since();
    const article = await readWikiArticle('https://en.wikipedia.org/wiki/Grey_Point_Light', opts());
    expect(article.origin).toEqual({ url: 'https://en.wikipedia.org/wiki/Grey_Point_Light', title: 'Grey Point Lighthouse', revision: LATEST });
    expect(article.claims).toHaveLength(9);
    // The redirect page's lookup names its target (MediaWiki answers 200 with redirect_target, not a 307): one hop.
    expect(requests().map((r) => r.path)).toEqual(['/w/rest.php/v1/page/Grey_Point_Light/bare',
      '/w/rest.php/v1/page/Grey_Point_Lighthouse/bare?redirect=no', `/w/rest.php/v1/revision/${LATEST}/html`]);
    const lower = await fetchWikiArticle('https://en.wikipedia.org/wiki/grey_Point_Light', opts());
    expect(lower).toMatchObject({ kind: 'ok', origin: { title: 'Grey Point Lighthouse' } });
    const dash = await readWikiArticle('https://en.wikipedia.org/wiki/Alder_Bay%E2%80%93Kettle_Island_route', opts());
    expect(dash.origin).toMatchObject({ title: 'Alder Bay', revision: 77 });
    expect(dash.references).toHaveLength(23);
    // A redirect to a redirect is not followed further (nor by MediaWiki): one line, not the redirect page's HTML.
    expect(await fetchWikiArticle('https://en.wikipedia.org/wiki/Grey_Point', opts())).toEqual({
      kind: 'missing', message: 'page "Grey Point" redirects to "Grey Point Light", itself a redirect (a double redirect)' });
  });

  it('pins a revision (option or oldid) and reports it', async () => {
    const requests = since();
    const pinned = await readWikiArticle('https://en.wikipedia.org/wiki/Grey_Point_Lighthouse', opts({ revision: OLD }));
    expect(pinned.origin).toEqual({ url: 'https://en.wikipedia.org/wiki/Grey_Point_Lighthouse', title: 'Grey Point Lighthouse', revision: OLD });
    expect(pinned.claims.map((c) => c.text)).toContain('The tower is 30 metres tall and was built from local granite.');
    expect(requests().map((r) => r.path)).toEqual([`/w/rest.php/v1/revision/${OLD}/bare`, `/w/rest.php/v1/revision/${OLD}/html`]);
    const byOldid = await fetchWikiArticle(`https://en.wikipedia.org/w/index.php?title=Grey_Point_Lighthouse&oldid=${OLD}`, opts());
    expect(byOldid).toMatchObject({ kind: 'ok', origin: { revision: OLD } });
  });

  it('a missing page or revision is a value, and one InputError line for the CLI', async () => {
    expect(await fetchWikiArticle('https://en.wikipedia.org/wiki/No_such_page', opts())).toEqual({ kind: 'missing', message: 'page "No such page" does not exist (HTTP 404)' });
    expect(await fetchWikiArticle('https://en.wikipedia.org/wiki/Grey_Point_Lighthouse', opts({ revision: 5 }))).toMatchObject({ kind: 'missing' });
    const error = await readWikiArticle('https://en.wikipedia.org/wiki/No_such_page', opts()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('cannot fetch https://en.wikipedia.org/wiki/No_such_page: page "No such page" does not exist (HTTP 404)');
  });

  it('identifies itself: User-Agent with contact, bearer token only when the environment has one', async () => {
    const requests = since();
    await fetchWikiArticle('https://en.wikipedia.org/wiki/Alder_Bay', opts());
    await fetchWikiArticle('https://en.wikipedia.org/wiki/Grey_Point_Lighthouse', opts({ revision: OLD, cacheDir: undefined, env: { CITECHECK_CONTACT: 'ops@example.org', CITECHECK_WIKI_TOKEN: 'tok-123' } }));
    const [plain, , withToken] = requests();
    expect(plain?.headers['user-agent']).toMatch(/^citecheck\/\S+ \(https:\/\/github\.com\/citecheck\/citecheck\) node\/\d/);
    expect(plain?.headers.authorization).toBeUndefined();
    expect(withToken?.headers['user-agent']).toMatch(/^citecheck\/\S+ \(ops@example\.org\) node\//);
    expect(withToken?.headers.authorization).toBe('Bearer tok-123');
  });

  it('sends one request at a time through a shared client, however many articles ask', async () => {
    const requests = since();
    // An Agent with many connections, so that only the client's own queue can keep requests apart.
    const agent = new Agent({ connections: 8 });
    const client = createWikiClient({ dispatcher: agent, env: {} });
    const results = await Promise.all(['Grey_Point_Lighthouse', 'Alder_Bay', 'Grey_Point_Light', 'Alder_Bay']
      .map((t) => fetchWikiArticle(`https://en.wikipedia.org/wiki/${t}`, opts({ client }))));
    await client.close();
    await agent.close();
    expect(results.map((r) => r.kind)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(requests().length).toBeGreaterThanOrEqual(5);
    expect(requests().map((r) => r.concurrent)).toEqual(requests().map(() => 1));
    // Alder_Bay asked twice at once: one request for its lookup, one for its HTML.
    expect(requests().filter((r) => r.path === '/w/rest.php/v1/page/Alder_Bay/bare')).toHaveLength(1);
  });

  it('waits out a 429 for as long as Retry-After says, then goes on', async () => {
    const requests = since();
    const waits: number[] = [];
    wiki.rateLimitNext(1, '7');
    const result = await fetchWikiArticle('https://en.wikipedia.org/wiki/Alder_Bay', opts({ sleep: async (ms) => { waits.push(ms); } }));
    expect(result.kind).toBe('ok');
    expect(waits).toEqual([7000]);
    expect(requests().map((r) => r.path)).toEqual(['/w/rest.php/v1/page/Alder_Bay/bare', '/w/rest.php/v1/page/Alder_Bay/bare', '/w/rest.php/v1/revision/77/html']);
  });

  it('caches on disk: a pinned revision never again, a latest lookup until it expires', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'citecheck-wiki-cache-'));
    let now = 1_000_000;
    const cached = () => opts({ cacheDir, now: () => now });
    await fetchWikiArticle('https://en.wikipedia.org/wiki/Grey_Point_Lighthouse', cached());
    const again = since();
    expect(await fetchWikiArticle('https://en.wikipedia.org/wiki/Grey_Point_Lighthouse', cached())).toMatchObject({ kind: 'ok', origin: { revision: LATEST } });
    expect(again()).toEqual([]);
    now += 11 * 60_000;
    const later = since();
    await fetchWikiArticle('https://en.wikipedia.org/wiki/Grey_Point_Lighthouse', cached());
    expect(later().map((r) => r.path)).toEqual(['/w/rest.php/v1/page/Grey_Point_Lighthouse/bare']);
  });

  it('keeps the address guard: a loopback wiki is refused unless private hosts are allowed', async () => {
    const requests = since();
    const result = await fetchWikiArticle('https://en.wikipedia.org/wiki/Alder_Bay', opts({ allowPrivateHosts: false }));
    expect(result).toMatchObject({ kind: 'error' });
    expect(requests()).toEqual([]);
  });
});
