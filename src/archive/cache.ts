// CDX answers cached in memory and, optionally, in a JSON file with a TTL (captures rarely change).
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { writeFileAtomic } from '../atomic.js';
import { CaptureSchema, type Capture } from './cdx.js';

export interface CacheEntry {
  /** Epoch ms when the answer was fetched. */
  storedAt: number;
  /** null: the archive has no usable capture (an answer too, worth caching). */
  capture: Capture | null;
}

const CacheFileSchema = z.strictObject({
  version: z.literal(1),
  entries: z.record(z.string(), z.strictObject({ storedAt: z.number(), capture: CaptureSchema.nullable() })),
});

export interface AnswerCache {
  get(key: string): Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): Promise<void>;
}

/**
 * A disposable cache: an unreadable or corrupt file is treated as empty (and rewritten), never
 * an error — losing it costs only some CDX calls. Expired entries are dropped on write.
 */
export function createAnswerCache(opts: { file?: string; map?: Map<string, CacheEntry>; ttlMs: number; now: () => number }): AnswerCache {
  const map = opts.map ?? new Map<string, CacheEntry>();
  let loaded: Promise<void> | undefined;
  let writes: Promise<void> = Promise.resolve();

  const load = () => (loaded ??= opts.file ? readCacheFile(opts.file, map) : Promise.resolve());
  const fresh = (e: CacheEntry) => opts.now() - e.storedAt < opts.ttlMs && e.storedAt <= opts.now();

  return {
    async get(key) {
      await load();
      const e = map.get(key);
      return e && fresh(e) ? e : undefined;
    },
    async set(key, entry) {
      await load();
      map.set(key, entry);
      const file = opts.file;
      if (!file) return;
      // Serialised: each write carries the whole map, so the last rename must be the newest map.
      writes = writes.then(() => {
        const entries = Object.fromEntries([...map].filter(([, e]) => fresh(e)));
        return writeFileAtomic(file, `${JSON.stringify({ version: 1, entries })}\n`);
      }).catch(() => undefined);
      await writes;
    },
  };
}

async function readCacheFile(file: string, into: Map<string, CacheEntry>): Promise<void> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return;
  }
  const parsed = CacheFileSchema.safeParse(raw);
  if (!parsed.success) return;
  for (const [k, v] of Object.entries(parsed.data.entries)) if (!into.has(k)) into.set(k, v);
}
