// What a reader is given for one fetched URL and what it gives back, wherever it runs (this thread, a worker thread, a fleet worker).
// No reader is loaded from here: planning a run imports it before the first request.
import type { ClaimMatch } from './judge/match.js';
import type { ReadBudget } from './page/budget.js';
import type { LinkJudgement, Source } from './source.js';
import type { Page, SourceFetch } from './types.js';

/** A claim to match on a page: its text, the article's text before it (who "he" is), the phrases its reference gives. */
export interface MatchAsk {
  text: string;
  before: string;
  phrases?: readonly string[];
}

/** What the history needs from a page's text: its main-text fingerprint, and earlier phrases it still holds. */
export interface TextFacts {
  fingerprint?: string;
  kept: string[];
}

export interface ReadTask {
  fetch: SourceFetch;
  asks: readonly MatchAsk[];
  budget: ReadBudget;
  /** Phrases the history matched on this URL before (empty without a history). */
  previous?: readonly string[];
  /** A warm-up read (read-pool.ts warmUpTask): skipped by a thread that starts it once this holds 1, as real pages are waiting. */
  warmUpUntil?: Int32Array;
}

/** A warm-up read that real pages have overtaken: the thread reads them instead (the result is never used). */
export function warmUpSkipped(task: ReadTask): SourceRead | undefined {
  if (!task.warmUpUntil || Atomics.load(task.warmUpUntil, 0) === 0) return undefined;
  return { link: { linkStatus: 'ok', reason: 'warm-up skipped: pages were waiting' }, matches: [] };
}

/** What a reading thread is given: pages to read one after another, and where it says which one it is on. */
export interface ReadBatch {
  tasks: ReadTask[];
  /**
   * Shared with the pool: [0] when the thread started its current page (ms since the epoch, 0 before
   * the first), so only its own time counts; [1] that page's index in `tasks`.
   */
  clock: BigInt64Array;
}

/** Called by a reading thread as it starts the batch's page `index`. */
export function markStarted(clock: BigInt64Array, index: number): void {
  Atomics.store(clock, 1, BigInt(index));
  Atomics.store(clock, 0, BigInt(Date.now()));
}

/** Why a page our reader failed on is unreadable: the error's first line. */
export function couldNotRead(error: unknown): string {
  return `the page could not be read: ${String(error).split('\n')[0] ?? ''}`;
}

/** Compact: the page without its text layers (the matches carry the evidence), not a DOM. */
export interface SourceRead {
  page?: Page;
  link: LinkJudgement;
  /** One per task ask, in order; undefined where the link status is not a readable one. */
  matches: (ClaimMatch | undefined)[];
  facts?: TextFacts;
}

/** What a source stage returns per URL (the fetch, the judged link, the page without its text, the matches by askKey). */
export type ReadSource = Pick<Source, 'fetch' | 'page' | 'link' | 'matches' | 'facts'>;

/** The key a match is filed under: the same text, text before and given phrases match the same way. */
export function askKey(ask: MatchAsk): string {
  return JSON.stringify([ask.text, ask.before, ask.phrases ?? []]);
}

/**
 * One empty list for every read source that is kept until the report: a result from a reading thread
 * arrives with fresh empty arrays (structured clone), ~10 a source (8 KB at 1,000 sources). Frozen:
 * nothing adds to a match or a page once it is read.
 */
const NONE: never[] = Object.freeze([]) as never[];
const MATCH_LISTS = ['matched', 'missing', 'contradicted', 'requiredMissing', 'contradictions', 'opposed', 'notes'] as const;

/** The read's empty lists replaced by the shared one, in place (the read is this thread's own copy). */
function shareEmptyLists(read: SourceRead): void {
  for (const match of read.matches) {
    if (match) for (const key of MATCH_LISTS) if (match[key].length === 0) match[key] = NONE;
  }
  if (read.page?.layers.length === 0) read.page.layers = NONE;
  if (read.facts?.kept.length === 0) read.facts.kept = NONE;
}

/** A read source with its matches filed by askKey. */
export function filed(fetch: SourceFetch, asks: readonly MatchAsk[], read: SourceRead): ReadSource {
  shareEmptyLists(read);
  return {
    fetch, link: read.link, matches: new Map(asks.map((a, i) => [askKey(a), read.matches[i]])),
    ...(read.page ? { page: read.page } : {}),
    ...(read.facts ? { facts: read.facts } : {}),
  };
}
