import type { FigureRule } from '../../rule.js';
import { pick } from '../../figures/kit.js';

/** Percentages and percentage points: 36.8%, 百分之三十, 三成, 千分之五, 31.8个百分点 */
export const rule: FigureRule = {
  id: 'figure-percent',
  version: 2,
  purpose: 'Percentages and percentage points: 36.8%, 百分之三十, 三成, 千分之五, 31.8个百分点',
  needs: [],
  emits: 'figure',
  run: (ctx) => pick(ctx, ['percent', 'percentagePoint']),
};

export default rule;
