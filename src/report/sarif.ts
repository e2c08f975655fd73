// report.sarif: SARIF 2.1.0 for GitHub code scanning — one result per problem citation, at the claim.
import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { FINDING_KINDS, type Citation, type Finding, type Verdict } from '../types.js';
import { sourceFor } from './build.js';
import { FINDING_RULES, findingLevel, findingTitle } from './finding-rules.js';
import { reviewLine } from './review-text.js';
import { oneLine } from './escape.js';
import { jsonChunks } from './json-chunks.js';
import { articleViews, type AnyReport, type ClaimReport, type Report } from './schema.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/citecheck';

type ProblemVerdict = Exclude<Verdict, 'supported'>;
type Level = 'error' | 'warning' | 'note';

const RULES = {
  broken: { id: 'dead-link', level: 'warning', name: 'DeadLink',
    short: 'The cited source is gone (dead, soft-404 or an invalid URL).' },
  unsupported: { id: 'claim-not-supported', level: 'warning', name: 'ClaimNotSupported',
    short: 'The source was read but does not contain the claim\'s key phrases.' },
  partial: { id: 'claim-partial', level: 'note', name: 'ClaimPartlySupported',
    short: 'The source contains only some of the claim\'s key phrases.' },
  missing: { id: 'missing-source', level: 'warning', name: 'MissingSource',
    short: 'The footnote has no reference or the reference has no URL.' },
  unverifiable: { id: 'unverifiable-source', level: 'note', name: 'UnverifiableSource',
    short: 'The source could not be read (blocked, paywalled, timeout, error).' },
} as const satisfies Record<ProblemVerdict, { id: string; level: Level; name: string; short: string }>;

const PROBLEMS = ['broken', 'unsupported', 'partial', 'missing', 'unverifiable'] as const satisfies readonly ProblemVerdict[];
const isProblem = (v: Verdict): v is ProblemVerdict => v !== 'supported';

/** The article path as GitHub names files: forward slashes, no leading './'. */
export function repoPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/**
 * SARIF wants a URI: a relative path (what code scanning maps onto the repository) with each segment
 * percent-encoded; an absolute path can only become a file:// URI, which code scanning will not place.
 */
export function artifactUri(path: string): string {
  const p = repoPath(path);
  const drive = /^[A-Za-z]:\//.exec(p)?.[0] ?? '';
  const encoded = p.slice(drive.length).split('/').map(encodeURIComponent).join('/');
  return drive || p.startsWith('/') ? `file://${drive ? `/${drive}` : ''}${encoded}` : encoded;
}

/** Stable across runs and line moves, so code scanning keeps one alert per claim × source. */
export function fingerprint(ruleId: string, claim: ClaimReport, c: Citation, url: string): string {
  const key = [ruleId, oneLine(claim.text).toLowerCase(), String(c.ref), url].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

export function renderSarif(r: AnyReport, failOn: readonly Verdict[]): string {
  return [...sarifChunks(r, failOn)].join('');
}

/** report.sarif as pieces, one result at a time, exactly as JSON.stringify with two-space indents writes the log. */
export function* sarifChunks(r: AnyReport, failOn: readonly Verdict[]): Generator<string> {
  const fail = new Set(failOn);
  const rules: ReportingDescriptor[] = PROBLEMS.map((v) => ({
    id: RULES[v].id,
    name: RULES[v].name,
    shortDescription: { text: RULES[v].short },
    fullDescription: { text: `${RULES[v].short} citecheck verdict: ${v}.` },
    helpUri: INFORMATION_URI,
    help: { text: `citecheck gives the verdict "${v}" to this citation. ${RULES[v].short}` },
    defaultConfiguration: { level: fail.has(v) ? 'error' : RULES[v].level },
    properties: { tags: ['citations', v] },
  }));
  // Findings follow the verdict rules: the rule id is the finding's kind, as report.json names it.
  rules.push(...FINDING_KINDS.map((kind) => ({
    id: kind,
    name: FINDING_RULES[kind].name,
    shortDescription: { text: FINDING_RULES[kind].short },
    helpUri: INFORMATION_URI,
    defaultConfiguration: { level: FINDING_RULES[kind].level },
    properties: { tags: ['citations', 'finding'] },
  })));
  const results: Result[] = [];
  for (const view of articleViews(r)) {
    for (const claim of view.claims) {
      for (const c of claim.citations) {
        // A reviewed citation stays a result (code scanning keeps its history) but suppressed.
        const verdict = c.review?.status === 'reviewed' ? c.review.toolVerdict : c.verdict;
        const decided = c.review?.status === 'reviewed';
        if (isProblem(verdict)) results.push(toResult(view, claim, c, verdict, !decided && fail.has(verdict)));
      }
    }
    for (const f of view.findings) results.push(findingResult(view, f, fail));
  }
  const log: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'citecheck', version: r.tool.version, semanticVersion: semver(r.tool.version), informationUri: INFORMATION_URI, rules } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: true, startTimeUtc: r.run.startedAt }],
      results,
    }],
  };
  yield* jsonChunks(log);
  yield '\n';
}

function toResult(r: Report, claim: ClaimReport, c: Citation, verdict: ProblemVerdict, failing: boolean): Result {
  const rule = RULES[verdict];
  const url = sourceFor(r, c.ref)?.url ?? '';
  const text = `${verdict}: "${oneLine(claim.text, 120)}" [${c.ref}] ${url ? `— ${oneLine(url)}` : '(no URL)'}`
    + ` (${c.linkStatus}): ${oneLine(c.reason, 300)}`;
  return {
    ruleId: rule.id,
    ruleIndex: PROBLEMS.indexOf(verdict),
    level: failing ? 'error' : rule.level,
    message: { text },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: artifactUri(r.article.path) },
        region: { startLine: Math.max(1, claim.line), startColumn: Math.max(1, claim.column) },
      },
    }],
    partialFingerprints: { 'citecheck/v1': fingerprint(rule.id, claim, c, url) },
    properties: { claim: claim.id, ref: c.ref, verdict: c.verdict, linkStatus: c.linkStatus, score: c.score },
    ...(c.review?.status === 'reviewed'
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: reviewLine(c.review) }] }
      : {}),
  };
}

/** A finding at its line (the reference list's row, the marker's line), else the article's first line. */
function findingResult(r: Report, f: Finding, fail: ReadonlySet<Verdict>): Result {
  // Stable while the finding stands: one alert per kind and reference in a file.
  const key = [f.kind, String(f.ref ?? '')];
  return {
    ruleId: f.kind,
    ruleIndex: PROBLEMS.length + FINDING_KINDS.indexOf(f.kind),
    level: findingLevel(f, fail),
    message: { text: `${findingTitle(f)}: ${oneLine(f.message, 400)}` },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: artifactUri(r.article.path) },
        region: { startLine: Math.max(1, f.line ?? 1) },
      },
    }],
    partialFingerprints: { 'citecheck/v1': createHash('sha256').update(key.join('\u0000')).digest('hex').slice(0, 32) },
    properties: {
      kind: f.kind,
      ...(f.ref === undefined ? {} : { ref: f.ref }),
      ...(f.cited === undefined ? {} : { cited: f.cited }),
      ...(f.page === undefined ? {} : { page: f.page }),
      ...(f.days === undefined ? {} : { days: f.days }),
    },
  };
}

/** Only a real semver goes in semanticVersion (the schema allows any string, consumers do not). */
function semver(v: string): string | undefined {
  return /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(v) ? v : undefined;
}
