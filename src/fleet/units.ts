// A run cut into units of work: one unit per host, so one worker at a time talks to a host and the per-host limit holds fleet-wide.
import { createHash, randomBytes } from 'node:crypto';

export interface Unit {
  /** BullMQ job id: `<runId>-<index>` (BullMQ ids may not contain ':'). */
  id: string;
  host: string;
  urls: string[];
}

export interface RunPlan {
  runId: string;
  /** sha256 of the units' URLs: a resumed run must plan exactly the same work. */
  digest: string;
  units: Unit[];
}

/** Run ids are short, sortable by time, and safe in Redis keys and job ids. */
export function newRunId(now: Date = new Date()): string {
  return `r${now.toISOString().replace(/\D/g, '').slice(0, 14)}${randomBytes(3).toString('hex')}`;
}

export function isRunId(s: string): boolean {
  return /^r\d{14}[0-9a-f]{6}$/.test(s);
}

const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).hostname.toLowerCase() : '');

/**
 * Groups the run's distinct URLs by hostname, in first-seen order (hosts and URLs), so the plan is
 * the same for the same articles — what `--resume` relies on.
 */
export function planUnits(runId: string, urls: readonly string[]): RunPlan {
  const byHost = new Map<string, string[]>();
  for (const url of new Set(urls)) {
    const host = hostOf(url);
    const list = byHost.get(host);
    if (list) list.push(url);
    else byHost.set(host, [url]);
  }
  const units = [...byHost].map(([host, list], i) => ({ id: `${runId}-${i}`, host, urls: list }));
  const digest = createHash('sha256').update(units.map((u) => u.urls.join('\n')).join('\n\n')).digest('hex').slice(0, 32);
  return { runId, digest, units };
}
