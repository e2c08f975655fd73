// The worker thread's entry: the pool calls its default export with one ReadTask per fetched source.
import { cacheCompiledModules } from './compile-cache.js';
import { markStarted, warmUpSkipped, type ReadTask, type SourceRead } from './read-task.js';
import { keepYoungGenerationBound } from './young-generation.js';

// The readers load once this thread's compile cache is on (Node 22+): a static import is compiled before any code runs.
cacheCompiledModules();
// Node 20 resets the young generation's growth factor as this thread's isolate starts (young-generation.ts).
keepYoungGenerationBound();
const { readSource } = await import('./read-source.js');

export default function readInThread(task: ReadTask): Promise<SourceRead> {
  const skipped = warmUpSkipped(task);
  if (skipped) return Promise.resolve(skipped);
  markStarted(task);
  return readSource(task);
}
