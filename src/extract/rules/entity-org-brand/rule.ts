/**
 * ORG written as brand + business word, the way companies are named without a
 * legal suffix: 致景科技, 西井科技, 寰泰能源, 蓝箭航天, 正泰电气. The brand is
 * an unknown or proper word (or a run of single characters jieba could not
 * join), never a known place or a common noun; the business word ends a token.
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { isForeignName, isHan, lexicon } from '../../entities/lexicon.js';
import { genericPlaceWords } from '../../entities/places.js';
import { isProperToken } from '../../entities/tokens.js';
import { wordSet } from '../../../core/lists.js';

const BRAND_TAGS = new Set(['x', 'nrt', 'eng', 'ns']);

export const rule: MentionRule = {
  id: 'entity-org-brand',
  version: 3,
  purpose: 'companies named as brand + business word without a legal suffix (西井科技, 寰泰能源)',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const lex = lexicon();
    /** business words after a brand (org-brand-business-words) */
    const BUSINESS = wordSet('org-brand-business-words');
    const GENERIC_PLACE = genericPlaceWords();
    const toks = ctx.tokens;
    const out: MentionHit[] = [];
    for (let i = 1; i < toks.length; i++) {
      const b = toks[i]!;
      if (!BUSINESS.has(b.text)) continue;
      // the brand: one proper token, or a run of single Han characters
      const k = i - 1;
      let start = -1;
      const prev = toks[k]!;
      if (prev.end !== b.start) continue;
      if (BRAND_TAGS.has(prev.tag) && prev.text.length >= 2 && (isHan(prev.text) || /^[A-Za-z]+$/u.test(prev.text))) {
        if (lex.loc.has(prev.text) || GENERIC_PLACE.has(prev.text) || lex.titles.has(prev.text)) continue;
        // an HMM unknown that is a verb or function word glued on (学过 机械, 二是 航天, 骗得 保险) is no brand
        if (prev.tag === 'x' && !isProperToken(prev)) continue;
        // jieba tags nrt many runs of common words (努力提高 科技): an nrt brand is a transliteration
        if (prev.tag === 'nrt' && isHan(prev.text) && !isForeignName(prev.text)) continue;
        // jieba tags many words ns; an ns brand must start a phrase (的西井科技, ——西井科技)
        if (prev.tag === 'ns' && prev.start > 0 && /[\u4e00-\u9fff]/u.test(ctx.text[prev.start - 1]!) && ctx.text[prev.start - 1] !== '的') continue;
        start = prev.start;
      }
      if (start < 0) continue;
      // not when the pair is itself a common phrase after a place (北京科技 is handled as a place + word)
      const after = ctx.text.slice(b.end, b.end + 1);
      if (/^[\u4e00-\u9fff]$/u.test(after) && /^(?:产|行|领|企|业|公|集|股|有)/u.test(after)) continue;
      out.push({ type: 'ORG', start, end: b.end, attrs: { priority: 1, source: 'brand' } });
    }
    return out;
  },
};
