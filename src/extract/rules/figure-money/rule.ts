import type { FigureRule } from '../../rule.js';
import { readingsOf } from '../../figures/reading.js';
import { readMoney } from './reader.js';

/** Money: numeral + currency (3000亿元, 1.5亿美元, ￥300), value in that currency, unit ISO 4217 */
export const rule: FigureRule = {
  id: 'figure-money',
  version: 14,
  purpose: 'Money: numeral + currency (3000亿元, 1.5亿美元, ￥300), value in that currency, unit ISO 4217',
  needs: [],
  emits: 'figure',
  run: (ctx) => readMoney(readingsOf(ctx)),
};

export default rule;
