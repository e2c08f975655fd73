// Reviewers' decisions applied to a report: current ones decide and never fail the run, stale ones say why.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exitCodeFor } from '../src/report/build.js';
import { githubAnnotations } from '../src/report/github.js';
import { renderHtml } from '../src/report/html.js';
import { renderJunit } from '../src/report/junit.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { renderSarif } from '../src/report/sarif.js';
import { ReportSchema, type Report } from '../src/report/schema.js';
import { applyReviews } from '../src/review/apply.js';
import { upsertReview, parseReviews } from '../src/review/file.js';
import type { Review } from '../src/review/schema.js';
import type { Verdict } from '../src/types.js';
import { sampleReport } from './fixtures/report/sample.js';

const failOn: Verdict[] = ['broken', 'unsupported', 'missing'];
// c4 [5] is `unsupported` on an `ok` page in the sample; give its source a fingerprint as verify does.
const report: Report = {
  ...sampleReport,
  sources: sampleReport.sources.map((s) => (s.ref === 5 ? { ...s, fingerprint: 'sha256:aaaa' } : s)),
};
const source5 = report.sources.find((s) => s.ref === 5);

function review(over: Partial<Review> = {}): Review {
  return {
    article: 'tunguska.md', claim: 'c4', ref: 5, verdict: 'supported', note: 'says it in other words, para 4',
    reviewer: 'ana', reviewedAt: '2026-05-02T10:00:00.000Z', toolVerdict: 'unsupported',
    linkStatus: source5?.linkStatus ?? 'ok', fingerprint: 'sha256:aaaa',
    ...(source5?.url ? { url: source5.url } : {}), ...over,
  };
}

const citationOf = (r: Report, claim: string, ref: number) =>
  r.claims.find((c) => c.id === claim)?.citations.find((c) => c.ref === ref);

describe('applyReviews', () => {
  it('a current decision carries the reviewer\'s verdict, keeps citecheck\'s, and no longer fails the run', () => {
    const onlyC4 = { ...report, claims: report.claims.filter((c) => c.id === 'c4') };
    expect(exitCodeFor(onlyC4, failOn)).toBe(1);
    const { report: out } = applyReviews(onlyC4, [review()]);
    const c = citationOf(out, 'c4', 5);
    expect(c?.verdict).toBe('supported');
    expect(c?.review).toMatchObject({ status: 'reviewed', verdict: 'supported', toolVerdict: 'unsupported', reviewer: 'ana' });
    expect(out.claims[0]?.verdict).toBe('supported');
    expect(out.summary.byVerdict.supported).toBe(1);
    expect(out.summary.reviews).toEqual({ reviewed: 1, stale: 0, unreviewed: 0 });
    expect(exitCodeFor(out, failOn)).toBe(0);
    expect(() => ReportSchema.parse(out)).not.toThrow();
  });

  it('a decision for a failing verdict ("known dead") still does not fail the run', () => {
    // Without the sample's findings, whose annotations are notices and warnings of their own.
    const onlyC3 = { ...report, claims: report.claims.filter((c) => c.id === 'c3'), findings: [] };
    const dead = report.sources.find((s) => s.ref === 4);
    const { report: out } = applyReviews(onlyC3, [review({
      claim: 'c3', ref: 4, verdict: 'broken', note: 'known dead, archive linked', linkStatus: 'dead', fingerprint: undefined,
      ...(dead?.url ? { url: dead.url } : {}),
    })]);
    expect(citationOf(out, 'c3', 4)).toMatchObject({ verdict: 'broken', review: { status: 'reviewed' } });
    expect(exitCodeFor(out, failOn)).toBe(0);
    expect(githubAnnotations(out, failOn)).toEqual([]);
  });

  it.each([
    ['the source changed', { fingerprint: 'sha256:bbbb' }, /the source changed/],
    ['the link broke', { linkStatus: 'paywalled' as const }, /link status changed from paywalled to ok|link/],
    ['the footnote points elsewhere', { url: 'https://elsewhere.example/x' }, /now points to/],
  ])('is stale when %s: citecheck\'s own verdict returns', (_name, over, why) => {
    const { report: out } = applyReviews(report, [review(over)]);
    const c = citationOf(out, 'c4', 5);
    expect(c?.verdict).toBe('unsupported');
    expect(c?.review?.status).toBe('stale');
    expect(c?.review?.staleReason).toMatch(why);
    expect(out.summary.reviews?.stale).toBe(1);
    expect(exitCodeFor(out, failOn)).toBe(1);
  });

  it('a readable page that is now dead makes the decision stale with "the link is now dead"', () => {
    const deadReport: Report = {
      ...report,
      claims: report.claims.map((c) => (c.id === 'c4' ? { ...c, citations: c.citations.map((x) => ({ ...x, linkStatus: 'dead' as const, verdict: 'broken' as const })) } : c)),
    };
    const c = citationOf(applyReviews(deadReport, [review()]).report, 'c4', 5);
    expect(c?.review?.staleReason).toBe('the link is now dead');
    expect(c?.verdict).toBe('broken');
  });

  it('a decision whose claim is gone (its text changed) is a stale-review finding', () => {
    const { report: out, orphans } = applyReviews(report, [review({ claim: 'c999' })]);
    expect(orphans).toHaveLength(1);
    expect(out.findings.filter((f) => f.kind === 'stale-review')).toHaveLength(1);
    expect(out.summary.reviews?.stale).toBe(1);
    expect(citationOf(out, 'c4', 5)?.verdict).toBe('unsupported');
  });

  it('counts unreviewed problems: every citation that is not supported and has no current decision', () => {
    const { report: out } = applyReviews(report, []);
    const notSupported = report.claims.flatMap((c) => c.citations).filter((c) => c.verdict !== 'supported').length;
    expect(out.summary.reviews).toEqual({ reviewed: 0, stale: 0, unreviewed: notSupported });
  });
});

describe('reviewed citations in every format', () => {
  const { report: out } = applyReviews(report, [review()]);

  it('SARIF: the result stays, suppressed with the note as justification, and still validates', () => {
    const require = createRequire(import.meta.url);
    const schema = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(
      require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormatsModule.default(ajv);
    const sarif: unknown = JSON.parse(renderSarif(out, failOn));
    const validate = ajv.compile(schema);
    expect(validate(sarif), ajv.errorsText(validate.errors)).toBe(true);
    const results = z.object({ runs: z.array(z.object({ results: z.array(z.object({
      level: z.string(), properties: z.object({ claim: z.string().optional() }),
      suppressions: z.array(z.object({ kind: z.string(), status: z.string(), justification: z.string() })).optional(),
    })) })) }).parse(sarif).runs[0]?.results ?? [];
    const c4 = results.find((x) => x.properties.claim === 'c4');
    expect(c4?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: expect.stringMatching(/reviewed supported by ana on 2026-05-02.*other words/) }]);
    expect(c4?.level).not.toBe('error');
    expect(results.filter((x) => x.suppressions).length).toBe(1);
  });

  it('JUnit: passed, with the note in system-out', () => {
    const xml: unknown = new XMLParser({ ignoreAttributes: false }).parse(renderJunit(out, failOn));
    // The article's suite first, then its findings' suite.
    const [suite] = z.object({ testsuites: z.object({ testsuite: z.array(z.object({ testcase: z.array(z.record(z.string(), z.unknown())) })) }) })
      .parse(xml).testsuites.testsuite;
    const cases = suite?.testcase ?? [];
    const c4 = cases.find((c) => String(c['@_name']).startsWith('c4 [5]'));
    expect(c4?.failure).toBeUndefined();
    expect(String(c4?.['system-out'])).toMatch(/reviewed supported by ana/);
    const failures = renderJunit(out, failOn).match(/<failure /g)?.length ?? 0;
    expect(failures).toBe((renderJunit(report, failOn).match(/<failure /g)?.length ?? 0) - 1);
  });

  it('HTML shows a reviewed badge and the escaped note; Markdown says Reviewed', () => {
    const hostile = applyReviews(report, [review({ note: '<img src=x onerror=alert(1)>' })]).report;
    const html = renderHtml(hostile);
    expect(html).toContain('<span class="badge review">reviewed</span>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
    expect(renderMarkdown(out)).toMatch(/`supported` \(reviewed\)/);
    const stale = applyReviews(report, [review({ fingerprint: 'sha256:other' })]).report;
    expect(renderHtml(stale)).toContain('stale review');
    expect(renderMarkdown(stale)).toMatch(/\*\*Stale review\*\*: review from 2026-05-02 is stale: the source changed/);
  });
});

describe('citecheck.reviews.json', () => {
  it('names the bad field of a malformed file', () => {
    expect(() => parseReviews(JSON.stringify({ reviews: [{ ...review(), verdict: 'great' }] }), 'r.json')).toThrow(/reviews\[0\]\.verdict/);
    expect(() => parseReviews(JSON.stringify({ reviews: [{ ...review(), colour: 1 }] }), 'r.json')).toThrow(/colour/);
    expect(() => parseReviews('{"reviews": [', 'r.json')).toThrow(/invalid JSON/);
  });

  it('one decision per article × claim × footnote: a new one replaces the old', () => {
    const once = upsertReview({ reviews: [] }, review());
    const twice = upsertReview(once, review({ verdict: 'partial', note: 'second look' }));
    expect(twice.reviews).toHaveLength(1);
    expect(twice.reviews[0]?.verdict).toBe('partial');
    expect(() => parseReviews(JSON.stringify({ reviews: [review(), review()] }), 'r.json')).toThrow(/second decision/);
  });
});
