// report.md: the summary table, then problems first, then the rest compactly — for PRs and step summaries.
import { reviewLine } from './review-text.js';
import { LINK_STATUSES, VERDICTS, type Citation, type Verdict } from '../types.js';
import { PROBLEM_VERDICTS, citationsWithVerdict, sourceFor } from './build.js';
import { renderChanges } from './changes.js';
import { escapeMarkdown, safeHref } from './escape.js';
import { articleViews, isRunReport, type AnyReport, type ClaimReport, type Report, type RunReport } from './schema.js';

const TITLES = {
  broken: 'Broken links', unsupported: 'Not supported by the source', missing: 'Missing sources',
  unverifiable: 'Could not be verified', partial: 'Partly supported', supported: 'Supported',
} as const satisfies Record<Verdict, string>;

export { escapeMarkdown } from './escape.js';

/** A link when the URL is http(s), else the escaped text; parentheses encoded so the target cannot end early. */
export function markdownLink(url: string | undefined, label?: string): string {
  if (!url) return '—';
  const href = safeHref(url);
  const text = escapeMarkdown(label ?? url, 120);
  return href ? `[${text}](${href.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : text;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function renderMarkdown(r: AnyReport): string {
  if (isRunReport(r)) return renderRunMarkdown(r);
  const out: string[] = [];
  out.push(`# citecheck: ${escapeMarkdown(r.article.title || r.article.path)}`, '');
  out.push(`Article ${escapeMarkdown(r.article.path)} · citecheck ${escapeMarkdown(r.tool.version)}`
    + ` · started ${escapeMarkdown(r.run.startedAt)}`
    + ` · fail on: ${r.run.failOn.length ? r.run.failOn.join(', ') : 'nothing'}`, '');
  if (r.summary.offline) {
    out.push('> [!WARNING]', '> **Offline:** no source host could be resolved. Every source is unreachable,'
      + ' so these verdicts say nothing about the article. Check the network and run again.', '');
  }
  out.push(...renderSummary(r), '');
  if (r.changes) out.push(renderChanges(r.changes), '');
  out.push(...renderArticleBody(r));
  return tidy(out);
}

const tidy = (out: readonly string[]) => `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;

function renderArticleBody(r: Report): string[] {
  return [...renderProblems(r), ...renderSupporting(r), ...renderFindings(r), ...renderUncited(r)];
}

/** Several articles: the run's summary, one row per article, then each article's sections under its name. */
function renderRunMarkdown(r: RunReport): string {
  const views = articleViews(r);
  const out = [`# citecheck: ${views.length} articles`, '',
    `citecheck ${escapeMarkdown(r.tool.version)} · started ${escapeMarkdown(r.run.startedAt)}`
    + ` · fail on: ${r.run.failOn.length ? r.run.failOn.join(', ') : 'nothing'}`, ''];
  if (r.summary.offline) out.push('> [!WARNING]', '> **Offline:** no source host could be resolved; these verdicts say nothing about the articles.', '');
  out.push(...renderSummary(r), '');
  if (r.changes) out.push(renderChanges(r.changes), '');
  out.push('## Articles', '', '| Article | Claims | Citations | Problems | Precision | Coverage |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const v of views) {
    const problems = PROBLEM_VERDICTS.reduce((n, verdict) => n + v.summary.byVerdict[verdict], 0);
    out.push(`| ${escapeMarkdown(v.article.path)} | ${v.summary.claims} | ${v.summary.citations} | ${problems}`
      + ` | ${pct(v.summary.citationPrecision)} | ${pct(v.summary.claimCoverage)} |`);
  }
  for (const v of views) {
    out.push('', `## ${escapeMarkdown(v.article.title || v.article.path)}`, '', `Article ${escapeMarkdown(v.article.path)}`, '');
    // Each article's sections one level down, under its own heading.
    out.push(...renderArticleBody(v).map((line) => (line.startsWith('#') ? `#${line}` : line)));
  }
  return tidy(out);
}

function renderSummary(r: Pick<Report, 'summary'>): string[] {
  const s = r.summary;
  const verdicts = VERDICTS.map((v) => `| ${v} | ${s.byVerdict[v]} |`);
  const links = LINK_STATUSES.filter((l) => s.byLinkStatus[l] > 0).map((l) => `| ${l} | ${s.byLinkStatus[l]} |`);
  return [
    '## Summary', '',
    '| Measure | Value |', '| --- | ---: |',
    `| Claims | ${s.claims} |`, `| Citations | ${s.citations} |`, `| Uncited sentences | ${s.uncited} |`,
    `| Citation precision (supported or partial / citations) | ${pct(s.citationPrecision)} |`,
    `| Claim coverage (cited claims with a supporting source) | ${pct(s.claimCoverage)} |`, '',
    '| Verdict | Citations |', '| --- | ---: |', ...verdicts, '',
    '| Link status | Sources |', '| --- | ---: |', ...(links.length ? links : ['| (no sources) | 0 |']),
  ];
}

function renderProblems(r: Report): string[] {
  const total = PROBLEM_VERDICTS.reduce((n, v) => n + r.summary.byVerdict[v], 0);
  const out = [`## Problems (${total})`, ''];
  if (total === 0) out.push('No broken, unsupported, missing or unverifiable citations.', '');
  for (const verdict of PROBLEM_VERDICTS) {
    const items = citationsWithVerdict(r, verdict);
    if (items.length === 0) continue;
    out.push(`### ${TITLES[verdict]} — \`${verdict}\` (${items.length})`, '');
    for (const { claim, citation } of items) out.push(...renderProblem(r, claim, citation), '');
  }
  return out;
}

function renderProblem(r: Report, claim: ClaimReport, c: Citation): string[] {
  const source = sourceFor(r, c.ref);
  const lines = [`- **${claim.id}** · line ${claim.line} · footnote [${c.ref}] — ${escapeMarkdown(claim.text, 300)}`];
  const http = source?.httpStatus !== undefined ? ` (HTTP ${source.httpStatus})` : '';
  lines.push(`  - Source: ${markdownLink(source?.url)}${source?.title ? ` — “${escapeMarkdown(source.title, 120)}”` : ''}`);
  if (source?.finalUrl && source.finalUrl !== source.url) lines.push(`  - Ended at: ${markdownLink(source.finalUrl)}`);
  if (source?.archiveUrl && source.archiveUrl !== c.archive?.url) lines.push(`  - Archived copy: ${markdownLink(source.archiveUrl)}`);
  lines.push(`  - Link: \`${c.linkStatus}\`${http} · score ${c.score.toFixed(2)}`);
  lines.push(`  - Why: ${escapeMarkdown(c.reason, 400)}`);
  if (c.review) lines.push(`  - ${c.review.status === 'reviewed' ? '**Reviewed**' : '**Stale review**'}: ${escapeMarkdown(reviewLine(c.review), 400)}`);
  if (c.evidence) lines.push(`  - Evidence${c.evidence.weak ? ' (boilerplate only)' : ''}: “${escapeMarkdown(c.evidence.snippet, 400)}”`);
  if (c.matched.length) lines.push(`  - Found: ${c.matched.map((p) => escapeMarkdown(p, 80)).join(' · ')}`);
  if (c.missing.length) lines.push(`  - Not found: ${c.missing.map((p) => escapeMarkdown(p, 80)).join(' · ')}`);
  if (c.archive) {
    const a = c.archive;
    lines.push(`  - Archived copy${a.capturedAt ? ` of ${escapeMarkdown(a.capturedAt.slice(0, 10))}` : ''}: ${markdownLink(a.url)}`
      + ` — \`${a.verdict}\` (\`${a.linkStatus}\`, score ${a.score.toFixed(2)}): ${escapeMarkdown(a.reason, 300)}`);
    if (a.evidence) lines.push(`  - Archive evidence: “${escapeMarkdown(a.evidence.snippet, 400)}”`);
  }
  return lines;
}

function renderSupporting(r: Report): string[] {
  const items = r.claims.flatMap((claim) => claim.citations
    .filter((c) => c.verdict === 'supported' || c.verdict === 'partial').map((citation) => ({ claim, citation })));
  if (items.length === 0) return [];
  const rows = items.map(({ claim, citation: c }) => {
    const reviewedMark = c.review?.status === 'reviewed' ? ' (reviewed)' : '';
    const cells = [claim.id, String(claim.line), `[${c.ref}]`, `\`${c.verdict}\`${reviewedMark}`, c.score.toFixed(2),
      escapeMarkdown(claim.text, 90), markdownLink(sourceFor(r, c.ref)?.url)];
    return `| ${cells.join(' | ')} |`;
  });
  return [`## Supported and partly supported (${items.length})`, '',
    '| Claim | Line | Ref | Verdict | Score | Text | Source |', '| --- | ---: | ---: | --- | ---: | --- | --- |',
    ...rows, ''];
}

function renderFindings(r: Report): string[] {
  if (r.findings.length === 0) return [];
  return [`## Findings (${r.findings.length})`, '', ...r.findings.map((f) => {
    const where = [f.line !== undefined ? `line ${f.line}` : '', f.ref !== undefined ? `ref [${f.ref}]` : '']
      .filter(Boolean).join(', ');
    return `- \`${f.kind}\`${where ? ` (${where})` : ''}: ${escapeMarkdown(f.message, 300)}`;
  }), ''];
}

function renderUncited(r: Report): string[] {
  if (r.uncited.length === 0) return [];
  return [`## Uncited sentences (${r.uncited.length})`, '', '| Line | Section | Sentence |', '| ---: | --- | --- |',
    ...r.uncited.map((u) => `| ${u.line} | ${escapeMarkdown(u.section || '(lead)', 60)} | ${escapeMarkdown(u.text, 200)} |`), ''];
}
