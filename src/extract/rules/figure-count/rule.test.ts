import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../figures/tester.js';
import { fig } from '../../figures/case-helpers.js';

const t1 = '新开工项目21个，拥有生态企业百余家。';
const t2 = '培育3~5家独角兽企业，新引进1-2个整机厂商。';
const t3 = '归集560余万条数据，接待游客3万至4万人次。';
const t4 = '上下游企业1500家至2000家，其中300多家为外资。';
const t5 = '推动十个以上场景落地，形成万台级量产能力。';
const t7 = '集装箱吞吐量4582万标箱，完成3.3亿TEU。';
const t6 = '全市有两三个试点，吸引八九十家企业。';

runRuleCases(
  rule,
  {
    valid: ['推进一体化发展，打造一流环境。', '两会期间代表热议。', '实现统一管理。', '“五个一”工作机制。', '千家万户受益。', '一个园区、一批平台。', '二次开发更方便。'],
    invalid: [
      { text: t1, figures: [fig(t1, '21个', 'count', 21, '个'), fig(t1, '百余家', 'count', 100, '家', 'atLeast')] },
      { text: t2, figures: [fig(t2, '3~5家', 'count', 3, '家', 'range', { valueMax: 5 }), fig(t2, '1-2个', 'count', 1, '个', 'range', { valueMax: 2 })] },
      { text: t3, figures: [fig(t3, '560余万条', 'count', 5600000, '条', 'atLeast'), fig(t3, '3万至4万人次', 'count', 30000, '人次', 'range', { valueMax: 40000 })] },
      { text: t4, figures: [fig(t4, '1500家至2000家', 'count', 1500, '家', 'range', { valueMax: 2000 }), fig(t4, '300多家', 'count', 300, '家', 'atLeast')] },
      { text: t5, figures: [fig(t5, '十个以上', 'count', 10, '个', 'atLeast'), fig(t5, '万台级', 'count', 10000, '台', 'approx')] },
      // container throughput in twenty-foot units
      { text: t7, figures: [fig(t7, '4582万标箱', 'count', 45820000, '标箱'), fig(t7, '3.3亿TEU', 'count', 330000000, 'TEU')] },
      { text: t6, figures: [fig(t6, '两三个', 'count', 2, '个', 'range', { valueMax: 3 }), fig(t6, '八九十家', 'count', 80, '家', 'range', { valueMax: 90 })] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('figure-count');
});
