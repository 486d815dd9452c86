import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../figures/tester.js';
import { fig } from '../../figures/case-helpers.js';

const t1 = '其中三分之一为专精特新企业，产值增长1.1倍。';
const t2 = '约1/3的用户来自海外，超半数企业已复工。';
const t3 = '存储容量达普通光盘上万倍，同比增长近2倍。';
const t4 = '全市城乡居民收入比为1.71，比上年缩小0.03。';

runRuleCases(
  rule,
  {
    valid: ['收入比上年增长2.5，另一半时间用于休息。', '比值为a。', '三番五次强调安全。', '网址是a/b/c。'],
    invalid: [
      { text: t1, figures: [fig(t1, '三分之一', 'ratio', 0.333333333333333, 'ratio'), fig(t1, '1.1倍', 'multiple', 1.1, 'x')] },
      { text: t2, figures: [fig(t2, '约1/3', 'ratio', 0.333333333333333, 'ratio', 'approx'), fig(t2, '超半数', 'ratio', 0.5, 'ratio', 'atLeast')] },
      { text: t3, figures: [fig(t3, '上万倍', 'multiple', 10000, 'x', 'atLeast'), fig(t3, '近2倍', 'multiple', 2, 'x', 'approx')] },
      { text: t4, figures: [fig(t4, '1.71', 'ratio', 1.71, 'ratio'), fig(t4, '0.03', 'ratio', 0.03, 'ratio')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('figure-ratio');
});
