import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '他来自安徽芜湖，在闽东地区工作。';
const b = '上海浦东开发开放十年来取得巨大成就。';
// three levels chain one by one; 村 of 村民 is no village suffix
const c = '福建省厦门市海沧区村民陈阿婆今年已经九十岁。';
runRuleCases(
  rule,
  {
    // jieba tags 哥哥 ns: a kinship word names no place (place-generic-words)
    // a generic place word after a one-character modifier (jieba: 大城市/ns, 深山区/ns) names no place
    valid: ['城市建设加快推进。', '深度融合发展。', '我哥哥人很好。', '他们去大城市打工。', '老人居住在深山区，交通不便。'],
    invalid: [
      { text: a, expect: [span(a, 'LOC', '安徽芜湖'), span(a, 'LOC', '闽东')] },
      { text: b, expect: [span(b, 'LOC', '上海浦东')] },
      { text: c, expect: [span(c, 'LOC', '福建省厦门市海沧区')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-loc-tag');
});
