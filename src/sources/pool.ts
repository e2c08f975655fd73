// The global request pool: a fixed number of slots handed to the waiting request whose host has the most work left.

/**
 * Why not a FIFO (p-limit) for the global pool: requests reach it only once they hold a host slot,
 * so a host with 100 URLs re-queues behind every other host's requests after each response and
 * becomes the long pole (measured: 1.72× ideal with 100 URLs on one host of 200). Giving the slot
 * to the host with the largest backlog first is longest-job-first, which keeps that host busy.
 * Ties go to the earliest waiter.
 *
 * Waiters queue per host and a heap orders the hosts by (backlog, first waiter), so a freed slot
 * costs O(log hosts), not a scan of every waiting request (1.3–2 s at 10,000 sources). Heap entries
 * go stale when a host's backlog or first waiter changes; a stale entry is dropped when it surfaces.
 */
interface Waiter { seq: number; start: () => void }
interface Entry { host: string; backlog: number; seq: number }

export class HostPriorityPool {
  private active = 0;
  private seq = 0;
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly backlog = new Map<string, number>();
  private readonly heap: Entry[] = [];

  constructor(private readonly slots: number) {}

  /** Counts a URL that will need `host` (call once per URL, before its first run). */
  addWork(host: string): void {
    this.backlog.set(host, (this.backlog.get(host) ?? 0) + 1);
    this.offer(host);
  }

  /** Marks one URL of `host` as finished for good (after its last retry). */
  finishWork(host: string): void {
    this.backlog.set(host, (this.backlog.get(host) ?? 1) - 1);
    this.offer(host);
  }

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    if (this.active >= this.slots) {
      await new Promise<void>((start) => {
        const queue = this.waiting.get(host) ?? [];
        if (queue.length === 0) this.waiting.set(host, queue);
        queue.push({ seq: this.seq++, start });
        if (queue.length === 1) this.offer(host);
      });
    } else this.active += 1;
    try {
      return await task();
    } finally {
      this.handOver();
    }
  }

  /** Passes the freed slot straight to the best waiter (active stays the same), or frees it. */
  private handOver(): void {
    for (let top = this.heap[0]; top; top = this.heap[0]) {
      this.pop();
      const queue = this.waiting.get(top.host);
      const first = queue?.[0];
      if (!queue || !first || first.seq !== top.seq || (this.backlog.get(top.host) ?? 0) !== top.backlog) continue;
      queue.shift();
      if (queue.length === 0) this.waiting.delete(top.host);
      else this.offer(top.host);
      first.start();
      return;
    }
    this.active -= 1;
  }

  /** (Re)announces a host whose backlog or first waiter changed; older entries become stale. */
  private offer(host: string): void {
    const first = this.waiting.get(host)?.[0];
    if (first) this.push({ host, backlog: this.backlog.get(host) ?? 0, seq: first.seq });
  }

  /** Higher backlog first, then the earlier waiter. */
  private before(a: Entry, b: Entry): boolean {
    return a.backlog !== b.backlog ? a.backlog > b.backlog : a.seq < b.seq;
  }

  private push(entry: Entry): void {
    const h = this.heap;
    let i = h.length;
    h.push(entry);
    // Sift up (no temporary arrays: this runs on every request, on the thread that fetches).
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const up = h[parent];
      if (!up || !this.before(entry, up)) break;
      h[i] = up;
      i = parent;
    }
    h[i] = entry;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (!last || h.length === 0) return;
    // Sift `last` down from the root.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      let best = last;
      let at = i;
      const left = h[l];
      if (left && this.before(left, best)) { best = left; at = l; }
      const right = h[l + 1];
      if (right && this.before(right, best)) { best = right; at = l + 1; }
      if (at === i) break;
      h[i] = best;
      i = at;
    }
    h[i] = last;
  }
}
