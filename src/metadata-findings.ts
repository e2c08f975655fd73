// The reference's own metadata against the page's: the date and title readers see in the reference list vs datePublished and the headline.
import type { Reference } from './config/schema.js';
import { normalize } from './judge/normalize.js';
import { guessScriptLanguage, stemWord, STOP_WORDS, TOKEN } from './judge/words.js';
import type { Finding, ListedReference, Page } from './types.js';

const DAY_MS = 86_400_000;
/** Below this share of the shorter title's words in common, the cited title is another article's. */
export const TITLE_MIN_OVERLAP = 0.5;

/** `2023-10-14` from `2023-10-14T01:30:00Z`: the date as the publisher wrote it (its own time zone). */
function dayOf(date: string | undefined): string | undefined {
  return /^\d{4}-\d{2}-\d{2}/.exec(date ?? '')?.[0];
}

/** The title without a trailing site name (`… | The Daily Example`, `… - CNN`). */
export function withoutSiteName(title: string): string {
  const m = /^(.*\S)\s+[|–—-]\s+([^|–—-]{1,40})$/.exec(title.trim());
  return m?.[1] && (m[2]?.split(/\s+/).length ?? 9) <= 4 ? m[1] : title.trim();
}

function contentStems(title: string): Set<string> {
  return new Set((normalize(title).text.match(TOKEN) ?? []).filter((t) => !STOP_WORDS.has(t)).map((t) => stemWord(t)));
}

/** Share of the shorter title's content words that the other has. */
export function titleOverlap(a: string, b: string): number {
  const x = contentStems(a);
  const y = contentStems(b);
  const shorter = Math.min(x.size, y.size);
  if (shorter === 0) return 1;
  return [...x].filter((s) => y.has(s)).length / shorter;
}

/**
 * A date-mismatch when the cited date (the article's reference list, else references.json) and the
 * page's datePublished are different days (one day apart may be a time-zone difference, and says
 * so); a title-mismatch when the cited title shares too few words with the page's own title.
 */
export function metadataFindings(ref: number, listed: ListedReference | undefined, reference: Reference | undefined,
  page: Page | undefined): Finding[] {
  if (!page) return [];
  const out: Finding[] = [];
  const cited = dayOf(listed?.date) ?? (listed?.date ? undefined : dayOf(reference?.date));
  const published = dayOf(page.publishedDate);
  if (cited && published && cited !== published) {
    const days = Math.round(Math.abs(Date.parse(cited) - Date.parse(published)) / DAY_MS);
    const note = days === 1 ? 'one day apart: possibly a time-zone difference' : `${days} days apart`;
    out.push({ kind: 'date-mismatch', ref, cited, page: published, days,
      message: `reference [${ref}] is cited as published ${cited} but the page says ${published} (${note})` });
  }
  const citedTitle = listed?.title || reference?.title;
  const pageTitle = page.title ? withoutSiteName(page.title) : undefined;
  // a title cited in translation (another script) cannot be compared word for word
  const comparable = citedTitle && pageTitle && guessScriptLanguage(citedTitle) === guessScriptLanguage(pageTitle);
  if (citedTitle && pageTitle && comparable && titleOverlap(citedTitle, pageTitle) < TITLE_MIN_OVERLAP) {
    out.push({ kind: 'title-mismatch', ref, cited: citedTitle, page: pageTitle,
      message: `reference [${ref}] is cited as "${citedTitle}" but the page is titled "${pageTitle}"` });
  }
  return out;
}
