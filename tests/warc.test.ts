import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { openWarc, readWarc, writeWarc } from '../src/sources/warc.js';
import type { SourceFetch } from '../src/types.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Bytes that would break naive framing or trigger decoding: CRLFs, a WARC line, NULs, gzip magic. */
const PDF = new Uint8Array([
  ...utf8('%PDF-1.7\r\n%\u00e2\u00e3\r\n\r\nWARC/1.1\r\nWARC-Type: response\r\n\r\n'),
  0x00, 0x1f, 0x8b, 0x08, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a, ...Array.from({ length: 300 }, (_, i) => (i * 37) % 256),
]);
/** "Привет, мир" in windows-1251. */
const CP1251 = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0]);

const FETCHES: SourceFetch[] = [
  {
    url: 'https://news.example/ok', finalUrl: 'https://news.example/ok', redirects: [], attempts: 1, elapsedMs: 120,
    outcome: {
      kind: 'response', status: 200, truncated: false, body: utf8('<html><p>Мост открыт в 1932 году 🌉</p></html>'),
      headers: {
        'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': '57',
        server: 'nginx', 'x-orig-cache': 'HIT', 'content-disposition': 'inline; filename="Ð¼Ð¾Ñ\u0081Ñ\u0082.html"',
      },
    },
  },
  {
    url: 'http://short.example/abc', finalUrl: 'https://www.site.example/articles/42?ref=x', attempts: 3, elapsedMs: 480,
    redirects: [
      { url: 'http://short.example/abc', status: 301, location: 'https://short.example/abc' },
      { url: 'https://short.example/abc', status: 302, location: '/go?to=42' },
      { url: 'https://short.example/go?to=42', status: 308, location: 'https://www.site.example/articles/42?ref=x' },
    ],
    outcome: { kind: 'response', status: 200, truncated: false, headers: { 'content-type': 'text/plain' }, body: utf8('moved here') },
  },
  {
    url: 'https://gone.example/page', finalUrl: 'https://gone.example/page', redirects: [], attempts: 1, elapsedMs: 33,
    outcome: { kind: 'response', status: 404, truncated: false, headers: { 'content-type': 'text/html' }, body: utf8('<h1>Not Found</h1>') },
  },
  {
    url: 'https://big.example/long', finalUrl: 'https://big.example/long', redirects: [], attempts: 1, elapsedMs: 900,
    outcome: {
      kind: 'response', status: 200, truncated: true, truncation: 'max-size', body: utf8('x'.repeat(4096)),
      headers: { 'content-type': 'text/html', 'transfer-encoding': 'chunked', 'content-encoding': 'br' },
    },
  },
  {
    url: 'https://cut.example/story', finalUrl: 'https://cut.example/story', redirects: [], attempts: 1, elapsedMs: 300,
    outcome: {
      kind: 'response', status: 200, truncated: true, truncation: 'connection-closed', body: utf8('<p>half a page'),
      headers: { 'content-type': 'text/html', 'content-length': '90000' },
    },
  },
  {
    url: 'https://papers.example/paper.pdf', finalUrl: 'https://papers.example/paper.pdf', redirects: [], attempts: 2, elapsedMs: 250,
    outcome: { kind: 'response', status: 200, truncated: false, headers: { 'content-type': 'application/pdf', 'content-length': String(PDF.length) }, body: PDF },
  },
  {
    url: 'https://nxdomain.invalid/x', finalUrl: 'https://nxdomain.invalid/x', redirects: [], attempts: 1, elapsedMs: 5,
    outcome: { kind: 'failure', failure: 'dns', message: 'getaddrinfo ENOTFOUND nxdomain.invalid', code: 'ENOTFOUND' },
  },
  {
    url: 'https://slow.example/', finalUrl: 'https://slow.example/final', attempts: 4, elapsedMs: 30_000,
    redirects: [{ url: 'https://slow.example/', status: 302, location: 'https://slow.example/final' }],
    outcome: { kind: 'failure', failure: 'timeout', message: 'deadline of 30000 ms exceeded\nwhile reading headers' },
  },
  {
    url: 'https://ru.example/novosti', finalUrl: 'https://ru.example/novosti', redirects: [], attempts: 1, elapsedMs: 77,
    outcome: { kind: 'response', status: 200, truncated: false, headers: { 'content-type': 'text/html; charset=windows-1251' }, body: CP1251 },
  },
  {
    url: 'htp:/not a url', finalUrl: 'htp:/not a url', redirects: [], attempts: 0, elapsedMs: 0,
    outcome: { kind: 'failure', failure: 'invalid-url', message: 'unsupported scheme htp:' },
  },
  {
    url: 'https://empty.example/', finalUrl: 'https://empty.example/', redirects: [], attempts: 1, elapsedMs: 12,
    outcome: { kind: 'response', status: 204, truncated: false, headers: {}, body: new Uint8Array() },
  },
];

const expectedMap = () => new Map(FETCHES.map((f) => [f.url, f]));

async function parseRecords(file: string) {
  const out: { type: string; uri: string | null | undefined; role: string | null | undefined; status?: number; headers?: Map<string, string>; truncated?: string | null }[] = [];
  for await (const r of new WARCParser(createReadStream(file), { keepHeadersCase: true })) {
    const headers = r.httpHeaders ? new Map([...r.httpHeaders.headers].map(([k, v]) => [k.toLowerCase(), v])) : undefined;
    out.push({
      type: r.warcType, uri: r.warcTargetURI, role: r.warcHeader('WARC-Citecheck-Role'),
      ...(r.httpHeaders && r.warcType === 'response' ? { status: Number(r.httpHeaders.statusCode) } : {}),
      ...(headers ? { headers } : {}), truncated: r.warcHeader('WARC-Truncated'),
    });
    await r.skipFully();
  }
  return out;
}

describe.each(['evidence.warc', 'evidence.warc.gz'])('%s', (name) => {
  let file: string;
  beforeAll(async () => {
    file = path.join(await mkdtemp(path.join(tmpdir(), 'citecheck-warc-')), name);
    await writeWarc(file, FETCHES, { software: 'citecheck/test' });
  });

  it('reads back exactly the SourceFetch map that was written', async () => {
    const read = await readWarc(file);
    expect([...read.keys()]).toEqual(FETCHES.map((f) => f.url));
    expect(read).toEqual(expectedMap());
    const pdf = read.get('https://papers.example/paper.pdf')?.outcome;
    expect(pdf?.kind === 'response' && Buffer.from(pdf.body).equals(Buffer.from(PDF))).toBe(true);
  });

  it('is gzipped exactly when the name ends in .gz', async () => {
    const head = (await readFile(file)).subarray(0, 2);
    expect(head[0] === 0x1f && head[1] === 0x8b).toBe(name.endsWith('.gz'));
  });

  it('is a valid WARC to warcio: record types, target URIs, status lines, self-consistent headers', async () => {
    const records = await parseRecords(file);
    expect(records[0]?.type).toBe('warcinfo');
    const responses = records.filter((r) => r.type === 'response');
    const requests = records.filter((r) => r.type === 'request');
    const hops = FETCHES.reduce((n, f) => n + f.redirects.length, 0);
    const finals = FETCHES.filter((f) => f.outcome.kind === 'response').length;
    expect(responses).toHaveLength(hops + finals);
    expect(requests.length).toBe(hops + finals + 2); // + the dns and timeout failures (not the invalid URL)
    expect(records.filter((r) => r.type === 'metadata' && r.role === 'summary')).toHaveLength(FETCHES.length);
    // The count comes last: a file cut short has none (warcinfo says where to look).
    expect(records.at(-1)).toMatchObject({ type: 'metadata', role: 'end' });
    expect(responses.filter((r) => r.role === 'redirect').map((r) => [r.uri, r.status, r.headers?.get('location')])).toEqual([
      ['http://short.example/abc', 301, 'https://short.example/abc'],
      ['https://short.example/abc', 302, '/go?to=42'],
      ['https://short.example/go?to=42', 308, 'https://www.site.example/articles/42?ref=x'],
      ['https://slow.example/', 302, 'https://slow.example/final'],
    ]);
    const finalsSeen = responses.filter((r) => r.role === 'final');
    expect(finalsSeen.map((r) => [r.uri, r.status])).toEqual(FETCHES.flatMap((f) =>
      f.outcome.kind === 'response' ? [[new URL(f.finalUrl).href, f.outcome.status]] : []));
    for (const r of finalsSeen) {
      expect(r.headers?.has('content-encoding')).toBe(false);
      expect(r.headers?.has('transfer-encoding')).toBe(false);
    }
    const ok = finalsSeen[0];
    expect(ok?.headers?.get('x-orig-content-encoding')).toBe('gzip');
    expect(ok?.headers?.get('content-length')).toBe(String(utf8('<html><p>Мост открыт в 1932 году 🌉</p></html>').length));
    expect(finalsSeen.map((r) => r.truncated ?? null)).toEqual(FETCHES.flatMap((f) =>
      f.outcome.kind === 'response' ? [f.outcome.truncation === 'connection-closed' ? 'disconnect' : f.outcome.truncated ? 'length' : null] : []));
  });

  it('stores the decoded body as the response payload, flagged as decoded', async () => {
    for await (const r of new WARCParser(createReadStream(file))) {
      if (r.warcType === 'response' && r.warcTargetURI === 'https://ru.example/novosti') {
        expect(r.warcHeader('WARC-Citecheck-Decoded')).toBe('true');
        expect(Buffer.from(await r.readFully(true)).equals(Buffer.from(CP1251))).toBe(true);
        expect(r.warcPayloadDigest).toMatch(/^sha256:/);
        return;
      }
      await r.skipFully();
    }
    throw new Error('response record not found');
  });
});

describe('openWarc writes as the run goes', () => {
  it('keeps its own copy of each body: the caller may move the bytes to a reading thread at once', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'citecheck-warc-stream-')), 'run.warc.gz');
    const writer = await openWarc(file, { software: 'citecheck/test' });
    const given = FETCHES.map((f) => (f.outcome.kind === 'response' ? { ...f, outcome: { ...f.outcome, body: f.outcome.body.slice() } } : f));
    for (const f of given) {
      writer.add(f);
      // What read-stage does with --workers: the body's buffer is transferred (detached here).
      const buffer = f.outcome.kind === 'response' ? f.outcome.body.buffer : undefined;
      if (buffer instanceof ArrayBuffer && buffer.byteLength > 0) structuredClone(buffer, { transfer: [buffer] });
    }
    writer.add(given[0] as SourceFetch); // a URL seen before is written once
    await writer.close();
    expect(await readWarc(file)).toEqual(expectedMap());
  });

  it('discard leaves the file that was there before, and no temp file', async () => {
    const d = await mkdtemp(path.join(tmpdir(), 'citecheck-warc-discard-'));
    const file = path.join(d, 'run.warc');
    await writeWarc(file, FETCHES.slice(0, 2), { software: 'citecheck/test' });
    const before = await readFile(file);
    const writer = await openWarc(file, { software: 'citecheck/test' });
    writer.add(FETCHES[3] as SourceFetch);
    await writer.discard();
    expect(await readFile(file)).toEqual(before);
    expect(await readdir(d)).toEqual(['run.warc']);
  });

  it('still reads a file written whole by an earlier release (the count in warcinfo)', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'citecheck-warc-old-')), 'old.warc');
    const info = WARCRecord.createWARCInfo({ filename: 'old.warc', warcVersion: 'WARC/1.1' }, { software: 'citecheck/0.9', 'citecheck-fetches': '1' });
    const summary = { citecheck: 1, url: 'https://gone.example/', finalUrl: 'https://gone.example/', redirectUrls: [], attempts: 1, elapsedMs: 3,
      failure: { failure: 'dns', message: 'getaddrinfo ENOTFOUND gone.example', code: 'ENOTFOUND' } };
    const meta = WARCRecord.create({ type: 'metadata', url: 'https://gone.example/', warcVersion: 'WARC/1.1',
      warcHeaders: { 'Content-Type': 'application/json', 'WARC-Citecheck-Fetch': '0', 'WARC-Citecheck-Role': 'summary' } }, [utf8(JSON.stringify(summary))]);
    await writeFile(file, Buffer.concat([await WARCSerializer.serialize(info), await WARCSerializer.serialize(meta)]));
    const read = await readWarc(file);
    expect(read.get('https://gone.example/')?.outcome).toEqual({ kind: 'failure', ...summary.failure });
  });
});

describe('readWarc refuses what it cannot replay', () => {
  const dir = () => mkdtemp(path.join(tmpdir(), 'citecheck-warc-bad-'));

  it('a missing file', async () => {
    await expect(readWarc(path.join(await dir(), 'none.warc'))).rejects.toBeInstanceOf(InputError);
  });

  it('a WARC written by another tool', async () => {
    const file = path.join(await dir(), 'other.warc');
    const info = WARCRecord.createWARCInfo({ filename: 'other.warc' }, { software: 'wget' });
    const resp = WARCRecord.create({ type: 'response', url: 'https://x.example/', httpHeaders: {} }, [utf8('hi')]);
    await writeFile(file, Buffer.concat([await WARCSerializer.serialize(info), await WARCSerializer.serialize(resp)]));
    await expect(readWarc(file)).rejects.toBeInstanceOf(InputError);
  });

  it('a truncated citecheck WARC', async () => {
    const d = await dir();
    const file = path.join(d, 'cut.warc');
    await writeWarc(file, FETCHES, { software: 'citecheck/test' });
    const bytes = await readFile(file);
    const cut = bytes.subarray(0, bytes.lastIndexOf('WARC/1.1'));
    await writeFile(file, cut);
    await expect(readWarc(file)).rejects.toBeInstanceOf(InputError);
  });

  it('the gzip members decompress to the plain WARC', async () => {
    const d = await dir();
    await writeWarc(path.join(d, 'a.warc.gz'), FETCHES.slice(0, 3), { software: 's', date: new Date(0) });
    const plain = gunzipSync(await readFile(path.join(d, 'a.warc.gz'))).toString('latin1');
    expect(plain.startsWith('WARC/1.1\r\n')).toBe(true);
    expect(plain.match(/WARC-Type: response/g)).toHaveLength(6); // ok + 3 hops + final + 404
  });
});
