import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const Step = z.object({ name: z.string().optional(), uses: z.string().optional(), run: z.string().optional(),
  if: z.string().optional(), id: z.string().optional(), with: z.record(z.string(), z.unknown()).optional() });
const Workflow = z.object({
  name: z.string(),
  on: z.record(z.string(), z.unknown()),
  permissions: z.record(z.string(), z.string()),
  jobs: z.record(z.string(), z.object({ 'runs-on': z.string(), steps: z.array(Step).min(1) })),
});

function load(name: string) {
  const text = readFileSync(join(import.meta.dirname, '..', 'examples', name), 'utf8');
  // `on` must stay the string key "on" (YAML 1.1 parsers read it as true); yaml parses 1.2 by default.
  return Workflow.parse(parse(text, { strict: true, uniqueKeys: true }));
}

const steps = (wf: z.infer<typeof Workflow>) => Object.values(wf.jobs).flatMap((j) => j.steps);
const uses = (wf: z.infer<typeof Workflow>) => steps(wf).flatMap((s) => (s.uses ? [s.uses.split('@')[0]] : []));
const citecheck = (wf: z.infer<typeof Workflow>) => steps(wf).find((s) => s.run?.includes('npx citecheck verify'));

describe('examples/audit-pr.yml', () => {
  const wf = load('audit-pr.yml');

  it('runs on pull requests that touch articles or references.json', () => {
    expect(wf.on).toEqual({ pull_request: { paths: ['articles/**', 'references.json'] } });
  });

  it('checks out, sets up Node 22, installs with npm ci, then runs citecheck with the formats and fail-on', () => {
    expect(uses(wf)).toEqual(['actions/checkout', 'actions/setup-node', 'github/codeql-action/upload-sarif', 'actions/upload-artifact']);
    expect(steps(wf).find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ 'node-version': 22 });
    expect(steps(wf).some((s) => s.run === 'npm ci')).toBe(true);
    expect(citecheck(wf)?.run).toBe('npx citecheck verify --format json,md,sarif,junit --fail-on broken,unsupported,missing');
  });

  it('uploads the SARIF file citecheck writes, even when the check failed', () => {
    const upload = steps(wf).find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.with).toMatchObject({ sarif_file: 'reports/report.sarif' });
    expect(upload?.if).toMatch(/always\(\)/);
    expect(wf.permissions['security-events']).toBe('write');
  });
});

describe('examples/linkrot-weekly.yml', () => {
  const wf = load('linkrot-weekly.yml');

  it('runs weekly and by hand', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const [entry] = z.array(z.object({ cron: z.string() })).parse(wf.on.schedule);
    // minute hour * * weekday: once a week.
    expect(entry?.cron).toMatch(/^\d+ \d+ \* \* [0-6]$/);
  });

  it('restores and saves reports/history.db around citecheck --archive --history --changed-only', () => {
    const all = steps(wf);
    const restore = all.findIndex((s) => s.uses?.startsWith('actions/cache/restore'));
    const run = all.findIndex((s) => s.run?.includes('npx citecheck verify'));
    const save = all.findIndex((s) => s.uses?.startsWith('actions/cache/save'));
    expect(restore).toBeGreaterThanOrEqual(0);
    expect(restore < run && run < save).toBe(true);
    expect(all[restore]?.with?.path).toBe('reports/history.db');
    expect(all[save]?.with?.path).toBe('reports/history.db');
    expect(citecheck(wf)?.run).toMatch(/^npx citecheck verify --archive --history reports\/history\.db --changed-only\b/m);
  });

  it('opens an issue only on news (exit 1), not on bad input (exit 2)', () => {
    const issue = steps(wf).find((s) => s.run?.includes('gh issue create'));
    expect(issue?.if).toContain('failure()');
    expect(issue?.if).toContain(`steps.${citecheck(wf)?.id}.outputs.code == '1'`);
    expect(citecheck(wf)?.run).toMatch(/echo "code=\$code" >> "\$GITHUB_OUTPUT"/);
    expect(wf.permissions.issues).toBe('write');
  });
});
