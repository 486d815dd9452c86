import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '中美关系保持稳定，中日韩合作继续推进。';
const b = '重点实验室在京落地，代表团抵沪访问。';
// written for this rule: chains of abbreviations, people words, a visit read as one word
// jieba cuts 鲁台 of this sentence into 鲁 | 台: the run is still a chain
const d = '他曾经四度参加“鲁台经贸洽谈会”。';
const c = '港台和闽粤企业来访，中方表示欢迎，台胞和港人踊跃参加，外长随后访美。';
runRuleCases(
  rule,
  {
    valid: [
      '集中美化环境。',
      '他在京东工作，在港口上班。',
      '我们要深入研究。',
      // ordinary words made of abbreviations: place-abbrev-not-words, place-abbrev-weak, gazetteer places
      '西方国家的老人和法人非法加以干预。',
      '这部京剧在中华大地广受欢迎，新政策出台。',
      '他去过巴西和辽宁，美德和美意都谈不上。',
    ],
    invalid: [
      {
        text: a,
        expect: [span(a, 'LOC', '中'), span(a, 'LOC', '美'), span(a, 'LOC', '中', 1), span(a, 'LOC', '日'), span(a, 'LOC', '韩')],
      },
      { text: b, expect: [span(b, 'LOC', '京'), span(b, 'LOC', '沪')] },
      { text: d, expect: [span(d, 'LOC', '鲁'), span(d, 'LOC', '台')] },
      {
        text: c,
        expect: [
          span(c, 'LOC', '港'),
          span(c, 'LOC', '台'),
          span(c, 'LOC', '闽'),
          span(c, 'LOC', '粤'),
          span(c, 'LOC', '中'),
          span(c, 'LOC', '台', 1),
          span(c, 'LOC', '港', 1),
          span(c, 'LOC', '美'),
        ],
      },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-loc-abbrev');
});
