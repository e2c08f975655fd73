// `citecheck review`: record a reviewer's decisions on citations, interactively or from flags; list them.
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { InputError } from '../errors.js';
import type { Report } from '../report/schema.js';
import { applyReviews, staleReason } from '../review/apply.js';
import { findTarget, makeReview, pendingCitations, type Target } from '../review/decide.js';
import { articleKey, defaultReviewsPath, loadReviews, saveReviews, upsertReview } from '../review/file.js';
import type { Review, ReviewsFile } from '../review/schema.js';
import { openInBrowser, walkReviews } from '../review/walk.js';
import { VERDICTS, type Verdict } from '../types.js';
import { printOut } from '../terminal.js';
import { readReportFile } from './report.js';

export interface ReviewFlags {
  article?: string;
  reviews?: string;
  claim?: string;
  ref?: string;
  verdict?: string;
  note?: string;
  reviewer?: string;
  list?: boolean;
}

export const DEFAULT_REPORT = 'reports/report.json';

export async function runReview(reportArg: string | undefined, flags: ReviewFlags): Promise<number> {
  const report = await readReportFile(reportArg ?? DEFAULT_REPORT, flags.article);
  const file = flags.reviews ?? defaultReviewsPath(report.article.path);
  const article = articleKey(file, report.article.path);
  let reviews: ReviewsFile = await loadReviews(file, { optional: true }) ?? { reviews: [] };
  if (flags.list) {
    printOut(listReviews(report, reviews, article, file));
    return 0;
  }
  const reviewer = flags.reviewer ?? whoAmI();
  const save = async (target: Target, verdict: Verdict, note: string) => {
    reviews = upsertReview(reviews, makeReview({ report, target, article, verdict, note, reviewer, at: new Date() }));
    await saveReviews(file, reviews);
  };
  if (flags.claim !== undefined || flags.verdict !== undefined || flags.ref !== undefined) {
    const { claim, ref, verdict } = scriptedDecision(flags);
    const target = findTarget(report, claim, ref);
    if (typeof target === 'string') throw new InputError(target, 'take the claim id and footnote from report.json or report.md');
    await save(target, verdict, flags.note ?? '');
    printOut(`saved in ${file}: claim ${claim} [${ref}] ${verdict}\n`);
    return 0;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new InputError('citecheck review needs a terminal to ask questions',
      'for scripts give the decision: citecheck review --claim ID --ref N --verdict supported --note "..."');
  }
  const current = applyReviews(report, reviews.reviews.filter((r) => r.article === article)).report;
  const targets = pendingCitations(current);
  if (targets.length === 0) {
    printOut('Nothing to review: no failing or partly supported citation without a current decision.\n');
    return 0;
  }
  printOut(`${targets.length} citations to review; decisions are saved in ${file} as you make them.\n`);
  const result = await walkReviews(current, targets, { input: process.stdin, output: process.stdout, open: openInBrowser },
    (d) => save(d.target, d.verdict, d.note));
  printOut(`${result.decided} decided, ${result.skipped} skipped${result.quit ? ', stopped early' : ''}.\n`);
  return 0;
}

function scriptedDecision(flags: ReviewFlags): { claim: string; ref: number; verdict: Verdict } {
  const hint = 'give all three: --claim ID --ref N --verdict V';
  if (flags.claim === undefined || flags.ref === undefined || flags.verdict === undefined) {
    throw new InputError('a decision on the command line needs --claim, --ref and --verdict', hint);
  }
  const ref = Number(flags.ref);
  if (!Number.isInteger(ref) || ref < 1) throw new InputError(`--ref: expected a footnote number, got ${JSON.stringify(flags.ref)}`, hint);
  // one verdict word (parseVerdicts' hint offers a comma-separated list and `none`, which a decision cannot be)
  const verdict = VERDICTS.find((v) => v === flags.verdict?.trim());
  if (!verdict) throw new InputError(`--verdict: unknown verdict ${JSON.stringify(flags.verdict)}`, `give one of: ${VERDICTS.join(', ')}`);
  return { claim: flags.claim, ref, verdict };
}

/** One line per decision for this article, saying whether it still holds against the report. */
export function listReviews(report: Report, file: ReviewsFile, article: string, path: string): string {
  const mine = file.reviews.filter((r) => r.article === article);
  if (mine.length === 0) return `No decisions for ${article} in ${path}.\n`;
  const lines = mine.map((r) => `${r.claim} [${r.ref}] ${r.verdict} by ${r.reviewer} on ${r.reviewedAt.slice(0, 10)}: ${status(report, r)}${r.note ? ` — ${r.note}` : ''}`);
  return `${mine.length} decisions for ${article} in ${path}:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

function status(report: Report, r: Review): string {
  const target = findTarget(report, r.claim, r.ref);
  if (typeof target === 'string') return 'stale (the claim changed or is gone)';
  const why = staleReason(r, { ...target.citation, verdict: target.citation.review?.toolVerdict ?? target.citation.verdict },
    report.sources.find((s) => s.ref === r.ref));
  return why ? `stale (${why})` : 'current';
}

function whoAmI(): string {
  if (process.env.CITECHECK_REVIEWER) return process.env.CITECHECK_REVIEWER;
  try {
    const name = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (name) return name;
  } catch { /* no git, or no name set */ }
  return userInfo().username || 'unknown';
}
