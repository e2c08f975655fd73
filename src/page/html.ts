// HTML → text layers with provenance (main, jsonld, meta, page) and page metadata, from one parse.
import type { TextLayer } from '../types.js';
import { collectBlockTextWithin } from './block-text.js';
import { countBlockWords, parseDocument, tidyText, type DomDocument, type DomElement, type DomNode } from './dom.js';
import { elementsByTag, takeCensus, type Census } from './lookups.js';
import { readMainText } from './main.js';
import { readJsonLd, type JsonLdFacts } from './jsonld.js';
import { readHeader } from './headers.js';

/** What the HTML said, kept for the signal heuristics as well as for the Page. */
export interface HtmlFacts {
  html: string;
  layers: { layer: TextLayer; text: string }[];
  mainText: string;
  pageText: string;
  /** Words of the main text, and of what a reader sees (main text, else the page's), counted once. */
  mainWords: number;
  shownWords: number;
  title?: string;
  titleTag?: string;
  h1?: string;
  language?: string;
  canonicalUrl?: string;
  publishedDate?: string;
  /** `<meta name|property>` → content, keys lower-cased; the first occurrence wins. */
  meta: Map<string, string>;
  jsonld: JsonLdFacts;
  /** Elements removed because JSON-LD hasPart marked them as not free. */
  removedLocked: number;
}

/** Elements the head's look-ups, the published date, the article's own container and Readability need, from one pass over the document. */
function census(doc: DomDocument): Census {
  // script, style and img: Readability's first look-ups (readability-steps.ts knowDocument)
  return takeCensus(doc, ['meta', 'link', 'script', 'style', 'img', 'title', 'h1', 'time', 'article', 'main'], ['itemprop', 'articleBody']);
}

/** The census's `[itemprop=articleBody]`, `article` and `main` elements (those removed since are simply not met again). */
function articleContainers(found: Census): Set<DomElement> {
  return new Set([...found.withAttribute, ...(found.byName.get('article') ?? []), ...(found.byName.get('main') ?? [])]);
}

function readMeta(metas: readonly DomElement[]): Map<string, string> {
  const meta = new Map<string, string>();
  for (const el of metas) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  return meta;
}

function readJsonLdBlocks(scripts: readonly DomElement[]): string[] {
  const blocks: string[] = [];
  for (const el of scripts) {
    if (/ld\+json/i.test(el.getAttribute('type') ?? '')) blocks.push(el.textContent ?? '');
  }
  return blocks;
}

/** Some publishers put HTML inside articleBody; keep its paragraph breaks, drop its tags. */
function stripInlineHtml(text: string): string {
  if (!/<\/?[a-z][^>]*>/i.test(text)) return tidyText(text);
  return tidyText(text.replace(/<\/?(p|div|br|li|h[1-6]|blockquote)\b[^>]*>/gi, '\n').replace(/<[^>]+>/g, ''));
}

function resolveUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** `ru-RU`, `en_US`, `de, en` → `ru`, `en`, `de`. */
export function normaliseLanguage(value: string | null | undefined): string | undefined {
  const primary = value?.split(',')[0]?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function readCanonical(links: readonly DomElement[], finalUrl: string): string | undefined {
  for (const el of links) {
    if ((el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
      return resolveUrl(el.getAttribute('href'), finalUrl);
    }
  }
  return undefined;
}

/** Dates that already look ISO stay as written; others are parsed and re-emitted as ISO. */
function normaliseDate(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const text = value.trim();
  if (/^\d{4}-\d{2}(-\d{2})?([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return text;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function removeLocked(doc: DomDocument, selectors: string[]): number {
  let removed = 0;
  for (const selector of selectors) {
    try {
      for (const el of [...doc.querySelectorAll(selector)]) {
        el.remove();
        removed++;
      }
    } catch {
      // An invalid selector from the page is the page's problem, not ours.
    }
  }
  return removed;
}

function textOf(el: DomElement | null): string | undefined {
  const text = el ? tidyText(el.textContent ?? '').replace(/\n/g, ' ') : '';
  return text || undefined;
}

function buildLayers(mainText: string, jsonld: JsonLdFacts, meta: Map<string, string>, titleTag: string | undefined, pageText: string) {
  const metaTexts = [meta.get('og:title'), titleTag, meta.get('og:description'), meta.get('description'), meta.get('twitter:description')];
  const uniqueMeta = [...new Set(metaTexts.filter((t): t is string => !!t?.trim()).map((t) => tidyText(t)))];
  const candidates: { layer: TextLayer; text: string }[] = [
    { layer: 'main', text: mainText },
    { layer: 'jsonld', text: jsonld.texts.map(stripInlineHtml).join('\n') },
    { layer: 'meta', text: uniqueMeta.join('\n') },
    { layer: 'page', text: pageText },
  ];
  return candidates.filter((c) => c.text.trim().length > 0);
}

/** `depth` is the element nesting measured before parsing (0 when unknown): deep pages skip Readability. */
export function readHtml(html: string, finalUrl: string, headers: Record<string, string>, depth = 0): HtmlFacts {
  const doc = parseDocument(html);
  const found = census(doc);
  const named = (name: string): DomElement[] => found.byName.get(name) ?? [];
  const meta = readMeta(named('meta'));
  // The canonical URL names the page as its JSON-LD does; the final URL is the fallback.
  const canonicalUrl = readCanonical(named('link'), finalUrl);
  const jsonld = readJsonLd(readJsonLdBlocks(named('script')), canonicalUrl ?? finalUrl);
  const titleTag = textOf(named('title')[0] ?? null);
  const h1 = textOf(named('h1')[0] ?? null);
  const removedLocked = removeLocked(doc, jsonld.lockedSelectors);
  // the page's own article containers are read in the same walk (main.ts explicitArticle)
  const shown = collectBlockTextWithin(doc.body ?? doc.documentElement ?? doc.querySelector('html') ?? emptyNode, articleContainers(found));
  const pageText = shown.text;
  const published = jsonld.datePublished ?? meta.get('article:published_time') ?? (removedLocked === 0 ? named('time') : elementsByTag(doc, 'time')).find((t) => t.hasAttribute('datetime'))?.getAttribute('datetime') ?? undefined;
  const language = normaliseLanguage(doc.documentElement?.getAttribute('lang')) ?? normaliseLanguage(readHeader(headers, 'content-language')) ?? normaliseLanguage(meta.get('content-language')) ?? normaliseLanguage(meta.get('og:locale'));
  // Last: Readability takes the document apart, and it gets the parsed one itself (no clone).
  const reparse = (): DomDocument => {
    const fresh = parseDocument(html);
    removeLocked(fresh, jsonld.lockedSelectors);
    return fresh;
  };
  // what the census found still stands when nothing was removed since
  const mainText = readMainText(doc, html.length, depth, { reparse, pageTextChars: pageText.length, textOf: shown.within, ...(removedLocked === 0 ? { found } : {}) });
  // both texts come from collectBlockText (main.ts reads every main text with it)
  const mainWords = countBlockWords(mainText);
  return {
    html,
    layers: buildLayers(mainText, jsonld, meta, titleTag, pageText),
    mainText,
    pageText,
    mainWords,
    shownWords: mainText ? mainWords : countBlockWords(pageText),
    title: tidyText(meta.get('og:title') ?? '') || titleTag || h1,
    titleTag,
    h1,
    language,
    canonicalUrl,
    publishedDate: normaliseDate(published),
    meta,
    jsonld,
    removedLocked,
  };
}

const emptyNode: DomNode = { nodeType: 11, nodeName: '#document-fragment', nodeValue: null, textContent: '', firstChild: null, nextSibling: null };
