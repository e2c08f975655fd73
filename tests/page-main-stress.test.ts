// The main text under stress: a short article followed by a much longer comment thread or related-links region.
import { describe, expect, it } from 'vitest';
import { readHtml } from '../src/page/html.js';

const ARTICLE = '<p>Work on the harbour tower started in 1868, and it was completed in 1872 after four years of delays.</p>'
  + '<p>The structure, designed by the engineer Paul Marchand, rises 96 metres above the harbour.</p>';

function comments(count: number): string {
  const one = (i: number) => `<article class="comment"><p>Comment ${i}: I visited the tower last summer and the view from the top was wonderful, `
    + 'although the queue for the lift was long and the café was closed for renovation. Would recommend to anyone visiting the coast.</p></article>';
  return `<section id="comments"><h2>Comments</h2>${Array.from({ length: count }, (_, i) => one(i)).join('\n')}</section>`;
}

const mainOf = (html: string) => readHtml(html, 'https://example.org/tower', {}).mainText;

describe('main text under stress', () => {
  it('keeps a short <article> over a much longer comment thread', () => {
    const text = mainOf(`<html><body><article class="story"><h1>The harbour tower</h1>${ARTICLE}</article>${comments(40)}</body></html>`);
    expect(text).toContain('Work on the harbour tower started in 1868');
    expect(text).not.toContain('Would recommend');
  });

  it('keeps it on a huge page whose body was cut at the byte cap inside the comments', () => {
    const html = `<html><body><main><article><h1>The harbour tower</h1>${ARTICLE}</article>${comments(8_000)}`.slice(0, 1_800_000);
    expect(html.length).toBeGreaterThan(1_500_000);
    const text = mainOf(html);
    expect(text).toContain('designed by the engineer Paul Marchand');
    expect(text).not.toContain('Would recommend');
  });

  it('falls back to <main> without an <article>, and ignores an <article> that is a comment', () => {
    const html = `<html><body><main><h1>The harbour tower</h1>${ARTICLE}</main><aside class="related">${comments(30)}</aside></body></html>`;
    expect(mainOf(html)).toContain('rises 96 metres');
  });
});
