import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

// sentences written for these cases: names with no cue word, an organisation
// that starts with a place, abbreviated banks
const a = '据悉，王建国和妻子去年从甘肃搬到了深圳。';
const b = '美国海军第七舰队当天在南海举行演习。';
const c = '记者从杭州市文化市场综合执法局获悉，此案已移交公安机关。';
const d = '建行和招行相继下调了存款利率。';
runRuleCases(
  rule,
  {
    valid: ['今天天气很好，我们一起去吃饭吧。'],
    invalid: [
      { text: a, expect: [span(a, 'PERSON', '王建国'), span(a, 'LOC', '甘肃'), span(a, 'LOC', '深圳')] },
      { text: b, expect: [span(b, 'ORG', '美国海军第七舰队'), span(b, 'LOC', '南海')] },
      { text: c, expect: [span(c, 'ORG', '杭州市文化市场综合执法局')] },
      { text: d, expect: [span(d, 'ORG', '建行'), span(d, 'ORG', '招行')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-model');
});
