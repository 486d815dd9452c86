/**
 * POLICY: a document title in 《》 whose last word names a kind of document
 * (计划, 方案, 意见, 通知, 规划, 办法, 条例, 法 …). The span is the title
 * without the book marks; attrs carry the issuer (a place or body the title
 * begins with) and the period in brackets (2024—2026年) when stated.
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { dictMatches, lexicon } from '../../entities/lexicon.js';
import { anyOf, perLexicon } from '../../entities/word-lists.js';

/** A title ending in a kind of document (entity-policy-kinds), perhaps with up to two bracketed notes after it. */
const kind = perLexicon(() => new RegExp(`${anyOf('entity-policy-kinds')}(?:（[^（）]*）){0,2}$`, 'u'));
const PERIOD = /（((?:19|20)\d{2})\s*[—–-]\s*((?:19|20)\d{2})年?）|（((?:19|20)\d{2})年）/u;

export const rule: MentionRule = {
  id: 'entity-policy-title',
  version: 1,
  purpose: 'policy documents in 《》 with their issuer and period where stated',
  needs: [],
  emits: 'mention',
  run(ctx) {
    const out: MentionHit[] = [];
    const re = /《([^《》\n]{2,80})》/gu;
    let m: RegExpExecArray | null;
    const lex = lexicon();
    const KIND = kind();
    while ((m = re.exec(ctx.text)) !== null) {
      const title = m[1]!;
      if (!KIND.test(title)) continue;
      const start = m.index + 1;
      const attrs: Record<string, unknown> = { priority: 4, source: 'book-title' };
      const p = PERIOD.exec(title);
      if (p) {
        attrs.periodStart = Number(p[1] ?? p[3]);
        attrs.periodEnd = Number(p[2] ?? p[3]);
      }
      const lead = dictMatches(title.slice(0, 20), lex.loc, lex.maxLoc)[0];
      const bodyLead = /^((?:中共中央|国务院|[\u4e00-\u9fff]{2,12}?(?:人民政府|办公厅|委员会|管委会|部|局|委)))(?:关于|印发)/u.exec(title);
      if (bodyLead) attrs.issuer = bodyLead[1];
      else if (lead && lead.start === 0) attrs.issuer = /^[\u4e00-\u9fff]*?(?:经济技术开发区|开发区|新区|省|市|区|县)/u.exec(title)?.[0] ?? lead.word;
      out.push({ type: 'POLICY', start, end: start + title.length, attrs });
    }
    return out;
  },
};
