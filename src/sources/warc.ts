// WARC evidence read back: a file `--warc` wrote (warc-write.ts) → the SourceFetch map `--replay` re-runs offline.
import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import { InputError } from '../errors.js';
import type { FetchOutcome, RedirectHop, SourceFetch } from '../types.js';
import { COUNTED_AT_END, EndSchema, H, ORIG, SummarySchema, type Summary } from './warc-format.js';

export { openWarc, writeWarc, type WarcMeta, type WarcWriter } from './warc-write.js';

interface Parts {
  summary?: Summary;
  hops: RedirectHop[];
  final?: Extract<FetchOutcome, { kind: 'response' }>;
}

/** Rebuilds the SourceFetch map exactly (keyed by the URL as cited) from a file writeWarc wrote. */
export async function readWarc(file: string): Promise<Map<string, SourceFetch>> {
  const parts = new Map<number, Parts>();
  // citecheck's warcinfo gives the count, or says it comes in the `end` record (a streamed file).
  let expected: number | 'at-end' | undefined;
  let ended: number | undefined;
  try {
    const parser = new WARCParser(createReadStream(file), { keepHeadersCase: true });
    for await (const record of parser) {
      if (record.warcType === 'warcinfo') {
        const m = /^citecheck-fetches: (.+?)\r?$/m.exec(await record.contentText());
        if (m?.[1] === COUNTED_AT_END) expected = 'at-end';
        else if (m && /^\d+$/.test(m[1] ?? '')) expected = Number(m[1]);
        continue;
      }
      if (record.warcType === 'metadata' && record.warcHeader(H.role) === 'end') {
        ended = EndSchema.parse(JSON.parse(await record.contentText())).fetches;
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
  const count = expected === 'at-end' ? ended : expected;
  if (count === undefined) {
    throw new InputError(`cannot replay ${file}: ${parts.size} fetches found and no closing record`, 'the WARC was truncated; record it again');
  }
  if (parts.size !== count) {
    throw new InputError(`cannot replay ${file}: ${parts.size} of ${count} fetches found`, 'the WARC was truncated; record it again');
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

function restoreHeaders(stored: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of stored) {
    const lower = name.toLowerCase();
    if (lower === 'content-length') continue; // ours: the decoded length
    out[lower.startsWith(ORIG) ? name.slice(ORIG.length) : name] = value;
  }
  return out;
}

