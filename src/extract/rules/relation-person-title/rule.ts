/**
 * person–title–organisation: ORG (or a place's government, LOC) + title +
 * PERSON written together (北京市经济和信息化局副局长苏国斌), and chains of
 * titles joined by 、 before one person (…工委副书记、管委会主任孔磊).
 */
import type { MentionHit, RelationHit, RelationRule } from '../../rule.js';
import { lexicon } from '../../entities/lexicon.js';

/** Words that sit before names but hold no position in a body. */
const NOT_POSITION = new Set(['村民', '市民', '居民', '游客', '网民', '女士', '先生', '老人', '学生', '大学生', '工人', '农民', '司机', '记者', '通讯员', '志愿者', '快递员', '外卖员', '老师', '专家', '学者']);

export const rule: RelationRule = {
  id: 'relation-person-title',
  version: 1,
  purpose: 'person, title and organisation written together, including chains joined by 、',
  needs: [],
  emits: 'relation',
  run(ctx) {
    const text = ctx.text;
    const lex = lexicon();
    const byEnd = new Map<number, MentionHit>();
    for (const m of ctx.mentions) if (m.type === 'ORG' || m.type === 'LOC') byEnd.set(m.end, m);
    const out: RelationHit[] = [];
    for (const p of ctx.mentions) {
      if (p.type !== 'PERSON') continue;
      let pos = p.start;
      for (let guard = 0; guard < 4; guard++) {
        const title = lex.titleList.find((t) => pos - t.length >= 0 && text.slice(pos - t.length, pos) === t && !NOT_POSITION.has(t));
        if (!title) break;
        const tStart = pos - title.length;
        const org = byEnd.get(tStart);
        if (!org) break;
        out.push({
          type: 'person-title-org',
          head: { start: p.start, end: p.end, type: 'PERSON' },
          tail: { start: org.start, end: org.end, type: org.type },
          label: title,
          start: org.start,
          end: p.end,
        });
        if (text[org.start - 1] !== '、') break;
        // the chain's previous link: …副书记、管委会主任
        pos = org.start - 1;
      }
    }
    return out;
  },
};
