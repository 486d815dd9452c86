import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '日前举办的2024世界机器人大会吸引观众。';
const b = '北京亦庄将通过举办世界机器人大会、机器人马拉松、人形机器人运动会等国际性赛事。';
const c = '依托中关村论坛等品牌活动。';
// 大会 of 大会堂 (a hall) ends no event
const d = '1月1日在北京人民大会堂召开了第一届中国人居环境高峰论坛。';
runRuleCases(
  rule,
  {
    // a people's congress is a standing body, not an event
    valid: ['召开座谈会。', '全国人民代表大会及其常务委员会行使立法权。'],
    invalid: [
      { text: a, expect: [span(a, 'EVENT', '2024世界机器人大会')] },
      { text: b, expect: [span(b, 'EVENT', '世界机器人大会'), span(b, 'EVENT', '机器人马拉松'), span(b, 'EVENT', '人形机器人运动会')] },
      { text: c, expect: [span(c, 'EVENT', '中关村论坛')] },
      { text: d, expect: [span(d, 'EVENT', '第一届中国人居环境高峰论坛')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-event-suffix');
});
