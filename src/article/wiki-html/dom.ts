// Direct walks over the parsed tree for the per-note reading, where compiling a CSS selector per note costs more than the walk.
import type { AnyNode, Element } from 'domhandler';

export const isElement = (node: AnyNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

/** Token match on the class attribute (`class~=name`). */
export function hasClass(el: Element, name: string): boolean {
  const cls = el.attribs['class'];
  return cls !== undefined && cls.includes(name) && cls.split(/\s+/).includes(name);
}

/** The first descendant (document order) that passes `test`. */
export function findFirst(root: Element, test: (el: Element) => boolean): Element | undefined {
  for (const child of root.children) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const deeper = findFirst(child, test);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Every descendant that passes `test`, not looking inside elements `skip` refuses. */
export function findAll(root: Element, test: (el: Element) => boolean, skip?: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of root.children) {
    if (!isElement(child) || skip?.(child)) continue;
    if (test(child)) out.push(child);
    findAll(child, test, skip, out);
  }
  return out;
}

/** The text of a subtree, leaving out elements `skip` refuses. */
export function textOf(node: AnyNode, skip?: (el: Element) => boolean): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node) || skip?.(node)) return '';
  let text = '';
  for (const child of node.children) text += textOf(child, skip);
  return text;
}

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
