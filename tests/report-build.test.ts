import { describe, expect, it } from 'vitest';
import { buildReport, exitCodeFor, type BuildInput } from '../src/report/build.js';
import { ReportSchema } from '../src/report/schema.js';
import type { Article, Citation, Claim, LinkStatus, SourceReport, Verdict } from '../src/types.js';

const claim = (n: number, line: number, refs: number[], column = 1): Claim =>
  ({ id: `c${n}`, text: `Claim number ${n}.`, refs, section: n > 2 ? 'History' : '', line, column });
const cite = (ref: number, verdict: Verdict, linkStatus: LinkStatus = 'ok'): Citation =>
  ({ ref, verdict, score: verdict === 'supported' ? 0.9 : 0, linkStatus, matched: [], missing: [], reason: 'test' });
const source = (ref: number, linkStatus: LinkStatus): SourceReport =>
  ({ ref, url: `https://example.org/${ref}`, redirects: [], linkStatus, reason: 'test' });

const article: Article = {
  path: 'articles/a.md', title: 'A', claims: [], references: [], findings: [],
  uncited: [
    { text: 'Later.', section: '', line: 9, column: 1 },
    { text: 'Earlier.', section: '', line: 2, column: 5 },
  ],
};

function input(over: Partial<BuildInput> = {}): BuildInput {
  return {
    article,
    // Deliberately out of reading order: the report must sort them.
    claims: [
      { claim: claim(3, 7, [3, 4]), citations: [cite(3, 'broken', 'dead'), cite(4, 'partial')], verdict: 'partial' },
      { claim: claim(1, 1, [1]), citations: [cite(1, 'supported')], verdict: 'supported' },
      { claim: claim(2, 1, [2], 40), citations: [cite(2, 'unverifiable', 'blocked')], verdict: 'unverifiable' },
      { claim: claim(4, 8, [1, 5]), citations: [cite(1, 'supported'), cite(5, 'missing', 'no-url')], verdict: 'supported' },
    ],
    sources: [source(5, 'no-url'), source(3, 'dead'), source(1, 'ok'), source(4, 'ok'), source(2, 'blocked')],
    findings: [
      { kind: 'reference-never-cited', message: 'reference 9 is never cited', ref: 9 },
      { kind: 'uses-mismatch', message: 'uses differ', ref: 1, line: 30 },
      { kind: 'marker-without-reference', message: 'no [7]', line: 4 },
    ],
    toolVersion: '9.9.9',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 12,
    failOn: ['broken', 'missing'],
    offline: false,
    ...over,
  };
}

describe('buildReport', () => {
  const r = buildReport(input());

  it('produces a report the schema accepts', () => {
    expect(ReportSchema.safeParse(r).success).toBe(true);
    expect(r.tool).toEqual({ name: 'citecheck', version: '9.9.9' });
    expect(r.run).toEqual({ startedAt: '2026-01-01T00:00:00.000Z', durationMs: 12, failOn: ['broken', 'missing'] });
  });

  it('orders claims by line then column, sources by ref, uncited by line, findings by line then ref', () => {
    expect(r.claims.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(r.sources.map((s) => s.ref)).toEqual([1, 2, 3, 4, 5]);
    expect(r.uncited.map((u) => u.text)).toEqual(['Earlier.', 'Later.']);
    expect(r.findings.map((f) => f.kind)).toEqual(['marker-without-reference', 'uses-mismatch', 'reference-never-cited']);
  });

  it('keeps citations in the order the footnotes were written', () => {
    expect(r.claims[2]?.citations.map((c) => c.ref)).toEqual([3, 4]);
  });

  it('counts verdicts per citation and link statuses per source', () => {
    expect(r.summary.claims).toBe(4);
    expect(r.summary.citations).toBe(6);
    expect(r.summary.uncited).toBe(2);
    expect(r.summary.byVerdict).toEqual({ supported: 2, partial: 1, unsupported: 0, unverifiable: 1, broken: 1, missing: 1 });
    expect(r.summary.byLinkStatus).toMatchObject({ ok: 2, dead: 1, blocked: 1, 'no-url': 1, redirected: 0 });
    expect(Object.values(r.summary.byLinkStatus).reduce((a, b) => a + b, 0)).toBe(5); // one per SOURCE, not per citation
  });

  it('computes precision (supporting / citations) and coverage (covered / cited claims)', () => {
    expect(r.summary.citationPrecision).toBe(0.5); // 2 supported + 1 partial of 6
    expect(r.summary.claimCoverage).toBe(0.75); // c1, c3, c4 of 4
  });

  it('gives 0 (not NaN) for both ratios when nothing is cited', () => {
    const empty = buildReport(input({ claims: [], sources: [] }));
    expect(empty.summary).toMatchObject({ claims: 0, citations: 0, citationPrecision: 0, claimCoverage: 0 });
    expect(ReportSchema.safeParse(empty).success).toBe(true);
  });

  it('ignores claims without citations in coverage', () => {
    const withBare = input();
    withBare.claims.push({ claim: claim(5, 20, []), citations: [], verdict: 'missing' });
    expect(buildReport(withBare).summary.claimCoverage).toBe(0.75);
  });

  it('carries the offline flag and does not mutate its input', () => {
    const i = input({ offline: true });
    const before = JSON.stringify(i);
    expect(buildReport(i).summary.offline).toBe(true);
    expect(JSON.stringify(i)).toBe(before);
  });

  it('is deterministic: the same input gives the same JSON', () => {
    expect(JSON.stringify(buildReport(input()))).toBe(JSON.stringify(buildReport(input())));
  });
});

describe('exitCodeFor', () => {
  const r = buildReport(input());
  it.each<[Verdict[], 0 | 1]>([
    [[], 0],
    [['broken'], 1],
    [['missing'], 1],
    [['unsupported'], 0],
    [['unsupported', 'unverifiable'], 1],
    [['supported'], 1],
  ])('failOn %j → %i', (failOn, code) => {
    expect(exitCodeFor(r, failOn)).toBe(code);
  });
});
