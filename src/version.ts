// citecheck's own version, read once from package.json (for --version, reports and the User-Agent), and the folder it is installed in.
import { readFileSync } from 'node:fs';

/**
 * The package's folder (package.json, schema/, dist/). This module is one folder below it both in
 * tsc's dist/ and in the bundled CLI's chunks, which sit in dist/ too (scripts/bundle.mjs).
 */
export const PACKAGE_ROOT = new URL('../', import.meta.url);

function readVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8'));
    return pkg !== null && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const VERSION = readVersion();
