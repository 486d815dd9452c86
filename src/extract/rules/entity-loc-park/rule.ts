/**
 * LOC for parks, zones and districts named by their suffix (开发区, 经开区,
 * 高新区, 产业园, 科创园, 示范区 …): the suffix grown left over the name
 * tokens to the first proper token (北京经济技术开发区, 通明湖信创园).
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { extendLeft, indexTokens, isProperToken } from '../../entities/tokens.js';
import { lexicon } from '../../entities/lexicon.js';
import { anyOf, edgeCodes, perLexicon } from '../../entities/word-lists.js';

/** A token ending in a park, zone or district suffix (place-park-suffixes). */
const parkSuffix = perLexicon(() => new RegExp(`${anyOf('place-park-suffixes')}$`, 'u'));

export const rule: MentionRule = {
  id: 'entity-loc-park',
  version: 2,
  purpose: 'parks, zones and districts named by their suffix (北京经济技术开发区, 天开高教科创园)',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const ix = indexTokens(ctx.tokens);
    const lex = lexicon();
    const SUFFIX = parkSuffix();
    /** last characters of the suffixes: most tokens end otherwise and skip the regular expression */
    const LAST = edgeCodes('place-park-suffixes', 'last');
    const out: MentionHit[] = [];
    const toks = ctx.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (!LAST[t.text.charCodeAt(t.text.length - 1)]) continue;
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
