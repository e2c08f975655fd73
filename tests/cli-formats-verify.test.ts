// One article in seven formats, verified in one run by the built binary against loopback sources: every
// format gives the text form's claims, footnote groups, URLs and verdicts, and each URL is fetched once.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseClaimText } from '../src/article/ids.js';
import { RunReportSchema } from '../src/report/schema.js';
import { ensureBuilt, runCli } from './helpers/cli.js';
import { onLoopback, startLighthouseSources, type LighthouseSources } from './helpers/lighthouse-sources.js';

const FIXTURES = 'tests/fixtures/formats';
const FORMS = ['lighthouse.txt', 'lighthouse.parsoid.html', 'lighthouse.legacy.html', 'lighthouse.wiki', 'lighthouse.md', 'lighthouse.pandoc.html', 'lighthouse.hugo.html'];

let sources: LighthouseSources;
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  sources = await startLighthouseSources();
  dir = mkdtempSync(join(tmpdir(), 'citecheck-formats-'));
  for (const name of [...FORMS, 'lighthouse.references.json']) {
    writeFileSync(join(dir, name), onLoopback(readFileSync(join(FIXTURES, name), 'utf8'), sources.origin));
  }
}, 60_000);
afterAll(async () => { await sources.close(); }, 60_000);

describe('verify over one article in every format', () => {
  it('gives every format the claims, footnote groups, URLs and verdicts of the text form, fetching each URL once', async () => {
    const r = await runCli(['verify', '.', '--allow-private-hosts', '--retries', '0', '--no-history', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1); // the journal is gone: reference 2 is broken in every format
    const report = RunReportSchema.parse(JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8')));
    expect(report.articles.map((a) => a.article.path).sort()).toEqual([...FORMS].sort());
    const view = (path: string) => {
      const a = report.articles.find((x) => x.article.path === path);
      return {
        claims: a?.claims.map((c) => [normaliseClaimText(c.text), c.refs, c.citations.map((x) => x.verdict)]),
        sources: a?.sources.map((s) => [s.ref, s.url, s.linkStatus]),
      };
    };
    const text = view('lighthouse.txt');
    expect(text.claims).toHaveLength(9);
    expect(text.sources?.map((s) => s[2])).toEqual(['ok', 'dead', 'ok', 'ok', 'ok', 'ok', 'ok']);
    for (const form of FORMS) expect(view(form), form).toEqual(text);
    // Seven articles cite seven URLs: each was asked for once.
    expect([...sources.hits.values()]).toEqual(Array.from({ length: 7 }, () => 1));
  }, 120_000);
});
