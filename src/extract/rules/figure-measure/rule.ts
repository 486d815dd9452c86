import type { FigureRule } from '../../rule.js';
import { readingsOf } from '../../figures/reading.js';
import { readMeasure } from './reader.js';

/** Measures in base units: area m2 (平方米, 亩), length m, mass kg, power W, energy Wh, compute FLOPS (3000P), data B */
export const rule: FigureRule = {
  id: 'figure-measure',
  version: 9,
  purpose: 'Measures in base units: area m2 (平方米, 亩), length m, mass kg, power W, energy Wh, compute FLOPS (3000P), data B',
  needs: [],
  emits: 'figure',
  run: (ctx) => readMeasure(readingsOf(ctx)),
};

export default rule;
