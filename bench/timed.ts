// Benchmarks' process timing: a command's wall time, peak RSS and CPU (/usr/bin/time), and a running process's CPU so far (/proc).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Timed { wallMs: number; code: number | null; maxRssKb: number; cpuMs: number }

/** Runs a command under /usr/bin/time (peak RSS and CPU of the child and its threads). */
export function timed(command: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  const out = path.join(cwd, 'time.txt');
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-o', out, '-f', '%M %U %S', command, ...argv], { cwd, stdio: ['ignore', 'ignore', 'inherit'], env });
  return new Promise((resolve) => child.on('exit', (code) => {
    const wallMs = performance.now() - started;
    const [rss, user, sys] = readFileSync(out, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
    resolve({ wallMs, code, maxRssKb: rss ?? 0, cpuMs: ((user ?? 0) + (sys ?? 0)) * 1000 });
  }));
}

/** User + system CPU a live process (all its threads) has used so far, in ms (Linux; 0 elsewhere). */
export function cpuSoFar(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid ?? 0}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // After the name: state is field 3, utime 14 and stime 15 (in clock ticks, 100 per second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
