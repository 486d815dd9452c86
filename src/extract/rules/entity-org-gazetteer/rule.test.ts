import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '据新华社报道，国务院召开常务会议。';
const b = '他在小米机器人工作。';
// a listed body inside the token jieba glued to a title after it (中央政治局常委/nt)
const c = '他是中央政治局常委。';
// a session number before a body belongs to its name; a year before it does not
const d = '他主持第六届全国人大常委会工作，出席五届全国人大。';
const e = '2024年全国人大会议闭幕。';
runRuleCases(
  rule,
  {
    // generic organisation words jieba tags nt (党组织, 人民法院) name no particular body
    valid: ['近年来，中央始终高度重视为基层减负。', '一箭三星发射成功。', '对三家上市公司予以公开谴责。', '他不再担任国家队主教练。', '各级党组织要发挥战斗堡垒作用。', '当事人可以向人民法院起诉。', '人民代表大会制度是根本政治制度。'],
    invalid: [
      { text: a, expect: [span(a, 'ORG', '新华社'), span(a, 'ORG', '国务院')] },
      { text: b, expect: [span(b, 'ORG', '小米机器人')] },
      { text: c, expect: [span(c, 'ORG', '中央政治局')] },
      { text: d, expect: [span(d, 'ORG', '第六届全国人大常委会'), span(d, 'ORG', '五届全国人大')] },
      { text: e, expect: [span(e, 'ORG', '全国人大')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-org-gazetteer');
});
