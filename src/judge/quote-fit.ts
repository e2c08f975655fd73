// Whether a reference's quote speaks to a claim: the quote of a reference several claims cite was written for one of them.
import type { Claim } from '../types.js';

/** Says whether the reference's quote is a given phrase for this claim. */
export type QuoteApplies = (claim: Claim, ref: number) => boolean;

/**
 * A quote fits a claim when at least two of the claim's key phrases are in it: its numbers, dates and
 * names as written (normalised), its content words by stem. A quote that shares less is about another
 * use of the reference, and is no evidence for this claim.
 */
export async function quoteFits(claim: string, quote: string): Promise<boolean> {
  // Loaded only for a reused reference with a quote: the phrase extractor is not needed before the first request.
  const [{ extractKeyPhrases }, { normalize }, { STOP_WORDS, stemWord, TOKEN }] = await Promise.all([
    import('./phrases.js'), import('./normalize.js'), import('./words.js')]);
  const text = normalize(quote).text;
  const stems = new Set((text.match(TOKEN) ?? []).filter((w) => w.length > 1 && !STOP_WORDS.has(w)).map((w) => stemWord(w)));
  let shared = 0;
  for (const p of extractKeyPhrases(claim)) {
    const phrase = normalize(p.text).text;
    const found = p.kind === 'word' ? stems.has(stemWord(phrase)) : phrase !== '' && text.includes(phrase);
    if (found && ++shared >= 2) return true;
  }
  return false;
}

/** A reference one claim cites: its quote is that claim's. Several: only the claims the quote fits. */
export async function quoteApplies(claims: readonly Claim[], quoteOf: (ref: number) => string | undefined): Promise<QuoteApplies> {
  const citing = new Map<number, Claim[]>();
  for (const claim of claims) for (const ref of new Set(claim.refs)) citing.set(ref, [...(citing.get(ref) ?? []), claim]);
  const unfit = new Map<Claim, Set<number>>();
  for (const [ref, cs] of citing) {
    const quote = quoteOf(ref);
    if (cs.length < 2 || !quote) continue;
    for (const claim of cs) {
      if (!(await quoteFits(claim.text, quote))) unfit.set(claim, new Set([...(unfit.get(claim) ?? []), ref]));
    }
  }
  return (claim, ref) => !unfit.get(claim)?.has(ref);
}
