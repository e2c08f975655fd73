// Builds one paragraph of prose (text without markers, each character's file offset, marker groups) as a format reader walks its tree.
import type { LiftedLine, MarkerGroup } from './markers.js';
import { splitSentences } from './sentences.js';

/** A footnote marker as written, with the file offset of its first character. */
export interface PlacedMarker {
  ref: number;
  offset: number;
}

/**
 * The structured readers' counterpart of liftMarkers: they know where markers are, so they append
 * text and markers in reading order instead of lifting markers out of a line. The result feeds the
 * same claim rules (claimLifted) as the browser-text reader.
 */
export class ProseWriter {
  private clean = '';
  private readonly rawIndex: number[] = [];
  private readonly groups: MarkerGroup[] = [];
  readonly markers: PlacedMarker[] = [];
  private afterMarker = false;
  /** Citations of a whole sentence (a link under --links-as-citations), placed at its end by finish(). */
  private readonly deferred: { at: number; ref: number }[] = [];

  /**
   * Appends rendered text. With `exact`, text[i] stands at file offset start + i; otherwise (a
   * template rendered to other words, an unescaped entity) every character maps to `start`.
   */
  text(text: string, start: number, exact = true): void {
    if (text === '') return;
    // `Hale.<ref/>According` would otherwise glue two sentences together.
    if (this.afterMarker && /^[\p{L}\p{N}"'“‘«(]/u.test(text) && /\S$/u.test(this.clean)) this.push(' ', start);
    this.afterMarker = false;
    // A soft line break inside a paragraph is a space: ICU would end a sentence at it. One append for
    // the whole text (appending and testing a character at a time cost a string and a regex test each).
    this.clean += text.replace(/[\r\n\t]/g, ' ');
    for (let i = 0; i < text.length; i++) this.rawIndex.push(exact ? start + i : start);
  }

  /** Appends decoded text whose every character has its own file offset (HTML with entities). */
  mapped(text: string, offsets: readonly number[]): void {
    let from = 0;
    while (from < text.length) {
      // Runs of consecutive offsets go in as exact text; an entity's characters share one offset.
      let to = from + 1;
      while (to < text.length && offsets[to] === (offsets[to - 1] ?? 0) + 1) to++;
      this.text(text.slice(from, to), offsets[from] ?? 0, true);
      from = to;
    }
  }

  /** A marker group member: footnote numbers (empty for a note such as `[a]`, which cites nothing). */
  marker(refs: number[], offset: number): void {
    // The space before a marker belongs to no sentence (liftMarkers drops it too).
    while (/\s$/u.test(this.clean)) {
      this.clean = this.clean.slice(0, -1);
      this.rawIndex.pop();
    }
    const last = this.groups.at(-1);
    if (last && last.at === this.clean.length) last.refs.push(...refs);
    else this.groups.push({ refs: [...refs], at: this.clean.length, column: 0 });
    for (const ref of refs) this.markers.push({ ref, offset });
    this.afterMarker = true;
  }

  /** Cites the sentence being written (wherever it ends) with `ref`; `offset` is where the citing link stands. */
  sentenceCitation(ref: number, offset: number): void {
    this.deferred.push({ at: Math.max(this.clean.length - 1, 0), ref });
    this.markers.push({ ref, offset });
  }

  /** True when nothing but whitespace and markers was written. */
  get blank(): boolean {
    return this.clean.trim() === '';
  }

  /** The lifted paragraph; `end` is the file offset just after it. */
  finish(end: number): LiftedLine {
    const groups = [...this.groups];
    if (this.deferred.length > 0) {
      const sentences = splitSentences(this.clean);
      for (const { at, ref } of this.deferred) {
        const close = sentences.find((s) => at < s.end)?.end ?? this.clean.length;
        const group = groups.find((g) => g.at === close);
        if (group) {
          if (!group.refs.includes(ref)) group.refs.push(ref);
        } else groups.push({ refs: [ref], at: close, column: 0 });
      }
      groups.sort((a, b) => a.at - b.at);
    }
    const rawIndex = [...this.rawIndex, end];
    return { clean: this.clean, rawAt: (i) => rawIndex[i] ?? 0, groups };
  }

  private push(ch: string, offset: number): void {
    this.clean += ch;
    this.rawIndex.push(offset);
  }
}
