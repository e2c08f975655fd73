// Parsing of CLI option values into checked numbers and vocabulary words; bad values are InputErrors.
import { InputError } from '../errors.js';
import { VERDICTS, type Verdict } from '../types.js';

export function positiveNumber(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new InputError(`${flag} must be a positive number, got "${value}"`, `give ${flag} a number above 0 (see --help for the default)`);
  }
  return n;
}

export function positiveInt(value: string, flag: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new InputError(`${flag} must be a whole number ≥ ${min}, got "${value}"`, `give ${flag} a whole number such as ${Math.max(min, 2)} (see --help for the default)`);
  }
  return n;
}

/** --max-input-size in MB → the byte limit readers take. */
export function inputLimits(maxInputSize: string): { maxBytes: number } {
  return { maxBytes: Math.round(positiveNumber(maxInputSize, '--max-input-size') * 1024 * 1024) };
}

const isVerdict = (word: string): word is Verdict => (VERDICTS as readonly string[]).includes(word);

/** A comma-separated list of verdict words; `none` (or empty) means no verdict fails the run. */
export function parseVerdicts(csv: string, flag: string): Verdict[] {
  const words = csv.split(',').map((w) => w.trim()).filter((w) => w !== '' && w !== 'none');
  const bad = words.filter((w) => !isVerdict(w));
  if (bad.length > 0) {
    throw new InputError(`${flag}: unknown verdict ${bad.map((b) => `"${b}"`).join(', ')}`,
      `use a comma-separated list of: ${VERDICTS.join(', ')} (or none)`);
  }
  return words.filter(isVerdict);
}
