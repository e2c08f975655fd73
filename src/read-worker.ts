// The worker thread's entry: the pool calls its default export with one ReadTask per fetched source.
import { readSource } from './read-source.js';
import { markStarted, type ReadTask, type SourceRead } from './read-task.js';

export default function readInThread(task: ReadTask): Promise<SourceRead> {
  markStarted(task);
  return readSource(task);
}
