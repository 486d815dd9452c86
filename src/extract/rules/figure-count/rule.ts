import type { FigureRule } from '../../rule.js';
import { pick } from '../../figures/kit.js';

/** Counts with a classifier (21个, 百余家, 3~5家, 560余万条); the unit is the classifier */
export const rule: FigureRule = {
  id: 'figure-count',
  version: 2,
  purpose: 'Counts with a classifier (21个, 百余家, 3~5家, 560余万条); the unit is the classifier',
  needs: [],
  emits: 'figure',
  run: (ctx) => pick(ctx, ['count']),
};

export default rule;
