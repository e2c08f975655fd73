// `citecheck verify <wiki URL>` end to end: the built binary, a stand-in REST API and sources on loopback.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferencesFileSchema } from '../src/config/schema.js';
import { ReportSchema } from '../src/report/schema.js';
import { ensureBuilt, runCli } from './helpers/cli.js';
import { LIGHTHOUSE_SOURCES, onLoopback, startLighthouseSources, type LighthouseSources } from './helpers/lighthouse-sources.js';
import { startWikiStandin, type WikiStandin } from './helpers/wiki-standin.js';

const LATEST = 1212121212;
const OLD = 1212121000;
const PAGE = 'https://en.wikipedia.org/wiki/Grey_Point_Lighthouse';

let wiki: WikiStandin;
let sources: LighthouseSources;

beforeAll(async () => {
  ensureBuilt();
  sources = await startLighthouseSources();
  const html = onLoopback(readFileSync('tests/fixtures/formats/lighthouse.parsoid.html', 'utf8'), sources.origin);
  wiki = await startWikiStandin([{ title: 'Grey Point Lighthouse', revisions: { [OLD]: html.replace('31 metres tall', '30 metres tall'), [LATEST]: html } }], { Grey_Point_Light: 'Grey_Point_Lighthouse' });
}, 60_000);
afterAll(async () => {
  await wiki.close();
  await sources.close();
}, 60_000);

const run = (args: string[], cwd: string) => runCli([...args, '--wiki-api', wiki.api, '--allow-private-hosts', ...(args[0] === 'verify' ? ['--retries', '0'] : [])], { cwd });

describe('citecheck verify <wiki URL>', () => {
  it('audits the fetched article with its own references and records title and revision', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'citecheck-wiki-'));
    const start = wiki.log.length;
    sources.hits.clear();
    const r = await run(['verify', 'https://en.wikipedia.org/wiki/Grey_Point_Light', '--format', 'json,md'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(cwd, 'reports', 'report.json'), 'utf8')));
    expect(report.article).toEqual({
      path: 'https://en.wikipedia.org/wiki/Grey_Point_Light', title: 'Grey Point Lighthouse',
      origin: { url: 'https://en.wikipedia.org/wiki/Grey_Point_Light', title: 'Grey Point Lighthouse', revision: LATEST },
    });
    expect(report.claims).toHaveLength(9);
    expect(report.sources.map((s) => [s.ref, s.linkStatus])).toEqual([[1, 'ok'], [2, 'dead'], [3, 'ok'], [4, 'ok'], [5, 'ok'], [6, 'ok'], [7, 'ok']]);
    expect(report.claims[0]).toMatchObject({ refs: [1], verdict: 'supported' });
    expect(report.claims[1]).toMatchObject({ refs: [2], verdict: 'broken' });
    // Every URL came from the article's own markup: one request per distinct source.
    expect([...sources.hits].sort()).toEqual([...Object.keys(LIGHTHOUSE_SOURCES), '/journals.example.org/jce/1872/hale-grey-point'].sort().map((path) => [path, 1]));
    const wikiRequests = wiki.log.slice(start);
    expect(wikiRequests.map((q) => q.path)).toEqual(['/w/rest.php/v1/page/Grey_Point_Light/bare', '/w/rest.php/v1/page/Grey_Point_Lighthouse/bare?redirect=no', `/w/rest.php/v1/revision/${LATEST}/html`]);
    expect(wikiRequests.every((q) => /^citecheck\/\S+ \(https:\/\/github\.com\/citecheck\/citecheck\)/.test(q.headers['user-agent'] ?? ''))).toBe(true);
  }, 60_000);

  it('review decisions on a wiki article live in ./citecheck.reviews.json under its URL, and the next run honours them', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'citecheck-wiki-'));
    expect((await run(['verify', PAGE, '--format', 'json', '-q', '--no-history'], cwd)).code).toBe(1);
    const first = ReportSchema.parse(JSON.parse(readFileSync(join(cwd, 'reports', 'report.json'), 'utf8')));
    // Every failing citation is reference 2's (the journal is gone): decide each one.
    const failing = first.claims.flatMap((c) => c.citations.filter((x) => x.verdict === 'broken').map((x) => ({ claim: c.id, ref: x.ref })));
    expect(failing.length).toBeGreaterThan(0);
    expect(new Set(failing.map((f) => f.ref))).toEqual(new Set([2]));
    for (const f of failing) {
      const saved = await runCli(['review', '--claim', f.claim, '--ref', '2', '--verdict', 'unverifiable', '--reviewer', 'ana'], { cwd });
      expect(saved.stderr).toBe('');
      expect(saved.stdout).toBe(`saved in citecheck.reviews.json: claim ${f.claim} [2] unverifiable\n`);
    }
    const file = JSON.parse(readFileSync(join(cwd, 'citecheck.reviews.json'), 'utf8')) as { reviews: { article: string }[] };
    expect(file.reviews.map((r) => r.article)).toEqual(failing.map(() => PAGE));
    const again = await run(['verify', PAGE, '--format', 'json', '-q', '--no-history'], cwd);
    const second = ReportSchema.parse(JSON.parse(readFileSync(join(cwd, 'reports', 'report.json'), 'utf8')));
    expect(second.claims.find((c) => c.id === failing[0]?.claim)?.citations.find((x) => x.ref === 2)).toMatchObject({
      verdict: 'unverifiable', review: { status: 'reviewed', toolVerdict: 'broken', reviewer: 'ana' },
    });
    expect(again.code).toBe(0);
  }, 60_000);

  it('pins --revision, and references.json beside it overrides by id', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'citecheck-wiki-'));
    // Reference 2's journal is gone; the user points it at a copy that lives.
    const fixed = `${sources.origin}/lights.example.org/register/grey-point`;
    writeFileSync(join(cwd, 'references.json'), JSON.stringify({ references: [{ id: 2, url: fixed }] }));
    const r = await run(['verify', PAGE, '--revision', String(OLD), '--format', 'json', '-q'], cwd);
    expect(r.stderr).toBe('');
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(cwd, 'reports', 'report.json'), 'utf8')));
    expect(report.article.origin).toEqual({ url: PAGE, title: 'Grey Point Lighthouse', revision: OLD });
    expect(report.claims.map((c) => c.text)).toContain('The tower is 30 metres tall and was built from local granite.');
    expect(report.sources.find((s) => s.ref === 2)).toMatchObject({ linkStatus: 'ok', url: fixed });
  }, 60_000);

  it.each([
    [['verify', 'https://en.wikipedia.org/wiki/No_such_page'], /^citecheck: cannot fetch https:\/\/en\.wikipedia\.org\/wiki\/No_such_page: page "No such page" does not exist \(HTTP 404\)$/m],
    [['verify', PAGE, '--revision', 'latest'], /--revision must be a whole number/],
  ])('exits 2 with one line for %j', async (args, pattern) => {
    const r = await run(args, mkdtempSync(join(tmpdir(), 'citecheck-wiki-')));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('citecheck:'))).toHaveLength(1);
  }, 60_000);

  it('refuses --revision for an article file', async () => {
    const r = await runCli(['verify', 'tests/fixtures/formats/lighthouse.txt', '--revision', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--revision needs a wiki page URL/);
  });

  it('init writes references.json from the fetched page, naming it by URL, and verify of that URL uses it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'citecheck-wiki-'));
    const r = await run(['init', PAGE, '--revision', String(OLD)], cwd);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('wrote references.json: 7 references, 7 with a URL\n');
    const written = ReferencesFileSchema.parse(JSON.parse(readFileSync(join(cwd, 'references.json'), 'utf8')));
    expect(written.article).toBe(PAGE);
    expect(written.references.map((x) => [x.id, x.phrases])).toEqual([1, 2, 3, 4, 5, 6, 7].map((id) => [id, []]));
    // The reviewer points the gone journal (reference 2) at a copy that lives.
    const fixed = `${sources.origin}/lights.example.org/register/grey-point`;
    writeFileSync(join(cwd, 'references.json'), JSON.stringify({ ...written, references: written.references.map((x) => (x.id === 2 ? { ...x, url: fixed } : x)) }));
    await run(['verify', PAGE, '--format', 'json', '-q', '--no-history'], cwd);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(cwd, 'reports', 'report.json'), 'utf8')));
    expect(report.sources.find((s) => s.ref === 2)).toMatchObject({ linkStatus: 'ok', url: fixed });
  }, 60_000);

  it('extract prints the fetched article with its origin and URLs', async () => {
    const r = await run(['extract', PAGE], mkdtempSync(join(tmpdir(), 'citecheck-wiki-')));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json: unknown = JSON.parse(r.stdout);
    expect(json).toMatchObject({ title: 'Grey Point Lighthouse', origin: { revision: LATEST }, references: expect.arrayContaining([expect.objectContaining({ id: 3, urlStatus: 'dead' })]) });
  }, 60_000);
});
