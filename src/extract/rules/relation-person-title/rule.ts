/**
 * person–title–organisation: ORG (or a place's government, LOC) + title +
 * PERSON written together (北京市经济和信息化局副局长苏国斌), and chains of
 * titles joined by 、 before one person (…工委副书记、管委会主任孔磊).
 */
import type { MentionHit, RelationHit, RelationRule } from '../../rule.js';
import { lexicon } from '../../entities/lexicon.js';
import { wordSet } from '../../../core/lists.js';


export const rule: RelationRule = {
  id: 'relation-person-title',
  version: 1,
  purpose: 'person, title and organisation written together, including chains joined by 、',
  needs: [],
  emits: 'relation',
  run(ctx) {
    const text = ctx.text;
    const lex = lexicon();
    /** words that sit before names but hold no position in a body */
    const NOT_POSITION = wordSet('relation-not-position-words');
    const byEnd = new Map<number, MentionHit>();
    for (const m of ctx.mentions) if (m.type === 'ORG' || m.type === 'LOC') byEnd.set(m.end, m);
    const out: RelationHit[] = [];
    const rel = (p: MentionHit, org: MentionHit, title: string): void => {
      out.push({
        type: 'person-title-org',
        head: { start: p.start, end: p.end, type: 'PERSON' },
        tail: { start: org.start, end: org.end, type: org.type },
        label: title,
        start: org.start,
        end: p.end,
      });
    };
    /** titles ending at pos, longest first, each with the body mention right before it (if any) */
    const titlesAt = (pos: number): Array<{ title: string; org: MentionHit | undefined }> =>
      lex.titleList
        .filter((t) => !NOT_POSITION.has(t) && pos - t.length >= 0 && text.slice(pos - t.length, pos) === t)
        .map((title) => ({ title, org: byEnd.get(pos - title.length) }));
    for (const p of ctx.mentions) {
      if (p.type !== 'PERSON') continue;
      let pos = p.start;
      let pending: string[] = []; // titles still waiting for their body (兴业银行党委书记、董事长吕家进)
      for (let guard = 0; guard < 4; guard++) {
        const found = titlesAt(pos);
        if (found.length === 0) break;
        const withOrg = found.find((f) => f.org);
        if (!withOrg) {
          // 、董事长吕家进: the body comes with the title before the 、
          const t = found[0]!;
          const before = pos - t.title.length;
          if (text[before - 1] !== '、') break;
          pending.push(t.title);
          pos = before - 1;
          continue;
        }
        const org = withOrg.org!;
        for (const title of [withOrg.title, ...pending]) rel(p, org, title);
        pending = [];
        // 北京市科学技术委员会、中关村科技园区管理委员会副主任: one title for both bodies
        const prevOrg = text[org.start - 1] === '、' ? byEnd.get(org.start - 1) : undefined;
        if (prevOrg && prevOrg.type === 'ORG') rel(p, prevOrg, withOrg.title);
        if (text[org.start - 1] !== '、') break;
        pos = org.start - 1;
      }
    }
    return out;
  },
};
