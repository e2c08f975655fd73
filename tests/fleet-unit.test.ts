// Fleet pieces without a queue: the Redis URL and its redaction, units by host, the protocol's caps and shapes, the wire form.
import { describe, expect, it } from 'vitest';
import { checkPayload, MAX_JOB_BYTES, PROTOCOL_VERSION, UnitJobSchema, type UnitJob } from '../src/fleet/protocol.js';
import { parseQueueUrl, redactUrl } from '../src/fleet/redis-url.js';
import { isRunId, newRunId, planUnits } from '../src/fleet/units.js';
import { fromWire, toWire, UnitResultSchema } from '../src/fleet/wire.js';
import { askKey, type MatchAsk, type ReadSource, type SourceRead } from '../src/read-task.js';
import type { ClaimMatch } from '../src/judge/match.js';

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
    v: PROTOCOL_VERSION, runId: 'r20261201120000abcdef', unitId: 'r20261201120000abcdef-0', host: 'a.example', evidence: false,
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
  const asks: MatchAsk[] = [{ text: 'A claim.', before: '' }, { text: 'He said it.', before: 'Ann Lee spoke.', phrases: ['said it'] }];
  const match: ClaimMatch = { score: 1, matched: ['claim'], missing: [], contradicted: [], crossLanguage: false, hasText: true,
    contradictions: [], negationMismatch: false, givenCount: 0, opposed: [], notes: [], givenFound: 0, requiredMissing: [] };
  const fetch = {
    url: 'https://a.example/1', finalUrl: 'https://a.example/1', redirects: [], attempts: 1, elapsedMs: 5,
    outcome: { kind: 'response' as const, status: 200, headers: { 'content-type': 'text/html' }, body: new Uint8Array([60, 104, 49, 62]), truncated: false },
  };
  const read: SourceRead = {
    page: { contentType: 'text/html', charset: 'utf-8', layers: [], signals: {} },
    link: { linkStatus: 'ok', reason: 'HTTP 200' },
    matches: [match, undefined],
    facts: { fingerprint: 'sha256:ab', kept: ['x'] },
  };
  const roundTrip = (r: SourceRead, keepBody: boolean) => {
    const text = JSON.stringify({ sources: [toWire(fetch, r, keepBody)] });
    const wire = UnitResultSchema.parse(JSON.parse(text));
    return { text, back: wire.sources[0] && fromWire(wire.sources[0], asks) };
  };

  it('round-trips with evidence: body bytes, matches filed under their asks, facts; asks and the URL are not sent twice', () => {
    const { text, back } = roundTrip(read, true);
    expect(text).not.toContain('A claim.');
    expect(text.split('https://a.example/1').length - 1).toBe(2);
    const expected: ReadSource = { fetch, page: read.page, link: read.link, matches: new Map(asks.map((a, i) => [askKey(a), i === 0 ? match : undefined])), facts: { fingerprint: 'sha256:ab', kept: ['x'] } };
    expect(back).toEqual(expected);
  });

  it('sends no body without evidence, and keeps a truncated link as truncated', () => {
    const cut: SourceRead = { ...read, link: { linkStatus: 'ok', reason: 'HTTP 200 (cut at 5 MB)', truncated: 'max-size' } };
    const { back } = roundTrip(cut, false);
    expect(back?.fetch?.outcome.kind === 'response' && back.fetch.outcome.body.length).toBe(0);
    expect(back?.link).toEqual(cut.link);
  });
});
