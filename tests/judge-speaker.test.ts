import { describe, expect, it } from 'vitest';
import { findActor, textBefore } from '../src/judge/speaker.js';
import { matchClaim } from '../src/judge/match.js';
import { extractKeyPhrases } from '../src/judge/phrases.js';
import type { Claim, Page } from '../src/types.js';

describe('the claim\'s actor', () => {
  it('is the name run before the verb, titles and roles left out', () => {
    expect(findActor('Club owner Marco Bellini criticised the referee.')).toMatchObject({ name: 'Marco Bellini', via: 'subject' });
    expect(findActor('In May 2010 Vladimir Putin met Khaled Mashal in Damascus.')).toMatchObject({ name: 'Vladimir Putin' });
    expect(findActor('According to Dmitry Peskov, the strike was illegal.')).toMatchObject({ name: 'Dmitry Peskov', via: 'according' });
  });

  it('resolves a pronoun from the sentence before, skipping clauses without a subject of their own', () => {
    expect(findActor('He also condemned the bombardments of Gaza.', 'Putin sent condolences to the families and said Israel had a right to defend itself.'))
      .toMatchObject({ name: 'Putin', via: 'pronoun', pronoun: 'He' });
    expect(findActor('He said the decision came too late.', 'Karl Moen, the opposition leader, spoke after the minister.'))
      .toMatchObject({ name: 'Karl Moen' });
    expect(findActor('He said so.', '')).toBeUndefined();
  });

  it('takes the text before from earlier claims on the same line and the claim\'s context', () => {
    const claim = (text: string, column: number, context?: string): Claim => ({ id: text, text, refs: [1], section: '', line: 4, column, ...(context ? { context } : {}) });
    const claims = [claim('Putin sent condolences.', 1), claim('and said Israel had a right to defend itself.', 30), claim('He also condemned it.', 80, 'An unmarked sentence.')];
    expect(textBefore(claims[2] as Claim, claims)).toBe('Putin sent condolences. and said Israel had a right to defend itself. An unmarked sentence.');
  });
});

describe('another person\'s words', () => {
  const page: Page = { contentType: 'text/html', charset: 'utf-8', signals: {}, layers: [{ layer: 'main', text:
    'Russian Foreign Minister Sergei Lavrov on Monday condemned the bombardment of the port.\nPresident Vladimir Putin said the talks with Turkey had been constructive.' }] };
  const judge = (claim: string, before?: string) => matchClaim(claim, extractKeyPhrases(claim), page, before ? { before } : {});

  it('are a conflict naming both people', () => {
    expect(judge('Vladimir Putin condemned the bombardment of the port.').speaker).toEqual({ claim: 'Vladimir Putin', source: 'Sergei Lavrov' });
    expect(judge('He also condemned the bombardment of the port.', 'Vladimir Putin spoke in Sochi.').speaker?.claim).toContain('"He" in the claim');
  });

  it('are no conflict when the claim names the source\'s speaker', () => {
    expect(judge('Lavrov condemned the bombardment of the port.').speaker).toBeUndefined();
    expect(judge('Putin said the talks with Turkey had been constructive.').speaker).toBeUndefined();
  });
});
