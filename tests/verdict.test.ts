import { describe, expect, it } from 'vitest';
import type { ClaimMatch } from '../src/judge/match.js';
import { claimVerdict, judgeCitation, PARTIAL_MIN_SCORE, SUPPORTED_MIN_SCORE, VERDICT_ORDER } from '../src/judge/verdict.js';
import { LINK_STATUSES, VERDICTS, type Citation, type LinkStatus, type Verdict } from '../src/types.js';

function matchWith(over: Partial<ClaimMatch> = {}): ClaimMatch {
  return { score: 1, matched: ['16', 'killed'], missing: [], contradicted: [], crossLanguage: false, hasText: true,
    requiredMissing: [], contradictions: [], negationMismatch: false, givenCount: 0, opposed: [], notes: [], givenFound: 0,
    evidence: { snippet: '16 people were killed', layer: 'main', weak: false }, ...over };
}

const NONE = matchWith({ score: 0, matched: [], missing: ['16', 'killed'], requiredMissing: ['16'], evidence: undefined });

describe('judgeCitation: every link status', () => {
  it.each<[LinkStatus, Verdict, Verdict]>([
    // status, verdict with a full match, verdict with nothing found
    ['ok', 'supported', 'unsupported'],
    ['redirected', 'supported', 'unsupported'],
    ['paywalled', 'supported', 'unverifiable'],
    ['dead', 'broken', 'broken'],
    ['soft-404', 'broken', 'broken'],
    ['invalid-url', 'broken', 'broken'],
    ['no-url', 'missing', 'missing'],
    ['blocked', 'unverifiable', 'unverifiable'],
    ['timeout', 'unverifiable', 'unverifiable'],
    ['error', 'unverifiable', 'unverifiable'],
    ['private-address', 'unverifiable', 'unverifiable'],
  ])('%s → %s (facts found) / %s (facts absent)', (linkStatus, withFacts, without) => {
    expect(judgeCitation({ ref: 1, linkStatus, linkReason: 'r', match: matchWith() }).verdict).toBe(withFacts);
    expect(judgeCitation({ ref: 1, linkStatus, linkReason: 'r', match: NONE }).verdict).toBe(without);
  });

  it('covers every link status in the table above', () => {
    expect(LINK_STATUSES.length).toBe(11);
  });

  it.each(LINK_STATUSES.filter((s) => s !== 'ok' && s !== 'redirected'))(
    'never judges %s unsupported, whatever the match says', (linkStatus) => {
      for (const match of [undefined, NONE, matchWith({ score: 0.1 }), matchWith({ hasText: false })]) {
        expect(judgeCitation({ ref: 1, linkStatus, linkReason: 'r', match }).verdict).not.toBe('unsupported');
      }
    });

  it.each<[string, ClaimMatch | undefined]>([
    ['page not read', undefined],
    ['no readable text', matchWith({ hasText: false, score: 0 })],
  ])('an ok link whose page was not usable is unverifiable (%s)', (_name, match) => {
    expect(judgeCitation({ ref: 1, linkStatus: 'ok', linkReason: '200 OK', match }).verdict).toBe('unverifiable');
  });
});

describe('judgeCitation: content rules', () => {
  const judge = (over: Partial<ClaimMatch>) => judgeCitation({ ref: 2, linkStatus: 'ok', linkReason: '200 OK', match: matchWith(over) });

  it.each<[string, Partial<ClaimMatch>, Verdict]>([
    ['full match', {}, 'supported'],
    ['at the supported threshold', { score: SUPPORTED_MIN_SCORE }, 'supported'],
    ['just below it', { score: SUPPORTED_MIN_SCORE - 0.01 }, 'partial'],
    ['at the partial threshold', { score: PARTIAL_MIN_SCORE }, 'partial'],
    ['below the partial threshold', { score: PARTIAL_MIN_SCORE - 0.01 }, 'unsupported'],
    ['a required phrase missing', { requiredMissing: ['16'] }, 'partial'],
    ['a contradicted number', { contradicted: ['17'], contradictions: [{ claim: '17', source: '16' }] }, 'unsupported'],
    ['negation flip on an otherwise full match', { negationMismatch: true }, 'unsupported'],
    ['negation flip on a partial match', { negationMismatch: true, score: 0.5 }, 'partial'],
    ['an opposite verb in the evidence', { opposed: ['kept ↔ lost'] }, 'partial'],
    ['weak (boilerplate) evidence', { evidence: { snippet: 's', layer: 'page', weak: true } }, 'partial'],
    ['cross-language, anchors that do not align', { crossLanguage: true, givenCount: 0, crossBlock: 'across languages only 1 anchor found together' }, 'partial'],
    ['cross-language, anchors aligned', { crossLanguage: true, givenCount: 0 }, 'supported'],
    ['given phrases all found decide over a low score', { givenCount: 2, givenFound: 2, score: 0.3 }, 'supported'],
    ['cross-language with given phrases found', { crossLanguage: true, givenCount: 2 }, 'supported'],
  ])('%s → %s', (_name, over, expected) => {
    expect(judge(over).verdict).toBe(expected);
  });

  it('carries the score, matched/missing phrases and the evidence', () => {
    const c = judge({ score: 0.8 });
    expect(c).toMatchObject({ ref: 2, score: 0.8, matched: ['16', 'killed'], linkStatus: 'ok', evidence: { layer: 'main' } });
    expect(c.reason.length).toBeGreaterThan(0);
  });
});

describe('claimVerdict', () => {
  const cite = (verdict: Verdict): Citation => ({ ref: 1, verdict, score: 0, linkStatus: 'ok', matched: [], missing: [], reason: '' });

  it('orders every verdict exactly once', () => {
    expect([...VERDICT_ORDER].sort()).toEqual([...VERDICTS].sort());
  });

  it.each<[Verdict[], Verdict]>([
    [[], 'missing'],
    [['broken', 'supported'], 'supported'],
    [['unsupported', 'partial'], 'partial'],
    [['unsupported', 'unverifiable'], 'unverifiable'],
    [['broken', 'unsupported'], 'unsupported'],
    [['missing', 'broken'], 'broken'],
    [['missing'], 'missing'],
  ])('%j → %s', (verdicts, expected) => {
    expect(claimVerdict(verdicts.map(cite))).toBe(expected);
  });
});
