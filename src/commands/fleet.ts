// `citecheck worker`, and `verify --queue/--resume`: the CLI side of fleet runs (the queue itself is src/fleet/).
import { InputError } from '../errors.js';
import { openUnitProcessor } from '../fleet/process.js';
import { fleetStage, type FleetStage } from '../fleet/stage.js';
import { parseQueueUrl } from '../fleet/redis-url.js';
import { isRunId, newRunId } from '../fleet/units.js';
import { startUnitWorker } from '../fleet/worker.js';
import type { ReadBudget } from '../page/budget.js';
import type { FetchOptions } from '../sources/fetch.js';
import { DEFAULT_FETCH_OPTIONS } from '../sources/fetch.js';
import { defaultWorkers } from '../read-pool.js';
import { positiveInt, positiveNumber } from './options.js';

export interface FleetFlags {
  queue?: string;
  resume?: string;
  replay?: string;
  quiet?: boolean;
}

/** The fleet source stage for `verify --queue`, or undefined for a local run. */
export function verifyFleet(flags: FleetFlags, fetch: Partial<FetchOptions>, read: ReadBudget, evidence: boolean,
  onProgress: (done: number, total: number) => void): FleetStage | undefined {
  if (flags.queue === undefined) {
    if (flags.resume !== undefined) throw new InputError('--resume needs --queue', 'give the same --queue URL as the run you are resuming');
    return undefined;
  }
  if (flags.replay !== undefined) throw new InputError('--replay reads recorded responses here: it cannot go with --queue', 'drop one of them');
  if (flags.resume !== undefined && !isRunId(flags.resume)) {
    throw new InputError(`--resume: "${flags.resume}" is not a run id`, 'run ids look like r20261201120000a1b2c3 (printed when the run started)');
  }
  const target = parseQueueUrl(flags.queue);
  const runId = flags.resume ?? newRunId();
  const o = { ...DEFAULT_FETCH_OPTIONS, ...fetch };
  if (!flags.quiet) process.stderr.write(`citecheck: run ${runId} on ${target.display}; if it is interrupted, continue with --resume ${runId}\n`);
  return fleetStage({
    target, runId, resume: flags.resume !== undefined, evidence, read,
    fetch: {
      perHost: o.perHost, retries: o.retries, timeoutMs: o.timeoutMs, maxBytes: o.maxBytes,
      allowPrivateHosts: o.allowPrivateHosts, allowHosts: [...o.allowHosts], ...(fetch.userAgent ? { userAgent: fetch.userAgent } : {}),
    },
    log: (line) => { if (!flags.quiet) process.stderr.write(`citecheck: ${line}\n`); },
    onProgress,
  });
}

export interface WorkerFlags {
  queue: string;
  hosts: string;
  threads?: string;
  lock: string;
  quiet?: boolean;
  verbose?: boolean;
}

/** Runs until SIGINT/SIGTERM; a unit in hand is finished first (a second signal stops at once). */
export async function runWorker(flags: WorkerFlags): Promise<number> {
  const target = parseQueueUrl(flags.queue);
  const hosts = positiveInt(flags.hosts, '--hosts');
  const lockMs = positiveNumber(flags.lock, '--lock') * 1000;
  const threads = flags.threads === undefined ? defaultWorkers() : positiveInt(flags.threads, '--threads', 0);
  const say = (line: string) => process.stderr.write(`citecheck worker: ${line}\n`);
  const processor = await openUnitProcessor(threads);
  const worker = startUnitWorker(target, (job) => processor.process(job), {
    units: hosts, lockMs, log: (line) => { if (flags.verbose || (!flags.quiet && !line.startsWith('unit '))) say(line); },
  });
  worker.ready.then(() => { if (!flags.quiet) say(`ready on ${target.display}, ${hosts} hosts at a time, pages read on ${threads === 0 ? 'the main thread' : `${threads} thread${threads > 1 ? 's' : ''}`}`); }, () => undefined);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      if (!flags.quiet) say('finishing the units in hand, then stopping (signal again to stop now)');
      worker.close().then(() => processor.close()).then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
