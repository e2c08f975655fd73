import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import {
  CHECK_EFFECT, createEmptyHistory, fingerprintText, hasNews, loadHistory, recordRun, saveHistory,
  type History, type RunChanges, type SourceCheck,
} from '../src/history/index.js';
import { LINK_STATUSES, type LinkStatus } from '../src/types.js';

const T0 = Date.parse('2026-01-05T03:00:00Z');
const hours = (h: number) => new Date(T0 + h * 3_600_000);

function runAll(steps: { h: number; status: LinkStatus }[], url = 'https://example.org/a') {
  let history: History = createEmptyHistory();
  const all: RunChanges[] = [];
  for (const s of steps) {
    const res = recordRun(history, { at: hours(s.h), checks: [{ url, ref: 1, linkStatus: s.status }] });
    history = res.history;
    all.push(res.changes);
  }
  return { history, all, u: history.urls[url] };
}

describe('strike rules', () => {
  it.each<[LinkStatus, 'strike' | 'reset' | 'neutral']>([
    ['ok', 'reset'], ['redirected', 'reset'], ['dead', 'strike'], ['soft-404', 'strike'], ['error', 'strike'],
    ['invalid-url', 'strike'], ['blocked', 'neutral'], ['timeout', 'neutral'], ['paywalled', 'neutral'],
    ['private-address', 'neutral'], ['no-url', 'neutral'],
  ])('%s is %s', (status, effect) => {
    expect(CHECK_EFFECT[status]).toBe(effect);
  });

  it('covers every link status', () => {
    expect(Object.keys(CHECK_EFFECT).sort()).toEqual([...LINK_STATUSES].sort());
  });

  it.each<[string, { h: number; status: LinkStatus }[], number, boolean]>([
    ['one failure', [{ h: 0, status: 'dead' }], 1, false],
    ['three failures 72 h apart', [{ h: 0, status: 'dead' }, { h: 72, status: 'dead' }, { h: 144, status: 'dead' }], 3, true],
    ['three failures 71 h apart', [{ h: 0, status: 'dead' }, { h: 71, status: 'dead' }, { h: 142, status: 'dead' }], 2, false],
    ['failures 1 h apart', [{ h: 0, status: 'dead' }, { h: 1, status: 'dead' }, { h: 2, status: 'error' }], 1, false],
    ['success in between resets', [{ h: 0, status: 'dead' }, { h: 72, status: 'dead' }, { h: 100, status: 'ok' }, { h: 200, status: 'dead' }], 1, false],
    ['neutral keeps strikes', [{ h: 0, status: 'soft-404' }, { h: 72, status: 'blocked' }, { h: 80, status: 'timeout' }, { h: 144, status: 'soft-404' }], 2, false],
    ['blocked forever', [{ h: 0, status: 'blocked' }, { h: 100, status: 'blocked' }, { h: 200, status: 'blocked' }, { h: 300, status: 'blocked' }], 0, false],
    ['mixed strike statuses', [{ h: 0, status: 'invalid-url' }, { h: 80, status: 'error' }, { h: 160, status: 'soft-404' }], 3, true],
  ])('%s → %i strikes, rotDead %s', (_name, steps, strikes, dead) => {
    const { u } = runAll(steps);
    expect(u?.strikes).toBe(strikes);
    expect(u?.rotDead).toBe(dead);
  });

  it('honours custom rules', () => {
    const { u } = runAll([{ h: 0, status: 'dead' }, { h: 24, status: 'dead' }]);
    expect(u?.strikes).toBe(1);
    let h = createEmptyHistory();
    for (const at of [0, 24]) {
      h = recordRun(h, { at: hours(at), checks: [{ url: 'u', linkStatus: 'dead' }] }, { strikesToDead: 2, minHoursBetweenStrikes: 24 }).history;
    }
    expect(h.urls.u?.rotDead).toBe(true);
  });

  it('caps the kept checks', () => {
    let h = createEmptyHistory();
    for (let i = 0; i < 60; i++) h = recordRun(h, { at: hours(i), checks: [{ url: 'u', linkStatus: 'ok' }] }).history;
    expect(h.urls.u?.checks).toHaveLength(50);
    expect(h.urls.u?.checks.at(-1)?.at).toBe(hours(59).toISOString());
    const small = recordRun(h, { at: hours(60), checks: [{ url: 'u', linkStatus: 'ok' }] }, { keepChecks: 3 }).history;
    expect(small.urls.u?.checks).toHaveLength(3);
  });
});

describe('recordRun', () => {
  it('is pure: the input history is not changed', () => {
    const first = recordRun(createEmptyHistory(), { at: hours(0), checks: [{ url: 'u', linkStatus: 'dead' }] }).history;
    const snapshot = structuredClone(first);
    recordRun(first, { at: hours(100), checks: [{ url: 'u', linkStatus: 'dead' }, { url: 'v', linkStatus: 'ok' }] });
    expect(first).toEqual(snapshot);
  });

  it('keeps a URL spelled __proto__ as a plain entry', () => {
    const { history } = recordRun(createEmptyHistory(), { at: hours(0), checks: [{ url: '__proto__', linkStatus: 'invalid-url' }] });
    expect(Object.keys(history.urls)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(history.urls)).toBe(Object.prototype);
    const again = recordRun(history, { at: hours(80), checks: [{ url: '__proto__', linkStatus: 'invalid-url' }] }).history;
    expect(again.urls['__proto__']?.strikes).toBe(2);
  });

  it('merges several footnotes citing one URL', () => {
    const checks: SourceCheck[] = [
      { url: 'u', ref: 4, linkStatus: 'ok', textFingerprint: 'f1', matchedPhrases: ['a'] },
      { url: 'u', ref: 2, linkStatus: 'ok', textFingerprint: 'f1', matchedPhrases: ['b', 'a'] },
    ];
    const { history } = recordRun(createEmptyHistory(), { at: hours(0), checks });
    expect(history.urls.u?.refs).toEqual([2, 4]);
    expect(history.urls.u?.checks).toHaveLength(1);
    expect(history.urls.u?.checks[0]?.matchedPhrases).toEqual(['a', 'b']);
  });

  it('records every field of a check', () => {
    const { history } = recordRun(createEmptyHistory(), {
      at: hours(0),
      checks: [{ url: 'u', ref: 1, linkStatus: 'redirected', httpStatus: 200, finalUrl: 'https://x/', textFingerprint: 'fp', matchedPhrases: ['p'] }],
    });
    expect(history.urls.u?.checks[0]).toEqual({
      at: hours(0).toISOString(), linkStatus: 'redirected', httpStatus: 200, finalUrl: 'https://x/', fingerprint: 'fp', matchedPhrases: ['p'],
    });
  });

  it('lists changes per run', () => {
    const { all, u } = runAll([
      { h: 0, status: 'dead' }, { h: 5, status: 'dead' }, { h: 80, status: 'dead' }, { h: 160, status: 'dead' },
      { h: 240, status: 'dead' }, { h: 300, status: 'ok' },
    ]);
    const names = all.map((c) => ({
      newlyBroken: c.newlyBroken.length, stillBroken: c.stillBroken.length, aboutToDie: c.aboutToDie.length,
      newlyDead: c.newlyDead.length, recovered: c.recovered.length,
    }));
    expect(names).toEqual([
      { newlyBroken: 1, stillBroken: 0, aboutToDie: 0, newlyDead: 0, recovered: 0 },
      { newlyBroken: 0, stillBroken: 1, aboutToDie: 0, newlyDead: 0, recovered: 0 },
      { newlyBroken: 0, stillBroken: 1, aboutToDie: 1, newlyDead: 0, recovered: 0 },
      { newlyBroken: 0, stillBroken: 0, aboutToDie: 0, newlyDead: 1, recovered: 0 },
      { newlyBroken: 0, stillBroken: 1, aboutToDie: 0, newlyDead: 0, recovered: 0 },
      { newlyBroken: 0, stillBroken: 0, aboutToDie: 0, newlyDead: 0, recovered: 1 },
    ]);
    expect(all[3]?.newlyDead[0]?.since).toBe(hours(0).toISOString());
    expect(all[5]?.recovered[0]).toMatchObject({ strikesBefore: 4, brokenSince: hours(0).toISOString() });
    expect(u).toMatchObject({ strikes: 0, rotDead: false });
    expect(u?.firstFailedAt).toBeUndefined();
    expect(u?.deadSince).toBeUndefined();
  });
});

describe('hasNews', () => {
  const empty: RunChanges = { at: '', newlyBroken: [], stillBroken: [], recovered: [], drifted: [], aboutToDie: [], newlyDead: [] };
  const b = { url: 'u', refs: [1], linkStatus: 'dead' as const, strikes: 1, since: '' };
  it.each<[string, Partial<RunChanges>, 'dead' | 'broken', boolean]>([
    ['nothing', {}, 'dead', false],
    ['newly dead', { newlyDead: [b] }, 'dead', true],
    ['drifted', { drifted: [{ url: 'u', refs: [], lostPhrases: ['x'], previousAt: '' }] }, 'dead', true],
    ['first strike only (dead level)', { newlyBroken: [b] }, 'dead', false],
    ['first strike only (broken level)', { newlyBroken: [b] }, 'broken', true],
    ['still broken', { stillBroken: [b], aboutToDie: [b] }, 'broken', false],
    ['recovered', { recovered: [{ url: 'u', refs: [], linkStatus: 'ok', strikesBefore: 1, brokenSince: '' }] }, 'broken', false],
  ])('%s → %s', (_n, partial, level, expected) => {
    expect(hasNews({ ...empty, ...partial }, level)).toBe(expected);
  });
});

describe('fingerprintText', () => {
  it.each([
    ['Hello   World\n', 'hello world', true],
    ['Ｈｅｌｌｏ world', 'hello world', true],
    ['Hello world', 'Hello world!', false],
    ['Population 1,200', 'Population 1,300', false],
  ])('%j vs %j equal=%s', (a, b, same) => {
    expect(fingerprintText(a) === fingerprintText(b)).toBe(same);
  });
});

describe('history file', () => {
  const dir = () => mkdtemp(path.join(tmpdir(), 'citecheck-history-'));

  it('missing file is an empty history', async () => {
    expect(await loadHistory(path.join(await dir(), 'none.json'))).toEqual(createEmptyHistory());
  });

  it('round-trips a saved history', async () => {
    const file = path.join(await dir(), 'h.json');
    const { history } = recordRun(createEmptyHistory(), {
      at: hours(0), checks: [{ url: 'u', ref: 1, linkStatus: 'dead', httpStatus: 404 }, { url: 'v', linkStatus: 'ok', textFingerprint: 'f', matchedPhrases: ['x'] }],
    });
    await saveHistory(file, history);
    expect(await loadHistory(file)).toEqual(history);
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(1);
  });

  it.each([
    ['corrupt JSON', '{"version":1,"urls":{'],
    ['wrong shape', '{"version":1,"urls":{"u":{"url":"u"}}}'],
    ['future version', '{"version":2,"urls":{}}'],
  ])('%s → InputError naming the file', async (_n, text) => {
    const file = path.join(await dir(), 'bad.json');
    await writeFile(file, text);
    const err = await loadHistory(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err instanceof InputError && err.message.includes(file)).toBe(true);
    expect(err instanceof InputError && err.hint).toBeTruthy();
  });

  it('refuses to save an invalid history and leaves no temp file', async () => {
    const d = await dir();
    const file = path.join(d, 'h.json');
    const bad = { version: 1, urls: { u: { url: 'u' } } } as unknown as History;
    await expect(saveHistory(file, bad)).rejects.toThrow();
    expect(await readdir(d)).toEqual([]);
  });
});

describe('recordRun folding the same run twice (verify for its report, then the store)', () => {
  const run = () => ({ at: hours(0), checks: [{ url: 'https://example.org/a', ref: 1, linkStatus: 'dead' as const }] });

  it('answers the same inputs with the same fold, and anything changed with a new one', () => {
    const h = createEmptyHistory();
    const r = run();
    const first = recordRun(h, r);
    expect(recordRun(h, r)).toBe(first);
    // Another history object, other rules, another run object: folded again.
    expect(recordRun(createEmptyHistory(), r)).not.toBe(first);
    expect(recordRun(h, r, { strikesToDead: 1 }).changes.newlyDead).toHaveLength(1);
    expect(recordRun(h, run())).not.toBe(first);
    // The run's checks grown in place: the new URL is in the fold.
    const again = recordRun(h, r);
    expect(recordRun(h, r)).toBe(again);
    r.checks.push({ url: 'https://example.org/b', ref: 2, linkStatus: 'dead' });
    expect(Object.keys(recordRun(h, r).history.urls)).toEqual(['https://example.org/a', 'https://example.org/b']);
  });
});
