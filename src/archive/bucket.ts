// One token bucket for every CDX call, with a shared pause when the server says 429 Retry-After.

export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface TokenBucket {
  /** Resolves when the caller may send one request; callers are served in arrival order. */
  take(): Promise<void>;
  /** Nobody gets a token before `untilMs`, and the bucket restarts empty (Retry-After). */
  pauseUntil(untilMs: number): void;
}

/**
 * `ratePerMinute` tokens a minute, holding at most `burst`. With burst 1 (the default) requests
 * are spaced 60/rate s apart, so any 60-s window sees at most `ratePerMinute` requests; a larger
 * burst trades that guarantee for a faster start (window max = burst + rate - 1).
 */
export function createTokenBucket(opts: { ratePerMinute: number; burst?: number; clock?: Clock }): TokenBucket {
  const clock = opts.clock ?? realClock;
  const burst = Math.max(1, opts.burst ?? 1);
  const intervalMs = 60_000 / Math.max(opts.ratePerMinute, Number.EPSILON);
  let tokens = burst;
  let last = clock.now();
  let pausedUntil = 0;
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const t = clock.now();
    if (t > last) tokens = Math.min(burst, tokens + (t - last) / intervalMs);
    last = Math.max(last, t);
  };

  const acquire = async () => {
    for (;;) {
      const t = clock.now();
      if (t < pausedUntil) {
        await clock.sleep(pausedUntil - t);
        continue;
      }
      refill();
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await clock.sleep(Math.ceil((1 - tokens) * intervalMs));
    }
  };

  return {
    take() {
      const turn = queue.then(acquire);
      queue = turn.catch(() => undefined);
      return turn;
    },
    pauseUntil(untilMs) {
      pausedUntil = Math.max(pausedUntil, untilMs);
      tokens = 0;
      last = Math.max(last, pausedUntil);
    },
  };
}
