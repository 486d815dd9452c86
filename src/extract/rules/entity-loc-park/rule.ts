/**
 * LOC for parks, zones and districts named by their suffix (开发区, 经开区,
 * 高新区, 产业园, 科创园, 示范区 …): the suffix grown left over the name
 * tokens to the first proper token (北京经济技术开发区, 通明湖信创园).
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { extendLeft, indexTokens, isProperToken } from '../../entities/tokens.js';
import { lexicon } from '../../entities/lexicon.js';

const SUFFIX = /(?:经济技术开发区|开发区|经开区|高新区|新区|园区|产业园|科技园|科创园|信创园|工业园|工业区|软件园|国际机场|机场|创业园|孵化园|示范区|自贸区|自由贸易试验区|自贸试验区|保税区|综合保税区|试验区|合作区|生态城|科学城|新城|大湾区)$/u;

export const rule: MentionRule = {
  id: 'entity-loc-park',
  version: 1,
  purpose: 'parks, zones and districts named by their suffix (北京经济技术开发区, 天开高教科创园)',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const ix = indexTokens(ctx.tokens);
    const lex = lexicon();
    const out: MentionHit[] = [];
    const toks = ctx.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      const m = SUFFIX.exec(t.text);
      if (!m) continue;
      let start: number;
      if (t.text.length > m[0].length && (t.tag === 'nt' || t.tag === 'ns' || t.tag === 'nz')) {
        start = t.start; // jieba already knows the whole name (北京经济技术开发区)
        const left = extendLeft(ctx.text, ix, i, { maxLen: 20, startOk: (x) => isProperToken(x) && x.tag === 'ns' });
        if (left >= 0) start = left;
      } else {
        start = extendLeft(ctx.text, ix, i, { maxLen: 20 });
        if (start < 0) continue;
      }
      if (t.end - start < 3) continue;
      const name = ctx.text.slice(start, t.end);
      if (lex.loc.has(name) && lex.divisionsFull.has(name)) continue;
      out.push({ type: 'LOC', start, end: t.end, attrs: { priority: 2, source: 'park-suffix' } });
    }
    return out;
  },
};
