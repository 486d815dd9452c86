import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../figures/tester.js';
import { fig } from '../../figures/case-helpers.js';

const t1 = '第十届进博会上，他获得第3名。';
const t2 = '工业产值排名全市第一，市场占有率前三。';

runRuleCases(
  rule,
  {
    valid: ['要第一时间响应。', '依靠第三方机构评估。', '驻村第一书记到岗。', '全市第一产业增加值186亿元。', '全省第三产业增加值占比58.6%。'],
    invalid: [
      { text: t1, figures: [fig(t1, '第十届', 'ordinal', 10, '届'), fig(t1, '第3名', 'ordinal', 3, '名')] },
      { text: t2, figures: [fig(t2, '第一', 'ordinal', 1, null), fig(t2, '前三', 'ordinal', 3, null, 'atMost')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('figure-ordinal');
});
