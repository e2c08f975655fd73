// Accuracy of the verdicts on the evaluation set: confusion matrix, precision/recall, misjudged cases.
import { CASES } from '../tests/eval/cases.js';
import { runCases } from '../tests/eval/harness.js';
import { VERDICTS, type Verdict } from '../src/types.js';

export interface Accuracy {
  matrix: Record<Verdict, Record<Verdict, number>>;
  misjudged: { id: string; expected: Verdict; got: Verdict; reason: string }[];
  precision: (v: Verdict) => number;
  recall: (v: Verdict) => number;
}

export async function measureAccuracy(): Promise<Accuracy> {
  const zero = (): Record<Verdict, number> => ({ supported: 0, partial: 0, unsupported: 0, unverifiable: 0, broken: 0, missing: 0 });
  const matrix: Record<Verdict, Record<Verdict, number>> = {
    supported: zero(), partial: zero(), unsupported: zero(), unverifiable: zero(), broken: zero(), missing: zero(),
  };
  const misjudged: Accuracy['misjudged'] = [];
  const results = await runCases(CASES);
  for (const c of CASES) {
    const got = results.get(c.id);
    if (!got) throw new Error(`case ${c.id} produced no citation`);
    matrix[c.expected][got.verdict]++;
    if (got.verdict !== c.expected) misjudged.push({ id: c.id, expected: c.expected, got: got.verdict, reason: got.reason });
  }
  const col = (v: Verdict): number => VERDICTS.reduce((a, e) => a + matrix[e][v], 0);
  const row = (v: Verdict): number => VERDICTS.reduce((a, g) => a + matrix[v][g], 0);
  return {
    matrix, misjudged,
    precision: (v) => (col(v) === 0 ? 1 : matrix[v][v] / col(v)),
    recall: (v) => (row(v) === 0 ? 1 : matrix[v][v] / row(v)),
  };
}

async function main(): Promise<void> {
  const a = await measureAccuracy();
  const short = (v: string): string => v.slice(0, 12).padStart(12);
  console.log(`${CASES.length} cases. Rows: expected; columns: got.`);
  console.log(`${''.padStart(12)} ${VERDICTS.map(short).join(' ')}`);
  for (const e of VERDICTS) console.log(`${short(e)} ${VERDICTS.map((g) => String(a.matrix[e][g]).padStart(12)).join(' ')}`);
  console.log('\nverdict        precision  recall');
  for (const v of VERDICTS) console.log(`${v.padEnd(14)} ${a.precision(v).toFixed(3).padStart(9)}  ${a.recall(v).toFixed(3).padStart(6)}`);
  console.log(`\nmisjudged (${a.misjudged.length}):`);
  for (const m of a.misjudged) console.log(`  ${m.id}: expected ${m.expected}, got ${m.got} — ${m.reason}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
