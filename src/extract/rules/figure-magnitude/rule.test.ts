import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../figures/tester.js';
import { fig } from '../../figures/case-helpers.js';

const t1 = '培育千亿级产业集群，国内出游人次56.15亿。';
const t2 = '月活跃用户已超过3亿。';
const t3 = '造船完工量1850万载重吨，手持订单1.9亿载重吨。';

runRuleCases(
  rule,
  {
    valid: ['千万不要大意。', '“十四五”规划纲要。', '双11促销开始。', '万一出现问题。'],
    invalid: [
      { text: t1, figures: [fig(t1, '千亿级', 'number', 100000000000, null, 'approx'), fig(t1, '56.15亿', 'number', 5615000000, null)] },
      { text: t2, figures: [fig(t2, '超过3亿', 'number', 300000000, null, 'atLeast')] },
      // shipbuilding in deadweight tonnes (载重吨), with the numeral's 亿 or the unit's 万
      { text: t3, figures: [fig(t3, '1850万载重吨', 'number', 18500000, 'DWT'), fig(t3, '1.9亿载重吨', 'number', 190000000, 'DWT')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('figure-magnitude');
});
