import { describe, expect, it } from 'vitest';
import { findFacts } from '../src/judge/facts.js';
import { normalize } from '../src/judge/normalize.js';
import { isPageDate, relativeFacts } from '../src/judge/when.js';
import { matchClaim } from '../src/judge/match.js';
import { extractKeyPhrases } from '../src/judge/phrases.js';
import type { Page } from '../src/types.js';

const dates = (text: string, published: string) => relativeFacts(normalize(text).text, published).map((f) => [f.relative, f.date]);

describe('relative dates', () => {
  it('resolves weekdays to the most recent one on or before the publication day', () => {
    // 14 March 2024 was a Thursday
    expect(dates('Holm on Thursday presented a budget; on Monday he met unions.', '2024-03-14T16:00:00Z')).toEqual([
      ['on thursday', { y: 2024, m: 3, d: 14 }], ['on monday', { y: 2024, m: 3, d: 11 }]]);
  });

  it('resolves yesterday, last week, last month and last year, in Russian and German too', () => {
    expect(dates('Yesterday unions struck. Last week rates held. Last month she resigned. Last year it rose.', '2024-03-14'))
      .toEqual([['yesterday', { y: 2024, m: 3, d: 13 }], ['last week', { y: 2024, m: 3 }], ['last month', { y: 2024, m: 2 }], ['last year', { y: 2023 }]]);
    expect(dates('Лавров в четверг заявил, а вчера встретился.', '2023-12-28')).toEqual([
      ['в четверг', { y: 2023, m: 12, d: 28 }], ['вчера', { y: 2023, m: 12, d: 27 }]]);
    expect(dates('Scholz hat am Dienstag gesprochen.', '2023-03-09')).toEqual([['am dienstag', { y: 2023, m: 3, d: 7 }]]);
  });

  it('leaves pages without a publication date and future expressions alone', () => {
    expect(dates('On Thursday he spoke.', '')).toEqual([]);
    expect(dates('A strike is called for next month.', '2024-03-14')).toEqual([]);
  });
});

describe('page dates', () => {
  const pageDates = (text: string) => {
    const norm = normalize(text);
    return findFacts(norm.text).filter((f) => f.kind === 'date' && isPageDate(text, norm, f)).map((f) => norm.text.slice(f.start, f.end));
  };
  it('knows datelines, "Published" lines and bylines from event dates', () => {
    expect(pageDates('MOSCOW, Oct 17 (Wire) - Putin spoke on 16 October 2023 with Netanyahu, the Kremlin said in a statement.')).toEqual(['oct 17']);
    expect(pageDates('Published 10 June 2022.\nThe museum reopened on 7 June 2022 after a long renovation of its halls.')).toEqual(['10 june 2022']);
    expect(pageDates('By a staff reporter · 2024-03-14\nOn 12 March 2024 the council met to discuss the budget for next year.')).toEqual(['2024-03-14']);
  });
});

describe('the date of the claim\'s event', () => {
  const page = (text: string, publishedDate: string): Page => ({ contentType: 'text/html', charset: 'utf-8', publishedDate,
    layers: [{ layer: 'main', text }], signals: {} });
  const lavrov = page('Foreign Minister Sergei Lavrov on Thursday said the goals Israel had declared for its operation in Gaza were nearly identical to the goals Russia set out in February 2022 for its operation in Ukraine.', '2023-12-28');
  const judge = (claim: string, p: Page) => matchClaim(claim, extractKeyPhrases(claim), p);

  it('a date elsewhere in the sentence does not contradict the claim\'s event, the resolved one supports it', () => {
    const m = judge('In December 2023, Lavrov said the goals of Israel\'s operation in Gaza were nearly identical to Russia\'s goals in Ukraine.', lavrov);
    expect(m.contradictions).toEqual([]);
    expect(m.notes.join()).toContain('December 2023 read from "on thursday" (published 2023-12-28)');
  });

  it('another event\'s date in the sentence is a contradiction naming the resolved date', () => {
    const m = judge('In February 2022, Lavrov said the goals of Israel\'s operation in Gaza were nearly identical to Russia\'s goals.', lavrov);
    expect(m.contradictions).toEqual([{ claim: 'February 2022', source: 'on Thursday (28 December 2023)' }]);
  });

  it('a claim with two dates is not contradicted by its own other date (a range stated verbatim)', () => {
    const sentence = 'The harbour master recorded 37 wrecks on the northern reef between 1850 and 1900.';
    const m = judge(sentence, page(`${sentence} The records are kept in the museum.`, '2020-01-01'));
    expect(m.contradictions).toEqual([]);
    expect(m.missing).toEqual([]);
  });
});
