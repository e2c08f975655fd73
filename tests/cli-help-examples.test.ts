// Every `--help` example that names a file or folder under examples/ (meant to be run as shown) must name one that exists.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runCli } from './helpers/cli.js';

const HELP = ['', 'verify', 'extract', 'init', 'report', 'review'];

/** Paths under examples/ that a help example passes (articles/x.txt and the like are placeholders). */
function repoPaths(help: string): string[] {
  return [...help.matchAll(/\$ citecheck .*?(examples\/[^\s'"|#]*)/g)].map((m) => m[1] ?? '');
}

describe('help examples', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it.each(HELP)('citecheck %s --help names only examples that exist', async (command) => {
    const args = command ? [command, '--help'] : ['--help'];
    const r = await runCli(args);
    expect(r.code).toBe(0);
    for (const p of repoPaths(r.stdout)) expect(existsSync(join(ROOT, p)), `${args.join(' ')}: ${p}`).toBe(true);
  }, 60_000);

  it('the top-level and extract help show a multi-format example folder', async () => {
    const top = await runCli(['--help']);
    const extract = await runCli(['extract', '--help']);
    expect(repoPaths(top.stdout + extract.stdout).length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
