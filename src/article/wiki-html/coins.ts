// COinS (`span.Z3988`): the OpenURL key/value string CS1 puts after every citation.
import { normaliseDate } from '../dates.js';
import { parseAuthors } from '../references-list.js';
import { isHttpUrl } from './links.js';

export interface CoinsData {
  /** The original URL (`rft_id`), even when the rendered title links the archive copy. */
  url?: string;
  title?: string;
  work?: string;
  date?: string;
  authors?: string[];
}

/** Reads a Z3988 `title` attribute; undefined when it is absent or names nothing useful. */
export function readCoins(title: string | undefined): CoinsData | undefined {
  if (title === undefined || !title.includes('ctx_ver')) return undefined;
  const kev = new URLSearchParams(title);
  const out: CoinsData = {};
  const url = kev.getAll('rft_id').find(isHttpUrl);
  if (url) out.url = url;
  const heading = kev.get('rft.atitle') ?? kev.get('rft.btitle');
  if (heading) out.title = heading.trim();
  const work = kev.get('rft.jtitle') ?? kev.get('rft.pub');
  if (work) out.work = work.trim();
  const date = kev.get('rft.date');
  if (date) out.date = normaliseDate(date) ?? date.trim();
  const authors: string[] = [];
  const last = kev.get('rft.aulast');
  if (last) authors.push([kev.get('rft.aufirst'), last].filter(Boolean).join(' '));
  for (const au of kev.getAll('rft.au')) authors.push(...parseAuthors(au));
  const unique = [...new Set(authors.map((a) => a.trim()).filter(Boolean))];
  if (unique.length > 0) out.authors = unique;
  return out;
}
