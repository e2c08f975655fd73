// A text fingerprint for drift detection: sha256 of the normalised main text.
import { hash } from 'node:crypto';
import { normalize } from '../judge/normalize.js';

/**
 * sha256 (hex, first 32 chars) of the text after the matcher's normalisation (NFKC, quotes, dashes,
 * invisible characters, case, whitespace).
 * Exact rather than a simhash on purpose: it only gates drift, and drift is reported only when a
 * previously matched phrase is also gone, so a cheap "something changed" signal is enough and it
 * never needs a tuned distance threshold. Whitespace/case-only changes (re-rendered markup) are
 * not changes.
 */
export function fingerprintText(text: string): string {
  return fingerprintNormalized(normalize(text).text);
}

/** The same fingerprint from text already normalised (the matcher's cached layers). */
export function fingerprintNormalized(normalised: string): string {
  // the one-shot hash (Node 20.12+): no Hash object per page
  return `sha256:${hash('sha256', normalised.trim(), 'hex').slice(0, 32)}`;
}
