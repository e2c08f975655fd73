// planSource's no-URL reasons: they must not blame references.json for an article that has none.
import { describe, expect, it } from 'vitest';
import { planSource } from '../src/source.js';

describe('planSource', () => {
  it('a footnote with no reference names both places a reference can come from', () => {
    const s = planSource(2, undefined);
    expect(s.link?.linkStatus).toBe('no-url');
    expect(s.link?.reason).toBe("no reference [2] in the article's reference list or references.json");
  });

  it('a reference without a URL says neither the article nor references.json gives one', () => {
    const s = planSource(1, { id: 1, title: 'Harbour records' });
    expect(s.link?.linkStatus).toBe('no-url');
    expect(s.link?.reason).toMatch(/^no URL for this reference \(neither the article's reference list nor references\.json/);
  });

  it('a URL that is not http(s) is invalid-url, and a good one is left for the fetch', () => {
    expect(planSource(3, { id: 3, url: 'ftp://x.example/a' }).link?.linkStatus).toBe('invalid-url');
    const ok = planSource(4, { id: 4, url: ' https://x.example/a ' });
    expect(ok.url).toBe('https://x.example/a');
    expect(ok.link).toBeUndefined();
  });
});
