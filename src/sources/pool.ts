// The global request pool: a fixed number of slots handed to the waiting request whose host has the most work left.

/**
 * Why not a FIFO (p-limit) for the global pool: requests reach it only once they hold a host slot,
 * so a host with 100 URLs re-queues behind every other host's requests after each response and
 * becomes the long pole (measured: 1.72× ideal with 100 URLs on one host of 200). Giving the slot
 * to the host with the largest backlog first is longest-job-first, which keeps that host busy.
 * Ties go to the earliest waiter.
 */
export class HostPriorityPool {
  private active = 0;
  private readonly waiting: { host: string; start: () => void }[] = [];
  private readonly backlog = new Map<string, number>();

  constructor(private readonly slots: number) {}

  /** Counts a URL that will need `host` (call once per URL, before its first run). */
  addWork(host: string): void {
    this.backlog.set(host, (this.backlog.get(host) ?? 0) + 1);
  }

  /** Marks one URL of `host` as finished for good (after its last retry). */
  finishWork(host: string): void {
    this.backlog.set(host, (this.backlog.get(host) ?? 1) - 1);
  }

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    if (this.active >= this.slots) await new Promise<void>((start) => this.waiting.push({ host, start }));
    else this.active += 1;
    try {
      return await task();
    } finally {
      this.handOver();
    }
  }

  /** Passes the freed slot straight to the best waiter (active stays the same), or frees it. */
  private handOver(): void {
    let best = -1;
    let bestBacklog = -1;
    for (let i = 0; i < this.waiting.length; i += 1) {
      const waiter = this.waiting[i];
      const backlog = waiter ? (this.backlog.get(waiter.host) ?? 0) : -1;
      if (backlog > bestBacklog) {
        best = i;
        bestBacklog = backlog;
      }
    }
    const [next] = best >= 0 ? this.waiting.splice(best, 1) : [];
    if (next) next.start();
    else this.active -= 1;
  }
}
