/**
 * A title written right after a name (陈木胜导演, 张三董事长表示): a
 * person–title–organisation relation when an organisation stands right
 * before the name, else a person–title relation with no tail. The title
 * must be whole jieba words (张三表示 has none), must not be the title of a
 * name that follows (记者李文峰通讯员丁奇志), and words that say what a person
 * is (先生, 女士: relation-not-title-words) are left out.
 */
import type { RelationRule, RelationRuleHit } from '../../rule.js';
import { titleFindings } from '../relation-person-title/titles.js';

export const rule: RelationRule = {
  id: 'relation-title-after',
  version: 1,
  purpose: 'a title right after a name (张三董事长表示), with the organisation before the name when there is one',
  needs: ['tokens', 'sentences'],
  emits: 'relation',
  run(ctx) {
    const out: RelationRuleHit[] = [];
    for (const f of titleFindings(ctx)) {
      if (f.kind !== 'after') continue;
      const head = { start: f.person.start, end: f.person.end, type: 'PERSON' as const };
      if (f.body) out.push({ type: 'person-title-org', head, tail: { start: f.body.start, end: f.body.end, type: f.body.type }, label: f.title, start: f.start, end: f.end });
      else out.push({ type: 'person-title', head, tail: null, label: f.title, start: f.start, end: f.end });
    }
    return out;
  },
};
