// Footnote numbers as MediaWiki renders them: numbered references by first use, named reuse, list-defined bodies, note groups apart.
import type { AstNodes } from 'wikiparser-node';

/** What a numbered reference's body is: wikitext to read, or a short citation's text ({{sfn}}). */
export type RefBody = { content: AstNodes } | { short: string; at: number };

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv'];

/** How a note of `group` number `n` (1-based) is labelled: `a`, `ii`, `note 3`. */
function noteLabel(group: string, n: number): string {
  const alpha = n <= 26 ? LETTERS[n - 1] ?? '' : `${LETTERS[Math.floor((n - 1) / 26) - 1] ?? ''}${LETTERS[(n - 1) % 26] ?? ''}`;
  if (group === 'lower-alpha') return alpha;
  if (group === 'upper-alpha') return alpha.toUpperCase();
  if (group === 'lower-roman') return ROMAN[n - 1] ?? String(n);
  if (group === 'upper-roman') return (ROMAN[n - 1] ?? String(n)).toUpperCase();
  return `${group} ${n}`;
}

export class WikiRefs {
  private next = 1;
  private readonly byName = new Map<string, number>();
  readonly bodies = new Map<number, RefBody>();
  /** List-defined bodies whose name no marker has used yet. */
  private readonly waiting = new Map<string, AstNodes>();
  private readonly noteCounts = new Map<string, number>();
  private readonly noteNames = new Map<string, string>();
  /** Named notes used without text: their text is in `{{notelist|refs=}}` / `<references group=…>`. */
  private readonly notesWithoutText = new Set<string>();

  /** A numbered reference (`<ref>`, `<ref name=x/>`, {{r}}, {{sfn}}): its number, taking the body if it is the first. */
  cite(name: string | undefined, body: RefBody | undefined): number {
    let n = name === undefined ? undefined : this.byName.get(name);
    if (n === undefined) {
      n = this.next++;
      if (name !== undefined) this.byName.set(name, n);
    }
    const waiting = name === undefined ? undefined : this.waiting.get(name);
    if (!this.bodies.has(n) && (body ?? waiting)) this.bodies.set(n, body ?? { content: waiting as AstNodes });
    if (name !== undefined) this.waiting.delete(name);
    return n;
  }

  /** A body in `<references>` / `{{reflist|refs=}}`: it fills the named reference, now or when first used. */
  define(name: string, content: AstNodes): void {
    const n = this.byName.get(name);
    if (n === undefined) {
      if (!this.waiting.has(name)) this.waiting.set(name, content);
    } else if (!this.bodies.has(n)) this.bodies.set(n, { content });
  }

  /** An explanatory note: its label, and whether its text is to be read now (once per note). */
  note(group: string, name: string | undefined, hasText: boolean): { label: string; first: boolean } {
    const key = name === undefined ? undefined : `${group}\u0000${name}`;
    const known = key === undefined ? undefined : this.noteNames.get(key);
    if (known !== undefined) {
      const first = hasText && key !== undefined && this.notesWithoutText.delete(key);
      return { label: known, first };
    }
    const n = (this.noteCounts.get(group) ?? 0) + 1;
    this.noteCounts.set(group, n);
    const label = noteLabel(group, n);
    if (key !== undefined) this.noteNames.set(key, label);
    if (key !== undefined && !hasText) this.notesWithoutText.add(key);
    return { label, first: hasText };
  }

  /** A list-defined note's text: its label when a marker used it and its text is still unread. */
  listedNote(group: string, name: string): string | undefined {
    const key = `${group}\u0000${name}`;
    return this.notesWithoutText.delete(key) ? this.noteNames.get(key) : undefined;
  }

  /** List-defined bodies never used in the text: numbered after the rest so the self-check can name them. */
  numberUnused(): void {
    for (const [name, content] of this.waiting) {
      const n = this.next++;
      this.byName.set(name, n);
      this.bodies.set(n, { content });
    }
    this.waiting.clear();
  }
}
