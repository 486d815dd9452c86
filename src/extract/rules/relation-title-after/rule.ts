/**
 * A title written right after a name (陈木胜导演, 张三董事长表示): a
 * person–title–organisation relation when an organisation stands right
 * before the name, else a person–title relation with no tail. The title
 * must be whole jieba words (张三表示 has none), must not be the title of a
 * name that follows (记者李文峰通讯员丁奇志), and words that say what a person
 * is (先生, 女士: relation-not-title-words) are left out.
 */
import type { RelationRule } from '../../rule.js';
import { titleRelations } from '../relation-person-title/titles.js';

export const rule: RelationRule = {
  id: 'relation-title-after',
  version: 1,
  purpose: 'a title right after a name (张三董事长表示), with the organisation before the name when there is one',
  needs: ['tokens', 'sentences'],
  emits: 'relation',
  run(ctx) {
    return titleRelations(ctx, ['after']);
  },
};
