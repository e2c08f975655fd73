// The GitHub Action (action.yml) run locally: each `run:` step through bash as the runner would,
// with GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as temp files, against a fixture article and server.
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ensureBuilt, ROOT } from './helpers/cli.js';

const Step = z.object({
  name: z.string().optional(), id: z.string().optional(), if: z.string().optional(), shell: z.string().optional(),
  run: z.string().optional(), uses: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(), with: z.record(z.string(), z.string()).optional(),
});
const Action = z.object({
  name: z.string(),
  inputs: z.record(z.string(), z.object({ description: z.string(), default: z.string().optional() })),
  outputs: z.record(z.string(), z.object({ description: z.string(), value: z.string() })),
  runs: z.object({ using: z.literal('composite'), steps: z.array(Step) }),
});
type Outputs = Record<string, Record<string, string>>;

const action = Action.parse(parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')));

/** `${{ inputs.x }}`, `${{ github.action_path }}`, `${{ steps.id.outputs.y }}`: all this action uses. */
function value(expr: string, inputs: Record<string, string>, steps: Outputs): string {
  const e = expr.trim();
  if (e === 'github.action_path') return ROOT;
  const input = /^inputs\.([\w-]+)$/.exec(e);
  if (input?.[1]) return inputs[input[1]] ?? action.inputs[input[1]]?.default ?? '';
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
  if (output?.[1] && output[2]) return steps[output[1]]?.[output[2]] ?? '';
  const literal = /^'(.*)'$/.exec(e);
  if (literal) return literal[1] ?? '';
  throw new Error(`expression not understood by this test: ${e}`);
}
const expand = (s: string, inputs: Record<string, string>, steps: Outputs): string =>
  s.replace(/\$\{\{(.+?)\}\}/g, (_m, e: string) => value(e, inputs, steps));

/** `always() && a == 'x' && b != ''`: the conditions this action writes. */
function condition(cond: string | undefined, inputs: Record<string, string>, steps: Outputs): boolean {
  if (!cond) return true;
  return cond.split('&&').every((term) => {
    const t = term.trim();
    if (t === 'always()') return true;
    const cmp = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(t);
    if (!cmp?.[1] || !cmp[3]) throw new Error(`condition not understood by this test: ${t}`);
    return (value(cmp[1], inputs, steps) === value(cmp[3], inputs, steps)) === (cmp[2] === '==');
  });
}

/** Reads `key=value` lines (and `key<<EOF` blocks) as the runner does. */
function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const block = /^([\w-]+)<<(.+)$/.exec(line);
    if (block?.[1] && block[2]) {
      const end = lines.indexOf(block[2], i + 1);
      out[block[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return out;
}

interface ActionRun { steps: Outputs; codes: Record<string, number>; skipped: string[]; uses: { uses: string; with: Record<string, string> }[]; summary: string; log: string }

/** Runs a script with bash as `shell: bash` does; async, so the fixture server in this process can answer. */
function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env });
    let output = '';
    child.stdout.on('data', (b: Buffer) => { output += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { output += b.toString(); });
    child.on('error', fail);
    child.on('close', (code) => done({ status: code ?? -1, output }));
  });
}

async function runAction(workspace: string, inputs: Record<string, string>): Promise<ActionRun> {
  const steps: Outputs = {};
  const codes: Record<string, number> = {};
  const skipped: string[] = [];
  const uses: ActionRun['uses'] = [];
  const summary = join(workspace, 'step-summary.md');
  writeFileSync(summary, '');
  let log = '';
  let failed = false;
  for (const [i, step] of action.runs.steps.entries()) {
    const key = step.id ?? `step${i}`;
    // A step without `if` runs only while every earlier step succeeded (GitHub's success()).
    if (step.if ? !condition(step.if, inputs, steps) : failed) { skipped.push(key); continue; }
    if (step.uses) {
      uses.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(v, inputs, steps)])) });
      continue;
    }
    expect(step.shell).toBe('bash');
    const output = join(workspace, `output-${i}`);
    writeFileSync(output, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs, steps)]));
    const script = join(workspace, `step-${i}.sh`);
    writeFileSync(script, expand(step.run ?? '', inputs, steps));
    const r = await bash(script, workspace, { ...process.env, ...env, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: ROOT,
      GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: workspace, NO_COLOR: '1' });
    log += r.output;
    codes[key] = r.status;
    steps[key] = readOutputs(output);
    if (r.status !== 0) failed = true;
  }
  return { steps, codes, skipped, uses, summary: readFileSync(summary, 'utf8'), log };
}

const ARTICLE = `Riverside library

The Riverside city council approved a budget of 4.2 million dollars for the new library. [1]
Mayor Elena Novak said construction would begin in the spring of 2025. [2]

References

  1. "Riverside council approves library budget". Riverside Gazette. 14 May 2024.
  2. "Removed". Riverside Gazette. 2019.
`;
const PAGE = '<html><head><title>Council approves library budget</title></head><body><article><h1>Council approves library budget</h1>'
  + '<p>The Riverside city council approved a budget of 4.2 million dollars for the new library on Tuesday.</p></article></body></html>';

let server: http.Server;
let origin = '';
beforeAll(async () => {
  ensureBuilt();
  server = http.createServer((req, res) => {
    if (req.url === '/budget') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => { await new Promise((ok) => server.close(ok)); });

function workspace(): string {
  const d = mkdtempSync(join(tmpdir(), 'citecheck-action-'));
  writeFileSync(join(d, 'riverside.txt'), ARTICLE);
  writeFileSync(join(d, 'references.json'), JSON.stringify({ references: [{ id: 1, url: `${origin}/budget` }, { id: 2, url: `${origin}/gone` }] }));
  return d;
}

const LOCAL = '--allow-private-hosts --retries 0';

describe('action.yml', () => {
  it('declares the inputs and outputs CI jobs use', () => {
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['articles', 'fail-on', 'formats', 'archive', 'upload-sarif']));
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(['report', 'exit-code', 'claims', 'citations', 'broken', 'unsupported', 'missing']));
  });

  it('runs citecheck on a glob, sets the outputs from report.json, writes the step summary and fails on a broken citation', async () => {
    const ws = workspace();
    const run = await runAction(ws, { articles: '**/river*.txt', 'fail-on': 'broken', formats: 'md', 'upload-sarif': 'true', args: LOCAL });
    expect(run.steps.run).toEqual({ 'exit-code': '1' });
    const counts = run.steps.counts ?? {};
    expect(counts).toMatchObject({ claims: '2', citations: '2', supported: '1', broken: '1', unsupported: '0', missing: '0', failing: '1' });
    expect(counts.report).toBe('citecheck-reports/report.json');
    const report = z.object({ summary: z.object({ citations: z.number() }) }).parse(JSON.parse(readFileSync(join(ws, counts.report ?? ''), 'utf8')));
    expect(report.summary.citations).toBe(2);
    // formats "md" still writes report.json (the outputs) and, for the upload, report.sarif.
    expect(['report.json', 'report.md', 'report.sarif'].every((f) => existsSync(join(ws, 'citecheck-reports', f)))).toBe(true);
    expect(run.uses.map((u) => u.uses)).toEqual(['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3']);
    expect(run.uses[1]?.with.sarif_file).toBe('citecheck-reports');
    expect(run.summary).toMatch(/^# citecheck: Riverside library/m);
    expect(run.summary).toMatch(/broken/);
    expect(run.log).toMatch(/^::error file=riverside\.txt,line=4/m);
    // Every step ran; only the last one fails, with citecheck's exit code.
    expect(run.skipped).toEqual([]);
    expect(Object.values(run.codes)).toEqual([0, 0, 0, 1]);
  }, 180_000);

  it('keeps the step green with fail: false and skips the SARIF upload unless asked', async () => {
    const run = await runAction(workspace(), { articles: 'riverside.txt', 'fail-on': 'broken', fail: 'false', args: LOCAL });
    expect(run.steps.run?.['exit-code']).toBe('1');
    expect(run.steps.counts?.broken).toBe('1');
    expect(Object.values(run.codes)).toEqual([0, 0, 0, 0]);
    expect(run.uses.map((u) => u.uses)).toEqual(['actions/setup-node@v4']);
  }, 180_000);

  it('writes one folder per article for several articles and sums the counts', async () => {
    const ws = workspace();
    writeFileSync(join(ws, 'riverside-copy.txt'), ARTICLE);
    const run = await runAction(ws, { articles: 'riverside.txt\nriverside-copy.txt', 'fail-on': 'none', args: LOCAL });
    expect(run.steps.run?.['exit-code']).toBe('0');
    expect(run.steps.counts).toMatchObject({ claims: '4', citations: '4', broken: '2', failing: '0', report: 'citecheck-reports/1-riverside/report.json' });
    expect(existsSync(join(ws, 'citecheck-reports', '2-riverside-copy', 'report.json'))).toBe(true);
  }, 180_000);

  it('audits articles that carry their own URLs in a repository with no references.json', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'citecheck-action-'));
    mkdirSync(join(ws, 'docs'));
    writeFileSync(join(ws, 'docs', 'guide.md'), '# Guide\n\nThe Riverside city council approved a budget of 4.2 million dollars for the new library.[^1]\n\n'
      + `[^1]: "Council approves library budget". Riverside Gazette. <${origin}/budget>\n`);
    const run = await runAction(ws, { articles: 'docs/*.md', args: LOCAL });
    expect(run.steps.run?.['exit-code']).toBe('0');
    expect(run.steps.counts).toMatchObject({ claims: '1', citations: '1', supported: '1', failing: '0' });
    expect(Object.values(run.codes)).toEqual([0, 0, 0, 0]);
  }, 180_000);

  it('fails with exit 2 and says so in the step summary when the glob matches nothing', async () => {
    const run = await runAction(workspace(), { articles: 'articles/**/*.txt', args: LOCAL });
    expect(run.steps.run?.['exit-code']).toBe('2');
    expect(run.log).toMatch(/no file matches the articles input articles\/\*\*\/\*\.txt/);
    expect(run.summary).toMatch(/No report was written/);
    expect(Object.values(run.codes).at(-1)).toBe(2);
  }, 180_000);
});
