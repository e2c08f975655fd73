import { describe, expect, it } from 'vitest';
import { factMatches, findFacts, parseNumber } from '../src/judge/facts.js';
import { normalize } from '../src/judge/normalize.js';

const facts = (s: string) => findFacts(normalize(s).text).filter((f) => !f.inDate);

describe('numbers', () => {
  it.each([
    ['1,200', [1200, 1.2]],
    ['1.200', [1200, 1.2]],
    ['1 200', [1200]],
    ['1,200,000', [1200000]],
    ['1.200.000,5', [1200000.5]],
    ['1,5', [1.5]],
    ['97,5', [97.5]],
    ['3.14', [3.14]],
  ])('parses %s', (text, values) => {
    expect(parseNumber(text)).toEqual(values);
  });

  it.each([
    ['1,200 people', '1 200 people'],
    ['1,200 people', '1\u00A0200 people'],
    ['1,200 people', '1.200 people'],
    ['£412,000', '412 000 pounds'],
    ['$10bn', '$10 billion'],
    ['£100m', '£100 million'],
    ['1.5 million', '1,500,000'],
    ['1.2 million', '1,189,000'],
    ['1,5 млн', '1.5 million'],
    ['4.2 million', '4,2 миллиона'],
    ['4.2 million', '4,2 млн'],
    ['3 billion', '3 миллиарда'],
    ['15,000', '15 тысяч'],
    ['25%', '25 per cent'],
    ['1.5m people', '1.5 million people'],
    ['1.2 million', '1,150,000'],
    ['1,189,000', '1.2 million'],
    ['about 2 million', '1.85 million'],
    ['about 1,200 people', '1,150 people'],
  ])('%s matches %s', (claim, source) => {
    const [c] = facts(claim);
    const [s] = facts(source);
    expect(c && s && factMatches(c, s)).toBe(true);
  });

  it.each([
    ['17 killed', '16 killed'],
    ['£421,000', '£412,000'],
    ['1.2 million', '1,300,000'],
    ['100m sprint', '100 million'],
    ['$1 billion', '$600 million'],
    ['2 million', '1.6 million'],
    ['some 2 million', '1.6 million'],
    ['1.2 million', '1,260,000'],
    ['40%', '40 seats'],
    ['1,200 roubles', '1.2%'],
    ['about 1,200 people', 'about 12,000 people'],
    ['5m tall', '5 million'],
    ['about 17 people', '16 people'],
  ])('%s does not match %s', (claim, source) => {
    const [c] = facts(claim);
    const [s] = facts(source);
    expect(c && s && factMatches(c, s)).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    ['25 October 2023', '2023-10-25', true],
    ['25 October 2023', 'October 25, 2023', true],
    ['25 October 2023', '25 октября 2023 года', true],
    ['7 October', 'Saturday, 7 October 2023', true],
    ['On 14 October', '14 Oct. 2023', true],
    ['October 2023', '25 October 2023', true],
    ['2006', 'since 2006', true],
    ['2006', '5 May 2006', true],
    ['25 October 2023', '24 October 2023', false],
    ['25 October 2023', '25 October 2022', false],
    ['2007', 'since 2006', false],
    ['October 2023', 'October 2022', false],
  ])('%s vs %s → %s', (claim, source, expected) => {
    const c = facts(claim).find((f) => f.kind === 'date');
    const matches = facts(source).some((s) => c !== undefined && factMatches(c, s));
    expect(c).toBeDefined();
    expect(matches).toBe(expected);
  });

  it('reads a bare m before a noun as a guessed million, and before a unit word as no scale', () => {
    expect(facts('1.5m people')[0]).toMatchObject({ values: [1.5e6], guessed: true });
    expect(facts('a 5m tall wall')[0]).toMatchObject({ values: [5] });
    expect(facts('£5m grant')[0]?.guessed).toBeUndefined();
  });

  it.each([
    ['on 26 October. Then', 'on 26 October'],
    ['on 14 Oct. 2023', 'on 14 Oct. 2023'],
  ])('a date in %s ends before a sentence full stop (%s)', (text, expected) => {
    const norm = normalize(text).text;
    const date = findFacts(norm).find((f) => f.kind === 'date');
    expect(date && `on ${norm.slice(date.start, date.end)}`).toBe(expected.toLowerCase());
  });

  it('marks the parts of a date as inDate, never as quantities', () => {
    const all = findFacts(normalize('On 25 October 2023, 16 people died').text);
    expect(all.filter((f) => f.kind === 'number' && !f.inDate).map((f) => f.values[0])).toEqual([16]);
  });
});
