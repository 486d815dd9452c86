import type { FigureRule } from '../../rule.js';
import { pick } from '../../figures/kit.js';

/** Measures in base units: area m2 (平方米, 亩), length m, mass kg, power W, energy Wh, compute FLOPS (3000P), data B */
export const rule: FigureRule = {
  id: 'figure-measure',
  version: 2,
  purpose: 'Measures in base units: area m2 (平方米, 亩), length m, mass kg, power W, energy Wh, compute FLOPS (3000P), data B',
  needs: [],
  emits: 'figure',
  run: (ctx) => pick(ctx, ['area', 'length', 'mass', 'power', 'energy', 'compute', 'data']),
};

export default rule;
