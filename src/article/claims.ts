// Cuts paragraphs into claims (the sentence or clause each marker group closes) and uncited text.
import type { Claim, UncitedSentence } from '../types.js';
import { liftMarkers, type LiftedLine, type MarkerGroup } from './markers.js';
import type { Paragraph } from './sections.js';
import { splitSentences } from './sentences.js';

/** A claim before it gets its id. */
export type DraftClaim = Omit<Claim, 'id'>;

export interface ParagraphClaims {
  claims: DraftClaim[];
  uncited: UncitedSentence[];
  /** Every footnote number the paragraph's markers carry, once per marker (for the self-check). */
  markers: number[];
}

interface Piece {
  start: number;
  end: number;
  refs?: number[];
  /** A verbless tail after a mid-sentence group: the list the cited clause was naming goes on. */
  continuation?: boolean;
}

/**
 * A finite-verb cue (English auxiliaries, modals, common reporting verbs, `-ed`; Russian verb
 * endings). `[2] and the Chechen Republic of Ichkeria.` has none: it continues the cited clause's
 * list rather than stating something new. `[1] though it has condemned …` has one: a new clause.
 */
const VERB_CUE = new RegExp([
  String.raw`\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|shall|should|can|could|may|might|must)\b`,
  String.raw`\b(?:said|says|say|told|called|made|took|gave|met|went|became|remains|led|held|kept|left|won|lost)\b`,
  String.raw`\b\p{L}{3,}ed\b`,
  String.raw`(?<![\p{L}])\p{L}{2,}(?:ла|ло|ли|ет|ит|ют|ят|ется|ится|ются|ятся)(?!\p{L})`,
].join('|'), 'iu');

// Text tidy() would change: whitespace other than one plain space, a space first or before punctuation, a trailing comma.
const UNTIDY = /[^\S ]| {2}|^ | [,;:.!?)]|[\s,;:]$/u;

/** Removes copy artefacts (`Times , Russian`) and the comma a mid-sentence marker leaves behind. */
function tidy(text: string): string {
  if (!UNTIDY.test(text)) return text; // most claims: one test instead of three replacements
  return text.replace(/\s+/g, ' ').replace(/\s+([,;:.!?)])/g, '$1').replace(/[\s,;:]+$/u, '').trim();
}

const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** Index of the first group standing after `at` (binary search). */
function firstGroupAfter(groups: readonly MarkerGroup[], at: number): number {
  let lo = 0;
  let hi = groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((groups[mid]?.at ?? Infinity) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Splits one sentence at its marker groups; the tail after the last group is an unmarked piece. */
function piecesOf(lifted: LiftedLine, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  let cursor = start;
  // Groups are in text order: start at the first one past `start` (a loop over all of them for
  // every sentence made a 5 MB paragraph quadratic).
  for (let i = firstGroupAfter(lifted.groups, start); i < lifted.groups.length; i++) {
    const g = lifted.groups[i];
    if (!g || g.at > end) break;
    if (g.refs.length === 0) continue;
    if (hasWords(lifted.clean.slice(cursor, g.at))) pieces.push({ start: cursor, end: g.at, refs: g.refs });
    else if (pieces.length > 0) pieces.at(-1)?.refs?.push(...g.refs); // `[1] [2]` split oddly
    cursor = g.at;
  }
  const tail = lifted.clean.slice(cursor, end);
  const last = pieces.at(-1);
  if (!hasWords(tail) && last) last.end = end; // only the closing `.` or `"` after `"terrorism"[3]`
  else if (hasWords(tail)) pieces.push({ start: cursor, end, ...(last && !VERB_CUE.test(tail) ? { continuation: true } : {}) });
  return pieces;
}

/** Where a raw index lies in the input file (1-based line and column). */
export type Place = (rawIndex: number) => { line: number; column: number };

interface Located {
  text: string;
  line: number;
  column: number;
}

/** The piece's text and the file position of its first kept character. */
function locate(lifted: LiftedLine, piece: Piece, place: Place): Located {
  const raw = lifted.clean.slice(piece.start, piece.end);
  const lead = raw.search(/[^\s,;:]/u);
  const first = piece.start + Math.max(lead, 0);
  return { text: tidy(raw.slice(Math.max(lead, 0))), ...place(lifted.rawAt(first)) };
}

/**
 * A marker group closes the sentence (or clause) it ends. Unmarked sentences before it in the same
 * paragraph are, by Wikipedia convention, covered by that footnote: they become the claim's
 * `context`. Only text after the paragraph's last marker is uncited.
 */
export function claimParagraph(paragraph: Paragraph): ParagraphClaims {
  return claimLifted(liftMarkers(paragraph.text), paragraph.section, (i) => ({ line: paragraph.line, column: i + 1 }));
}

/**
 * The same rules over text whose markers were lifted by a format reader (wikitext, Markdown,
 * HTML): `place` turns a raw index (`lifted.rawAt`) into the claim's file position.
 */
export function claimLifted(lifted: LiftedLine, section: string, place: Place): ParagraphClaims {
  const claims: DraftClaim[] = [];
  let pending: Located[] = [];
  for (const sentence of splitSentences(lifted.clean)) {
    for (const piece of piecesOf(lifted, sentence.start, sentence.end)) {
      const { text, line, column } = locate(lifted, piece, place);
      const previous = claims.at(-1);
      if (piece.continuation && previous) {
        previous.context = previous.context ? `${previous.context} … ${text}` : text;
        continue;
      }
      if (!piece.refs) {
        pending.push({ text, line, column });
        continue;
      }
      // `[1][1]` cites one source once: a repeated number adds nothing to check.
      const claim: DraftClaim = { text, refs: [...new Set(piece.refs)], section, line, column };
      if (pending.length > 0) claim.context = pending.map((p) => p.text).join(' ');
      claims.push(claim);
      pending = [];
    }
  }
  const uncited = pending.map((p) => ({ text: p.text, section, line: p.line, column: p.column }));
  return { claims, uncited, markers: lifted.groups.flatMap((g) => g.refs) };
}
