// Readability's retries with the body rebuilt by a fresh parse (patches/) give the main text its own kept copy gave.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/page/dom.js';
import { readMainText } from '../src/page/main.js';

const dirs = ['pages', 'formats', 'docs-html'].map((d) => new URL(`./fixtures/${d}/`, import.meta.url));
const fixtures = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => ({ name: f, html: readFileSync(new URL(f, dir), 'utf8') })));

/** Long article text among long unlikely-looking blocks: Readability drops those first, finds too little, retries. */
const RETRYING = `<html><body><div class="sidebar">${'<p>Teaser text that goes on for a while about other stories. </p>'.repeat(40)}</div>
<div class="comment">${'<p>A reader wrote a comment that runs quite long indeed, one more time. </p>'.repeat(30)}</div><p>Short body.</p></body></html>`;

describe('readMainText with Readability rebuilding the body for its retries', () => {
  it.each([...fixtures, { name: 'retrying', html: RETRYING }])('$name: the same main text as with its own copy', ({ html }) => {
    let reparses = 0;
    const reparse = () => {
      reparses += 1;
      return parseDocument(html);
    };
    const kept = readMainText(parseDocument(html), html.length);
    const rebuilt = readMainText(parseDocument(html), html.length, 0, { reparse, pageTextChars: Number.MAX_SAFE_INTEGER });
    expect(rebuilt).toBe(kept);
    expect(reparses).toBeLessThanOrEqual(1);
  });

  it('the fixtures exercise the retry path', () => {
    let reparses = 0;
    for (const { html } of fixtures) {
      readMainText(parseDocument(html), html.length, 0, { reparse: () => ((reparses += 1), parseDocument(html)), pageTextChars: Number.MAX_SAFE_INTEGER });
    }
    expect(reparses).toBeGreaterThan(10);
  });

  it('rebuilds only when Readability retries, and only for pages showing much text', () => {
    let reparses = 0;
    const reparse = () => {
      reparses += 1;
      return parseDocument(RETRYING);
    };
    expect(readMainText(parseDocument(RETRYING), RETRYING.length, 0, { reparse, pageTextChars: 100 }).length).toBeGreaterThan(0);
    expect(reparses).toBe(0);
    readMainText(parseDocument(RETRYING), RETRYING.length, 0, { reparse, pageTextChars: 5_000 });
    expect(reparses).toBe(1);
  });
});
