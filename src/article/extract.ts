// What `citecheck extract` prints for one article: the Article without the list rows' raw text and lines.
import type { Article } from '../types.js';

/** The extract output: the Article without the list rows' raw text and lines. */
export function toExtractJson(a: Article): object {
  return {
    title: a.title,
    ...(a.origin ? { origin: a.origin } : {}),
    claims: a.claims,
    uncited: a.uncited,
    references: a.references.map((r) => ({
      id: r.id, title: r.title, publisher: r.publisher, date: r.date, language: r.language,
      uses: r.uses, accessDate: r.accessDate, authors: r.authors,
      url: r.url, archiveUrl: r.archiveUrl, urlStatus: r.urlStatus, quote: r.quote, label: r.label,
    })),
    findings: a.findings,
  };
}
