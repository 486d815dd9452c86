import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '“政府在调度经济中，要第一时间感知企业感受。”张强说。';
const b = '“这就是我们发展的底气！”他表示。';
runRuleCases(
  rule,
  {
    valid: ['“双百”工程推动应用。'],
    invalid: [
      { text: a, expect: [span(a, 'QUOTE:张强', '政府在调度经济中，要第一时间感知企业感受。')] },
      { text: b, expect: [span(b, 'QUOTE:', '这就是我们发展的底气！')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('quote-speaker-after');
});
