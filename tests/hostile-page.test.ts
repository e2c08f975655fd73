// Hostile pages against the read stage: a PDF bomb, deep nesting, control characters in titles.
import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_BUDGET } from '../src/page/budget.js';
import { measureDepth } from '../src/page/depth.js';
import { cleanText } from '../src/page/clean.js';
import { readPage } from '../src/page/read.js';
import { judgeLink } from '../src/judge/link.js';
import { judgeCitation } from '../src/judge/verdict.js';
import { matchClaim } from '../src/judge/match.js';
import { extractKeyPhrases } from '../src/judge/phrases.js';
import type { SourceFetch } from '../src/types.js';
import { buildFlatePdf, buildPdf, buildPdfBomb } from './fixtures/pages/pdf.js';

const CLAIM = 'The council approved a budget of 4.2 million dollars for the library.';

function response(body: Uint8Array | string, contentType: string): SourceFetch {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    url: 'https://example.org/doc', finalUrl: 'https://example.org/doc', redirects: [], attempts: 1, elapsedMs: 1,
    outcome: { kind: 'response', status: 200, headers: { 'content-type': contentType }, body: bytes, truncated: false },
  };
}

describe('a PDF bomb (a page tree claiming 1,000,000 pages)', () => {
  const bomb = buildPdfBomb();

  it('is a 1.4 KB file', () => {
    expect(bomb.length).toBeLessThan(1600);
  });

  it('is unreadable at the page budget, the reason naming --pdf-max-pages, and its citation unverifiable', async () => {
    const f = response(bomb, 'application/pdf');
    const page = await readPage(f);
    expect(page?.layers).toEqual([]);
    expect(page?.signals.unreadable).toMatch(/1000000 pages.*--pdf-max-pages/);
    const link = judgeLink(f, page);
    expect(link.linkStatus).toBe('ok');
    const citation = judgeCitation({ ref: 1, linkStatus: link.linkStatus, linkReason: link.reason,
      match: page && matchClaim(CLAIM, extractKeyPhrases(CLAIM), page, {}) });
    expect(citation.verdict).toBe('unverifiable');
    expect(citation.reason).toMatch(/--pdf-max-pages/);
  }, 60_000);

  it('stops at the time budget when the page budget lets it through, naming --read-budget', async () => {
    const page = await readPage(response(bomb, 'application/pdf'), { ...DEFAULT_READ_BUDGET, pdfMaxPages: 2_000_000, timeMs: 500 });
    expect(page?.signals.unreadable).toMatch(/--read-budget/);
  }, 60_000);

  it('stops at the text size budget, naming --max-size', async () => {
    const page = await readPage(response(buildPdf('A sentence long enough to pass a tiny text budget.'), 'application/pdf'),
      { ...DEFAULT_READ_BUDGET, maxTextChars: 10 });
    expect(page?.signals.unreadable).toMatch(/--max-size/);
  });

  it('a 2 MB PDF whose content stream inflates to 2 GB is unreadable before pdf.js inflates it, naming --max-size', async () => {
    const page = await readPage(response(buildFlatePdf(2048), 'application/pdf'));
    expect(page?.layers).toEqual([]);
    expect(page?.signals.unreadable).toMatch(/inflate past 256 MB.*--max-size/);
  }, 120_000);

  it('still reads a PDF with a compressed content stream within the budget', async () => {
    const page = await readPage(response(buildFlatePdf(8), 'application/pdf'));
    expect(page?.layers[0]?.text).toContain('The council approved the library budget.');
  }, 60_000);

  it('still reads an ordinary PDF within the budgets', async () => {
    const page = await readPage(response(buildPdf('The council approved the library budget.'), 'application/pdf'));
    expect(page?.layers.map((l) => l.layer)).toEqual(['pdf']);
    expect(page?.layers[0]?.text).toContain('The council approved the library budget.');
  });
});

describe('deep nesting', () => {
  const text = '<p>The council approved a budget of 4.2 million dollars for the library after a long debate.</p>'.repeat(20);
  const nested = (depth: number): string =>
    `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}${text}${'</div>'.repeat(depth)}</body></html>`;

  it.each([[300_000], [1_000_000]])('%i nested divs: unreadable before parsing, naming --max-depth, citation unverifiable', async (depth) => {
    const f = response(nested(depth), 'text/html; charset=utf-8');
    const page = await readPage(f);
    expect(page?.layers).toEqual([]);
    expect(page?.signals.unreadable).toMatch(/--max-depth/);
    const link = judgeLink(f, page);
    const citation = judgeCitation({ ref: 1, linkStatus: link.linkStatus, linkReason: link.reason,
      match: page && matchClaim(CLAIM, extractKeyPhrases(CLAIM), page, {}) });
    expect(citation.verdict).toBe('unverifiable');
    expect(citation.reason).toMatch(/--max-depth/);
  }, 60_000);

  it('300,000 self-closed <div/>s (each opens a div) are unreadable before parsing too', async () => {
    const f = response(`<!doctype html><html><body>${'<div/>'.repeat(300_000)}${text}</body></html>`, 'text/html');
    const page = await readPage(f);
    expect(page?.signals.unreadable).toMatch(/more than 512 deep.*--max-depth/);
  }, 60_000);

  it('reads the main text of a page nested within the budget (past Readability\'s depth, by the fast pick)', async () => {
    for (const depth of [10, 300, 512]) {
      const page = await readPage(response(nested(depth), 'text/html'));
      expect(page?.signals.unreadable).toBeUndefined();
      expect(page?.layers.find((l) => l.layer === 'main')?.text).toContain('approved a budget of 4.2 million dollars');
    }
  }, 60_000);

  it('honours a lower --max-depth', async () => {
    const page = await readPage(response(nested(40), 'text/html'), { ...DEFAULT_READ_BUDGET, maxDepth: 30 });
    expect(page?.signals.unreadable).toMatch(/more than 30 deep.*--max-depth/);
  });

  it('makes the page unreadable once the time budget is spent, naming --read-budget', async () => {
    const page = await readPage(response(nested(5), 'text/html'), { ...DEFAULT_READ_BUDGET, timeMs: 0.000_001 });
    expect(page?.signals.unreadable).toMatch(/--read-budget/);
  });

  it.each([
    ['<div><div><span>x</span></div></div>', 3],
    ['<p>a<p>b<li>c<br><img src="x"><hr/>', 0],
    ['<div><script>"<div><div><div>"</script><style>div{}</style></div>', 1],
    ['<div><!-- <div><div> --><svg><path/><g></g></svg></div>', 3], // div > svg > g
    ['<div><b><i></div><div></div>', 3], // </div> closes the unclosed b and i, as a parser does
    ['<div title="a > b"><div data-x=\'<div>\'>', 2],
    // A parser ignores the slash of a self-closing non-void HTML element: <div/> opens a div.
    ['<div/><div/><span/>x<br/><img/>', 3],
    ['<svg><g/><g/><path/></svg>', 1], // in SVG and MathML the slash closes
    ['<svg><foreignObject><div/><div/></foreignObject></svg>', 4], // back in HTML inside foreignObject
  ])('measureDepth(%s) = %i', (html, depth) => {
    expect(measureDepth(html)).toBe(depth);
  });
});

describe('a page that is one 5 MB word', () => {
  it('is read and judged (unsupported), not a reader crash', async () => {
    const page = await readPage(response(`<html><body><p>${'a'.repeat(5 * 1024 * 1024)}</p></body></html>`, 'text/html'));
    expect(page?.signals.unreadable).toBeUndefined();
    const match = page && matchClaim('Navalny met Mashal in Moscow.', extractKeyPhrases('Navalny met Mashal in Moscow.'), page, {});
    expect(match?.matched).toEqual([]);
  }, 60_000);
});

describe('control characters from a page', () => {
  const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/;
  const hostile = '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    + '<title>\u001b]0;pwned\u0007Council\u001b[2J budget\u0000 news\ufffe\u009b31m</title>'
    + '<meta name="description" content="Desc \u001b[5m blink"></head><body><article><h1>Council news</h1>'
    + `<p>\u001b[31m${CLAIM}\u001b[0m \u0007 ${'Filler text about the town council and its work. '.repeat(20)}</p></article></body></html>`;

  function strings(value: unknown): string[] {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
    return [];
  }

  it.each([
    ['\u001b]0;pwned\u0007Title', 'Title'],
    ['a\u001b[2Jb\u001b[31mc', 'abc'],
    ['x\u009b31my', 'xy'],
    ['nul\u0000 and\ufffe\uffff fffe', 'nul and fffe'],
    ['tab\tand\nline stay', 'tab\tand\nline stay'],
    ['\u001bPdcs payload\u001b\\after', 'after'],
    ['plain Привет 🌉', 'plain Привет 🌉'],
  ])('cleanText(%j) = %j', (dirty, clean) => {
    expect(cleanText(dirty)).toBe(clean);
  });

  it('no string of the page, its signals, the link reason or the evidence carries a control character', async () => {
    const f = response(hostile, 'text/html; charset=utf-8');
    const page = await readPage(f);
    expect(page?.title).toBe('Council budget news');
    const link = judgeLink(f, page);
    const citation = judgeCitation({ ref: 1, linkStatus: link.linkStatus, linkReason: link.reason,
      match: page && matchClaim(CLAIM, extractKeyPhrases(CLAIM), page, { url: f.finalUrl }) });
    expect(citation.verdict).toBe('supported');
    for (const s of strings([page, link, citation])) expect(s).not.toMatch(CONTROLS);
  });

  it('a header value quoted in a reason is cleaned', () => {
    const f: SourceFetch = { ...response('', 'text/html'), outcome: { kind: 'response', status: 429, headers: { 'retry-after': '\u001b]0;x\u0007 5\u009b2J' }, body: new Uint8Array(), truncated: false } };
    const link = judgeLink(f, undefined);
    expect(link.reason).toMatch(/retry-after: +5\)/);
    expect(link.reason).not.toMatch(CONTROLS);
  });

  it('a not-found title quoted in a reason is cleaned too', async () => {
    const html = '<html><head><title>Page not found\u001b]0;owned\u0007 \u001b[2J</title></head><body><h1>404 Page not found</h1><p>Sorry.</p></body></html>';
    const f = response(html, 'text/html');
    const page = await readPage(f);
    const link = judgeLink(f, page);
    expect(link.linkStatus).toBe('soft-404');
    for (const s of strings([page, link])) expect(s).not.toMatch(CONTROLS);
  });
});
