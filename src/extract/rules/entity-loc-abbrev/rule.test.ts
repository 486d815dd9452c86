import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '中美关系保持稳定，中日韩合作继续推进。';
const b = '重点实验室在京落地，代表团抵沪访问。';
runRuleCases(
  rule,
  {
    valid: ['集中美化环境。', '中方表示欢迎。', '他在京东工作，在港口上班。', '我们要深入研究。'],
    invalid: [
      {
        text: a,
        expect: [span(a, 'LOC', '中'), span(a, 'LOC', '美'), span(a, 'LOC', '中', 1), span(a, 'LOC', '日'), span(a, 'LOC', '韩')],
      },
      { text: b, expect: [span(b, 'LOC', '京'), span(b, 'LOC', '沪')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-loc-abbrev');
});
