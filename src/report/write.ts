// Writes report files atomically (temp file in the same folder, fsync, rename) and maps formats to files.
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../atomic.js';
import { InputError } from '../errors.js';
import type { Verdict } from '../types.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import type { AnyReport } from './schema.js';

export const REPORT_FORMATS = ['json', 'md', 'html', 'junit', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FILE_NAMES = {
  json: 'report.json', md: 'report.md', html: 'report.html', junit: 'junit.xml', sarif: 'report.sarif',
} as const satisfies Record<ReportFormat, string>;

const isFormat = (s: string): s is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(s);

/** `json,md` → ['json', 'md']: trimmed, lower-cased, deduplicated; an unknown name is the user's to fix. */
export function parseFormats(csv: string): ReportFormat[] {
  const names = csv.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((n) => !isFormat(n));
  if (unknown.length > 0) {
    throw new InputError(`unknown report format: ${unknown.join(', ')}`, `use any of: ${REPORT_FORMATS.join(', ')}`);
  }
  if (names.length === 0) throw new InputError('no report format given', `use any of: ${REPORT_FORMATS.join(', ')}`);
  return [...new Set(names.filter(isFormat))];
}

export function formatsToFiles(
  r: AnyReport, formats: readonly ReportFormat[], failOn: readonly Verdict[],
): { name: string; content: string }[] {
  const render = {
    json: () => `${JSON.stringify(r, null, 2)}\n`,
    md: () => renderMarkdown(r),
    html: () => renderHtml(r),
    junit: () => renderJunit(r, failOn),
    sarif: () => renderSarif(r, failOn),
  } satisfies Record<ReportFormat, () => string>;
  return [...new Set(formats)].map((f) => ({ name: REPORT_FILE_NAMES[f], content: render[f]() }));
}

/**
 * A reader (a CI upload step, a browser) never sees half a file: each one is written beside its final
 * name, flushed to disk, then renamed over it. Returns the written paths in order.
 */
export async function writeReports(dir: string, files: readonly { name: string; content: string }[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const file of files) {
    if (basename(file.name) !== file.name || file.name.startsWith('.')) throw new Error(`not a plain file name: ${file.name}`);
    const target = join(dir, file.name);
    await writeFileAtomic(target, file.content);
    written.push(target);
  }
  return written;
}
