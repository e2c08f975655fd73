import { describe, expect, it } from 'vitest';
import { matchClaim } from '../src/judge/match.js';
import { extractKeyPhrases } from '../src/judge/phrases.js';
import { judgeCitation } from '../src/judge/verdict.js';
import { isNegationAt } from '../src/judge/words.js';
import type { Page } from '../src/types.js';

const PAD = 'Diplomats in the region followed the talks closely, and analysts offered a range of views on what the contacts might mean.';

function verdictOf(claim: string, source: string) {
  const page: Page = { contentType: 'text/html', charset: 'utf-8', language: 'en', signals: {},
    layers: [{ layer: 'main', text: `${PAD} ${source} ${PAD}` }] };
  const match = matchClaim(claim, extractKeyPhrases(claim), page);
  return { match, verdict: judgeCitation({ ref: 1, linkStatus: 'ok', linkReason: '200 OK', match }).verdict };
}

describe('negation in the source', () => {
  it.each([
    ['a cue far before the verb, over a parenthesis', 'Russia designated Hamas a terrorist organisation.',
      'Russia has not, unlike the United States and the European Union and several others, ever designated Hamas a terrorist organisation.', 'unsupported'],
    ['never, over a long aside', 'Putin has met Haniyeh in Moscow.',
      'Putin has never, in all his years in the Kremlin and despite repeated invitations, met Haniyeh in Moscow.', 'unsupported'],
    ['failed to', 'The Security Council adopted the Russian resolution on Gaza.',
      'The Security Council failed to adopt the Russian resolution on Gaza on Monday.', 'unsupported'],
    ['not only … but also affirms', 'Russia condemned the attack on Israel.',
      'Russia not only condemned the attack on Israel but also called for a ceasefire.', 'supported'],
    ['a noun negation after the claim words', 'Russia condemned the killing of civilians in Israel.',
      'Russia condemned the killing of civilians in Israel, saying there could be no justification for the attack.', 'supported'],
    ['a negated relative clause', 'Russia condemned the attack on Israel.',
      'Russia, which did not attend the summit, condemned the attack on Israel on Saturday.', 'supported'],
    ['a negation in another clause', 'Russia condemned the attack on Israel.',
      'The ministry did not comment further, but Russia condemned the attack on Israel on Saturday.', 'supported'],
  ])('%s', (_label, claim, source, expected) => {
    expect(verdictOf(claim, source).verdict).toBe(expected);
  });

  it('reads rejected as the opposite of adopted', () => {
    const { match, verdict } = verdictOf('The Security Council adopted the Russian resolution on Gaza.',
      'The Security Council rejected the Russian resolution on Gaza on Monday.');
    expect(match.opposed.length).toBeGreaterThan(0);
    expect(verdict).not.toBe('supported');
  });

  it.each([
    [['failed', 'to', 'adopt'], 0, true],
    [['failed', 'exams'], 0, false],
    [['not', 'only', 'condemned'], 0, false],
    [['не', 'только', 'осудила'], 0, false],
    [['didn', 't', 'go'], 1, true],
  ])('isNegationAt(%j, %i) → %s', (tokens, i, expected) => {
    expect(isNegationAt(tokens, i)).toBe(expected);
  });
});
