// Where fetched sources are read: a piscina pool of worker threads sized to the cores, or this thread (`--workers 0`).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Piscina } from 'piscina';
import type { ReadTask, SourceRead } from './read-task.js';

export interface Reader {
  /**
   * Reading on this thread blocks it, and with it the fetch stage's sockets and timers (a slow read
   * could time out requests in flight): such a reader reads once every response is in.
   */
  onThisThread: boolean;
  /** With `giveBody` the reader may take the body's bytes (moved to a worker, not copied). */
  read(task: ReadTask, giveBody: boolean): Promise<SourceRead>;
  close(): Promise<void>;
}

/**
 * One worker per core but the one the fetch stage (main thread: sockets, scheduling, reports)
 * needs; at least one. On 2 cores, two workers used 25 % more CPU (a second isolate loading the
 * readers) and 70 MB more RSS than one, for no faster run (bench:verify).
 */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
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

/** The body moves to the worker without a copy when this array owns its whole buffer. */
function transferable(task: ReadTask): ArrayBuffer[] {
  const { outcome } = task.fetch;
  if (outcome.kind !== 'response') return [];
  const { body } = outcome;
  const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
  return whole && body.byteLength > 0 ? [body.buffer] : [];
}

function inProcess(): Reader {
  // Loaded on the first response, not at start-up: the first request must not wait for the readers.
  let loaded: Promise<typeof import('./read-source.js')> | undefined;
  return {
    onThisThread: true,
    read: async (task) => {
      loaded ??= import('./read-source.js');
      return (await loaded).readSource(task);
    },
    close: async () => undefined,
  };
}

/**
 * The pool loads, and its threads start (each loading the page readers), with the first response:
 * spawning them before the first request would make that request wait.
 */
function inPool(file: URL, workers: number): Reader {
  let pool: Promise<Piscina<ReadTask, SourceRead>> | undefined;
  const open = () => (pool ??= import('piscina').then(({ Piscina: Pool }) => new Pool<ReadTask, SourceRead>({
    filename: file.href, minThreads: workers, maxThreads: workers, idleTimeout: 30_000,
  })));
  return {
    onThisThread: false,
    read: async (task, giveBody) => (await open()).run(task, { transferList: giveBody ? transferable(task) : [] }),
    close: async () => { if (pool) await (await pool).destroy(); },
  };
}

/** Worker threads when asked for and the compiled worker is there, else this thread; nothing loads until the first read. */
export function openReader(workers: number): Reader {
  const file = workers > 0 ? workerFile() : undefined;
  return file ? inPool(file, workers) : inProcess();
}
