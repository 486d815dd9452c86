import type { FigureRule } from '../../rule.js';
import { readingsOf } from '../../figures/reading.js';
import { readMagnitude } from './reader.js';

/** Orders of magnitude without a unit: 千亿级 (approx 1e11) */
export const rule: FigureRule = {
  id: 'figure-magnitude',
  version: 8,
  purpose: 'Orders of magnitude without a unit: 千亿级 (approx 1e11)',
  needs: [],
  emits: 'figure',
  run: (ctx) => readMagnitude(readingsOf(ctx)),
};

export default rule;
