// The worker thread's entry: the pool calls its default export with a batch of fetched sources, read one after another.
import { cacheCompiledModules } from './compile-cache.js';
import { markStarted, warmUpSkipped, type ReadBatch, type SourceRead } from './read-task.js';
import { keepYoungGenerationBound } from './young-generation.js';

// The readers load once this thread's compile cache is on (Node 22+): a static import is compiled before any code runs.
cacheCompiledModules();
// Node 20 resets the young generation's growth factor as this thread's isolate starts (young-generation.ts).
keepYoungGenerationBound();
const { readOrUnread } = await import('./read-source.js');

export default async function readInThread(batch: ReadBatch): Promise<SourceRead[]> {
  const reads: SourceRead[] = [];
  for (const [index, task] of batch.tasks.entries()) {
    const skipped = warmUpSkipped(task);
    if (!skipped) markStarted(batch.clock, index);
    reads.push(skipped ?? await readOrUnread(task));
  }
  return reads;
}
