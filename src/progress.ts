// The TTY progress line on stderr while sources are fetched: one line, redrawn at most ~10 times a second.
import { terminalSafe } from './terminal.js';

export interface ProgressState {
  done: number;
  total: number;
  inFlight: number;
  slowestHost?: string;
  slowestMs?: number;
}

export interface Progress {
  update(p: ProgressState): void;
  /** Clears the line so whatever is printed next starts clean. Safe to call twice. */
  done(): void;
}

/** The subset of a WriteStream the progress line needs (a fake one in tests). */
export type ProgressStream = Pick<NodeJS.WriteStream, 'write'> & { columns?: number; isTTY?: boolean };

const FRAME_MS = 100;
const CLEAR = '\r\x1b[2K';

/** Progress only where a person watches: a terminal, not CI, not --quiet. */
export function shouldShowProgress(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, quiet: boolean): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return stream.isTTY === true && !ci && !quiet;
}

export function formatProgress(p: ProgressState, elapsedMs: number): string {
  const parts = [`citecheck: ${p.done}/${p.total} sources`, `${p.inFlight} in flight`];
  if (p.slowestHost && p.slowestMs !== undefined) parts.push(`slowest ${p.slowestHost} ${(p.slowestMs / 1000).toFixed(1)}s`);
  parts.push(`${formatElapsed(elapsedMs)} elapsed`);
  return terminalSafe(parts.join(' · '));
}

function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function createProgress(opts: {
  stream: ProgressStream;
  enabled: boolean;
  /** Clock, injectable for tests. */
  now?: () => number;
}): Progress {
  if (!opts.enabled) return { update() {}, done() {} };
  const now = opts.now ?? Date.now;
  const started = now();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let pending: ProgressState | undefined;
  let timer: NodeJS.Timeout | undefined;
  let drawn = false;
  let finished = false;
  let last: { p: ProgressState; at: number } | undefined;
  // Between fetch events nothing calls update(): tick once a second so the clocks keep moving.
  const ticker = setInterval(() => {
    if (!last || finished) return;
    const waited = now() - last.at;
    draw({ ...last.p, ...(last.p.slowestMs !== undefined ? { slowestMs: last.p.slowestMs + waited } : {}) }, false);
  }, 1000).unref();

  const draw = (p: ProgressState, fresh = true): void => {
    if (fresh) last = { p, at: now() };
    // A line wider than the terminal wraps, and `\r` would then redraw only its last row.
    const width = Math.max(20, (opts.stream.columns ?? 80) - 1);
    const line = [...formatProgress(p, now() - started)].slice(0, width).join('');
    opts.stream.write(`${CLEAR}${line}`);
    lastDraw = now();
    drawn = true;
    pending = undefined;
  };

  return {
    update(p) {
      if (finished) return;
      const wait = lastDraw + FRAME_MS - now();
      if (wait <= 0) {
        draw(p);
        return;
      }
      pending = p;
      timer ??= setTimeout(() => {
        timer = undefined;
        if (pending && !finished) draw(pending);
      }, wait).unref();
    },
    done() {
      if (finished) return;
      finished = true;
      clearInterval(ticker);
      if (timer) clearTimeout(timer);
      if (drawn) opts.stream.write(CLEAR);
    },
  };
}
