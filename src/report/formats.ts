// The report formats a run can write, and the --format list parsed up front (no renderer loads from here).
import { InputError } from '../errors.js';

export const REPORT_FORMATS = ['json', 'md', 'html', 'junit', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const isFormat = (s: string): s is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(s);

/** `json,md` → ['json', 'md']: trimmed, lower-cased, deduplicated; an unknown name is the user's to fix. */
export function parseFormats(csv: string): ReportFormat[] {
  const names = csv.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((n) => !isFormat(n));
  if (unknown.length > 0) {
    throw new InputError(`--format: unknown report format: ${unknown.join(', ')}`, `use any of: ${REPORT_FORMATS.join(', ')}`);
  }
  if (names.length === 0) throw new InputError('no report format given', `use any of: ${REPORT_FORMATS.join(', ')}`);
  return [...new Set(names.filter(isFormat))];
}
