import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '来自上海的西井科技。';
runRuleCases(
  rule,
  {
    // a verb the HMM glued to its aspect particle (学过/x) is no brand
    valid: ['深度扎根新能源领域。', '他没有学过机械，也不懂电子。', '中国科学院的《努力提高科技创新能力》一文。'],
    invalid: [{ text: a, expect: [span(a, 'ORG', '西井科技')] }],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-org-brand');
});
