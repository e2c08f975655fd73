// What a citation's rendered HTML says when no template data is at hand (legacy saves, bare-URL notes).
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { normaliseDate } from '../dates.js';
import { languageCodeOf } from '../languages.js';
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

const EXTERNAL = 'a.external, a[rel~="mw:ExtLink"], a[href^="http://"], a[href^="https://"]';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

// [dead link], [failed verification]: maintenance tags inside a note are not part of the citation.
const TAGS = '.Inline-Template, .noprint, style';

export function readRendered($: CheerioAPI, scope: Element): RenderedData {
  const el = $(scope).find(TAGS).length > 0 ? $(scope).clone().find(TAGS).remove().end() : $(scope);
  const anchors = el.find(EXTERNAL).toArray();
  const links = anchors.map((a) => $(a).attr('href') ?? '').filter((h) => h !== '');
  const text = squash(el.text());
  const out: RenderedData = { links };
  const quoted = /["“]([^"”]+)["”]/u.exec(text);
  const firstLinkText = anchors[0] ? squash($(anchors[0]).text()) : '';
  const title = quoted?.[1] ?? (firstLinkText !== '' && !/^https?:/u.test(firstLinkText) ? firstLinkText : undefined);
  if (title) out.title = title.replace(/[.,]$/u, '').trim();
  const work = squash(el.find('i').not('q i').first().text());
  if (work !== '') out.work = work;
  const retrieved = /Retrieved\s+(?:on\s+)?(.+?)\.?$/u.exec(squash(el.find('.reference-accessdate').first().text()));
  if (retrieved?.[1]) out.accessDate = normaliseDate(retrieved[1]) ?? retrieved[1];
  const quote = squash(el.find('q').first().text());
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
