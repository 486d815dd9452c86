import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '天津市南开区固定资产投资同比增长。';
const b = '因为地处亦庄镇而被人们称为亦庄。';
const c = '美国和俄罗斯在日内瓦举行会谈。';
// an autonomous prefecture as news writes it (西双版纳州) chains on to its county
const d = '云南省西双版纳州勐腊县发现一群野生亚洲象。';
// a two-character county continues a chain after its prefecture
const e = '甘肃省定西市岷县发生5.0级地震。';
// 太湖 is also 太湖县's short form, but a county does not contain a county
const f = '江苏省苏州市吴中区太湖沿岸开展生态修复。';
// 乡 of 乡村 does not grow the chain into 榕江县举办乡
const g = '贵州省黔东南州榕江县举办乡村足球超级联赛。';
// a village after a place never begins with a preposition (兴化市 | 在农村)
const h = '兴化市在农村推行改革。';
const town = '郑州市城镇居民人均收入增长。';
// a village unit that is part of a common word grows nothing (现有|农村: 村 belongs to 农村)
const village = '孙桥镇现有农村党员九百多人。';
// the residents of a city are no place: 北京 + 市民
const residents = '北京市民可以在居住地办理。';
// 山乡 (mountain villages) is no township after the province
const hills = '会知道万里之遥的广西山乡有葛仙米。';
// a division suffix that starts another word (武汉市 | 民, 江北 + 区域性) is no part of the place
const citizens = '上海、广州及武汉市民乘坐地铁。';
const region = '跨省连片的江北区域性市场。';
runRuleCases(
  rule,
  {
    valid: [
      '这些资源需要合作开发。',
      '今天天气很好，我们去公园散步。',
      '阿里发布了最新财报。',
      // 于城镇 is a township's name, but here 于 + 城镇 (jieba: 于城镇/nr, not a place)
      '这种产品目前局限于城镇市场。',
    ],
    invalid: [
      { text: town, expect: [span(town, 'LOC', '郑州市')] },
      { text: village, expect: [span(village, 'LOC', '孙桥镇')] },
      { text: residents, expect: [span(residents, 'LOC', '北京')] },
      { text: hills, expect: [span(hills, 'LOC', '广西')] },
      { text: citizens, expect: [span(citizens, 'LOC', '上海'), span(citizens, 'LOC', '广州'), span(citizens, 'LOC', '武汉')] },
      { text: region, expect: [span(region, 'LOC', '江北')] },
      { text: a, expect: [span(a, 'LOC', '天津市南开区')] },
      { text: b, expect: [span(b, 'LOC', '亦庄镇'), span(b, 'LOC', '亦庄', 1)] },
      { text: c, expect: [span(c, 'LOC', '美国'), span(c, 'LOC', '俄罗斯'), span(c, 'LOC', '日内瓦')] },
      { text: d, expect: [span(d, 'LOC', '云南省西双版纳州勐腊县')] },
      { text: e, expect: [span(e, 'LOC', '甘肃省定西市岷县')] },
      { text: f, expect: [span(f, 'LOC', '江苏省苏州市吴中区'), span(f, 'LOC', '太湖')] },
      { text: g, expect: [span(g, 'LOC', '贵州省黔东南州榕江县')] },
      { text: h, expect: [span(h, 'LOC', '兴化市')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-loc-gazetteer');
});
