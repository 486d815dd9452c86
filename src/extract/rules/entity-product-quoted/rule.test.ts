import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '北京人形机器人创新中心自主研发的“天工”机器人便是代表。';
const b = '通用具身智能平台“慧思开物”发布。';
runRuleCases(
  rule,
  {
    valid: ['“上下游”成为“左右邻”。'],
    invalid: [
      { text: a, expect: [span(a, 'PRODUCT', '天工')] },
      { text: b, expect: [span(b, 'PRODUCT', '慧思开物')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-product-quoted');
});
