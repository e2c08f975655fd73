// Hostile articles: nested brackets, a 5 MB line, an article that is only a reference list.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/article/parse.js';

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

  it('[1[2]] keeps the real sentence as the claim, citing both', () => {
    const a = parseArticle(article('The council approved a budget of 4.2 million dollars.[1[2]] The mayor spoke.'), 'x.txt');
    expect(a.claims.map((c) => c.text)).toEqual(['The council approved a budget of 4.2 million dollars.']);
    expect(a.claims[0]?.refs).toEqual([1, 2]);
    expect(a.claims.some((c) => /^\W*\d+\W*$/u.test(c.text))).toBe(false);
    expect(a.uncited.map((u) => u.text)).toEqual(['The mayor spoke.']);
  });
});
