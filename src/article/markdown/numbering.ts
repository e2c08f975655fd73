// GFM's footnote order: calls outside definitions in document order, then those inside definitions.
import type { Nodes, Root } from 'mdast';
import type { FootnoteNumbers } from '../numbering.js';

/** How a Markdown footnote is named in messages. */
export const footnoteLabel = (label: string) => `[^${label}]`;

export function numberCalls(root: Root, numbers: FootnoteNumbers): void {
  const inside: string[] = [];
  const walk = (node: Nodes, inDefinition: boolean): void => {
    if (node.type === 'footnoteReference') {
      if (inDefinition) inside.push(node.identifier);
      else numbers.footnote(node.identifier, footnoteLabel(node.label ?? node.identifier));
    }
    if ('children' in node) for (const child of node.children) walk(child, inDefinition || node.type === 'footnoteDefinition');
  };
  walk(root, false);
  for (const id of inside) numbers.footnote(id, footnoteLabel(id));
}
