// Inputs through the built binary: formats, bad input, globs and folders, init, several articles in one
// run (one request per distinct URL, articles[] report, each format naming each article's own file).
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferencesFileSchema } from '../src/config/schema.js';
import { ReportSchema, RunReportSchema } from '../src/report/schema.js';
import { ROUTES, startFixtureWeb, type FixtureWeb } from './fixtures/web.js';
import { ensureBuilt, runCli } from './helpers/cli.js';

const article = (title: string, first: string) => `${title}

Budget

${first} [1]
Mayor Elena Novak said construction would begin in the spring of 2025. [2]

References

  1. "Riverside council approves library budget". Riverside Gazette. 14 May 2024.
  2. "Removed". Riverside Gazette. 2019.
`;

const LIVE = ['--allow-private-hosts', '--retries', '0', '--no-history'];

let web: FixtureWeb;
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  web = await startFixtureWeb();
  dir = mkdtempSync(join(tmpdir(), 'citecheck-inputs-'));
  mkdirSync(join(dir, 'docs', 'deep'), { recursive: true });
  writeFileSync(join(dir, 'docs', 'alpha.txt'), article('Alpha', 'The Riverside city council approved a budget of 4.2 million dollars for the new library.'));
  writeFileSync(join(dir, 'docs', 'deep', 'beta.txt'), article('Beta', 'The council approved 4.2 million dollars for the library.'));
  const refs = { references: [{ id: 1, url: web.url(ROUTES.ok) }, { id: 2, url: web.url(ROUTES.gone) }] };
  writeFileSync(join(dir, 'docs', 'alpha.references.json'), JSON.stringify(refs));
  writeFileSync(join(dir, 'docs', 'deep', 'beta.references.json'), JSON.stringify(refs));
}, 60_000);
afterAll(async () => { await web.close(); }, 60_000);

describe('bad input exits 2 with one clear line', () => {
  it.each([
    [['--input-format', 'pdf', 'docs/alpha.txt'], /unknown input format "pdf"[\s\S]*txt, wiki-html, wikitext, markdown, html/],
    [['missing.md'], /cannot read missing\.md: no such file/],
    [['docs/*.nothing'], /no file matches docs\/\*\.nothing/],
    [['empty-folder'], /empty-folder: no articles in this folder/],
    [['https://a.example/wiki/A', 'https://b.example/wiki/B', '--revision', '5'], /--revision pins one page/],
  ])('verify %j', async (args, pattern) => {
    mkdirSync(join(dir, 'empty-folder'), { recursive: true });
    for (const command of ['verify', 'extract']) {
      const r = await runCli([command, ...args], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
    }
  });

  it('an unreadable file (permission denied) is one line, not a stack', async () => {
    const file = join(dir, 'secret.txt');
    writeFileSync(file, article('S', 'x.'), { mode: 0o000 });
    const r = await runCli(['extract', file], { cwd: dir });
    // root can read anything: then the file simply parses
    if (process.getuid?.() === 0) expect(r.code).toBe(0);
    else {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/permission denied/);
    }
  });
});

describe('citecheck extract with several inputs', () => {
  it('expands globs and folders itself and prints an array naming each file', async () => {
    const r = await runCli(['extract', 'docs/**/*.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { path: string; format: string; title: string }[];
    expect(out.map((a) => [a.path, a.format, a.title])).toEqual([['docs/alpha.txt', 'txt', 'Alpha'], ['docs/deep/beta.txt', 'txt', 'Beta']]);
    const folder = JSON.parse((await runCli(['extract', 'docs', 'docs/alpha.txt'], { cwd: dir })).stdout) as { path: string }[];
    expect(folder.map((a) => a.path)).toEqual(['docs/alpha.txt', 'docs/deep/beta.txt']);
  });
});

describe('citecheck verify with several articles', () => {
  it('fetches each distinct URL once and writes articles[] with a run-wide summary', async () => {
    const before = { ok: web.hits(ROUTES.ok), gone: web.hits(ROUTES.gone) };
    const r = await runCli(['verify', 'docs', ...LIVE, '--out', 'multi', '--format', 'json,md,html,junit,sarif'], {
      cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(dir, 'summary.md') },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(web.hits(ROUTES.ok) - before.ok).toBe(1);
    expect(web.hits(ROUTES.gone) - before.gone).toBe(1);
    const report = RunReportSchema.parse(JSON.parse(readFileSync(join(dir, 'multi', 'report.json'), 'utf8')));
    expect(report.articles.map((a) => a.article.path)).toEqual(['docs/alpha.txt', 'docs/deep/beta.txt']);
    expect(Object.keys(report.articles[0] ?? {}).sort()).toEqual(['article', 'claims', 'findings', 'sources', 'summary', 'uncited']);
    expect(report.summary.claims).toBe(4);
    expect(report.summary.byVerdict.broken).toBe(2);
    expect(report.articles.map((a) => a.sources.map((s) => s.linkStatus))).toEqual([['ok', 'dead'], ['ok', 'dead']]);
    // Annotations and every report format name each article's own file and line.
    expect(r.stdout).toMatch(/^::error file=docs\/alpha\.txt,line=6/m);
    expect(r.stdout).toMatch(/^::error file=docs\/deep\/beta\.txt,line=6/m);
    const md = readFileSync(join(dir, 'multi', 'report.md'), 'utf8');
    expect(md).toMatch(/^## Alpha$/m);
    expect(md).toMatch(/Article docs\/deep\/beta\.txt/);
    const html = readFileSync(join(dir, 'multi', 'report.html'), 'utf8');
    expect(html).toMatch(/<code>docs\/alpha\.txt<\/code>/);
    expect(html).toMatch(/<code>docs\/deep\/beta\.txt<\/code>/);
    const junit = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(dir, 'multi', 'junit.xml'), 'utf8'));
    const suites = junit.testsuites.testsuite as { '@_name': string; testcase: { '@_file': string; '@_line': string }[] }[];
    expect(suites.map((s) => s['@_name'])).toEqual(['docs/alpha.txt', 'docs/deep/beta.txt']);
    expect(suites[1]?.testcase.map((t) => [t['@_file'], t['@_line']])).toEqual([['docs/deep/beta.txt', '5'], ['docs/deep/beta.txt', '6']]);
    const sarif = JSON.parse(readFileSync(join(dir, 'multi', 'report.sarif'), 'utf8'));
    const uris = sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      x.locations[0]?.physicalLocation.artifactLocation.uri);
    expect(uris).toEqual(['docs/alpha.txt', 'docs/deep/beta.txt']);
  });

  it('`review` takes one article of a run report by --article, saves beside it, and the next run honours it', async () => {
    const report = RunReportSchema.parse(JSON.parse(readFileSync(join(dir, 'multi', 'report.json'), 'utf8')));
    const failing = report.articles[1]?.claims.find((c) => c.citations.some((x) => x.verdict === 'broken'));
    const ask = ['review', join('multi', 'report.json'), '--claim', failing?.id ?? '', '--ref', '2', '--verdict', 'unverifiable', '--reviewer', 'ana'];
    const refused = await runCli(ask, { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/holds 2 articles; review takes one at a time[\s\S]*--article with one of: docs\/alpha\.txt, docs\/deep\/beta\.txt/);
    expect((await runCli([...ask, '--article', 'docs/nope.txt'], { cwd: dir })).stderr).toMatch(/has no article "docs\/nope\.txt"/);
    const saved = await runCli([...ask, '--article', './docs/deep/beta.txt'], { cwd: dir });
    expect(saved.stderr).toBe('');
    expect(saved.stdout).toMatch(/saved in docs\/deep\/citecheck\.reviews\.json/);
    await runCli(['verify', 'docs', ...LIVE, '-q', '--out', 'multi2'], { cwd: dir });
    const again = RunReportSchema.parse(JSON.parse(readFileSync(join(dir, 'multi2', 'report.json'), 'utf8')));
    const cite = (i: number) => again.articles[i]?.claims.find((c) => c.id === failing?.id)?.citations.find((x) => x.ref === 2);
    expect(cite(1)).toMatchObject({ verdict: 'unverifiable', review: { status: 'reviewed', toolVerdict: 'broken' } });
    // The decision is beta's: alpha's same-looking citation keeps its own verdict.
    expect(again.articles[0]?.claims.flatMap((c) => c.citations).filter((x) => x.review)).toEqual([]);
  });

  it('one article keeps the single-article shape; `report` re-renders a run report', async () => {
    const one = await runCli(['verify', 'docs/alpha.txt', ...LIVE, '-q', '--out', 'single'], { cwd: dir });
    expect(one.code).toBe(1);
    const single = JSON.parse(readFileSync(join(dir, 'single', 'report.json'), 'utf8'));
    expect(single.articles).toBeUndefined();
    expect(ReportSchema.parse(single).article.path).toBe('docs/alpha.txt');
    const r = await runCli(['report', join(dir, 'multi', 'report.json'), '--format', 'md', '--out', join(dir, 'rerender')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'rerender', 'report.md'), 'utf8')).toMatch(/# citecheck: 2 articles/);
  });

  it('--refs with several articles must name one of them', async () => {
    const r = await runCli(['verify', 'docs', '--refs', 'docs/alpha.references.json', ...LIVE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--refs .* must name one of them/);
  });
});

describe('pages a folder or glob finds that cite nothing', () => {
  it('are left out with one line (a docs index does not fail the run); a file named on the command line never is', async () => {
    const d = join(dir, 'site');
    mkdirSync(join(d, 'docs'), { recursive: true });
    writeFileSync(join(d, 'docs', 'alpha.txt'), article('Alpha', 'The Riverside city council approved a budget of 4.2 million dollars for the new library.'));
    writeFileSync(join(d, 'docs', 'alpha.references.json'), JSON.stringify({ references: [{ id: 1, url: web.url(ROUTES.ok) }, { id: 2, url: web.url(ROUTES.ok) }] }));
    writeFileSync(join(d, 'docs', 'index.md'), '# Docs\n\nStart with the [install guide](install.md).\n');
    writeFileSync(join(d, 'docs', 'install.md'), '---\ntitle: Install\n---\n\nRun the installer and follow the prompts.\n');
    // Built by Pandoc's template: no <main>, no <article>, no footnotes.
    writeFileSync(join(d, 'docs', 'usage.html'), '<!doctype html><html><body><header><h1>Usage</h1></header><p>Run it on a folder.</p></body></html>');
    for (const args of [['docs'], ['docs/*.txt', 'docs/*.md', 'docs/*.html']]) {
      const r = await runCli(['verify', ...args, ...LIVE, '-q', '--out', 'o'], { cwd: d });
      expect(r.stderr).toBe('citecheck: 3 files cite nothing (no footnote marker, no reference list) and are left out: docs/index.md, docs/install.md, docs/usage.html\n');
      expect(r.code).toBe(0);
      expect(ReportSchema.parse(JSON.parse(readFileSync(join(d, 'o', 'report.json'), 'utf8'))).article.path).toBe('docs/alpha.txt');
    }
    // Named on the command line, the page is audited: it yields no claim, which fails the run.
    const named = await runCli(['verify', 'docs/alpha.txt', 'docs/install.md', ...LIVE, '-q', '--out', 'o2'], { cwd: d });
    expect(named.stderr).toBe('');
    expect(named.code).toBe(1);
    // A folder where nothing cites anything verifies nothing: kept, and the run fails (no-claims).
    const bare = await runCli(['extract', 'docs/*.md'], { cwd: d });
    expect(JSON.parse(bare.stdout).map((a: { path: string }) => a.path)).toEqual(['docs/index.md', 'docs/install.md']);
  });
});

describe('files a folder or glob finds that cannot be read', () => {
  it('are left out with one line each, the rest is audited and reported, and the run exits 2', async () => {
    const d = join(dir, 'mixed');
    mkdirSync(join(d, 'docs'), { recursive: true });
    writeFileSync(join(d, 'docs', 'alpha.txt'), article('Alpha', 'The Riverside city council approved a budget of 4.2 million dollars for the new library.'));
    writeFileSync(join(d, 'docs', 'alpha.references.json'), JSON.stringify({ references: [{ id: 1, url: web.url(ROUTES.ok) }, { id: 2, url: web.url(ROUTES.ok) }] }));
    // A page with no article body, and an article whose references file beside it is malformed.
    writeFileSync(join(d, 'docs', 'banner.html'), '<!doctype html><html><body><div>Site banner</div></body></html>');
    writeFileSync(join(d, 'docs', 'gamma.txt'), article('Gamma', 'The council approved 4.2 million dollars for the library.'));
    writeFileSync(join(d, 'docs', 'gamma.references.json'), JSON.stringify({ references: [{ id: 'one', url: web.url(ROUTES.ok) }] }));
    const r = await runCli(['verify', 'docs', ...LIVE, '-q', '--out', 'o'], { cwd: d });
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^citecheck: docs\/banner\.html is left out \(cannot be read\): .*no article body/);
    expect(lines[1]).toMatch(/^citecheck: docs\/gamma\.txt is left out \(cannot be read\): .*references\[0\]\.id/);
    expect(lines.at(-1)).toBe('citecheck: 2 files could not be read and were left out (named above): exit 2');
    // The readable article was still fetched, judged and reported.
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(d, 'o', 'report.json'), 'utf8')));
    expect(report.article.path).toBe('docs/alpha.txt');
    expect(report.claims.flatMap((c) => c.citations.map((x) => x.verdict))).toContain('supported');
    // extract prints what it could read and exits 2 the same way.
    const x = await runCli(['extract', 'docs/*.txt', 'docs/*.html'], { cwd: d });
    expect(x.code).toBe(2);
    const claims = z.object({ claims: z.array(z.object({ text: z.string() })) }).parse(JSON.parse(x.stdout)).claims;
    expect(claims.map((c) => c.text).join(' ')).toMatch(/Riverside city council/);
    // The same bad file named on the command line stops the run at once, as any bad input does.
    const named = await runCli(['verify', 'docs/alpha.txt', 'docs/banner.html', ...LIVE, '-q', '--out', 'o2'], { cwd: d });
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/^citecheck: cannot read docs\/banner\.html: no article body/);
    // Nothing readable at all: the first reason stops the run, as before.
    const none = await runCli(['verify', 'docs/*.html', ...LIVE, '-q', '--out', 'o3'], { cwd: d });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^citecheck: cannot read docs\/banner\.html: no article body/);
  });
});

describe('references.json merged by id', () => {
  it('a beside file adds a URL and overrides one; --refs replaces the beside file', async () => {
    const d = join(dir, 'merge');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'a.txt'), article('Merge', 'The Riverside city council approved a budget of 4.2 million dollars for the new library.'));
    writeFileSync(join(d, 'references.json'), JSON.stringify({ references: [{ id: 1, url: web.url(ROUTES.gone) }, { id: 2, url: web.url(ROUTES.gone) }] }));
    // The article's own name wins over a plain references.json beside it.
    writeFileSync(join(d, 'a.references.json'), JSON.stringify({ references: [{ id: 1, url: web.url(ROUTES.ok), phrases: ['4.2 million'] }] }));
    await runCli(['verify', 'a.txt', ...LIVE, '-q', '--out', 'o1'], { cwd: d });
    const first = ReportSchema.parse(JSON.parse(readFileSync(join(d, 'o1', 'report.json'), 'utf8')));
    expect(first.sources.map((s) => [s.ref, s.linkStatus])).toEqual([[1, 'ok'], [2, 'no-url']]);
    expect(first.claims[0]?.citations[0]?.matched).toContain('4.2 million');
    await runCli(['verify', 'a.txt', '--refs', 'references.json', ...LIVE, '-q', '--out', 'o2'], { cwd: d });
    const second = ReportSchema.parse(JSON.parse(readFileSync(join(d, 'o2', 'report.json'), 'utf8')));
    expect(second.sources.map((s) => [s.ref, s.linkStatus])).toEqual([[1, 'dead'], [2, 'dead']]);
    // extract shows the references verify checks: the list's rows with the file's URLs, then its extra entries.
    writeFileSync(join(d, 'b.txt'), article('Merge', 'The council approved it.'));
    writeFileSync(join(d, 'b.references.json'), JSON.stringify({ references: [{ id: 2, url: web.url(ROUTES.ok) }, { id: 7, url: web.url(ROUTES.gone) }] }));
    const extracted = z.object({ references: z.array(z.looseObject({ id: z.number() })) })
      .parse(JSON.parse((await runCli(['extract', 'b.txt'], { cwd: d })).stdout)).references;
    expect(extracted.map((r) => [r.id, r.url, r.listed, typeof r.title])).toEqual([
      [1, undefined, undefined, 'string'], [2, web.url(ROUTES.ok), undefined, 'string'], [7, web.url(ROUTES.gone), false, 'undefined']]);
  });
});

describe('citecheck init', () => {
  it('writes what the article knows, refuses to overwrite without --force, and verify uses it', async () => {
    const d = join(dir, 'init');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'a.txt'), article('Init', 'The council approved it.'));
    const r = await runCli(['init', 'a.txt'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote references\.json: 2 references, 0 with a URL/);
    const written = ReferencesFileSchema.parse(JSON.parse(readFileSync(join(d, 'references.json'), 'utf8')));
    expect(written.article).toBe('a.txt');
    // citecheck is installed outside this temporary project: the published schema of this version.
    expect(written.$schema).toMatch(/^https:\/\/unpkg\.com\/citecheck@\d+\.\d+\.\d+\/schema\/references\.schema\.json$/);
    expect(written.references).toEqual([
      { id: 1, title: 'Riverside council approves library budget', publisher: 'Riverside Gazette', date: '2024-05-14', phrases: [] },
      { id: 2, title: 'Removed', publisher: 'Riverside Gazette', date: '2019', phrases: [] },
    ]);
    writeFileSync(join(d, 'references.json'), '{"references": []}');
    const again = await runCli(['init', 'a.txt'], { cwd: d });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/references\.json already exists[\s\S]*--force/);
    expect(readFileSync(join(d, 'references.json'), 'utf8')).toBe('{"references": []}');
    expect((await runCli(['init', 'a.txt', '--force'], { cwd: d })).code).toBe(0);
    expect(readFileSync(join(d, 'references.json'), 'utf8')).toMatch(/"Removed"/);
    expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const extract = await runCli(['extract'], { cwd: d });
    expect(JSON.parse(extract.stdout).title).toBe('Init');
  });
});
