// A judged source on the wire: what a worker returns for one URL (JSON: bodies as base64, matches in the order of the unit's asks).
import * as z from 'zod';
import type { ClaimMatch } from '../judge/match.js';
import { filed, type MatchAsk, type ReadSource, type SourceRead } from '../read-task.js';
import { LINK_STATUSES, TRUNCATIONS, type FetchOutcome, type Page, type SourceFetch } from '../types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Both sides run the same citecheck, so nested shapes are checked structurally, the envelope strictly. */
type ResponseOutcome = Extract<FetchOutcome, { kind: 'response' }>;
type WireOutcome = (Omit<ResponseOutcome, 'body'> & { body: string }) | Extract<FetchOutcome, { kind: 'failure' }>;

const OutcomeSchema = z.custom<WireOutcome>((v) => isRecord(v)
  && ((v.kind === 'response' && typeof v.status === 'number' && isRecord(v.headers) && typeof v.body === 'string')
    || (v.kind === 'failure' && typeof v.failure === 'string' && typeof v.message === 'string')), 'a fetch outcome');
const PageSchema = z.custom<Page>((v) => isRecord(v) && typeof v.contentType === 'string'
  && Array.isArray(v.layers) && isRecord(v.signals), 'a page');
const MatchSchema = z.custom<ClaimMatch>((v) => isRecord(v) && typeof v.score === 'number'
  && Array.isArray(v.matched) && Array.isArray(v.missing) && typeof v.hasText === 'boolean', 'a claim match');

export const WireSourceSchema = z.strictObject({
  url: z.string(),
  /** The fetch without its `url` (the source's own); the body is empty unless the run keeps evidence. */
  fetch: z.strictObject({
    finalUrl: z.string(),
    redirects: z.array(z.strictObject({ url: z.string(), status: z.number().int(), location: z.string() })),
    outcome: OutcomeSchema,
    attempts: z.number().int().nonnegative(),
    elapsedMs: z.number().nonnegative(),
  }),
  page: PageSchema.optional(),
  link: z.strictObject({ linkStatus: z.enum(LINK_STATUSES), reason: z.string(), truncated: z.enum(TRUNCATIONS).optional() }),
  /** One per ask of this URL in the unit, in the same order (the asks are not sent back). */
  matches: z.array(MatchSchema.nullable()),
  facts: z.strictObject({ fingerprint: z.string().optional(), kept: z.array(z.string()) }).optional(),
});

export const UnitResultSchema = z.strictObject({ sources: z.array(WireSourceSchema) });

export type WireSource = z.infer<typeof WireSourceSchema>;
export type UnitResult = z.infer<typeof UnitResultSchema>;

/** `keepBody`: the response's bytes travel too (`--warc`); they must still be in `fetch` then. */
export function toWire(fetch: SourceFetch, read: SourceRead, keepBody: boolean): WireSource {
  const { url, outcome, ...rest } = fetch;
  const body = keepBody && outcome.kind === 'response' ? Buffer.from(outcome.body).toString('base64') : '';
  return {
    url,
    fetch: { ...rest, outcome: outcome.kind === 'response' ? { ...outcome, body } : outcome },
    ...(read.page ? { page: read.page } : {}),
    link: read.link,
    matches: read.matches.map((m) => m ?? null),
    ...(read.facts ? { facts: read.facts } : {}),
  };
}

/** `asks`: the ones the unit sent for this URL, which the matches come back in the order of. */
export function fromWire(w: WireSource, asks: readonly MatchAsk[]): ReadSource {
  const { outcome, ...rest } = w.fetch;
  const fetched: FetchOutcome = outcome.kind === 'response'
    ? { ...outcome, body: new Uint8Array(Buffer.from(outcome.body, 'base64')) } : outcome;
  const facts = w.facts && (w.facts.fingerprint === undefined ? { kept: w.facts.kept } : { fingerprint: w.facts.fingerprint, kept: w.facts.kept });
  return filed({ url: w.url, ...rest, outcome: fetched }, asks, {
    ...(w.page ? { page: w.page } : {}),
    link: w.link.truncated ? { linkStatus: w.link.linkStatus, reason: w.link.reason, truncated: w.link.truncated } : { linkStatus: w.link.linkStatus, reason: w.link.reason },
    matches: asks.map((_, i) => w.matches[i] ?? undefined),
    ...(facts ? { facts } : {}),
  });
}
