// The readers load while the first responses are awaited: warmed once the first request is on the wire, not at its response.
import diagnostics from 'node:diagnostics_channel';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_READ_BUDGET } from '../src/page/budget.js';
import { fetchAndRead } from '../src/read-stage.js';

const events: string[] = [];
let warmed: () => void = () => undefined;
const warmedOnce = new Promise<void>((resolve) => { warmed = resolve; });

vi.mock('../src/read-pool.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/read-pool.js')>();
  return {
    ...original,
    openReader: (...args: Parameters<typeof original.openReader>) => {
      const reader = original.openReader(...args);
      return { ...reader, warm: () => { events.push('warm'); warmed(); return reader.warm(); } };
    },
  };
});

// Subscribed before the stage's own listener, so 'sent' is recorded first when the headers go out.
diagnostics.channel('undici:client:sendHeaders').subscribe(() => { if (!events.includes('sent')) events.push('sent'); });

let server: http.Server;
let url = '';
beforeAll(async () => {
  // Answers once the reader was warmed (or after 5 s, so a reader never warmed fails the order below).
  server = http.createServer((req, res) => {
    events.push('request');
    void Promise.race([warmedOnce.then(() => 'response'), new Promise((r) => setTimeout(() => r('no warm in 5 s'), 5000))]).then((why) => {
      events.push(String(why));
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><article><p>The dam is 40 m high.</p></article></body></html>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`;
}, 60_000);
afterAll(async () => { await new Promise((resolve) => server.close(resolve)); });

describe('the read stage', () => {
  it('warms its reader once the first request is sent, before the first response arrives', async () => {
    const read = await fetchAndRead([{ url, asks: [{ text: 'The dam is 40 m high.', before: '' }] }], {
      fetch: { allowPrivateHosts: true, retries: 0, timeoutMs: 10_000 }, budget: DEFAULT_READ_BUDGET, workers: 0, keepBodies: false,
    });
    // The server's own 'request' event may come before or after the warm-up (one process): not asserted.
    expect(events.filter((e) => e !== 'request')).toEqual(['sent', 'warm', 'response']);
    expect(read.get(url)?.link?.linkStatus).toBe('ok');
  });
});
