// Table-driven tests of the reference-list row parser, dates, languages and the self-check findings.
import { describe, expect, it } from 'vitest';
import { normaliseDate } from '../src/article/dates.js';
import { checkReferenceList } from '../src/article/findings.js';
import { languageCodeOf } from '../src/article/languages.js';
import { parseAuthors, parseReferenceRow } from '../src/article/references-list.js';
import type { ListedReference } from '../src/types.js';

describe('normaliseDate', () => {
  it.each([
    ['25 October 2023', '2023-10-25'], ['6 November 2023', '2023-11-06'], ['October 25, 2023', '2023-10-25'],
    ['2023-10-13', '2023-10-13'], ['Oct 5, 2023', '2023-10-05'], ['5 Sept. 2021', '2021-09-05'],
    ['March 1950', '1950-03'], ['1999', '1999'], ['2023-10', '2023-10'], ['21 марта 2021', '2021-03-21'],
    ['31 February 2023', undefined], ['2023-13-01', undefined], ['Reuters', undefined], ['12', undefined],
    ['n.d.', undefined],
    // leap days, month lengths and the first two centuries (which Date.UTC reads as 19xx)
    ['29 February 2024', '2024-02-29'], ['29 February 2023', undefined], ['29 February 1900', undefined],
    ['29 February 2000', '2000-02-29'], ['31 April 2020', undefined], ['0 May 2020', undefined],
    ['2020-00-10', undefined], ['0099-05-01', undefined], ['0100-05-01', '100-05-01'], ['Regional Gazette 2019', undefined],
  ])('%j → %j', (written, iso) => {
    expect(normaliseDate(written)).toBe(iso);
  });
});

describe('languageCodeOf', () => {
  it.each([['Russian', 'ru'], ['russian', 'ru'], ['Ukrainian', 'uk'], ['Hebrew', 'he'],
    ['Russian and English', 'ru'], ['Klingon', undefined]])('%s → %s', (name, code) => {
    expect(languageCodeOf(name)).toBe(code);
  });
});

describe('parseAuthors', () => {
  it.each([
    ['Dubow, Ben', ['Ben Dubow']],
    ['Times, The Moscow', ['The Moscow Times']],
    ['Myers, Steven Lee; Frenkel, Sheera', ['Steven Lee Myers', 'Sheera Frenkel']],
    ['UN News [@UN_News_Centre].', ['UN News']],
    ['Smith, Ann; et al.', ['Ann Smith']],
    ['', []],
  ])('%j', (text, authors) => {
    expect(parseAuthors(text)).toEqual(authors);
  });
});

describe('parseReferenceRow', () => {
  it.each<[string, string, Partial<ListedReference>]>([
    ['back-links and a day-month-year date',
      '  1. 1 2 3 4 "Why Russia and Hamas Are Growing Closer". Carnegie Endowment for International Peace. 25 October 2023.',
      { id: 1, uses: 4, title: 'Why Russia and Hamas Are Growing Closer', publisher: 'Carnegie Endowment for International Peace', date: '2023-10-25' }],
    ['language and retrieved date',
      '  2. 1 2 "Рассказываем". Meduza (in Russian). 2021-03-21. Retrieved 30 November 2023.',
      { id: 2, uses: 2, title: 'Рассказываем', publisher: 'Meduza', language: 'ru', date: '2021-03-21', accessDate: '2023-11-30' }],
    ['no back-link run means one use; ISSN removed',
      '  5. "Putin speaks". The Times of India. 2023-10-18. ISSN   0971-8257 . Retrieved 2023-11-30.',
      { id: 5, uses: 1, title: 'Putin speaks', publisher: 'The Times of India', date: '2023-10-18', accessDate: '2023-11-30' }],
    ['author and date before the title',
      '  11. Dubow, Ben (2023-10-26). "Russia Winks to Old Friends in Hamas". CEPA. Retrieved 2023-11-06.',
      { id: 11, authors: ['Ben Dubow'], date: '2023-10-26', title: 'Russia Winks to Old Friends in Hamas', publisher: 'CEPA' }],
    ['tweet author handle',
      '  9. UN News [@UN_News_Centre]. "Canada-led amendment fails". X (formerly Twitter). Retrieved 2023-11-30.',
      { authors: ['UN News'], title: 'Canada-led amendment fails', publisher: 'X (formerly Twitter)', accessDate: '2023-11-30' }],
    ['archive note removed',
      '  16. "Hamas thanks Putin". The Telegraph. 2023-11-26. Archived from the original on 2023-11-26. Retrieved 2023-11-29.',
      { title: 'Hamas thanks Putin', publisher: 'The Telegraph', date: '2023-11-26', accessDate: '2023-11-29' }],
    ['single quotes and a question mark inside the title',
      '  19. "Objectives \'nearly Identical\' – Did Lavrov Shift?". Palestine Chronicle. 28 December 2023.',
      { title: "Objectives 'nearly Identical' – Did Lavrov Shift?", publisher: 'Palestine Chronicle', date: '2023-12-28' }],
    ['U.S. inside a publisher and a month-day-year date',
      '  3. "Title". U.S. News & World Report. October 25, 2023.',
      { publisher: 'U.S. News & World Report', date: '2023-10-25' }],
    ['a domain as publisher',
      '  8. "Russia condemns". tass.com. 23 October 2023. Retrieved 2023-11-30.',
      { publisher: 'tass.com', date: '2023-10-23' }],
    ['caret and letter back-links',
      '  3. ^ a b c "Title here". Publisher Name. 2020.', { uses: 3, title: 'Title here', publisher: 'Publisher Name', date: '2020' }],
    ['mobile "Jump up to" back-links',
      '  3. ^ Jump up to: a b "Title here". Publisher Name.', { uses: 2, title: 'Title here' }],
    ['an unquoted book title',
      '  4. Smith, Anna (1999). A History of the Island. Island Press.',
      { authors: ['Anna Smith'], date: '1999', title: 'A History of the Island', publisher: 'Island Press' }],
  ])('%s', (_, raw, expected) => {
    const ref = parseReferenceRow(raw, 10);
    expect(ref).toMatchObject({ ...expected, line: 10 });
    expect(ref?.title).not.toMatch(/ISSN|Archived|Retrieved|"/);
    expect(ref?.publisher ?? '').not.toMatch(/ISSN|Archived|Retrieved|\(in /);
  });

  it('leaves out what the row does not say', () => {
    const ref = parseReferenceRow('  7. "Russia says". Al Jazeera. Retrieved 2023-11-30.', 1);
    expect(ref?.date).toBeUndefined();
    expect(ref?.authors).toBeUndefined();
    expect(ref?.language).toBeUndefined();
  });

  it('is undefined for a line that is not a numbered row', () => {
    expect(parseReferenceRow('References', 1)).toBeUndefined();
  });
});

describe('checkReferenceList', () => {
  const ref = (id: number, uses: number): ListedReference => ({ id, uses, title: `T${id}`, line: 100 + id, raw: '' });
  const marks = (...refs: number[]) => refs.map((r) => ({ ref: r, line: 5 }));
  it.each([
    ['all agree', marks(1, 1, 2), [ref(1, 2), ref(2, 1)], []],
    ['fewer markers than back-links', marks(1), [ref(1, 2)], [['uses-mismatch', 1]]],
    ['more markers than back-links', marks(1, 1, 1), [ref(1, 2)], [['uses-mismatch', 1]]],
    ['a reference never cited', marks(1), [ref(1, 1), ref(2, 1)], [['reference-never-cited', 2]]],
    ['a marker without reference', marks(1, 3), [ref(1, 1)], [['marker-without-reference', 3]]],
    ['no reference list at all', marks(2, 1), [], [['marker-without-reference', 1], ['marker-without-reference', 2]]],
  ])('%s', (_, markers, references, expected) => {
    expect(checkReferenceList(markers, references).map((f) => [f.kind, f.ref])).toEqual(expected);
  });

  it('points a list finding at the list row and a marker finding at the body line', () => {
    const [never, stray] = checkReferenceList([{ ref: 9, line: 34 }], [ref(8, 1)]);
    expect(never).toMatchObject({ kind: 'reference-never-cited', line: 108 });
    expect(stray).toMatchObject({ kind: 'marker-without-reference', line: 34 });
  });
});
