/**
 * ORG named by its suffix (公司, 集团, 委员会, 管委会, 局, 研究院, 中心,
 * 大学, 银行 … from pipelines/gazetteer/org-suffixes.txt): the suffix token
 * grown left over name tokens to the first proper token, so the longest
 * sensible name wins (北京市经济和信息化局, 京东五星电器（天津）集团有限公司).
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { lexicon } from '../../entities/lexicon.js';
import { extendLeft, indexTokens } from '../../entities/tokens.js';

export const rule: MentionRule = {
  id: 'entity-org-suffix',
  version: 1,
  purpose: 'organisations ending in an organisation suffix, grown to the longest sensible name',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const lex = lexicon();
    const ix = indexTokens(ctx.tokens);
    const toks = ctx.tokens;
    const out: MentionHit[] = [];
    let i = 0;
    while (i < toks.length) {
      const t = toks[i]!;
      const suffix = lex.orgSuffixes.find((s) => t.text === s || (s.length >= 2 && t.text.endsWith(s) && /^n/u.test(t.tag)));
      if (!suffix) {
        i++;
        continue;
      }
      // a suffix followed by another suffix token belongs to the longer name (集团 + 有限公司)
      let last = i;
      while (last + 1 < toks.length && toks[last + 1]!.start === toks[last]!.end && lex.orgSuffixes.some((s) => toks[last + 1]!.text === s && s.length >= 2)) last++;
      const start = extendLeft(ctx.text, ix, i, { brackets: true, conj: true, maxLen: 28 });
      const end = toks[last]!.end;
      if (start >= 0 && end - start >= 3) {
        out.push({ type: 'ORG', start, end, attrs: { priority: 2, source: 'org-suffix', suffix } });
      }
      i = last + 1;
    }
    return out;
  },
};
