// Gives each claim an id that survives edits elsewhere in the article: a hash of its own text.
import { hash } from 'node:crypto';
import { normalizeText } from '../judge/normalize.js';
import type { Claim } from '../types.js';
import type { DraftClaim } from './claims.js';

/** Folds what an editor's retyping changes without changing the claim: case, quotes, dashes, spaces. */
export function normaliseClaimText(text: string): string {
  return normalizeText(text).trim();
}

/**
 * `c` + 8 hex digits of SHA-256 over the normalised text. The footnote numbers are left out on
 * purpose: inserting a reference earlier in a Wikipedia article renumbers every later footnote,
 * which is an edit elsewhere. Identical texts get `-2`, `-3`… in article order.
 */
export function assignClaimIds(drafts: DraftClaim[]): Claim[] {
  const seen = new Map<string, number>();
  return drafts.map((draft) => {
    // One-shot hash(): no Hash object per claim.
    const base = `c${hash('sha256', normaliseClaimText(draft.text), 'hex').slice(0, 8)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { id: n === 1 ? base : `${base}-${n}`, ...draft };
  });
}
