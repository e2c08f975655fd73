// A judged source on the wire: what a worker returns for one URL (JSON: bodies as base64, matches as pairs).
import { z } from 'zod';
import type { ClaimMatch } from '../judge/match.js';
import type { ReadSource } from '../read-source.js';
import { LINK_STATUSES, type FetchOutcome, type Page } from '../types.js';

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
  fetch: z.strictObject({
    url: z.string(), finalUrl: z.string(),
    redirects: z.array(z.strictObject({ url: z.string(), status: z.number().int(), location: z.string() })),
    outcome: OutcomeSchema,
    attempts: z.number().int().nonnegative(),
    elapsedMs: z.number().nonnegative(),
  }).optional(),
  page: PageSchema.optional(),
  link: z.strictObject({ linkStatus: z.enum(LINK_STATUSES), reason: z.string() }),
  matches: z.array(z.tuple([z.string(), MatchSchema.nullable()])),
  facts: z.strictObject({ fingerprint: z.string().optional(), kept: z.array(z.string()) }).optional(),
});

export const UnitResultSchema = z.strictObject({ sources: z.array(WireSourceSchema) });

export type WireSource = z.infer<typeof WireSourceSchema>;
export type UnitResult = z.infer<typeof UnitResultSchema>;

export function toWire(url: string, read: ReadSource): WireSource {
  const f = read.fetch;
  const outcome = f?.outcome.kind === 'response' ? { ...f.outcome, body: Buffer.from(f.outcome.body).toString('base64') } : f?.outcome;
  return {
    url,
    ...(f && outcome ? { fetch: { ...f, outcome } } : {}),
    ...(read.page ? { page: read.page } : {}),
    link: read.link ?? { linkStatus: 'error', reason: 'not judged' },
    matches: [...(read.matches ?? new Map<string, ClaimMatch | undefined>())].map(([k, m]) => [k, m ?? null]),
    ...(read.facts ? { facts: read.facts } : {}),
  };
}

export function fromWire(w: WireSource): ReadSource {
  const f = w.fetch;
  const outcome: FetchOutcome | undefined = f?.outcome.kind === 'response'
    ? { ...f.outcome, body: new Uint8Array(Buffer.from(f.outcome.body, 'base64')) }
    : f?.outcome.kind === 'failure' ? f.outcome : undefined;
  return {
    ...(f && outcome ? { fetch: { ...f, outcome } } : {}),
    ...(w.page ? { page: w.page } : {}),
    link: w.link,
    matches: new Map(w.matches.map(([k, m]) => [k, m ?? undefined])),
    ...(w.facts ? { facts: w.facts.fingerprint === undefined ? { kept: w.facts.kept } : { fingerprint: w.facts.fingerprint, kept: w.facts.kept } } : {}),
  };
}
