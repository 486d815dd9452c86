import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '该公司创始人邵元欣说：“机器人关节是实现人形机器人灵活的关键，我们自研了关节模组。”';
const b = '他说：“我们一定会完成任务，请大家放心。”';
// the occasion between speaker and verb: 在…时说, 接受采访时表示, 在发言中指出
const c = '小米集团创始人雷军在武汉大学发表演讲时说：“我们要做最好的产品。”';
const d = '张伟在接受记者采访时表示：“今年的目标是增长百分之十。”';
const e = '会议期间，王芳在发言中指出：“要加快数字化转型。”';
// a pronoun still gives no speaker, and a clause without an occasion frame names none
const f = '他在会上强调：“必须守住安全底线。”';
runRuleCases(
  rule,
  {
    valid: ['所谓“新质生产力”是什么？'],
    invalid: [
      { text: a, expect: [span(a, 'QUOTE:邵元欣', '机器人关节是实现人形机器人灵活的关键，我们自研了关节模组。')] },
      { text: b, expect: [span(b, 'QUOTE:', '我们一定会完成任务，请大家放心。')] },
      { text: c, expect: [span(c, 'QUOTE:雷军', '我们要做最好的产品。')] },
      { text: d, expect: [span(d, 'QUOTE:张伟', '今年的目标是增长百分之十。')] },
      { text: e, expect: [span(e, 'QUOTE:王芳', '要加快数字化转型。')] },
      { text: f, expect: [span(f, 'QUOTE:', '必须守住安全底线。')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('quote-speaker-before');
});
