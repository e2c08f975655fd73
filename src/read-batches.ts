// Pages waiting for a reading thread, handed over in batches: a thread reads a batch back to back and answers once.

/** One page waiting, and how its read is answered. */
export interface Waiting<T, R> {
  task: T;
  resolve: (read: R) => void;
}

/**
 * Pages wait here until fewer than `maxRunning` batches are with the threads; then every page waiting
 * (at most `maxBatch`) goes as one batch. While the threads keep up, a batch is one page; once they
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
  ) {}

  push(task: T): Promise<R> {
    return new Promise((resolve) => {
      this.waiting.push({ task, resolve });
      this.pump();
    });
  }

  /** Pages of a failed batch that still need reading: first in line again. */
  putBack(pages: readonly Waiting<T, R>[]): void {
    this.waiting.unshift(...pages);
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.running < this.maxRunning) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.running += 1;
      void this.run(batch).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }
}
