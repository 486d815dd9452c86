/**
 * ORG from context when the name has no suffix: the proper word right before
 * a company title (长木谷董事长), a bare body before a title in a chain
 * (、管委会主任), and the items of an enumeration before 等…企业
 * (智同精密、清能德创等关键部组件企业; 以优必选等为龙头).
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { isChineseName, isHan, lexicon } from '../../entities/lexicon.js';
import { indexTokens, isProperToken } from '../../entities/tokens.js';

const CORP_TITLE = /^(?:董事长|副董事长|总经理|副总经理|总裁|副总裁|创始人|联合创始人|首席执行官|CEO|CTO|首席技术官|首席科学家|董事|执行董事|合伙人|技术总监|总监)/u;
const BODY_BEFORE_TITLE = /^(?:管委会|工委|党委|党组|区委|市委|省委|县委|区政府|市政府|省政府|县政府|董事会|监事会|理事会|常委会)/u;
const ENUM_TAIL = /^等(?:[\d一二三四五六七八九十百多数几]+家)?[\u4e00-\u9fff]{0,8}?(?:企业|公司|车企|厂商|机构|品牌|巨头|平台|单位|银行|高校|院校|大学|为龙头|为代表)/u;

export const rule: MentionRule = {
  id: 'entity-org-context',
  version: 1,
  purpose: 'organisations without a suffix, found by context: before a company title, in a title chain, in an enumeration before 等…企业',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const lex = lexicon();
    const text = ctx.text;
    const ix = indexTokens(ctx.tokens);
    const toks = ctx.tokens;
    const out: MentionHit[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      const after = text.slice(t.end, t.end + 6);
      // a proper word right before a company title
      if (CORP_TITLE.test(after) && isProperToken(t) && t.tag !== 'ns' && !t.tag.startsWith('nr') && !lex.loc.has(t.text) && !(isHan(t.text) && isChineseName(t.text) && t.tag === 'x' && t.text.length <= 3 && false)) {
        let start = t.start;
        let j = i - 1;
        while (j >= 0 && toks[j]!.end === start && isProperToken(toks[j]!) && start - toks[j]!.start + (t.end - start) <= 12) {
          start = toks[j]!.start;
          j--;
        }
        if (t.end - start >= 2) out.push({ type: 'ORG', start, end: t.end, attrs: { priority: 1, source: 'before-title' } });
      }
      // a bare body in a chain: 、管委会主任
      const body = BODY_BEFORE_TITLE.exec(text.slice(t.start, t.start + 4));
      if (body && t.start === toks[i]!.start && /[、，]$/u.test(text.slice(Math.max(0, t.start - 1), t.start))) {
        const end = t.start + body[0].length;
        if (lex.titleList.some((ti) => text.startsWith(ti, end) || text.startsWith('副' + ti, end))) out.push({ type: 'ORG', start: t.start, end, attrs: { priority: 1, source: 'chain-body' } });
      }
    }
    // enumerations before 等…企业
    const re = /等/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (!ENUM_TAIL.test(text.slice(m.index, m.index + 16))) continue;
      let e = m.index;
      for (;;) {
        let s = e;
        while (s > 0 && /[\u4e00-\u9fffA-Za-z0-9]/u.test(text[s - 1]!) && e - s < 8) s--;
        // the item starts at a token boundary after a separator or a cue word
        while (s < e && !(ix.byStart.has(s) && (s === 0 || /[、，：“以和与及有]/u.test(text[s - 1]!) || /(?:以|如|包括|还有|了|有)$/u.test(text.slice(0, s))))) s++;
        const item = text.slice(s, e);
        if (item.length < 2 || item.length > 8 || /企业|公司|机构|部门|单位|产业|领域|行业|产品|技术|项目|平台|城市|地区/u.test(item) || lex.loc.has(item) || lex.titles.has(item)) break;
        out.push({ type: 'ORG', start: s, end: e, attrs: { priority: 1, source: 'enumeration' } });
        if (text[s - 1] !== '、') break;
        e = s - 1;
      }
    }
    return out;
  },
};
