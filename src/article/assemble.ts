// Turns what a structured reader found (prose paragraphs with placed markers, references) into the Article every format yields.
import type { Article, Finding, InputFormat, ListedReference, UncitedSentence } from '../types.js';
import { claimLifted, type DraftClaim, type Place } from './claims.js';
import { checkReferenceList } from './findings.js';
import { assignClaimIds } from './ids.js';
import type { LiftedLine } from './markers.js';
import type { PlacedMarker, ProseWriter } from './prose.js';

/** One paragraph (list item, table cell, note) of prose under its heading. */
export interface ProseBlock {
  section: string;
  lifted: LiftedLine;
  markers: PlacedMarker[];
  /** An explanatory note's text: its cited sentences are claims, the rest is not listed as uncited. */
  note?: boolean;
}

export interface ReaderOutcome {
  path: string;
  format: InputFormat;
  title: string;
  /** The whole input text: claim positions are computed against it. */
  source: string;
  blocks: ProseBlock[];
  /** References with their file line; `uses` is recomputed from the markers. */
  references: ListedReference[];
  /** Findings the reader itself made (an undefined Markdown link reference, …). */
  findings?: Finding[];
  /** How readers see a marker when it is not its number (a Markdown label): used in messages. */
  labels?: ReadonlyMap<number, string>;
}

export function blockOf(writer: ProseWriter, section: string, end: number): ProseBlock {
  return { section, lifted: writer.finish(end), markers: writer.markers };
}

/** 1-based line and column (UTF-16 code units) of a 0-based offset in `text`. */
export function placer(text: string): Place {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/** Names markers by their label (`[^carnegie]`) in the self-check's messages. */
function relabel(findings: Finding[], labels: ReadonlyMap<number, string> | undefined): Finding[] {
  if (!labels) return findings;
  return findings.map((f) => {
    const label = f.ref === undefined ? undefined : labels.get(f.ref);
    if (label === undefined || f.kind !== 'marker-without-reference') return f;
    return { ...f, message: `footnote ${label} (number ${f.ref}) has no definition in the article` };
  });
}

export function assembleArticle(outcome: ReaderOutcome): Article {
  const place = placer(outcome.source);
  const drafts: DraftClaim[] = [];
  const uncited: UncitedSentence[] = [];
  const markers: { ref: number; line: number }[] = [];
  for (const block of outcome.blocks) {
    const result = claimLifted(block.lifted, block.section, place);
    drafts.push(...result.claims);
    if (!block.note) uncited.push(...result.uncited);
    markers.push(...block.markers.map((m) => ({ ref: m.ref, line: place(m.offset).line })));
  }
  const uses = new Map<number, number>();
  for (const m of markers) uses.set(m.ref, (uses.get(m.ref) ?? 0) + 1);
  const references = outcome.references
    .map((r) => ({ ...r, uses: uses.get(r.id) ?? 0 }))
    .sort((a, b) => a.id - b.id);
  return {
    path: outcome.path,
    format: outcome.format,
    title: outcome.title,
    claims: assignClaimIds(drafts),
    uncited,
    references,
    findings: [...(outcome.findings ?? []), ...relabel(checkReferenceList(markers, references), outcome.labels)],
  };
}
