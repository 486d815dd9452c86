import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '近期出台的《北京具身智能科技创新与产业培育行动计划（2025—2027年）》明确了目标。';
const b = '国务院办公厅印发《关于加快发展银发经济的意见》。';
const c = '安徽省工业和信息化厅发布《安徽省智能机器人产业发展行动方案（2025—2027）（征求意见稿）》。';
runRuleCases(
  rule,
  {
    valid: ['他读了《红楼梦》和《人民日报》。'],
    invalid: [
      { text: a, expect: [span(a, 'POLICY', '北京具身智能科技创新与产业培育行动计划（2025—2027年）')] },
      { text: b, expect: [span(b, 'POLICY', '关于加快发展银发经济的意见')] },
      { text: c, expect: [span(c, 'POLICY', '安徽省智能机器人产业发展行动方案（2025—2027）（征求意见稿）')] },
    ],
  },
  { describe, it, expect },
);

describe('entity-policy-title attrs', () => {
  it('issuer and period', () => {
    const h = rule.run({ text: a, tokens: [], sentences: [], blocks: [], docDate: null })[0]!;
    expect(h.attrs).toMatchObject({ periodStart: 2025, periodEnd: 2027, issuer: '北京' });
  });
});
