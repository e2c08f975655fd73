// End to end: an article in the seed format, references to the loopback fixture web, verify() → report.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseArticle } from '../src/article/parse.js';
import type { Reference } from '../src/config/schema.js';
import { ReportSchema } from '../src/report/schema.js';
import type { SourceFetch } from '../src/types.js';
import { verify } from '../src/verify.js';
import { ROUTES, startFixtureWeb, type FixtureWeb } from './fixtures/web.js';

const ARTICLE = `Riverside library

Last updated

Riverside library is a planned public library.

Budget

The Riverside city council approved a budget of 4.2 million dollars for the new library. [1] Mayor Elena Novak said construction would begin in the spring of 2025. [1] [2]
The council approved 9.7 million dollars for a new stadium in 2019. [1] The story was later removed. [3]
Residents were told the vote passed. [4] A paywalled follow-up covered the vote. [5] [6]
The website of the council described the budget. [7] A later page discussed it. [8] [9]

References

  1. 1 2 3 "Riverside council approves library budget". Riverside Gazette. 14 May 2024.
  2. "Library budget: what was decided". Riverside Gazette. 14 May 2024.
  3. "Removed story". Riverside Gazette. 2019.
  4. "Walled story". Riverside Gazette. 2024.
  5. "Inside the library vote". Riverside Gazette. 2024.
  6. "What the budget means". Riverside Gazette. 2024.
  7. "Council page". Council. 2024.
  8. "Bad link". Somewhere. 2024.
  9. "No link". Somewhere. 2024.
`;

let web: FixtureWeb;
beforeAll(async () => { web = await startFixtureWeb(); });
afterAll(async () => { await web.close(); });

function references(): Reference[] {
  return [
    { id: 1, url: web.url(ROUTES.ok) },
    { id: 2, url: web.url(ROUTES.moved) },
    { id: 3, url: web.url(ROUTES.gone) },
    { id: 4, url: web.url(ROUTES.cloudflare403) },
    { id: 5, url: web.url(ROUTES.paywallJsonLd) },
    { id: 6, url: web.url(ROUTES.paywallPiano) },
    { id: 7, url: 'http://127.0.0.1:1/unused' },
    { id: 8, url: 'not a url at all' },
    { id: 9 },
  ];
}

describe('verify() against the fixture web', () => {
  it('judges every citation with the right vocabulary word', async () => {
    const article = parseArticle(ARTICLE, 'riverside.txt');
    const { report } = await verify({
      article, references: references(), toolVersion: 'test', failOn: ['broken', 'unsupported', 'missing'],
      fetch: { allowPrivateHosts: false, allowHosts: ['127.0.0.1'], retries: 0, timeoutMs: 5000 },
    });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    // Scripts read report.json through the shipped JSON Schema: a real report must pass it.
    const schema = z.record(z.string(), z.unknown())
      .parse(JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8')));
    const validate = new Ajv.default({ strict: false, allErrors: true }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
    const verdictOf = (text: string, ref: number) =>
      report.claims.find((c) => c.text.includes(text))?.citations.find((c) => c.ref === ref)?.verdict;
    expect(verdictOf('approved a budget of 4.2 million', 1)).toBe('supported');
    expect(verdictOf('Mayor Elena Novak', 1)).toBe('supported');
    expect(verdictOf('Mayor Elena Novak', 2)).not.toBe('broken');
    expect(verdictOf('9.7 million dollars for a new stadium', 1)).toMatch(/^(unsupported|partial)$/);
    expect(verdictOf('9.7 million dollars for a new stadium', 1)).not.toBe('supported');
    expect(verdictOf('The story was later removed', 3)).toBe('broken');
    expect(verdictOf('Residents were told', 4)).toBe('unverifiable');
    expect(verdictOf('described the budget', 7)).not.toBe('unsupported');
    expect(verdictOf('A later page discussed it', 8)).toBe('broken');
    expect(verdictOf('A later page discussed it', 9)).toBe('missing');
    const status = (ref: number) => report.sources.find((s) => s.ref === ref)?.linkStatus;
    expect([status(1), status(2), status(3), status(4), status(5), status(6), status(8), status(9)])
      .toEqual(['ok', 'redirected', 'dead', 'blocked', 'paywalled', 'paywalled', 'invalid-url', 'no-url']);
    expect(report.summary.offline).toBe(false);
    expect(report.summary.byLinkStatus.ok).toBe(1);
  });

  it('refuses a private address when the guard is on, and nothing reaches the server', async () => {
    const before = web.totalHits();
    const article = parseArticle(ARTICLE, 'riverside.txt');
    const { report } = await verify({
      article, references: references(), toolVersion: 'test', failOn: [], fetch: { retries: 0 },
    });
    expect(web.totalHits()).toBe(before);
    for (const ref of [1, 2, 3, 4, 5, 6, 7]) {
      expect(report.sources.find((s) => s.ref === ref)?.linkStatus).toBe('private-address');
    }
    const cited = report.claims.flatMap((c) => c.citations).filter((c) => c.linkStatus === 'private-address');
    expect(cited.every((c) => c.verdict === 'unverifiable')).toBe(true);
  });
});

describe('source findings', () => {
  it('compares the date readers see in the reference list (not references.json\'s) with the page\'s datePublished', async () => {
    const article = parseArticle(ARTICLE, 'riverside.txt');
    const refs: Reference[] = [
      { id: 1, url: web.url(ROUTES.ok), date: '2024-03-01' },
      { id: 2, url: web.url(ROUTES.moved), date: '2024-05-14' },
      { id: 3, url: web.url(ROUTES.ok), archiveUrl: 'https://archive.ph/abcde' },
      { id: 42, url: web.url(ROUTES.ok) },
    ];
    const { report } = await verify({
      article, references: refs, toolVersion: 'test', failOn: [], fetch: { allowPrivateHosts: true, retries: 0 },
    });
    const kinds = report.findings.map((f) => [f.kind, f.ref]);
    // the list shows 14 May 2024 for [1], as the page does: references.json's 2024-03-01 is not what readers see
    expect(kinds).not.toContainEqual(['date-mismatch', 1]);
    expect(kinds).not.toContainEqual(['date-mismatch', 2]);
    // [3] points at the library story while the list calls it "Removed story"
    expect(kinds.filter(([k]) => k === 'title-mismatch')).toEqual([['title-mismatch', 3]]);
    expect(kinds).toContainEqual(['deprecated-archive', 3]);
    expect(kinds).toContainEqual(['reference-without-url', 9]);
    expect(kinds).toContainEqual(['reference-never-cited', 42]);
  });
});

describe('a source in another language', () => {
  const RU = `Riverside library

Budget

The Riverside council approved a library budget of 4.2 million roubles. [1]

References

  1. "Совет утвердил бюджет библиотеки". Riverside Gazette (in Russian). 2024.
`;
  const run = (phrases?: string[]) => verify({
    article: parseArticle(RU, 'ru.txt'), toolVersion: 'test', failOn: [],
    references: [{ id: 1, url: web.url(ROUTES.cp1251), ...(phrases ? { phrases } : {}) }],
    fetch: { allowPrivateHosts: true, retries: 0 },
  });

  it('is at best partial without phrases in its language, and says why', async () => {
    const cite = (await run()).report.claims[0]?.citations[0];
    expect(cite?.verdict).toBe('partial');
    expect(cite?.reason).toMatch(/another language/);
  });

  it('is supported when the given phrases and the numbers are found, and still says it is another language', async () => {
    const cite = (await run(['утвердил бюджет новой библиотеки'])).report.claims[0]?.citations[0];
    expect(cite?.verdict).toBe('supported');
    expect(cite?.matched).toContain('утвердил бюджет новой библиотеки');
    expect(cite?.reason).toMatch(/another language/);
  });
});

describe('offline runs', () => {
  it('calls nothing dead when name resolution fails for every host', async () => {
    const article = parseArticle(ARTICLE, 'riverside.txt');
    const dns = (url: string): SourceFetch => ({
      url, finalUrl: url, redirects: [], attempts: 1, elapsedMs: 1,
      outcome: { kind: 'failure', failure: 'dns', message: `getaddrinfo ENOTFOUND ${new URL(url).hostname}`, code: 'ENOTFOUND' },
    });
    const refs: Reference[] = [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, url: `https://site${id}.example/story` }));
    const replay = new Map(refs.map((r) => [r.url ?? '', dns(r.url ?? '')]));
    const { report } = await verify({ article, references: refs, toolVersion: 'test', failOn: [], replay });
    expect(report.summary.offline).toBe(true);
    expect(report.findings.some((f) => f.kind === 'offline')).toBe(true);
    expect(report.sources.filter((s) => s.url?.includes('.example')).every((s) => s.linkStatus === 'error')).toBe(true);
    expect(report.summary.byLinkStatus.dead).toBe(0);
    expect(report.summary.byVerdict.broken).toBe(0);
    expect(report.summary.byVerdict.unsupported).toBe(0);
  });

  it('still calls a vanished domain dead when other hosts answered', async () => {
    const article = parseArticle(ARTICLE, 'riverside.txt');
    const refs: Reference[] = [{ id: 1, url: web.url(ROUTES.ok) }, { id: 3, url: 'https://gone.example/x' }];
    const live = await import('../src/sources/fetch.js').then((m) => m.fetchSources([web.url(ROUTES.ok)], { allowPrivateHosts: true }));
    const replay = new Map<string, SourceFetch>([...live, ['https://gone.example/x', {
      url: 'https://gone.example/x', finalUrl: 'https://gone.example/x', redirects: [], attempts: 1, elapsedMs: 1,
      outcome: { kind: 'failure', failure: 'dns', message: 'getaddrinfo ENOTFOUND gone.example', code: 'ENOTFOUND' },
    }]]);
    const { report } = await verify({ article, references: refs, toolVersion: 'test', failOn: [], replay });
    expect(report.summary.offline).toBe(false);
    expect(report.sources.find((s) => s.ref === 3)?.linkStatus).toBe('dead');
  });
});
