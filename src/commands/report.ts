// `citecheck report FILE`: re-render a saved report.json into other formats, without any network.
import path from 'node:path';
import { readInputFile } from '../article/read.js';
import { InputError } from '../errors.js';
import { ReportFileSchema, articleViews, isRunReport, type AnyReport, type Report } from '../report/schema.js';
import { parseFormats, renderFailureError, reportFiles, writeReportSet } from '../report/write.js';
import { formatIssues } from '../config/issues.js';
import { printOut } from '../terminal.js';
import { prepareOutputs, writing } from './outputs.js';

export async function runReport(file: string, flags: { format: string; out?: string; quiet?: boolean }): Promise<number> {
  const formats = parseFormats(flags.format);
  const report = await readAnyReportFile(file);
  const out = flags.out ?? path.dirname(file);
  await prepareOutputs({ dirs: [out], files: [] });
  const { written, failed } = await writing(`reports in ${out}`, () => writeReportSet(out, reportFiles(report, formats, report.run.failOn)));
  if (failed.length > 0) throw renderFailureError(failed);
  if (!flags.quiet) printOut(`wrote ${written.map((w) => path.relative(process.cwd(), w) || w).join(', ')}\n`);
  return 0;
}

/**
 * One article's report: the file's, or with `article` the view of that article in a report of
 * several (by its path as the report gives it).
 */
export async function readReportFile(file: string, article?: string): Promise<Report> {
  const report = await readAnyReportFile(file);
  const views = articleViews(report);
  if (article === undefined && !isRunReport(report)) return report;
  const wanted = article === undefined ? undefined : normalize(article);
  const found = views.find((v) => normalize(v.article.path) === wanted);
  if (found) return found;
  const paths = views.map((v) => v.article.path);
  const shown = paths.slice(0, 10).join(', ') + (paths.length > 10 ? `, … (${paths.length} in all)` : '');
  throw new InputError(article === undefined
    ? `${file} holds ${paths.length} articles; review takes one at a time`
    : `${file} has no article ${JSON.stringify(article)}`, `pass --article with one of: ${shown}`);
}

/** `./docs/a.md` and `docs\\a.md` name the same article as `docs/a.md`. */
function normalize(p: string): string {
  return path.posix.normalize(p.replace(/\\/g, '/'));
}

/** A report.json written by `citecheck verify` (one article or several), checked against its schema. */
export async function readAnyReportFile(file: string): Promise<AnyReport> {
  const hint = 'pass the report.json that `citecheck verify` wrote (reports/report.json by default)';
  // A saved report can be far larger than an article: the cap is only there to refuse a device or a pipe.
  const raw = new TextDecoder().decode(await readInputFile(file, 'report', { maxBytes: 2 ** 31 - 1 }));
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new InputError(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, hint);
  }
  const parsed = ReportFileSchema.safeParse(json);
  if (!parsed.success) throw new InputError(`${file} is not a citecheck report: ${formatIssues(parsed.error)}`, hint);
  return parsed.data;
}
