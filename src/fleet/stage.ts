// The fleet as verify()'s source stage: URLs → units by host → the queue → judged sources (a worker's side is process.ts).
import type { ReadBudget } from '../page/budget.js';
import type { ReadSource } from '../read-task.js';
import type { UrlPlan } from '../verify.js';
import { coordinate } from './coordinator.js';
import { PROTOCOL_VERSION, type UnitFetch, type UnitJob } from './protocol.js';
import type { QueueTarget } from './redis-url.js';
import { planUnits } from './units.js';
import { fromWire, UnitResultSchema } from './wire.js';

export interface FleetRun {
  target: QueueTarget;
  runId: string;
  resume: boolean;
  fetch: UnitFetch;
  read: ReadBudget;
  /** Workers return full responses too, for --warc. */
  evidence: boolean;
  log: (line: string) => void;
  onProgress?: (done: number, total: number) => void;
}

export interface FleetStage {
  stage: (urls: readonly UrlPlan[]) => Promise<ReadonlyMap<string, ReadSource>>;
  /** Empties the run's jobs from the queue; call after the reports are written. */
  cleanup: () => Promise<void>;
}

export function fleetStage(run: FleetRun): FleetStage {
  let cleanup = async () => {};
  const stage = async (urls: readonly UrlPlan[]) => {
    const byUrl = new Map(urls.map((u) => [u.url, u]));
    const plan = planUnits(run.runId, urls.map((u) => u.url));
    const jobs: UnitJob[] = plan.units.map((unit) => ({
      v: PROTOCOL_VERSION, runId: run.runId, unitId: unit.id, host: unit.host, fetch: run.fetch, read: run.read, evidence: run.evidence,
      urls: unit.urls.map((url) => ({ url, asks: byUrl.get(url)?.asks.map((a) => ({ text: a.text, before: a.before, ...(a.phrases ? { phrases: [...a.phrases] } : {}) })) ?? [], previous: byUrl.get(url)?.previous ?? [] })),
    }));
    run.log(`run ${run.runId}: ${urls.length} URLs in ${plan.units.length} units on ${run.target.display}${run.resume ? ' (resumed)' : ''}`);
    const done = await coordinate(run.target, plan, jobs, {
      resultSchema: UnitResultSchema, resume: run.resume, log: run.log,
      ...(run.onProgress ? { onProgress: run.onProgress } : {}),
    });
    cleanup = done.cleanup;
    const read = new Map<string, ReadSource>();
    for (const unit of plan.units) {
      const outcome = done.outcomes.get(unit.id);
      const sources = new Map(outcome?.ok ? outcome.result.sources.map((s) => [s.url, s]) : []);
      for (const url of unit.urls) {
        const wire = sources.get(url);
        read.set(url, wire ? fromWire(wire, byUrl.get(url)?.asks ?? []) : { link: { linkStatus: 'error', reason:
          `the fleet could not judge this URL: ${outcome && !outcome.ok ? outcome.error : 'its worker returned no result for it'}` } });
      }
    }
    return read;
  };
  return { stage, cleanup: () => cleanup() };
}
