// report.json: the zod schema that defines it (a JSON Schema is generated from it and shipped).
import * as z from 'zod';
import {
  FINDING_KINDS, LINK_STATUSES, TRUNCATIONS, VERDICTS,
  type ArchiveCheck, type Citation, type CitationReview, type Finding, type SourceReport, type UncitedSentence,
} from '../types.js';

export const REPORT_SCHEMA_VERSION = 1;

const LinkStatusSchema = z.enum(LINK_STATUSES);
const VerdictSchema = z.enum(VERDICTS);
const countsOf = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int().nonnegative()])) as {
    [K in T[number]]: z.ZodNumber;
  });

const RedirectHopSchema = z.object({ url: z.string(), status: z.number().int(), location: z.string() });

const EvidenceSchema = z.object({
  snippet: z.string(),
  layer: z.enum(['main', 'jsonld', 'meta', 'page', 'pdf', 'text']),
  weak: z.boolean(),
  fragmentUrl: z.string().optional(),
});

const ArchiveCheckSchema = z.object({
  url: z.string(),
  capturedAt: z.string().optional(),
  linkStatus: LinkStatusSchema,
  verdict: VerdictSchema,
  score: z.number().min(0).max(1),
  evidence: EvidenceSchema.optional(),
  reason: z.string(),
}) satisfies z.ZodType<ArchiveCheck>;

const CitationReviewSchema = z.object({
  status: z.enum(['reviewed', 'stale']),
  verdict: VerdictSchema,
  toolVerdict: VerdictSchema,
  note: z.string(),
  reviewer: z.string(),
  reviewedAt: z.string(),
  staleReason: z.string().optional(),
}) satisfies z.ZodType<CitationReview>;

export const CitationSchema = z.object({
  ref: z.number().int(),
  verdict: VerdictSchema,
  score: z.number().min(0).max(1),
  linkStatus: LinkStatusSchema,
  matched: z.array(z.string()),
  missing: z.array(z.string()),
  evidence: EvidenceSchema.optional(),
  reason: z.string(),
  archive: ArchiveCheckSchema.optional(),
  review: CitationReviewSchema.optional(),
}) satisfies z.ZodType<Citation>;

export const SourceReportSchema = z.object({
  ref: z.number().int(),
  url: z.string().optional(),
  finalUrl: z.string().optional(),
  redirects: z.array(RedirectHopSchema),
  httpStatus: z.number().int().optional(),
  linkStatus: LinkStatusSchema,
  contentType: z.string().optional(),
  language: z.string().optional(),
  title: z.string().optional(),
  publishedDate: z.string().optional(),
  archiveUrl: z.string().optional(),
  fingerprint: z.string().optional(),
  /** `max-size`: we stopped reading at the cap; `connection-closed`: the server closed before the whole body came. */
  truncated: z.enum(TRUNCATIONS).optional(),
  reason: z.string(),
}) satisfies z.ZodType<SourceReport>;

const UncitedSchema = z.object({
  text: z.string(), section: z.string(), line: z.number().int(), column: z.number().int(),
}) satisfies z.ZodType<UncitedSentence>;

const FindingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  message: z.string(),
  ref: z.number().int().optional(),
  line: z.number().int().optional(),
  cited: z.string().optional().describe('date-mismatch, title-mismatch: what the article cites'),
  page: z.string().optional().describe('date-mismatch, title-mismatch: what the page itself says'),
  days: z.number().int().optional().describe('date-mismatch: days apart (1 may be a time-zone difference)'),
}) satisfies z.ZodType<Finding>;

export const ClaimReportSchema = z.object({
  id: z.string(),
  text: z.string(),
  refs: z.array(z.number().int()),
  section: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  verdict: VerdictSchema,
  citations: z.array(CitationSchema),
});

const BrokenChangeSchema = z.object({
  url: z.string(), refs: z.array(z.number().int()), linkStatus: LinkStatusSchema,
  strikes: z.number().int(), since: z.string(),
});

/** What changed since the previous run recorded in the history file (scheduled link-rot checks). */
export const ChangesSchema = z.object({
  at: z.string(),
  /** The previous run's time, when there was one. */
  previousRunAt: z.string().optional(),
  newlyBroken: z.array(BrokenChangeSchema),
  stillBroken: z.array(BrokenChangeSchema),
  recovered: z.array(z.object({
    url: z.string(), refs: z.array(z.number().int()), linkStatus: LinkStatusSchema,
    strikesBefore: z.number().int(), brokenSince: z.string(),
  })),
  drifted: z.array(z.object({
    url: z.string(), refs: z.array(z.number().int()), lostPhrases: z.array(z.string()), previousAt: z.string(),
  })),
  aboutToDie: z.array(BrokenChangeSchema),
  newlyDead: z.array(BrokenChangeSchema),
  /** True when something newly broke, died or drifted: the exit code of `--changed-only`. */
  news: z.boolean(),
});

export const SummarySchema = z.object({
  claims: z.number().int(),
  citations: z.number().int(),
  uncited: z.number().int(),
  byVerdict: countsOf(VERDICTS),
  byLinkStatus: countsOf(LINK_STATUSES),
  /** Supporting citations (supported or partial) / all citations. */
  citationPrecision: z.number().min(0).max(1),
  /** Claims with at least one supporting source / cited claims. */
  claimCoverage: z.number().min(0).max(1),
  /** True when name resolution failed for every host: nothing could be reached. */
  offline: z.boolean(),
  /** With a reviews file: citations with a current decision, stale decisions, problems nobody decided on. */
  reviews: z.object({
    reviewed: z.number().int().nonnegative(),
    stale: z.number().int().nonnegative(),
    unreviewed: z.number().int().nonnegative(),
  }).optional(),
});

export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('citecheck'), version: z.string() }),
  article: z.object({
    path: z.string(),
    title: z.string(),
    /** Set when the article was fetched from a wiki: the URL given, the page title after redirects, the revision read. */
    origin: z.object({ url: z.string(), title: z.string().optional(), revision: z.number().int().optional() }).optional(),
  }),
  summary: SummarySchema,
  claims: z.array(ClaimReportSchema),
  sources: z.array(SourceReportSchema),
  uncited: z.array(UncitedSchema),
  findings: z.array(FindingSchema),
  changes: ChangesSchema.optional(),
  /** Kept apart from the rest so that goldens stay stable: blank these before comparing. */
  run: z.object({ startedAt: z.string(), durationMs: z.number(), failOn: z.array(VerdictSchema) }),
});

/** One article of a run over several: the single-article fields, without the run's own. */
export const ArticleReportSchema = ReportSchema.pick({
  article: true, summary: true, claims: true, sources: true, uncited: true, findings: true,
});

/**
 * report.json of a run over several articles: each article's report, a run-wide summary (every
 * article's claims, citations and sources added up), and the run's changes and timings once.
 */
export const RunReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: ReportSchema.shape.tool,
  summary: SummarySchema,
  articles: z.array(ArticleReportSchema),
  changes: ChangesSchema.optional(),
  run: ReportSchema.shape.run,
});

/** What report.json holds: one article's report, or a run over several (`articles`). */
export const ReportFileSchema = z.union([ReportSchema, RunReportSchema]);

export type ClaimReport = z.infer<typeof ClaimReportSchema>;
export type ArticleReport = z.infer<typeof ArticleReportSchema>;
export type RunReport = z.infer<typeof RunReportSchema>;
export type AnyReport = z.infer<typeof ReportFileSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type Changes = z.infer<typeof ChangesSchema>;
export type Report = z.infer<typeof ReportSchema>;

export function isRunReport(r: AnyReport): r is RunReport {
  return 'articles' in r;
}

/** Each article of a report as a one-article report (the run's tool and timings, no changes): what renderers walk. */
export function articleViews(r: AnyReport): Report[] {
  if (!isRunReport(r)) return [r];
  return r.articles.map((a) => ({ schemaVersion: r.schemaVersion, tool: r.tool, ...a, run: r.run }));
}
