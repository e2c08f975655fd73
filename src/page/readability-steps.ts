// Cheaper stand-ins for steps of Readability (own properties shadowing its methods) that leave it the same document.
import { Readability } from '@mozilla/readability';
import { elementsByTag, tagNamesBelow, type Census } from './lookups.js';
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
  // a census of the document (knowDocument) lists its images, and tells it holds no noscript
  const known = documents.get(this);
  const images = known?.listed.get('img') ?? Array.from(doc.getElementsByTagName('img'));
  for (const img of images) if (!mayHoldImage(img)) img.remove();
  if (known ? known.names.has('noscript') : doc.getElementsByTagName('noscript').length > 0) original('_unwrapNoscriptImages')?.call(this, doc);
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

/** What a census found in a document, until `_grabArticle` starts (knowDocument). */
interface KnownDocument {
  /** Every element name it may hold (MADE_BEFORE_GRAB added). */
  names: ReadonlySet<string>;
  /** Its elements of the names in LISTED as the census found them, in document order. */
  listed: ReadonlyMap<string, readonly DomElement[]>;
}

const documents = new WeakMap<object, KnownDocument>();

/**
 * Elements whose lists the census answers for: before `_grabArticle` Readability only removes
 * elements of these names (and creates none), so a list stays right once the removed are left out.
 */
const LISTED = ['script', 'style', 'img'];

/**
 * Tells `reader`'s stand-ins what a census of its document found (one without `<template>` or
 * `<noscript>`: lookups.ts takeCensus, taken since nothing was removed). Until `_grabArticle`
 * starts, Readability's look-ups are of the whole document (scripts, styles, images, `<br>`,
 * `<font>`, `<noscript>`, headings): one for a name the page lacks finds nothing without a walk,
 * and scripts, styles and images are the census's lists.
 */
export function knowDocument(reader: object, found: Census): void {
  if (!found.names) return;
  if (LISTED.some((name) => !found.byName.has(name))) return; // a census that did not list them
  const listed = new Map(LISTED.map((name) => [name, found.byName.get(name) ?? []]));
  documents.set(reader, { names: new Set([...found.names, ...MADE_BEFORE_GRAB]), listed });
}

interface Placed { parentNode: unknown }

/** Still in `doc`: an element removed (or inside a removed one) no longer leads up to it. */
function inDocument(el: object, doc: unknown): boolean {
  for (let node: unknown = el; node; node = (node as Placed).parentNode) if (node === doc) return true;
  return false;
}

/** The census's answer to a look-up of the whole document by `tags` (one of them at least in it), if it has one. */
function listedIn(known: KnownDocument, doc: unknown, tags: readonly string[]): DomElement[] | undefined {
  const wanted = tags.map((tag) => tag.toLowerCase()).filter((tag) => known.names.has(tag));
  // one name only: the elements of two names would have to be put in document order
  if (wanted.length > 1 || !LISTED.includes(wanted[0] ?? '')) return undefined;
  return (known.listed.get(wanted[0] ?? '') ?? []).filter((el) => inDocument(el, doc));
}

/** `_grabArticle`: from here on the document is taken apart and rebuilt; its census no longer holds. */
function grabArticle(this: object, ...args: unknown[]): unknown {
  documents.delete(this);
  return original('_grabArticle')?.apply(this, args);
}

/** Readability's tag look-up on linkedom's node list (lookups.ts); nothing to walk for a name the article or document lacks. */
function getAllNodesWithTag(this: object, node: Pick<DomDocument, 'querySelectorAll'>, tags: readonly string[]): DomElement[] {
  const inPrep = preparing.get(this);
  const known = inPrep ? undefined : documents.get(this);
  const names = inPrep ?? known?.names;
  if (names && !tags.some((tag) => names.has(tag.toLowerCase()))) return [];
  const doc: unknown = known ? Reflect.get(this, '_doc') : undefined;
  const listed = known && node === doc ? listedIn(known, doc, tags) : undefined;
  return listed ?? elementsByTag(node, tags);
}

/** The stand-ins, by the name of the step they shadow; a step Readability no longer has is left out. */
export function fasterSteps(): Record<string, unknown> {
  const steps: Record<string, unknown> = { _getAllNodesWithTag: getAllNodesWithTag };
  if (original('_unwrapNoscriptImages')) steps._unwrapNoscriptImages = unwrapNoscriptImages;
  if (original('_prepArticle')) steps._prepArticle = prepArticle;
  if (original('_grabArticle')) steps._grabArticle = grabArticle;
  return steps;
}
