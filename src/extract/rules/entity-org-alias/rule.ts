/**
 * ORG short names a document introduces with a full name: the full name found
 * by entity-org-suffix loses its place prefix, legal suffix (有限公司, 集团 …)
 * and trailing business words (科技, 智能装备, 体育用品 …) one at a time; every
 * shortening of two or more characters that the document uses elsewhere is
 * an ORG there (思客琦智能装备有限公司 … 思客琦; 蓝箭航天空间科技股份有限公司 … 蓝箭航天).
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { lexicon } from '../../entities/lexicon.js';
import { indexTokens, tokensWithin } from '../../entities/tokens.js';
import { anyOf, perLexicon } from '../../entities/word-lists.js';
import { wordSet } from '../../../core/lists.js';

const LEGAL = /(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|股份)$/u;
/** Business words that end a name before its legal suffix (org-business-tails). */
const business = perLexicon(() => new RegExp(`${anyOf('org-business-tails')}$`, 'u'));


export const rule: MentionRule = {
  id: 'entity-org-alias',
  version: 1,
  purpose: 'short names of companies the same document names in full (思客琦 for 思客琦智能装备有限公司)',
  needs: ['tokens', 'rule:entity-org-suffix'],
  emits: 'mention',
  run(ctx) {
    const lex = lexicon();
    const BUSINESS = business();
    /** a short name jieba glued to the next function character (卡尔美已, 长木谷则) still ends there */
    const functionNext = wordSet('entity-function-chars-after-name');
    const text = ctx.text;
    const ix = indexTokens(ctx.tokens);
    const shorts = new Set<string>();
    const full = (ctx.outputOf?.('entity-org-suffix') ?? []) as readonly MentionHit[];
    for (const h of full) {
      let name = text.slice(h.start, h.end);
      if (!LEGAL.test(name)) continue;
      name = name.replace(/（[^（）]*）/gu, '').replace(LEGAL, '');
      // drop a leading place (福建亚南电机 → 亚南电机)
      for (let L = Math.min(lex.maxLoc, name.length - 2); L >= 2; L--) {
        if (lex.loc.has(name.slice(0, L))) {
          name = name.slice(L);
          break;
        }
      }
      for (let guard = 0; guard < 4 && name.length >= 2; guard++) {
        if (name.length <= 8 && !lex.loc.has(name)) shorts.add(name);
        const b = BUSINESS.exec(name);
        if (!b || name.length - b[0].length < 2) break;
        name = name.slice(0, -b[0].length);
      }
    }
    const out: MentionHit[] = [];
    for (const s of shorts) {
      if (s.length < 2 || /^[\u4e00-\u9fff]$/u.test(s)) continue;
      // the short name must hold a name part, not only common words (轨道交通, 数据)
      const first = text.indexOf(s);
      const inside = tokensWithin(ctx.tokens, first, first + s.length);
      if (inside.length > 0 && inside.every((t) => /^(?:n|v|vn|a|ad|an|d|b|ns)$/u.test(t.tag) && t.text.length >= 2)) continue;
      for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
        if (full.some((f) => at < f.end && f.start < at + s.length)) continue;
        if (ctx.tokens.length > 0 && !(ix.byStart.has(at) && (ix.byEnd.has(at + s.length) || functionNext.has(text[at + s.length] ?? '')))) continue;
        out.push({ type: 'ORG', start: at, end: at + s.length, attrs: { priority: 1, source: 'alias' } });
      }
    }
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  },
};
