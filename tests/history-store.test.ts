// The SQLite history store: same changes as the pure rules, partial loads, pruning, import, crashes, two writers.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { historyLocation, openHistoryAt } from '../src/history/file.js';
import { parseHistoryKeep } from '../src/history/keep.js';
import {
  createEmptyHistory, fingerprintText, recordRun, saveHistory, type History, type SourceCheck,
} from '../src/history/index.js';
import { openHistory } from '../src/history/sqlite.js';
import { parseArticle } from '../src/article/parse.js';
import { LINK_STATUSES, type SourceFetch } from '../src/types.js';
import { verify } from '../src/verify.js';

const T0 = Date.parse('2026-01-05T03:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dir = () => mkdtemp(path.join(tmpdir(), 'citecheck-store-'));
const count = (file: string, sql: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return Number(db.prepare(sql).pluck().get());
  } finally {
    db.close();
  }
};

/** A small deterministic PRNG so the scenario is the same on every run. */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

/** Run i: every URL gets a random status; readable pages carry a fingerprint and phrases that change now and then. */
function scenario(runs: number, urls: string[]) {
  const next = rng(7);
  return Array.from({ length: runs }, (_, i) => {
    const checks: SourceCheck[] = urls.flatMap((url, u) => {
      if (next() < 0.15) return []; // not cited in this run
      const linkStatus = LINK_STATUSES[Math.floor(next() * LINK_STATUSES.length)] ?? 'ok';
      const version = Math.floor(i / (5 + u));
      const c: SourceCheck = { url, ref: u + 1, linkStatus, httpStatus: 200 + Math.floor(next() * 4) * 100 };
      if (next() < 0.5) c.finalUrl = next() < 0.5 ? url : `${url}?moved`;
      if (linkStatus === 'ok' || linkStatus === 'redirected') {
        c.textFingerprint = u === 0 ? `custom-${version}` : fingerprintText(`page ${url} version ${version}`);
        c.matchedPhrases = version % 2 === 0 ? ['alpha', 'beta'] : ['alpha'];
      }
      // A second footnote citing the same URL now and then: merged into one check.
      return next() < 0.2 ? [c, { ...c, ref: u + 100, matchedPhrases: ['gamma'] }] : [c];
    });
    return { at: new Date(T0 + i * 30 * HOUR + Math.floor(next() * 25) * HOUR), checks };
  });
}

describe('the store gives the same changes as the pure rules', () => {
  it('over 80 runs of random statuses, drift and merged footnotes (more than keepChecks)', async () => {
    const urls = ['https://a.example/', 'https://b.example/x', '__proto__', 'https://c.example/y'];
    const file = path.join(await dir(), 'history.db');
    let pure: History = createEmptyHistory();
    for (const run of scenario(80, urls)) {
      const expected = recordRun(pure, run);
      pure = expected.history;
      // A fresh connection each run, as separate processes would have.
      const store = openHistory(file);
      expect(store.record(run)).toEqual(expected.changes);
      const loaded = store.previous(urls);
      expect(loaded.updatedAt).toBe(pure.updatedAt);
      for (const [url, want] of Object.entries(pure.urls)) {
        // The same state; of the checks, the ones the rules compare with, newest last.
        const { checks, ...state } = loaded.urls[url] ?? { checks: [] };
        const { checks: all, ...wanted } = want;
        expect(state).toEqual(wanted);
        expect(checks.at(-1)).toEqual(all.at(-1));
        expect(all).toEqual(expect.arrayContaining(checks));
        expect(checks.length).toBeLessThanOrEqual(3);
      }
      store.close();
    }
    expect(Object.keys(pure.urls).sort()).toEqual([...urls].sort());
    expect(pure.urls['https://a.example/']?.checks).toHaveLength(50);
    // The database keeps every check (pruning is by age, a year by default); the rules see the last 50.
    expect(count(file, 'SELECT count(*) FROM checks c JOIN urls u ON u.id = c.url_id WHERE u.url = \'https://a.example/\'')).toBeGreaterThan(50);
  });

  it('loads only the URLs asked for', async () => {
    const store = openHistory(path.join(await dir(), 'h.db'));
    store.record({ at: new Date(T0), checks: [{ url: 'u', linkStatus: 'dead' }, { url: 'v', linkStatus: 'ok' }] });
    expect(Object.keys(store.previous(['v', 'w']).urls)).toEqual(['v']);
    expect(store.previous([]).urls).toEqual({});
    store.close();
  });
});

describe('pruning (--history-keep)', () => {
  it.each([
    ['365d', 365 * DAY], ['52w', 364 * DAY], ['2y', 730 * DAY], [' 30D ', 30 * DAY], ['all', undefined],
  ])('%j → %s ms', (text, ms) => {
    expect(parseHistoryKeep(text)).toBe(ms);
  });

  it.each(['', '0d', '12', '1m', '-3d', 'forever'])('%j is refused with a hint', (text) => {
    expect(() => parseHistoryKeep(text)).toThrow(InputError);
  });

  it('deletes checks older than the policy, and URLs no run has checked within it', async () => {
    const file = path.join(await dir(), 'h.db');
    const store = openHistory(file, { keepMs: 30 * DAY });
    for (let week = 0; week < 10; week++) {
      const checks: SourceCheck[] = [{ url: 'weekly', linkStatus: 'ok', textFingerprint: `f${week}`, matchedPhrases: [`week ${week}`] }];
      if (week === 0) checks.push({ url: 'once', linkStatus: 'ok', matchedPhrases: ['gone with its URL'] });
      store.record({ at: new Date(T0 + week * 7 * DAY), checks });
    }
    store.close();
    // Weeks 5..9 are within 30 days of week 9 (days 35..63 ≥ 63 − 30).
    expect(count(file, 'SELECT count(*) FROM checks')).toBe(5);
    expect(count(file, 'SELECT count(*) FROM urls')).toBe(1);
    expect(count(file, 'SELECT count(*) FROM runs')).toBe(5);
    // Phrase sets go with the checks that used them.
    expect(count(file, 'SELECT count(*) FROM phrase_sets')).toBe(5);
  });

  it('keeps every check with "all"', async () => {
    const file = path.join(await dir(), 'h.db');
    const store = openHistory(file);
    for (let week = 0; week < 60; week++) store.record({ at: new Date(T0 + week * 7 * DAY), checks: [{ url: 'u', linkStatus: 'ok' }] });
    store.close();
    expect(count(file, 'SELECT count(*) FROM checks')).toBe(60);
  });
});

describe('where the history lives', () => {
  it.each([
    [undefined, 'out', { database: path.join('out', 'history.db'), legacy: path.join('out', 'history.json') }],
    ['h/history.json', 'out', { database: 'h/history.db', legacy: 'h/history.json' }],
    ['h/links.JSON', 'out', { database: 'h/links.db', legacy: 'h/links.JSON' }],
    ['h/links.sqlite', 'out', { database: 'h/links.sqlite' }],
  ])('--history %s --out %s', (flag, out, expected) => {
    expect(historyLocation(flag, out)).toEqual(expected);
  });

  it('imports a history.json once, with one line, and then uses the database only', async () => {
    const d = await dir();
    const legacy = path.join(d, 'history.json');
    const { history } = recordRun(createEmptyHistory(), {
      at: new Date(T0), checks: [{ url: 'u', ref: 1, linkStatus: 'dead', httpStatus: 404 }, { url: 'v', linkStatus: 'ok', textFingerprint: 'f', matchedPhrases: ['x'] }],
    });
    await saveHistory(legacy, history);
    const lines: string[] = [];
    const at = historyLocation(undefined, d);
    const first = await openHistoryAt(at, { notify: (l) => lines.push(l) });
    expect(first.previous(['u', 'v'])).toEqual(history);
    const changes = first.record({ at: new Date(T0 + 80 * HOUR), checks: [{ url: 'u', ref: 1, linkStatus: 'dead' }] });
    expect(changes.stillBroken.map((b) => b.strikes)).toEqual([2]);
    first.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('2 URLs');
    expect(lines[0]).toContain(legacy);
    const second = await openHistoryAt(at, { notify: (l) => lines.push(l) });
    expect(second.previous(['u']).urls.u?.strikes).toBe(2);
    second.close();
    expect(lines).toHaveLength(1);
  });

  it('a broken history.json stops the run with an InputError naming it', async () => {
    const d = await dir();
    await writeFile(path.join(d, 'history.json'), '{"version":1,"urls":{');
    const err = await openHistoryAt(historyLocation(undefined, d)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err instanceof InputError && err.message.includes('history.json')).toBe(true);
  });

  it.each([
    ['not a database', async (f: string) => writeFile(f, 'hello, this is text and not SQLite at all '.repeat(100))],
    ['a newer layout', async (f: string) => { const db = new Database(f); db.pragma('user_version = 99'); db.close(); }],
  ])('%s → InputError with a hint', async (_n, make) => {
    const file = path.join(await dir(), 'h.db');
    await make(file);
    const err = (() => { try { return openHistory(file); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(InputError);
    expect(err instanceof InputError && err.message.includes(file) && err.hint).toBeTruthy();
  });
});

describe('two runs on one history', () => {
  it('a run that loaded before another saved still keeps both runs\' checks and builds on its state', async () => {
    const file = path.join(await dir(), 'h.db');
    const a = openHistory(file);
    const b = openHistory(file);
    a.record({ at: new Date(T0), checks: [{ url: 'shared', linkStatus: 'dead' }] });
    // Both runs start (and read the history) before either records.
    const seenByA = a.previous(['shared', 'only-a']);
    const seenByB = b.previous(['shared', 'only-b']);
    expect(seenByA).toEqual(seenByB);
    b.record({ at: new Date(T0 + 100 * HOUR), checks: [{ url: 'shared', linkStatus: 'dead' }, { url: 'only-b', linkStatus: 'ok' }] });
    const changes = a.record({ at: new Date(T0 + 200 * HOUR), checks: [{ url: 'shared', linkStatus: 'dead' }, { url: 'only-a', linkStatus: 'ok' }] });
    // A's record re-read the state B left: the third strike, not a second one computed from stale state.
    expect(changes.newlyDead.map((d) => d.url)).toEqual(['shared']);
    const after = a.previous(['shared', 'only-a', 'only-b']);
    expect(count(file, 'SELECT count(*) FROM checks c JOIN urls u ON u.id = c.url_id WHERE u.url = \'shared\'')).toBe(3);
    expect(after.urls.shared).toMatchObject({ strikes: 3, rotDead: true });
    expect(Object.keys(after.urls).sort()).toEqual(['only-a', 'only-b', 'shared']);
    a.close();
    b.close();
  });
});

describe('a record killed by SIGKILL inside its transaction', () => {
  it('leaves the previous history: no check, state or run of the killed run', async () => {
    const { spawn } = await import('node:child_process');
    const file = path.join(await dir(), 'history.db');
    const storeModule = path.resolve('src/history/sqlite.ts');
    // Run 1 commits. Run 2 writes all its rows (20,000 URLs, enough to spill pages to the WAL), then
    // says so from inside the transaction and blocks there; the parent SIGKILLs it before COMMIT.
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      const { openHistory } = await import(${JSON.stringify(storeModule)});
      const checks = (status) => Array.from({ length: 20000 }, (_, i) => ({ url: 'https://s' + i + '.example/', ref: i, linkStatus: status,
        httpStatus: 200, textFingerprint: 'sha256:' + String(i).padStart(32, '0'), matchedPhrases: ['a phrase', String(i)] }));
      openHistory(${JSON.stringify(file)}).record({ at: new Date('2026-02-01T00:00:00Z'), checks: checks('ok') });
      const store = openHistory(${JSON.stringify(file)}, { beforeCommit: () => {
        process.stdout.write('inside-transaction\\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
      } });
      store.record({ at: new Date('2026-02-08T00:00:00Z'), checks: checks('dead') });
      process.stdout.write('finished\\n');
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => resolve());
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('inside-transaction')) child.kill('SIGKILL');
      });
    });
    expect(child.signalCode).toBe('SIGKILL');
    expect(out).not.toContain('finished');
    const store = openHistory(file);
    const h = store.previous(['https://s0.example/', 'https://s19999.example/']);
    store.close();
    expect(h.updatedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(h.urls['https://s19999.example/']).toMatchObject({ strikes: 0, checks: [{ linkStatus: 'ok' }] });
    expect(count(file, 'SELECT count(*) FROM checks')).toBe(20_000);
    expect(count(file, 'SELECT count(*) FROM runs')).toBe(1);
  }, 60_000);
});

describe('runs that must not touch the history', () => {
  it('an offline run through verify() asks the store for nothing and hands it nothing to record', async () => {
    const file = path.join(await dir(), 'h.db');
    const store = openHistory(file);
    const asked: string[][] = [];
    const reader = { previous: (urls: Iterable<string>) => { asked.push([...urls]); return store.previous(urls); } };
    const article = parseArticle('News\n\nEvents\n\nThe council met on Tuesday. [1]\n\nReferences\n\n  1. "Council". Gazette. 2024.\n', 'n.txt');
    const url = 'https://gazette.example/council';
    const dns: SourceFetch = {
      url, finalUrl: url, redirects: [], attempts: 1, elapsedMs: 1,
      outcome: { kind: 'failure', failure: 'dns', message: 'getaddrinfo ENOTFOUND gazette.example', code: 'ENOTFOUND' },
    };
    const result = await verify({ article, references: [{ id: 1, url }], toolVersion: 't', failOn: [], replay: new Map([[url, dns]]), history: reader });
    expect(result.report.summary.offline).toBe(true);
    expect(result.run).toBeUndefined();
    expect(asked).toEqual([]);
    store.close();
    expect(count(file, 'SELECT count(*) FROM checks') + count(file, 'SELECT count(*) FROM runs')).toBe(0);
  });
});
