import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../figures/tester.js';
import { fig } from '../../figures/case-helpers.js';

const t1 = '园区占地25万平方米，距市区4公里。';
const t2 = '种植小麦387万亩，年产粮食20万吨。';
const t3 = '装机容量500兆瓦，年发电量12亿千瓦时。';
const t4 = '已点亮3000P算力，规划超万P。';
const t5 = '总面积约0.88平方公里，机器人高1米。';
const t6 = '新增装机100万千瓦，存储达2GB。';
const t8 = '粮食单产389.7公斤/亩，风速18米/秒。';
const t7 = '当月动力电池装车量为55.9GWh，储能电站容量800MWh，全年发电量约1.2TWh。';

runRuleCases(
  rule,
  {
    valid: ['5G基站建设提速。', 'T1机器人亮相。', '5A级景区游客增多。', 'B座大楼已经启用。'],
    invalid: [
      { text: t1, figures: [fig(t1, '25万平方米', 'area', 250000, 'm2'), fig(t1, '4公里', 'length', 4000, 'm')] },
      { text: t2, figures: [fig(t2, '387万亩', 'area', 2580000000, 'm2'), fig(t2, '20万吨', 'mass', 200000000, 'kg')] },
      { text: t3, figures: [fig(t3, '500兆瓦', 'power', 500000000, 'W'), fig(t3, '12亿千瓦时', 'energy', 1200000000000, 'Wh')] },
      { text: t4, figures: [fig(t4, '3000P', 'compute', 3e18, 'FLOPS'), fig(t4, '超万P', 'compute', 1e19, 'FLOPS', 'atLeast')] },
      { text: t5, figures: [fig(t5, '约0.88平方公里', 'area', 880000, 'm2', 'approx'), fig(t5, '1米', 'length', 1, 'm')] },
      { text: t6, figures: [fig(t6, '100万千瓦', 'power', 1000000000, 'W'), fig(t6, '2GB', 'data', 2000000000, 'B')] },
      // energy in Latin units of watt hours (GWh is no GW followed by a letter)
      {
        text: t7,
        figures: [fig(t7, '55.9GWh', 'energy', 55900000000, 'Wh'), fig(t7, '800MWh', 'energy', 800000000, 'Wh'), fig(t7, '约1.2TWh', 'energy', 1200000000000, 'Wh', 'approx')],
      },
      // a measure per unit is a rate: kind number, unit numerator/denominator, value the numerator's
      { text: t8, figures: [fig(t8, '389.7公斤/亩', 'number', 389.7, 'kg/亩'), fig(t8, '18米/秒', 'number', 18, 'm/秒')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('figure-measure');
});
