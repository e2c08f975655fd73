// What travels through the queue: a unit of work and its result, zod-checked and size-capped on both sides.
import * as z from 'zod';

export const QUEUE_NAME = 'citecheck-units';
/** 2: a result's matches follow the unit's asks (no keys), and its fetches omit the URL. */
export const PROTOCOL_VERSION = 2;
/** A job's data: the host's URLs, what to match on each page, and the fetch settings. */
export const MAX_JOB_BYTES = 8 * 1024 * 1024;
/** A unit's result: compact judgements (link, match, fingerprint, evidence), never page bodies. */
export const MAX_RESULT_BYTES = 32 * 1024 * 1024;

/** The fetch settings a worker applies to a unit (everything else is the worker's own). */
export const UnitFetchSchema = z.strictObject({
  perHost: z.number().int().positive().max(64),
  retries: z.number().int().nonnegative().max(10),
  timeoutMs: z.number().positive().max(600_000),
  maxBytes: z.number().int().positive().max(1024 * 1024 * 1024),
  allowPrivateHosts: z.boolean(),
  allowHosts: z.array(z.string()).max(1000),
  userAgent: z.string().max(1000).optional(),
});

/** One claim to match on a page (its match comes back under askKey of the same claim and phrases). */
export const AskSchema = z.strictObject({
  text: z.string().max(100_000),
  before: z.string().max(1_000_000),
  phrases: z.array(z.string().max(10_000)).max(1000).optional(),
});

export const UnitJobSchema = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  runId: z.string().regex(/^r\d{14}[0-9a-f]{6}$/),
  unitId: z.string().max(100),
  host: z.string().max(300),
  urls: z.array(z.strictObject({
    url: z.string().max(10_000),
    asks: z.array(AskSchema).max(100_000),
    /** Phrases an earlier run matched on this page: the worker says which it still holds (drift). */
    previous: z.array(z.string().max(10_000)).max(10_000),
  })).min(1).max(100_000),
  fetch: UnitFetchSchema,
  /** The run's budget for reading one page (--read-budget, --max-depth, --pdf-max-pages, --max-size). */
  read: z.strictObject({
    timeMs: z.number().positive().max(3_600_000), maxDepth: z.number().int().positive().max(1_000_000),
    pdfMaxPages: z.number().int().positive().max(1_000_000), maxTextChars: z.number().int().positive().max(1024 * 1024 * 1024),
  }),
  /** Return full responses too (the coordinator writes them to a WARC file). */
  evidence: z.boolean(),
});

export type UnitJob = z.infer<typeof UnitJobSchema>;
export type UnitFetch = z.infer<typeof UnitFetchSchema>;
export type Ask = z.infer<typeof AskSchema>;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses one side of the protocol: the size first (cheap), then the shape. */
export function checkPayload<T>(schema: z.ZodType<T>, value: unknown, maxBytes: number, what: string): Checked<T> {
  const size = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  if (size > maxBytes) return { ok: false, error: `${what} is ${size} bytes, over the ${maxBytes}-byte cap` };
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${what} is malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, value: parsed.data };
}
