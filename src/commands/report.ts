// `citecheck report FILE`: re-render a saved report.json into other formats, without any network.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { ReportFileSchema, isRunReport, type AnyReport, type Report } from '../report/schema.js';
import { formatsToFiles, parseFormats, writeReports } from '../report/write.js';
import { formatIssues } from '../config/issues.js';

export async function runReport(file: string, flags: { format: string; out?: string; quiet?: boolean }): Promise<number> {
  const formats = parseFormats(flags.format);
  const report = await readAnyReportFile(file);
  const written = await writeReports(flags.out ?? path.dirname(file), formatsToFiles(report, formats, report.run.failOn));
  if (!flags.quiet) process.stdout.write(`wrote ${written.map((w) => path.relative(process.cwd(), w) || w).join(', ')}\n`);
  return 0;
}

/** A one-article report.json (what `citecheck review` works on); a run over several articles is refused. */
export async function readReportFile(file: string): Promise<Report> {
  const report = await readAnyReportFile(file);
  if (isRunReport(report)) {
    throw new InputError(`${file} holds ${report.articles.length} articles`, 'review one article at a time: run citecheck verify on that article, then review its report');
  }
  return report;
}

/** A report.json written by `citecheck verify` (one article or several), checked against its schema. */
export async function readAnyReportFile(file: string): Promise<AnyReport> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`,
      'pass the report.json that `citecheck verify` wrote (reports/report.json by default)');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new InputError(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = ReportFileSchema.safeParse(json);
  if (!parsed.success) throw new InputError(`${file} is not a citecheck report: ${formatIssues(parsed.error)}`);
  return parsed.data;
}
