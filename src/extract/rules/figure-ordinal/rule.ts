import type { FigureRule } from '../../rule.js';
import { readingsOf } from '../../figures/reading.js';
import { readOrdinal } from './reader.js';

/** Ordinals and ranks: 第3名, 第十届, 排名第一 */
export const rule: FigureRule = {
  id: 'figure-ordinal',
  version: 3,
  purpose: 'Ordinals and ranks: 第3名, 第十届, 排名第一',
  needs: [],
  emits: 'figure',
  run: (ctx) => readOrdinal(readingsOf(ctx)),
};

export default rule;
