// The action's outputs: the report path and the counts, summed over every report.json under the out folder.
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const VERDICTS = ['supported', 'partial', 'unsupported', 'unverifiable', 'broken', 'missing'];
const out = process.argv[2] ?? 'citecheck-reports';
const failOn = (process.env.INPUT_FAIL_ON ?? '').split(',').map((v) => v.trim()).filter((v) => VERDICTS.includes(v));

/** report.json in the folder itself, or one level down (one folder per article). */
function findReports(dir) {
  if (!existsSync(dir)) return [];
  const direct = path.join(dir, 'report.json');
  if (existsSync(direct)) return [direct];
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name, 'report.json'))
    .filter((f) => existsSync(f)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

const count = (value) => (Number.isInteger(value) && value >= 0 ? value : 0);

const totals = { claims: 0, citations: 0, ...Object.fromEntries(VERDICTS.map((v) => [v, 0])) };
const reports = findReports(out);
for (const file of reports) {
  const summary = JSON.parse(readFileSync(file, 'utf8'))?.summary;
  if (typeof summary !== 'object' || summary === null) throw new Error(`${file} has no summary: is it a citecheck report?`);
  totals.claims += count(summary.claims);
  totals.citations += count(summary.citations);
  for (const v of VERDICTS) totals[v] += count(summary.byVerdict?.[v]);
}
const failing = failOn.reduce((n, v) => n + totals[v], 0);
const hasSarif = reports.some((f) => existsSync(path.join(path.dirname(f), 'report.sarif')));

const lines = [
  `report=${reports[0] ?? ''}`, `reports-dir=${out}`, `sarif=${hasSarif ? out : ''}`,
  ...Object.entries(totals).map(([k, v]) => `${k}=${v}`), `failing=${failing}`,
];
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${lines.join('\n')}\n`);
else process.stdout.write(`${lines.join('\n')}\n`);
// citecheck itself writes the report into the step summary; say so when it stopped before writing one.
if (reports.length === 0 && process.env.GITHUB_STEP_SUMMARY) {
  appendFileSync(process.env.GITHUB_STEP_SUMMARY, `### citecheck\n\nNo report was written: citecheck stopped early (see the step log for the reason).\n`);
}
