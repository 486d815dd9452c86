import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../entities/tester.js';
import { extractEntities, mentionRules, quoteRules, relationRules } from '../../packs/entities.js';

const RULES_WITHOUT_MODEL = new Set([...mentionRules, ...quoteRules, ...relationRules].map((r) => r.id).filter((id) => id !== 'entity-model'));

const a = '北京市经济和信息化局副局长苏国斌说，目前进展顺利。';
const b = '北京经济技术开发区工委副书记、管委会主任孔磊表示，要加快发展。';
const c = '兴业银行党委书记、董事长吕家进介绍。';
const d = '国家发改委财金司司长徐林表示，将加大支持力度。';
const e = '中国人民银行上海总部金融市场管理部副主任王某说，利率保持稳定。';
runRuleCases(
  rule,
  {
    valid: [
      '村民罗耀益说，今年收入增加了。',
      // no body before the title: relation-title-before's
      '主教练普利斯表示，球队下赛季的目标是保级。',
      // 的 between the body and the title: no department
      '长江公司的研究室主任张三说。',
    ],
    invalid: [
      { text: a, expect: [{ type: 'person-title-org:苏国斌|副局长|北京市经济和信息化局', text: '北京市经济和信息化局副局长苏国斌', start: 0, end: 16 }] },
      {
        text: b,
        expect: [
          { type: 'person-title-org:孔磊|主任|管委会', text: '管委会主任孔磊', start: 15, end: 22 },
          { type: 'person-title-org:孔磊|副书记|北京经济技术开发区工委', text: b.slice(0, 22), start: 0, end: 22 },
        ],
      },
      {
        text: c,
        expect: [
          { type: 'person-title-org:吕家进|党委书记|兴业银行', text: '兴业银行党委书记、董事长吕家进', start: 0, end: 15 },
          { type: 'person-title-org:吕家进|董事长|兴业银行', text: '兴业银行党委书记、董事长吕家进', start: 0, end: 15 },
        ],
      },
      // a department that is no mention between the body and the title: the nearest body that is one
      { text: d, expect: [{ type: 'person-title-org:徐林|司长|国家发改委', text: '国家发改委财金司司长徐林', start: 0, end: 12 }] },
      // a place inside the department (上海总部金融市场管理部)
      { text: e, expect: [{ type: 'person-title-org:王某|副主任|中国人民银行', text: e.slice(0, 22), start: 0, end: 22 }] },
    ],
    // the mentions of the entity rules without the model: these cases pin this
    // rule's reading of titles and bodies, not the model's spans (which move
    // with each retraining; entity-model v3 reads 管理部 in e as an ORG)
    mentions: (ctx) => extractEntities(ctx, { rules: RULES_WITHOUT_MODEL }).mentions,
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('relation-person-title');
});
