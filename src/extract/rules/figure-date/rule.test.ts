import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../figures/tester.js';
import { fig } from '../../figures/case-helpers.js';

const t1 = '2024年10月，项目在8月25日开工。';
const t2 = '2月3日7时37分，火箭点火起飞。';
const t3 = '《行动计划（2025—2027年）》提出，到2027年底建成。';
const t4 = '今年1月至7月，上半年投资增长。';
const t5 = '2024年3月2日至3日进行迁改，2023年年底以来持续推进。';
const t6 = '展会于9月12日、13日和15日对公众开放，3－5月完成布展。';
const t7 = '该线路18年6月开通，3月——5月客流回升。';
const t8 = '前天，新馆试运行；上个月，客流回升；三天后，展览闭幕。';
const t9 = '自2019年以来，园区累计引进企业；力争2035年前基本建成。';
const t11 = '下半年，全县新开工项目增多；1-11月，税收平稳；两个月前，新区揭牌；三年前，老厂搬迁；这栋楼是96年建的。';
const t12 = '21世纪初，这里建起港口；今天上午，新船下水；下午3点，仪式结束。当天，70年厚积薄发。';
const t13 = '2023年春节，游客增多；到明年，新馆建成。';
const t10 = '今年国庆假期，景区客流创新高，农历八月十五举办灯会。';

runRuleCases(
  rule,
  {
    valid: ['今年以来成效明显。', '近年来发展迅速。', '2024世界机器人大会开幕。', '近日记者走访。'],
    invalid: [
      {
        text: t1,
        figures: [fig(t1, '2024年10月', 'date', null, null, 'exact', { date: '2024-10' }), fig(t1, '8月25日', 'date', null, null, 'exact', { date: null })],
      },
      {
        text: t1,
        docDate: '2024-11-02',
        figures: [fig(t1, '2024年10月', 'date', null, null, 'exact', { date: '2024-10' }), fig(t1, '8月25日', 'date', null, null, 'exact', { date: '2024-08-25' })],
      },
      { text: t2, docDate: '2024-03-01', figures: [fig(t2, '2月3日7时37分', 'date', null, null, 'exact', { date: '2024-02-03T07:37' })] },
      {
        text: t3,
        figures: [
          fig(t3, '2025—2027年', 'period', null, null, 'range', { date: '2025', dateEnd: '2027' }),
          fig(t3, '2027年底', 'date', null, null, 'exact', { date: '2027-12' }),
        ],
      },
      {
        text: t4,
        docDate: '2024-09-01',
        figures: [
          fig(t4, '今年1月至7月', 'period', null, null, 'range', { date: '2024-01', dateEnd: '2024-07' }),
          fig(t4, '上半年', 'period', null, null, 'exact', { date: '2024-01', dateEnd: '2024-06' }),
        ],
      },
      {
        text: t5,
        figures: [
          fig(t5, '2024年3月2日至3日', 'period', null, null, 'range', { date: '2024-03-02', dateEnd: '2024-03-03' }),
          fig(t5, '2023年年底', 'date', null, null, 'exact', { date: '2023-12' }),
        ],
      },
      {
        // a list of days keeps the month of its first date; a full-width dash joins a month range
        text: t6,
        docDate: '2024-10-08',
        figures: [
          fig(t6, '9月12日', 'date', null, null, 'exact', { date: '2024-09-12' }),
          fig(t6, '13日', 'date', null, null, 'exact', { date: '2024-09-13' }),
          fig(t6, '15日', 'date', null, null, 'exact', { date: '2024-09-15' }),
          fig(t6, '3－5月', 'period', null, null, 'range', { date: '2024-03', dateEnd: '2024-05' }),
        ],
      },
      {
        // a two-digit year before a month; a doubled dash between two months
        text: t7,
        docDate: '2024-10-08',
        figures: [
          fig(t7, '18年6月', 'date', null, null, 'exact', { date: '2018-06' }),
          fig(t7, '3月——5月', 'period', null, null, 'range', { date: '2024-03', dateEnd: '2024-05' }),
        ],
      },
      {
        // time expressions that are no date of dates.ts are figures of their own, with a document date
        text: t8,
        docDate: '2025-03-12',
        figures: [
          fig(t8, '前天', 'date', null, null, 'exact', { date: '2025-03-10' }),
          fig(t8, '上个月', 'date', null, null, 'exact', { date: '2025-02' }),
          fig(t8, '三天后', 'date', null, null, 'exact', { date: '2025-03-15' }),
        ],
      },
      {
        // an open end replaces its date, without the preposition: since → the document date, before → an open start
        text: t9,
        docDate: '2025-06-30',
        figures: [
          fig(t9, '2019年以来', 'period', null, null, 'exact', { date: '2019-01-01', dateEnd: '2025-06-30' }),
          fig(t9, '2035年前', 'period', null, null, 'exact', { date: null, dateEnd: '2035-12-31' }),
        ],
      },
      {
        // a holiday span (中秋 and 国庆 joined in 2025) and a lunar date over the month dates.ts reads inside it
        text: t10,
        docDate: '2025-10-09',
        figures: [
          fig(t10, '今年国庆假期', 'period', null, null, 'exact', { date: '2025-10-01', dateEnd: '2025-10-08' }),
          fig(t10, '农历八月十五', 'date', null, null, 'exact', { date: '2025-10-06' }),
        ],
      },
      {
        // 下半年 alone in January is last year's; an ASCII hyphen joins a month range; an offset is written at
        // its unit's precision; a two-digit year after 是/在/从 is of the last century
        text: t11,
        docDate: '2025-01-20',
        figures: [
          fig(t11, '下半年', 'period', null, null, 'exact', { date: '2024-07', dateEnd: '2024-12' }),
          fig(t11, '1-11月', 'period', null, null, 'range', { date: '2024-01', dateEnd: '2024-11' }),
          fig(t11, '两个月前', 'date', null, null, 'exact', { date: '2024-11' }),
          fig(t11, '三年前', 'date', null, null, 'exact', { date: '2022' }),
          fig(t11, '96年', 'date', null, null, 'exact', { date: '1996' }),
        ],
      },
      {
        // a part of a century is a time with no day span; a time of day counts on a day only
        text: t12,
        docDate: '2025-04-16',
        figures: [
          fig(t12, '21世纪初', 'period', null, null, 'exact', { date: null, dateEnd: null }),
          fig(t12, '今天上午', 'date', null, null, 'exact', { date: '2025-04-16' }),
        ],
      },
      {
        // a year before a festival is one time with it; a preposition before a time is no part of the figure
        text: t13,
        docDate: '2024-03-01',
        figures: [fig(t13, '2023年春节', 'date', null, null, 'exact', { date: '2023-01-22' }), fig(t13, '明年', 'date', null, null, 'exact', { date: '2025' })],
      },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('figure-date');
});
