import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '在距离北京机器人产业园4公里的通明湖信创园。';
const b = '苏州工业园结合园区实际制定方案。';
runRuleCases(
  rule,
  {
    // a verb the HMM glued to its preposition (转往/x) does not begin a zone's name
    valid: ['建设国际领先的产业园区。', '货物被转往开发区仓库。'],
    invalid: [
      { text: a, expect: [span(a, 'LOC', '北京机器人产业园'), span(a, 'LOC', '通明湖信创园')] },
      { text: b, expect: [span(b, 'LOC', '苏州工业园')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-loc-park');
});
