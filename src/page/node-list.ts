// linkedom's node list: a parent's descendants (attributes and end marks included) are one linked list in document order.

/** A node as linkedom stores it, reached through its private links. */
export interface Listed {
  nodeType: number;
  localName?: string;
  [link: symbol]: Listed | undefined;
}

/** linkedom's private `next` and `end` symbols. */
export interface Links {
  next: symbol;
  end: symbol;
}

/** The node type of the mark closing an element's list (linkedom's NODE_END). */
export const END_MARK = -1;

/** The links, found on the first node asked about (null if absent). */
let links: Links | null | undefined;

/** linkedom's links, or null when `node` has none (not a linkedom node, or a release that renamed them). */
export function linksOf(node: object): Links | null {
  if (links === undefined) {
    const own = Object.getOwnPropertySymbols(node);
    const next = own.find((s) => s.description === 'next');
    const end = own.find((s) => s.description === 'end');
    if (!next || !end) return null; // asked again on the next node: this one may simply not be linkedom's
    links = { next, end };
  }
  return links && links.end in node ? links : null;
}
