// Opening the SQLite history database: pragmas for concurrent runs, the schema, its version.
import Database from 'better-sqlite3';
import { InputError } from '../errors.js';

/** PRAGMA user_version of the layout below; a newer one is refused, never rewritten. */
export const DB_VERSION = 1;

/**
 * One row per check (`checks`, clustered by URL then time, so a URL's recent checks are one range
 * read), the derived strike state per URL (`urls`, with the time of its newest check for pruning),
 * one row per run (`runs`), and each URL's distinct sets of matched phrases once (`phrase_sets`: the
 * same set repeats every week; per URL so pruning a URL can drop its unused sets by key). Times of
 * checks, runs and last_checked_at are epoch milliseconds; the state's times are the ISO strings the
 * rules compare.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, kind TEXT NOT NULL, checks INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS urls (
  id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, refs TEXT NOT NULL, strikes INTEGER NOT NULL,
  first_failed_at TEXT, last_strike_at TEXT, dead_since TEXT, rot_dead INTEGER NOT NULL,
  last_checked_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS urls_by_last_check ON urls (last_checked_at);
CREATE TABLE IF NOT EXISTS phrase_sets (
  id INTEGER PRIMARY KEY, url_id INTEGER NOT NULL, phrases TEXT NOT NULL, UNIQUE (url_id, phrases)
);
CREATE TABLE IF NOT EXISTS checks (
  url_id INTEGER NOT NULL, at INTEGER NOT NULL, run_id INTEGER NOT NULL,
  link_status TEXT NOT NULL, http_status INTEGER, final_url TEXT, fingerprint BLOB, phrases_id INTEGER,
  PRIMARY KEY (url_id, at, run_id)
) WITHOUT ROWID;
`;

export interface OpenOptions {
  /** How long a run waits for another run's write transaction to finish (ms). */
  busyTimeoutMs?: number;
}

/**
 * WAL lets a run read while another writes, and BEGIN IMMEDIATE plus the busy timeout queue two
 * runs' writes instead of failing one. The history must be on a local disk (WAL needs shared memory).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 60_000 });
    db.pragma('journal_mode = WAL');
    // A run touches a few thousand leaf pages spread over the file, twice (load, then the write that
    // re-reads): 64 MB keeps them between the two instead of SQLite's default 2 MB.
    db.pragma('cache_size = -65536');
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > DB_VERSION) {
      throw new InputError(
        `history database ${file} was written by a newer citecheck (layout ${version}, this one reads ${DB_VERSION})`,
        'upgrade citecheck, or pass another --history file',
      );
    }
    if (version < DB_VERSION) {
      const database = db;
      database.transaction(() => {
        database.exec(SCHEMA);
        database.pragma(`user_version = ${DB_VERSION}`);
      }).immediate();
    }
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof InputError) throw error;
    throw new InputError(
      `cannot open history database ${file}: ${error instanceof Error ? error.message : String(error)}`,
      'check the path and its permissions; a damaged file can be moved aside to start a fresh history',
    );
  }
}
