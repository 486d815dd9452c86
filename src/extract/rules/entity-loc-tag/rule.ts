/**
 * LOC from jieba's place tag (ns), for places no gazetteer lists: a tagged
 * token of two or more Han characters, grown by a division suffix that
 * follows it (省 市 县 区 镇 乡 村 州 街道) and chained with adjacent places.
 * Generic words jieba tags ns (开发区, 经开区) are left out.
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { isHan, lexicon } from '../../entities/lexicon.js';

const SUFFIX = new Set(['省', '市', '县', '区', '镇', '乡', '村', '州', '街道', '盟', '旗', '自治州', '自治县', '新区']);
const GENERIC = new Set(['开发区', '经开区', '高新区', '新区', '园区', '市区', '城区', '郊区', '县城', '城乡', '乡村', '农村', '山区', '社区', '小区', '地区', '国家', '全国', '全省', '全市', '本市', '本地', '当地', '各地', '外地', '异地', '境内', '境外', '海外', '国内', '国外', '东部', '西部', '南部', '北部', '中部', '沿海', '内地', '边境', '中华', '华夏', '神州', '故乡', '家乡', '老家', '人间', '世界', '全球', '天下', '地球', '南方', '北方', '东方', '西方', '中外', '中西', '省市', '市县', '县区', '京津', '江山', '河山', '山河', '大地', '祖国', '长城', '高原', '平原', '东北部', '西南部', '东南部', '西北部', '中东部', '中西部', '亚太', '两岸', '海峡', '台海']);

export const rule: MentionRule = {
  id: 'entity-loc-tag',
  version: 1,
  purpose: 'places jieba tags ns, grown by a following division suffix',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const lex = lexicon();
    const toks = ctx.tokens;
    const out: MentionHit[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.tag !== 'ns' || !isHan(t.text) || t.text.length < 2 || GENERIC.has(t.text)) continue;
      if (lex.orgs.has(t.text) || lex.persons.has(t.text)) continue;
      let end = t.end;
      let j = i + 1;
      while (j < toks.length && toks[j]!.start === end && (SUFFIX.has(toks[j]!.text) || (toks[j]!.tag === 'ns' && !GENERIC.has(toks[j]!.text) && isHan(toks[j]!.text)))) {
        end = toks[j]!.end;
        j++;
      }
      out.push({ type: 'LOC', start: t.start, end, attrs: { priority: 1, source: 'jieba-ns' } });
      i = j - 1;
    }
    return out;
  },
};
