import { beforeAll, describe, expect, it } from 'vitest';
import { isCrossLanguage, measureAccuracy, type AccuracyReport } from '../../bench/accuracy.js';
import type { Verdict } from '../../src/types.js';
import { CASES, HOLDOUT_PARTS } from './cases.js';

const ACCESS_PROBLEMS: readonly Verdict[] = ['unverifiable', 'broken', 'missing'];

describe('evaluation set', () => {
  let a: AccuracyReport;
  beforeAll(async () => { a = await measureAccuracy(); }, 120_000);

  it('has at least 200 cases with unique ids, the holdout parts at their sizes', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const part of ['paraphrase', 'attribution', 'time']) expect(HOLDOUT_PARTS[part]?.length).toBeGreaterThanOrEqual(20);
    expect(HOLDOUT_PARTS['cross-language']?.filter(isCrossLanguage).length).toBeGreaterThanOrEqual(40);
  });

  it('keeps supported precision at or above 0.95 on the old set', () => {
    expect(a.old.precision('supported')).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps unsupported recall at or above 0.85 on the old set', () => {
    expect(a.old.recall('unsupported')).toBeGreaterThanOrEqual(0.85);
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

  it('misjudges at most 6 cases of the old set', () => {
    expect(a.old.misjudged.length).toBeLessThanOrEqual(6);
  });
});
