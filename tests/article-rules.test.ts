// Table-driven tests of the article rules: markers, sentence splitting, layout, claims, ids.
import { describe, expect, it } from 'vitest';
import { claimParagraph } from '../src/article/claims.js';
import { assignClaimIds, normaliseClaimText } from '../src/article/ids.js';
import { normalize, normalizeText } from '../src/judge/normalize.js';
import { liftMarkers } from '../src/article/markers.js';
import { sliceArticle } from '../src/article/sections.js';
import { endsWithAbbreviation, splitSentences } from '../src/article/sentences.js';

describe('liftMarkers', () => {
  it.each([
    ['end of sentence', 'It is. [1]', 'It is.', [[1]]],
    ['a group with spaces', 'It is. [1] [10] [11] Next.', 'It is. Next.', [[1, 10, 11]]],
    ['adjacent, no space', 'It is.[1][2] Next.', 'It is. Next.', [[1, 2]]],
    ['mid-sentence', 'It is, [1] though not.', 'It is, though not.', [[1]]],
    ['page in the marker', 'It is[3, p. 4].', 'It is.', [[3]]],
    ['page range', 'It is.[3, pp. 4–6]', 'It is.', [[3]]],
    ['{{rp}} page suffix', 'It is.[3]: 12–14 Next.', 'It is. Next.', [[3]]],
    ['glued next sentence', 'It is.[1]Next.', 'It is. Next.', [[1]]],
    ['two groups', 'A [1] and b. [2]', 'A and b.', [[1], [2]]],
    ['note letter: lifted, no refs', 'It is.[a] Next.', 'It is. Next.', [[]]],
    ['maintenance tag: lifted, no refs', 'It is.[citation needed] Next.', 'It is. Next.', [[]]],
    ['editorial [sic] stays', 'He wrote "teh" [sic] twice.', 'He wrote "teh" [sic] twice.', []],
    ['no markers', 'Plain text.', 'Plain text.', []],
  ])('%s', (_, raw, clean, refs) => {
    const lifted = liftMarkers(raw);
    expect(lifted.clean).toBe(clean);
    expect(lifted.groups.map((g) => g.refs)).toEqual(refs);
    for (const g of lifted.groups) expect(raw[g.column - 1]).toBe('[');
  });

  it('maps every clean character back to the same raw character', () => {
    for (const raw of ['Alpha [1] beta.[2][3] Gamma.', 'It is.[1]Next [2] [a] one.[3]', '[1] Lead. Tail [2]', '']) {
      const lifted = liftMarkers(raw);
      [...lifted.clean].forEach((ch, i) => {
        if (ch !== ' ') expect(raw[lifted.rawAt(i)]).toBe(ch);
      });
      expect(lifted.rawAt(lifted.clean.length)).toBe(raw.length);
    }
  });
});

describe('splitSentences', () => {
  const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));
  it.each([
    ['U.S. and Dept.', 'The U.S. State Dept. said so. Mr. Lavrov agreed.', ['The U.S. State Dept. said so.', 'Mr. Lavrov agreed.']],
    ['initials', 'J. R. R. Tolkien wrote it. It sold well.', ['J. R. R. Tolkien wrote it.', 'It sold well.']],
    ['decimals', 'It rose 1.5 percent. Then it fell.', ['It rose 1.5 percent.', 'Then it fell.']],
    ['closing quote', 'He praised his "courage and manliness." In 2020 he left.', ['He praised his "courage and manliness."', 'In 2020 he left.']],
    ['space before comma', 'According to The Times , Russian media spread it. Putin spoke.', ['According to The Times , Russian media spread it.', 'Putin spoke.']],
    ['Russian initials', 'В.В. Путин заявил. Он уехал.', ['В.В. Путин заявил.', 'Он уехал.']],
    ['Dr. and Mrs.', 'Dr. Brown met Mrs. Green. They talked.', ['Dr. Brown met Mrs. Green.', 'They talked.']],
    ['question and exclamation', 'Why? Because! Done.', ['Why?', 'Because!', 'Done.']],
    ['question mark inside a sentence', 'He asked "why?" and left. Then he came back.', ['He asked "why?" and left.', 'Then he came back.']],
  ])('%s', (_, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it.each([
    ['The U.S. ', true], ['Mr. ', true], ['J. ', true], ['В. ', true], ['Jan. ', true],
    ['It ended. ', false], ['in 1991. ', false], ['the answer was no. ', false],
  ])('endsWithAbbreviation(%j) = %s', (segment, expected) => {
    expect(endsWithAbbreviation(segment)).toBe(expected);
  });
});

describe('claimParagraph', () => {
  const para = (text: string) => claimParagraph({ text, line: 7, section: 'S' });
  it.each([
    ['one sentence', 'It is big. [1]', [['It is big.', [1]]], []],
    ['mid-sentence marker: the clause up to it', 'It is not banned, [1] though it is watched.',
      [['It is not banned', [1]]], ['though it is watched.']],
    ['verbless list tail after a mid-sentence marker continues the cited clause', 'It banned the Taliban [2] and the Chechen Republic.',
      [['It banned the Taliban', [2]]], []],
    ['clause tail after a mid-sentence marker is uncited', 'It banned the Taliban [2] and it was praised.',
      [['It banned the Taliban', [2]]], ['and it was praised.']],
    ['Russian clause tail after a mid-sentence marker is uncited', 'Россия не запретила движение, [2] хотя осудила нападения.',
      [['Россия не запретила движение', [2]]], ['хотя осудила нападения.']],
    ['two markers in a sentence', 'He sent condolences [5] and said more. [6]',
      [['He sent condolences', [5]], ['and said more.', [6]]], []],
    ['group of three', 'They grew closer. [1] [10] [11]', [['They grew closer.', [1, 10, 11]]], []],
    ['adjacent markers', 'They grew closer.[1][2]', [['They grew closer.', [1, 2]]], []],
    ['a repeated number cites once', 'They grew closer.[1][1] [2]', [['They grew closer.', [1, 2]]], []],
    ['marker after the closing quote', 'He praised his "courage and manliness." [1] In 2020 he left. [2]',
      [['He praised his "courage and manliness."', [1]], ['In 2020 he left.', [2]]], []],
    ['marker before the full stop', 'It was called "terrorism"[3].', [['It was called "terrorism".', [3]]], []],
    ['U.S. before a marker', 'It denigrated its ally, the U.S. [12] Putin spoke. [13]',
      [['It denigrated its ally, the U.S.', [12]], ['Putin spoke.', [13]]], []],
    ['space before a comma is tidied', 'According to The Times , it spread. [12]',
      [['According to The Times, it spread.', [12]]], []],
    ['no markers: all uncited', 'One. Two words.', [], ['One.', 'Two words.']],
    ['text after the last marker is uncited', 'Cited. [1] Not cited. Nor this.',
      [['Cited.', [1]]], ['Not cited.', 'Nor this.']],
    ['a tag does not cite', 'Dubious.[citation needed] Cited. [2]', [['Cited.', [2]]], []],
  ])('%s', (_, text, claims, uncited) => {
    const result = para(text);
    expect(result.claims.map((c) => [c.text, c.refs])).toEqual(claims);
    expect(result.uncited.map((u) => u.text)).toEqual(uncited);
  });

  it('puts unmarked sentences before a marker into that claim\'s context, not into uncited', () => {
    const result = para('First fact. Second fact. Third fact. [4] Trailing.');
    expect(result.claims).toHaveLength(1);
    expect(result.claims[0]).toMatchObject({ text: 'Third fact.', refs: [4], context: 'First fact. Second fact.' });
    expect(result.uncited.map((u) => u.text)).toEqual(['Trailing.']);
  });

  it('gives 1-based columns of the first character in the raw line', () => {
    const raw = 'Alpha beta. [1] Gamma, [2] delta. Epsilon.';
    const result = para(raw);
    for (const item of [...result.claims, ...result.uncited]) {
      expect(raw.slice(item.column - 1).startsWith(item.text.slice(0, 5))).toBe(true);
      expect(item.line).toBe(7);
      expect(item.section).toBe('S');
    }
    expect(result.markers).toEqual([1, 2]);
  });
});

describe('assignClaimIds', () => {
  const draft = (text: string, refs: number[]) => ({ text, refs, section: '', line: 1, column: 1 });
  it('depends on the text only, so renumbered footnotes keep the id', () => {
    const [a] = assignClaimIds([draft('Russia hosted Hamas.', [3])]);
    const [b] = assignClaimIds([draft('Russia  hosted “Hamas”.', [4]), draft('Other.', [1])]);
    expect(a?.id).toMatch(/^c[0-9a-f]{8}$/);
    expect(a?.id).not.toBe(assignClaimIds([draft('Russia hosted Fatah.', [3])])[0]?.id);
    expect(assignClaimIds([draft('Russia hosted "Hamas".', [3])])[0]?.id).toBe(b?.id);
  });

  it('disambiguates repeated texts in article order', () => {
    const ids = assignClaimIds([draft('Same.', [1]), draft('Other.', [2]), draft('Same.', [3])]).map((c) => c.id);
    expect(ids[2]).toBe(`${ids[0]}-2`);
    expect(new Set(ids).size).toBe(3);
  });

  it('folds ASCII text (its own fast path) exactly as normalize() does', () => {
    const alphabet = ['A', 'z', 'Q', ' ', '  ', '\t', '\n', '\v', '\f', '\r', '\x1f', '\x00', '.', '"', "'", '-', '7', '~', '\x7f'];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: next() % 16 }, () => alphabet[next() % alphabet.length]).join('');
      expect(normaliseClaimText(text)).toBe(normalize(text).text.trim());
      expect(normalizeText(text)).toBe(normalize(text).text);
    }
    expect(normaliseClaimText(' The  U.S.\tSenate ')).toBe('the u.s. senate');
  });
});

describe('sliceArticle', () => {
  const article = [
    'Title Here', '', 'Last updated', '', 'Infobox label', 'Flag of X.svg', 'X', '',
    'The lead sentence is here and cited. [1]', '', 'Contents', '', '1 History', '1.1 Early', '2 References', '',
    'History', '', 'Main article: History of X', '', 'Early', '',
    'A caption of the picture 1900.jpg', 'A caption of the picture', '',
    'Body prose sits under Early. [1]', '',
    '2023 war', '', 'Prose under a heading that starts with a year. [2]', '',
    'See also', '', 'Related Research Articles', '', 'Sidebar prose is not ours. [1]', '',
    'References', '', '  1. "One". Pub. 2020.', '  2. "Two". Pub. 2021.',
  ].join('\n');
  const layout = sliceArticle(article);

  it('finds the title, the body paragraphs with their sections, and the list rows', () => {
    expect(layout.title).toBe('Title Here');
    expect(layout.paragraphs.map((p) => [p.section, p.text])).toEqual([
      ['', 'The lead sentence is here and cited. [1]'],
      ['Early', 'Body prose sits under Early. [1]'],
      ['2023 war', 'Prose under a heading that starts with a year. [2]'],
    ]);
    expect(layout.referenceLines.map((l) => l.line)).toEqual([40, 41]);
  });

  it.each([
    ['a hatnote before the lead', ['T', '', 'For other uses, see T (disambiguation).', '', 'The lead is a real sentence. [1]']],
    ['a prose-like caption under an infobox image', ['T', '', 'Putin.jpg', 'Putin and Haniyeh met in Moscow in the year 2022.', '', 'The lead is a real sentence. [1]']],
    ['a table row', ['T', '', 'The lead is a real sentence. [1]', '', 'Year\tPopulation of the whole town.', '']],
    ['a caption in its own block repeating the file line', ['T', '', 'The lead is a real sentence. [1]', '', 'A town square, seen in 1900 town.png', '', 'A town square, seen in 1900', '']],
  ])('skips %s', (_, rows) => {
    expect(sliceArticle(rows.join('\n')).paragraphs.map((p) => p.text)).toEqual(['The lead is a real sentence. [1]']);
  });

  it('reports no reference rows when there is no References section', () => {
    expect(sliceArticle('T\n\nSome prose sentence here. [1]\n').referenceLines).toEqual([]);
  });
});
