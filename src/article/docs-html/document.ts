// Finds a built docs page's parts by structure and roles: the footnote markers, the notes they point to, the article body.
import { load, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { InputError } from '../../errors.js';

// inputs.md §4.3: Pandoc, Hugo (goldmark), Jekyll (kramdown), remark-rehype/Docusaurus, markdown-it-footnote.
const NOTES_SELECTOR = '[role="doc-endnotes"], [data-footnotes], section.footnotes, div.footnotes, aside.footnotes, section#footnotes, .footnotes-end-of-document';
const MARKER_SELECTOR = 'a[role="doc-noteref"], a[data-footnote-ref], a.footnote-ref, a.footnote, a.footnote-anchor, sup[role="doc-noteref"] > a, sup[id^="fnref"] > a, sup.footnote-ref > a';
const BACKLINK_SELECTOR = '[role="doc-backlink"], [data-footnote-backref], .footnote-back, .footnote-backref, .reversefootnote';

export interface DocsPage {
  $: CheerioAPI;
  html: string;
  /** The article: `<article>`, `<main>`, the element holding the notes and their markers, or else `<body>`. */
  body: Element;
  title: string;
  /** Marker anchor → the note element (`li`) it points to; undefined when the target is missing. */
  markers: Map<Element, Element | undefined>;
  /** Every note in the notes lists, in list order. */
  notes: Element[];
  containers: Element[];
  backlinks: string;
}

/** `#fn%3A1` → `fn:1`. */
function fragmentOf(href: string): string | undefined {
  if (!href.startsWith('#')) return undefined;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/** The nearest element containing every given element. */
function commonAncestor($: CheerioAPI, elements: Element[]): Element | undefined {
  const [first, ...rest] = elements;
  if (!first) return undefined;
  for (let node: Element | null = first; node; node = node.parent?.type === 'tag' ? node.parent : null) {
    const candidate = node;
    if (rest.every((el) => candidate === el || $.contains(candidate, el))) return candidate;
  }
  return $('body').get(0);
}

export function loadDocsPage(html: string, path: string): DocsPage {
  const $ = load(html, { sourceCodeLocationInfo: true });
  const containers = $(NOTES_SELECTOR).toArray().filter((el) => !$(el).parents(NOTES_SELECTOR).length);
  const notes = containers.flatMap((c) => $(c).find('li').toArray().filter((li) => li.attribs['id'] !== undefined));
  const byId = new Map(notes.map((li) => [li.attribs['id'] ?? '', li]));
  const markers = new Map<Element, Element | undefined>();
  for (const a of $(MARKER_SELECTOR).toArray()) {
    const fragment = fragmentOf(a.attribs['href'] ?? '');
    if (fragment === undefined || containers.some((c) => $.contains(c, a))) continue;
    markers.set(a, byId.get(fragment));
  }
  const article = $('article').toArray().find((el) => [...markers.keys()].every((m) => $.contains(el, m)))
    ?? $('main').get(0) ?? $('article').get(0);
  // No container and no marker: a plain page (Pandoc's template has no <main>) is read whole; it cites nothing.
  const body = article ?? (markers.size > 0 ? commonAncestor($, [...containers, ...markers.keys()]) : $('body').get(0));
  if (!body || $(body).find('p, li').length === 0) {
    throw new InputError(`cannot read ${path}: no article body (no paragraph or list item in its <article>, <main> or <body>)`,
      'give the page a built docs site serves (Pandoc, Hugo, Jekyll, Docusaurus, VitePress), or --input-format to read it otherwise');
  }
  const h1 = $(body).find('h1').first().text().replace(/\s+/gu, ' ').trim();
  const title = h1 || $('title').first().text().replace(/\s+/gu, ' ').trim();
  return { $, html, body, title, markers, notes, containers, backlinks: BACKLINK_SELECTOR };
}
