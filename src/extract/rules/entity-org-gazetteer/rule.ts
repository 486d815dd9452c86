/**
 * ORG from the organisation gazetteers (pipelines/gazetteer/orgs*.txt:
 * media, government bodies, parties, international organisations, well-known
 * companies and teams) and from jieba's organisation tag (nt) when the token
 * ends like an organisation (社, 会, 部, 院, 局, 委, 行, 所, 校, 队, 党 …).
 * v6: a session number right before the name belongs to it (第六届全国人大).
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { dictMatches, lexicon } from '../../entities/lexicon.js';
import { genericOrgHead, indexTokens, titleTail } from '../../entities/tokens.js';
import { spanAt } from '../../../core/spans.js';
import { wordSet } from '../../../core/lists.js';
import { anyOf, perLexicon } from '../../entities/word-lists.js';

/**
 * Built at the first run: endings that make an nt token an organisation
 * (org-name-ends), business words after a brand that belong to its name
 * (org-brand-tails, or a run of capitals: 京东MALL), organisation words that
 * name no particular body (org-generic-names). Names with a generic head
 * (科研, 有关, 高校 …) are org-generic-heads' (tokens.ts).
 */
const lists = perLexicon(() => ({
  ORGISH_END: new RegExp(`${anyOf('org-name-ends')}$`, 'u'),
  BRAND_TAIL: new RegExp(`^(?:${anyOf('org-brand-tails')}|[A-Z]{2,}(?![A-Za-z]))`, 'u'),
  GENERIC: wordSet('org-generic-names'),
}));

const SYSTEM_AFTER = /^(?:制度|体制)/u;

/**
 * A session number written right before a body (第六届全国人大, 五届全国人大常委会,
 * 十四届人大) names which body: it belongs to the name. (On the tune half of
 * the MSRA dev block the model read 12 of 12 such spans whole.)
 */
const SESSION_BEFORE = /(?:第)?(?:[〇零一二三四五六七八九十百]{1,4}|[0-9０-９]{1,3})届$/u;

export const rule: MentionRule = {
  id: 'entity-org-gazetteer',
  version: 6,
  purpose: 'organisations from the gazetteers and from jieba nt tokens that end like an organisation',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const lex = lexicon();
    const { ORGISH_END, BRAND_TAIL, GENERIC } = lists();
    const ix = indexTokens(ctx.tokens);
    const hasTokens = ctx.tokens.length > 0;
    const out: MentionHit[] = [];
    const taken = new Set<number>();
    /** the rest of the token that starts at `start` after `end` is a title */
    const titleEnds = (start: number, end: number): boolean => {
      const t = spanAt(ctx.tokens, start);
      return !!t && t.start === start && t.end > end && titleTail(t.text, lex.titles) === t.end - end;
    };
    /** where the name starting at `start` starts with its session number before it (on a token boundary) */
    const withSession = (start: number): number => {
      const s = SESSION_BEFORE.exec(ctx.text.slice(Math.max(0, start - 6), start));
      if (!s) return start;
      const from = start - s[0].length;
      return !hasTokens || ix.byStart.has(from) ? from : start;
    };
    for (const m of dictMatches(ctx.text, lex.orgs, lex.maxOrg)) {
      if (hasTokens && !ix.byStart.has(m.start)) continue;
      // a word that names no particular body standing alone (中央 始终…; 党中央 and 中共中央 are names)
      if (GENERIC.has(m.word)) continue;
      // a short name inside a longer word (人大 in 人大代表 is fine; 北大 in 北大荒 is not) must end a token
      // (or be followed in its token by a title: 中央政治局 in 中央政治局常委)
      if (hasTokens && !ix.byEnd.has(m.end) && !BRAND_TAIL.test(ctx.text.slice(m.end, m.end + 4)) && !titleEnds(m.start, m.end)) continue;
      // a brand with a business word or Latin name after it is one organisation (小米机器人, 京东MALL)
      const brand = BRAND_TAIL.exec(ctx.text.slice(m.end, m.end + 4));
      const end = brand && (!hasTokens || ix.byEnd.has(m.end + brand[0].length)) ? m.end + brand[0].length : m.end;
      out.push({ type: 'ORG', start: withSession(m.start), end, attrs: { priority: 3, source: 'gazetteer' } });
      taken.add(m.start);
    }
    for (const t of ctx.tokens) {
      if (t.tag !== 'nt' || taken.has(t.start) || GENERIC.has(t.text) || t.text.length < 3) continue;
      if (!ORGISH_END.test(t.text) || lex.loc.has(t.text) || genericOrgHead().test(t.text)) continue;
      // a body glued to a title (中央政治局常委) is the body's rule's, not a name ending in 委
      if (titleTail(t.text, lex.titles) > 0) continue;
      // a body's name before 制度 / 体制 names a system (人民代表大会制度)
      if (SYSTEM_AFTER.test(ctx.text.slice(t.end, t.end + 2))) continue;
      out.push({ type: 'ORG', start: withSession(t.start), end: t.end, attrs: { priority: 1, source: 'jieba-nt' } });
    }
    return out;
  },
};
