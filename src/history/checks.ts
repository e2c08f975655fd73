// What one run tells the history about each fetched source: status, text fingerprint, phrases found.
import type { Source } from '../source.js';
import type { Citation } from '../types.js';
import type { SourceCheck } from './rot.js';
import type { History } from './schema.js';

/** Phrases the last readable check of `url` matched (what drift compares against). */
export function lastMatched(history: History | undefined, url: string): string[] {
  const checks = history && Object.hasOwn(history.urls, url) ? history.urls[url]?.checks ?? [] : [];
  return checks.findLast((c) => c.matchedPhrases !== undefined)?.matchedPhrases ?? [];
}

/**
 * `matchedPhrases` is what this run's claims matched plus every phrase matched before that the page
 * still contains anywhere: a phrase is only "lost" (drift) when the page no longer has it, not when
 * the article stopped asking for it or the best evidence window moved. The reader found those as it
 * read the page (read-source.ts), from the history's `lastMatched`.
 */
export function sourceChecks(sources: Iterable<Source>, citations: readonly Citation[]): SourceCheck[] {
  // One pass over the citations, not one per source (that was 16 s at 10,000 sources).
  const matchedByRef = new Map<number, string[]>();
  for (const c of citations) {
    const list = matchedByRef.get(c.ref);
    if (list) list.push(...c.matched);
    else matchedByRef.set(c.ref, [...c.matched]);
  }
  const checks: SourceCheck[] = [];
  for (const s of sources) {
    if (!s.url || !s.link) continue;
    const response = s.fetch?.outcome.kind === 'response' ? s.fetch.outcome : undefined;
    const entry: SourceCheck = { url: s.url, ref: s.ref, linkStatus: s.link.linkStatus };
    if (response) entry.httpStatus = response.status;
    if (s.fetch) entry.finalUrl = s.fetch.finalUrl;
    // Taken where the page was read, once (read-source.ts): the page comes back without its text.
    const { facts } = s;
    if (facts?.fingerprint) {
      const matched = matchedByRef.get(s.ref) ?? [];
      entry.textFingerprint = facts.fingerprint;
      entry.matchedPhrases = [...new Set([...matched, ...facts.kept])];
    }
    checks.push(entry);
  }
  return checks;
}
