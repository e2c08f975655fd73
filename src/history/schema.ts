// The history file's zod schema (version 1): per-URL checks and the derived link-rot state.
import * as z from 'zod';
import { LINK_STATUSES } from '../types.js';

export const HISTORY_VERSION = 1;

const isoDate = z.iso.datetime();

/** One check of one URL in one run. */
export const CheckEntrySchema = z.strictObject({
  at: isoDate,
  linkStatus: z.enum(LINK_STATUSES),
  httpStatus: z.number().int().optional(),
  finalUrl: z.string().optional(),
  fingerprint: z.string().optional(),
  /** Union of the key phrases found on the page for every claim that cites this URL. */
  matchedPhrases: z.array(z.string()).optional(),
});

/** Everything remembered about one URL across runs. */
export const UrlHistorySchema = z.strictObject({
  url: z.string(),
  /** Footnote numbers that cited this URL, as last seen. */
  refs: z.array(z.number().int()),
  /** Newest last, capped (RotRules.keepChecks). */
  checks: z.array(CheckEntrySchema),
  /** Failed checks ≥ minHoursBetweenStrikes apart since the last success. */
  strikes: z.number().int().nonnegative(),
  firstFailedAt: isoDate.optional(),
  lastStrikeAt: isoDate.optional(),
  /** When the strike count reached strikesToDead. */
  deadSince: isoDate.optional(),
  rotDead: z.boolean(),
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * URL → history, entry by entry: zod's record assigns each key, so a cited "URL" spelled
 * `__proto__` vanished on import; defineProperty keeps it a plain key.
 */
const UrlsSchema = z.custom<Record<string, unknown>>(isRecord, 'expected an object of URLs')
  .transform((raw, ctx) => {
    const out: Record<string, z.infer<typeof UrlHistorySchema>> = {};
    for (const [url, value] of Object.entries(raw)) {
      const parsed = UrlHistorySchema.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [url, ...issue.path] });
        continue;
      }
      Object.defineProperty(out, url, { value: parsed.data, enumerable: true, writable: true, configurable: true });
    }
    return out;
  });

export const HistorySchema = z.strictObject({
  version: z.literal(HISTORY_VERSION),
  updatedAt: isoDate.optional(),
  urls: UrlsSchema,
});

export type CheckEntry = z.infer<typeof CheckEntrySchema>;
export type UrlHistory = z.infer<typeof UrlHistorySchema>;
export type History = z.infer<typeof HistorySchema>;

export function createEmptyHistory(): History {
  return { version: HISTORY_VERSION, urls: {} };
}
