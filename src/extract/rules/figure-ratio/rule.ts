import type { FigureRule } from '../../rule.js';
import { readingsOf } from '../../figures/reading.js';
import { readRatio } from './reader.js';

/** Fractions and multiples: 三分之一, 1/3, 半数 (ratio); 1.1倍 (x) */
export const rule: FigureRule = {
  id: 'figure-ratio',
  version: 4,
  purpose: 'Fractions and multiples: 三分之一, 1/3, 半数 (ratio); 1.1倍 (x); a bare number a ratio word names (收入比为2.66)',
  needs: [],
  emits: 'figure',
  run: (ctx) => readRatio(readingsOf(ctx)),
};

export default rule;
