// Pages waiting for a reading thread, handed over in batches: a thread reads a batch back to back and answers once.

/** One page waiting, and how its read is answered. */
export interface Waiting<T, R> {
  task: T;
  /** What it adds to a batch's size (its body's bytes). */
  size: number;
  /** The reader may take the task's body (a batch of one moves it to the thread instead of copying it). */
  giveBody: boolean;
  resolve: (read: R) => void;
}

/**
 * Pages wait here until fewer than `maxRunning` batches are with the threads; then every page waiting
 * goes as one batch: at most `maxBatch` pages, and no more than `maxSize` in all unless it is one page. While the threads keep up, a batch is one page; once they
 * fall behind, batches grow, and each hand-over (a message each way, a sleeping thread woken, the
 * main thread preempted by it) is shared by several pages, which the thread also reads back to back.
 * `run` answers every page of its batch or gives some back (`putBack`); it never rejects.
 */
export class BatchQueue<T, R> {
  private readonly waiting: Waiting<T, R>[] = [];
  private running = 0;

  constructor(
    private readonly run: (batch: Waiting<T, R>[]) => Promise<void>,
    private readonly maxRunning: number,
    private readonly maxBatch: number,
    private readonly maxSize = Infinity,
  ) {}

  push(task: T, size = 0, giveBody = false): Promise<R> {
    return new Promise((resolve) => {
      this.waiting.push({ task, size, giveBody, resolve });
      this.pump();
    });
  }

  /** Pages of a failed batch that still need reading: first in line again. */
  putBack(pages: readonly Waiting<T, R>[]): void {
    this.waiting.unshift(...pages);
  }

  /** How many of the waiting pages go in the next batch (at least one). */
  private batchLength(): number {
    let size = this.waiting[0]?.size ?? 0;
    let n = 1;
    for (; n < this.maxBatch && n < this.waiting.length; n += 1) {
      size += this.waiting[n]?.size ?? 0;
      if (size > this.maxSize) break;
    }
    return n;
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.running < this.maxRunning) {
      const batch = this.waiting.splice(0, this.batchLength());
      this.running += 1;
      void this.run(batch).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }
}
