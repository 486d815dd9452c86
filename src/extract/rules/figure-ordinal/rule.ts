import type { FigureRule } from '../../rule.js';
import { pick } from '../../figures/kit.js';

/** Ordinals and ranks: 第3名, 第十届, 排名第一 */
export const rule: FigureRule = {
  id: 'figure-ordinal',
  version: 1,
  purpose: 'Ordinals and ranks: 第3名, 第十届, 排名第一',
  needs: [],
  emits: 'figure',
  run: (ctx) => pick(ctx, ['ordinal']),
};

export default rule;
