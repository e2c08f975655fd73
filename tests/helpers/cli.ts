// Runs the BUILT binary (dist/cli.js, made by `npm test`'s build step) so packaging mistakes show up.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface Run { code: number; stdout: string; stderr: string }

/** Builds dist/ once when it is missing (a lone `npx vitest run`); `npm test` builds before testing. */
export function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/chmod-bin.mjs'], { cwd: ROOT });
}

export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((done) => {
    const env = { ...process.env, NO_COLOR: '1', CI: 'true', GITHUB_ACTIONS: '', ...options.env };
    execFile(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
      done({ code, stdout, stderr });
    });
  });
}
