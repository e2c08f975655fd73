import { describe, expect, it } from 'vitest';
import { normalize, sliceOriginal } from '../src/judge/normalize.js';

describe('normalize: each folding rule', () => {
  it.each([
    ['NFKC ligature and fullwidth digits', 'ﬁnal ２０２４', 'final 2024'],
    ['curly double quotes', '“quoted”', '"quoted"'],
    ['low and reversed double quotes', '„quoted‟', '"quoted"'],
    ['guillemets', '«цитата»', '"цитата"'],
    ['curly single quotes', '‘quoted’', "'quoted'"],
    ['dashes and minus', 'a‐b‑c‒d–e—f―g−h', 'a-b-c-d-e-f-g-h'],
    ['soft hyphen removed', 'dis\u00ADcovery', 'discovery'],
    ['zero-width characters removed', 'a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf', 'abcdef'],
    ['combining acute (stress mark) removed', 'уда\u0301р', 'удар'],
    ['decomposed Latin accent composes, not removed', 'cafe\u0301', 'café'],
    ['whitespace runs collapse, ends trimmed', '  a \t\n b\u00A0\u2009c  ', 'a b c'],
    ['lower case', 'MacFarlane ВЕДОМОСТИ', 'macfarlane ведомости'],
    ['ё to е, either case', 'Ёлка и ещё', 'елка и еще'],
    ['ellipsis via NFKC', 'wait…', 'wait...'],
  ])('%s', (_rule, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });
});

describe('normalize: the map back to the original', () => {
  it.each([
    ['plain ASCII', 'Hello World'],
    ['soft hyphen and quotes', '“Every image is a new dis\u00ADcovery,” he said.'],
    ['collapsed whitespace', 'one   two\n\nthree'],
    ['stress accents in Cyrillic', 'Навa\u0301льный заяви\u0301л'],
    ['astral characters', 'emoji 😀 here'],
  ])('has one entry per normalised character plus the original length (%s)', (_name, input) => {
    const n = normalize(input);
    expect(n.map.length).toBe(n.text.length + 1);
    expect(n.map[n.text.length]).toBe(input.length);
    for (let i = 1; i < n.map.length; i++) expect(n.map[i]).toBeGreaterThanOrEqual(n.map[i - 1] ?? 0);
  });

  it('quotes a normalised range exactly as the source wrote it', () => {
    const original = 'He said: “Every image is a new dis\u00ADcovery,” at the briefing.';
    const n = normalize(original);
    const start = n.text.indexOf('every image');
    const end = n.text.indexOf('discovery') + 'discovery'.length;
    expect(sliceOriginal(original, n, start, end)).toBe('Every image is a new dis\u00ADcovery');
  });

  it('maps a collapsed space to the first whitespace of the run', () => {
    const original = 'alpha \n  beta';
    const n = normalize(original);
    expect(n.text).toBe('alpha beta');
    expect(n.map[5]).toBe(5);
    expect(n.map[6]).toBe(original.indexOf('beta'));
  });
});

describe('normalize: the result string as a UTF-16 decoder reads the folded code units', () => {
  const decoded = (units: number[]): string => new TextDecoder('utf-16le').decode(new Uint16Array(units));
  it.each([
    ['a lone high surrogate', 'ab\uD83Dcd'],
    ['a lone low surrogate', 'ab\uDE00cd'],
    ['a surrogate pair', 'smile \uD83D\uDE00 now'],
    ['Cyrillic and marks', 'Ёлка e\u0301 Привет'],
    ['a long page with a lone surrogate', `${'Word and more words. '.repeat(100)}\uD800 end`],
    ['a long page without one', `${'Слово и ещё слова — “кавычки”. '.repeat(100)}end`],
  ])('%s', (_, text) => {
    const n = normalize(text);
    const units = Array.from(n.text, (ch) => ch.codePointAt(0) ?? 0).flatMap((cp) => (cp > 0xffff ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp]));
    expect(n.text).toBe(decoded(units));
    expect(/\p{Cs}/u.test(n.text)).toBe(false); // a lone surrogate is read as U+FFFD, as the decoder does
    expect(n.map.length).toBe(n.text.length + 1);
  });
});
