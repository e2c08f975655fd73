// Builds the archive step of `verify`: Wayback lookups through the guarded agent, or replayed responses.
import path from 'node:path';
import { replayedWayback, type ArchiveStep } from '../archive/check.js';
import { createWaybackClient } from '../archive/wayback.js';
import { createAgent } from '../sources/http.js';
import { fetchSources, DEFAULT_FETCH_OPTIONS, type FetchOptions } from '../sources/fetch.js';
import type { SourceFetch } from '../types.js';

export function archiveStep(opts: {
  fetch: Partial<FetchOptions>;
  replay?: ReadonlyMap<string, SourceFetch>;
  lookups: boolean;
  out: string;
  waybackUrl?: string;
}): ArchiveStep {
  const { replay } = opts;
  if (replay) {
    // A replayed run reads archived copies from the same WARC; it never asks the archive anything.
    return {
      wayback: replayedWayback(replay),
      fetch: async (urls) => new Map(urls.flatMap((u) => { const f = replay.get(u); return f ? [[u, f] as const] : []; })),
    };
  }
  const fetch = (urls: readonly string[]) => fetchSources(urls, { ...opts.fetch, perHost: 1 });
  if (!opts.lookups) return { fetch };
  const dispatcher = createAgent({
    timeoutMs: opts.fetch.timeoutMs ?? DEFAULT_FETCH_OPTIONS.timeoutMs,
    connections: 1,
    allowPrivateHosts: opts.fetch.allowPrivateHosts ?? false,
    allowHosts: [],
  });
  const wayback = createWaybackClient({
    dispatcher,
    cache: path.join(opts.out, 'wayback-cache.json'),
    ...(opts.waybackUrl ? { baseUrl: opts.waybackUrl } : {}),
    ...(opts.fetch.userAgent ? { userAgent: opts.fetch.userAgent } : {}),
  });
  return { wayback, fetch };
}
