import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '该公司创始人邵元欣说：“机器人关节是实现人形机器人灵活的关键，我们自研了关节模组。”';
const b = '他说：“我们一定会完成任务，请大家放心。”';
runRuleCases(
  rule,
  {
    valid: ['所谓“新质生产力”是什么？'],
    invalid: [
      { text: a, expect: [span(a, 'QUOTE:邵元欣', '机器人关节是实现人形机器人灵活的关键，我们自研了关节模组。')] },
      { text: b, expect: [span(b, 'QUOTE:', '我们一定会完成任务，请大家放心。')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('quote-speaker-before');
});
