// The evaluation set: claim × source pairs with the verdict a careful human reviewer would give.
import type { EvalCase } from './harness.js';
import { ACCESS_CASES } from './cases-access.js';
import { ENGLISH_CASES } from './cases-en.js';
import { RUSSIAN_CASES } from './cases-ru.js';
import { HOLDOUT_CASES } from './cases-holdout.js';
import { HOLDOUT2_CASES } from './cases-holdout2.js';
import { REVIEW_CASES } from './cases-review.js';

export const CASES: readonly EvalCase[] = [...ENGLISH_CASES, ...RUSSIAN_CASES, ...ACCESS_CASES, ...HOLDOUT_CASES, ...HOLDOUT2_CASES, ...REVIEW_CASES];
