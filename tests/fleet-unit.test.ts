// Fleet pieces without a queue: the Redis URL and its redaction, units by host, the protocol's caps and shapes, the wire form.
import { describe, expect, it } from 'vitest';
import { checkPayload, MAX_JOB_BYTES, UnitJobSchema, type UnitJob } from '../src/fleet/protocol.js';
import { parseQueueUrl, redactUrl } from '../src/fleet/redis-url.js';
import { isRunId, newRunId, planUnits } from '../src/fleet/units.js';
import { fromWire, toWire, UnitResultSchema } from '../src/fleet/wire.js';
import type { ReadSource } from '../src/read-source.js';

describe('--queue URL', () => {
  it.each([
    ['redis://127.0.0.1:6380', { host: '127.0.0.1', port: 6380 }, 'redis://127.0.0.1:6380'],
    ['redis://:p%40ss@queue.lan/2', { host: 'queue.lan', port: 6379, password: 'p@ss', db: 2 }, 'redis://:***@queue.lan/2'],
    ['rediss://ops:pw@queue.lan:6390', { host: 'queue.lan', port: 6390, username: 'ops', password: 'pw', tls: {} }, 'rediss://ops:***@queue.lan:6390'],
  ])('%s', (url, connection, display) => {
    expect(parseQueueUrl(url)).toEqual({ connection, display });
  });

  it.each(['http://127.0.0.1:6379', 'redis://host/abc', 'not a url'])('refuses %s with exit-2 input errors', (url) => {
    expect(() => parseQueueUrl(url)).toThrow(/--queue/);
  });

  it('never shows a password, even in an error message that quotes the URL', () => {
    expect(redactUrl('connect to redis://:hunter2@10.0.0.1:6379 failed')).toBe('connect to redis://:***@10.0.0.1:6379 failed');
    expect(() => parseQueueUrl('ftp://:hunter2@host')).toThrow(/^(?!.*hunter2)/s);
  });
});

describe('units', () => {
  const urls = ['https://a.example/1', 'https://b.example/1', 'https://A.example/2', 'https://a.example/1', 'https://c.example/x'];

  it('one unit per host (case-insensitive), URLs deduplicated, in first-seen order', () => {
    const plan = planUnits('r20261201120000abcdef', urls);
    expect(plan.units.map((u) => [u.id, u.host, u.urls])).toEqual([
      ['r20261201120000abcdef-0', 'a.example', ['https://a.example/1', 'https://A.example/2']],
      ['r20261201120000abcdef-1', 'b.example', ['https://b.example/1']],
      ['r20261201120000abcdef-2', 'c.example', ['https://c.example/x']],
    ]);
  });

  it('the same URLs plan the same work (what --resume checks); others do not', () => {
    expect(planUnits('r1', urls).digest).toBe(planUnits('r2', [...urls]).digest);
    expect(planUnits('r1', urls).digest).not.toBe(planUnits('r1', urls.slice(1)).digest);
  });

  it('run ids are valid job-id prefixes', () => {
    const id = newRunId(new Date('2026-12-01T12:00:00Z'));
    expect(id).toMatch(/^r20261201120000[0-9a-f]{6}$/);
    expect(isRunId(id)).toBe(true);
    expect(isRunId('r2026:1')).toBe(false);
  });
});

describe('protocol', () => {
  const job: UnitJob = {
    v: 1, runId: 'r20261201120000abcdef', unitId: 'r20261201120000abcdef-0', host: 'a.example', evidence: false,
    urls: [{ url: 'https://a.example/1', asks: [{ text: 'A claim.', before: '' }], previous: [] }],
    fetch: { perHost: 2, retries: 0, timeoutMs: 1000, maxBytes: 1000, allowPrivateHosts: false, allowHosts: [] },
    read: { timeMs: 20_000, maxDepth: 512, pdfMaxPages: 500, maxTextChars: 1000 },
  };

  it('accepts a well-formed unit', () => {
    expect(checkPayload(UnitJobSchema, job, MAX_JOB_BYTES, 'unit')).toEqual({ ok: true, value: job });
  });

  it('names the bad field of a malformed unit', () => {
    const bad = { ...job, fetch: { ...job.fetch, perHost: 'two' } };
    expect(checkPayload(UnitJobSchema, bad, MAX_JOB_BYTES, 'unit')).toEqual({ ok: false, error: expect.stringMatching(/^unit is malformed at fetch\.perHost/) });
    expect(checkPayload(UnitJobSchema, { ...job, extra: 1 }, MAX_JOB_BYTES, 'unit').ok).toBe(false);
  });

  it('refuses a payload over its cap before parsing it', () => {
    expect(checkPayload(UnitJobSchema, job, 100, 'unit')).toEqual({ ok: false, error: expect.stringMatching(/over the 100-byte cap/) });
  });
});

describe('wire form of a judged source', () => {
  it('round-trips: body bytes, matches, facts', () => {
    const read: ReadSource = {
      fetch: { url: 'https://a.example/1', finalUrl: 'https://a.example/1', redirects: [], attempts: 1, elapsedMs: 5,
        outcome: { kind: 'response', status: 200, headers: { 'content-type': 'text/html' }, body: new Uint8Array([60, 104, 49, 62]), truncated: false } },
      page: { contentType: 'text/html', charset: 'utf-8', layers: [], signals: {} },
      link: { linkStatus: 'ok', reason: 'HTTP 200' },
      matches: new Map([['k', undefined]]),
      facts: { fingerprint: 'sha256:ab', kept: ['x'] },
    };
    const wire = UnitResultSchema.parse(JSON.parse(JSON.stringify({ sources: [toWire('https://a.example/1', read)] })));
    const back = fromWire(wire.sources[0] ?? toWire('', read));
    expect(back).toEqual(read);
  });
});
