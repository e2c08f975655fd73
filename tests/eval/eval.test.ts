import { beforeAll, describe, expect, it } from 'vitest';
import { measureAccuracy, type Accuracy } from '../../bench/accuracy.js';
import type { Verdict } from '../../src/types.js';
import { CASES } from './cases.js';

const ACCESS_PROBLEMS: readonly Verdict[] = ['unverifiable', 'broken', 'missing'];

describe('evaluation set', () => {
  let a: Accuracy;
  beforeAll(async () => { a = await measureAccuracy(); }, 60_000);

  it('has at least 60 cases with unique ids', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });

  it('keeps supported precision at or above 0.95', () => {
    expect(a.precision('supported')).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps unsupported recall at or above 0.85', () => {
    expect(a.recall('unsupported')).toBeGreaterThanOrEqual(0.85);
  });

  it('never judges an access problem unsupported', () => {
    for (const expected of ACCESS_PROBLEMS) {
      expect(a.matrix[expected].unsupported).toBe(0);
    }
  });

  it('gets every access-problem case right (broken, unverifiable)', () => {
    expect(a.recall('unverifiable')).toBe(1);
    expect(a.recall('broken')).toBe(1);
  });

  it('misjudges at most 6 cases overall', () => {
    expect(a.misjudged.length).toBeLessThanOrEqual(6);
  });
});
