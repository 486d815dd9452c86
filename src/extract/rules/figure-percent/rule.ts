import type { FigureRule } from '../../rule.js';
import { readingsOf } from '../../figures/reading.js';
import { readPercent } from './reader.js';

/** Percentages and percentage points: 36.8%, 百分之三十, 三成, 千分之五, 31.8个百分点 */
export const rule: FigureRule = {
  id: 'figure-percent',
  version: 11,
  purpose: 'Percentages and percentage points: 36.8%, 百分之三十, 三成, 千分之五, 31.8个百分点',
  needs: [],
  emits: 'figure',
  run: (ctx) => readPercent(readingsOf(ctx)),
};

export default rule;
