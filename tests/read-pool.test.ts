// The reading threads' heap limits: small enough that V8 collects dead pages early, never too small for the largest page a thread may read.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_READ_BUDGET } from '../src/page/budget.js';
import { defaultWorkers, openReader, readerLimits, readersFor, warmUpTask } from '../src/read-pool.js';
import type { ReadTask } from '../src/read-task.js';
import { ensureBuilt } from './helpers/cli.js';

const MB = 1024 * 1024;

beforeAll(() => {
  ensureBuilt(); // the worker threads run the compiled reader from dist/
}, 120_000);

/** A page of `--max-size` bytes made of the tiniest elements: the most DOM nodes a page of that size can have. */
function tinyElementsTask(bytes: number): ReadTask {
  const unit = '<div><span>x</span><b>y</b></div>';
  const html = `<!doctype html><html><head><title>t</title></head><body><article><p>The council approved a budget of 4.2 million dollars.</p>${unit.repeat(Math.floor(bytes / unit.length))}</article></body></html>`;
  return {
    fetch: {
      url: 'http://127.0.0.1/big', finalUrl: 'http://127.0.0.1/big', redirects: [], attempts: 1, elapsedMs: 1,
      outcome: { kind: 'response', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: new TextEncoder().encode(html), truncated: false },
    },
    asks: [{ text: 'The council approved a budget of 4.2 million dollars.', before: '' }],
    budget: { ...DEFAULT_READ_BUDGET, timeMs: 60_000 },
  };
}

describe('reader thread limits', () => {
  it('a small young generation, and an old generation that follows --max-size with a floor of 1 GB', () => {
    expect(readerLimits(DEFAULT_READ_BUDGET.maxTextChars)).toEqual({ maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 1024 });
    expect(readerLimits(1 * MB).maxOldGenerationSizeMb).toBe(1024);
    expect(readerLimits(50 * MB).maxOldGenerationSizeMb).toBe(5000);
  });

  it('a thread with those limits still reads a --max-size page of tiny elements', async () => {
    const reader = openReader(1);
    try {
      expect(reader.onThisThread).toBe(false);
      const read = await reader.read(tinyElementsTask(DEFAULT_READ_BUDGET.maxTextChars), true);
      expect(read.link.linkStatus).toBe('ok');
      expect(read.matches[0]?.matched.length).toBeGreaterThan(0);
    } finally {
      await reader.close();
    }
  }, 120_000);
});

describe('a read that never returns', () => {
  it('has its thread ended at the hard limit: the page unreadable naming --read-budget, the link judged on the response', async () => {
    const reader = openReader(1, undefined, new URL('./fixtures/hang-worker.mjs', import.meta.url));
    try {
      const task = { ...tinyElementsTask(4096), budget: { ...DEFAULT_READ_BUDGET, timeMs: 100 } };
      const read = await reader.read(task, true);
      expect(read.page?.signals.unreadable).toMatch(/stopped after 5\.2 s.*--read-budget of 0\.1 s/);
      expect(read.link.linkStatus).toBe('ok'); // the server answered: no strike against the link
      expect(read.link.reason).toMatch(/--read-budget/);
      expect(read.matches).toHaveLength(1);
      expect(read.matches[0]?.matched).toEqual([]);
    } finally {
      await reader.close();
    }
  }, 120_000);
});

describe('a read that never returns, in the middle of a batch', () => {
  it('leaves that page unreadable and has the rest of its batch read by a new thread', async () => {
    const reader = openReader(1, undefined, new URL('./fixtures/hang-on-page-worker.mjs', import.meta.url));
    const page = (path: string): ReadTask => {
      const task = tinyElementsTask(4096);
      const url = `http://127.0.0.1/${path}`;
      // The hung page's budget is short (its hard stop 5.2 s); the others keep the default.
      const budget = path === 'hang' ? { ...DEFAULT_READ_BUDGET, timeMs: 100 } : DEFAULT_READ_BUDGET;
      return { ...task, fetch: { ...task.fetch, url, finalUrl: url }, budget };
    };
    try {
      // One thread takes two batches at once: pages 1 and 2 go alone, pages 3-6 wait and go as one batch.
      const reads = await Promise.all(['p1', 'p2', 'p3', 'hang', 'p5', 'p6'].map((path) => reader.read(page(path), true)));
      expect(reads[3]?.page?.signals.unreadable).toMatch(/stopped after 5\.2 s/);
      expect(reads[3]?.link.linkStatus).toBe('ok');
      for (const i of [0, 1, 2, 4, 5]) {
        expect(reads[i]?.page?.signals.unreadable).toBeUndefined();
        expect(reads[i]?.matches[0]?.matched.length).toBeGreaterThan(0);
      }
    } finally {
      await reader.close();
    }
  }, 120_000);
});

describe('a reader that fails on a page', () => {
  it('makes the page unreadable with the error, the link judged on the response (no error status, no strike)', async () => {
    const reader = openReader(1, undefined, new URL('./fixtures/crash-worker.mjs', import.meta.url));
    try {
      const read = await reader.read(tinyElementsTask(4096), true);
      expect(read.link.linkStatus).toBe('ok');
      expect(read.page?.signals.unreadable).toMatch(/could not be read: RangeError: Maximum call stack/);
      expect(read.matches).toHaveLength(1);
    } finally {
      await reader.close();
    }
  }, 120_000);
});

describe('defaultWorkers', () => {
  it.each([[1, 1], [2, 2], [3, 2], [4, 3], [16, 15]])('%i cores → %i reading threads', (cores, expected) => {
    expect(defaultWorkers(cores)).toBe(expected);
  });
});

describe('readersFor', () => {
  it.each([[0, 2, 1], [20, 2, 1], [100, 2, 1], [101, 2, 2], [5000, 2, 2], [250, 8, 3], [5000, 8, 7], [5000, 1, 1]])(
    '%i URLs on %i cores → %i reading threads (one per 100 URLs, at most defaultWorkers)', (urls, cores, expected) => {
      expect(readersFor(urls, cores)).toBe(expected);
    });
});

describe('warming a reader', () => {
  it('the warm-up page runs every reader: its link is ok and its claim found in its main text', async () => {
    const { readSource } = await import('../src/read-source.js');
    const read = await readSource(warmUpTask());
    expect(read.link.linkStatus).toBe('ok');
    expect(read.page?.title).toBe('Library budget');
    expect(read.matches[0]?.score).toBe(1);
    expect(read.matches[0]?.evidence?.layer).toBe('main');
  });

  it('a warm-up read is skipped by a thread that starts it once real pages are waiting, and only then', async () => {
    const { warmUpSkipped } = await import('../src/read-task.js');
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const task = { ...warmUpTask(), warmUpUntil: flag };
    expect(warmUpSkipped(task)).toBeUndefined();
    Atomics.store(flag, 0, 1);
    expect(warmUpSkipped(task)?.matches).toEqual([]);
    expect(warmUpSkipped(warmUpTask())).toBeUndefined(); // a real page is never skipped
  });

  it('settles once the page was read, on reading threads and on this thread, and reading goes on after it', async () => {
    for (const workers of [2, 0]) {
      const reader = openReader(workers);
      try {
        const warming = reader.warm();
        expect(reader.warm()).toBe(warming); // once per reader
        await expect(warming).resolves.toBeUndefined();
        expect((await reader.read(warmUpTask(), true)).link.linkStatus).toBe('ok');
      } finally {
        await reader.close();
      }
      // Warmed with real pages right behind: every real page is still read in full.
      const busy = openReader(workers);
      try {
        void busy.warm();
        const reads = await Promise.all([1, 2, 3].map(() => busy.read(warmUpTask(), true)));
        expect(reads.map((r) => r.matches[0]?.score)).toEqual([1, 1, 1]);
      } finally {
        await busy.close();
      }
    }
  }, 60_000);
});

describe('handing a page to a reading thread', () => {
  it('moves the body of a page sent alone when given, copies it when not (the caller still needs it)', async () => {
    const reader = openReader(1);
    try {
      const given = tinyElementsTask(4096);
      const kept = tinyElementsTask(4096);
      const bytes = (t: ReadTask) => (t.fetch.outcome.kind === 'response' ? t.fetch.outcome.body.length : -1);
      expect((await reader.read(given, true)).matches[0]?.matched.length).toBeGreaterThan(0);
      expect((await reader.read(kept, false)).matches[0]?.matched.length).toBeGreaterThan(0);
      expect(bytes(given)).toBe(0); // moved to the thread
      expect(bytes(kept)).toBeGreaterThan(4096);
    } finally {
      await reader.close();
    }
  }, 120_000);
});
