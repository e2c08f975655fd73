// junit.xml: one testsuite per article, one testcase per citation, and a suite of the article's findings.
import type { Citation, Verdict } from '../types.js';
import { failsRun, sourceFor } from './build.js';
import { findingFails, findingTitle } from './finding-rules.js';
import { reviewLine } from './review-text.js';
import { escapeXml as x, oneLine } from './escape.js';
import { articleViews, type AnyReport, type ClaimReport, type Report } from './schema.js';

/** `c3 [2] First sixty characters of the claim…` — unique per citation and readable in a CI list. */
export function testcaseName(claim: ClaimReport, c: Citation): string {
  return `${claim.id} [${c.ref}] ${oneLine(claim.text, 60)}`;
}

interface Suite { xml: string; tests: number; failures: number; skipped: number }

export function renderJunit(r: AnyReport, failOn: readonly Verdict[]): string {
  const suites = articleViews(r).flatMap((view) => [renderSuite(view, new Set(failOn)), ...findingsSuite(view, new Set(failOn))]);
  const sum = (k: 'tests' | 'failures' | 'skipped') => suites.reduce((n, s) => n + s[k], 0);
  const counts = `tests="${sum('tests')}" failures="${sum('failures')}" errors="0" skipped="${sum('skipped')}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="citecheck" ${counts} time="${(r.run.durationMs / 1000).toFixed(3)}">
${suites.map((s) => s.xml).join('\n')}
</testsuites>
`;
}

/** One article's testsuite: a testcase per citation, named by the article's own file and the claim's line. */
function renderSuite(r: Report, fail: ReadonlySet<Verdict>): Suite {
  let failures = 0;
  let skipped = 0;
  const cases: string[] = [];
  for (const claim of r.claims) {
    for (const c of claim.citations) {
      const url = sourceFor(r, c.ref)?.url ?? '(no URL)';
      const message = `${c.verdict} (${c.linkStatus}): ${oneLine(c.reason, 300)} — ${oneLine(url)}`;
      const body = [
        `claim ${claim.id}, line ${claim.line}, column ${claim.column}, footnote [${c.ref}]`,
        `verdict: ${c.verdict}; link: ${c.linkStatus}; score: ${c.score.toFixed(2)}`,
        `url: ${url}`, `reason: ${c.reason}`,
        ...(c.missing.length ? [`not found: ${c.missing.join(' | ')}`] : []),
        ...(c.evidence ? [`evidence: ${c.evidence.snippet}`] : []),
        ...(c.archive ? [`archived copy: ${c.archive.url} — ${c.archive.verdict} (${c.archive.linkStatus}): ${c.archive.reason}`] : []),
        ...(c.review ? [reviewLine(c.review)] : []),
      ].join('\n');
      let inner = '';
      if (c.review?.status === 'reviewed') {
        inner = `\n      <system-out>${x(reviewLine(c.review))}</system-out>\n    `;
      } else if (failsRun(c, fail)) {
        failures += 1;
        inner = `\n      <failure type="${c.verdict}" message="${x(message)}">${x(body)}</failure>\n    `;
      } else if (c.verdict === 'unverifiable') {
        skipped += 1;
        inner = `\n      <skipped message="${x(message)}"/>\n    `;
      }
      cases.push(`    <testcase name="${x(testcaseName(claim, c))}" classname="${x(r.article.path)}" file="${x(r.article.path)}" line="${claim.line}">${inner}</testcase>`);
    }
  }
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}"`;
  const xml = `  <testsuite name="${x(r.article.path)}" ${counts} time="${(r.run.durationMs / 1000).toFixed(3)}" timestamp="${x(r.run.startedAt)}">
    <properties>
      <property name="citecheck.version" value="${x(r.tool.version)}"/>
      <property name="article.title" value="${x(r.article.title)}"/>
    </properties>
${cases.join('\n')}
  </testsuite>`;
  return { xml, tests: cases.length, failures, skipped };
}

/**
 * The article's findings as testcases of their own suite: the one that fails the run (no-claims) is a
 * failure, the others pass with their message as output, so viewers list them without turning red.
 */
function findingsSuite(r: Report, fail: ReadonlySet<Verdict>): Suite[] {
  if (r.findings.length === 0) return [];
  let failures = 0;
  const name = `${r.article.path} findings`;
  const cases = r.findings.map((f) => {
    const where = f.line === undefined ? '' : ` line="${f.line}"`;
    const text = oneLine(f.message, 400);
    let inner = `\n      <system-out>${x(text)}</system-out>\n    `;
    if (findingFails(f, fail)) {
      failures += 1;
      inner = `\n      <failure type="${x(f.kind)}" message="${x(text)}">${x(f.message)}</failure>\n    `;
    }
    return `    <testcase name="${x(findingTitle(f))}" classname="${x(name)}" file="${x(r.article.path)}"${where}>${inner}</testcase>`;
  });
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="0"`;
  const xml = `  <testsuite name="${x(name)}" ${counts} time="0.000" timestamp="${x(r.run.startedAt)}">
${cases.join('\n')}
  </testsuite>`;
  return [{ xml, tests: cases.length, failures, skipped: 0 }];
}
