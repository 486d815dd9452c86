/**
 * person–title–organisation: ORG (or a place's government, LOC) + title +
 * PERSON written together (北京市经济和信息化局副局长苏国斌), chains of titles
 * joined by 、 before one person (…工委副书记、管委会主任孔磊), and a department
 * that is no mention between the organisation and the title
 * (国家发改委财金司司长徐林: the title is linked to the nearest body that is a
 * mention). The analysis is shared with the other title rules (./titles.ts).
 */
import type { RelationHit, RelationRule } from '../../rule.js';
import { titleRelations } from './titles.js';

export const rule: RelationRule = {
  id: 'relation-person-title',
  version: 2,
  purpose: 'person, title and organisation written together, including chains joined by 、 and a department between them',
  needs: ['tokens', 'sentences'],
  emits: 'relation',
  run(ctx) {
    // only the findings with an organisation
    return titleRelations(ctx, ['body']).filter((r) => r.tail !== null) as RelationHit[];
  },
};
