/**
 * The organisation carried from earlier in the sentence: 某公司……，其董事长李某
 * / 市公安局……，该局局长王某 / 这家公司总经理张某. The cue (其, 该, 这家, 此, 这个:
 * relation-carried-cues) stands right before the title; after 该/这家/此/这个
 * the body's last word (局, 公司) must end the organisation. The organisation
 * is the nearest ORG mention (a LOC for 该市, 该县) before the cue in the same
 * sentence, with no person between them (其 would point at that person).
 */
import type { RelationHit, RelationRule } from '../../rule.js';
import { titleRelations } from '../relation-person-title/titles.js';

export const rule: RelationRule = {
  id: 'relation-title-carried',
  version: 1,
  purpose: 'a title after 其/该局/这家公司 linked to the organisation named earlier in the sentence',
  needs: ['tokens', 'sentences'],
  emits: 'relation',
  run(ctx) {
    // only the findings with an organisation
    return titleRelations(ctx, ['carried']).filter((r) => r.tail !== null) as RelationHit[];
  },
};
