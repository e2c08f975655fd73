// The verdict of one citation (link status × claim match) and of a claim (the best of its citations).
import type { Citation, LinkStatus, Verdict } from '../types.js';
import type { ClaimMatch } from './match.js';

/**
 * Thresholds (README material). ClaimMatch.score is the weighted share of the claim's key phrases
 * found in the best evidence window (PHRASE_WEIGHTS: quote, number, date, given 3; name 2; word 1;
 * across languages words and quotes weigh 0 and a capitalised word counts as a name).
 *
 * - SUPPORTED_MIN_SCORE = 0.7: `supported` also needs every quote, number, date and given phrase
 *   found, nothing contradicted, the same negation, a strong layer (not boilerplate), and, on a
 *   page in another language than the claim, at least one given phrase.
 * - PARTIAL_MIN_SCORE = 0.45: below it the page was read but says too little of the claim:
 *   `unsupported`. At or above it without meeting `supported`: `partial`.
 * - A contradicted number or date (the source puts a different one next to the same words), or a
 *   negation flip on an otherwise full match: `unsupported`.
 * - Matching (find.ts, names.ts, persons.ts, negation.ts, conflict.ts, window.ts, match.ts):
 *   QUOTE_MAX_EDIT_RATIO = 0.12 and GIVEN_MAX_EDIT_RATIO = 0.15 edits per character, word for word;
 *   NAME_MAX_EDIT_RATIO = 0.2 on the transliteration skeleton, exact for names of at most
 *   NAME_EXACT_MAX_LENGTH = 5 letters; a different first name or gendered surname is another person;
 *   numbers: rounding covers half a unit of the last digit but at most ROUNDING_MAX_SHARE = 0.05 of
 *   the value (HEDGE_MAX_SHARE = 0.1 after "about", "some", "около"…); CONTEXT_TOKENS = 8 either side
 *   of a number, within its sentence; negation cues reach their clause (CLAUSE_REACH = 16 tokens),
 *   "no"/"не" NEGATION_REACH = 3; quotes, numbers and dates count only inside the evidence window
 *   (2 × claim words, WINDOW_MIN_TOKENS = 24 to WINDOW_MAX_TOKENS = 90); SNIPPET_MAX_CHARS = 300;
 *   MIN_READABLE_WORDS = 8; a match only in the whole-page layer is always weak.
 *
 * The two score thresholds were set on the first 74 evaluation cases, then checked on 25 holdout
 * cases written before running them (tests/eval/cases-holdout*.ts: 22 of 25 right at first run).
 */
export const SUPPORTED_MIN_SCORE = 0.7;
export const PARTIAL_MIN_SCORE = 0.45;

/**
 * Order of a claim's verdict, best first. A claim is as well supported as its best citation.
 * `unverifiable` ranks above `unsupported` because the unread source may still hold the claim (a
 * reviewer must look), while `unsupported` is a read page that does not; `broken` ranks below both
 * because there is no page at all, and `missing` (no URL) is the least a citation can be.
 */
export const VERDICT_ORDER = [
  'supported', 'partial', 'unverifiable', 'unsupported', 'broken', 'missing',
] as const satisfies readonly Verdict[];

type Route = 'missing' | 'broken' | 'unverifiable' | 'read' | 'paywall';

/** What each link status allows: only a page that was read can be judged on its content. */
const ROUTES = {
  ok: 'read', redirected: 'read', paywalled: 'paywall',
  dead: 'broken', 'soft-404': 'broken', 'invalid-url': 'broken',
  'no-url': 'missing',
  blocked: 'unverifiable', timeout: 'unverifiable', error: 'unverifiable', 'private-address': 'unverifiable',
} as const satisfies Record<LinkStatus, Route>;

/** Only a page that was read (ok, redirected, paywalled teaser) is matched against the claim. */
export function isReadStatus(linkStatus: LinkStatus): boolean {
  const route: Route = ROUTES[linkStatus];
  return route === 'read' || route === 'paywall';
}

function contentVerdict(m: ClaimMatch): { verdict: Verdict; reason: string } {
  const found = m.matched.length;
  const total = found + m.missing.length;
  const where = m.evidence?.weak ? 'only in page boilerplate (navigation, related links)' : `in the ${m.evidence?.layer ?? 'page'} text`;
  const first = m.contradictions[0];
  if (first) return { verdict: 'unsupported', reason: `${first.claim} contradicted: source says ${first.source}` };
  if (m.speaker) return { verdict: 'unsupported', reason: `the source gives this to ${m.speaker.source}, not ${m.speaker.claim}` };
  // the reference's given phrases (or quote) all found: they decide
  if (m.givenCount > 0 && m.givenFound === m.givenCount && !m.evidence?.weak && !m.negationMismatch && m.opposed.length === 0) {
    return { verdict: 'supported', reason: `all ${m.givenCount} given phrase${m.givenCount === 1 ? '' : 's'} found ${where}` };
  }
  if (m.score < PARTIAL_MIN_SCORE) {
    return { verdict: 'unsupported', reason: `page read, but only ${found} of ${total} key phrases found together` };
  }
  const complete = m.requiredMissing.length === 0 && m.score >= SUPPORTED_MIN_SCORE && !m.evidence?.weak;
  // everything matches but the polarity: the source says the opposite of the claim
  if (m.negationMismatch && complete) return { verdict: 'unsupported', reason: 'the source says the opposite (negation differs)' };
  const blockers: string[] = [];
  if (m.requiredMissing.length > 0) blockers.push(`not found: ${m.requiredMissing.slice(0, 3).join(', ')}`);
  if (m.negationMismatch) blockers.push('negation differs between claim and source');
  if (m.opposed.length > 0) blockers.push(`the source says the opposite: ${m.opposed.join(', ')}`);
  if (m.evidence?.weak) blockers.push('found only in page boilerplate');
  if (m.crossLanguage && m.givenCount === 0 && m.crossBlock) blockers.push(m.crossBlock);
  if (m.score < SUPPORTED_MIN_SCORE) blockers.push(`only ${found} of ${total} key phrases found ${where}`);
  if (blockers.length > 0) return { verdict: 'partial', reason: blockers.join('; ') };
  return { verdict: 'supported', reason: `${found} of ${total} key phrases found ${where}` };
}

/** Judge one citation. `match` undefined means the page was not read. */
export function judgeCitation(input: { ref: number; linkStatus: LinkStatus; linkReason: string; match?: ClaimMatch }): Citation {
  const { ref, linkStatus, linkReason, match } = input;
  const base = { ref, linkStatus, score: 0, matched: match?.matched ?? [], missing: match?.missing ?? [] };
  const route: Route = ROUTES[linkStatus];
  if (route === 'missing') return { ...base, verdict: 'missing', reason: linkReason || 'no URL for this reference' };
  if (route === 'broken') return { ...base, verdict: 'broken', reason: `${linkStatus}: ${linkReason}` };
  if (route === 'unverifiable') return { ...base, verdict: 'unverifiable', reason: `${linkReason}: cannot verify` };
  if (!match) return { ...base, verdict: 'unverifiable', reason: 'page not read: cannot verify' };
  if (!match.hasText) return { ...base, verdict: 'unverifiable', reason: `page has no readable text (${linkReason}): cannot verify` };
  const judged = contentVerdict(match);
  // Say so whenever the page is in another language: the reviewer reads a translation of the claim.
  if (match.crossLanguage && !judged.reason.includes('another language')) judged.reason += ' (source in another language)';
  if (match.notes.length > 0 && judged.verdict !== 'unsupported') judged.reason += `; ${match.notes.join('; ')}`;
  const evidence = match.evidence ? { evidence: match.evidence } : {};
  if (route === 'paywall' && judged.verdict === 'unsupported') {
    return { ...base, ...evidence, score: match.score, verdict: 'unverifiable',
      reason: `paywalled and the accessible text lacks the claim (it may be behind the wall): ${linkReason}` };
  }
  return { ...base, ...evidence, score: match.score, verdict: judged.verdict, reason: judged.reason };
}

/** A claim's verdict: the best of its citations by VERDICT_ORDER (`missing` when it has none). */
export function claimVerdict(citations: readonly Citation[]): Verdict {
  let best: Verdict = 'missing';
  for (const c of citations) {
    if (VERDICT_ORDER.indexOf(c.verdict) < VERDICT_ORDER.indexOf(best)) best = c.verdict;
  }
  return best;
}
