import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../entities/tester.js';
import { extractEntities } from '../../packs/entities.js';

const a = '长江公司发布公告，其董事长李某称业绩增长。';
const b = '市公安局发布通报，该局局长王某说，案件正在调查中。';
runRuleCases(
  rule,
  {
    valid: [
      // nothing to carry: no organisation earlier in the sentence
      '其董事长李某称业绩增长。',
      // 其 points at the person named between them
      '长江公司聘请了张伟，其秘书李某负责联络。',
    ],
    invalid: [
      { text: a, expect: [{ type: 'person-title-org:李某|董事长|长江公司', text: '长江公司发布公告，其董事长李某', start: 0, end: 15 }] },
      // the whole pipeline's mentions: entity model v4 reads 市公安局 whole (v2 read 公安局)
      { text: b, expect: [{ type: 'person-title-org:王某|局长|市公安局', text: '市公安局发布通报，该局局长王某', start: 0, end: 15 }] },
    ],
    mentions: (ctx) => extractEntities(ctx).mentions,
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('relation-title-carried');
});
