// `citecheck report FILE`: re-render a saved report.json into other formats, without any network.
import path from 'node:path';
import { readInputFile } from '../article/read.js';
import { InputError } from '../errors.js';
import { ReportSchema, type Report } from '../report/schema.js';
import { formatsToFiles, parseFormats, writeReports } from '../report/write.js';
import { formatIssues } from '../config/issues.js';
import { printOut } from '../terminal.js';
import { prepareOutputs, writing } from './outputs.js';

export async function runReport(file: string, flags: { format: string; out?: string; quiet?: boolean }): Promise<number> {
  const formats = parseFormats(flags.format);
  const report = await readReportFile(file);
  const out = flags.out ?? path.dirname(file);
  await prepareOutputs({ dirs: [out], files: [] });
  const written = await writing(`reports in ${out}`, () => writeReports(out, formatsToFiles(report, formats, report.run.failOn)));
  if (!flags.quiet) printOut(`wrote ${written.map((w) => path.relative(process.cwd(), w) || w).join(', ')}\n`);
  return 0;
}

/** A report.json written by `citecheck verify`, checked against its schema; anything else is an InputError. */
export async function readReportFile(file: string): Promise<Report> {
  const hint = 'pass the report.json that `citecheck verify` wrote (reports/report.json by default)';
  // A saved report can be far larger than an article: the cap is only there to refuse a device or a pipe.
  const raw = new TextDecoder().decode(await readInputFile(file, 'report', { maxBytes: 2 ** 31 - 1 }));
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new InputError(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, hint);
  }
  const parsed = ReportSchema.safeParse(json);
  if (!parsed.success) throw new InputError(`${file} is not a citecheck report: ${formatIssues(parsed.error)}`, hint);
  return parsed.data;
}
