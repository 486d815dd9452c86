import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '天津市南开区固定资产投资同比增长。';
const b = '因为地处亦庄镇而被人们称为亦庄。';
const c = '美国和俄罗斯在日内瓦举行会谈。';
runRuleCases(
  rule,
  {
    valid: ['这些资源需要合作开发。', '今天天气很好，我们去公园散步。'],
    invalid: [
      { text: a, expect: [span(a, 'LOC', '天津市南开区')] },
      { text: b, expect: [span(b, 'LOC', '亦庄镇'), span(b, 'LOC', '亦庄', 1)] },
      { text: c, expect: [span(c, 'LOC', '美国'), span(c, 'LOC', '俄罗斯'), span(c, 'LOC', '日内瓦')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-loc-gazetteer');
});
