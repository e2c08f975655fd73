// One note → the reference metadata: template parameters first, then COinS, then the rendered citation.
import type { Element } from 'domhandler';
import type { ListedReference } from '../../types.js';
import { normaliseDate } from '../dates.js';
import { languageCodeOf } from '../languages.js';
import { readCoins } from './coins.js';
import { findFirst, hasClass, isElement } from './dom.js';
import { decodeFragment } from './markers.js';
import { splitLinks } from './links.js';
import { findTemplateParams, param, plainWikitext, type TemplateParams } from './params.js';
import { readRendered } from './rendered.js';

export type CitationData = Partial<Pick<ListedReference,
  'url' | 'archiveUrl' | 'urlStatus' | 'title' | 'publisher' | 'date' | 'accessDate' | 'language' | 'authors' | 'quote'>>;

/** Looks up an element by id (`CITEREFSmith2020`) without building a CSS selector from page text. */
export type IdLookup = (id: string) => Element | undefined;

/** The full citation a note stands for: its own `cite`, or the bibliography entry an {{sfn}} links. */
function citationOf(content: Element, byId: IdLookup): { cite?: Element; scope: Element } {
  const own = findFirst(content, (el) => el.name === 'cite');
  if (own) return { cite: own, scope: content };
  const link = findFirst(content, (el) => el.name === 'a' && (el.attribs['href'] ?? '').includes('#CITEREF'));
  const target = link ? byId(decodeFragment(link.attribs['href'] ?? '') ?? '') : undefined;
  if (!target) return { scope: content };
  const cite = target.name === 'cite' ? target : findFirst(target, (el) => el.name === 'cite');
  return { ...(cite ? { cite } : {}), scope: cite?.parent && isElement(cite.parent) ? cite.parent : target };
}

/** CS1 writes the COinS span right after its `cite`; a note without one may still carry a span. */
function coinsOf(cite: Element | undefined, scope: Element): Element | undefined {
  const isCoins = (el: Element) => el.name === 'span' && hasClass(el, 'Z3988');
  if (!cite) return findFirst(scope, isCoins);
  for (let next = cite.nextSibling; next; next = next.nextSibling) {
    if (isElement(next) && isCoins(next)) return next;
  }
  return undefined;
}

export function authorsOf(params: TemplateParams | undefined): string[] | undefined {
  const names: string[] = [];
  for (const i of ['', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
    if (i === '1' && names.length > 0) continue;
    const last = param(params, `last${i}`, `surname${i}`, `author${i}`, `author${i}-last`);
    const first = param(params, `first${i}`, `given${i}`, `author${i}-first`);
    if (last) names.push(plainWikitext(first ? `${first} ${last}` : last));
  }
  return names.length > 0 ? names : undefined;
}

export function languageOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = plainWikitext(value);
  return /^[a-z]{2,3}(?:-[a-z0-9]+)?$/iu.test(v) ? v.toLowerCase() : languageCodeOf(v);
}

export function urlStatusOf(params: TemplateParams | undefined): string | undefined {
  const status = param(params, 'url-status')?.toLowerCase();
  if (status) return status;
  const dead = param(params, 'dead-url', 'deadurl')?.toLowerCase();
  if (dead) return /^(?:no|false)$/u.test(dead) ? 'live' : 'dead';
  return param(params, 'archive-url', 'archiveurl') ? 'dead' : undefined;
}

export const dateOf = (wt: string | undefined) => (wt === undefined ? undefined : normaliseDate(plainWikitext(wt)) ?? plainWikitext(wt));
export const plainOf = (wt: string | undefined) => (wt === undefined ? undefined : plainWikitext(wt) || undefined);

/** The citation without the fields nobody knew (so that a row reads like the text reader's). */
function compact(fields: { [K in keyof Required<CitationData>]: Required<CitationData>[K] | undefined }): CitationData {
  const out: CitationData = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(out, { [key]: value });
  return out;
}

/** Fields set only when known: the original URL from data-mw `url`, then COinS `rft_id`, then the links. */
export function readCitation(content: Element, byId: IdLookup): CitationData {
  const { cite, scope } = citationOf(content, byId);
  const params = findTemplateParams(scope);
  const coins = readCoins(coinsOf(cite, scope)?.attribs['title']);
  const rendered = readRendered(cite ?? content);
  const links = splitLinks(rendered.links);
  return compact({
    url: plainOf(param(params, 'url')) ?? coins?.url ?? links.original,
    archiveUrl: plainOf(param(params, 'archive-url', 'archiveurl')) ?? links.archive,
    urlStatus: urlStatusOf(params) ?? rendered.urlStatus,
    title: plainOf(param(params, 'title', 'chapter', 'script-title')) ?? coins?.title ?? rendered.title,
    publisher: plainOf(param(params, 'website', 'work', 'newspaper', 'journal', 'magazine', 'periodical', 'publisher', 'agency'))
      ?? coins?.work ?? rendered.work,
    date: dateOf(param(params, 'date', 'year')) ?? coins?.date,
    accessDate: dateOf(param(params, 'access-date', 'accessdate')) ?? rendered.accessDate,
    language: languageOf(param(params, 'language', 'lang')) ?? rendered.language,
    authors: authorsOf(params) ?? coins?.authors,
    quote: plainOf(param(params, 'quote')) ?? rendered.quote,
  });
}
