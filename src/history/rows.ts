// The database rows of the history and their conversion to and from the History object the rules fold.
import * as z from 'zod';
import { LINK_STATUSES } from '../types.js';
import type { CheckEntry, UrlHistory } from './schema.js';

/** A `urls` row: the derived link-rot state of one URL. */
export const UrlRowSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  refs: z.string(),
  strikes: z.number().int().nonnegative(),
  first_failed_at: z.string().nullable(),
  last_strike_at: z.string().nullable(),
  dead_since: z.string().nullable(),
  rot_dead: z.number().int(),
});

/** A `checks` row joined with its phrase set. */
export const CheckRowSchema = z.object({
  at: z.number().int(),
  run_id: z.number().int(),
  link_status: z.enum(LINK_STATUSES),
  http_status: z.number().int().nullable(),
  final_url: z.string().nullable(),
  fingerprint: z.union([z.instanceof(Buffer), z.string()]).nullable(),
  phrases: z.string().nullable(),
});

export type UrlRow = z.infer<typeof UrlRowSchema>;
export type CheckRow = z.infer<typeof CheckRowSchema>;

const RefsSchema = z.array(z.number().int());
const PhrasesSchema = z.array(z.string());
/** fingerprintText's shape: stored as its 16 raw bytes instead of 39 characters. */
const SHA_FINGERPRINT = /^sha256:([0-9a-f]{32})$/;

/** What a check row stores; `phrases` is the JSON of matchedPhrases (kept once per distinct set). */
export interface CheckColumns {
  at: number;
  linkStatus: string;
  httpStatus: number | null;
  /** NULL: none recorded; '': the same as the checked URL (the common case, kept small). */
  finalUrl: string | null;
  fingerprint: Buffer | string | null;
  phrases: string | null;
}

export function checkColumns(url: string, entry: CheckEntry): CheckColumns {
  const sha = entry.fingerprint === undefined ? undefined : SHA_FINGERPRINT.exec(entry.fingerprint);
  return {
    at: Date.parse(entry.at),
    linkStatus: entry.linkStatus,
    httpStatus: entry.httpStatus ?? null,
    finalUrl: entry.finalUrl === undefined ? null : entry.finalUrl === url ? '' : entry.finalUrl,
    fingerprint: sha?.[1] ? Buffer.from(sha[1], 'hex') : entry.fingerprint ?? null,
    phrases: entry.matchedPhrases === undefined ? null : JSON.stringify(entry.matchedPhrases),
  };
}

/** `parsePhrases` is handed in so one load parses each distinct phrase set once. */
export function checkEntry(url: string, row: CheckRow, parsePhrases: (json: string) => string[]): CheckEntry {
  const entry: CheckEntry = { at: new Date(row.at).toISOString(), linkStatus: row.link_status };
  if (row.http_status !== null) entry.httpStatus = row.http_status;
  if (row.final_url !== null) entry.finalUrl = row.final_url === '' ? url : row.final_url;
  if (row.fingerprint !== null) {
    entry.fingerprint = typeof row.fingerprint === 'string' ? row.fingerprint : `sha256:${row.fingerprint.toString('hex')}`;
  }
  if (row.phrases !== null) entry.matchedPhrases = parsePhrases(row.phrases);
  return entry;
}

/** A cache of parsed phrase sets for one load: the same set repeats week after week. */
export function phraseParser(): (json: string) => string[] {
  const parsed = new Map<string, string[]>();
  return (json) => {
    let phrases = parsed.get(json);
    if (!phrases) {
      phrases = PhrasesSchema.parse(JSON.parse(json));
      parsed.set(json, phrases);
    }
    return [...phrases];
  };
}

/** `checks` newest last, as the rules expect. */
export function urlHistory(row: UrlRow, checks: CheckEntry[]): UrlHistory {
  const u: UrlHistory = {
    url: row.url, refs: RefsSchema.parse(JSON.parse(row.refs)), checks, strikes: row.strikes, rotDead: row.rot_dead !== 0,
  };
  if (row.first_failed_at !== null) u.firstFailedAt = row.first_failed_at;
  if (row.last_strike_at !== null) u.lastStrikeAt = row.last_strike_at;
  if (row.dead_since !== null) u.deadSince = row.dead_since;
  return u;
}

export function urlColumns(u: UrlHistory, lastCheckedAt: number) {
  return {
    url: u.url, lastCheckedAt, refs: JSON.stringify(u.refs), strikes: u.strikes,
    firstFailedAt: u.firstFailedAt ?? null, lastStrikeAt: u.lastStrikeAt ?? null, deadSince: u.deadSince ?? null,
    rotDead: u.rotDead ? 1 : 0,
  };
}
