// Weeks of scheduled runs against an injected clock, through the real history file.
import { mkdtemp, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  fingerprintText, hasNews, loadHistory, recordRun, saveHistory,
  type AtomicFs, type History, type RunChanges, type SourceCheck,
} from '../src/history/index.js';

const DAY = 24 * 3_600_000;
const START = Date.parse('2026-02-02T06:00:00Z');
const DYING = 'https://dying.example/page';
const FLAKY = 'https://flaky.example/page';
const DRIFTING = 'https://drifting.example/page';
const WALLED = 'https://walled.example/page';

/** Run times: day 0, day 0 + 1 h (a retry the same morning), then every 3 days to day 30. */
const RUN_TIMES = [START, START + 3_600_000, ...Array.from({ length: 10 }, (_, i) => START + (i + 1) * 3 * DAY)];

const TEXT_V1 = 'The bridge opened in 1932 and carried 40,000 cars a day.';
const TEXT_V2 = 'The bridge opened in 1932. It is now closed for repairs.';

function checksAt(t: number): SourceCheck[] {
  const day = (t - START) / DAY;
  const dying: SourceCheck = { url: DYING, ref: 1, linkStatus: 'dead', httpStatus: 404 };
  const flaky: SourceCheck = day >= 3 && day < 6
    ? { url: FLAKY, ref: 2, linkStatus: 'error', httpStatus: 503 }
    : { url: FLAKY, ref: 2, linkStatus: 'ok', httpStatus: 200 };
  const text = day >= 9 ? TEXT_V2 : TEXT_V1;
  const drifting: SourceCheck = {
    url: DRIFTING, ref: 3, linkStatus: 'ok', httpStatus: 200, textFingerprint: fingerprintText(text),
    matchedPhrases: text === TEXT_V1 ? ['1932', '40,000 cars'] : ['1932'],
  };
  const walled: SourceCheck = { url: WALLED, ref: 4, linkStatus: 'blocked', httpStatus: 403 };
  return [dying, flaky, drifting, walled];
}

const urlsIn = (list: { url: string }[]) => list.map((x) => x.url);

describe('a month of scheduled runs', () => {
  const runs: { at: number; changes: RunChanges; history: History }[] = [];

  beforeAll(async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'citecheck-sim-')), 'history.json');
    for (const at of RUN_TIMES) {
      const before = await loadHistory(file);
      const { history, changes } = recordRun(before, { at: new Date(at), checks: checksAt(at) });
      await saveHistory(file, history);
      runs.push({ at, changes, history: await loadHistory(file) });
    }
  });

  const run = (i: number) => {
    const r = runs[i];
    if (!r) throw new Error(`no run ${i}`);
    return r;
  };

  it('a 404 source dies on its third strike ≥72 h apart; the 1 h retry adds no strike', () => {
    expect(run(0).history.urls[DYING]?.strikes).toBe(1);
    expect(urlsIn(run(0).changes.newlyBroken)).toContain(DYING);
    expect(run(1).history.urls[DYING]?.strikes).toBe(1);
    expect(urlsIn(run(1).changes.stillBroken)).toContain(DYING);
    expect(urlsIn(run(2).changes.aboutToDie)).toEqual([DYING]);
    expect(run(2).history.urls[DYING]).toMatchObject({ strikes: 2, rotDead: false });
    expect(urlsIn(run(3).changes.newlyDead)).toEqual([DYING]);
    expect(run(3).history.urls[DYING]).toMatchObject({
      strikes: 3, rotDead: true, deadSince: new Date(RUN_TIMES[3] ?? 0).toISOString(),
      firstFailedAt: new Date(START).toISOString(),
    });
    // Dead once: later runs keep it dead but never announce it again.
    for (let i = 4; i < runs.length; i++) {
      expect(run(i).changes.newlyDead).toEqual([]);
      expect(run(i).history.urls[DYING]?.rotDead).toBe(true);
    }
  });

  it('a source that fails once and comes back is listed as recovered and reset', () => {
    expect(urlsIn(run(2).changes.newlyBroken)).toEqual([FLAKY]);
    expect(run(2).history.urls[FLAKY]?.strikes).toBe(1);
    expect(urlsIn(run(3).changes.recovered)).toEqual([FLAKY]);
    expect(run(3).history.urls[FLAKY]).toMatchObject({ strikes: 0, rotDead: false });
    expect(run(3).history.urls[FLAKY]?.firstFailedAt).toBeUndefined();
    expect(runs.filter((r) => r.changes.recovered.length > 0)).toHaveLength(1);
  });

  it('a source whose text changed and lost a matched phrase drifts, reported once', () => {
    const driftRuns = runs.filter((r) => r.changes.drifted.length > 0);
    expect(driftRuns.map((r) => r.at)).toEqual([RUN_TIMES[4]]);
    expect(run(4).changes.drifted[0]).toMatchObject({ url: DRIFTING, refs: [3], lostPhrases: ['40,000 cars'] });
    expect(run(4).history.urls[DRIFTING]?.strikes).toBe(0);
  });

  it('a source behind a bot wall for a month never strikes and never dies', () => {
    const walled = run(runs.length - 1).history.urls[WALLED];
    expect(walled).toMatchObject({ strikes: 0, rotDead: false });
    expect(walled?.checks.every((c) => c.linkStatus === 'blocked')).toBe(true);
    expect(walled?.checks).toHaveLength(RUN_TIMES.length);
    for (const r of runs) {
      const lists = [r.changes.newlyBroken, r.changes.stillBroken, r.changes.aboutToDie, r.changes.newlyDead];
      expect(lists.flat().map((x) => x.url)).not.toContain(WALLED);
    }
  });

  it('fails the weekly job only on the runs where something newly died or drifted', () => {
    expect(runs.map((r) => hasNews(r.changes))).toEqual(RUN_TIMES.map((_, i) => i === 3 || i === 4));
  });
});

describe('a killed save leaves the previous history intact', () => {
  async function setUp() {
    const dir = await mkdtemp(path.join(tmpdir(), 'citecheck-kill-'));
    const file = path.join(dir, 'history.json');
    const first = recordRun(await loadHistory(file), { at: new Date(START), checks: checksAt(START) }).history;
    await saveHistory(file, first);
    const bytes = await readFile(file);
    const second = recordRun(first, { at: new Date(START + 3 * DAY), checks: checksAt(START + 3 * DAY) }).history;
    return { dir, file, first, bytes, second };
  }

  it('when the rename step fails', async () => {
    const { dir, file, first, bytes, second } = await setUp();
    const failingRename: AtomicFs = {
      open, rm,
      rename: async () => { throw Object.assign(new Error('EXDEV: simulated crash before rename'), { code: 'EXDEV' }); },
    };
    await expect(saveHistory(file, second, { fs: failingRename })).rejects.toThrow(/simulated/);
    expect(await readFile(file)).toEqual(bytes);
    expect(await loadHistory(file)).toEqual(first);
    expect(await readdir(dir)).toEqual(['history.json']);
  });

  it('when the disk fills half-way through writing the new file', async () => {
    const { dir, file, first, bytes, second } = await setUp();
    let partialBytes = 0;
    const halfWrite: AtomicFs = {
      rename, rm,
      open: (async (p: string, flags: string) => {
        const handle = await open(p, flags);
        handle.writeFile = async (data: unknown) => {
          const buf = Buffer.from(typeof data === 'string' ? data : '');
          const half = buf.subarray(0, Math.floor(buf.length / 2));
          await handle.write(half);
          partialBytes = half.length;
          throw Object.assign(new Error('ENOSPC: simulated full disk'), { code: 'ENOSPC' });
        };
        return handle;
      }) as AtomicFs['open'],
    };
    await expect(saveHistory(file, second, { fs: halfWrite })).rejects.toThrow(/ENOSPC/);
    expect(partialBytes).toBeGreaterThan(0);
    expect(await readFile(file)).toEqual(bytes);
    expect(await loadHistory(file)).toEqual(first);
    expect(await readdir(dir)).toEqual(['history.json']);
    // And the next, healthy run saves normally over it.
    await saveHistory(file, second);
    expect(await loadHistory(file)).toEqual(second);
  });
});

describe('a save killed by SIGKILL (a real process, a real kill)', () => {
  it('mid-write leaves the previous history intact beside a torn temp file', async () => {
    const { spawn } = await import('node:child_process');
    const dir = await mkdtemp(path.join(tmpdir(), 'citecheck-sigkill-'));
    const file = path.join(dir, 'history.json');
    const storeModule = path.resolve('src/history/store.ts');
    // Version 1 is saved normally. Version 2 goes through a "slow disk": the real temp file gets
    // half its bytes, then the child says so and stalls, and the parent SIGKILLs it right there.
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      import { open, rename, rm } from 'node:fs/promises';
      const { saveHistory } = await import(${JSON.stringify(storeModule)});
      const checks = Array.from({ length: 50 }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
        linkStatus: 'ok', httpStatus: 200, matchedPhrases: ['a phrase'] }));
      const urls = {};
      for (let i = 0; i < 200; i++) urls['https://s' + i + '.example/'] = { url: 'https://s' + i + '.example/', refs: [i], checks, strikes: 0, rotDead: false };
      await saveHistory(${JSON.stringify(file)}, { version: 1, updatedAt: '2026-02-01T00:00:00.000Z', urls });
      const slowDisk = { rename, rm, open: async (p, flags) => {
        const handle = await open(p, flags);
        handle.writeFile = async (data) => {
          const buf = Buffer.from(data);
          await handle.write(buf.subarray(0, buf.length >> 1));
          await handle.sync();
          process.stdout.write('half-written\\n');
          await new Promise((r) => setTimeout(r, 60_000));
          await handle.write(buf.subarray(buf.length >> 1));
        };
        return handle;
      } };
      await saveHistory(${JSON.stringify(file)}, { version: 1, updatedAt: '2026-02-08T00:00:00.000Z', urls }, { fs: slowDisk });
      process.stdout.write('finished\\n');
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => resolve());
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('half-written')) child.kill('SIGKILL');
      });
    });
    expect(child.signalCode).toBe('SIGKILL');
    expect(out).not.toContain('finished');
    const h = await loadHistory(file);
    expect(h.updatedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(Object.keys(h.urls)).toHaveLength(200);
    const stray = (await readdir(dir)).filter((f) => f.endsWith('.tmp'));
    expect(stray).toHaveLength(1);
    const torn = await readFile(path.join(dir, stray[0] ?? ''), 'utf8');
    expect(torn.length).toBeGreaterThan(0);
    expect(() => JSON.parse(torn)).toThrow();
  }, 60_000);
});
