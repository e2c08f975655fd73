// Reading on this thread (--workers 0): a page our reader fails on is unreadable, its link judged on the response, as with reading threads.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_READ_BUDGET } from '../src/page/budget.js';
import { openReader } from '../src/read-pool.js';
import type { ReadTask } from '../src/read-task.js';

// The page reader throws (as a parser bug would), inside readSource.
vi.mock('../src/page/read.js', async (importOriginal) => ({
  ...await importOriginal<typeof import('../src/page/read.js')>(),
  readPage: () => Promise.reject(new RangeError('Maximum call stack size exceeded\n    at parse (parser.js:1:1)')),
}));

const task: ReadTask = {
  fetch: {
    url: 'http://127.0.0.1/page', finalUrl: 'http://127.0.0.1/page', redirects: [], attempts: 1, elapsedMs: 1,
    outcome: { kind: 'response', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: new TextEncoder().encode('<p>The council approved a budget.</p>'), truncated: false },
  },
  asks: [{ text: 'The council approved a budget of 4.2 million dollars.', before: '' }],
  budget: DEFAULT_READ_BUDGET,
};

describe('a reader on this thread that fails on a page', () => {
  it('makes the page unreadable with the error, the link judged on the response (no error status, no strike)', async () => {
    const reader = openReader(0);
    expect(reader.onThisThread).toBe(true);
    const read = await reader.read(task, false);
    expect(read.link.linkStatus).toBe('ok');
    expect(read.page?.signals.unreadable).toBe('the page could not be read: RangeError: Maximum call stack size exceeded');
    expect(read.page?.contentType).toBe('text/html');
    expect(read.matches).toHaveLength(1);
    expect(read.matches[0]?.matched).toEqual([]);
  });
});
