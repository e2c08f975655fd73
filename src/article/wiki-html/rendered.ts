// What a citation's rendered HTML says when no template data is at hand (legacy saves, bare-URL notes).
import type { Element } from 'domhandler';
import { normaliseDate } from '../dates.js';
import { languageCodeOf } from '../languages.js';
import { findAll, findFirst, hasClass, squash, textOf } from './dom.js';
import { isArchiveUrl } from './links.js';

export interface RenderedData {
  /** External links in reading order. */
  links: string[];
  title?: string;
  work?: string;
  accessDate?: string;
  quote?: string;
  language?: string;
  /** `dead` when the title links the archive copy (CS1's default), `live` when it links the original. */
  urlStatus?: string;
}

// [dead link], [failed verification]: maintenance tags inside a note are not part of the citation.
const isTag = (el: Element) => el.name === 'style' || hasClass(el, 'Inline-Template') || hasClass(el, 'noprint');
const isExternal = (el: Element) => el.name === 'a' && (hasClass(el, 'external') || /^https?:\/\//u.test(el.attribs['href'] ?? ''));

export function readRendered(scope: Element): RenderedData {
  const anchors = findAll(scope, isExternal, isTag);
  const links = anchors.map((a) => a.attribs['href'] ?? '').filter((h) => h !== '');
  const text = squash(textOf(scope, isTag));
  const out: RenderedData = { links };
  const quoted = /["“]([^"”]+)["”]/u.exec(text);
  const firstLinkText = anchors[0] ? squash(textOf(anchors[0])) : '';
  const title = quoted?.[1] ?? (firstLinkText !== '' && !/^https?:/u.test(firstLinkText) ? firstLinkText : undefined);
  if (title) out.title = title.replace(/[.,]$/u, '').trim();
  const italic = findAll(scope, (el) => el.name === 'i', (el) => el.name === 'q' || isTag(el))[0];
  const work = italic ? squash(textOf(italic)) : '';
  if (work !== '') out.work = work;
  const access = findFirst(scope, (el) => hasClass(el, 'reference-accessdate'));
  const retrieved = access ? /Retrieved\s+(?:on\s+)?(.+?)\.?$/u.exec(squash(textOf(access))) : null;
  if (retrieved?.[1]) out.accessDate = normaliseDate(retrieved[1]) ?? retrieved[1];
  const q = findFirst(scope, (el) => el.name === 'q');
  const quote = q ? squash(textOf(q)) : '';
  if (quote !== '') out.quote = quote;
  const language = /\(in ([^)]+)\)/u.exec(text)?.[1];
  const code = language ? languageCodeOf(language) : undefined;
  if (code) out.language = code;
  const first = links[0];
  if (first !== undefined && links.some(isArchiveUrl) && links.some((l) => !isArchiveUrl(l))) {
    out.urlStatus = isArchiveUrl(first) ? 'dead' : 'live';
  }
  return out;
}
