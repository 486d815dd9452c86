import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../entities/tester.js';
import { extractEntities } from '../../packs/entities.js';

const a = '张三董事长表示，公司将扩大投资。';
const b = '由陈木胜导演的新片将于国庆档期上映。';
runRuleCases(
  rule,
  {
    valid: [
      // no title after the name
      '李强表示支持这项计划。',
      // 通讯员 is the next name's title, not 李文峰's
      '本报讯（记者李文峰通讯员丁奇志）昨日，市区迎来降雪。',
    ],
    invalid: [
      { text: a, expect: [{ type: 'person-title:张三|董事长|', text: '张三董事长', start: 0, end: 5 }] },
      { text: b, expect: [{ type: 'person-title:陈木胜|导演|', text: '陈木胜导演', start: 1, end: 6 }] },
    ],
    mentions: (ctx) => extractEntities(ctx).mentions,
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('relation-title-after');
});
