/**
 * ORG from the organisation gazetteers (pipelines/gazetteer/orgs*.txt:
 * media, government bodies, parties, international organisations, well-known
 * companies and teams) and from jieba's organisation tag (nt) when the token
 * ends like an organisation (社, 会, 部, 院, 局, 委, 行, 所, 校, 队, 党 …).
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { dictMatches, lexicon } from '../../entities/lexicon.js';
import { genericOrgHead, indexTokens } from '../../entities/tokens.js';

const ORGISH_END = /(?:社|会|部|院|局|委|行|所|校|队|党|团|署|办|厅|处|司|集团|公司|中心|大学|学院|组织|联盟|银行|协会|台|报|军)$/u;
const BRAND_TAIL = /^(?:机器人|汽车|科技|集团|物流|金融|终端|电器|电子|能源|资本|证券|健康|[A-Z]{2,}(?![A-Za-z]))/u;
const GENERIC_HEAD = /^(?:科研|研发|研究|创新|技术|服务|管理|养老|文旅|各|本|该|有关|相关|上级|下级|主管|职能|行业|专业|地方|基层|龙头|头部|四大|多家|两大|三大|高校|院校)/u;
const GENERIC = new Set(['管委会', '工委', '党委', '董事会', '委员会', '政府', '公司', '集团', '银行', '学校', '大学', '医院', '协会', '中心', '研究院', '人大', '政协',
  // a team named by its role, not its name (担任国家队主教练)
  '国家队', '主队', '客队', '球队', '梯队']);

export const rule: MentionRule = {
  id: 'entity-org-gazetteer',
  version: 2,
  purpose: 'organisations from the gazetteers and from jieba nt tokens that end like an organisation',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const lex = lexicon();
    const ix = indexTokens(ctx.tokens);
    const hasTokens = ctx.tokens.length > 0;
    const out: MentionHit[] = [];
    const taken = new Set<number>();
    for (const m of dictMatches(ctx.text, lex.orgs, lex.maxOrg)) {
      if (hasTokens && !ix.byStart.has(m.start)) continue;
      // a short name inside a longer word (人大 in 人大代表 is fine; 北大 in 北大荒 is not) must end a token
      if (hasTokens && !ix.byEnd.has(m.end) && !BRAND_TAIL.test(ctx.text.slice(m.end, m.end + 4))) continue;
      // a brand with a business word or Latin name after it is one organisation (小米机器人, 京东MALL)
      const brand = BRAND_TAIL.exec(ctx.text.slice(m.end, m.end + 4));
      const end = brand && (!hasTokens || ix.byEnd.has(m.end + brand[0].length)) ? m.end + brand[0].length : m.end;
      out.push({ type: 'ORG', start: m.start, end, attrs: { priority: 3, source: 'gazetteer' } });
      taken.add(m.start);
    }
    for (const t of ctx.tokens) {
      if (t.tag !== 'nt' || taken.has(t.start) || GENERIC.has(t.text) || t.text.length < 3) continue;
      if (!ORGISH_END.test(t.text) || lex.loc.has(t.text) || GENERIC_HEAD.test(t.text) || genericOrgHead().test(t.text)) continue;
      out.push({ type: 'ORG', start: t.start, end: t.end, attrs: { priority: 1, source: 'jieba-nt' } });
    }
    return out;
  },
};
