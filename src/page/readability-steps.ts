// Cheaper stand-ins for steps of Readability (own properties shadowing its methods) that leave it the same document.
import { Readability } from '@mozilla/readability';
import { elementsByTag, tagNamesBelow } from './lookups.js';
import type { DomDocument, DomElement } from './dom.js';

interface Attr { name: string; value: string }
interface ImageElement { attributes: ArrayLike<Attr>; remove(): void }
interface TagDocument { getElementsByTagName(name: string): ArrayLike<ImageElement> }

/** Readability's own method `name`, if it still has one. */
function original(name: string): ((this: object, ...args: unknown[]) => unknown) | undefined {
  const method: unknown = Reflect.get(Readability.prototype, name);
  return typeof method === 'function' ? (method as (this: object, ...args: unknown[]) => unknown) : undefined;
}

const IMAGE_FILE = /\.(jpg|jpeg|png|webp)/i;

/** Readability keeps an `<img>` with any attribute that may hold an image (its own test, verbatim). */
function mayHoldImage(img: ImageElement): boolean {
  // one attribute list per image: Readability asks linkedom for a new one twice per attribute
  const attributes = img.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attr = attributes[i];
    if (!attr) continue;
    switch (attr.name) {
      case 'src':
      case 'srcset':
      case 'data-src':
      case 'data-srcset':
        return true;
    }
    if (IMAGE_FILE.test(attr.value)) return true;
  }
  return false;
}

/**
 * `_unwrapNoscriptImages`: images without a source are removed as Readability removes them; its
 * own step runs only when there is a `<noscript>` to unwrap (its first half then removes nothing).
 */
function unwrapNoscriptImages(this: object, doc: TagDocument): void {
  const names = documents.get(this);
  for (const img of Array.from(doc.getElementsByTagName('img'))) if (!mayHoldImage(img)) img.remove();
  // a census of the document (knowDocumentNames) saves looking for a noscript it does not hold
  if (names ? names.has('noscript') : doc.getElementsByTagName('noscript').length > 0) original('_unwrapNoscriptImages')?.call(this, doc);
}

/** Element names `_prepArticle`'s steps create in an article holding the key's: `h1` → `h2`, a lone table cell → `p` or `div`, an image for a lazy `figure`. */
const MADE_IN_PREP: ReadonlyMap<string, readonly string[]> = new Map([['h1', ['h2']], ['table', ['p', 'div']], ['figure', ['img']]]);

/** The names found below the article, and those its preparation may make from them. */
function namesInPrep(found: Set<string>): Set<string> {
  for (const [from, made] of MADE_IN_PREP) if (found.has(from)) for (const name of made) found.add(name);
  return found;
}

/** The tag names an article being prepared may hold, while `_prepArticle` runs (see tagsInPrep). */
const preparing = new WeakMap<object, ReadonlySet<string>>();

/**
 * `_prepArticle`: its ~20 look-ups by tag all search the article (or elements inside it), and it
 * only removes elements or renames them to MADE_IN_PREP: a name the article does not hold when it
 * starts is never found, so those look-ups skip the walk (`_getAllNodesWithTag` below).
 */
function prepArticle(this: object, article: DomElement): void {
  const names = tagNamesBelow(article);
  if (names) preparing.set(this, namesInPrep(names));
  try {
    original('_prepArticle')?.call(this, article);
  } finally {
    preparing.delete(this);
  }
}

/** Element names Readability's steps before _grabArticle make in a document: `<br>` runs become `p`, `font` becomes `span` (and a margin). */
const MADE_BEFORE_GRAB = ['p', 'span', 'div', 'h2', 'img'];

/** The names a document may hold until `_grabArticle` starts (knowDocumentNames). */
const documents = new WeakMap<object, ReadonlySet<string>>();

/**
 * Tells `reader`'s stand-ins every element name its document holds (a census without
 * `<template>` or `<noscript>`: lookups.ts takeCensus): until `_grabArticle` starts, Readability's
 * look-ups are of the whole document (scripts, styles, `<br>`, `<font>`, `<noscript>`, headings),
 * and one for names it lacks finds nothing without a walk.
 */
export function knowDocumentNames(reader: object, names: ReadonlySet<string>): void {
  documents.set(reader, new Set([...names, ...MADE_BEFORE_GRAB]));
}

/** `_grabArticle`: from here on the document is taken apart and rebuilt; its census no longer holds. */
function grabArticle(this: object, ...args: unknown[]): unknown {
  documents.delete(this);
  return original('_grabArticle')?.apply(this, args);
}

/** Readability's tag look-up on linkedom's node list (lookups.ts); nothing to walk for a name the article or document lacks. */
function getAllNodesWithTag(this: object, node: Pick<DomDocument, 'querySelectorAll'>, tags: readonly string[]): DomElement[] {
  const names = preparing.get(this) ?? documents.get(this);
  if (names && !tags.some((tag) => names.has(tag.toLowerCase()))) return [];
  return elementsByTag(node, tags);
}

/** The stand-ins, by the name of the step they shadow; a step Readability no longer has is left out. */
export function fasterSteps(): Record<string, unknown> {
  const steps: Record<string, unknown> = { _getAllNodesWithTag: getAllNodesWithTag };
  if (original('_unwrapNoscriptImages')) steps._unwrapNoscriptImages = unwrapNoscriptImages;
  if (original('_prepArticle')) steps._prepArticle = prepArticle;
  if (original('_grabArticle')) steps._grabArticle = grabArticle;
  return steps;
}
