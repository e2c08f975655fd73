// Element look-ups as one pass over linkedom's node list, standing in for its CSS selector engine.
import { perElementName, type DomDocument, type DomElement } from './dom.js';
import { linksOf, type Listed } from './node-list.js';

/** Tag names lower-cased once each. */
const lower = perElementName((name) => name.toLowerCase());

/**
 * Calls `visit` with each element below `root`, in document order, outside `<template>` contents,
 * until it returns false: one pass over linkedom's node list. False when the list's links are
 * absent (a linkedom release that renamed them): nothing was visited.
 */
function walkElements(root: object, visit: (node: Listed) => boolean): boolean {
  const sym = linksOf(root);
  if (!sym) return false;
  const start = root as unknown as Listed;
  const end = start[sym.end];
  for (let node = start[sym.next]; node && node !== end; node = node[sym.next]) {
    if (node.nodeType !== 1) continue;
    if (!visit(node)) break;
    if (node.localName === 'template') node = node[sym.end] ?? node;
  }
  return true;
}

/**
 * The descendants of `root` that pass `test`: what `querySelectorAll(selector)` returns for the
 * selector `test` stands for. linkedom answers selectors through a CSS selector engine; one pass
 * over its node list is several times cheaper.
 */
function elementsWhere(root: Pick<DomDocument, 'querySelectorAll'>, selector: string, test: (node: Listed) => boolean): DomElement[] {
  const found: Listed[] = [];
  const walked = walkElements(root, (node) => {
    if (test(node)) found.push(node);
    return true;
  });
  // without the node list's links: the selector engine, slower, same answer
  return walked ? found as unknown as DomElement[] : [...root.querySelectorAll(selector)];
}

/**
 * The descendants of `root` named one of `tags`: `querySelectorAll('a,b')` (`getElementsByTagName`
 * upper-cases every name it passes). Readability asks ~20 times per page; the head's look-ups too.
 */
export function elementsByTag(root: Pick<DomDocument, 'querySelectorAll'>, tags: string | readonly string[]): DomElement[] {
  const names = typeof tags === 'string' ? [tags] : tags;
  const wanted = new Set(names.map(lower));
  return elementsWhere(root, names.join(','), (node) => wanted.has(lower(node.localName ?? '')));
}

/** The descendants of `root` whose attribute `name` is exactly `value`: `querySelectorAll('[name="value"]')`. */
export function elementsWithAttribute(root: Pick<DomDocument, 'querySelectorAll'>, name: string, value: string): DomElement[] {
  return elementsWhere(root, `[${name}="${value}"]`, (node) => (node as unknown as DomElement).getAttribute(name) === value);
}

/** What one walk over a document found (takeCensus). */
export interface Census {
  /** The elements of each name asked for (lower case), in document order. */
  byName: Map<string, DomElement[]>;
  /** The elements whose attribute asked about has the value asked for, in document order. */
  withAttribute: DomElement[];
  /** How many elements the document holds (countElements, not stopped early). */
  count: number;
  /**
   * Every element name in the document (lower case); undefined when a `<template>` or `<noscript>`
   * is among them (template contents are not walked; Readability parses noscript contents anew).
   */
  names?: ReadonlySet<string>;
}

/**
 * One walk answering several look-ups at once: elementsByTag for each of `tags`,
 * elementsWithAttribute for `[name, value]`, and the names of all elements.
 */
export function takeCensus(root: Pick<DomDocument, 'querySelectorAll'>, tags: readonly string[], [name, value]: [string, string]): Census {
  const byName = new Map<string, DomElement[]>(tags.map((tag) => [lower(tag), []]));
  const withAttribute: DomElement[] = [];
  const names = new Set<string>();
  let count = 0;
  const walked = walkElements(root, (node) => {
    count++;
    const tag = lower(node.localName ?? '');
    names.add(tag);
    byName.get(tag)?.push(node as unknown as DomElement);
    if ((node as unknown as DomElement).getAttribute(name) === value) withAttribute.push(node as unknown as DomElement);
    return true;
  });
  if (!walked) {
    return { byName: new Map(tags.map((tag) => [lower(tag), elementsByTag(root, tag)])), withAttribute: elementsWithAttribute(root, name, value),
      count: countElements(root, Number.POSITIVE_INFINITY) };
  }
  return { byName, withAttribute, count, ...(names.has('template') || names.has('noscript') ? {} : { names }) };
}

/**
 * The names (lower case) of every element below `root`, `<template>` contents included: a superset
 * of what any look-up by tag there can find. Undefined without the node list's links.
 */
export function tagNamesBelow(root: object): Set<string> | undefined {
  const sym = linksOf(root);
  if (!sym) return undefined;
  const names = new Set<string>();
  const start = root as unknown as Listed;
  const end = start[sym.end];
  for (let node = start[sym.next]; node && node !== end; node = node[sym.next]) {
    if (node.nodeType === 1) names.add(lower(node.localName ?? ''));
  }
  return names;
}

/**
 * How many elements `root` holds (outside `<template>` contents), counting no further than just
 * past `stopAt`: `querySelectorAll('*')`'s length, which lists every element first.
 */
export function countElements(root: Pick<DomDocument, 'querySelectorAll'>, stopAt: number): number {
  let count = 0;
  if (walkElements(root, () => ++count <= stopAt)) return count;
  for (const _ of root.querySelectorAll('*')) if (++count > stopAt) break;
  return count;
}
