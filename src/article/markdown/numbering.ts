// Footnote and link numbers for a Markdown article: GFM's order of first reference, then the rest as they come.
import type { Nodes, Root } from 'mdast';
import type { Finding } from '../../types.js';

/** What the inline walker needs to turn markup into numbered markers. */
export class MarkdownNumbers {
  private readonly byKey = new Map<string, number>();
  /** Number → how readers see the marker (`[^carnegie]`), for messages. */
  readonly labels = new Map<number, string>();
  /** Numbers of `--links-as-citations` references: number → URL and the link's text. */
  readonly links = new Map<number, { url: string; text: string; offset: number }>();
  readonly findings: Finding[] = [];
  private next = 1;

  constructor(readonly definitions: ReadonlyMap<string, string>) {}

  /** Numbers the footnote calls outside definitions in document order, then those inside them. */
  numberCalls(root: Root): void {
    const inside: string[] = [];
    const walk = (node: Nodes, inDefinition: boolean): void => {
      if (node.type === 'footnoteReference') {
        if (inDefinition) inside.push(node.identifier);
        else this.footnote(node.identifier, node.label ?? node.identifier);
      }
      if ('children' in node) for (const child of node.children) walk(child, inDefinition || node.type === 'footnoteDefinition');
    };
    walk(root, false);
    for (const id of inside) this.footnote(id, id);
  }

  /** The number of footnote `identifier` (normalised by the parser, or lower-cased by the caller). */
  footnote(identifier: string, label: string): number {
    return this.numberOf(`fn:${identifier}`, () => this.labels.set(this.next, `[^${label}]`));
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
