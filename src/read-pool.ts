// Where fetched sources are read: a piscina pool of worker threads sized to the cores, or this thread (`--workers 0`).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import { DEFAULT_READ_BUDGET, hardStopMs } from './page/budget.js';
import { BatchQueue, type Waiting } from './read-batches.js';
import { couldNotRead, type ReadBatch, type ReadTask, type SourceRead } from './read-task.js';

export interface Reader {
  /**
   * Reading on this thread blocks it, and with it the fetch stage's sockets and timers (a slow read
   * could time out requests in flight): such a reader reads once every response is in.
   */
  onThisThread: boolean;
  /**
   * With `giveBody` the reader may take the body's bytes (moved to a worker, not copied). A page our
   * reader fails on (a parser bug, a heap limit, a read stopped at the hard limit) comes back
   * unreadable, its link judged on the response: our failure is never a link-rot strike.
   */
  read(task: ReadTask, giveBody: boolean): Promise<SourceRead>;
  /**
   * Loads the readers (starts the threads) and has each read a small built-in page, so the first real
   * pages are not read cold; `read` loads them too. Settles when done; never rejects (a reader that
   * cannot load fails the first read instead).
   */
  warm(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One reader per core but the one the fetch stage (main thread: sockets, scheduling, reports)
 * needs; on one or two cores one per core, since the fetch stage leaves most of its core idle.
 * Measured on 2 cores with the readers' heap limits (bench:verify, quiet machine): two readers
 * instead of one ran 2,000 small pages 6–8 % faster (+45–58 MB RSS) and 2,000 news pages 20 %
 * faster (19.2 → 15.5 s; 284 → 342 MB).
 */
export function defaultWorkers(cores = availableParallelism()): number {
  return cores <= 2 ? Math.max(1, cores) : cores - 1;
}

/** URLs a reading thread must have ahead of it before another thread is worth starting. */
export const URLS_PER_READER = 100;

/**
 * Reading threads for a run of `urls` URLs when none were asked for: defaultWorkers, but one per
 * URLS_PER_READER URLs. A thread costs its start (~0.3–0.4 s of CPU on Node 20: Node's bootstrap,
 * loading the readers, the warm-up page) and ~40–50 MB; a warm thread reads a small page in ~2 ms,
 * an 80 KB news page in ~7 ms. Measured on 2 cores (whole verify, 3 alternating pairs, one thread vs
 * two): 20 small pages at 300 ms latency 710–753 vs 750–789 ms wall, 0.72 vs 0.98 s CPU, 158 vs
 * 193 MB; 100 news pages 1.53–1.63 vs 1.45–1.69 s, 1.7 vs 2.2 s CPU; 200 small pages two threads
 * win (1.15–1.22 vs 1.32–1.37 s), as do 300 news pages (2.56–2.67 vs 2.93–3.14 s).
 */
export function readersFor(urls: number, cores = availableParallelism()): number {
  return Math.min(defaultWorkers(cores), Math.max(1, Math.ceil(urls / URLS_PER_READER)));
}

/**
 * The compiled worker beside this file (dist/read-worker.js). Run from the TypeScript sources
 * (vitest, tsx) there is only read-worker.ts, which a worker thread cannot load: the built copy in
 * dist/ is used then, and without one the pages are read on this thread.
 */
export function workerFile(): URL | undefined {
  const beside = new URL('./read-worker.js', import.meta.url);
  if (existsSync(beside)) return beside;
  const path = fileURLToPath(beside);
  const at = path.lastIndexOf('/src/');
  const built = at >= 0 ? `${path.slice(0, at)}/dist/${path.slice(at + 5)}` : '';
  return built && existsSync(built) ? pathToFileURL(built) : undefined;
}

/**
 * Heap limits for a reading thread. V8 lets a heap grow before a full collection by a factor that
 * follows the heap's limit: with the default limit (a quarter of the machine's memory) up to 4× what
 * is live, under 2 GB towards 1.3×. A reader keeps nothing between pages, so most of its heap is dead
 * pages: 2,000 small pages (bench:verify) left 109 MB of heap for 23 MB live; with these limits 44 MB,
 * and peak RSS fell by ~70 MB. The young generation is 8 MB: V8 splits it into two semi-spaces of a
 * power of two (8–12 MB give 4 MB each, 16–24 MB 8 MB each, 6 MB 2 MB). A page's objects die with its
 * task; with 2 MB semi-spaces a news page's read promotes short-lived objects and pays for it in full
 * collections. Whole verify (drive3, alternating pairs, load 4.7–6.8), 2,000 ~80 KB news pages: 16 MB
 * 266–272 MB peak RSS, reading threads 5.8–6.1 s of CPU each; 8 MB 245–252 MB, 5.8–6.2 s; 6 MB
 * 234–238 MB, 6.6–6.9 s. 2,000 small pages 241–242 → 219–220 MB, 10,000 sources 338 → 313 MB, whole
 * runs' CPU within noise (an earlier, costlier reader paid 15 % more CPU on news pages for 8 MB).
 * Node 24 (one or two pairs): small pages 308 → 289 MB at the same CPU; news pages 311–323 → 299–301
 * MB for ~5 % more CPU in the reading threads.
 * The old generation still fits the largest page a thread may read with room to spare (a 5 MB page of
 * tiny elements needs 128–256 MB): 1 GB, or 100 MB per MB of `--max-size` above 10 MB. A page past
 * it ends that thread's task with an error (the source's `error` link status); the pool starts another.
 */
export function readerLimits(maxTextChars: number): ResourceLimits {
  const perMb = Math.ceil((maxTextChars / (1024 * 1024)) * 100);
  return { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: Math.max(1024, perMb) };
}

/**
 * A small article page with a claim to match: a fresh reader's first page costs 10–50× a warm one's
 * (~130–270 ms against ~3 ms for a 1.7 KB page: the readers' code compiles as it first runs), so each
 * reader reads this one while the first responses are awaited.
 */
export function warmUpTask(): ReadTask {
  const claim = 'The council approved a budget of 4.2 million dollars for the new library in 2024.';
  const filler = '<p>Residents discussed the plans at a public meeting that evening, and several spoke in favour.</p>'.repeat(4);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Library budget</title></head><body><nav><a href="/">Home</a></nav>`
    + `<article><h1>Council approves library budget</h1><p>${claim} Officials said work would start in the spring.</p>${filler}</article><footer>Riverside Gazette</footer></body></html>`;
  const url = 'http://127.0.0.1/warm-up';
  return {
    fetch: {
      url, finalUrl: url, redirects: [], attempts: 1, elapsedMs: 0,
      outcome: { kind: 'response', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: new TextEncoder().encode(html), truncated: false },
    },
    asks: [{ text: claim, before: '' }], budget: DEFAULT_READ_BUDGET,
  };
}

function inProcess(): Reader {
  // Loaded on the first response, not at start-up: the first request must not wait for the readers.
  let loaded: Promise<typeof import('./read-source.js')> | undefined;
  const load = () => (loaded ??= import('./read-source.js'));
  const read = async (task: ReadTask): Promise<SourceRead> => (await load()).readOrUnread(task);
  let warming: Promise<void> | undefined;
  return {
    onThisThread: true,
    warm: () => (warming ??= read(warmUpTask()).then(() => undefined, () => undefined)),
    read,
    close: async () => undefined,
  };
}

/**
 * Calls `stop` once the thread has spent its current page's limit on it (its clock is 0 while the
 * batch waits for a thread). Checked at least every `everyMs` (the batch's shortest limit): the page
 * being read may change between checks.
 */
function watchRead(clock: BigInt64Array, limitMs: () => number, everyMs: number, stop: () => void): () => void {
  let timer: NodeJS.Timeout;
  const check = (): void => {
    const started = Number(Atomics.load(clock, 0));
    const left = limitMs() - (started === 0 ? 0 : Date.now() - started);
    if (left <= 0) stop();
    else timer = setTimeout(check, Math.min(left, everyMs));
  };
  timer = setTimeout(check, everyMs);
  return () => clearTimeout(timer);
}

/** Batches with the threads at once: one being read and one ready to go per thread, so a thread never waits for this one. */
const BATCHES_PER_THREAD = 2;
/** The most pages in one batch: 8 small pages are ~10 ms of reading, 8 news pages ~40 ms. */
const MAX_BATCH = 8;
/** The most body bytes in a batch of several pages: a bigger page goes alone, its body moved rather than copied. */
const MAX_BATCH_BYTES = 1 << 20;

/** The body moves to the worker without a copy when this array owns its whole buffer. */
function transferable(task: ReadTask): ArrayBuffer[] {
  const { outcome } = task.fetch;
  if (outcome.kind !== 'response') return [];
  const { body } = outcome;
  const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
  return whole && body.byteLength > 0 ? [body.buffer] : [];
}

function bodyBytes(task: ReadTask): number {
  return task.fetch.outcome.kind === 'response' ? task.fetch.outcome.body.length : 0;
}

/** The task as the stopped thread had it: a body it took is gone from here, but its length is still reported. */
function withBodyLength(task: ReadTask, bytes: number): ReadTask {
  const { outcome } = task.fetch;
  if (outcome.kind !== 'response' || outcome.body.length === bytes) return task;
  return { ...task, fetch: { ...task.fetch, outcome: { ...outcome, body: new Uint8Array(bytes) } } };
}

/**
 * The pool loads, and its threads start (each loading the page readers), when warmed (once the first
 * request is on the wire) or with the first response: spawning them before the first request would
 * make that request wait. Pages go to the threads in batches (read-batches.ts): a lone page's body
 * is moved when the caller gives it, a batch's bodies are copied (at most MAX_BATCH_BYTES together),
 * so that a failed batch's other pages can be read again. A thread that ends mid-batch (its page past the
 * hard limit, budget.ts hardStopMs; out of memory; a bug) leaves that page unreadable and the rest
 * of its batch first in line; the pool starts another thread.
 * Whole verify, 2,000 small pages (50 ms latency, 2 threads, 3 alternating pairs, load 6–7): one
 * page per hand-over 4.50–5.01 s wall, 6.2–6.8 s of CPU; batches of up to 8, 3.62–3.84 s, 5.5–5.7 s
 * (up to 4, 16 or 32, or 1 or 3 batches out per thread: within noise of that). 2,000 news pages:
 * the same CPU (16.9–17.4 s) and peak RSS.
 */
function inPool(file: URL, workers: number, maxTextChars: number): Reader {
  let pool: Promise<Piscina<ReadBatch, SourceRead[]>> | undefined;
  const open = () => (pool ??= import('piscina').then(({ Piscina: Pool }) => new Pool<ReadBatch, SourceRead[]>({
    filename: file.href, minThreads: workers, maxThreads: workers, idleTimeout: 30_000,
    resourceLimits: readerLimits(maxTextChars),
  })));
  const runBatch = async (batch: Waiting<ReadTask, SourceRead>[]): Promise<void> => {
    const clock = new BigInt64Array(new SharedArrayBuffer(16));
    const current = (): Waiting<ReadTask, SourceRead> => batch[Number(Atomics.load(clock, 1))] ?? batch[0]!;
    const limitMs = (): number => hardStopMs(current().task.budget);
    const stopper = new AbortController();
    const shortest = Math.min(...batch.map((w) => hardStopMs(w.task.budget)));
    const unwatch = watchRead(clock, limitMs, shortest, () => stopper.abort());
    const [lone] = batch;
    const bytes = lone ? bodyBytes(lone.task) : 0;
    const transferList = lone && batch.length === 1 && lone.giveBody ? transferable(lone.task) : [];
    try {
      const reads = await (await open()).run({ tasks: batch.map((w) => w.task), clock }, { signal: stopper.signal, transferList });
      batch.forEach((w, i) => w.resolve(reads[i]!));
    } catch (error) {
      // Our reader failed (stopped, a heap limit, a bug), not the server: that page is unreadable, the link no worse.
      const failed = current();
      const why = stopper.signal.aborted
        ? `reading was stopped after ${limitMs() / 1000} s (twice the --read-budget of ${failed.task.budget.timeMs / 1000} s, plus 5 s)`
        : couldNotRead(error);
      queue.putBack(batch.filter((w) => w !== failed));
      const task = failed === lone ? withBodyLength(failed.task, bytes) : failed.task;
      failed.resolve((await import('./read-source.js')).unreadSource(task, why));
    } finally {
      unwatch();
    }
  };
  const queue = new BatchQueue(runBatch, BATCHES_PER_THREAD * workers, MAX_BATCH, MAX_BATCH_BYTES);
  // One warm-up page per thread, each handed to an idle thread as it starts; a thread that starts one
  // once real pages are waiting skips it (they are queued behind it), so warming never delays them.
  const realPages = new Int32Array(new SharedArrayBuffer(4));
  const read = (task: ReadTask, giveBody: boolean): Promise<SourceRead> => {
    Atomics.store(realPages, 0, 1);
    return queue.push(task, bodyBytes(task), giveBody);
  };
  const warmOne = (): Promise<SourceRead> => new Promise((resolve) => {
    void runBatch([{ task: { ...warmUpTask(), warmUpUntil: realPages }, size: 0, giveBody: true, resolve }]);
  });
  let warming: Promise<void> | undefined;
  const warm = () => (warming ??= Promise.all(Array.from({ length: workers }, warmOne)).then(() => undefined));
  return { onThisThread: false, read, warm, close: async () => { if (pool) await (await pool).destroy(); } };
}

/**
 * Worker threads when asked for and the compiled worker is there, else this thread; nothing loads
 * until the first read. `maxTextChars` is the largest page's budget (`--max-size`): it sizes the threads'
 * heaps. `worker` is the threads' entry (a test gives one that never returns).
 */
export function openReader(workers: number, maxTextChars = DEFAULT_READ_BUDGET.maxTextChars, worker: URL | undefined = workerFile()): Reader {
  const file = workers > 0 ? worker : undefined;
  return file ? inPool(file, workers, maxTextChars) : inProcess();
}
