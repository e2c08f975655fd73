// What `citecheck extract` prints for one article: the Article without the list rows' raw text and
// lines, its references as the run will check them (the list merged with references.json).
import type { Reference } from '../config/schema.js';
import type { Article } from '../types.js';

/**
 * The extract output. `references` are the ones a verify run checks: each row of the article's list
 * with what references.json adds (its URL, most often; the URL, archive and quote it overrides, as
 * verify fetches them), then the entries only references.json has (`listed: false`). Without
 * `merged`, the article's own list.
 */
export function toExtractJson(a: Article, merged?: readonly Reference[]): object {
  const listed = new Map(a.references.map((r) => [r.id, r]));
  const refs = merged ?? a.references;
  return {
    title: a.title,
    ...(a.origin ? { origin: a.origin } : {}),
    claims: a.claims,
    uncited: a.uncited,
    references: refs.map((m) => {
      const r = listed.get(m.id);
      return {
        // What readers see in the list stays (the metadata findings compare it); the file fills gaps.
        id: m.id, title: r?.title || m.title, publisher: r?.publisher ?? m.publisher, date: r?.date ?? m.date,
        language: r?.language ?? m.language, uses: r?.uses, accessDate: r?.accessDate ?? m.accessDate, authors: r?.authors,
        url: m.url, archiveUrl: m.archiveUrl, urlStatus: r?.urlStatus, quote: m.quote ?? r?.quote, label: r?.label,
        ...(r ? {} : { listed: false }),
      };
    }),
    findings: a.findings,
  };
}
