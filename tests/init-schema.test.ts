// Where `citecheck init` points "$schema": the installed copy when it is inside the project, else the published one.
import { describe, expect, it } from 'vitest';
import { schemaRef } from '../src/commands/init.js';
import { VERSION } from '../src/version.js';

const shippedIn = (root: string) => `${root}/node_modules/citecheck/schema/references.schema.json`;

describe('schemaRef', () => {
  it.each([
    ['references.json', '/repo', './node_modules/citecheck/schema/references.schema.json'],
    ['docs/references.json', '/repo', '../node_modules/citecheck/schema/references.schema.json'],
    ['/repo/a/b/references.json', '/repo', '../../node_modules/citecheck/schema/references.schema.json'],
  ])('%s in %s: relative to the written file', (out, cwd, expected) => {
    expect(schemaRef(out, shippedIn('/repo'), cwd)).toBe(expected);
  });

  it('the repository itself: ./schema/…', () => {
    expect(schemaRef('references.json', '/src/citecheck/schema/references.schema.json', '/src/citecheck')).toBe('./schema/references.schema.json');
  });

  it.each([
    ['npx cache', '/home/ana/.npm/_npx/1a2b/node_modules/citecheck/schema/references.schema.json'],
    ['global install', '/usr/lib/node_modules/citecheck/schema/references.schema.json'],
  ])('installed outside the project (%s): the published schema of this version', (_, shipped) => {
    expect(schemaRef('references.json', shipped, '/repo')).toBe(`https://unpkg.com/citecheck@${VERSION}/schema/references.schema.json`);
  });
});
