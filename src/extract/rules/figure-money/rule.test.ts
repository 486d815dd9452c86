import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../figures/tester.js';
import { fig } from '../../figures/case-helpers.js';

const t1 = '全年完成投资3000亿元，同比增长5%。';
const t2 = '公司获得1.5亿美元融资，另有约2000万港元。';
const t3 = '总投资171.86亿元，其中近百亿元来自社会资本。';
const t4 = '单价￥300，合计超过5万元人民币。';
const t5 = '营收不足10亿元，利润超6亿元。';
const t6 = '投资3万至4万元不等，奖励5000欧元。';
const t7 = '门票港币2960元，融资人民币3亿元。';
const t8 = '预算两到三仟元，报价从8500到3万元，车费3块5毛，补贴5角钱，面值100圆。';
const t9 = '单笔10万元（含）以上须审批。';
const t11 = '新建住宅均价1.35万元/平方米，人均补贴3000元/人/年。';
const t12 = '一碗牛肉面二十块，旧书以八百块卖出，他捐了两千多块，车票价格为十八块；西瓜切成八块，饼分为四块，桌上摆着三块。';
const t13 = '冰棍8毛钱一根，矿泉水2块钱一瓶。';
const t15 = '门票三五百元，代购费50RMB，押金RMB2000元，冰棍只要五毛。';
const t14 = '这家工厂去年赚了两个亿，今年投资一个多亿，他还欠了银行十几万块。';
const t10 = '猪肉每斤十二块五，鸡蛋一块五，公交票价5角，葱3毛5一把。';

runRuleCases(
  rule,
  {
    valid: ['两个亿万富翁出席。', '五角大楼宣布了新计划。', '三毛的作品再版。', '这块五花肉很新鲜。', '人民币汇率保持稳定。', '一美元兑换多少人民币？'.slice(3), '元旦假期出游火爆。'],
    invalid: [
      { text: t1, figures: [fig(t1, '3000亿元', 'money', 300000000000, 'CNY')] },
      { text: t2, figures: [fig(t2, '1.5亿美元', 'money', 150000000, 'USD'), fig(t2, '约2000万港元', 'money', 20000000, 'HKD', 'approx')] },
      { text: t3, figures: [fig(t3, '171.86亿元', 'money', 17186000000, 'CNY'), fig(t3, '近百亿元', 'money', 10000000000, 'CNY', 'approx')] },
      { text: t4, figures: [fig(t4, '￥300', 'money', 300, 'CNY'), fig(t4, '超过5万元人民币', 'money', 50000, 'CNY', 'atLeast')] },
      { text: t5, figures: [fig(t5, '不足10亿元', 'money', 1000000000, 'CNY', 'atMost'), fig(t5, '超6亿元', 'money', 600000000, 'CNY', 'atLeast')] },
      { text: t6, figures: [fig(t6, '3万至4万元', 'money', 30000, 'CNY', 'range', { valueMax: 40000 }), fig(t6, '5000欧元', 'money', 5000, 'EUR')] },
      // a currency name before the amount is its currency (港币2960元 is HKD)
      { text: t7, figures: [fig(t7, '港币2960元', 'money', 2960, 'HKD'), fig(t7, '人民币3亿元', 'money', 300000000, 'CNY')] },
      // the low end takes the high end's 仟; 块 with 毛 after it, 角钱 and 圆 are money
      {
        text: t8,
        figures: [
          fig(t8, '两到三仟元', 'money', 2000, 'CNY', 'range', { valueMax: 3000 }),
          fig(t8, '8500到3万元', 'money', 8500, 'CNY', 'range', { valueMax: 30000 }),
          fig(t8, '3块5毛', 'money', 3.5, 'CNY'),
          fig(t8, '5角钱', 'money', 0.5, 'CNY'),
          fig(t8, '100圆', 'money', 100, 'CNY'),
        ],
      },
      { text: t9, figures: [fig(t9, '10万元（含）以上', 'money', 100000, 'CNY', 'atLeast')] },
      // X块Y is X.Y yuan; 角/毛 after Arabic digits are tenths of a yuan (3毛5 = 0.35)
      {
        text: t10,
        figures: [fig(t10, '十二块五', 'money', 12.5, 'CNY'), fig(t10, '一块五', 'money', 1.5, 'CNY'), fig(t10, '5角', 'money', 0.5, 'CNY'), fig(t10, '3毛5', 'money', 0.35, 'CNY')],
      },
      {
        // 块 alone is yuan after a price word of its clause or before 卖/买, with no noun after it; pieces are no money
        text: t12,
        figures: [fig(t12, '二十块', 'money', 20, 'CNY'), fig(t12, '八百块', 'money', 800, 'CNY'), fig(t12, '两千多块', 'money', 2000, 'CNY', 'atLeast'), fig(t12, '十八块', 'money', 18, 'CNY')],
      },
      // N个亿 is hundreds of millions of yuan (FIGURES.md: 两个亿); 欠 is a price word for 块
      {
        text: t14,
        figures: [
          fig(t14, '两个亿', 'money', 200000000, 'CNY'),
          fig(t14, '一个多亿', 'money', 100000000, 'CNY', 'atLeast'),
          fig(t14, '十几万块', 'money', 100000, 'CNY', 'atLeast'),
        ],
      },
      // 三五 is a range (300–500) like 两三; RMB after or before the amount is CNY
      {
        text: t15,
        figures: [
          fig(t15, '三五百元', 'money', 300, 'CNY', 'range', { valueMax: 500 }),
          fig(t15, '50RMB', 'money', 50, 'CNY'),
          fig(t15, 'RMB2000元', 'money', 2000, 'CNY'),
          fig(t15, '五毛', 'money', 0.5, 'CNY'),
        ],
      },
      // no tenths after 块钱/毛钱: 一 counts the item
      { text: t13, figures: [fig(t13, '8毛钱', 'money', 0.8, 'CNY'), fig(t13, '2块钱', 'money', 2, 'CNY')] },
      // a price per unit: the span and unit take the denominator(s), the value is the money
      { text: t11, figures: [fig(t11, '1.35万元/平方米', 'money', 13500, 'CNY/平方米'), fig(t11, '3000元/人/年', 'money', 3000, 'CNY/人/年')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('figure-money');
});
