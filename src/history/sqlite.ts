// The history store on SQLite: the history of given URLs out, one run in per transaction, pruning.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { openDatabase } from './database.js';
import type { HistoryRun } from './reader.js';
import { recordRun, type RunChanges } from './rot.js';
import { resolveRules, type RotRules } from './rules.js';
import {
  CheckRowSchema, UrlRowSchema, checkColumns, checkEntry, phraseParser, urlColumns, urlHistory,
} from './rows.js';
import { HISTORY_VERSION, type CheckEntry, type History, type UrlHistory } from './schema.js';

export interface HistoryStore {
  readonly file: string;
  /** The history of these URLs only, each with its last `keepChecks` checks: what the rules look at. */
  previous(urls: Iterable<string>, rules?: Partial<RotRules>): History;
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

/** The whole-table prune runs at most this often; each run prunes its own URLs every time. */
const SWEEP_EVERY_MS = 86_400_000;
const Id = z.number().int();
const Text = z.string();

export function openHistory(file: string, options: StoreOptions = {}): HistoryStore {
  const db = openDatabase(file, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  const q = statements(db);
  const meta = (key: string) => Text.optional().parse(q.getMeta.get(key));

  function previous(urls: Iterable<string>, rules?: Partial<RotRules>): History {
    const { keepChecks } = resolveRules(rules);
    const parsePhrases = phraseParser();
    const out: Record<string, UrlHistory> = {};
    for (const url of new Set(urls)) {
      const found = q.getUrl.get(url);
      if (found === undefined) continue;
      const row = UrlRowSchema.parse(found);
      const checks = z.array(CheckRowSchema).parse(q.getChecks.all(row.id, keepChecks))
        .reverse().map((c) => checkEntry(url, c, parsePhrases));
      // defineProperty, not assignment: a cited "URL" spelled __proto__ must stay a plain key.
      Object.defineProperty(out, url, { value: urlHistory(row, checks), enumerable: true, writable: true, configurable: true });
    }
    const updatedAt = meta('updated_at');
    return { version: HISTORY_VERSION, ...(updatedAt ? { updatedAt } : {}), urls: out };
  }

  /** Ids of phrase sets seen in this transaction (a fresh map each time: another run may prune). */
  let phraseIds = new Map<string, number>();
  function phraseSetId(json: string | null): number | null {
    if (json === null) return null;
    let id = phraseIds.get(json) ?? Id.optional().parse(q.findPhrases.get(json));
    if (id === undefined) id = Number(q.addPhrases.run(json).lastInsertRowid);
    phraseIds.set(json, id);
    return id;
  }

  function writeUrl(u: UrlHistory, entries: readonly CheckEntry[], runId: number): number {
    const urlId = Id.parse(q.upsertUrl.get(urlColumns(u)));
    for (const entry of entries) {
      const c = checkColumns(u.url, entry);
      q.insertCheck.run({
        urlId, runId, at: c.at, linkStatus: c.linkStatus, httpStatus: c.httpStatus, finalUrl: c.finalUrl,
        fingerprint: c.fingerprint, phrasesId: phraseSetId(c.phrases),
      });
    }
    return urlId;
  }

  function prune(at: number, urlIds: readonly number[]): void {
    if (options.keepMs === undefined) return;
    const cutoff = at - options.keepMs;
    for (const id of urlIds) q.pruneUrl.run(id, cutoff);
    const swept = Number(meta('swept_at') ?? 0);
    if (at - swept < SWEEP_EVERY_MS) return;
    db.prepare('DELETE FROM checks WHERE at < ?').run(cutoff);
    db.exec(`DELETE FROM urls WHERE NOT EXISTS (SELECT 1 FROM checks WHERE checks.url_id = urls.id);
      DELETE FROM phrase_sets WHERE id NOT IN (SELECT phrases_id FROM checks WHERE phrases_id IS NOT NULL);`);
    db.prepare('DELETE FROM runs WHERE at < ?').run(cutoff);
    phraseIds = new Map();
    q.setMeta.run('swept_at', String(at));
  }

  const recordTx = db.transaction((run: HistoryRun, rules?: Partial<RotRules>) => {
    phraseIds = new Map();
    const urls = [...new Set(run.checks.map((c) => c.url))];
    const { history, changes } = recordRun(previous(urls, rules), run, rules);
    const at = run.at.getTime();
    const runId = Number(q.insertRun.run(at, 'run', urls.length).lastInsertRowid);
    const ids: number[] = [];
    for (const url of urls) {
      const u = Object.hasOwn(history.urls, url) ? history.urls[url] : undefined;
      const entry = u?.checks.at(-1);
      if (u && entry) ids.push(writeUrl(u, [entry], runId));
    }
    prune(at, ids);
    const newest = meta('updated_at');
    if (!newest || Date.parse(newest) < at) q.setMeta.run('updated_at', run.at.toISOString());
    options.beforeCommit?.();
    return changes;
  });

  const importTx = db.transaction((h: History, from: string) => {
    if (!isEmpty()) return undefined;
    phraseIds = new Map();
    const at = h.updatedAt ? Date.parse(h.updatedAt) : Date.now();
    const runId = Number(q.insertRun.run(at, 'import', Object.keys(h.urls).length).lastInsertRowid);
    for (const u of Object.values(h.urls)) writeUrl(u, u.checks, runId);
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
    getChecks: db.prepare(`SELECT c.at, c.link_status, c.http_status, c.final_url, c.fingerprint, p.phrases
      FROM checks c LEFT JOIN phrase_sets p ON p.id = c.phrases_id
      WHERE c.url_id = ? ORDER BY c.at DESC, c.run_id DESC LIMIT ?`),
    upsertUrl: db.prepare(`INSERT INTO urls (url, refs, strikes, first_failed_at, last_strike_at, dead_since, rot_dead)
      VALUES (@url, @refs, @strikes, @firstFailedAt, @lastStrikeAt, @deadSince, @rotDead)
      ON CONFLICT(url) DO UPDATE SET refs = excluded.refs, strikes = excluded.strikes,
        first_failed_at = excluded.first_failed_at, last_strike_at = excluded.last_strike_at,
        dead_since = excluded.dead_since, rot_dead = excluded.rot_dead
      RETURNING id`).pluck(),
    insertCheck: db.prepare(`INSERT OR IGNORE INTO checks
      (url_id, at, run_id, link_status, http_status, final_url, fingerprint, phrases_id)
      VALUES (@urlId, @at, @runId, @linkStatus, @httpStatus, @finalUrl, @fingerprint, @phrasesId)`),
    findPhrases: db.prepare('SELECT id FROM phrase_sets WHERE phrases = ?').pluck(),
    addPhrases: db.prepare('INSERT INTO phrase_sets (phrases) VALUES (?)'),
    insertRun: db.prepare('INSERT INTO runs (at, kind, checks) VALUES (?, ?, ?)'),
    pruneUrl: db.prepare('DELETE FROM checks WHERE url_id = ? AND at < ?'),
  };
}
