// Lifts footnote markers (`[1]`, `[1] [10] [11]`, `[1][2]`, `[1, p. 3]`) out of a line of prose.

/** One run of adjacent markers: the footnotes that close the text before it. */
export interface MarkerGroup {
  /** Footnote numbers in the order written; empty for a run of notes/tags only (`[a]`, `[citation needed]`). */
  refs: number[];
  /** Index in the cleaned text where the run stood (just after the text it closes). */
  at: number;
  /** 1-based column of the run's first `[` in the raw line. */
  column: number;
}

export interface LiftedLine {
  /** The line without markers (and without the space before them). */
  clean: string;
  /** Index in the raw line of clean[i]; rawAt(clean.length) is the end. */
  rawAt: (i: number) => number;
  groups: MarkerGroup[];
}

// A footnote `[12]` or `[12, p. 3]`; explanatory notes `[a]`, `[note 1]`; maintenance tags
// `[citation needed]`, `[when?]`, `[dubious – discuss]`. Tags are lifted so they do not pollute
// the claim text, but only numbers close a claim.
// `[3]: 12–14` is the {{rp}} page suffix.
const PAGES = String.raw`(?:pp?\.|page|pages)?\s*[\divxlc]+(?:\s*[–-]\s*[\divxlc]+)?`;
const FOOTNOTE = String.raw`\[\s*\d{1,4}(?:\s*[,:;]\s*${PAGES})?\s*\](?::\s*(?:pp?\.\s*)?\d+(?:[–-]\d+)?)?`;
const NOTE = String.raw`\[(?:[a-z]{1,2}|(?:note|nb|n)\s*\d{1,3})\]`;
const TAG = String.raw`\[(?:[a-z][a-z ]{0,30}needed|[a-z][a-z ]{0,30}\?|dubious[^\]]{0,20}|failed verification|dead link|permanent dead link|not in citation given|unreliable source\??|original research\??)\]`;
// A copy artefact wraps markers in one or two more brackets: `[[1]]`, `[1[2]]`, `[[[1]]]`. The whole
// run is one token, so no stray `[`, `]` or `1` is left in the claim's text.
const wrapped = (inner: string): string => String.raw`\[\s*(?:\d{1,4}\s*[,;]?\s*)?(?:${inner}\s*)+\]`;
const NESTED = wrapped(`(?:${wrapped(FOOTNOTE)}|${FOOTNOTE})`);
const TOKEN = `(?:${NESTED}|${FOOTNOTE}|${NOTE}|${TAG})`;
// Sticky: tried only where a group can start (see nextGroup), not at every character of the line.
const GROUP = new RegExp(String.raw`(?:\s*${TOKEN})+`, 'yiu');
const WHITE = /\s/u;
const NUMBER = /^\[\s*(\d+)/;
const TOKENS = new RegExp(TOKEN, 'giu');
const IS_NESTED = new RegExp(`^${NESTED}$`, 'iu');
const FOOTNOTES = new RegExp(FOOTNOTE, 'giu');

// The common group, one plain footnote (` [12]`), read without the token scan below.
const PLAIN = /^\s*\[(\d{1,4})\]$/u;

function refsOf(group: string): number[] {
  const plain = PLAIN.exec(group);
  if (plain) return [Number(plain[1])];
  const refs: number[] = [];
  for (const token of group.match(TOKENS) ?? []) {
    const n = NUMBER.exec(token);
    if (n) refs.push(Number(n[1]));
    // `[1[2]]`: the number that opens the outer bracket (above), then the markers inside it.
    if (IS_NESTED.test(token)) refs.push(...(token.slice(1, -1).match(FOOTNOTES) ?? []).flatMap((f) => refsOf(f)));
  }
  return refs;
}

/**
 * Where clean text came from, as runs: clean[runs.clean[k] + d] is raw[runs.raw[k] + d] until the next
 * run. One entry per kept stretch instead of one per character (a 5 MB line made 5 M entries).
 */
class RawRuns {
  private readonly clean: number[] = [];
  private readonly raw: number[] = [];

  add(cleanAt: number, rawAt: number): void {
    this.clean.push(cleanAt);
    this.raw.push(rawAt);
  }

  at(i: number): number {
    let lo = 0;
    let hi = this.clean.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.clean[mid] ?? 0) <= i) lo = mid;
      else hi = mid - 1;
    }
    return (this.raw[lo] ?? 0) + i - (this.clean[lo] ?? 0);
  }
}

interface Found {
  /** Where the group starts (the whitespace before its first `[`). */
  index: number;
  /** Its first `[`. */
  bracket: number;
  text: string;
}

/**
 * The first marker group at or after `from`, the match a global search would find: a group starts
 * with its first `[` or the whitespace run before it, so only those places are tried.
 */
function nextGroup(raw: string, from: number): Found | undefined {
  for (let bracket = raw.indexOf('[', from); bracket >= 0; bracket = raw.indexOf('[', bracket + 1)) {
    let index = bracket;
    while (index > from && WHITE.test(raw.charAt(index - 1))) index--;
    GROUP.lastIndex = index;
    const m = GROUP.exec(raw);
    if (m) return { index, bracket, text: m[0] };
  }
  return undefined;
}

export function liftMarkers(raw: string): LiftedLine {
  const parts: string[] = [];
  let length = 0;
  // Kept stretches are joined once at the end; `last` is the last character kept so far.
  let last = '';
  const runs = new RawRuns();
  const groups: MarkerGroup[] = [];
  let from = 0;
  const keep = (to: number) => {
    if (to <= from) return;
    runs.add(length, from);
    parts.push(raw.slice(from, to)); // one slice, not a character at a time: a 5 MB line stays cheap
    length += to - from;
    last = raw.charAt(to - 1);
  };
  for (let m = nextGroup(raw, 0); m; m = nextGroup(raw, from)) {
    keep(m.index);
    groups.push({ refs: refsOf(m.text), at: length, column: m.bracket + 1 });
    from = m.index + m.text.length;
    // `Israel.[1]According` would otherwise glue two sentences together.
    const next = raw[from];
    if (next !== undefined && /[\p{L}\p{N}"'“‘«(]/u.test(next) && /\S/.test(last)) {
      runs.add(length, from);
      parts.push(' ');
      length += 1;
      last = ' ';
    }
  }
  keep(raw.length);
  runs.add(length, raw.length);
  return { clean: parts.join(''), rawAt: (i) => runs.at(i), groups };
}
