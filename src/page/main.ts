// The `main` layer: Readability on ordinary pages, a cheap densest-paragraph-block pick on huge ones.
import { Readability } from '@mozilla/readability';
import { collectBlockText } from './block-text.js';
import type { DomDocument, DomElement, DomNode } from './dom.js';
import { countElements, elementsByTag, elementsWithAttribute, type Census } from './lookups.js';
import { fasterSteps, knowDocument } from './readability-steps.js';

// Readability re-measures text per candidate and grows superlinearly: ~85 ms for a text-heavy
// 170 KB page, ~750 ms at 5 MB (bench/extract.ts). Past these sizes the fast pick is used instead.
const MAX_READABILITY_CHARS = 1_500_000;
const MAX_READABILITY_ELEMENTS = 30_000;
// Readability's passes re-walk ancestors and grow with nesting depth: 70 ms at depth 64, 170 ms at
// 128, 3 s at 512 for the same text (bench/hostile.ts). Deeper pages get the fast pick.
const MAX_READABILITY_DEPTH = 128;

/** A declaration's value in a style attribute as linkedom's `element.style` reads it: exact property name, last non-empty value wins. */
function styleValue(style: string, property: string): string | undefined {
  let value: string | undefined;
  for (const rule of style.split(/\s*;\s*/)) {
    const [key, ...rest] = rule.split(':');
    const v = rest.join(':').trim();
    if (rest.length > 0 && key?.trim() === property && v) value = v;
  }
  return value;
}

interface VisibleElement {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}

/**
 * Readability's `_isProbablyVisible`, reading the style attribute's text instead of `element.style`:
 * linkedom builds a CSSStyleDeclaration proxy per element for it (3 % of reading a news page).
 */
export function probablyVisible(node: VisibleElement): boolean {
  const style = node.getAttribute('style');
  if (style !== null && (styleValue(style, 'display') === 'none' || styleValue(style, 'visibility') === 'hidden')) return false;
  return !node.hasAttribute('hidden')
    && (node.getAttribute('aria-hidden') !== 'true' || (node.getAttribute('class') ?? '').includes('fallback-image'));
}

/**
 * Own properties that shadow Readability's steps (should a later Readability rename them, they are
 * simply unused): the tag look-ups and the steps in readability-steps.ts, the visibility test above,
 * and making every link and image URL of the article absolute (a `new URL` each, 0.3 ms of a news
 * page, for attributes the text never reads; the `javascript:` links it turns into their text
 * already read as that text).
 */
const FASTER = { ...fasterSteps(), _fixRelativeUris: (): void => undefined, _isProbablyVisible: probablyVisible };

/** The steps Readability's parse() takes on the document before its first _grabArticle attempt. */
interface PrepSteps {
  _unwrapNoscriptImages(doc: DomDocument): void;
  _removeScripts(doc: DomDocument): void;
  _prepDocument(): void;
}

function hasPrepSteps(reader: object): reader is PrepSteps {
  return ['_unwrapNoscriptImages', '_removeScripts', '_prepDocument'].every((name) => typeof Reflect.get(reader, name) === 'function');
}

/**
 * `keepClasses`: the article's class attributes are left as they are instead of stripped at the
 * end (a walk over the article); the text read from it (block-text.ts collectBlockText) never looks at them.
 */
function newReader(doc: DomDocument): Readability<DomNode> {
  return Object.assign(new Readability<DomNode>(doc, { serializer: (node: DomNode) => node, keepClasses: true }), FASTER);
}

/**
 * The body's HTML as Readability's first attempt finds it, rebuilt from a fresh parse: Readability
 * serialises the whole body before that attempt (5–9 % of reading a news page) to restore it for a
 * retry with looser rules, which long articles never need. The patched Readability asks for this
 * only when it retries (patches/); the rebuilt string is the one it would have kept.
 */
function bodyBeforeGrab(reparse: () => DomDocument): () => string {
  return () => {
    const doc = reparse();
    const reader = newReader(doc);
    // the same Readability as the one asking, so never: read as a Readability failure
    if (!hasPrepSteps(reader)) throw new Error('Readability lost its preparation steps');
    reader._unwrapNoscriptImages(doc);
    reader._removeScripts(doc);
    reader._prepDocument();
    return doc.body?.innerHTML ?? '';
  };
}

function readWithReadability(doc: DomDocument, reparse?: () => DomDocument, found?: Census): string {
  try {
    // parse() takes the document apart: the caller reads everything else from it first.
    const reader = newReader(doc);
    if (found) knowDocument(reader, found);
    // without the steps to rebuild with (a later Readability), it keeps its own copy as upstream does
    if (reparse && hasPrepSteps(reader)) Object.assign(reader, { _pageHtmlBeforeGrab: bodyBeforeGrab(reparse) });
    const article = reader.parse();
    return article?.content ? collectBlockText(article.content) : '';
  } catch {
    return '';
  }
}

const BOILERPLATE = /^(NAV|ASIDE|FOOTER|HEADER|FORM)$/;

function insideBoilerplate(el: DomElement): boolean {
  for (let node: DomElement | null = el; node; node = node.parentElement) {
    if (BOILERPLATE.test(node.tagName.toUpperCase())) return true;
  }
  return false;
}

/**
 * The element whose child paragraphs hold the most text, as one linear pass: the classic
 * text-density idea Readability refines, without its repeated re-measuring.
 */
function readDensestBlock(doc: DomDocument): string {
  const scores = new Map<DomElement, number>();
  for (const p of doc.querySelectorAll('p, pre, blockquote, li')) {
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + (p.textContent?.length ?? 0));
  }
  let best: DomElement | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore && !insideBoilerplate(el)) [best, bestScore] = [el, score];
  }
  return best ? collectBlockText(best) : '';
}

/** Comment threads, related links and recommendations: never the article, however long. */
const NOT_ARTICLE = /comment|disqus|discussion|repl(?:y|ies)|respons|related|recommend|teaser|sidebar/i;
/** An explicit article container with less text than this is a teaser card, not the article. */
const MIN_ARTICLE_CHARS = 200;
/** Readability's pick this many times longer than the page's own article has swallowed comments. */
const ARTICLE_MAX_GROWTH = 3;

function outsideArticle(el: DomElement): boolean {
  for (let node: DomElement | null = el; node; node = node.parentElement) {
    if (NOT_ARTICLE.test(`${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

/**
 * The page's own statement of where its article is — `[itemprop=articleBody]`, else `<article>`,
 * else `<main>` — with text of its own and outside any comment or related-links region.
 */
function explicitArticle(doc: DomDocument, found?: Census, textOf?: (el: object) => string | undefined): string | undefined {
  const lookups = found
    ? [() => found.withAttribute, () => found.byName.get('article') ?? [], () => found.byName.get('main') ?? []]
    : [() => elementsWithAttribute(doc, 'itemprop', 'articleBody'), () => elementsByTag(doc, 'article'), () => elementsByTag(doc, 'main')];
  for (const lookup of lookups) {
    const candidates = lookup().filter((el) => !outsideArticle(el));
    for (const el of candidates) {
      // of several, only the one holding the headline: the others are teaser cards
      if (candidates.length > 1 && elementsByTag(el, 'h1').length === 0) continue;
      const text = textOf?.(el) ?? collectBlockText(el);
      if (text.length >= MIN_ARTICLE_CHARS) return text;
    }
  }
  return undefined;
}

/** How to rebuild the document for Readability's retries, and how much text the page shows. */
export interface Reparse {
  /** A fresh copy of the document as it is now (parsed again, the same removals). */
  reparse: () => DomDocument;
  pageTextChars: number;
  /**
   * A census of the document as it is now (html.ts): its `[itemprop=articleBody]`, `article` and
   * `main` elements and its element count, so they are not looked up again.
   */
  found?: Census;
  /** collectBlockText of an element of the document as it is now, if the page's text was read with it (block-text.ts collectBlockTextWithin). */
  textOf?: (el: object) => string | undefined;
}

/**
 * Readability retries when its pick holds under 500 characters. On the 284 fixture and eval pages
 * it retried on 191 of the 192 showing under 800 characters and on 1 of the 13 showing 2,000 or
 * more: below this, keeping its own copy (cheap on short pages) beats parsing again on the retry.
 */
const RETRY_UNLIKELY_CHARS = 2_000;

/**
 * Reads the main text; Readability consumes `doc`, so call this last. `depth`: how deep the page's
 * elements nest (depth.ts measureDepth), 0 when not measured.
 */
export function readMainText(doc: DomDocument, htmlChars: number, depth = 0, rebuild?: Reparse): string {
  const found = rebuild?.found;
  const huge = htmlChars > MAX_READABILITY_CHARS || depth > MAX_READABILITY_DEPTH
    || (found?.count ?? countElements(doc, MAX_READABILITY_ELEMENTS)) > MAX_READABILITY_ELEMENTS;
  // the page's own article container wins over a longer comment thread (read before Readability takes the doc apart)
  const explicit = explicitArticle(doc, found, rebuild?.textOf);
  if (huge) return explicit ?? readDensestBlock(doc);
  const readable = readWithReadability(doc, rebuild && rebuild.pageTextChars >= RETRY_UNLIKELY_CHARS ? rebuild.reparse : undefined, found);
  const longer = explicit !== undefined && readable.length > ARTICLE_MAX_GROWTH * explicit.length;
  // Readability leaves the headline out: probe with the article's first full paragraph after it
  const probe = explicit?.split('\n').slice(1).find((line) => line.length >= 60)?.slice(0, 60);
  return explicit && (longer || (probe !== undefined && !readable.includes(probe))) ? explicit : readable;
}
