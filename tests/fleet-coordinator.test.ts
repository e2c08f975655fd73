// The coordinator on a real redis-server: results come with their events, and a unit whose event it never saw is still collected.
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bullConnection } from '../src/fleet/connect.js';
import { coordinate } from '../src/fleet/coordinator.js';
import { PROTOCOL_VERSION, QUEUE_NAME, type UnitJob } from '../src/fleet/protocol.js';
import { parseQueueUrl, type QueueTarget } from '../src/fleet/redis-url.js';
import { newRunId, planUnits, type RunPlan } from '../src/fleet/units.js';
import { startRedis, type TestRedis } from './helpers/redis.js';

let redis: TestRedis;
let target: QueueTarget;
const Result = z.strictObject({ host: z.string(), urls: z.number() });

function unitsOf(plan: RunPlan): UnitJob[] {
  return plan.units.map((u) => ({
    v: PROTOCOL_VERSION, runId: plan.runId, unitId: u.id, host: u.host, evidence: false,
    urls: u.urls.map((url) => ({ url, asks: [], previous: [] })),
    fetch: { perHost: 2, retries: 0, timeoutMs: 1000, maxBytes: 1000, allowPrivateHosts: false, allowHosts: [] },
    read: { timeMs: 1000, maxDepth: 512, pdfMaxPages: 5, maxTextChars: 1000 },
  }));
}

/** A stand-in worker: answers each unit with its host and URL count. */
function answerUnits(): Worker {
  return new Worker(QUEUE_NAME, async (job) => {
    const data = z.object({ host: z.string(), urls: z.array(z.unknown()) }).parse(job.data);
    return { worker: 'test', result: { host: data.host, urls: data.urls.length } };
  }, { connection: bullConnection(target, 'worker'), concurrency: 4 });
}

beforeAll(async () => {
  redis = await startRedis();
  target = parseQueueUrl(redis.url);
}, 60_000);
afterAll(async () => { await redis?.stop(); });

describe('coordinate', () => {
  const urls = ['http://a.example/1', 'http://b.example/1', 'http://a.example/2', 'http://c.example/1'];
  const expected = new Map([['a.example', 2], ['b.example', 1], ['c.example', 1]]);
  const results = (outcomes: Awaited<ReturnType<typeof coordinate<z.infer<typeof Result>>>>['outcomes']) =>
    new Map([...outcomes.values()].map((o) => (o.ok ? [o.result.host, o.result.urls] : ['failed', 0])));

  it('collects every unit from the completion events', async () => {
    const plan = planUnits(newRunId(), urls);
    const worker = answerUnits();
    try {
      const done = await coordinate(target, plan, unitsOf(plan), { resultSchema: Result, resume: false, log: () => undefined });
      expect(results(done.outcomes)).toEqual(expected);
      await done.cleanup();
    } finally {
      await worker.close();
    }
  }, 60_000);

  it('collects units that finished before it listened (no event will come): the sweep finds them', async () => {
    const plan = planUnits(newRunId(), urls);
    const jobs = unitsOf(plan);
    const queue = new Queue(QUEUE_NAME, { connection: bullConnection(target, 'coordinator') });
    const worker = answerUnits();
    try {
      await queue.addBulk(jobs.map((data) => ({ name: 'unit', data, opts: { jobId: data.unitId } })));
      const until = Date.now() + 30_000;
      while (((await queue.getJobCounts('completed')).completed ?? 0) < jobs.length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      await worker.close();
      // The same ids are enqueued again (a no-op): the units are done, their events long gone.
      const done = await coordinate(target, plan, jobs, { resultSchema: Result, resume: false, log: () => undefined, sweepMs: 100 });
      expect(results(done.outcomes)).toEqual(expected);
      await done.cleanup();
    } finally {
      await worker.close();
      await queue.close();
    }
  }, 60_000);
});
