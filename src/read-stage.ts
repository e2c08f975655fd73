// Fetch and read as one stream: each response is handed to a reader the moment it arrives, while other requests are in flight.
import { lastMatched } from './history/checks.js';
import type { History } from './history/schema.js';
import type { ReadBudget } from './page/budget.js';
import type { ClaimMatch } from './judge/match.js';
import { openReader } from './read-pool.js';
import type { ClaimToMatch, SourceRead } from './read-source.js';
import type { Source } from './source.js';
import { fetchSources, type FetchOptions } from './sources/fetch.js';
import type { SourceFetch } from './types.js';

/** What a source gets from the stage: its fetch, page (without its text), link and the matches of the claims citing it. */
export type ReadSource = Pick<Source, 'fetch' | 'page' | 'link' | 'matches' | 'digest'>;

export interface StageOptions {
  fetch: Partial<FetchOptions>;
  replay?: ReadonlyMap<string, SourceFetch>;
  budget: ReadBudget;
  /** The history of the run's URLs (loaded on first use), for the phrases each page matched before. */
  previous?: () => History | undefined;
  /** Worker threads reading pages; 0 reads them on this thread. */
  workers: number;
  /** Keep each response's body after reading (`--warc` writes them); otherwise it is dropped once handed over. */
  keepBodies: boolean;
}

/** The key a claim's match is filed under: the same text, text before and given phrases match the same way. */
export function claimKey(claim: ClaimToMatch): string {
  return `${claim.text}\u0000${claim.before}\u0000${(claim.phrases ?? []).join('\u0001')}`;
}

const NOTHING = new Uint8Array(0);

/**
 * Fetches every URL once and, with worker threads, reads it as it arrives (on this thread, once all
 * have arrived); the result is keyed by URL, whatever order responses came in.
 */
export async function fetchAndRead(
  urls: readonly string[], claims: ReadonlyMap<string, ClaimToMatch[]>, opts: StageOptions,
): Promise<Map<string, ReadSource>> {
  const reader = await openReader(opts.workers);
  const pending = new Map<string, Promise<ReadSource>>();
  const readOne = (f: SourceFetch): void => {
    const wanted = claims.get(f.url) ?? [];
    const outcome = f.outcome;
    // The task holds its own reference to the body, so the source can let go of it now.
    const task = {
      fetch: { ...f, outcome: { ...outcome } },
      claims: wanted,
      budget: opts.budget,
      // Only a response has a page to compare (an offline run must not ask the history anything).
      ...(opts.previous && outcome.kind === 'response' ? { previous: lastMatched(opts.previous(), f.url) } : {}),
    };
    const drop = !opts.keepBodies && !opts.replay && outcome.kind === 'response';
    pending.set(f.url, reader.read(task, drop).then(
      (read) => settle(f, wanted, read),
      (error: unknown) => ({ fetch: f, link: { linkStatus: 'error', reason: `the page could not be read: ${String(error)}` } }),
    ));
    if (drop) outcome.body = NOTHING;
  };
  const arrived: SourceFetch[] = [];
  try {
    if (opts.replay) for (const url of urls) { const f = opts.replay.get(url); if (f) readOne(f); }
    else if (reader.onThisThread) {
      await fetchSources(urls, { ...opts.fetch, onFetched: (f) => arrived.push(f) });
      arrived.forEach(readOne);
    } else await fetchSources(urls, { ...opts.fetch, onFetched: readOne });
    const read = new Map<string, ReadSource>();
    for (const url of urls) {
      read.set(url, await pending.get(url) ?? { link: { linkStatus: 'error', reason: 'no recorded response for this URL in the replay file' } });
    }
    return read;
  } finally {
    await reader.close();
  }
}

function settle(fetch: SourceFetch, wanted: readonly ClaimToMatch[], read: SourceRead): ReadSource {
  const matches = new Map<string, ClaimMatch | undefined>();
  wanted.forEach((c, i) => matches.set(claimKey(c), read.matches[i]));
  return {
    fetch, link: read.link, matches,
    ...(read.page ? { page: read.page } : {}),
    ...(read.digest ? { digest: read.digest } : {}),
  };
}
