// Hostile articles: nested brackets, a 5 MB line, an article that is only a reference list.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseArticle } from '../src/article/parse.js';
import { segmentSentences } from '../src/article/sentences.js';
import { exitCodeFor } from '../src/report/build.js';
import { ReportSchema } from '../src/report/schema.js';
import { verify } from '../src/verify.js';

const article = (body: string): string =>
  `Riverside library\n\nBudget\n\n${body}\n\nReferences\n\n  1. "a". b. 2024.\n  2. "c". d. 2024.\n`;

describe('nested brackets', () => {
  it('keeps the citation of [[1]] and leaves no bracket in the claim', () => {
    const a = parseArticle(article('The council approved a budget of 4.2 million dollars.[[1]] The mayor spoke in spring.[2]'), 'x.txt');
    expect(a.claims.map((c) => [c.text, c.refs])).toEqual([
      ['The council approved a budget of 4.2 million dollars.', [1]],
      ['The mayor spoke in spring.', [2]],
    ]);
  });

  it('keeps the citations of [[[1]]] and [[1][[2]]], leaving no bracket in the claims', () => {
    const a = parseArticle(article('The council approved a budget of 4.2 million dollars.[[[1]]] The mayor spoke in spring.[[1][[2]]]'), 'x.txt');
    expect(a.claims.map((c) => [c.text, c.refs])).toEqual([
      ['The council approved a budget of 4.2 million dollars.', [1]],
      ['The mayor spoke in spring.', [1, 2]],
    ]);
  });

  it('[1[2]] keeps the real sentence as the claim, citing both', () => {
    const a = parseArticle(article('The council approved a budget of 4.2 million dollars.[1[2]] The mayor spoke.'), 'x.txt');
    expect(a.claims.map((c) => c.text)).toEqual(['The council approved a budget of 4.2 million dollars.']);
    expect(a.claims[0]?.refs).toEqual([1, 2]);
    expect(a.claims.some((c) => /^\W*\d+\W*$/u.test(c.text))).toBe(false);
    expect(a.uncited.map((u) => u.text)).toEqual(['The mayor spoke.']);
  });
});

describe('a 5 MB line', () => {
  const whole = (text: string) => [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)].map((s) => [s.index, s.segment]);
  const windowed = (text: string, size: number) => segmentSentences(text, size).map((s) => [s.index, s.segment]);
  const texts = [
    ...['articles/russia-hamas-relations.txt', 'tests/fixtures/articles/kettle-island.txt', 'tests/fixtures/formats/lighthouse.txt']
      .map((p) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8')),
    // Breaks that need look-ahead: digits and punctuation before a lower-case word, closers, ?! runs, initials.
    'He said "Stop." 5 people left. etc. 12 ... and then? "Why?!" she asked. U.S. Senate. J. R. R. Tolkien wrote. (See above.) 3. next. '.repeat(40),
    `${'a'.repeat(3000)}. ${'1 '.repeat(3000)}. ${'Word. '.repeat(500)}`,
    'Москва, 12 мая 2024 г. Заявление было сделано. Он сказал: «Нет!» — и ушёл. т. е. всё. '.repeat(50),
  ];

  it.each([[64], [200], [1024]])('windows of %i characters give exactly the segments of the whole text', (size) => {
    for (const text of texts) expect(windowed(text, size)).toEqual(whole(text));
  });

  it('parses a 5 MB one-line paragraph into its claims', () => {
    const line = 'The council approved a budget of 4.2 million dollars for the library. [1] Mr. Smith agreed. '.repeat(5_000_000 / 90);
    const a = parseArticle(article(line), 'x.txt');
    expect(a.claims).toHaveLength(Math.floor(5_000_000 / 90));
    expect(new Set(a.claims.map((c) => c.text))).toEqual(new Set(['The council approved a budget of 4.2 million dollars for the library.']));
    expect(a.claims[1]?.context).toBe('Mr. Smith agreed.');
    expect(a.uncited.map((u) => u.text)).toEqual(['Mr. Smith agreed.']);
  }, 120_000);
});

describe('an article that is only a reference list', () => {
  const ONLY_REFS = 'References\n\n  1. 1 2 "Riverside council approves library budget". Riverside Gazette. 14 May 2024.\n  2. "Library budget: what was decided". Riverside Gazette. 14 May 2024.\n';

  it('has no fake title, no reference rows as uncited sentences, and a no-claims finding', () => {
    const a = parseArticle(ONLY_REFS, 'refs-only.txt');
    expect(a.title).toBe('');
    expect(a.claims).toEqual([]);
    expect(a.uncited).toEqual([]);
    expect(a.references.map((r) => r.id)).toEqual([1, 2]);
    expect(a.findings.map((f) => f.kind)).toContain('no-claims');
  });

  it('fails the run (exit 1) unless --fail-on none, and the report carries the finding', async () => {
    const article = parseArticle(ONLY_REFS, 'refs-only.txt');
    const { report } = await verify({ article, references: [], toolVersion: 'test', failOn: ['broken'] });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.findings.map((f) => f.kind)).toContain('no-claims');
    expect(report.summary.uncited).toBe(0);
    expect(exitCodeFor(report, ['broken'])).toBe(1);
    expect(exitCodeFor(report, [])).toBe(0);
  });

  it('an ordinary article has no such finding', () => {
    expect(parseArticle(article('The council approved a budget.[1]'), 'x.txt').findings.map((f) => f.kind)).not.toContain('no-claims');
  });
});
