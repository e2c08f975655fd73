// --warc writes a temp file beside its target during the run: an interrupted run must leave none, and the WARC there before intact.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from './helpers/cli.js';

let server: http.Server;
let base = '';
let hangs = 0;

beforeAll(async () => {
  ensureBuilt();
  server = http.createServer((req, res) => {
    if (req.url === '/hang') { hangs += 1; return; } // never answers
    res.writeHead(200, { 'content-type': 'text/html' }).end('<p>The council approved a budget of 4.2 million dollars.</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}, 60_000);

describe('an interrupted run with --warc', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s: exits %i, removes its temp file, leaves the earlier WARC as it was', async (signal, code) => {
    const dir = mkdtempSync(join(tmpdir(), 'citecheck-warc-int-'));
    writeFileSync(join(dir, 'article.txt'), 'Budget\n\nThe council approved a budget of 4.2 million dollars. [1]\nWork starts in the spring. [2]\n');
    writeFileSync(join(dir, 'references.json'), JSON.stringify({ article: 'article.txt', references: [{ id: 1, url: `${base}/ok` }, { id: 2, url: `${base}/hang` }] }));
    writeFileSync(join(dir, 'run.warc'), 'the evidence of an earlier run');
    const child = spawn(process.execPath, [CLI, 'verify', '--allow-private-hosts', '--retries', '0', '--timeout', '60', '-q', '--no-history', '--warc', 'run.warc'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    const before = hangs;
    // The temp file is there while the run waits on /hang (the /ok response already written to it).
    await waitFor(() => hangs > before && readdirSync(dir).some((f) => f.endsWith('.tmp')));
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(join(dir, 'run.warc'), 'utf8')).toBe('the evidence of an earlier run');
  }, 60_000);
});

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}
