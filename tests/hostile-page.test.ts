// Hostile pages against the read stage: a PDF bomb, deep nesting, control characters in titles.
import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_BUDGET } from '../src/page/budget.js';
import { readPage } from '../src/page/read.js';
import { judgeLink } from '../src/judge/link.js';
import { judgeCitation } from '../src/judge/verdict.js';
import { matchClaim } from '../src/judge/match.js';
import { extractKeyPhrases } from '../src/judge/phrases.js';
import type { SourceFetch } from '../src/types.js';
import { buildPdf, buildPdfBomb } from './fixtures/pages/pdf.js';

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

  it('still reads an ordinary PDF within the budgets', async () => {
    const page = await readPage(response(buildPdf('The council approved the library budget.'), 'application/pdf'));
    expect(page?.layers.map((l) => l.layer)).toEqual(['pdf']);
    expect(page?.layers[0]?.text).toContain('The council approved the library budget.');
  });
});
