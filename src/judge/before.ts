// The article's text before each claim on its line (earlier claims, then its context): where a pronoun like `He` points.
import type { Claim } from '../types.js';

/** The article's text before a claim in its paragraph (earlier claims on its line, then its context): where `He` points. */
export function textBefore(claim: Claim, claims: readonly Claim[]): string {
  const earlier = claims.filter((c) => c.line === claim.line && c.column < claim.column).map((c) => c.text);
  return [...earlier, claim.context ?? ''].join(' ').trim();
}

/** textBefore of every claim, looking only at the claims of its own line (a scan of all per claim is quadratic). */
export function textsBefore(claims: readonly Claim[]): Map<Claim, string> {
  const byLine = new Map<number, Claim[]>();
  for (const c of claims) {
    const line = byLine.get(c.line);
    if (line) line.push(c);
    else byLine.set(c.line, [c]);
  }
  return new Map(claims.map((c) => [c, textBefore(c, byLine.get(c.line) ?? [])]));
}
