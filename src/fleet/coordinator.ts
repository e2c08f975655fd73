// The coordinator's side of a fleet run: enqueue the units (idempotently, so --resume can re-plan), wait, collect.
import { Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { bullConnection, checkQueue, describe } from './connect.js';
import { checkPayload, MAX_RESULT_BYTES, QUEUE_NAME, type UnitJob } from './protocol.js';
import type { QueueTarget } from './redis-url.js';
import type { RunPlan } from './units.js';

export type UnitOutcome<R> = { ok: true; worker: string; result: R } | { ok: false; error: string };

export interface CoordinateOptions<R> {
  resultSchema: z.ZodType<R>;
  /** Continue a run whose units are already in the queue (their finished results are reused). */
  resume: boolean;
  log: (line: string) => void;
  onProgress?: (done: number, total: number) => void;
  /** How often the coordinator checks on the queue besides listening to its events. */
  sweepMs?: number;
}

export interface Coordinated<R> {
  outcomes: Map<string, UnitOutcome<R>>;
  /** Removes the run's jobs from the queue: call once the reports are written. */
  cleanup(): Promise<void>;
}

const metaKey = (runId: string) => `citecheck:run:${runId}`;
const WEEK_S = 7 * 24 * 3600;

export async function coordinate<R>(target: QueueTarget, plan: RunPlan, jobs: readonly UnitJob[], options: CoordinateOptions<R>): Promise<Coordinated<R>> {
  await checkQueue(target);
  const connection = bullConnection(target, 'coordinator');
  const queue = new Queue(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  // Run bookkeeping and liveness checks; BullMQ's own connections keep retrying in the background.
  const client = new Redis({ ...target.connection, maxRetriesPerRequest: 1, connectTimeout: 15_000, enableOfflineQueue: false, lazyConnect: true });
  const handles = { queue, events, client };
  queue.on('error', () => undefined);
  events.on('error', () => undefined);
  client.on('error', () => undefined);
  try {
    // Commands are not queued while disconnected (so a lost Redis is noticed): connect before the first one.
    await client.connect();
    await events.waitUntilReady();
    await registerRun(client, plan, options.resume);
    await queue.addBulk(jobs.map((data) => ({
      name: 'unit', data,
      opts: { jobId: data.unitId, attempts: 3, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: false, removeOnFail: false },
    })));
    if (options.resume) await retryFailed(queue, plan);
    options.log(`${jobs.length} units queued; waiting for workers`);
    const outcomes = await collect(handles, plan, options);
    return {
      outcomes,
      cleanup: async () => {
        await Promise.all(plan.units.map((u) => queue.remove(u.id).catch(() => 0)));
        await client.del(metaKey(plan.runId)).catch(() => 0);
        await closeAll(handles);
      },
    };
  } catch (error) {
    await closeAll(handles);
    throw error instanceof InputError ? error : lost(target, plan, error);
  }
}

interface Handles { queue: Queue; events: QueueEvents; client: Redis }

/** Closes politely when Redis answers; when it does not, a close would wait forever: cut the connections. */
async function closeAll(h: Handles): Promise<void> {
  const within = (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true),
    new Promise<boolean>((r) => { setTimeout(r, ms, false).unref(); })]);
  h.client.disconnect();
  if (!(await within(Promise.allSettled([h.events.close(), h.queue.close()]), 2_000))) {
    await within(Promise.allSettled([h.events.disconnect(), h.queue.disconnect()]), 2_000);
  }
}

function lost(target: QueueTarget, plan: RunPlan, error: unknown): InputError {
  return new InputError(`lost the job queue at ${target.display}: ${describe(error)}`,
    `when it is back, continue with: citecheck verify … --queue ${target.display} --resume ${plan.runId}`);
}

/** A new run records its plan; a resumed run must find the same plan (same articles, same URLs). */
async function registerRun(client: Redis, plan: RunPlan, resume: boolean): Promise<void> {
  const key = metaKey(plan.runId);
  if (resume) {
    const digest = await client.hget(key, 'digest');
    if (digest === null) throw new InputError(`no run ${plan.runId} in the job queue`, 'the run finished or its queue was emptied: start it again without --resume');
    if (digest !== plan.digest) throw new InputError(`run ${plan.runId} was planned from other articles or references`, 'resume with exactly the same arguments as the first run');
    return;
  }
  await client.hset(key, { digest: plan.digest, units: String(plan.units.length), createdAt: new Date().toISOString() });
  await client.expire(key, WEEK_S);
}

async function retryFailed(queue: Queue, plan: RunPlan): Promise<void> {
  for (const unit of plan.units) {
    const job = await Job.fromId(queue, unit.id);
    if (job && (await job.getState()) === 'failed') await job.retry('failed');
  }
}

/**
 * Waits for every unit. A unit's result comes with its `completed` event (no read-back of the job);
 * a sweep asks for the state of the units still open (one small script each, no job data) only
 * when no unit settled since the last sweep, so a missed event never hangs the run and a busy run
 * costs Redis nothing more.
 */
async function collect<R>(h: Handles, plan: RunPlan, options: CoordinateOptions<R>): Promise<Map<string, UnitOutcome<R>>> {
  const { queue, events, client } = h;
  const outcomes = new Map<string, UnitOutcome<R>>();
  const urls = new Map(plan.units.map((u) => [u.id, u.urls.length]));
  const total = plan.units.reduce((n, u) => n + u.urls.length, 0);
  let done = 0;
  let settledSinceSweep = true;
  const record = (id: string, outcome: UnitOutcome<R>): void => {
    if (outcomes.has(id) || !urls.has(id)) return;
    outcomes.set(id, outcome);
    settledSinceSweep = true;
    done += urls.get(id) ?? 0;
    options.onProgress?.(done, total);
  };
  /** Reads a finished unit back from the queue (a failure, or a completion whose event was missed). */
  const settle = async (id: string, known?: string): Promise<void> => {
    if (outcomes.has(id) || !urls.has(id)) return;
    const state = known ?? await queue.getJobState(id);
    if (state !== 'completed' && state !== 'failed') return;
    const job = await Job.fromId(queue, id);
    if (!job) throw new Error(`the queue no longer holds unit ${id} (was Redis restarted without persistence?)`);
    if (state === 'completed') record(id, readResult(job.returnvalue, options.resultSchema, id));
    else if (job.attemptsMade >= (job.opts.attempts ?? 1)) record(id, { ok: false, error: job.failedReason || 'the worker failed' });
  };
  return new Promise((resolve, reject) => {
    let failure: unknown;
    const finish = () => {
      if (failure !== undefined || outcomes.size < plan.units.length) return;
      clearInterval(timer);
      resolve(outcomes);
    };
    const fail = (error: unknown) => {
      if (failure !== undefined) return;
      failure = error;
      clearInterval(timer);
      reject(error);
    };
    events.on('completed', ({ jobId, returnvalue }) => {
      if (urls.has(jobId)) record(jobId, readResult(returnvalue, options.resultSchema, jobId));
      finish();
    });
    events.on('failed', ({ jobId }) => { settle(jobId, 'failed').then(finish, fail); });
    // BullMQ's commands wait for Redis forever (maxRetriesPerRequest null): liveness is checked apart,
    // with a deadline, and two failed checks in a row end the run with a clear line.
    let sweeping = false;
    let failedPings = 0;
    const sweep = async () => {
      if (failure !== undefined) return;
      // A slow answer on a busy machine is not a lost queue: only a closed connection counts, three
      // sweeps in a row (the client does not queue commands while disconnected, so that is quick).
      const alive = await withDeadline(client.ping(), 30_000).then(() => true, () => client.status === 'ready');
      failedPings = alive ? 0 : failedPings + 1;
      if (failedPings >= 3) throw new Error(`no connection to Redis (${client.status})`);
      if (!alive || sweeping || settledSinceSweep) {
        settledSinceSweep = false;
        return;
      }
      sweeping = true;
      try {
        await Promise.all(plan.units.filter((u) => !outcomes.has(u.id)).map((u) => settle(u.id)));
        finish();
      } finally {
        sweeping = false;
      }
    };
    const timer = setInterval(() => { sweep().catch(fail); }, options.sweepMs ?? 2_000);
    // A resumed run's finished units sent their events long ago: read them once at the start.
    if (options.resume) settledSinceSweep = false;
    sweep().catch(fail);
  });
}

function readResult<R>(value: unknown, schema: z.ZodType<R>, id: string): UnitOutcome<R> {
  const envelope = typeof value === 'object' && value !== null && 'result' in value ? value : { worker: '?', result: value };
  const checked = checkPayload(schema, envelope.result, MAX_RESULT_BYTES, `the result of unit ${id}`);
  const worker = 'worker' in envelope && typeof envelope.worker === 'string' ? envelope.worker : '?';
  return checked.ok ? { ok: true, worker, result: checked.value } : { ok: false, error: checked.error };
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e); });
  });
}
