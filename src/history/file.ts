// Where the history database lives (--history, <out>/history.db) and the one-time import of a history.json.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { HistoryStore, StoreOptions } from './sqlite.js';

export interface HistoryLocation {
  /** The SQLite database every run reads and writes. */
  database: string;
  /** A JSON history (the format before 0.2) imported into the database once, when it exists. */
  legacy?: string;
}

/**
 * The rule: `--history FILE` is the database, except that a FILE ending in `.json` (the old format's
 * name) means the database beside it with `.db` instead, importing FILE once. Without the flag the
 * database is `<out>/history.db`, importing `<out>/history.json` once if one is there.
 */
export function historyLocation(flag: string | undefined, out: string): HistoryLocation {
  if (flag === undefined) return { database: path.join(out, 'history.db'), legacy: path.join(out, 'history.json') };
  if (/\.json$/i.test(flag)) return { database: `${flag.slice(0, -'.json'.length)}.db`, legacy: flag };
  return { database: flag };
}

/**
 * Opens the database and imports the legacy JSON into it when the database is still empty; `notify`
 * gets one line saying so. The JSON file is left as it was and never written again.
 */
export async function openHistoryAt(
  location: HistoryLocation, options: StoreOptions & { notify?: (line: string) => void } = {},
): Promise<HistoryStore> {
  // better-sqlite3 (a native module) loads only when a run keeps a history: not for --no-history or --replay.
  const { openHistory } = await import('./sqlite.js');
  const store = openHistory(location.database, options);
  try {
    const { legacy } = location;
    if (legacy && existsSync(legacy) && store.isEmpty()) {
      const { loadHistory } = await import('./store.js');
      const imported = store.importDocument(await loadHistory(legacy), legacy);
      if (imported !== undefined) {
        options.notify?.(`imported the history of ${imported} URLs from ${legacy} into ${location.database} `
          + `(once: ${path.basename(legacy)} is no longer read or written; keep ${path.basename(location.database)} instead)`);
      }
    }
    return store;
  } catch (error) {
    store.close();
    throw error;
  }
}
