// Unit tests for the network stage: the address classifier, retry policy, error mapping, and fetches through MockAgent.
import net from 'node:net';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardConnector, isPublicAddress, PRIVATE_ADDRESS_CODE, type Connector } from '../src/sources/address.js';
import { listEncodings, readBody } from '../src/sources/body.js';
import { HostPriorityPool } from '../src/sources/pool.js';
import { describeFailure } from '../src/sources/failure.js';
import { fetchSources, type FetchOptions } from '../src/sources/fetch.js';
import { isBotChallenge, parseRetryAfter, planRetry } from '../src/sources/retry.js';
import type { FetchOutcome, SourceFetch } from '../src/types.js';

describe('isPublicAddress', () => {
  it.each(['8.8.8.8', '1.1.1.1', '93.184.215.14', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e'])('%s is public', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it.each([
    '127.0.0.1', '127.255.255.254', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '224.0.0.1', '0.0.0.0', '255.255.255.255', '240.0.0.1', '192.0.2.1', '198.18.0.1', '192.0.0.8',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1',
    '[::1]', '2002:7f00:1::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '64:ff9b::7f00:1', '2001:db8::1', 'fe80::1%eth0',
    'example.org', '', '127.1',
  ])('%s is refused', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  // ipaddr.js calls these 'unicast'; they are outside 2000::/3, the only global unicast block.
  it.each([
    ['::7f00:1', 'IPv4-compatible 127.0.0.1'],
    ['::a00:1', 'IPv4-compatible 10.0.0.1'],
    ['::127.0.0.1', 'IPv4-compatible, dotted'],
    ['::1.2.3.4', 'IPv4-compatible, dotted (ipaddr.js misreads it as mapped)'],
    ['::8.8.8.8', 'IPv4-compatible with a public IPv4: deprecated, never routed'],
    ['::2', 'reserved ::/8'],
    ['0:0:0:0:0:1:7f00:1', 'reserved ::/8'],
    ['64:ff9b:1::a00:1', 'local-use NAT64 prefix'],
    ['3fff::1', 'documentation'],
  ])('%s (%s) is refused', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['::ffff:8.8.8.8', '2001:4860:4860::8888', '[2606:4700:4700::1111]'])('%s is still public', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  // Through the connector with a fake base: no socket is ever opened, whatever the guard decides.
  it.each(['[::7f00:1]', '::127.0.0.1', '[::a00:1]'])('the connector refuses %s before connecting', async (hostname) => {
    const opened: string[] = [];
    const base: Connector<{ hostname: string }, string> = (opts, callback) => {
      opened.push(opts.hostname);
      callback(null, 'socket');
    };
    const connect = guardConnector(base, { hosts: new Set(), connector: base });
    const error = await new Promise<unknown>((resolve) => connect({ hostname }, (...args) => resolve(args[0])));
    expect(error).toMatchObject({ code: PRIVATE_ADDRESS_CODE });
    expect(opened).toEqual([]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 7 ', 7_000],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('%s → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

function response(status: number, headers: Record<string, string> = {}, body = ''): FetchOutcome {
  return { kind: 'response', status, headers, body: new TextEncoder().encode(body), truncated: false };
}
function failure(kind: Extract<FetchOutcome, { kind: 'failure' }>['failure']): FetchOutcome {
  return { kind: 'failure', failure: kind, message: kind };
}

describe('planRetry', () => {
  const policy = { retryBaseMs: 1000, retryMaxDelayMs: 4000, maxRetryAfterMs: 30_000 };
  const half = (): number => 0.5;
  it.each([
    ['429 no Retry-After', response(429), 0, 500],
    ['429 Retry-After 3', response(429, { 'retry-after': '3' }), 0, 3000],
    ['503 Retry-After beyond the cap', response(503, { 'retry-after': '31' }), 0, undefined],
    ['503', response(503), 1, 1000],
    ['500', response(500), 2, 2000],
    ['502 at the ceiling', response(502), 5, 2000],
    ['408', response(408), 0, 500],
    ['timeout', failure('timeout'), 0, 500],
    ['reset', failure('reset'), 0, 500],
    ['200', response(200), 0, undefined],
    ['404', response(404), 0, undefined],
    ['403', response(403), 0, undefined],
    ['dns', failure('dns'), 0, undefined],
    ['refused', failure('refused'), 0, undefined],
    ['tls', failure('tls'), 0, undefined],
    ['private-address', failure('private-address'), 0, undefined],
    ['429 cf-mitigated', response(429, { 'cf-mitigated': 'challenge' }), 0, undefined],
    ['503 _cf_chl_opt body', response(503, {}, '<script>window._cf_chl_opt={}</script>'), 0, undefined],
    ['503 challenge-platform body', response(503, {}, '<script src="/cdn-cgi/challenge-platform/x"></script>'), 0, undefined],
    ['429 datadome body', response(429, {}, '<script src="https://ct.captcha-delivery.com/c.js"></script>'), 0, undefined],
  ])('%s → %s', (_name, outcome, attempt, expected) => {
    expect(planRetry(outcome, attempt, policy, half)).toBe(expected);
  });
});

describe('isBotChallenge', () => {
  it.each([
    [response(403, { 'cf-mitigated': 'challenge' }), true],
    [response(202, { 'x-amzn-waf-action': 'challenge' }), true],
    [response(200, {}, '<p>Hello</p>'), false],
    [failure('timeout'), false],
  ])('%#', (outcome, expected) => {
    expect(isBotChallenge(outcome)).toBe(expected);
  });
});

describe('describeFailure', () => {
  const withCode = (code: string): Error => Object.assign(new Error(code), { code });
  it.each([
    ['ENOTFOUND', 'dns'], ['EAI_AGAIN', 'dns'], ['ECONNREFUSED', 'refused'], ['ECONNRESET', 'reset'],
    ['UND_ERR_SOCKET', 'reset'], ['UND_ERR_CONNECT_TIMEOUT', 'timeout'], ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
    ['UND_ERR_BODY_TIMEOUT', 'timeout'], ['CERT_HAS_EXPIRED', 'tls'], ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'], ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'], ['E_PRIVATE_ADDRESS', 'private-address'],
    ['Z_DATA_ERROR', 'decompression'], ['EWHATEVER', 'other'],
  ])('%s → %s', (code, expected) => {
    const result = describeFailure(withCode(code));
    expect(result.failure).toBe(expected);
    expect(result.code).toBe(code);
  });

  it('finds the code in a cause chain and in an AggregateError', () => {
    expect(describeFailure(new Error('fetch failed', { cause: withCode('ECONNREFUSED') })).failure).toBe('refused');
    expect(describeFailure(new AggregateError([withCode('ECONNREFUSED')])).failure).toBe('refused');
    expect(describeFailure('weird').failure).toBe('other');
  });
});

describe('listEncodings', () => {
  it.each([
    [undefined, []], ['gzip', ['gzip']], ['GZIP', ['gzip']], ['identity', []], ['deflate, br', ['br', 'deflate']],
  ])('%s → %j', (header, expected) => {
    expect(listEncodings(header)).toEqual(expected);
  });
});

describe('readBody', () => {
  const chunks = ['<html>', 'x'.repeat(9000), '<p>end</p>', 'y'.repeat(70_000)].map((c) => Buffer.from(c));
  const whole = Buffer.concat(chunks);
  /** A buffer that owns all of its memory moves to a reading thread without a copy. */
  const ownsItsMemory = (b: Uint8Array): boolean => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;

  it.each([
    ['unknown length', undefined],
    ['the right Content-Length', whole.length],
    ['a Content-Length too small', 100],
    ['a Content-Length too large', whole.length + 500],
  ])('gives the body exactly, in one buffer of its own size (%s)', async (_, length) => {
    const read = await readBody(Readable.from(chunks), undefined, 1024 * 1024, length);
    expect(Buffer.from(read.body).equals(whole)).toBe(true);
    expect(ownsItsMemory(read.body)).toBe(true);
    expect(read.truncated).toBe(false);
  });

  it('cuts at the cap, in one buffer of the cap', async () => {
    const read = await readBody(Readable.from(chunks), undefined, 10_000);
    expect(Buffer.from(read.body).equals(whole.subarray(0, 10_000))).toBe(true);
    expect(ownsItsMemory(read.body)).toBe(true);
    expect(read).toMatchObject({ truncated: true, truncation: 'max-size' });
  });

  it('decodes gzip the same way', async () => {
    const read = await readBody(Readable.from([zlib.gzipSync(whole)]), 'gzip', 1024 * 1024);
    expect(Buffer.from(read.body).equals(whole)).toBe(true);
    expect(ownsItsMemory(read.body)).toBe(true);
  });
});

describe('fetchSources through MockAgent', () => {
  let agent: MockAgent;
  const origin = 'https://news.example';
  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });
  afterEach(async () => {
    await agent.close();
  });

  async function fetchOne(path: string, options: Partial<FetchOptions> = {}): Promise<SourceFetch> {
    const sleeps: number[] = [];
    const url = `${origin}${path}`;
    const f = (await fetchSources([url], { dispatcher: agent, sleep: async (ms) => void sleeps.push(ms), ...options })).get(url);
    if (!f) throw new Error('missing');
    return f;
  }
  const statusOf = (f: SourceFetch): number | string => (f.outcome.kind === 'response' ? f.outcome.status : f.outcome.failure);

  it('keeps a 429 whose Retry-After exceeds maxRetryAfterMs, after one request', async () => {
    let calls = 0;
    agent.get(origin).intercept({ path: '/busy' }).reply(() => {
      calls += 1;
      return { statusCode: 429, data: 'busy', responseOptions: { headers: { 'retry-after': '3600' } } };
    }).persist();
    const f = await fetchOne('/busy');
    expect(statusOf(f)).toBe(429);
    expect(calls).toBe(1);
    expect(f.attempts).toBe(1);
  });

  it('retries 408 and a reset, not a DNS failure', async () => {
    const pool = agent.get(origin);
    pool.intercept({ path: '/408' }).reply(408, '');
    pool.intercept({ path: '/408' }).reply(200, 'ok');
    pool.intercept({ path: '/reset' }).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    pool.intercept({ path: '/reset' }).reply(200, 'ok');
    pool.intercept({ path: '/dns' }).replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    const [a, b, c] = [await fetchOne('/408'), await fetchOne('/reset'), await fetchOne('/dns')];
    expect([statusOf(a), a.attempts]).toEqual([200, 2]);
    expect([statusOf(b), b.attempts]).toEqual([200, 2]);
    expect([statusOf(c), c.attempts]).toEqual(['dns', 1]);
  });

  it('refuses a redirect to a non-http scheme as invalid-url, keeping the hop', async () => {
    agent.get(origin).intercept({ path: '/to-ftp' }).reply(302, '', { headers: { location: 'ftp://files.example/x' } });
    const f = await fetchOne('/to-ftp');
    expect(statusOf(f)).toBe('invalid-url');
    expect(f.redirects).toEqual([{ url: `${origin}/to-ftp`, status: 302, location: 'ftp://files.example/x' }]);
  });

  it('resolves ../ in a Location and returns a 3xx without Location as a response', async () => {
    const pool = agent.get(origin);
    pool.intercept({ path: '/a/b/c' }).reply(301, '', { headers: { location: '../d' } });
    pool.intercept({ path: '/a/d' }).reply(304, '');
    const f = await fetchOne('/a/b/c');
    expect(f.finalUrl).toBe(`${origin}/a/d`);
    expect(statusOf(f)).toBe(304);
  });

  it('maps a corrupt gzip body to decompression', async () => {
    agent.get(origin).intercept({ path: '/bad.gz' }).reply(200, Buffer.from('definitely not gzip'), { headers: { 'content-encoding': 'gzip' } });
    expect(statusOf(await fetchOne('/bad.gz'))).toBe('decompression');
  });

  it('decodes a gzip body cut short instead of failing', async () => {
    const full = zlib.gzipSync(Buffer.from('hello '.repeat(2000)));
    agent.get(origin).intercept({ path: '/cut.gz' }).reply(200, full.subarray(0, full.length - 8), { headers: { 'content-encoding': 'gzip' } });
    const f = await fetchOne('/cut.gz');
    expect(f.outcome.kind === 'response' && Buffer.from(f.outcome.body).toString().startsWith('hello hello')).toBe(true);
  });
});

describe('a Content-Length larger than the body (the server closes after sending it all)', () => {
  const page = `<!DOCTYPE html><html><head><title>Harbour road closed</title></head><body><p>${'The council closed the harbour road to lorries. '.repeat(40)}</p></body></html>`;
  let server: net.Server;
  let port = 0;
  beforeEach(async () => {
    // A raw socket: node:http would refuse to send fewer bytes than it announced.
    server = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', (request) => {
        const gzip = String(request).startsWith('GET /gz ');
        const body = gzip ? zlib.gzipSync(page) : Buffer.from(page);
        const head = [
          'HTTP/1.1 200 OK', 'Content-Type: text/html; charset=utf-8', ...(gzip ? ['Content-Encoding: gzip'] : []),
          `Content-Length: ${body.length + 500}`, 'Connection: close', '', '',
        ].join('\r\n');
        socket.end(Buffer.concat([Buffer.from(head), body]));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it.each(['/plain', '/gz'])('%s: the bytes that arrived are kept and marked truncated', async (path) => {
    const url = `http://127.0.0.1:${port}${path}`;
    const f = (await fetchSources([url], { allowPrivateHosts: true, retries: 0, timeoutMs: 30_000 })).get(url);
    expect(f?.outcome.kind).toBe('response');
    if (f?.outcome.kind !== 'response') return;
    expect(f.outcome.status).toBe(200);
    expect(f.outcome.truncated).toBe(true);
    expect(Buffer.from(f.outcome.body).toString()).toBe(page);
  });
});

describe('HostPriorityPool', () => {
  it('never runs more than its slots and hands a freed slot to the host with the most work left', async () => {
    const pool = new HostPriorityPool(2);
    const order: string[] = [];
    let running = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    const job = (name: string) => async (): Promise<void> => {
      running += 1;
      peak = Math.max(peak, running);
      order.push(name);
      await new Promise<void>((resolve) => gates.push(resolve));
      running -= 1;
    };
    for (const host of ['a', 'a', 'b', 'c', 'c', 'c']) pool.addWork(host);
    const runs = [
      pool.run('a', job('a1')), pool.run('a', job('a2')), // take both slots
      pool.run('b', job('b1')), pool.run('c', job('c1')), pool.run('a', job('a3')),
    ];
    while (order.length < 5) {
      await new Promise((r) => setImmediate(r));
      gates.shift()?.();
    }
    gates.forEach((g) => g());
    await Promise.all(runs);
    expect(peak).toBe(2);
    // c has 3 URLs of work, a 2, b 1: c first, then a, then b.
    expect(order).toEqual(['a1', 'a2', 'c1', 'a3', 'b1']);
  });
});

describe('HostPriorityPool hand-over order', () => {
  /** The rule written as the plain scan it replaces: most backlog first, earliest waiter on ties. */
  function expectedPick(waiting: { host: string; seq: number }[], backlog: Map<string, number>): number {
    let best = -1;
    for (let i = 0; i < waiting.length; i += 1) {
      const w = waiting[i];
      const b = waiting[best];
      if (w && (!b || (backlog.get(w.host) ?? 0) > (backlog.get(b.host) ?? 0))) best = i;
    }
    return best;
  }

  it.each([1, 2, 3])('gives slots in the scan order on a random workload (seed %i)', async (seed) => {
    let state = seed * 7919;
    const random = (n: number): number => (state = (state * 48271) % 2147483647) % n;
    const hosts = Array.from({ length: 12 }, (_, i) => `h${i}`);
    const pool = new HostPriorityPool(3);
    const backlog = new Map<string, number>();
    const work = Array.from({ length: 120 }, () => hosts[random(hosts.length)] ?? 'h0');
    for (const host of work) {
      pool.addWork(host);
      backlog.set(host, (backlog.get(host) ?? 0) + 1);
    }
    const waiting: { host: string; seq: number }[] = [];
    const started: number[] = [];
    const expected: number[] = [];
    const gates: { seq: number; host: string; open: () => void }[] = [];
    const runs = work.map((host, seq) => {
      const run = pool.run(host, async () => {
        started.push(seq);
        await new Promise<void>((open) => gates.push({ seq, host, open }));
      }).then(() => {
        pool.finishWork(host);
        backlog.set(host, (backlog.get(host) ?? 1) - 1);
      });
      if (seq >= 3) waiting.push({ host, seq });
      return run;
    });
    while (gates.length > 0 || waiting.length > 0) {
      await new Promise((r) => setImmediate(r));
      const gate = gates.splice(random(gates.length), 1)[0];
      if (!gate) continue;
      // The pool hands the slot over before the finished URL's finishWork (as in fetch.ts), so the
      // scan decides with the backlog as it is now.
      const pick = expectedPick(waiting, backlog);
      if (pick >= 0) expected.push(waiting.splice(pick, 1)[0]?.seq ?? -1);
      gate.open();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(runs);
    expect(started.slice(3)).toEqual(expected);
  });
});
