// The history store on SQLite: the history of given URLs out, one run in per transaction, pruning.
import type Database from 'better-sqlite3';
import * as z from 'zod';
import { openDatabase } from './database.js';
import type { HistoryRun } from './reader.js';
import { recordRun, type RunChanges } from './rot.js';
import { CHECK_EFFECT, type RotRules } from './rules.js';
import {
  CheckRowSchema, UrlRowSchema, type CheckRow, checkColumns, checkEntry, phraseParser, urlColumns, urlHistory,
} from './rows.js';
import { HISTORY_VERSION, type CheckEntry, type History, type UrlHistory } from './schema.js';

export interface HistoryStore {
  readonly file: string;
  /**
   * The history of these URLs only: each one's strike state and the checks the rules compare with
   * (the newest check, the newest with matched phrases, the newest readable one with a fingerprint
   * and phrases), not every check the database keeps. At most three rows per URL, by key.
   */
  previous(urls: Iterable<string>): History;
  /**
   * Folds one run in: one write transaction that re-reads the state of the run's URLs first, so a
   * run that finished in between (another process on the same file) is built upon, never overwritten.
   */
  record(run: HistoryRun, rules?: Partial<RotRules>): RunChanges;
  /** True when nothing was recorded or imported yet (a history.json may be imported). */
  isEmpty(): boolean;
  /** Imports a whole history document in one transaction, once: undefined when the store is not empty. */
  importDocument(h: History, from: string): number | undefined;
  close(): void;
}

export interface StoreOptions {
  /** Checks older than this (ms before the run) are deleted; undefined keeps every check. */
  keepMs?: number;
  busyTimeoutMs?: number;
  /** Test seam: runs inside the write transaction after every row is written, before COMMIT. */
  beforeCommit?: () => void;
}

const Id = z.number().int();
// Built once: a zod schema made per call (`Id.optional()` in a loop) costs more than the row it checks.
const MaybeId = Id.optional();
const MaybeText = z.string().optional();
const Ids = z.array(Id);

export function openHistory(file: string, options: StoreOptions = {}): HistoryStore {
  const db = openDatabase(file, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  const q = statements(db);
  const meta = (key: string) => MaybeText.parse(q.getMeta.get(key));

  /** The last load, reused by record() when no other connection has committed since (data_version). */
  let lastLoad: { version: number; asked: Set<string>; history: History } | undefined;
  const dataVersion = () => Id.parse(db.pragma('data_version', { simple: true }));

  function previous(urls: Iterable<string>): History {
    // Read before loading: a commit by another run during the load makes record() load again.
    const version = dataVersion();
    const asked = new Set(urls);
    const history = load(asked);
    lastLoad = { version, asked, history };
    return history;
  }

  function load(urls: ReadonlySet<string>): History {
    const parsePhrases = phraseParser();
    const out: Record<string, UrlHistory> = {};
    for (const url of urls) {
      const found = q.getUrl.get(url);
      if (found === undefined) continue;
      const row = UrlRowSchema.parse(found);
      const checks = comparedChecks(row.id).map((c) => checkEntry(url, c, parsePhrases));
      // defineProperty, not assignment: a cited "URL" spelled __proto__ must stay a plain key.
      Object.defineProperty(out, url, { value: urlHistory(row, checks), enumerable: true, writable: true, configurable: true });
    }
    const updatedAt = meta('updated_at');
    return { version: HISTORY_VERSION, ...(updatedAt ? { updatedAt } : {}), urls: out };
  }

  /**
   * The newest check, the newest with matched phrases (sourceChecks keeps those the page still has)
   * and the newest readable one with a fingerprint and phrases (drift's baseline): newest first,
   * stopping as soon as both are found, which is usually the first row. Returned oldest first.
   */
  function comparedChecks(urlId: number): CheckRow[] {
    const rows: CheckRow[] = [];
    let matched = false;
    let readable = false;
    for (const found of q.checksNewestFirst.iterate(urlId)) {
      const row = CheckRowSchema.parse(found);
      const isMatched = row.phrases !== null;
      const isReadable = isMatched && row.fingerprint !== null && CHECK_EFFECT[row.link_status] === 'reset';
      if (rows.length === 0 || (isMatched && !matched) || (isReadable && !readable)) rows.push(row);
      matched ||= isMatched;
      readable ||= isReadable;
      if (matched && readable) break;
    }
    return rows.reverse();
  }

  /** A URL's checks with its phrase sets: each distinct set once per URL, looked up by key. */
  function writeUrl(u: UrlHistory, entries: readonly CheckEntry[], runId: number, lastCheckedAt: number): number {
    const urlId = Id.parse(q.upsertUrl.get(urlColumns(u, lastCheckedAt)));
    const sets = new Map<string, number>();
    const setId = (json: string): number => {
      const id = sets.get(json) ?? MaybeId.parse(q.findPhrases.get(urlId, json))
        ?? Number(q.addPhrases.run(urlId, json).lastInsertRowid);
      sets.set(json, id);
      return id;
    };
    for (const entry of entries) {
      const c = checkColumns(u.url, entry);
      q.insertCheck.run({
        urlId, runId, at: c.at, linkStatus: c.linkStatus, httpStatus: c.httpStatus, finalUrl: c.finalUrl,
        fingerprint: c.fingerprint, phrasesId: c.phrases === null ? null : setId(c.phrases),
      });
    }
    return urlId;
  }

  /**
   * Keyed deletes only, no table scan: this run's URLs lose their checks older than the policy, and a
   * URL no run has checked within it goes with all its checks (found by the last_checked_at index).
   */
  function prune(at: number, urlIds: readonly number[]): void {
    if (options.keepMs === undefined) return;
    const cutoff = at - options.keepMs;
    for (const id of urlIds) {
      if (q.pruneChecks.run(id, cutoff).changes > 0) q.pruneSets.run(id, id);
    }
    for (const id of Ids.parse(q.staleUrls.all(cutoff))) {
      q.deleteChecks.run(id);
      q.deleteSets.run(id);
      q.deleteUrl.run(id);
    }
    q.pruneRuns.run(cutoff);
  }

  const recordTx = db.transaction((run: HistoryRun, rules?: Partial<RotRules>) => {
    const urls = [...new Set(run.checks.map((c) => c.url))];
    // Inside the write lock: the state as it is now, which is what previous() saw unless another run
    // committed in between (then load again, and build on that run's checks).
    const seen = lastLoad;
    lastLoad = undefined;
    const fresh = seen && seen.version === dataVersion() && urls.every((u) => seen.asked.has(u))
      ? seen.history : load(new Set(urls));
    const { history, changes } = recordRun(fresh, run, rules);
    const at = run.at.getTime();
    const runId = Number(q.insertRun.run(at, 'run', urls.length).lastInsertRowid);
    const ids: number[] = [];
    for (const url of urls) {
      const u = Object.hasOwn(history.urls, url) ? history.urls[url] : undefined;
      const entry = u?.checks.at(-1);
      if (u && entry) ids.push(writeUrl(u, [entry], runId, at));
    }
    prune(at, ids);
    const newest = meta('updated_at');
    if (!newest || Date.parse(newest) < at) q.setMeta.run('updated_at', run.at.toISOString());
    options.beforeCommit?.();
    return changes;
  });

  const importTx = db.transaction((h: History, from: string) => {
    if (!isEmpty()) return undefined;
    const at = h.updatedAt ? Date.parse(h.updatedAt) : Date.now();
    const runId = Number(q.insertRun.run(at, 'import', Object.keys(h.urls).length).lastInsertRowid);
    for (const u of Object.values(h.urls)) {
      writeUrl(u, u.checks, runId, u.checks.reduce((max, c) => Math.max(max, Date.parse(c.at)), 0) || at);
    }
    lastLoad = undefined;
    q.setMeta.run('imported_from', from);
    if (h.updatedAt) q.setMeta.run('updated_at', h.updatedAt);
    options.beforeCommit?.();
    return Object.keys(h.urls).length;
  });

  function isEmpty(): boolean {
    return q.anyUrl.get() === undefined && meta('imported_from') === undefined;
  }

  return {
    file,
    previous,
    record: (run, rules) => recordTx.immediate(run, rules),
    isEmpty,
    importDocument: (h, from) => importTx.immediate(h, from),
    close: () => db.close(),
  };
}

function statements(db: Database.Database) {
  return {
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    anyUrl: db.prepare('SELECT 1 FROM urls LIMIT 1').pluck(),
    getUrl: db.prepare('SELECT id, url, refs, strikes, first_failed_at, last_strike_at, dead_since, rot_dead FROM urls WHERE url = ?'),
    checksNewestFirst: db.prepare(`SELECT c.at, c.run_id, c.link_status, c.http_status, c.final_url, c.fingerprint, p.phrases
      FROM checks c LEFT JOIN phrase_sets p ON p.id = c.phrases_id
      WHERE c.url_id = ? ORDER BY c.at DESC, c.run_id DESC`),
    upsertUrl: db.prepare(`INSERT INTO urls
        (url, refs, strikes, first_failed_at, last_strike_at, dead_since, rot_dead, last_checked_at)
      VALUES (@url, @refs, @strikes, @firstFailedAt, @lastStrikeAt, @deadSince, @rotDead, @lastCheckedAt)
      ON CONFLICT(url) DO UPDATE SET refs = excluded.refs, strikes = excluded.strikes,
        first_failed_at = excluded.first_failed_at, last_strike_at = excluded.last_strike_at,
        dead_since = excluded.dead_since, rot_dead = excluded.rot_dead,
        last_checked_at = max(last_checked_at, excluded.last_checked_at)
      RETURNING id`).pluck(),
    insertCheck: db.prepare(`INSERT OR IGNORE INTO checks
      (url_id, at, run_id, link_status, http_status, final_url, fingerprint, phrases_id)
      VALUES (@urlId, @at, @runId, @linkStatus, @httpStatus, @finalUrl, @fingerprint, @phrasesId)`),
    findPhrases: db.prepare('SELECT id FROM phrase_sets WHERE url_id = ? AND phrases = ?').pluck(),
    addPhrases: db.prepare('INSERT INTO phrase_sets (url_id, phrases) VALUES (?, ?)'),
    insertRun: db.prepare('INSERT INTO runs (at, kind, checks) VALUES (?, ?, ?)'),
    pruneChecks: db.prepare('DELETE FROM checks WHERE url_id = ? AND at < ?'),
    pruneSets: db.prepare(`DELETE FROM phrase_sets WHERE url_id = ?
      AND id NOT IN (SELECT phrases_id FROM checks WHERE url_id = ? AND phrases_id IS NOT NULL)`),
    staleUrls: db.prepare('SELECT id FROM urls WHERE last_checked_at < ?').pluck(),
    deleteChecks: db.prepare('DELETE FROM checks WHERE url_id = ?'),
    deleteSets: db.prepare('DELETE FROM phrase_sets WHERE url_id = ?'),
    deleteUrl: db.prepare('DELETE FROM urls WHERE id = ?'),
    pruneRuns: db.prepare('DELETE FROM runs WHERE at < ?'),
  };
}
