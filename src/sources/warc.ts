// WARC evidence: SourceFetch[] ⇄ a .warc(.gz) file (warcio), so `--replay` can re-run a verification offline.
import { createReadStream } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
import * as z from 'zod';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../atomic.js';
import type { FetchOutcome, RedirectHop, SourceFetch } from '../types.js';

/** Our extension fields (WARC 1.1 §5 allows any); the `x-orig-` prefix is the webrecorder convention. */
const H = {
  fetch: 'WARC-Citecheck-Fetch',
  role: 'WARC-Citecheck-Role',
  decoded: 'WARC-Citecheck-Decoded',
} as const;
const ORIG = 'x-orig-';
/** Headers that describe the wire form of the body, not the decoded bytes we keep. */
const WIRE_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding']);

/**
 * Per-fetch summary (a `metadata` record): what HTTP records cannot say exactly — the URL strings
 * as written (WARC-Target-URI is normalised), attempts, timing and, for failures, the failure.
 */
const SummarySchema = z.strictObject({
  citecheck: z.literal(1),
  url: z.string(),
  finalUrl: z.string(),
  redirectUrls: z.array(z.string()),
  attempts: z.number().int(),
  elapsedMs: z.number(),
  failure: z.strictObject({
    failure: z.enum(['timeout', 'dns', 'refused', 'reset', 'tls', 'redirect-loop', 'too-many-redirects',
      'private-address', 'invalid-url', 'decompression', 'other']),
    message: z.string(),
    code: z.string().optional(),
  }).optional(),
});
type Summary = z.infer<typeof SummarySchema>;

const encoder = new TextEncoder();

/**
 * warcinfo, then per fetch: a request/response pair per redirect hop, a request/response pair
 * for the final answer (real status, headers, decoded body), and a `metadata` summary that holds
 * the failure when no response came back. Gzipped per record when the name ends in `.gz`. Atomic.
 */
export async function writeWarc(
  file: string, fetches: readonly SourceFetch[], meta: { software: string; date?: Date } = { software: 'citecheck' },
): Promise<void> {
  const gzip = file.endsWith('.gz');
  const date = (meta.date ?? new Date()).toISOString();
  const chunks: Uint8Array[] = [];
  const put = async (r: WARCRecord) => { chunks.push(await WARCSerializer.serialize(r, { gzip })); };
  await put(WARCRecord.createWARCInfo({ filename: file.split(/[\\/]/).pop() ?? file, date, warcVersion: 'WARC/1.1' }, {
    software: meta.software, format: 'WARC File Format 1.1', 'citecheck-fetches': String(fetches.length),
    description: 'Sources fetched by citecheck; bodies are stored decoded (see WARC-Citecheck-Decoded).',
  }));
  for (const [index, f] of fetches.entries()) {
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
    const rec = WARCRecord.create({
      type: 'metadata', date, warcVersion: 'WARC/1.1', ...(isWebUrl(f.url) ? { url: f.url } : {}),
      warcHeaders: { 'Content-Type': 'application/json', [H.fetch]: String(index), [H.role]: 'summary',
        ...(finalId ? { 'WARC-Refers-To': finalId } : {}) },
    }, [encoder.encode(JSON.stringify(summary))]);
    await put(rec);
  }
  await writeFileAtomic(file, concat(chunks));
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

function restoreHeaders(stored: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of stored) {
    const lower = name.toLowerCase();
    if (lower === 'content-length') continue; // ours: the decoded length
    out[lower.startsWith(ORIG) ? name.slice(ORIG.length) : name] = value;
  }
  return out;
}

interface Parts {
  summary?: Summary;
  hops: RedirectHop[];
  final?: Extract<FetchOutcome, { kind: 'response' }>;
}

/** Rebuilds the SourceFetch map exactly (keyed by the URL as cited) from a file writeWarc wrote. */
export async function readWarc(file: string): Promise<Map<string, SourceFetch>> {
  const parts = new Map<number, Parts>();
  let expected: number | undefined;
  try {
    const parser = new WARCParser(createReadStream(file), { keepHeadersCase: true });
    for await (const record of parser) {
      if (record.warcType === 'warcinfo') {
        const m = /^citecheck-fetches: (\d+)\r?$/m.exec(await record.contentText());
        if (m) expected = Number(m[1]);
        continue;
      }
      const index = Number(record.warcHeader(H.fetch) ?? NaN);
      const role = record.warcHeader(H.role);
      if (!Number.isInteger(index) || !role) continue;
      const p = parts.get(index) ?? { hops: [] };
      parts.set(index, p);
      if (record.warcType === 'metadata' && role === 'summary') {
        p.summary = SummarySchema.parse(JSON.parse(await record.contentText()));
      } else if (record.warcType === 'response' && record.httpHeaders) {
        const status = Number(record.httpHeaders.statusCode);
        const body = new Uint8Array(await record.readFully(true));
        const headers = restoreHeaders(record.httpHeaders.headers);
        if (role === 'redirect') {
          p.hops.push({ url: record.warcTargetURI ?? '', status, location: headers['location'] ?? '' });
        } else {
          const cut = record.warcHeader('WARC-Truncated');
          const truncation = cut === 'disconnect' ? 'connection-closed' : cut ? 'max-size' : undefined;
          p.final = { kind: 'response', status, headers, body, truncated: Boolean(cut), ...(truncation ? { truncation } : {}) };
        }
      }
    }
  } catch (error) {
    throw new InputError(`cannot replay ${file}: ${error instanceof Error ? error.message : String(error)}`,
      'pass a .warc or .warc.gz file written by citecheck --warc');
  }
  if (expected === undefined) {
    throw new InputError(`cannot replay ${file}: it is not a WARC written by citecheck`, 'pass the file citecheck --warc wrote');
  }
  if (parts.size !== expected) {
    throw new InputError(`cannot replay ${file}: ${parts.size} of ${expected} fetches found`, 'the WARC was truncated; record it again');
  }
  return assemble(file, parts);
}

function assemble(file: string, parts: Map<number, Parts>): Map<string, SourceFetch> {
  const out = new Map<string, SourceFetch>();
  for (const [index, p] of [...parts].sort(([a], [b]) => a - b)) {
    const s = p.summary;
    const outcome: FetchOutcome | undefined = s?.failure ? { kind: 'failure', ...s.failure } : p.final;
    if (!s || !outcome || p.hops.length !== s.redirectUrls.length) {
      throw new InputError(`cannot replay ${file}: fetch #${index} is incomplete`, 'the WARC was truncated or edited; record it again');
    }
    const redirects = p.hops.map((h, i) => ({ ...h, url: s.redirectUrls[i] ?? h.url }));
    out.set(s.url, { url: s.url, finalUrl: s.finalUrl, redirects, outcome, attempts: s.attempts, elapsedMs: s.elapsedMs });
  }
  return out;
}

function pickFailure(o: Extract<FetchOutcome, { kind: 'failure' }>): NonNullable<Summary['failure']> {
  return { failure: o.failure, message: o.message, ...(o.code !== undefined ? { code: o.code } : {}) };
}

/** Only web URLs become WARC-Target-URIs; anything else lives in the summary's JSON only. */
function isWebUrl(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
