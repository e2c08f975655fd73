// linkinator for the side-by-side bench: Node 22 (the npm `node` package) and linkinator 8, each in a scratch folder, never a project dependency.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRATCH = path.join(os.tmpdir(), 'citecheck-bench-tools');

function install(folder: string, spec: string, probe: string): string {
  const dir = path.join(SCRATCH, folder);
  const target = path.join(dir, probe);
  if (existsSync(target)) return target;
  mkdirSync(dir, { recursive: true });
  // Without a package.json here npm installs into the nearest ancestor that looks like a project (it
  // left a Node 22 in /tmp/node_modules/.bin, which npm then puts on PATH for any project below /tmp).
  if (!existsSync(path.join(dir, 'package.json'))) writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  console.log(`  installing ${spec} into ${dir} (once) …`);
  // linkinator 8 declares Node ≥ 22 while this npm runs on 20: the exact version skips the engine pick.
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--engine-strict=false', spec], { cwd: dir, stdio: 'ignore' });
  if (!existsSync(target)) throw new Error(`${spec} installed, but ${target} is missing`);
  return target;
}

export function ensureLinkinator(): { node: string; cli: string } {
  const node = install('node22', 'node@22', 'node_modules/.bin/node');
  const cli = install('linkinator', 'linkinator@8.1.0', 'node_modules/linkinator/build/src/cli.js');
  return { node, cli };
}
