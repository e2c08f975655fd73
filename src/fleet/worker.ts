// A fleet worker: takes units from the queue, processes each (fetch, read, judge, match), returns compact results.
import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { bullConnection, describe } from './connect.js';
import { checkPayload, MAX_JOB_BYTES, MAX_RESULT_BYTES, QUEUE_NAME, UnitJobSchema, type UnitJob } from './protocol.js';
import type { QueueTarget } from './redis-url.js';

export interface WorkerOptions {
  /** Units processed at once (each applies its own per-host limit to its one host). */
  units: number;
  /** How long a unit stays locked to this worker without a heartbeat before another may take it over. */
  lockMs: number;
  log: (line: string) => void;
}

export interface UnitWorker {
  close(): Promise<void>;
  /** Resolves when the worker is connected and waiting for units. */
  ready: Promise<void>;
}

export type ProcessUnit = (job: UnitJob) => Promise<unknown>;

export function startUnitWorker(target: QueueTarget, process: ProcessUnit, options: WorkerOptions): UnitWorker {
  const name = `${hostname()}:${globalThis.process.pid}`;
  let lastError = '';
  const worker = new Worker(QUEUE_NAME, async (job: Job) => {
    const checked = checkPayload(UnitJobSchema, job.data, MAX_JOB_BYTES, `unit ${job.id ?? '?'}`);
    // A malformed unit is not retried: no worker could do better with it.
    if (!checked.ok) throw new UnrecoverableError(checked.error);
    const started = Date.now();
    const result = await process(checked.value);
    const size = Buffer.byteLength(JSON.stringify(result), 'utf8');
    if (size > MAX_RESULT_BYTES) throw new Error(`the result of unit ${checked.value.unitId} is ${size} bytes, over the ${MAX_RESULT_BYTES}-byte cap`);
    options.log(`unit ${checked.value.unitId} (${checked.value.host}, ${checked.value.urls.length} URLs) done in ${Date.now() - started} ms`);
    return { worker: name, result };
  }, {
    connection: bullConnection(target, 'worker'),
    concurrency: options.units,
    lockDuration: options.lockMs,
    stalledInterval: Math.max(1_000, Math.round(options.lockMs / 2)),
    // A unit whose worker died twice in a row is failed rather than passed around forever.
    maxStalledCount: 2,
  });
  worker.on('error', (error) => {
    const line = describe(error);
    if (line !== lastError) options.log(`queue error at ${target.display}: ${line} (retrying)`);
    lastError = line;
  });
  worker.on('ready', () => {
    if (lastError) options.log(`connected again to ${target.display}`);
    lastError = '';
  });
  return {
    ready: worker.waitUntilReady().then(() => undefined),
    close: () => worker.close(),
  };
}
