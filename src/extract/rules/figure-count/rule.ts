import type { FigureRule } from '../../rule.js';
import { readingsOf } from '../../figures/reading.js';
import { readCount } from './reader.js';

/** Counts with a classifier (21个, 百余家, 3~5家, 560余万条); the unit is the classifier */
export const rule: FigureRule = {
  id: 'figure-count',
  version: 11,
  purpose: 'Counts with a classifier (21个, 百余家, 3~5家, 560余万条); the unit is the classifier',
  needs: [],
  emits: 'figure',
  run: (ctx) => readCount(readingsOf(ctx)),
};

export default rule;
