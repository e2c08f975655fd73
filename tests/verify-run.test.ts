// verifyRun(): several articles in one run share one fetch per URL; a reference's quote is a given phrase (for the claims it speaks to).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../src/article/parse.js';
import { verify, verifyRun } from '../src/verify.js';
import { ROUTES, startFixtureWeb, type FixtureWeb } from './fixtures/web.js';

const article = (title: string, claim: string) => `${title}

Budget

${claim} [1]
A second claim about the council's new library. [2]

References

  1. "Riverside council approves library budget". Riverside Gazette. 14 May 2024.
  2. "Removed". Riverside Gazette. 2019.
`;

const FETCH = { allowPrivateHosts: true, retries: 0, timeoutMs: 5000 };

let web: FixtureWeb;
beforeAll(async () => { web = await startFixtureWeb(); }, 60_000);
afterAll(async () => { await web.close(); }, 60_000);

describe('verifyRun()', () => {
  it('fetches every distinct URL once for all the articles that cite it', async () => {
    const before = { ok: web.hits(ROUTES.ok), gone: web.hits(ROUTES.gone), moved: web.hits(ROUTES.moved) };
    const a = parseArticle(article('A', 'The Riverside city council approved a budget of 4.2 million dollars for the new library.'), 'a.txt');
    const b = parseArticle(article('B', 'The council approved 4.2 million dollars for the library.'), 'b.txt');
    const run = await verifyRun({
      articles: [
        { article: a, references: [{ id: 1, url: web.url(ROUTES.ok) }, { id: 2, url: web.url(ROUTES.gone) }] },
        // The same URLs under other footnote numbers, plus one only this article cites.
        { article: b, references: [{ id: 1, url: web.url(ROUTES.ok) }, { id: 2, url: web.url(ROUTES.moved) }] },
      ],
      toolVersion: 'test', failOn: ['broken'], fetch: FETCH,
    });
    expect(web.hits(ROUTES.ok) - before.ok).toBe(1);
    expect(web.hits(ROUTES.gone) - before.gone).toBe(1);
    expect(web.hits(ROUTES.moved) - before.moved).toBe(1);
    expect(run.articles.map((r) => r.report.article.path)).toEqual(['a.txt', 'b.txt']);
    expect(run.articles.map((r) => r.report.sources.map((s) => s.linkStatus))).toEqual([['ok', 'dead'], ['ok', 'redirected']]);
    expect(run.articles[0]?.report.claims[0]?.verdict).toBe('supported');
    expect(new Set(run.fetches.map((f) => f.url)).size).toBe(run.fetches.length);
  });

  it('counts a reference quote as a given phrase the page must contain', async () => {
    const a = parseArticle(article('A', 'The Riverside city council approved a budget of 4.2 million dollars for the new library.'), 'a.txt');
    const run = (quote?: string) => verify({
      article: a, references: [{ id: 1, url: web.url(ROUTES.ok), ...(quote ? { quote } : {}) }],
      toolVersion: 'test', failOn: [], fetch: FETCH,
    });
    const plain = (await run()).report.claims[0]?.citations[0];
    const quoted = (await run('a sentence the page never printed about submarines')).report.claims[0]?.citations[0];
    expect(plain?.verdict).toBe('supported');
    expect(quoted?.missing).toContain('a sentence the page never printed about submarines');
    expect(quoted?.verdict).not.toBe('supported');
  });

  it('a reused reference\'s quote decides only for the claims it speaks to, not for every claim citing it', async () => {
    // Reference 1 is cited twice (a named reference reused); its quote was written for the first claim.
    const a = parseArticle(`Reuse

Budget

The Riverside city council approved a budget of 4.2 million dollars for the new library. [1]
The council later sold the old fire station to a hotel chain. [1]

References

  1. 1 2 "Riverside council approves library budget". Riverside Gazette. 14 May 2024.
`, 'reuse.txt');
    const { report } = await verify({
      article: a, references: [{ id: 1, url: web.url(ROUTES.ok), quote: 'approved a budget of 4.2 million dollars' }],
      toolVersion: 'test', failOn: [], fetch: FETCH,
    });
    const [budget, sale] = report.claims.map((c) => c.citations[0]);
    expect(budget).toMatchObject({ verdict: 'supported' });
    expect(budget?.matched).toContain('approved a budget of 4.2 million dollars');
    // The page says nothing of a sale: the quote found on it is no evidence for this claim.
    expect(sale?.verdict).toBe('unsupported');
    expect(sale?.matched).not.toContain('approved a budget of 4.2 million dollars');
  });
});
