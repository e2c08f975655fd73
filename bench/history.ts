// History at corpus scale: 100,000 URLs with a year of weekly checks in SQLite, then runs over 2,000 of them.
//   npm run bench:history                         (100,000 URLs × 52 weeks, runs over 2,000)
//   npm run bench:history -- --urls 10000 --weeks 52 --run 2000 --runs 3 --file /tmp/h.db
//   npm run bench:history -- --file /tmp/h.db --reuse    (runs on a database generated before)
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { parseHistoryKeep } from '../src/history/keep.js';
import type { SourceCheck } from '../src/history/rot.js';
import { openHistory } from '../src/history/sqlite.js';
import type { LinkStatus } from '../src/types.js';

const { values: args } = parseArgs({
  options: {
    urls: { type: 'string', default: '100000' },
    weeks: { type: 'string', default: '52' },
    run: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'string', default: '365d' },
    file: { type: 'string' },
    reuse: { type: 'boolean', default: false },
  },
});
const URLS = Number(args.urls);
const WEEKS = Number(args.weeks);
const RUN = Number(args.run);
const WEEK = 7 * 86_400_000;
const START = Date.parse('2025-01-06T05:00:00Z');
const dir = args.file ? undefined : mkdtempSync(path.join(tmpdir(), 'citecheck-bench-history-'));
const file = args.file ?? path.join(dir ?? '.', 'history.db');

const urlOf = (u: number) => `https://news${u % 997}.example.org/${2020 + (u % 5)}/story-${u}-about-something.html`;
/** The page text changes every 13 weeks or so; a fingerprint per URL and version. */
const fingerprint = (u: number, version: number) => createHash('sha256').update(`${u}:${version}`).digest().subarray(0, 16);
const phrasesOf = (u: number, version: number): string[] =>
  ['the city council', `${1000 + (u % 9000)} residents`, ...(version % 2 === 0 ? [`on ${1 + (u % 28)} March 2024`] : [])];

/** Weekly status of URL u: mostly ok; a few dead, blocked, redirected or timing out (a fixed pseudo-random mix). */
function statusOf(u: number, week: number): LinkStatus {
  const r = ((u * 2_654_435_761 + week * 40_503) >>> 0) % 100;
  return r < 90 ? 'ok' : r < 94 ? 'dead' : r < 96 ? 'blocked' : r < 98 ? 'redirected' : 'timeout';
}
const HTTP: Record<string, number | null> = { ok: 200, dead: 404, blocked: 403, redirected: 200, timeout: null };

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/**
 * 52 × 100,000 check rows through prepared statements in one transaction, in key order. A fixture,
 * not a run: no journal while it is built (a crash just means building it again), WAL afterwards.
 */
function generate(): void {
  openHistory(file).close(); // the schema, exactly as citecheck creates it
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const insertUrl = db.prepare(`INSERT INTO urls (id, url, refs, strikes, rot_dead, last_checked_at) VALUES (?, ?, ?, 0, 0, ?)`);
  const insertSet = db.prepare('INSERT INTO phrase_sets (url_id, phrases) VALUES (?, ?)');
  const insertCheck = db.prepare(`INSERT INTO checks (url_id, at, run_id, link_status, http_status, final_url, fingerprint, phrases_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertRun = db.prepare(`INSERT INTO runs (id, at, kind, checks) VALUES (?, ?, 'run', ?)`);
  const last = START + (WEEKS - 1) * WEEK;
  db.transaction(() => {
    for (let w = 0; w < WEEKS; w++) insertRun.run(w + 1, START + w * WEEK, URLS);
    for (let u = 1; u <= URLS; u++) {
      insertUrl.run(u, urlOf(u), `[${1 + (u % 40)}]`, last);
      const sets = new Map<string, number>();
      const prints = new Map<number, Buffer>();
      for (let w = 0; w < WEEKS; w++) {
        const status = statusOf(u, w);
        const readable = status === 'ok' || status === 'redirected';
        const version = Math.floor((w + (u % 13)) / 13);
        let print = prints.get(version);
        if (!print) prints.set(version, (print = fingerprint(u, version)));
        const json = JSON.stringify(phrasesOf(u, version));
        let setId = sets.get(json);
        if (readable && setId === undefined) {
          setId = Number(insertSet.run(u, json).lastInsertRowid);
          sets.set(json, setId);
        }
        insertCheck.run(u, START + w * WEEK, w + 1, status, HTTP[status] ?? null,
          status === 'timeout' ? null : status === 'redirected' ? `${urlOf(u)}?amp=1` : '',
          readable ? print : null, readable ? setId ?? null : null);
      }
    }
  })();
  db.prepare(`INSERT INTO meta (key, value) VALUES ('updated_at', ?)`).run(new Date(last).toISOString());
  db.pragma('journal_mode = WAL');
  db.close();
}

/** What a run over `RUN` of the URLs found: same pages mostly, a few newly dead, one in 20 with changed text. */
function runChecks(week: number): SourceCheck[] {
  const step = Math.max(1, Math.floor(URLS / RUN));
  return Array.from({ length: Math.min(RUN, URLS) }, (_, i) => {
    const u = 1 + i * step;
    const status = statusOf(u, week);
    const version = Math.floor((week + (u % 13)) / 13);
    const c: SourceCheck = { url: urlOf(u), ref: 1 + (u % 40), linkStatus: status };
    if (HTTP[status]) c.httpStatus = HTTP[status] ?? 200;
    if (status !== 'timeout') c.finalUrl = status === 'redirected' ? `${urlOf(u)}?amp=1` : urlOf(u);
    if (status === 'ok' || status === 'redirected') {
      c.textFingerprint = `sha256:${fingerprint(u, version + (i % 20 === 0 ? 1 : 0)).toString('hex')}`;
      c.matchedPhrases = phrasesOf(u, version);
    }
    return c;
  });
}

function count(sql: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return Number(db.prepare(sql).pluck().get());
  } finally {
    db.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log(`history bench: ${URLS.toLocaleString('en')} URLs × ${WEEKS} weekly checks, runs over ${RUN.toLocaleString('en')} of them, `
  + `keep ${args.keep} (Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`);
const rows = URLS * WEEKS;
if (args.reuse && existsSync(file)) {
  console.log(`reusing ${file}: ${count('SELECT count(*) FROM checks').toLocaleString('en')} check rows, file ${mb(statSync(file).size)}`);
} else {
  const genStart = process.hrtime.bigint();
  generate();
  const genS = seconds(genStart);
  console.log(`generate: ${rows.toLocaleString('en')} check rows in ${genS.toFixed(1)} s (${Math.round(rows / genS).toLocaleString('en')} rows/s), file ${mb(statSync(file).size)} (${(statSync(file).size / rows).toFixed(0)} bytes per check)`);
}

const keepMs = parseHistoryKeep(args.keep ?? '365d');

/** One run as `citecheck verify` does it: open, load the run's URLs, record (re-read + write + prune + commit), close. */
function timedRun(r: number): void {
  const week = WEEKS + r;
  const checks = runChecks(week);
  const cpu = process.cpuUsage();
  const times: number[] = [];
  let t = process.hrtime.bigint();
  const lap = () => { times.push(seconds(t) * 1000); t = process.hrtime.bigint(); };
  const store = openHistory(file, keepMs === undefined ? {} : { keepMs });
  lap();
  const before = store.previous(checks.map((c) => c.url));
  lap();
  const changes = store.record({ at: new Date(START + week * WEEK), checks });
  lap();
  store.close();
  lap();
  const [open = 0, load = 0, record = 0, close = 0] = times;
  const loaded = Object.values(before.urls).reduce((n, u) => n + u.checks.length, 0);
  console.log(`run ${r + 1} (week ${week + 1}): open ${open.toFixed(0)} ms · load ${Object.keys(before.urls).length} URLs `
    + `(${loaded.toLocaleString('en')} check rows) ${load.toFixed(0)} ms · record + prune + commit ${record.toFixed(0)} ms · `
    + `close ${close.toFixed(0)} ms → ${(open + load + record + close).toFixed(0)} ms wall, ${cpuMs(cpu).toFixed(0)} ms CPU added `
    + `(newly broken ${changes.newlyBroken.length}, drifted ${changes.drifted.length}, recovered ${changes.recovered.length})`);
}

for (let r = 0; r < Number(args.runs); r++) timedRun(r);
console.log(`after the runs: ${count('SELECT count(*) FROM checks').toLocaleString('en')} check rows, ${count('SELECT count(*) FROM urls').toLocaleString('en')} URLs, file ${mb(statSync(file).size)}`);
if (dir) rmSync(dir, { recursive: true, force: true });
