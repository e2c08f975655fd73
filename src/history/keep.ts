// The history's pruning policy: how long a check is kept (`--history-keep 365d`, `52w`, `2y`, `all`).
import { InputError } from '../errors.js';

export const DEFAULT_HISTORY_KEEP = '365d';

const DAY_MS = 86_400_000;
const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, y: 365 };

/** Milliseconds a check is kept, or undefined for `all` (never pruned). */
export function parseHistoryKeep(value: string): number | undefined {
  const text = value.trim().toLowerCase();
  if (text === 'all') return undefined;
  const m = /^(\d+)\s*(d|w|y)$/.exec(text);
  const count = m ? Number(m[1]) : 0;
  const days = UNIT_DAYS[m?.[2] ?? ''];
  if (days === undefined || count < 1) {
    throw new InputError(
      `--history-keep ${JSON.stringify(value)} is not a duration`,
      'give days, weeks or years, e.g. --history-keep 365d, 52w, 2y, or "all" to keep every check',
    );
  }
  return count * days * DAY_MS;
}
