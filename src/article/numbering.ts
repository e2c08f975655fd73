// Footnote numbers for readers that number by first reference (GFM, rendered docs), and one synthetic reference per cited link.
import type { Finding } from '../types.js';

export class FootnoteNumbers {
  private readonly byKey = new Map<string, number>();
  /** Number → how readers see the marker (`[^carnegie]`, `#fn:1`), for messages. */
  readonly labels = new Map<number, string>();
  /** Numbers of `--links-as-citations` references: number → URL, the link's words and where it stands. */
  readonly links = new Map<number, { url: string; text: string; offset: number }>();
  readonly findings: Finding[] = [];
  private next = 1;

  /** The number of footnote `key`, numbered on first sight. */
  footnote(key: string, label: string): number {
    return this.numberOf(`fn:${key}`, () => this.labels.set(this.next, label));
  }

  /** One synthetic reference per distinct URL. */
  link(url: string, text: string, offset: number): number {
    return this.numberOf(`url:${url}`, () => this.links.set(this.next, { url, text, offset }));
  }

  private numberOf(key: string, onNew: () => void): number {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    onNew();
    this.byKey.set(key, this.next);
    return this.next++;
  }
}
