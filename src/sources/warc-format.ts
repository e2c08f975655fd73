// The WARC layout citecheck writes and reads back: its extension headers and the per-fetch summary record.
import * as z from 'zod';

/** Our extension fields (WARC 1.1 §5 allows any); the `x-orig-` prefix is the webrecorder convention. */
export const H = {
  fetch: 'WARC-Citecheck-Fetch',
  role: 'WARC-Citecheck-Role',
  decoded: 'WARC-Citecheck-Decoded',
} as const;
export const ORIG = 'x-orig-';
/** Headers that describe the wire form of the body, not the decoded bytes we keep. */
export const WIRE_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding']);

/**
 * Per-fetch summary (a `metadata` record): what HTTP records cannot say exactly — the URL strings
 * as written (WARC-Target-URI is normalised), attempts, timing and, for failures, the failure.
 */
export const SummarySchema = z.strictObject({
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
export type Summary = z.infer<typeof SummarySchema>;

/**
 * The warcinfo record's `citecheck-fetches`: a number (files written whole, before this release), or
 * this text when the count is in the `end` record written last (files streamed as the run goes).
 */
export const COUNTED_AT_END = 'counted in the last record';

/** The last record of a streamed file: how many fetches it holds (a file cut short has none). */
export const EndSchema = z.strictObject({ citecheck: z.literal(1), fetches: z.number().int().nonnegative() });

/** Only web URLs become WARC-Target-URIs; anything else lives in the summary's JSON only. */
export function isWebUrl(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

