// The fleet as verify()'s source stage: URLs → units by host → the queue → judged sources; and what a worker does with a unit.
import type { ReadBudget } from '../page/budget.js';
import { judgeResponse, type ReadSource } from '../read-source.js';
import { fetchSources } from '../sources/fetch.js';
import type { UrlPlan } from '../verify.js';
import { coordinate } from './coordinator.js';
import { PROTOCOL_VERSION, type UnitFetch, type UnitJob } from './protocol.js';
import type { QueueTarget } from './redis-url.js';
import { planUnits } from './units.js';
import { fromWire, toWire, UnitResultSchema, type UnitResult } from './wire.js';

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
        read.set(url, wire ? fromWire(wire) : { link: { linkStatus: 'error', reason:
          `the fleet could not judge this URL: ${outcome && !outcome.ok ? outcome.error : 'its worker returned no result for it'}` } });
      }
    }
    return read;
  };
  return { stage, cleanup: () => cleanup() };
}

/** What a worker does with one unit: fetch the host's URLs politely, then read, judge and match each. */
export async function processUnit(job: UnitJob): Promise<UnitResult> {
  const { fetch } = job;
  const fetched = await fetchSources(job.urls.map((u) => u.url), {
    concurrency: fetch.perHost, perHost: fetch.perHost, retries: fetch.retries, timeoutMs: fetch.timeoutMs,
    maxBytes: fetch.maxBytes, allowPrivateHosts: fetch.allowPrivateHosts, allowHosts: fetch.allowHosts,
    ...(fetch.userAgent ? { userAgent: fetch.userAgent } : {}),
  });
  const sources = [];
  for (const u of job.urls) {
    const f = fetched.get(u.url);
    if (!f) continue;
    sources.push(toWire(u.url, await judgeResponse(f, u.asks, u.previous, job.evidence, job.read)));
  }
  return { sources };
}

/**
 * Loads the page readers before the first unit: their module loading blocks the event loop for a
 * while on a busy machine, and a blocked worker cannot renew its unit's lock.
 */
export async function warmUp(): Promise<void> {
  const html = '<!doctype html><html><head><title>t</title></head><body><article><p>A warm-up page with a sentence in it.</p></article></body></html>';
  await judgeResponse({
    url: 'http://127.0.0.1/', finalUrl: 'http://127.0.0.1/', redirects: [], attempts: 1, elapsedMs: 0,
    outcome: { kind: 'response', status: 200, headers: { 'content-type': 'text/html' }, body: new TextEncoder().encode(html), truncated: false },
  }, [{ text: 'A warm-up page.', before: '' }], [], false);
}
