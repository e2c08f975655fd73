// The seed article (Russia–Hamas relations): every claim, uncited sentence and reference, as read by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/article/parse.js';

const PATH = 'articles/russia-hamas-relations.txt';
const text = readFileSync(new URL(`../${PATH}`, import.meta.url), 'utf8');
const article = parseArticle(text, PATH);
const lines = text.split('\n');

describe('seed article: claims', () => {
  it('finds the title', () => {
    expect(article.title).toBe('Russia–Hamas relations');
  });

  it('finds all 23 cited claims with exactly the right footnote groups, in order', () => {
    expect(article.claims.map((c) => c.refs)).toEqual([
      [1], // lead: not designated a terrorist organization, [1] though …
      [2], [2], [1], [2], [1], [2], // history
      [3], [4], [3], [5], [6], [7], [6], [8], [9], // 2023 war, first two paragraphs
      [1, 10, 11], [12], [13], [14], [15], [16, 17], [18, 19],
    ]);
  });

  it.each([
    [0, 'Russia has not designated Hamas as a terrorist organization', '', 11],
    [1, 'However, Russia never designated Hamas as a terrorist organization like it did with the Taliban', 'Immediate post-Soviet relations', 22],
    [5, 'Mashal praised Putin for his "courage and manliness."', 'Hamas takeover of Gaza', 28],
    [10, 'Putin sent condolences to the families of the killed Israelis', '2023 Israel-Hamas war', 34],
    [11, 'and said Israel had a right to defend itself, describing the Hamas attack as "unprecedented in its cruelty".', '2023 Israel-Hamas war', 34],
    [17, 'According to The New York Times, Russian state media and leading social networking platforms spread support for Hamas and denigrated Israel and its main ally, the U.S.', '2023 Israel-Hamas war', 36],
    [18, 'Putin has said that the war shows "a clear example of the failure of U.S. policy in the Middle East".', '2023 Israel-Hamas war', 36],
  ])('claim %i reads %j under %j on line %i', (i, claimText, section, line) => {
    expect(article.claims[i]).toMatchObject({ text: claimText, section, line });
  });

  it('points each claim\'s line and column at its first characters in the file', () => {
    for (const c of article.claims) {
      expect(lines[c.line - 1]?.slice(c.column - 1, c.column - 1 + 12)).toBe(c.text.slice(0, 12));
    }
  });

  it('gives every claim a distinct stable id', () => {
    const ids = article.claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(23);
    expect(parseArticle(text, PATH).claims.map((c) => c.id)).toEqual(ids);
  });

  it('takes no claim from the infobox, captions, the sidebar or the reference list', () => {
    for (const c of article.claims) expect(c.line).toBeGreaterThanOrEqual(11);
    for (const c of article.claims) expect(c.line).toBeLessThanOrEqual(38);
    const all = [...article.claims.map((c) => c.text), ...article.uncited.map((u) => u.text)].join('\n');
    expect(all).not.toMatch(/mw-page-title|Flag of|\.jpg|Ismail Haniyeh at a meeting|Axis of Resistance|Carnegie/);
    expect(article.claims.map((c) => c.section)).not.toContain('Contents');
  });
});

describe('seed article: uncited text', () => {
  it('lists the three uncited statements after the last marker of their paragraph', () => {
    expect(article.uncited.map((u) => [u.section, u.line, u.text])).toEqual([
      ['', 11, 'though it has condemned Hamas attacks as "terrorism" and has taken a hard line against Islamist terrorism.'],
      ['', 11, 'Russia has also maintained relations with Israel.'],
      ['Immediate post-Soviet relations', 22, 'In 2005, Russian Deputy Foreign Minister Mikhail Bogdanov reaffirmed Russia\'s position that Russia did not consider Hamas a terrorist group as "an integral part of Palestinian society."'],
    ]);
  });

  it('keeps unmarked sentences before a marker as that claim\'s context', () => {
    expect(article.claims.filter((c) => c.context).map((c) => [c.refs, c.context?.slice(0, 30)])).toEqual([
      [[1], 'Russia has diplomatic relation'],
      [[2], 'After the collapse of the Sovi'], // … and the verbless tail `and the Chechen Republic of Ichkeria.`
      [[2], 'Relations warmed sharply after'],
      [[2], 'Since 2006, regular meetings h'],
      [[1], 'The following year, in 2007, P'],
      [[16, 17], "Amid the war's hostage crisis,"],
    ]);
  });
});

describe('seed article: reference list', () => {
  it('reads 19 references with their back-link counts', () => {
    expect(article.references.map((r) => r.id)).toEqual([...Array(19).keys()].map((i) => i + 1));
    expect(article.references.map((r) => r.uses)).toEqual([4, 4, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('reads dates as ISO and leaves them out where the row has none', () => {
    expect(article.references.map((r) => r.date)).toEqual([
      '2023-10-25', '2021-03-21', '2023-12-10', '2023-10-13', '2023-10-18', undefined, undefined, '2023-10-23',
      undefined, '2023-11-06', '2023-10-26', '2023-11-03', '2023-10-10', '2023-10-13', '2023-10-26', '2023-11-26',
      '2023-11-29', '2023-12-28', '2023-12-28',
    ]);
  });

  it('reads titles, publishers, languages, access dates and authors', () => {
    const byId = new Map(article.references.map((r) => [r.id, r]));
    expect(byId.get(2)).toMatchObject({ language: 'ru', publisher: 'Meduza', accessDate: '2023-11-30',
      title: 'Рассказываем об истории отношений России с ХАМАС — главным врагом Израиля в эти дни' });
    expect(byId.get(5)).toMatchObject({ publisher: 'The Times of India', title: 'Putin speaks to Netanyahu about Gaza conflict, promises measures to prevent escalation' });
    expect(byId.get(9)).toMatchObject({ authors: ['UN News'], publisher: 'X (formerly Twitter)' });
    expect(byId.get(12)).toMatchObject({ authors: ['Steven Lee Myers', 'Sheera Frenkel'], publisher: 'The New York Times', accessDate: '2023-11-06' });
    expect(byId.get(13)).toMatchObject({ authors: ['The Moscow Times'], title: 'Putin Says U.S. Foreign Policy Failure Behind Israel-Hamas War' });
    expect(byId.get(17)?.title).toBe("Hamas to release two Russian hostages in act of 'appreciation' to Putin");
    expect(article.references.filter((r) => r.language).map((r) => r.id)).toEqual([2]);
    expect(article.references.filter((r) => r.accessDate === undefined).map((r) => r.id)).toEqual([1, 3, 10, 17, 18, 19]);
  });

  it('finds the back-link counts agree with the markers: no findings', () => {
    expect(article.findings).toEqual([]);
  });
});
