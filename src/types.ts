// The vocabulary every stage shares. The string unions here are the exact words report.json uses.

// ── Article ─────────────────────────────────────────────────────────────────────────────────────

/** A sentence (or the clause a mid-sentence marker closes) with its footnote numbers. */
export interface Claim {
  /** Stable id: `c` + 8 hex digits of a hash of the normalised text (`-2`, `-3`… on a repeat). */
  id: string;
  text: string;
  /** Footnote numbers of the marker group that closes the claim, in the order written. */
  refs: number[];
  /** The section heading the claim stands under ('' for the lead). */
  section: string;
  /** 1-based line in the article file. */
  line: number;
  /** 1-based column of the claim's first character on that line. */
  column: number;
  /**
   * Unmarked sentences before the claim in its paragraph, back to the previous marker: by
   * Wikipedia convention the same footnotes cover them, so they are not listed as uncited.
   */
  context?: string;
}

/** Body text after the last marker of its paragraph (or in a paragraph without markers). */
export interface UncitedSentence {
  text: string;
  section: string;
  line: number;
  column: number;
}

/** One row of the article's own reference list, as parsed from the article text. */
export interface ListedReference {
  id: number;
  /** Back-link count: how many times the body cites it, per the list (`1 2 3 4` = 4). */
  uses: number;
  title: string;
  publisher?: string;
  /** ISO date (YYYY-MM-DD, or YYYY-MM / YYYY) when it parses, else the text as written. */
  date?: string;
  accessDate?: string;
  /** BCP 47 code from `(in Russian)` → `ru`. */
  language?: string;
  authors?: string[];
  /** The source's URL as the article gives it (the original, not the archive copy). */
  url?: string;
  /** An archived copy the article links (`archive-url`, a Wayback link in the note). */
  archiveUrl?: string;
  /** `url-status` of a CS1 citation (`live`, `dead`, `usurped`, `unfit`) when the article says. */
  urlStatus?: string;
  /** The passage the article's author quoted from the source (CS1 `quote`); counts as a given phrase. */
  quote?: string;
  /** The marker as readers see it when it is not just the number (`a`, `note 1`, a Markdown label). */
  label?: string;
  line: number;
  raw: string;
}

export type FindingKind =
  | 'uses-mismatch' // back-link count in the list differs from the markers found in the body
  | 'marker-without-reference' // a footnote number the reference list does not have
  | 'reference-never-cited' // a reference no marker points to
  | 'reference-without-url' // references.json has no URL for a cited reference
  | 'metadata-mismatch' // superseded by date-mismatch and title-mismatch: no longer emitted, still read
  | 'date-mismatch' // the cited date (reference list, else references.json) is not the page's datePublished
  | 'title-mismatch' // the cited title shares too few words with the page's own title
  | 'deprecated-archive' // archive URL on a deprecated service (archive.today)
  | 'archive-unavailable' // the archive lookup failed (rate-limited, unreachable): try again later
  | 'offline' // name resolution failed for every host: nothing could be reached
  | 'stale-review' // a reviewer's decision whose claim is no longer in the article
  | 'credentials-in-url' // a cited URL carried user:password (removed from every output, not sent)
  | 'no-claims'; // the article yielded no claim at all (only a reference list, no markers): nothing was verified

/** Every finding kind, in the order report.json's schema lists them (each has a CI rule in report/finding-rules.ts). */
export const FINDING_KINDS = ['uses-mismatch', 'marker-without-reference', 'reference-never-cited', 'reference-without-url',
  'metadata-mismatch', 'date-mismatch', 'title-mismatch', 'deprecated-archive', 'archive-unavailable', 'offline', 'no-claims',
  'credentials-in-url', 'stale-review'] as const satisfies readonly FindingKind[];

export interface Finding {
  kind: FindingKind;
  message: string;
  ref?: number;
  line?: number;
  /** date-mismatch, title-mismatch: what the article cites, and what the page itself says. */
  cited?: string;
  page?: string;
  /** date-mismatch: days between the two (1 may be a time-zone difference). */
  days?: number;
}

/** The article formats citecheck reads (`--input-format`). */
export type InputFormat = 'txt' | 'wiki-html' | 'wikitext' | 'markdown' | 'html';

export const INPUT_FORMATS = ['txt', 'wiki-html', 'wikitext', 'markdown', 'html'] as const satisfies readonly InputFormat[];

/** Where an article fetched by URL came from (a wiki page through the MediaWiki REST API). */
export interface ArticleOrigin {
  url: string;
  /** The page title after following title redirects. */
  title?: string;
  revision?: number;
}

export interface Article {
  /** Path as given by the user (for reports and annotations). */
  path: string;
  /** The reader that parsed it; absent means `txt` (the browser-copied text). */
  format?: InputFormat;
  /** Set when the article was fetched rather than read from a file. */
  origin?: ArticleOrigin;
  title: string;
  claims: Claim[];
  uncited: UncitedSentence[];
  references: ListedReference[];
  findings: Finding[];
}

// ── Sources ─────────────────────────────────────────────────────────────────────────────────────

export type LinkStatus =
  | 'ok'
  | 'redirected'
  | 'dead'
  | 'soft-404'
  | 'blocked'
  | 'paywalled'
  | 'timeout'
  | 'error'
  | 'invalid-url'
  | 'no-url'
  | 'private-address';

export const LINK_STATUSES = [
  'ok', 'redirected', 'dead', 'soft-404', 'blocked', 'paywalled', 'timeout', 'error',
  'invalid-url', 'no-url', 'private-address',
] as const satisfies readonly LinkStatus[];

export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

/**
 * Why a body is incomplete: `max-size` — we stopped reading at the cap (our choice; the page is
 * judged on what was read); `connection-closed` — the server closed before sending the
 * Content-Length it announced (the rest of the page never arrived: an access problem).
 */
export type Truncation = 'max-size' | 'connection-closed';

export const TRUNCATIONS = ['max-size', 'connection-closed'] as const satisfies readonly Truncation[];

/** How one fetch of a URL ended. `kind: 'response'` means bytes came back (any status). */
export type FetchOutcome =
  | {
      kind: 'response';
      status: number;
      headers: Record<string, string>;
      body: Uint8Array;
      /** The body is incomplete: it hit the byte cap (decoded bytes) and was cut, or the server closed before sending all of its Content-Length. */
      truncated: boolean;
      /** Why it is incomplete, when `truncated`. */
      truncation?: Truncation;
    }
  | {
      kind: 'failure';
      /** What went wrong at the transport level. */
      failure: 'timeout' | 'dns' | 'refused' | 'reset' | 'tls' | 'redirect-loop' | 'too-many-redirects'
        | 'private-address' | 'invalid-url' | 'decompression' | 'other';
      message: string;
      /** System error code when there is one (ENOTFOUND, ECONNREFUSED, …). */
      code?: string;
    };

/** Everything the network stage learnt about one URL. */
export interface SourceFetch {
  url: string;
  finalUrl: string;
  redirects: RedirectHop[];
  outcome: FetchOutcome;
  /** Requests actually sent for this URL, retries and redirects included. */
  attempts: number;
  elapsedMs: number;
}

// ── Pages ───────────────────────────────────────────────────────────────────────────────────────

/** Where a piece of page text came from. `main` is strong evidence; `page` may be boilerplate. */
export type TextLayer = 'main' | 'jsonld' | 'meta' | 'page' | 'pdf' | 'text';

export interface PageSignals {
  /** Vendor name when a bot challenge was recognised (`cloudflare`, `aws-waf`, `datadome`, …). */
  botWall?: string;
  /** Why the page looks paywalled (`jsonld isAccessibleForFree=false`, `piano markup`, …). */
  paywall?: string;
  /** Why the page looks like a not-found page despite a 2xx. */
  notFound?: string;
  /** Why no text could be read from the body (PDF extraction failed, binary type, empty body). */
  unreadable?: string;
  /** Where a `<meta http-equiv="refresh">` with a short delay sends the reader (absolute URL). */
  refreshTo?: string;
  /** Why the page looks like a home page or section index (a list of teasers), not one article. */
  indexPage?: string;
}

export interface Page {
  contentType: string;
  charset: string;
  title?: string;
  language?: string;
  canonicalUrl?: string;
  publishedDate?: string;
  /** Text layers in order of trust; each is plain text with block breaks as `\n`. */
  layers: { layer: TextLayer; text: string }[];
  signals: PageSignals;
}

// ── Judgement ───────────────────────────────────────────────────────────────────────────────────

export type Verdict = 'supported' | 'partial' | 'unsupported' | 'unverifiable' | 'broken' | 'missing';

export const VERDICTS = [
  'supported', 'partial', 'unsupported', 'unverifiable', 'broken', 'missing',
] as const satisfies readonly Verdict[];

export type PhraseKind = 'quote' | 'number' | 'date' | 'name' | 'word' | 'given';

export interface KeyPhrase {
  kind: PhraseKind;
  /** As written in the claim (or in references.json for `given`). */
  text: string;
  weight: number;
}

export interface Evidence {
  /** The passage, quoted exactly as the source wrote it. */
  snippet: string;
  layer: TextLayer;
  /** True when the match stands only in boilerplate (the `page` layer outside the main text). */
  weak: boolean;
  /** Text Fragment link to the passage: `url#:~:text=...`. */
  fragmentUrl?: string;
}

export interface Citation {
  ref: number;
  verdict: Verdict;
  score: number;
  linkStatus: LinkStatus;
  matched: string[];
  missing: string[];
  evidence?: Evidence;
  reason: string;
  /** The same claim checked against an archived copy (`--archive`, or `archiveUrl` in references.json). */
  archive?: ArchiveCheck;
  /** A reviewer's decision on this citation (citecheck.reviews.json), current or stale. */
  review?: CitationReview;
}

/**
 * A reviewer's decision as the report shows it. `reviewed`: the source, link and claim are as the
 * reviewer saw them, so the citation carries the reviewer's verdict and never fails the run.
 * `stale`: something changed since, so the citation carries citecheck's own verdict again.
 */
export interface CitationReview {
  status: 'reviewed' | 'stale';
  /** The reviewer's verdict. */
  verdict: Verdict;
  /** citecheck's own verdict in this run. */
  toolVerdict: Verdict;
  note: string;
  reviewer: string;
  reviewedAt: string;
  /** Why a stale review no longer holds (`the source changed`, `the link is now dead`). */
  staleReason?: string;
}

/** What an archived copy of a source says about one claim. */
export interface ArchiveCheck {
  url: string;
  /** ISO date of the capture, when known (Wayback timestamps). */
  capturedAt?: string;
  linkStatus: LinkStatus;
  verdict: Verdict;
  score: number;
  evidence?: Evidence;
  reason: string;
}

export interface SourceReport {
  ref: number;
  url?: string;
  finalUrl?: string;
  redirects: RedirectHop[];
  httpStatus?: number;
  linkStatus: LinkStatus;
  contentType?: string;
  language?: string;
  title?: string;
  publishedDate?: string;
  archiveUrl?: string;
  /** sha256 of the normalised main text (what reviews and drift checks compare). */
  fingerprint?: string;
  /** The body was incomplete, and why (the reason says how much arrived). */
  truncated?: Truncation;
  reason: string;
}
