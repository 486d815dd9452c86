import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '来自上海的西井科技。';
runRuleCases(
  rule,
  {
    valid: ['深度扎根新能源领域。'],
    invalid: [{ text: a, expect: [span(a, 'ORG', '西井科技')] }],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-org-brand');
});
