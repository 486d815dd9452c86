/**
 * One-character country abbreviations in compounds: 中美关系, 中日韩合作,
 * 中欧班列. Two or more abbreviations in a row followed by a relation cue;
 * each character is one LOC (news NER convention).
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { lexicon } from '../../entities/lexicon.js';

const CUE = /^(?:关系|两国|三国|双方|三方|之间|间|合作|贸易|经贸|会谈|会晤|峰会|外长|领导人|元首|首脑|联合|友好|建交|战略|对话|边境|班列|交流|竞争|博弈|摩擦|谈判|协议|协定|贸易战|争端|联合声明|人文|两军|防长|财长|议会)/u;
const COUNTRY_ABBR = new Set(['中', '美', '日', '俄', '欧', '英', '法', '德', '韩', '朝', '印', '澳', '加', '意', '西', '越', '泰', '巴', '非', '蒙', '哈', '乌', '以', '伊', '土', '菲', '新', '马', '老', '柬', '缅', '阿', '沙', '葡', '荷', '港', '台']);

export const rule: MentionRule = {
  id: 'entity-loc-abbrev',
  version: 1,
  purpose: 'one-character country abbreviations in compounds before a relation cue (中美关系, 中日韩合作)',
  needs: [],
  emits: 'mention',
  run(ctx) {
    void lexicon;
    const out: MentionHit[] = [];
    const text = ctx.text;
    for (let i = 0; i < text.length; i++) {
      if (!COUNTRY_ABBR.has(text[i]!)) continue;
      if (i > 0 && COUNTRY_ABBR.has(text[i - 1]!)) continue;
      let j = i;
      while (j < text.length && COUNTRY_ABBR.has(text[j]!) && j - i < 4) j++;
      if (j - i < 2) continue;
      if (!CUE.test(text.slice(j, j + 6))) continue;
      // a preceding Han character would make this part of another word (e.g. 集中美化)
      if (i > 0 && /[\u4e00-\u9fff]/u.test(text[i - 1]!) && !/[在对与和同就为及、，。与于]/u.test(text[i - 1]!)) continue;
      for (let k = i; k < j; k++) out.push({ type: 'LOC', start: k, end: k + 1, attrs: { priority: 2, source: 'abbrev' } });
      i = j - 1;
    }
    return out;
  },
};
