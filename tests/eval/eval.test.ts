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

  it('keeps supported precision at or above 0.97, on the old set and the holdout alike', () => {
    expect(a.precision('supported')).toBeGreaterThanOrEqual(0.97);
    expect(a.old.precision('supported')).toBeGreaterThanOrEqual(0.97);
    expect(a.holdout.precision('supported')).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps unsupported recall at or above 0.90, on the old set and the holdout alike', () => {
    expect(a.recall('unsupported')).toBeGreaterThanOrEqual(0.9);
    expect(a.old.recall('unsupported')).toBeGreaterThanOrEqual(0.9);
    expect(a.holdout.recall('unsupported')).toBeGreaterThanOrEqual(0.9);
  });

  it('judges at least 85 % of the cross-language pairs right', () => {
    expect(a.crossLanguage.count).toBeGreaterThanOrEqual(50);
    expect(a.crossLanguage.right).toBeGreaterThanOrEqual(0.85);
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

  it('misjudges at most 5 cases of the old set and 12 of the holdout', () => {
    expect(a.old.misjudged.length).toBeLessThanOrEqual(5);
    expect(a.holdout.misjudged.length).toBeLessThanOrEqual(12);
  });
});
