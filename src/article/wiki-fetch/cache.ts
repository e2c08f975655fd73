// Wiki API answers on disk: a pinned revision never changes; a "latest revision" lookup is kept briefly.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../../atomic.js';

const EntrySchema = z.strictObject({
  version: z.literal(1),
  url: z.string(),
  storedAt: z.number(),
  /** null: immutable (a revision's HTML or metadata). */
  expiresAt: z.number().nullable(),
  contentType: z.string(),
  body: z.string(),
});

export type WikiCacheEntry = z.infer<typeof EntrySchema>;

export interface WikiCache {
  get(url: string): Promise<WikiCacheEntry | undefined>;
  set(entry: WikiCacheEntry): Promise<void>;
}

/** `<dir>/wiki/<sha256 of the request URL>.json`; a missing, corrupt or expired file is a miss, never an error. */
export function createWikiCache(dir: string | undefined, now: () => number): WikiCache {
  const memory = new Map<string, WikiCacheEntry>();
  const fileOf = (url: string) => dir && path.join(dir, 'wiki', `${createHash('sha256').update(url).digest('hex')}.json`);
  const fresh = (e: WikiCacheEntry) => e.expiresAt === null || e.expiresAt > now();
  return {
    async get(url) {
      const held = memory.get(url);
      if (held) return fresh(held) ? held : undefined;
      const file = fileOf(url);
      if (!file) return undefined;
      try {
        const parsed = EntrySchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
        if (!parsed.success || parsed.data.url !== url || !fresh(parsed.data)) return undefined;
        memory.set(url, parsed.data);
        return parsed.data;
      } catch {
        return undefined;
      }
    },
    async set(entry) {
      memory.set(entry.url, entry);
      const file = fileOf(entry.url);
      // Losing the cache costs requests, not correctness: a write failure is ignored.
      if (file) await writeFileAtomic(file, JSON.stringify(entry)).catch(() => undefined);
    },
  };
}
