import { describe, expect, it } from 'vitest';
import { quoteFits } from '../src/judge/quote-fit.js';
import { extractKeyPhrases, findPredicate, findSubject, PHRASE_WEIGHTS } from '../src/judge/phrases.js';
import type { PhraseKind } from '../src/types.js';

const of = (claim: string, kind: PhraseKind, given?: string[]) =>
  extractKeyPhrases(claim, given).filter((p) => p.kind === kind).map((p) => p.text);

describe('extractKeyPhrases', () => {
  it.each([
    ['straight quotes', 'He said the group "would never recognise Israel" on TV.', ['would never recognise Israel']],
    ['curly quotes', 'He called it “an outrageous waste” of money.', ['an outrageous waste']],
    ['guillemets', 'Он назвал их «абсолютно беспочвенными».', ['абсолютно беспочвенными']],
    ['single curly quotes around a phrase', 'It was ‘a historic moment for the country’, she said.', ['a historic moment for the country']],
    ['apostrophes are not quotes', "The company's chief said it wasn't over.", []],
  ])('quotes: %s', (_name, claim, expected) => {
    expect(of(claim, 'quote')).toEqual(expected);
  });

  it.each([
    ['grouped thousands', 'About 1,200 people were killed.', ['1,200']],
    ['amount with currency', 'The Treasury paid £412,000 to the firm.', ['£412,000']],
    ['percentage', 'Prices rose 12% last year.', ['12%']],
    ['scaled amount', 'The telescope cost $10 billion.', ['$10 billion']],
    ['short scale after a currency sign', 'It cost £100m to build.', ['£100m']],
    ['number words from two up', 'The two leaders met for six hours.', ['two', 'six']],
    ['Russian decimal comma', 'Рубль укрепился до 97,5 за доллар.', ['97,5']],
  ])('numbers: %s', (_name, claim, expected) => {
    expect(of(claim, 'number')).toEqual(expected);
  });

  it.each([
    ['day month year', 'It happened on 25 October 2023 in the city.', ['25 October 2023']],
    ['month day, year', 'It happened on October 25, 2023 in the city.', ['October 25, 2023']],
    ['ISO', 'Released 2023-10-25 by the ministry.', ['2023-10-25']],
    ['month-day without year', 'On 14 October, police arrested three men.', ['14 October']],
    ['a bare year', 'She has lived there since 2006.', ['2006']],
    ['Russian date', 'Это произошло 20 августа 2020 года.', ['20 августа 2020']],
    ['a date ending the sentence keeps no full stop', 'Hamas freed 2 Russian hostages on 26 October.', ['26 October']],
    ['an abbreviated month keeps its stop', 'Talks began on 14 Oct. 2023 in Doha.', ['14 Oct. 2023']],
  ])('dates: %s', (_name, claim, expected) => {
    expect(of(claim, 'date')).toEqual(expected);
  });

  it.each([
    ['mid-sentence names', 'The report was written by Jane Macfarlane for the BBC.', ['Jane Macfarlane', 'BBC']],
    ['sentence-initial two-word name', 'Khaled Mashal said the group would fight on.', ['Khaled Mashal']],
    ['sentence-initial article dropped', 'The Guardian reported the story first.', ['Guardian']],
    ['sentence-initial common word is not a name', 'Protesters gathered outside.', []],
    ['sentence-initial single name', 'Iran supplied weapons to Hamas.', ['Iran', 'Hamas']],
    ['sentence-initial single name before a number', 'Hamas freed 2 Russian hostages.', ['Hamas', 'Russian']],
    ['sentence-initial adverb is not a name', 'Yesterday Russia expelled two diplomats.', ['Russia']],
    ['connector inside a name', 'It was approved by the Bank of England yesterday.', ['Bank of England']],
    ['month names are not names', 'It rained in Leeds on 3 March 2021.', ['Leeds']],
    ['Cyrillic names', 'Врачи заявили, что Алексей Навальный был отравлен.', ['Алексей Навальный']],
  ])('names: %s', (_name, claim, expected) => {
    expect(of(claim, 'name')).toEqual(expected);
  });

  it('ignores footnote markers left in the claim', () => {
    const phrases = extractKeyPhrases('About 1,200 people were killed.[3][4, p. 2]');
    expect(phrases.filter((p) => p.kind === 'number').map((p) => p.text)).toEqual(['1,200']);
  });

  it('content words drop stop words and duplicates by stem', () => {
    const words = of('The negotiations were negotiated by the ministers in the capital.', 'word');
    expect(words).toEqual(['negotiations', 'ministers', 'capital']);
  });

  it('negation cues are not content words', () => {
    expect(of('The army did not regain control.', 'word')).toEqual(['army', 'regain', 'control']);
  });

  it('given phrases are added with kind given and the given weight', () => {
    const phrases = extractKeyPhrases('Navalny fell ill on a flight.', ['почувствовал себя плохо', '  ']);
    const given = phrases.filter((p) => p.kind === 'given');
    expect(given).toEqual([{ kind: 'given', text: 'почувствовал себя плохо', weight: PHRASE_WEIGHTS.given }]);
  });

  it.each([
    ['Iran supplied weapons to Hamas.', 'Iran'],
    ['On 26 October, Russia hosted a Hamas delegation.', 'Russia'],
    ['In 2023, a Hamas delegation visited Moscow.', 'Hamas'],
    ['The Security Council adopted the resolution.', 'Security Council'],
    ['According to the BBC, Russia hosted the talks.', undefined],
    ['Prices rose in Moscow.', undefined],
  ])('the subject of %s is %s', (claim, expected) => {
    const phrases = extractKeyPhrases(claim);
    expect(phrases[findSubject(claim, phrases)]?.text).toBe(expected);
  });

  it.each([
    ['Hamas freed 2 Russian hostages on 26 October.', 'freed'],
    ['Russia pledged $1 billion in aid.', 'pledged'],
    ['Putin met Haniyeh in Moscow.', 'met'],
    ['The telescope is large.', undefined],
    ['Банк России повысил ставку.', undefined],
  ])('the predicate of %s is %s', (claim, expected) => {
    const phrases = extractKeyPhrases(claim);
    const lang = /[а-я]/i.test(claim) ? 'ru' : 'en';
    expect(phrases[findPredicate(phrases, lang)]?.text).toBe(expected);
  });

  it('facts weigh more than names, names more than words', () => {
    expect(PHRASE_WEIGHTS.quote).toBeGreaterThan(PHRASE_WEIGHTS.name);
    expect(PHRASE_WEIGHTS.number).toBeGreaterThan(PHRASE_WEIGHTS.name);
    expect(PHRASE_WEIGHTS.name).toBeGreaterThan(PHRASE_WEIGHTS.word);
  });
});

describe('quoteFits: does a reused reference\'s quote speak to this claim?', () => {
  it.each([
    ['The city council approved a budget of 4.2 million dollars for the new library.', 'approved a budget of 4.2 million dollars', true],
    ['The Alder Bay Folk Festival, held each August since 1972.', 'first held on the harbour wall in 1972', true],
    ['The council chose the new site after a public vote.', 'approved a budget of 4.2 million dollars', false],
    // One word in common (landings) is not enough.
    ['Herring landings collapsed in the 1970s', 'landings fell by nine tenths between 1965 and 1977', false],
  ])('%s ← "%s": %s', async (claim, quote, fits) => {
    expect(await quoteFits(claim, quote)).toBe(fits);
  });
});
