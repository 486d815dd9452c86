/**
 * A title written right before a name with no organisation before it
 * (主教练普利斯, 经理陈秀文, 党委书记、董事长李某): a person–title relation
 * with no tail. The title must be a word of its own (a jieba token starts
 * there), and words that say what a person is rather than a post they hold
 * (村民, 先生: relation-not-title-words) are left out. Titles with a body
 * before them belong to relation-person-title, titles after 其/该局 to
 * relation-title-carried (the analysis is shared: ../relation-person-title/titles.ts).
 */
import type { RelationRule } from '../../rule.js';
import { titleRelations } from '../relation-person-title/titles.js';

export const rule: RelationRule = {
  id: 'relation-title-before',
  version: 1,
  purpose: 'a title right before a name with no organisation named: a person–title relation without a tail',
  needs: ['tokens', 'sentences'],
  emits: 'relation',
  run(ctx) {
    return titleRelations(ctx, ['before']);
  },
};
