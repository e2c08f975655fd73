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
  /** Shared with the pool: the reading thread writes when it starts (ms since the epoch), so only its own time counts. */
  clock?: BigInt64Array;
  /** A warm-up read (read-pool.ts warmUpTask): skipped by a thread that starts it once this holds 1, as real pages are waiting. */
  warmUpUntil?: Int32Array;
}

/** A warm-up read that real pages have overtaken: the thread reads them instead (the result is never used). */
export function warmUpSkipped(task: ReadTask): SourceRead | undefined {
  if (!task.warmUpUntil || Atomics.load(task.warmUpUntil, 0) === 0) return undefined;
  return { link: { linkStatus: 'ok', reason: 'warm-up skipped: pages were waiting' }, matches: [] };
}

/** Called by a reading thread as it starts a task (see ReadTask.clock). */
export function markStarted(task: ReadTask): void {
  if (task.clock) Atomics.store(task.clock, 0, BigInt(Date.now()));
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

/** A read source with its matches filed by askKey. */
export function filed(fetch: SourceFetch, asks: readonly MatchAsk[], read: SourceRead): ReadSource {
  return {
    fetch, link: read.link, matches: new Map(asks.map((a, i) => [askKey(a), read.matches[i]])),
    ...(read.page ? { page: read.page } : {}),
    ...(read.facts ? { facts: read.facts } : {}),
  };
}
