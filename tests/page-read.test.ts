import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_BUDGET } from '../src/page/budget.js';
import { readPage } from '../src/page/read.js';
import type { Page, SourceFetch, TextLayer } from '../src/types.js';
import { makeFixtureResponse, makeResponse } from './fixtures/pages/fetch.js';
import { buildPdf } from './fixtures/pages/pdf.js';

function layer(page: Page | undefined, name: TextLayer): string {
  return page?.layers.find((l) => l.layer === name)?.text ?? '';
}

const ARTICLE_URL = 'https://ledger.example/transport/2024/03/01/rail-upgrade-northern-line';

describe('readPage on a news article', () => {
  const read = () => readPage(makeFixtureResponse('article-news.html', { url: ARTICLE_URL }));

  it('orders layers by trust: main, jsonld, meta, page', async () => {
    expect((await read())?.layers.map((l) => l.layer)).toEqual(['main', 'jsonld', 'meta', 'page']);
  });

  it('main holds the article and not the navigation, related stories or footer', async () => {
    const main = layer(await read(), 'main');
    expect(main).toContain('£2.4bn replacing the signalling');
    expect(main).toContain('Parts of the line will close on 38 weekends');
    expect(main).not.toContain('Ferry fares to rise');
    expect(main).not.toContain('All rights reserved');
  });

  it('keeps block breaks: paragraphs are separate lines, not glued sentences', async () => {
    const main = layer(await read(), 'main');
    expect(main).not.toMatch(/Hale said\. "This programme ends that\."Engineers/);
    expect(main).toMatch(/ends that\."\nEngineers will install/);
    expect(main).toMatch(/Phase one: city centre to Millbrook, 2025\nPhase two/);
  });

  it('page keeps nav, aside and footer text but drops script, style, template and noscript', async () => {
    const page = layer(await read(), 'page');
    for (const text of ['Transport', 'Ferry fares to rise by 7% in April', 'All rights reserved', 'Subscribe to our free newsletter']) {
      expect(page).toContain(text);
    }
    for (const text of ['track(', 'display:flex', 'Template text must not show', 'pixel.gif']) expect(page).not.toContain(text);
  });

  it('jsonld and meta layers carry headline, description and titles', async () => {
    const page = await read();
    expect(layer(page, 'jsonld')).toContain('Signalling overhaul due by 2029');
    expect(layer(page, 'jsonld')).toContain('The upgrade will replace signalling on 140 km of track.');
    expect(layer(page, 'meta')).toContain('A £2.4bn signalling upgrade is coming.');
    expect(layer(page, 'meta')).toContain('| Daily Ledger');
  });

  it('reads title, language, canonical URL and published date', async () => {
    const page = await read();
    expect(page).toMatchObject({
      contentType: 'text/html',
      charset: 'utf-8',
      title: 'Rail operator confirms £2.4bn upgrade to northern line',
      language: 'en',
      canonicalUrl: 'https://ledger.example/transport/2024/03/01/rail-upgrade-northern-line',
      // JSON-LD datePublished wins over article:published_time and <time>.
      publishedDate: '2024-03-01T09:30:00+00:00',
    });
  });
});

describe('readPage metadata fallbacks', () => {
  it.each<[string, string, Partial<Page>]>([
    ['title from <title>, language from content-language header', '<html><head><title>Plain title</title></head><body><h1>Heading</h1></body></html>', { title: 'Plain title', language: 'de' }],
    ['title from h1; the header beats og:locale', '<html><head><meta property="og:locale" content="ru_RU"></head><body><h1>Only heading</h1></body></html>', { title: 'Only heading', language: 'de' }],
    ['html lang beats header', '<html lang="fr-CA"><body><h1>Titre</h1></body></html>', { language: 'fr' }],
    ['article:published_time', '<html><head><meta property="article:published_time" content="2021-06-01T12:00:00Z"></head><body><p>x</p><time datetime="2020-01-01">old</time></body></html>', { publishedDate: '2021-06-01T12:00:00Z' }],
    ['time[datetime]', '<html><body><p>x</p><time datetime="2020-01-02">2 Jan</time></body></html>', { publishedDate: '2020-01-02' }],
  ])('%s', async (_, html, expected) => {
    const page = await readPage(makeResponse(html, { headers: { 'content-type': 'text/html', 'content-language': 'de-DE' } }));
    expect(page).toMatchObject(expected);
  });

  it('og:locale is used when neither lang nor header is present', async () => {
    const page = await readPage(makeResponse('<html><head><meta property="og:locale" content="ru_RU"></head><body><p>Текст</p></body></html>'));
    expect(page?.language).toBe('ru');
  });
});

describe('readPage on other bodies', () => {
  it('JSON-LD-only page: invalid JSON (raw newline, trailing comma) is still read', async () => {
    const page = await readPage(makeFixtureResponse('jsonld-only.html'));
    expect(page?.layers.map((l) => l.layer)).toEqual(['jsonld', 'meta']);
    expect(layer(page, 'jsonld')).toContain('the highest since 1992, the electoral commission said');
    expect(layer(page, 'jsonld')).toContain('\nOfficials credited the longer opening hours.');
    expect(page?.publishedDate).toBe('2024-07-05T06:00:00Z');
  });

  it('text/plain → text layer', async () => {
    const page = await readPage(makeResponse('Line one.\n\n  Line   two.', { headers: { 'content-type': 'text/plain; charset=utf-8' } }));
    expect(page?.layers).toEqual([{ layer: 'text', text: 'Line one.\nLine two.' }]);
  });

  it('PDF → pdf layer with its sentence', async () => {
    const sentence = 'The committee approved the budget of 4.2 million euros (2023).';
    const page = await readPage(makeResponse(buildPdf(sentence), { headers: { 'content-type': 'application/pdf' } }));
    expect(page?.contentType).toBe('application/pdf');
    expect(layer(page, 'pdf')).toContain(sentence);
  });

  it('PDF title comes from the document information dictionary', async () => {
    const page = await readPage(makeResponse(buildPdf('Body text.', 'Annual Report 2023'), { headers: { 'content-type': 'application/pdf' } }));
    expect(page?.title).toBe('Annual Report 2023');
  });

  it('PDF served as octet-stream is sniffed by its magic bytes', async () => {
    const page = await readPage(makeResponse(buildPdf('Sniffed by magic bytes.'), { headers: { 'content-type': 'application/octet-stream' } }));
    expect(layer(page, 'pdf')).toContain('Sniffed by magic bytes.');
  });

  it('broken PDF → page with no layers and an unreadable signal', async () => {
    const page = await readPage(makeResponse('%PDF-1.4\nthis is not really a pdf', { headers: { 'content-type': 'application/pdf' } }));
    expect(page?.layers).toEqual([]);
    expect(page?.signals.unreadable).toBeTruthy();
  });

  it.each([
    ['application/json', '{"a":1}'],
    ['image/png', '\u0089PNG\r\n'],
  ])('%s → no layers', async (type, body) => {
    const page = await readPage(makeResponse(body, { headers: { 'content-type': type } }));
    expect(page?.contentType).toBe(type);
    expect(page?.layers).toEqual([]);
  });

  it('empty 200 body → page with no layers', async () => {
    const page = await readPage(makeResponse(new Uint8Array(0)));
    expect(page?.layers).toEqual([]);
    expect(page?.signals.unreadable).toBeTruthy();
  });

  it('a 404 page is still read', async () => {
    const page = await readPage(makeFixtureResponse('soft404-en.html', { status: 404 }));
    expect(page?.title).toBe('Page not found | Daily Ledger');
    expect(layer(page, 'page')).toContain('may have been moved or deleted');
  });

  it('a transport failure has no page', async () => {
    const f: SourceFetch = {
      url: 'https://gone.example/', finalUrl: 'https://gone.example/', redirects: [], attempts: 1, elapsedMs: 3,
      outcome: { kind: 'failure', failure: 'dns', message: 'getaddrinfo ENOTFOUND gone.example', code: 'ENOTFOUND' },
    };
    expect(await readPage(f)).toBeUndefined();
  });

  it('does not alter the fetched bytes', async () => {
    const f = makeResponse(buildPdf('Bytes stay.'), { headers: { 'content-type': 'application/pdf' } });
    const before = f.outcome.kind === 'response' ? f.outcome.body.byteLength : -1;
    await readPage(f);
    expect(f.outcome.kind === 'response' ? f.outcome.body.byteLength : -2).toBe(before);
  });
});

describe('huge pages', () => {
  it('a 2 MB page still gets a main layer from the fast pick, without the navigation', async () => {
    const paragraph = '<p>The harbour authority said the new breakwater would protect the old town from winter storms for the next fifty years.</p>\n';
    const nav = `<nav><ul>${'<li><a href="/s">Navigation entry</a></li>'.repeat(500)}</ul></nav>`;
    const html = `<html lang="en"><head><title>Breakwater</title></head><body>${nav}<article><h1>Breakwater</h1>${paragraph.repeat(16_000)}<p>FINAL SENTENCE of the report.</p></article><footer>Footer text</footer></body></html>`;
    const page = await readPage(makeResponse(html));
    const main = layer(page, 'main');
    expect(html.length).toBeGreaterThan(2_000_000);
    expect(main).toContain('FINAL SENTENCE of the report.');
    expect(main).not.toContain('Navigation entry');
    expect(layer(page, 'page')).toContain('Navigation entry');
  });
});

describe('HTML fragments and odd bodies never throw', () => {
  it.each([
    ['a bare sentence served as text/html', 'The council vote came after months of debate.', 'The council vote came after months of debate.'],
    ['a fragment with a title', '<title>Fragment</title><p>Only a paragraph.</p>', 'Only a paragraph.'],
    ['unclosed tags', '<html><body><div><p>Open <b>bold <i>italic', 'Open bold italic'],
  ])('%s', async (_, html, text) => {
    const page = await readPage(makeResponse(html));
    expect(layer(page, 'page')).toContain(text);
  });

  it('deeply nested markup (50,000 levels) does not overflow the stack', async () => {
    const html = `<html><body>${'<div>'.repeat(50_000)}deep text${'</div>'.repeat(50_000)}</body></html>`;
    // Past the default --max-depth (512) the page is unreadable before parsing; with the budget
    // raised it is parsed, and still must not overflow the stack.
    expect((await readPage(makeResponse(html)))?.signals.unreadable).toMatch(/--max-depth/);
    const page = await readPage(makeResponse(html), { ...DEFAULT_READ_BUDGET, maxDepth: 100_000 });
    expect(page).toBeDefined();
    expect(layer(page, 'page')).toContain('deep text');
  }, 120_000); // CPU-bound (≈15 s on a loaded 2-core machine): the assertion is about the stack, not time
});
