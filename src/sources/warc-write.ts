// Writing WARC evidence as the run goes: each fetch's records are appended the moment it arrives, so no body waits in memory for the end.
import { STATUS_CODES } from 'node:http';
import { WARCRecord, WARCSerializer } from 'warcio';
import { openAtomic } from '../atomic.js';
import type { FetchOutcome, SourceFetch } from '../types.js';
import { COUNTED_AT_END, H, isWebUrl, ORIG, WIRE_HEADERS, type Summary } from './warc-format.js';

const encoder = new TextEncoder();

export interface WarcMeta {
  software: string;
  date?: Date;
}

/** A WARC being written: `add` each response the run uses, then `close` (or `discard` on failure). */
export interface WarcWriter {
  /**
   * Queues the fetch's records (once per URL; a URL seen before is skipped). The body is copied now:
   * the caller may move or drop it as soon as this returns.
   */
  add(fetch: SourceFetch): void;
  /** Writes the closing count and renames the file into place; the first write error surfaces here. */
  close(): Promise<void>;
  /** Drops the temp file: the file that was there before, if any, is left as it was. */
  discard(): Promise<void>;
  /** discard for a process exiting on a signal: synchronous, best effort. */
  discardNow(): void;
}

/**
 * Opens `file` (atomically: a temp file beside it until `close`) and writes warcinfo. Per fetch: a
 * request/response pair per redirect hop, a pair for the final answer (real status, headers, decoded
 * body), and a `metadata` summary that holds the failure when no response came back; last, an `end`
 * record with the number of fetches. Gzipped per record when the name ends in `.gz`.
 */
export async function openWarc(file: string, meta: WarcMeta = { software: 'citecheck' }): Promise<WarcWriter> {
  const gzip = file.endsWith('.gz');
  const date = (meta.date ?? new Date()).toISOString();
  const out = await openAtomic(file);
  const put = async (r: WARCRecord) => { await out.write(await WARCSerializer.serialize(r, { gzip })); };
  let queue: Promise<void> = put(WARCRecord.createWARCInfo({ filename: file.split(/[\\/]/).pop() ?? file, date, warcVersion: 'WARC/1.1' }, {
    software: meta.software, format: 'WARC File Format 1.1', 'citecheck-fetches': COUNTED_AT_END,
    description: 'Sources fetched by citecheck; bodies are stored decoded (see WARC-Citecheck-Decoded).',
  }));
  let failed: unknown;
  queue = queue.catch((error: unknown) => { failed ??= error; });
  const seen = new Set<string>();
  return {
    add: (fetch) => {
      if (seen.has(fetch.url) || failed !== undefined) return;
      const index = seen.size;
      seen.add(fetch.url);
      const copy = withOwnBody(fetch);
      queue = queue.then(() => putFetch(put, index, date, copy)).catch((error: unknown) => { failed ??= error; });
    },
    close: async () => {
      await queue;
      if (failed === undefined) {
        const end = WARCRecord.create({
          type: 'metadata', date, warcVersion: 'WARC/1.1',
          warcHeaders: { 'Content-Type': 'application/json', [H.role]: 'end' },
        }, [encoder.encode(JSON.stringify({ citecheck: 1, fetches: seen.size }))]);
        await put(end).catch((error: unknown) => { failed = error; });
      }
      if (failed !== undefined) {
        await out.discard();
        throw failed;
      }
      await out.commit();
    },
    discard: async () => {
      await queue;
      await out.discard();
    },
    discardNow: () => out.discardNow(),
  };
}

/** Every fetch, written whole: a convenience over openWarc for a list already in memory. */
export async function writeWarc(file: string, fetches: readonly SourceFetch[], meta: WarcMeta = { software: 'citecheck' }): Promise<void> {
  const writer = await openWarc(file, meta);
  for (const f of fetches) writer.add(f);
  await writer.close();
}

/** The fetch with a copy of its body, so the original's bytes can move to a reading thread meanwhile. */
function withOwnBody(f: SourceFetch): SourceFetch {
  if (f.outcome.kind !== 'response') return f;
  const outcome: FetchOutcome = { ...f.outcome, body: f.outcome.body.slice() };
  return { ...f, redirects: [...f.redirects], outcome };
}

async function putFetch(put: (r: WARCRecord) => Promise<void>, index: number, date: string, f: SourceFetch): Promise<void> {
  for (const hop of f.redirects) {
    await putPair(put, index, 'redirect', date, hop.url, hop.status, { location: hop.location, 'content-length': '0' }, new Uint8Array());
  }
  let finalId: string | undefined;
  if (f.outcome.kind === 'response') {
    const { status, headers, body, truncated, truncation } = f.outcome;
    // WARC 1.1's own words: `length` (we stopped at a cap), `disconnect` (the connection dropped).
    const cut = truncation === 'connection-closed' ? 'disconnect' : truncated ? 'length' : undefined;
    finalId = await putPair(put, index, 'final', date, f.finalUrl, status, rewriteHeaders(headers, body.length), body, cut);
  } else if (isWebUrl(f.finalUrl)) {
    // What was attempted; the summary below says how it failed.
    await put(requestRecord(index, 'failed', date, f.finalUrl));
  }
  const summary: Summary = {
    citecheck: 1, url: f.url, finalUrl: f.finalUrl, redirectUrls: f.redirects.map((h) => h.url),
    attempts: f.attempts, elapsedMs: f.elapsedMs,
    ...(f.outcome.kind === 'failure' ? { failure: pickFailure(f.outcome) } : {}),
  };
  await put(WARCRecord.create({
    type: 'metadata', date, warcVersion: 'WARC/1.1', ...(isWebUrl(f.url) ? { url: f.url } : {}),
    warcHeaders: { 'Content-Type': 'application/json', [H.fetch]: String(index), [H.role]: 'summary',
      ...(finalId ? { 'WARC-Refers-To': finalId } : {}) },
  }, [encoder.encode(JSON.stringify(summary))]));
}

async function putPair(
  put: (r: WARCRecord) => Promise<void>, index: number, role: 'redirect' | 'final', date: string,
  url: string, status: number, headers: Record<string, string>, body: Uint8Array, truncated?: 'length' | 'disconnect',
): Promise<string> {
  const common = { [H.fetch]: String(index), [H.role]: role };
  const response = WARCRecord.create({
    type: 'response', url, date, warcVersion: 'WARC/1.1', statusline: `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}`,
    httpHeaders: headers,
    warcHeaders: { ...common, [H.decoded]: 'true', ...(truncated ? { 'WARC-Truncated': truncated } : {}) },
  }, [body]);
  const responseId = response.warcHeaders.headers.get('WARC-Record-ID') ?? '';
  await put(requestRecord(index, role, date, url, responseId));
  await put(response);
  return responseId;
}

function requestRecord(index: number, role: string, date: string, url: string, concurrentTo?: string): WARCRecord {
  const target = new URL(url);
  return WARCRecord.create({
    type: 'request', url, date, warcVersion: 'WARC/1.1', statusline: `GET ${target.pathname}${target.search} HTTP/1.1`,
    httpHeaders: { Host: target.host },
    warcHeaders: { [H.fetch]: String(index), [H.role]: role, ...(concurrentTo ? { 'WARC-Concurrent-To': concurrentTo } : {}) },
  });
}

/** The body is stored decoded, so wire-form headers move aside under `x-orig-` (reversibly). */
function rewriteHeaders(headers: Record<string, string>, length: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    // A header that already starts with x-orig- is prefixed too, so reading can always strip one.
    out[WIRE_HEADERS.has(lower) || lower.startsWith(ORIG) ? `${ORIG}${name}` : name] = value;
  }
  out['Content-Length'] = String(length);
  return out;
}

function pickFailure(o: Extract<FetchOutcome, { kind: 'failure' }>): NonNullable<Summary['failure']> {
  return { failure: o.failure, message: o.message, ...(o.code !== undefined ? { code: o.code } : {}) };
}

