// End-phase benchmark: what `verify` does after the last response (write report.json/md/html, record the history), each round a fresh process.
//   npm run bench:report                                  (2,000 claims, 5 rounds, one earlier run in the history)
//   npm run bench:report -- --claims 10000 --rounds 3
//   npm run bench:report -- --report /tmp/x/out/report.json   (a saved single-article report instead of the generated one)
//   node build/bench/bench/report.js --rounds 5           (without rebuilding: e.g. alternately with another build's copy)
//   node build/bench/bench/report.js --save /tmp/r.json   (the generated report, to render it with two builds and compare)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_HISTORY_KEEP, parseHistoryKeep } from '../src/history/keep.js';
import { openHistory } from '../src/history/sqlite.js';
import { recordRun, type SourceCheck } from '../src/history/rot.js';
import { ReportSchema, type Report } from '../src/report/schema.js';
import { buildReport } from '../src/report/build.js';
import { reportFiles, writeReportSet, type ReportFile } from '../src/report/write.js';
import type { Citation, SourceReport } from '../src/types.js';
import { claimOf } from './verify-input.js';

const { values: args } = parseArgs({
  options: {
    claims: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    report: { type: 'string' },
    child: { type: 'boolean', default: false },
    /** Writes the generated report as report.json to this file and stops (to compare two builds' output on it). */
    save: { type: 'string' },
  },
});

/** The shape bench:verify's report has, with some variety: partial and unsupported citations, broken links, Unicode. */
function generatedReport(count: number): Report {
  const claims = [];
  const sources: SourceReport[] = [];
  for (let i = 1; i <= count; i += 1) {
    const url = `http://127.1.${Math.floor(i / 250)}.${i % 250}:35197/item/${i}`;
    const broken = i % 25 === 0;
    const text = i % 7 === 0 ? claimOf(i).replace('council', 'Bürgerrat (ΣΥΜΒΟΎΛΙΟ)') : claimOf(i);
    const words = text.replace(/[.()]/g, '').split(' ');
    const phrases = [words.slice(-6, -4).join(' '), words.at(-1) ?? '', words.slice(1, 3).join(' '), words[3] ?? '', 'approved', 'budget', 'dollars', 'library'];
    const missing = broken ? phrases : i % 10 === 0 ? phrases.slice(5) : [];
    const matched = broken ? [] : phrases.filter((p) => !missing.includes(p));
    const verdict = broken ? 'broken' : missing.length > 0 ? 'partial' : 'supported';
    const snippet = i % 3 === 0 ? `Officials said work would start soon. ${text.toUpperCase()} Residents discussed the plans.` : text;
    const citation: Citation = {
      ref: i, linkStatus: broken ? 'dead' : 'ok', score: matched.length / phrases.length, matched, missing, verdict,
      ...(broken ? {} : { evidence: { snippet, layer: 'main' as const, weak: false, fragmentUrl: `${url}#:~:text=${encodeURIComponent(text.slice(0, 30))}` } }),
      reason: broken ? 'HTTP 404' : `${matched.length} of ${phrases.length} key phrases found in the main text`,
    };
    claims.push({ claim: { id: `c${i.toString(36)}`, text, refs: [i], section: `Part ${Math.ceil(i / 200)}`, line: i + 4, column: 1 }, citations: [citation], verdict: citation.verdict });
    sources.push({
      ref: i, url, finalUrl: url, redirects: [], httpStatus: broken ? 404 : 200, linkStatus: broken ? 'dead' : 'ok',
      contentType: 'text/html', language: 'en', title: `Library budget ${i}`, fingerprint: `sha256:${(i * 2_654_435_761 >>> 0).toString(16).padStart(32, '0')}`,
      reason: broken ? '404 Not Found' : '200 OK',
    });
  }
  return buildReport({
    article: { path: 'article.txt', title: 'Libraries of the region', claims: [], references: [], uncited: [], findings: [] },
    claims, sources, findings: [], toolVersion: 'bench', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 5000, failOn: [], offline: false,
  });
}

/** What verify hands the history for this report: each source's status, fingerprint and matched phrases. */
function runOf(r: Report, at: Date): { at: Date; checks: SourceCheck[] } {
  const matched = new Map(r.claims.flatMap((c) => c.citations).map((c) => [c.ref, c.matched]));
  return {
    at,
    checks: r.sources.flatMap((s) => (s.url ? [{
      url: s.url, ref: s.ref, linkStatus: s.linkStatus, ...(s.httpStatus ? { httpStatus: s.httpStatus } : {}),
      ...(s.finalUrl ? { finalUrl: s.finalUrl } : {}),
      ...(s.fingerprint ? { textFingerprint: s.fingerprint, matchedPhrases: matched.get(s.ref) ?? [] } : {}),
    }] : [])),
  };
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** Counts the time spent producing a file's pieces (its renderer, synchronous: wall is CPU), apart from the writes. */
function timedFile(file: ReportFile, spent: Map<string, number>): ReportFile {
  return {
    name: file.name,
    *chunks() {
      let since = performance.now();
      const it = file.chunks()[Symbol.iterator]();
      for (;;) {
        const next = it.next();
        spent.set(file.name, (spent.get(file.name) ?? 0) + performance.now() - since);
        if (next.done) return;
        yield next.value;
        since = performance.now();
      }
    },
  };
}

const Figures = z.object({ gc: z.number(), reports: z.number(), history: z.number(), close: z.number(), closeWall: z.number(), wall: z.number(), render: z.record(z.string(), z.number()) });

async function child(): Promise<void> {
  const report = args.report ? ReportSchema.parse(JSON.parse(readFileSync(args.report, 'utf8'))) : generatedReport(Number(args.claims));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citecheck-bench-report-'));
  try {
    const db = path.join(dir, 'history.db');
    // An earlier run a week before, so this one updates rows as a scheduled run does.
    const earlier = openHistory(db);
    earlier.previous(runOf(report, new Date(0)).checks.map((c) => c.url));
    earlier.record(runOf(report, new Date('2025-12-25T00:00:00Z')));
    earlier.close();
    // verify's default policy (a year): the record prunes this run's URLs by key, as verify's does.
    const keepMs = parseHistoryKeep(DEFAULT_HISTORY_KEEP);
    const history = openHistory(db, keepMs === undefined ? {} : { keepMs });
    const run = runOf(report, new Date('2026-01-01T00:00:00Z'));
    const before = history.previous(run.checks.map((c) => c.url));
    const render = new Map<string, number>();
    const files = reportFiles(report, ['json', 'md', 'html'], []).map((f) => timedFile(f, render));
    let gcMs = 0;
    const gc = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; });
    gc.observe({ entryTypes: ['gc'] });
    const started = performance.now();
    // As verify does after the last response: the run folded into the history for the report's changes.
    const t = process.cpuUsage();
    recordRun(before, run);
    const folded = cpuMs(t);
    const t0 = process.cpuUsage();
    await writeReportSet(dir, files);
    const reports = cpuMs(t0);
    const t1 = process.cpuUsage();
    history.record(run);
    const recorded = folded + cpuMs(t1);
    // Closing the last connection checkpoints the WAL into the database file (verify closes it before exiting).
    const t2 = process.cpuUsage();
    const closing = performance.now();
    history.close();
    const close = cpuMs(t2);
    const wall = performance.now() - started;
    // The entries of the last GCs are delivered on a later tick.
    await new Promise((resolve) => setImmediate(resolve));
    gc.disconnect();
    process.stdout.write(JSON.stringify({ gc: gcMs, reports, history: recorded, close, closeWall: performance.now() - closing, wall, render: Object.fromEntries(render) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function main(): void {
  const rounds = Number(args.rounds);
  const what = args.report ? args.report : `${args.claims} generated claims`;
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${what}, ${rounds} fresh processes`);
  const all: z.infer<typeof Figures>[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const own = process.argv.slice(2).filter((a) => a !== '--child');
    const f = Figures.parse(JSON.parse(execFileSync(process.execPath, [process.argv[1] ?? '', ...own, '--child'], { encoding: 'utf8' })));
    all.push(f);
    const render = Object.entries(f.render).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
    console.log(`  round ${i + 1}: reports ${f.reports.toFixed(0)} ms CPU (rendering: ${render}), history ${f.history.toFixed(0)} ms CPU (the run folded for the report, then recorded), closing it ${f.close.toFixed(0)} ms CPU (${f.closeWall.toFixed(0)} ms wall), GC pauses ${f.gc.toFixed(0)} ms, wall ${f.wall.toFixed(0)} ms`);
  }
  const names = Object.keys(all[0]?.render ?? {});
  const renders = names.map((n) => `${n} ${median(all.map((f) => f.render[n] ?? 0)).toFixed(0)}`).join(', ');
  console.log(`median: reports ${median(all.map((f) => f.reports)).toFixed(0)} ms CPU (rendering: ${renders}), history ${median(all.map((f) => f.history)).toFixed(0)} ms CPU, closing it ${median(all.map((f) => f.close)).toFixed(0)} ms CPU, `
    + `end phase ${median(all.map((f) => f.reports + f.history + f.close)).toFixed(0)} ms CPU, GC pauses ${median(all.map((f) => f.gc)).toFixed(0)} ms, wall ${median(all.map((f) => f.wall)).toFixed(0)} ms`);
}

if (args.save) writeFileSync(args.save, JSON.stringify(generatedReport(Number(args.claims)), null, 2));
else if (args.child) void child();
else main();
