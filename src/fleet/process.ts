// What a fleet worker does with a unit: fetch the host's URLs politely and hand each response, as it arrives, to the worker's one reader.
import { openReader, type Reader } from '../read-pool.js';
import type { ReadTask } from '../read-task.js';
import { fetchSources } from '../sources/fetch.js';
import type { SourceFetch } from '../types.js';
import type { UnitJob } from './protocol.js';
import { toWire, type UnitResult, type WireSource } from './wire.js';

export interface UnitProcessor {
  process(job: UnitJob): Promise<UnitResult>;
  close(): Promise<void>;
}

/**
 * One reader (a pool of `threads` reading threads, or this thread with 0) for every unit the worker
 * takes: its threads start and load the page readers once, before the first unit, not per unit.
 */
export async function openUnitProcessor(threads: number): Promise<UnitProcessor> {
  const reader = await openReader(threads);
  // Loading the page readers blocks a thread for a while on a busy machine, and a blocked worker cannot renew its unit's lock.
  await reader.warm();
  return { process: (job) => processUnit(job, reader), close: () => reader.close() };
}

async function processUnit(job: UnitJob, reader: Reader): Promise<UnitResult> {
  const { fetch } = job;
  const wanted = new Map(job.urls.map((u) => [u.url, u]));
  const pending: Promise<WireSource>[] = [];
  const readOne = (f: SourceFetch): void => {
    const u = wanted.get(f.url);
    if (!u) return;
    const task: ReadTask = { fetch: { ...f, outcome: { ...f.outcome } }, asks: u.asks, previous: u.previous, budget: job.read };
    // Without --warc the body may move to the reading thread (no copy) and never come back.
    const give = !job.evidence && f.outcome.kind === 'response';
    // A page our reader fails on comes back unreadable (read-pool.ts): never an error status of the link.
    pending.push(reader.read(task, give).then((read) => toWire(f, read, job.evidence)));
  };
  const arrived: SourceFetch[] = [];
  // Reading on this thread would hold up the unit's other requests: then it waits for the unit's last response.
  await fetchSources(job.urls.map((u) => u.url), {
    concurrency: fetch.perHost, perHost: fetch.perHost, retries: fetch.retries, timeoutMs: fetch.timeoutMs,
    maxBytes: fetch.maxBytes, allowPrivateHosts: fetch.allowPrivateHosts, allowHosts: fetch.allowHosts,
    ...(fetch.userAgent ? { userAgent: fetch.userAgent } : {}),
    onFetched: reader.onThisThread ? (f) => arrived.push(f) : readOne,
  });
  arrived.forEach(readOne);
  return { sources: await Promise.all(pending) };
}

