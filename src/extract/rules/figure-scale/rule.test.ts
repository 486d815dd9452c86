import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../figures/tester.js';
import { fig } from '../../figures/case-helpers.js';

const t1 = '四川省泸定县发生6.8级地震，震源深度16千米。';
const t2 = '随后发生里氏5级左右的余震，5级以上地震共3次。';
const t3 = '受台风影响，沿海阵风8至10级，最大风力达到12级以上。';
const t4 = '今年第11号台风以17级超强台风强度登陆。';

runRuleCases(
  rule,
  {
    // ranks, levels, cohorts and responses are no readings on a scale
    valid: ['他是三级巡视员。', '2023级学生入学。', '启动二级应急响应。', '这是一家3级医院。', '升级到V3级版本。'],
    invalid: [
      { text: t1, figures: [fig(t1, '6.8级', 'scale', 6.8, 'magnitude')] },
      { text: t2, figures: [fig(t2, '里氏5级左右', 'scale', 5, 'magnitude', 'approx'), fig(t2, '5级以上', 'scale', 5, 'magnitude', 'atLeast')] },
      { text: t3, figures: [fig(t3, '8至10级', 'scale', 8, 'Beaufort', 'range', { valueMax: 10 }), fig(t3, '12级以上', 'scale', 12, 'Beaufort', 'atLeast')] },
      { text: t4, figures: [fig(t4, '17级', 'scale', 17, 'Beaufort')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('figure-scale');
});
