// Negation: does a cue in the source govern the claim's words in the evidence window, as one in the claim does?
import type { LayerText, PreparedClaim } from './find.js';
import { normalize } from './normalize.js';
import { scanWords, tokenText, type Scan } from './scan.js';
import { endsSentence, type ScannedText, type Window } from './window.js';
import { isClauseNegationAt, isNegationAt } from './words.js';

/** A noun negation (`no`, `не`) counts for a word when it stands at most this many tokens before it. */
export const NEGATION_REACH = 3;
/** A verbal negation (`not`, `never`, `failed to`) counts across its clause, up to this many tokens. */
export const CLAUSE_REACH = 16;
/** Words that open another clause: a cue before them negates that clause, not the claim's words after them. */
const CLAUSE_OPENERS = new Set(`but while whereas although though which who whom whose where when that because since
after before until unless if а но однако который которая которое которые что когда где хотя`.split(/\s+/));


function tokensOf(text: string, scan: Scan, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, from); i <= Math.min(scan.count - 1, to); i++) out.push(tokenText(text, scan, i));
  return out;
}


type Gap = 'sentence' | 'comma' | 'none';

/** The gap after token i ends a sentence or a clause (`. `, `; `), or is a comma. */
function gapAfter(layer: ScannedText, i: number): Gap {
  const from = layer.scan.ends[i] ?? 0;
  const to = layer.scan.starts[i + 1] ?? 0;
  // one space holds no colon, comma or dash: only a sentence end (a line break behind it) can be there
  if (to - from === 1 && layer.norm.text.charCodeAt(from) === 32) return endsSentence(layer, i) ? 'sentence' : 'none';
  const gap = layer.norm.text.slice(from, to);
  if (/[:]\s/.test(gap) || endsSentence(layer, i)) return 'sentence';
  return gap.includes(',') || /\s[-–—]\s/.test(gap) ? 'comma' : 'none';
}

/** gapAfter of one layer, each gap read once: the walks back from the window's words cover the same gaps. */
function gapsOf(layer: ScannedText): (i: number) => Gap {
  const known = new Map<number, Gap>();
  return (i) => {
    let gap = known.get(i);
    if (gap === undefined) { gap = gapAfter(layer, i); known.set(i, gap); }
    return gap;
  };
}

/**
 * A negation cue governs token h: a noun negation right before it, or a verbal one earlier in its
 * clause. Walking back stops at a sentence end or a clause opener (`but`, `which`, `, and`); a cue
 * reached over a comma counts only in the main clause (`Russia has not, unlike the EU, ever
 * designated` — not `Russia, which did not attend, condemned`).
 */
function negatedAt(gapAt: (i: number) => Gap, tokens: readonly string[], offset: number, h: number): boolean {
  let crossedComma = false;
  for (let k = h - 1; k >= Math.max(0, h - CLAUSE_REACH); k--) {
    const gap = gapAt(k + offset);
    if (gap === 'sentence') return false;
    if (gap === 'comma') crossedComma = true;
    const t = tokens[k] ?? '';
    if (isNegationAt(tokens, k)) {
      if (h - k <= NEGATION_REACH) return true;
      if (!isClauseNegationAt(tokens, k)) continue;
      return !crossedComma || mainClause(gapAt, tokens, offset, k);
    }
    if (CLAUSE_OPENERS.has(t) || ((t === 'and' || t === 'or' || t === 'и') && gapAt(k - 1 + offset) === 'comma')) return false;
  }
  return false;
}

/** Nothing but the sentence start or a comma-free run lies between token k and its sentence's opening. */
function mainClause(gapAt: (i: number) => Gap, tokens: readonly string[], offset: number, k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j <= CLAUSE_REACH; j--) {
    const gap = gapAt(j + offset);
    if (gap === 'sentence') return true;
    if (gap === 'comma' || CLAUSE_OPENERS.has(tokens[j] ?? '')) return false;
  }
  return true;
}

/**
 * Polarity of the claim (any negation cue in it) against the polarity of the evidence window (a
 * cue governing one of the claim's words or quoted words matched there). A flip means the source
 * says the opposite, however many words overlap.
 */
export function findNegationMismatch(claim: string, prepared: PreparedClaim, found: LayerText, w: Window): boolean {
  const norm = normalize(claim);
  const claimScan = scanWords(norm.text);
  const claimTokens = tokensOf(norm.text, claimScan, 0, claimScan.count - 1);
  const claimNegated = claimTokens.some((_, i) => isNegationAt(claimTokens, i));
  const from = Math.max(0, w.from - CLAUSE_REACH);
  const windowTokens = tokensOf(found.norm.text, found.scan, from, w.to + 40);
  const windowHits: number[] = [];
  prepared.phrases.forEach((p, i) => {
    // names are left out: a name near an unrelated `never` says nothing about the claim's verb
    if (p.kind !== 'word' && p.kind !== 'quote') return;
    const span = p.kind === 'quote' ? (prepared.patterns.get(i)?.split(' ').length ?? 1) : 1;
    for (const pos of found.positions[i] ?? []) {
      if (pos < w.from || pos > w.to) continue;
      for (let k = 0; k < span; k++) windowHits.push(pos + k - from);
    }
  });
  const gapAt = gapsOf(found);
  const sourceNegated = windowHits.some((h) => negatedAt(gapAt, windowTokens, from, h));
  return claimNegated !== sourceNegated;
}

