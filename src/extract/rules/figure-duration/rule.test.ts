import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../figures/tester.js';
import { fig } from '../../figures/case-helpers.js';

const t1 = '历时18个月盘活闲置10年的广场。';
const t2 = '成立仅8个多月，开业半年即盈利。';
const t3 = '在纳入后5日内落实，近2年来成效明显。';
const t4 = '每天工作8小时，工期3周。';
const t5 = '项目建设周期1年零3个月，单次检修用时两小时三十分，累计停运2周3天。';
const t6 = '全程约3小时20分钟，满载续航1年3个月以上，最快用时1小时59分40秒。';

runRuleCases(
  rule,
  {
    valid: ['2024年以来成效明显。', '90年代的老厂房。', '一天一个样。', '百年大计，质量第一。'],
    invalid: [
      { text: t1, figures: [fig(t1, '18个月', 'duration', 18, 'month'), fig(t1, '10年', 'duration', 10, 'year')] },
      { text: t2, figures: [fig(t2, '8个多月', 'duration', 8, 'month', 'atLeast'), fig(t2, '半年', 'duration', 0.5, 'year')] },
      { text: t3, figures: [fig(t3, '5日内', 'duration', 5, 'day', 'atMost'), fig(t3, '近2年', 'duration', 2, 'year', 'approx')] },
      { text: t4, figures: [fig(t4, '8小时', 'duration', 8, 'hour'), fig(t4, '3周', 'duration', 21, 'day')] },
      // compound durations: one figure in the smaller unit
      {
        text: t5,
        figures: [
          fig(t5, '1年零3个月', 'duration', 15, 'month'),
          fig(t5, '两小时三十分', 'duration', 150, 'minute'),
          fig(t5, '2周3天', 'duration', 17, 'day'),
        ],
      },
      { text: t6, figures: [fig(t6, '约3小时20分钟', 'duration', 200, 'minute', 'approx'), fig(t6, '1年3个月以上', 'duration', 15, 'month', 'atLeast'), fig(t6, '1小时59分40秒', 'duration', 7180, 'second')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('figure-duration');
});
