import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '思客琦智能装备有限公司位于宁德。思客琦是一家高新技术企业。';
runRuleCases(
  rule,
  {
    valid: ['天津轨道交通集团成立。轨道交通发展迅速。'],
    invalid: [{ text: a, expect: [span(a, 'ORG', '思客琦', 1)] }],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-org-alias');
});
