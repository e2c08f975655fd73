// GitHub Actions output: workflow-command annotations on the article, and the job's step summary.
import { appendFile } from 'node:fs/promises';
import type { Verdict } from '../types.js';
import { sourceFor } from './build.js';
import { findingLevel, findingTitle } from './finding-rules.js';
import { oneLine } from './escape.js';
import { repoPath } from './sarif.js';
import { articleViews, type AnyReport, type Report } from './schema.js';

/** Message data: `%`, CR and LF are the characters the runner decodes (actions/toolkit `escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally may not carry `:` or `,` (actions/toolkit `escapeProperty`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Failing verdicts are errors; other problems warnings; `partial` stays out unless the user fails on it.
 * Findings follow, at their line: warnings, or notices for the informational kinds.
 */
export function githubAnnotations(report: AnyReport, failOn: readonly Verdict[]): string[] {
  const fail = new Set(failOn);
  return articleViews(report).flatMap((r) => articleAnnotations(r, fail));
}

/** One article's annotations, on its own file and the claim's line. */
function articleAnnotations(r: Report, fail: ReadonlySet<Verdict>): string[] {
  const file = escapeProperty(repoPath(r.article.path));
  const lines: string[] = [];
  for (const claim of r.claims) {
    for (const c of claim.citations) {
      if (c.review?.status === 'reviewed') continue;
      const level = fail.has(c.verdict) ? 'error'
        : c.verdict === 'supported' || c.verdict === 'partial' ? undefined : 'warning';
      if (!level) continue;
      const url = sourceFor(r, c.ref)?.url;
      const title = escapeProperty(`citecheck: ${c.verdict} [${c.ref}]`);
      const message = escapeData(`"${oneLine(claim.text, 160)}" — ${url ?? '(no URL)'} (${c.linkStatus}): ${oneLine(c.reason, 300)}`);
      lines.push(`::${level} file=${file},line=${claim.line},col=${claim.column},title=${title}::${message}`);
    }
  }
  for (const f of r.findings) {
    const level = findingLevel(f, fail);
    const title = escapeProperty(`citecheck: ${findingTitle(f)}`);
    const line = f.line === undefined ? '' : `,line=${f.line}`;
    lines.push(`::${level === 'note' ? 'notice' : level} file=${file}${line},title=${title}::${escapeData(oneLine(f.message, 400))}`);
  }
  return lines;
}

/** GitHub rejects a step summary over 1 MiB and then shows none of it. */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;

/** Cuts at a line break below the byte cap and says so, leaving room for what the job already wrote. */
export function fitStepSummary(markdown: string, maxBytes = STEP_SUMMARY_MAX_BYTES - 64 * 1024): string {
  const text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const note = '\n> [!NOTE]\n> The report was cut to fit the step summary; the full report.md is in the job\'s files.\n';
  const cut = Buffer.from(text, 'utf8').subarray(0, maxBytes - Buffer.byteLength(note)).toString('utf8');
  return `${cut.slice(0, Math.max(0, cut.lastIndexOf('\n')))}\n${note}`;
}

/** Appends to $GITHUB_STEP_SUMMARY when the runner provides it; elsewhere does nothing. */
export async function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const path = env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  await appendFile(path, fitStepSummary(markdown), 'utf8');
}
