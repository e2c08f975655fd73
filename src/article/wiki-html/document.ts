// Loads Wikipedia HTML with source offsets, tells Parsoid from legacy markup, and finds the article body.
import { load, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { InputError } from '../../errors.js';
import { placer } from '../assemble.js';

export type WikiHtmlForm = 'parsoid' | 'legacy';

export interface WikiDocument {
  $: CheerioAPI;
  html: string;
  /** `div.mw-parser-output` (legacy, and Parsoid read views) or Parsoid's `body`. */
  root: Element;
  form: WikiHtmlForm;
  title: string;
  /** 1-based line and column (UTF-16 code units) of a source offset. */
  position(offset: number): { line: number; column: number };
}

/** Parsoid says so in a meta tag or in the typeof of its ref markers (inputs.md §1.1). */
export function detectForm($: CheerioAPI): WikiHtmlForm | undefined {
  if ($('meta[property="mw:htmlVersion"], [typeof~="mw:Extension/ref"]').length > 0) return 'parsoid';
  if ($('.mw-parser-output').length > 0 || $('sup.reference').length > 0) return 'legacy';
  return undefined;
}

/** The page title: the h1 of a saved page, else `<title>` without the ` - Wikipedia` a browser tab shows. */
function titleOf($: CheerioAPI, form: WikiHtmlForm): string {
  const h1 = $('h1#firstHeading').first().text().replace(/\s+/g, ' ').trim();
  if (h1 !== '') return h1;
  const title = $('title').first().text().replace(/\s+/g, ' ').trim();
  return form === 'legacy' ? title.replace(/\s+[-–—]\s+[^-–—]+$/u, '') : title;
}

/** Parses the page; HTML without a Wikipedia article body is an InputError naming the file. */
export function loadWikiDocument(html: string, path: string): WikiDocument {
  // htmlparser2 rather than parse5: three times faster on a 1 MB page, with the offsets positions need.
  // Wikipedia's HTML is well-formed, so the spec's error recovery that parse5 adds buys nothing here.
  const $ = load(html, { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true } });
  const form = detectForm($);
  const root = $('.mw-parser-output').get(0) ?? (form === 'parsoid' ? $('body').get(0) : undefined);
  if (!form || !root || $(root).find('p, li').length === 0) {
    throw new InputError(`cannot read ${path}: no Wikipedia article body (no div.mw-parser-output or Parsoid markup with prose)`,
      'save the whole page from the browser ("Web page, HTML only"), or give its URL: citecheck verify https://en.wikipedia.org/wiki/Title');
  }
  return { $, html, root, form, title: titleOf($, form), position: placer(html) };
}
