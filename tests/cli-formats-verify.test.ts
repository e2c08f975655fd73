// One article in seven formats, verified in one run by the built binary against loopback sources: every
// format gives the text form's claims, footnote groups, URLs and verdicts, and each URL is fetched once.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseClaimText } from '../src/article/ids.js';
import { RunReportSchema } from '../src/report/schema.js';
import { ensureBuilt, runCli } from './helpers/cli.js';

const FIXTURES = 'tests/fixtures/formats';
// What each source of the lighthouse article says; the journal (reference 2) is gone.
const SOURCES: Record<string, string> = {
  '/lights.example.org/register/grey-point': 'The Grey Point Lighthouse is a stone lighthouse on the northern cape of Alder Bay. The tower is 31 metres tall and was built from local granite.',
  '/gazette.example.com/1971/09/14/century-of-light': 'Construction was finished in 1871 and the light was first lit on 14 September 1871. In 1923 the oil lamp was replaced by an electric light.',
  '/heritage.example.net/granite-towers': 'Granite towers of the north coast. The Grey Point tower is 31 metres tall and built from local granite. Since 2010 the keeper\'s cottage has housed a small museum.',
  '/northern-times.example.com/1987/06/30/last-keeper': 'The last keeper, Thomas Reed, left the station in 1987, when the light was automated.',
  '/news.example.co.uk/news/uk-england-3712345': 'The Alder Bay Heritage Trust bought the lighthouse in 2004 for 1.2 million pounds. Since 2010 the keeper\'s cottage has housed a small museum.',
  '/alderbaytrust.example.org/reports/visitors-2019.pdf': 'Visitor figures 2019. The museum received about 12,000 visitors in 2019.',
};
const FORMS = ['lighthouse.txt', 'lighthouse.parsoid.html', 'lighthouse.legacy.html', 'lighthouse.wiki', 'lighthouse.md', 'lighthouse.pandoc.html', 'lighthouse.hugo.html'];

let server: Server;
const hits = new Map<string, number>();
let dir: string;

/** The article's example hosts moved onto the loopback server (plain, and percent-encoded in COinS). */
function onLoopback(text: string, origin: string): string {
  const hosts = String.raw`([a-z0-9.-]+\.example\.(?:org|com|net|co\.uk))`;
  return text.replace(new RegExp(String.raw`https://${hosts}/`, 'g'), `${origin}/$1/`)
    .replace(new RegExp(String.raw`https%3A%2F%2F${hosts}%2F`, 'g'), `${encodeURIComponent(`${origin}/`)}$1%2F`);
}

beforeAll(async () => {
  ensureBuilt();
  server = createServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const text = SOURCES[path];
    res.writeHead(text ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(text ? `<!doctype html><html lang="en"><head><title>${text.split('.')[0]}</title></head><body><article><h1>${text.split('.')[0]}</h1><p>${text}</p></article></body></html>` : '<h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 511, resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'citecheck-formats-'));
  for (const name of [...FORMS, 'lighthouse.references.json']) {
    writeFileSync(join(dir, name), onLoopback(readFileSync(join(FIXTURES, name), 'utf8'), origin));
  }
}, 60_000);
afterAll(async () => { await new Promise((resolve) => server.close(resolve)); }, 60_000);

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
    expect([...hits.values()]).toEqual(Array.from({ length: 7 }, () => 1));
  }, 120_000);
});
