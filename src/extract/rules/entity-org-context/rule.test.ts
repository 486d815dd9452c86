import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '长木谷董事长张逸凌说。';
const b = '以优必选等为龙头，以及智同精密、清能德创等关键部组件企业。';
const c = '王华斌摄（中经视觉）';
const d = '南开区委、区政府高度重视。';
runRuleCases(
  rule,
  {
    // a preposition the HMM glued to a name (由华/x) is no company before a title
    valid: ['为自动驾驶、智慧交通等高精尖企业服务。', '会议由华董事长主持。', '随即县委、县政府决定用3年时间整治。', '他先后探访了浦东新区碧云、联洋以及东城等几个房地产中介公司。'],
    invalid: [
      { text: a, expect: [span(a, 'ORG', '长木谷')] },
      { text: b, expect: [span(b, 'ORG', '优必选'), span(b, 'ORG', '智同精密'), span(b, 'ORG', '清能德创')] },
      { text: c, expect: [span(c, 'ORG', '中经视觉')] },
      { text: d, expect: [span(d, 'ORG', '区政府')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-org-context');
});
