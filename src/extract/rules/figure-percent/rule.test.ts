import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../figures/tester.js';
import { fig } from '../../figures/case-helpers.js';

const t1 = '固定资产投资同比增长36.8%，高于目标31.8个百分点。';
const t2 = '占比约为百分之三十，近三成企业盈利。';
const t3 = '五成以上的受访者表示满意，不良率为千分之五。';
const t4 = '增速达到12.5％左右，较上月提高0.3个百分点。';
const t5 = '合格率在95%以上，20%～30%的产品出口。';

runRuleCases(
  rule,
  {
    valid: ['完成了预定任务。', '一成不变的模式难以为继。', '形成合力，建成投产。', 'PM2.5浓度下降。'],
    invalid: [
      { text: t1, figures: [fig(t1, '36.8%', 'percent', 36.8, '%'), fig(t1, '31.8个百分点', 'percentagePoint', 31.8, 'pp')] },
      { text: t2, figures: [fig(t2, '百分之三十', 'percent', 30, '%'), fig(t2, '近三成', 'percent', 30, '%', 'approx')] },
      { text: t3, figures: [fig(t3, '五成以上', 'percent', 50, '%', 'atLeast'), fig(t3, '千分之五', 'percent', 0.5, '%')] },
      { text: t4, figures: [fig(t4, '12.5％左右', 'percent', 12.5, '%', 'approx'), fig(t4, '0.3个百分点', 'percentagePoint', 0.3, 'pp')] },
      { text: t5, figures: [fig(t5, '95%以上', 'percent', 95, '%', 'atLeast'), fig(t5, '20%～30%', 'percent', 20, '%', 'range', { valueMax: 30 })] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('figure-percent');
});
