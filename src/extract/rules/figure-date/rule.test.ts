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
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('figure-date');
});
