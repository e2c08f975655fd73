// How each finding kind shows in the CI formats: its SARIF rule, its level, and whether it fails the run.
import type { Finding, FindingKind, Verdict } from '../types.js';

export type FindingLevel = 'error' | 'warning' | 'note';

interface FindingRule { name: string; level: Exclude<FindingLevel, 'error'>; short: string }

/** Every kind report.json may carry (metadata-mismatch only in reports of older versions). */
export const FINDING_RULES = {
  'uses-mismatch': { name: 'UsesMismatch', level: 'note',
    short: 'The reference list\'s back-link count differs from the footnote markers in the body.' },
  'marker-without-reference': { name: 'MarkerWithoutReference', level: 'warning',
    short: 'A footnote marker has no entry in the reference list.' },
  'reference-never-cited': { name: 'ReferenceNeverCited', level: 'note',
    short: 'A reference no footnote marker cites.' },
  'reference-without-url': { name: 'ReferenceWithoutUrl', level: 'warning',
    short: 'A cited reference has no URL, so it cannot be checked.' },
  'metadata-mismatch': { name: 'MetadataMismatch', level: 'note',
    short: 'The cited metadata differs from the page\'s own (older reports).' },
  'date-mismatch': { name: 'DateMismatch', level: 'warning',
    short: 'The date the article cites is not the page\'s own publication date.' },
  'title-mismatch': { name: 'TitleMismatch', level: 'warning',
    short: 'The title the article cites shares too few words with the page\'s own title.' },
  'deprecated-archive': { name: 'DeprecatedArchive', level: 'warning',
    short: 'The archive copy is on a deprecated service; replace it with a Wayback copy.' },
  'archive-unavailable': { name: 'ArchiveUnavailable', level: 'note',
    short: 'The archive lookup failed; run again later.' },
  'offline': { name: 'Offline', level: 'warning',
    short: 'Name resolution failed for every host: nothing could be reached.' },
  'stale-review': { name: 'StaleReview', level: 'note',
    short: 'A reviewer\'s decision whose claim is no longer in the article.' },
  'credentials-in-url': { name: 'CredentialsInUrl', level: 'warning',
    short: 'A cited URL carried a user name or password (removed from every output, not sent).' },
  'no-claims': { name: 'NoClaims', level: 'warning',
    short: 'The article yielded no claim: nothing was verified.' },
} as const satisfies Record<FindingKind, FindingRule>;

/** Only `no-claims` fails a run (unless `--fail-on none`), as exitCodeFor decides. */
export function findingFails(f: Finding, failOn: ReadonlySet<Verdict>): boolean {
  return f.kind === 'no-claims' && failOn.size > 0;
}

export function findingLevel(f: Finding, failOn: ReadonlySet<Verdict>): FindingLevel {
  return findingFails(f, failOn) ? 'error' : FINDING_RULES[f.kind].level;
}

/** `date-mismatch [2]`: what a CI list shows for a finding. */
export function findingTitle(f: Finding): string {
  return `${f.kind}${f.ref === undefined ? '' : ` [${f.ref}]`}`;
}
