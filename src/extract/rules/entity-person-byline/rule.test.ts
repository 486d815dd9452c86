import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '本报记者 刘春沐阳';
const b = '涂铭 郭宇靖 张骁';
const c = '在日前举办的大会上，参观者驻足观看。 陈晓根摄';
const d = '（邱海鹰 周毅 文/图）';
const e = '图为求职者在查看招聘信息。 吉喆 摄影报道';
runRuleCases(
  rule,
  {
    valid: ['记者从市政府获悉，项目已开工。', '专家和实际工作者相结合，必须适应现代化的要求。'],
    invalid: [
      { text: a, expect: [span(a, 'PERSON', '刘春沐阳')] },
      { text: b, expect: [span(b, 'PERSON', '涂铭'), span(b, 'PERSON', '郭宇靖'), span(b, 'PERSON', '张骁')] },
      { text: c, expect: [span(c, 'PERSON', '陈晓根')] },
      { text: d, expect: [span(d, 'PERSON', '邱海鹰'), span(d, 'PERSON', '周毅')] },
      { text: e, expect: [span(e, 'PERSON', '吉喆')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-person-byline');
});
