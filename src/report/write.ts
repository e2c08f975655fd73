// Maps report formats to files and renderers, and writes them as one set (write-set.ts).
import type { AtomicFs } from '../atomic.js';
import { InputError } from '../errors.js';
import type { Verdict } from '../types.js';
import { htmlChunks } from './html.js';
import { jsonChunks } from './json-chunks.js';
import { renderJunit } from './junit.js';
import { markdownChunks } from './markdown.js';
import { sarifChunks } from './sarif.js';
import type { ReportFormat } from './formats.js';
import { isRunReport, type AnyReport } from './schema.js';
import { renderFailureError, writeReportSet, type ReportFile } from './write-set.js';

export { renderFailureError, writeReportSet, type RenderFailure, type ReportFile } from './write-set.js';

export { parseFormats, REPORT_FORMATS, type ReportFormat } from './formats.js';

export const REPORT_FILE_NAMES = {
  json: 'report.json', md: 'report.md', html: 'report.html', junit: 'junit.xml', sarif: 'report.sarif',
} as const satisfies Record<ReportFormat, string>;

/** Each format's file and renderer; the text is produced in pieces only while the file is written. */
export function reportFiles(r: AnyReport, formats: readonly ReportFormat[], failOn: readonly Verdict[]): ReportFile[] {
  const render = {
    // One piece per claim, source or finding: deeper, the pieces are a claim's keys and values, each a generator step.
    json: () => withNewline(jsonChunks(r, isRunReport(r) ? 4 : 2)),
    md: () => markdownChunks(r),
    html: () => htmlChunks(r),
    junit: () => [renderJunit(r, failOn)],
    sarif: () => sarifChunks(r, failOn),
  } satisfies Record<ReportFormat, () => Iterable<string>>;
  return [...new Set(formats)].map((f) => ({ name: REPORT_FILE_NAMES[f], chunks: render[f] }));
}

function* withNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}

/** The same files as whole strings (the library API and small reports). */
export function formatsToFiles(
  r: AnyReport, formats: readonly ReportFormat[], failOn: readonly Verdict[],
): { name: string; content: string }[] {
  return reportFiles(r, formats, failOn).map((f) => ({ name: f.name, content: [...f.chunks()].join('') }));
}

/**
 * A reader (a CI upload step, a browser) never sees half a file, nor reports from two runs side by
 * side: all are written to temp files first, then renamed (see writeReportSet). Returns the written paths.
 */
export async function writeReports(
  dir: string, files: readonly ({ name: string; content: string } | ReportFile)[], fs?: AtomicFs,
): Promise<string[]> {
  const set = files.map((f) => ('chunks' in f ? f : { name: f.name, chunks: () => [f.content] }));
  const { written, failed } = await writeReportSet(dir, set, fs);
  if (failed.length > 0) throw renderFailureError(failed);
  return written;
}
