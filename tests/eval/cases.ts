// The evaluation set: claim × source pairs with the verdict a careful human reviewer would give.
import type { EvalCase } from './harness.js';
import { ACCESS_CASES } from './cases-access.js';
import { ATTRIBUTION_CASES } from './cases-attribution.js';
import { CROSS_CASES } from './cases-cross.js';
import { ENGLISH_CASES } from './cases-en.js';
import { RUSSIAN_CASES } from './cases-ru.js';
import { HOLDOUT_CASES } from './cases-holdout.js';
import { HOLDOUT2_CASES } from './cases-holdout2.js';
import { PARAPHRASE_CASES } from './cases-paraphrase.js';
import { REVIEW_CASES } from './cases-review.js';
import { TIME_CASES } from './cases-time.js';

/** The set before issue 12: the matcher's thresholds were tuned on (most of) it. */
export const OLD_CASES: readonly EvalCase[] = [...ENGLISH_CASES, ...RUSSIAN_CASES, ...ACCESS_CASES, ...HOLDOUT_CASES, ...HOLDOUT2_CASES, ...REVIEW_CASES];

/** Issue 12's holdout, written (verdicts included) before the matcher changed, by part. */
export const HOLDOUT_PARTS: Readonly<Record<string, readonly EvalCase[]>> = {
  paraphrase: PARAPHRASE_CASES, attribution: ATTRIBUTION_CASES, time: TIME_CASES, 'cross-language': CROSS_CASES,
};

export const HOLDOUT12_CASES: readonly EvalCase[] = Object.values(HOLDOUT_PARTS).flat();

export const CASES: readonly EvalCase[] = [...OLD_CASES, ...HOLDOUT12_CASES];
