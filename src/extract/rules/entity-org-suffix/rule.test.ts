import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '北京市经济和信息化局副局长苏国斌说。';
const b = '京东五星电器（天津）集团有限公司副总经理吴梦康说。';
// a team name jieba glued to 队 (泰山队/nz) with its city before it, and not the verb before that
const c = '上海海港队主场以3比1战胜山东泰山队。';
// broadcasters and weather services end in 卫视 / 气象台
const d = '深圳市气象台发布预警，湖南卫视暂停直播。';
// a verb or preposition the HMM glued to the next word (藏于/x, 由市/x, 转往/x) is not part of the name
const e = '这批文物后来藏于台湾历史博物馆。';
// a body jieba glued to the title after it (中央政治局常委/nt) ends before the title
const f = '她当选中共中央政治局常委。';
// vs between two teams and 原 (former) before a body sit in no name
const g = '本轮焦点是莱切队vs罗马队。';
const h = '他曾任陕西省原民政厅党组副书记。';
runRuleCases(
  rule,
  {
    valid: [
      '该公司总经理表示。',
      '企业布局研发中心。',
      '他在大会上作政府工作报告。',
      '这次活动由市人大常委会牵头组织。',
      '伤员已被转往医院抢救。',
      // jieba tags 哥哥 ns: a kinship word is no place and starts no name
      '他哥哥公司的业务很忙。',
      // an HMM unknown ending in a modal or starting with a negation (先要/x, 不起/x) starts no name
      '我们先要学会倾听。',
      '孩子们穷得上不起学校。',
      // the particle 所 before a verb and the verb 办 before its object end no name (v7)
      '这是改革开放所取得的成就。',
      '侨胞回到梅州捐资办公益事业。',
      // a generic head (外国, 党和) starts no organisation
      '一家外国保险公司在上海开业。',
      '我们党和政府一贯重视扶贫。',
      // a word for a kind of body that jieba knows whole (卫生院/nt, 镇政府/nt) names none
      '判决后，该镇政府没有上诉。',
      '乡级卫生院要处理难产病例。',
      '使用网上支付及网上银行时要注意安全。',
      // 担任 (to take a post) sits in no name: 周欣光 担任 老干部局
      '当了八年城建局长的周欣光担任老干部局长。',
    ],
    invalid: [
      { text: f, expect: [span(f, 'ORG', '中共中央政治局')] },
      { text: g, expect: [span(g, 'ORG', '莱切队')] },
      { text: h, expect: [span(h, 'ORG', '民政厅党组')] },
      { text: c, expect: [span(c, 'ORG', '上海海港队'), span(c, 'ORG', '山东泰山队')] },
      { text: a, expect: [span(a, 'ORG', '北京市经济和信息化局')] },
      { text: b, expect: [span(b, 'ORG', '京东五星电器（天津）集团有限公司')] },
      { text: d, expect: [span(d, 'ORG', '深圳市气象台'), span(d, 'ORG', '湖南卫视')] },
      { text: e, expect: [span(e, 'ORG', '台湾历史博物馆')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-org-suffix');
});
