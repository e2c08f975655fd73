// Accuracy of the verdicts on the evaluation set: confusion matrix, precision/recall, misjudged cases, per part.
import { CASES, HOLDOUT12_CASES, HOLDOUT_PARTS, OLD_CASES } from '../tests/eval/cases.js';
import { runCases, type EvalCase } from '../tests/eval/harness.js';
import { guessScriptLanguage } from '../src/judge/words.js';
import { VERDICTS, type Citation, type Verdict } from '../src/types.js';

export interface Accuracy {
  count: number;
  matrix: Record<Verdict, Record<Verdict, number>>;
  misjudged: { id: string; expected: Verdict; got: Verdict; reason: string }[];
  precision: (v: Verdict) => number;
  recall: (v: Verdict) => number;
  /** Share of cases judged as expected. */
  right: number;
}

export interface AccuracyReport extends Accuracy {
  old: Accuracy;
  holdout: Accuracy;
  parts: Record<string, Accuracy>;
  /** Cases whose claim and source are in different languages (old and holdout). */
  crossLanguage: Accuracy;
}

/** The claim's language (by script) differs from the page's `<html lang>`. */
export function isCrossLanguage(c: EvalCase): boolean {
  const page = /<html lang="([a-z]+)/.exec(c.source.html ?? '')?.[1];
  const claim = guessScriptLanguage(c.claim) ?? 'en';
  return page !== undefined && page !== claim;
}

function tally(cases: readonly EvalCase[], results: ReadonlyMap<string, Citation>): Accuracy {
  const zero = (): Record<Verdict, number> => ({ supported: 0, partial: 0, unsupported: 0, unverifiable: 0, broken: 0, missing: 0 });
  const matrix: Record<Verdict, Record<Verdict, number>> = {
    supported: zero(), partial: zero(), unsupported: zero(), unverifiable: zero(), broken: zero(), missing: zero(),
  };
  const misjudged: Accuracy['misjudged'] = [];
  for (const c of cases) {
    const got = results.get(c.id);
    if (!got) throw new Error(`case ${c.id} produced no citation`);
    matrix[c.expected][got.verdict]++;
    if (got.verdict !== c.expected) misjudged.push({ id: c.id, expected: c.expected, got: got.verdict, reason: got.reason });
  }
  const col = (v: Verdict): number => VERDICTS.reduce((a, e) => a + matrix[e][v], 0);
  const row = (v: Verdict): number => VERDICTS.reduce((a, g) => a + matrix[v][g], 0);
  return {
    count: cases.length, matrix, misjudged,
    precision: (v) => (col(v) === 0 ? 1 : matrix[v][v] / col(v)),
    recall: (v) => (row(v) === 0 ? 1 : matrix[v][v] / row(v)),
    right: cases.length === 0 ? 1 : (cases.length - misjudged.length) / cases.length,
  };
}

export async function measureAccuracy(): Promise<AccuracyReport> {
  const results = await runCases(CASES);
  const parts = Object.fromEntries(Object.entries(HOLDOUT_PARTS).map(([name, cases]) => [name, tally(cases, results)]));
  return {
    ...tally(CASES, results),
    old: tally(OLD_CASES, results),
    holdout: tally(HOLDOUT12_CASES, results),
    parts,
    crossLanguage: tally(CASES.filter(isCrossLanguage), results),
  };
}

function printSummary(name: string, a: Accuracy): void {
  console.log(`${name.padEnd(16)} ${String(a.count).padStart(4)} cases  right ${(a.right * 100).toFixed(1).padStart(5)}%  ` +
    `supported precision ${a.precision('supported').toFixed(3)}  unsupported recall ${a.recall('unsupported').toFixed(3)}`);
}

async function main(): Promise<void> {
  const a = await measureAccuracy();
  const short = (v: string): string => v.slice(0, 12).padStart(12);
  console.log(`${a.count} cases. Rows: expected; columns: got.`);
  console.log(`${''.padStart(12)} ${VERDICTS.map(short).join(' ')}`);
  for (const e of VERDICTS) console.log(`${short(e)} ${VERDICTS.map((g) => String(a.matrix[e][g]).padStart(12)).join(' ')}`);
  console.log('\nverdict        precision  recall');
  for (const v of VERDICTS) console.log(`${v.padEnd(14)} ${a.precision(v).toFixed(3).padStart(9)}  ${a.recall(v).toFixed(3).padStart(6)}`);
  console.log('');
  printSummary('all', a);
  printSummary('old set', a.old);
  printSummary('holdout (#12)', a.holdout);
  for (const [name, part] of Object.entries(a.parts)) printSummary(`  ${name}`, part);
  printSummary('cross-language', a.crossLanguage);
  const access = (['unverifiable', 'broken', 'missing'] as const).reduce((n, v) => n + a.matrix[v].unsupported, 0);
  console.log(`access problems judged unsupported: ${access}`);
  console.log(`\nmisjudged (${a.misjudged.length}):`);
  for (const m of a.misjudged) console.log(`  ${m.id}: expected ${m.expected}, got ${m.got} — ${m.reason}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
