// The built CLI carries undici and the page readers inlined, as patches/ leaves them: an installed citecheck never runs patch-package.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { latin1Source } from '../scripts/latin1.mjs';

const dist = new URL('../dist/', import.meta.url);
const bundled = readdirSync(dist).filter((f) => f.endsWith('.js') && (f.startsWith('cli') || f === 'read-worker.js'));
const source = (f: string): string => readFileSync(new URL(f, dist), 'utf8');

describe('the CLI bundle (npm run build)', () => {
  it('imports none of the CommonJS packages every reading thread loads from node_modules (Node would scan each for its exports)', () => {
    for (const f of bundled) expect(source(f)).not.toMatch(/from\s*["'](?:snowball-stemmers|fastest-levenshtein|chardet)["']/);
  });

  it('imports neither linkedom nor Readability from node_modules', () => {
    expect(bundled.length).toBeGreaterThan(2);
    for (const f of bundled) expect(source(f)).not.toMatch(/from\s*["'](?:linkedom|@mozilla\/readability)["']|require\(["'](?:linkedom|@mozilla\/readability)["']\)/);
  });

  it("holds linkedom's EventTarget as patched: no listener map made in the constructor", () => {
    const withTarget = bundled.map(source).filter((text) => text.includes('addEventListener(type, listener, options)'));
    expect(withTarget.length).toBe(1);
    const text = withTarget[0] ?? '';
    expect(text).toContain('patched (citecheck, patches/)');
    expect(text).toMatch(/var DOMEventTarget = class \{[^}]*constructor\(\) \{\s*\}/);
    expect(text).not.toMatch(/constructor\(\)\s*\{\s*wm\.set\(this,\s*new Map(?:\(\))?\)/);
  });

  it("holds linkedom's class handling as patched: no class list made for every parsed element", () => {
    const withParser = bundled.map(source).filter((text) => text.includes('? classValue(value) : value'));
    expect(withParser.length).toBe(1);
    expect(withParser[0]).toMatch(/(attribute\d*)\[VALUE\] = \1\.name === "class" \? classValue\(value\) : value;/);
    expect(withParser[0]).not.toMatch(/element\d*\.className = value;\s*if \(active\)/);
  });

  it("holds Readability as patched: no article serialised for a debug log that is off", () => {
    const withReadability = bundled.map(source).filter((text) => text.includes('"Grabbed: "'));
    expect(withReadability.length).toBe(1);
    expect(withReadability[0]).toMatch(/if \(this\._debug\) \{\s*this\.log\("Grabbed: " \+ articleContent\.innerHTML\)/);
  });

  it('holds Readability as patched: the body serialised for a retry only when no rebuild is given', () => {
    const withReadability = bundled.map(source).filter((text) => text.includes('"Grabbed: "'));
    expect(withReadability[0]).toMatch(/var pageCacheHtml = rebuild \? null : page\.innerHTML;/);
    expect(withReadability[0]).toMatch(/if \(pageCacheHtml === null\) \{\s*pageCacheHtml = rebuild\.call\(this\);/);
  });

  it('holds transliterate as patched: no pattern compiled at import, each on first use', () => {
    for (const f of bundled) expect(source(f)).not.toMatch(/from\s*["']@sindresorhus\/transliterate["']/);
    const withIt = bundled.map(source).filter((text) => text.includes('buildReplacementPattern'));
    expect(withIt).toHaveLength(1);
    expect(withIt[0]).toContain('defaultPattern ??= buildReplacementPattern(');
    expect(withIt[0]).not.toMatch(/const defaultPattern = buildReplacementPattern\(/);
  });

  it("holds undici's request queue as patched: 64 slots a host, not 2,048 (16 KB a host)", () => {
    const withQueue = bundled.map(source).filter((text) => text.includes('var FixedCircularBuffer = class'));
    expect(withQueue.length).toBe(1);
    expect(withQueue[0]).toMatch(/var kSize = 64;/);
  });

  it("holds undici's client as patched: HTTP/2 (node:http2) loads on the first h2 connection, not at start-up", () => {
    const withClient = bundled.map(source).filter((text) => text.includes('connectH2Once'));
    expect(withClient.length).toBe(1);
    expect(withClient[0]).toMatch(/connectH2Once \?\?= require_client_h2\(\)/);
    expect(withClient[0]).not.toMatch(/var connectH2 = require_client_h2\(\);/);
  });

  it('holds linkedom, the stemmers and zod one byte a character: nothing above U+00FF left in their chunks (V8 would hold each source twice its size in every thread)', () => {
    const above = /[^\u0000-\u00ff]/u;
    const chunks = ['var DOMEventTarget = class', 'snowball', 'ZodError'].map((marker) => bundled.filter((f) => source(f).includes(marker)));
    for (const files of chunks) {
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect(source(f)).not.toMatch(above);
    }
  });
});

describe('latin1Source (scripts/latin1.mjs)', () => {
  it('escapes characters above U+00FF in comments and regular expressions, which then match as before', () => {
    const code = 'const cyr = /[іїєґ]+/iu; // a dash — here\n/* and — here */ export { cyr };';
    const { code: out, kept } = latin1Source(code);
    expect(kept).toBe(0);
    expect(out).not.toMatch(/[^\u0000-\u00ff]/u);
    expect(out).toContain('/[\\u0456\\u0457\\u0454\\u0491]+/iu');
    expect(out).toContain('// a dash \\u2014 here');
    const regex = (text: string): RegExp => new Function(`${text.replace('export { cyr };', '')} return cyr;`)() as RegExp;
    expect(regex(out).exec('слово її')?.[0]).toBe('її');
    expect(regex(out).source).not.toBe(regex(code).source);
    expect(regex(out).exec('її')?.[0]).toBe(regex(code).exec('її')?.[0]);
  });

  it('escapes a character beyond the BMP as its surrogate pair, the same code point with the u flag', () => {
    const { code: out } = latin1Source('const r = /^[😀]$/u;');
    expect(out).toBe('const r = /^[\\ud83d\\ude00]$/u;');
    expect((new Function(`${out} return r;`)() as RegExp).test('😀')).toBe(true);
  });

  it('keeps template literals (a raw one would change) and a character after a backslash', () => {
    const code = 'const a = String.raw`ма[йяе]`; const b = `x${/я/.source}`; const c = /\\ж/;';
    const { code: out, kept } = latin1Source(code);
    expect(out).toBe(code);
    expect(kept).toBe(7);
  });

  it('leaves a Latin-1 source as it is', () => {
    const code = 'const s = "café"; // Wärting';
    expect(latin1Source(code)).toEqual({ code, kept: 0 });
  });
});

