// The date of the claim's own event: of several dates in the evidence sentence, the one next to the claim's verb.
import { factMatches, type Fact } from './facts.js';
import type { LayerText, PreparedClaim } from './find.js';
import { coreSentenceOnce, describeFact, inRange, type CoreSentence } from './conflict.js';
import { normalize } from './normalize.js';
import { isPastVerb } from './phrases.js';
import { tokenAt, tokenText } from './scan.js';
import type { Window } from './window.js';
import { stemWord, TOKEN } from './words.js';

/** A date further than this many tokens from the verb does not date it. */
export const EVENT_DATE_REACH = 12;

/** Stems of the claim's first past-tense verb (`presented`, `said`), with its synonyms when known. */
export function claimVerbStems(claim: string, synonyms: (word: string) => readonly string[] = () => []): ReadonlySet<string> {
  let verb: string | undefined;
  for (const m of normalize(claim).text.matchAll(TOKEN)) if (isPastVerb(m[0])) { verb = m[0]; break; }
  if (!verb) return NO_STEMS;
  // claims repeat their verbs (`said`, `announced`): the stems of each, with one source of synonyms, are kept
  if (synonyms !== stemsFrom) { verbStems.clear(); stemsFrom = synonyms; }
  let stems = verbStems.get(verb);
  if (!stems) {
    stems = new Set([stemWord(verb), ...synonyms(verb).map((w) => stemWord(w))]);
    if (verbStems.size < 5_000) verbStems.set(verb, stems);
  }
  return stems;
}

const NO_STEMS: ReadonlySet<string> = new Set();
const verbStems = new Map<string, ReadonlySet<string>>();
let stemsFrom: ((word: string) => readonly string[]) | undefined;

/**
 * Claim dates the source gives to another event: the evidence sentence holds the claim's date
 * (`February 2022`) but the date nearest the claim's verb there is another one (`Lavrov on
 * Thursday said … the goals Russia set out in February 2022`): the claim dates the wrong event.
 */
export function findEventDateConflicts(prepared: PreparedClaim, found: LayerText, w: Window, verbs: ReadonlySet<string>,
  coreOf: CoreSentence = coreSentenceOnce(prepared, found, w)): { claim: string; source: string }[] {
  if (verbs.size === 0) return [];
  const core = coreOf();
  if (!core) return [];
  const verbAt: number[] = [];
  for (let k = core[0]; k <= core[1]; k++) if (verbs.has(stemWord(tokenText(found.norm.text, found.scan, k)))) verbAt.push(k);
  if (verbAt.length === 0) return [];
  const events = found.facts.filter((f) => f.date && !f.pageDate && inRange(found, f, core));
  const out: { claim: string; source: string }[] = [];
  for (const [i, fact] of prepared.facts) {
    const phrase = prepared.phrases[i];
    if (!fact.date || !phrase || !/\d/.test(phrase.text) || !events.some((f) => factMatches(fact, f))) continue;
    const nearest = nearestTo(found, events.filter((f) => sameGrain(fact, f)), verbAt);
    // The nearest date may be another of the claim's own dates ("between 1850 and 1900"): not another event.
    const claimsOwn = nearest !== undefined && [...prepared.facts.values()].some((c) => factMatches(c, nearest));
    if (nearest && !claimsOwn) out.push({ claim: phrase.text, source: describeFact(found, nearest) });
  }
  return out;
}

/** A source date precise enough to say whether it is the claim's (a year cannot refute a month). */
function sameGrain(claim: Fact, source: Fact): boolean {
  if (!claim.date || !source.date) return false;
  if (claim.date.d !== undefined) return source.date.d !== undefined;
  if (claim.date.m !== undefined) return source.date.m !== undefined;
  return source.date.y !== undefined;
}

function nearestTo(found: LayerText, facts: readonly Fact[], verbAt: readonly number[]): Fact | undefined {
  let best: Fact | undefined;
  let bestDistance = EVENT_DATE_REACH + 1;
  for (const f of facts) {
    const t = tokenAt(found.scan, f.start);
    const d = Math.min(...verbAt.map((v) => Math.abs(v - t)));
    if (d < bestDistance) { best = f; bestDistance = d; }
  }
  return best;
}

/** `March 2024 read from "last week" (published 2024-03-14)` for each claim date found only as a relative date. */
export function relativeDateNotes(prepared: PreparedClaim, found: LayerText, w: Window, present: ReadonlySet<number>, published: string | undefined): string[] {
  const out: string[] = [];
  for (const [i, fact] of prepared.facts) {
    const phrase = prepared.phrases[i];
    if (!fact.date || !phrase || !present.has(i)) continue;
    const hits = found.facts.filter((f) => factMatches(fact, f) && tokenAt(found.scan, f.start) >= w.from && tokenAt(found.scan, f.start) <= w.to);
    const relative = hits.find((f) => f.relative);
    if (relative && hits.every((f) => f.relative || f.pageDate)) {
      out.push(`${phrase.text} read from "${relative.relative}" (published ${published?.slice(0, 10) ?? '?'})`);
    }
  }
  return out;
}
