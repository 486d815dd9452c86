import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../entities/tester.js';
import { extractEntities } from '../../packs/entities.js';

const a = '主教练普利斯表示，球队下赛季的目标是保级。';
const b = '本报讯（通讯员王东升记者蔡早勤）昨日，市区迎来降雪。';
const c = '党委书记、董事长吕家进介绍了今年的经营情况。';
runRuleCases(
  rule,
  {
    valid: [
      // 村民 says what he is, not a post
      '村民罗耀益说，今年收入增加了。',
      // a body before the title: relation-person-title's
      '北京市经济和信息化局副局长苏国斌说，目前进展顺利。',
      // 其: relation-title-carried's
      '长江公司发布公告，其董事长李某称业绩增长。',
    ],
    invalid: [
      { text: a, expect: [{ type: 'person-title:普利斯|主教练|', text: '主教练普利斯', start: 0, end: 6 }] },
      {
        text: b,
        expect: [
          { type: 'person-title:王东升|通讯员|', text: '通讯员王东升', start: 4, end: 10 },
          { type: 'person-title:蔡早勤|记者|', text: '记者蔡早勤', start: 10, end: 15 },
        ],
      },
      {
        text: c,
        expect: [
          { type: 'person-title:吕家进|党委书记|', text: '党委书记、董事长吕家进', start: 0, end: 11 },
          { type: 'person-title:吕家进|董事长|', text: '党委书记、董事长吕家进', start: 0, end: 11 },
        ],
      },
    ],
    mentions: (ctx) => extractEntities(ctx).mentions,
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('relation-title-before');
});
