import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgress, formatProgress, shouldShowProgress } from '../src/progress.js';

/** A stand-in for process.stderr that records what was written. */
function fakeStream(columns = 200) {
  const writes: string[] = [];
  return { writes, stream: { isTTY: true, columns, write: (s: string | Uint8Array) => { writes.push(String(s)); return true; } } };
}

describe('shouldShowProgress', () => {
  it.each<[boolean | undefined, Record<string, string>, boolean, boolean]>([
    [true, {}, false, true],
    [true, { CI: 'true' }, false, false],
    [true, { CI: '1' }, false, false],
    [true, { CI: 'false' }, false, true],
    [true, { CI: '' }, false, true],
    [true, {}, true, false],
    [false, {}, false, false],
    [undefined, {}, false, false],
  ])('isTTY=%s env=%j quiet=%s → %s', (isTTY, env, quiet, show) => {
    expect(shouldShowProgress({ isTTY }, env, quiet)).toBe(show);
  });
});

describe('formatProgress', () => {
  it.each([
    [{ done: 3, total: 40, inFlight: 6 }, 7_500, 'citecheck: 3/40 sources · 6 in flight · 0:07 elapsed'],
    [{ done: 39, total: 40, inFlight: 1, slowestHost: 'slow.example', slowestMs: 12_340 }, 75_000,
      'citecheck: 39/40 sources · 1 in flight · slowest slow.example 12.3s · 1:15 elapsed'],
  ])('%j at %i ms', (p, elapsed, line) => {
    expect(formatProgress(p, elapsed)).toBe(line);
  });
});

describe('createProgress', () => {
  let clock = 0;
  beforeEach(() => { vi.useFakeTimers(); clock = 0; });
  afterEach(() => { vi.useRealTimers(); });
  const now = () => clock;

  it('writes nothing when disabled', () => {
    const { writes, stream } = fakeStream();
    const p = createProgress({ stream, enabled: false, now });
    p.update({ done: 1, total: 2, inFlight: 1 });
    p.done();
    expect(writes).toEqual([]);
  });

  it('redraws one line with \\r and clear, and clears it when done', () => {
    const { writes, stream } = fakeStream();
    const p = createProgress({ stream, enabled: true, now });
    p.update({ done: 0, total: 2, inFlight: 2 });
    p.done();
    expect(writes).toEqual(['\r\x1b[2Kcitecheck: 0/2 sources · 2 in flight · 0:00 elapsed', '\r\x1b[2K']);
    expect(writes.join('')).not.toContain('\n');
  });

  it('draws at most once per 100 ms and shows the latest state after the wait', () => {
    const { writes, stream } = fakeStream();
    const p = createProgress({ stream, enabled: true, now });
    for (let i = 1; i <= 50; i++) p.update({ done: i, total: 50, inFlight: 1 }); // same instant
    expect(writes).toHaveLength(1);
    clock = 100;
    vi.advanceTimersByTime(100);
    expect(writes).toHaveLength(2);
    expect(writes[1]).toContain('50/50 sources');
    p.done();
  });

  it('keeps the clocks moving between fetch events', () => {
    const { writes, stream } = fakeStream();
    const p = createProgress({ stream, enabled: true, now });
    p.update({ done: 1, total: 3, inFlight: 1, slowestHost: 'slow.example', slowestMs: 500 });
    clock = 3000;
    vi.advanceTimersByTime(3000);
    expect(writes.at(-1)).toContain('slowest slow.example 3.5s · 0:03 elapsed');
    p.done();
    const count = writes.length;
    vi.advanceTimersByTime(5000);
    expect(writes).toHaveLength(count);
  });

  it('drops a pending redraw once done', () => {
    const { writes, stream } = fakeStream();
    const p = createProgress({ stream, enabled: true, now });
    p.update({ done: 1, total: 3, inFlight: 2 });
    p.update({ done: 2, total: 3, inFlight: 1 });
    p.done();
    clock = 500;
    vi.advanceTimersByTime(500);
    p.update({ done: 3, total: 3, inFlight: 0 });
    expect(writes).toHaveLength(2); // the first draw and the clear
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('cuts the line to the terminal width so it never wraps', () => {
    const { writes, stream } = fakeStream(30);
    const p = createProgress({ stream, enabled: true, now });
    p.update({ done: 1, total: 2, inFlight: 1, slowestHost: 'a-very-long-host-name.example', slowestMs: 1000 });
    expect(writes[0]?.replace('\r\x1b[2K', '')).toHaveLength(29);
  });
});
