// CDX query strings, row parsing and the choice of the capture nearest an access date (pure).
import * as z from 'zod';

export interface Capture {
  /** 14-digit UTC timestamp as the CDX server wrote it. */
  timestamp: string;
  original: string;
  statusCode: number;
  digest: string;
  mimeType: string;
  /** ISO form of `timestamp`. */
  capturedAt: string;
}

export const CaptureSchema = z.strictObject({
  timestamp: z.string().regex(/^\d{14}$/),
  original: z.string(),
  statusCode: z.number().int(),
  digest: z.string(),
  mimeType: z.string(),
  capturedAt: z.iso.datetime(),
});

export const CDX_FIELDS = 'timestamp,original,statuscode,digest,mimetype';
/** H3llBot: prefer the latest capture before the access date within this window. */
export const BEFORE_WINDOW_MS = 90 * 24 * 3_600_000;

export function toTimestamp(d: Date): string {
  return d.toISOString().replace(/\D/g, '').slice(0, 14);
}

export function timestampToMs(ts: string): number {
  const p = ts.padEnd(14, '0');
  return Date.UTC(+p.slice(0, 4), +p.slice(4, 6) - 1, +p.slice(6, 8), +p.slice(8, 10), +p.slice(10, 12), +p.slice(12, 14));
}

/** Only real 200 captures: a revisit record or a captured redirect/404 is not the cited page. */
function baseQuery(url: string): URLSearchParams {
  const q = new URLSearchParams({ url, output: 'json', fl: CDX_FIELDS });
  q.append('filter', 'statuscode:200');
  q.append('filter', '!mimetype:warc/revisit');
  return q;
}

/** Field notes §3.2: the 3 captures closest to the date (IA honours closest only with sort=closest). */
export function closestQuery(url: string, around: Date, limit: number): URLSearchParams {
  const q = baseQuery(url);
  q.set('closest', toTimestamp(around));
  q.set('sort', 'closest');
  q.set('limit', String(limit));
  return q;
}

/** Range query for one side of the date: `limit=-1` is the last capture in range, `1` the first. */
export function rangeQuery(url: string, range: { from?: Date; to?: Date }, limit: 1 | -1): URLSearchParams {
  const q = baseQuery(url);
  if (range.from) q.set('from', toTimestamp(range.from));
  if (range.to) q.set('to', toTimestamp(range.to));
  q.set('limit', String(limit));
  return q;
}

const RowsSchema = z.array(z.array(z.string()));

/** `output=json` rows: the first row names the fields, so the order `fl` asked for is not assumed. */
export function parseCdxRows(json: unknown): Capture[] | undefined {
  const parsed = RowsSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const [header, ...rows] = parsed.data;
  if (!header) return [];
  const col = (name: string) => header.indexOf(name);
  const [ts, orig, status, digest, mime] = ['timestamp', 'original', 'statuscode', 'digest', 'mimetype'].map(col);
  if (ts === undefined || orig === undefined || ts < 0 || orig < 0) return undefined;
  const out: Capture[] = [];
  for (const row of rows) {
    const timestamp = row[ts] ?? '';
    const statusCode = Number(status !== undefined && status >= 0 ? row[status] : '200');
    const mimeType = mime !== undefined && mime >= 0 ? row[mime] ?? '' : '';
    // Defensive re-filter: a server that ignored `filter=` must not hand us a revisit or a 404.
    if (!/^\d{14}$/.test(timestamp) || statusCode !== 200 || mimeType === 'warc/revisit') continue;
    out.push({
      timestamp, original: row[orig] ?? '', statusCode, mimeType,
      digest: digest !== undefined && digest >= 0 ? row[digest] ?? '' : '',
      capturedAt: new Date(timestampToMs(timestamp)).toISOString(),
    });
  }
  return out;
}

/** A server that honoured sort=closest returns rows in non-decreasing distance from the date. */
export function isSortedByCloseness(rows: readonly Capture[], around: Date): boolean {
  const d = rows.map((r) => Math.abs(timestampToMs(r.timestamp) - around.getTime()));
  return d.every((x, i) => i === 0 || x >= (d[i - 1] ?? 0));
}

/**
 * H3llBot's rule, then a last resort: (1) the latest capture at or before the date within 90 days;
 * (2) else the earliest capture after it; (3) else the latest capture before, however old — an old
 * copy still beats none, and the report shows its date.
 */
export function chooseCapture(rows: readonly Capture[], around: Date): Capture | undefined {
  return latestBefore(rows, around, BEFORE_WINDOW_MS) ?? earliestAfter(rows, around) ?? latestBefore(rows, around, Infinity);
}

export function latestBefore(rows: readonly Capture[], around: Date, windowMs: number): Capture | undefined {
  const t = around.getTime();
  const ok = rows.filter((r) => timestampToMs(r.timestamp) <= t && t - timestampToMs(r.timestamp) <= windowMs);
  return ok.sort((a, b) => b.timestamp.localeCompare(a.timestamp))[0];
}

export function earliestAfter(rows: readonly Capture[], around: Date): Capture | undefined {
  const t = around.getTime();
  return rows.filter((r) => timestampToMs(r.timestamp) > t).sort((a, b) => a.timestamp.localeCompare(b.timestamp))[0];
}
