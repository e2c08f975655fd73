import { describe, expect, it } from 'vitest';
import { buildFragmentUrl, findBestWindow, SNIPPET_MAX_CHARS } from '../src/judge/window.js';
import { matchClaim } from '../src/judge/match.js';
import { extractKeyPhrases } from '../src/judge/phrases.js';

describe('findBestWindow', () => {
  it.each<[string, number[][], number[], number, { from: number; to: number; weight: number }]>([
    ['all phrases close together win over scattered ones', [[1, 50], [52], [55]], [1, 1, 1], 10, { from: 50, to: 55, weight: 1 }],
    ['a heavy phrase outweighs two light ones', [[5], [6], [40]], [1, 1, 3], 10, { from: 40, to: 40, weight: 0.6 }],
    ['the tighter window wins a tie', [[0, 30], [8, 31]], [1, 1], 10, { from: 30, to: 31, weight: 1 }],
  ])('%s', (_name, positions, weights, size, expected) => {
    expect(findBestWindow(positions, weights, size)).toMatchObject(expected);
  });

  it('returns nothing when no phrase occurs', () => {
    expect(findBestWindow([[], []], [1, 1], 10)).toBeUndefined();
  });
});

describe('buildFragmentUrl', () => {
  it.each([
    ['short snippet: one text= term', 'Prices rose 3%, officials said.', 'https://e.org/a', 'https://e.org/a#:~:text=Prices%20rose%203%25%2C%20officials%20said.'],
    ['long snippet: start,end', 'The firm Smith-Jones & Co, founded in 1998, employs 1,200 staff in Leeds today.', 'https://e.org/a#old',
      'https://e.org/a#:~:text=The%20firm%20Smith%2DJones%20%26,staff%20in%20Leeds%20today.'],
  ])('%s', (_name, snippet, url, expected) => {
    expect(buildFragmentUrl(url, snippet)).toBe(expected);
  });
});

describe('evidence snippet', () => {
  it(`stays within ${SNIPPET_MAX_CHARS} characters inside a very long sentence`, () => {
    const long = `${'The committee heard from many residents and officials, '.repeat(20)}and it found that the bridge cost £18 million to build, ${'according to papers seen by reporters and shared with the council, '.repeat(10)}the report said.`;
    const claim = 'The bridge cost £18 million to build.';
    const match = matchClaim(claim, extractKeyPhrases(claim), {
      contentType: 'text/plain', charset: 'utf-8', signals: {}, layers: [{ layer: 'text', text: long }] });
    expect(match.evidence?.snippet.length).toBeLessThanOrEqual(SNIPPET_MAX_CHARS);
    expect(match.evidence?.snippet).toContain('£18 million');
  });

  it.each([
    ['a line break ends the block (two JSON-LD headlines)', 'Moscow braces for winter\nRussia hosted a Hamas delegation in Moscow on 26 October 2023',
      'Russia hosted a Hamas delegation in Moscow on 26 October 2023'],
    ['an ellipsis does not end the sentence', 'Officials said … that Russia hosted a Hamas delegation in Moscow on 26 October 2023.',
      'Officials said … that Russia hosted a Hamas delegation in Moscow on 26 October 2023.'],
  ])('starts at the sentence: %s', (_label, text, expected) => {
    const claim = 'Russia hosted a Hamas delegation in Moscow on 26 October 2023.';
    const match = matchClaim(claim, extractKeyPhrases(claim), {
      contentType: 'text/plain', charset: 'utf-8', signals: {}, layers: [{ layer: 'text', text }] });
    expect(match.evidence?.snippet).toBe(expected);
  });
});

