// The history as the pipeline asks for it: a whole History object, or a store that loads only some URLs.
import type { SourceCheck } from './rot.js';
import type { History } from './schema.js';

/** What one run hands the store: its start time and every source it checked. */
export interface HistoryRun {
  at: Date;
  checks: SourceCheck[];
}

/** A store that answers with the history of the given URLs only (no full-corpus load). */
export interface HistoryReader {
  previous(urls: Iterable<string>): History;
}

/** The history of the sources' URLs: asked of a store, or the History object itself. */
export function previousOf(history: History | HistoryReader, sources: Iterable<{ url?: string | undefined }>): History {
  if (!('previous' in history)) return history;
  const urls: string[] = [];
  for (const s of sources) if (s.url !== undefined) urls.push(s.url);
  return history.previous(urls);
}
