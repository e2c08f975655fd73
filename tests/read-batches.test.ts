// Pages handed to reading threads in batches: one page a batch while the threads keep up, bigger batches once they fall behind, never more batches out than allowed.
import { describe, expect, it } from 'vitest';
import { BatchQueue, type Waiting } from '../src/read-batches.js';

/** A queue whose batches are answered by hand: `sent` lists each batch's pages, `finish(i)` answers batch i. */
function manualQueue(maxRunning: number, maxBatch: number) {
  const sent: number[][] = [];
  const answer: (() => void)[] = [];
  const queue = new BatchQueue<number, string>(async (batch: Waiting<number, string>[]) => {
    sent.push(batch.map((w) => w.task));
    await new Promise<void>((resolve) => answer.push(resolve));
    for (const w of batch) w.resolve(`read ${w.task}`);
  }, maxRunning, maxBatch);
  const finish = async (i: number): Promise<void> => {
    answer[i]?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { queue, sent, finish };
}

describe('BatchQueue', () => {
  it('sends each page alone while fewer than maxRunning batches are out, then everything waiting (at most maxBatch) as one batch', async () => {
    const { queue, sent, finish } = manualQueue(2, 3);
    const reads = [1, 2, 3, 4, 5, 6, 7].map((n) => queue.push(n));
    expect(sent).toEqual([[1], [2]]); // two out: the rest wait
    await finish(0);
    expect(sent).toEqual([[1], [2], [3, 4, 5]]);
    await finish(1);
    expect(sent).toEqual([[1], [2], [3, 4, 5], [6, 7]]);
    await finish(2);
    await finish(3);
    await expect(Promise.all(reads)).resolves.toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `read ${n}`));
    queue.push(8);
    expect(sent.at(-1)).toEqual([8]); // caught up: alone again
  });

  it('puts no more than maxSize in a batch of several pages; a bigger page goes alone', async () => {
    const sent: number[][] = [];
    const sizes = new Map([[1, 10], [2, 400], [3, 500], [4, 200], [5, 2000], [6, 10]]);
    const limited = new BatchQueue<number, string>(async (batch) => {
      sent.push(batch.map((w) => w.task));
      for (const w of batch) w.resolve(`read ${w.task}`);
      await new Promise((resolve) => setImmediate(resolve));
    }, 1, 8, 1000);
    const reads = [...sizes].map(([n, size]) => limited.push(n, size));
    await Promise.all(reads);
    expect(sent).toEqual([[1], [2, 3], [4], [5], [6]]); // 400+500 fit, +200 would not; 2000 alone
  });

  it('reads pages given back first, before pages that were already waiting', async () => {
    const sent: number[][] = [];
    let failOnce = true;
    const queue: BatchQueue<number, number> = new BatchQueue(async (batch) => {
      sent.push(batch.map((w) => w.task));
      await new Promise((resolve) => setImmediate(resolve));
      if (failOnce && batch.length > 1) {
        failOnce = false; // the first page failed: answered; the others go back in line
        batch[0]!.resolve(-batch[0]!.task);
        queue.putBack(batch.slice(1));
        return;
      }
      for (const w of batch) w.resolve(w.task);
    }, 1, 2);
    const reads = [1, 2, 3, 4, 5].map((n) => queue.push(n));
    await expect(Promise.all(reads)).resolves.toEqual([1, -2, 3, 4, 5]);
    expect(sent).toEqual([[1], [2, 3], [3, 4], [5]]);
  });
});
