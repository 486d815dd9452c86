/**
 * ORG named by its suffix (公司, 集团, 委员会, 管委会, 局, 研究院, 中心,
 * 大学, 银行 … from pipelines/gazetteer/org-suffixes.txt): the suffix token
 * grown left over name tokens to the first proper token (or 国家/中国/中央),
 * so the longest sensible name wins (北京市经济和信息化局,
 * 京东五星电器（天津）集团有限公司). A campus in brackets after a university
 * belongs to it (香港中文大学（深圳）); a suffix glued to a title by jieba
 * (局局长) is cut at the title, and so is a body glued to the title after it
 * (中央政治局常委 → 中央政治局). v7: a bare 所 or 办 that jieba reads as a
 * function word (the particle 所 before a verb: 笔下所展开的; the verb 办
 * before its object: 捐资办公益事业) ends no name, and a word for a kind of
 * body that jieba knows whole (卫生院, 镇政府, 商业银行: org-generic-names)
 * names none.
 */
import type { Token } from '../../../core/types.js';
import type { MentionHit, MentionRule } from '../../rule.js';
import { lexicon } from '../../entities/lexicon.js';
import { wordSet } from '../../../core/lists.js';
import { genericOrgHead, extendLeft, indexTokens, isProperToken, titleTail } from '../../entities/tokens.js';

const NATIONAL = new Set(['国家', '中国', '中央', '全国', '中共', '国务院', '首都']);
const SINGLE_CHARS = ['局', '委', '部', '厅', '署', '办', '院', '所'];
const SINGLE = new RegExp(`^(?:${SINGLE_CHARS.join('|')})$`, 'u');
const CAMPUS_AFTER = /^（[\u4e00-\u9fff]{2,4}）/u;

/**
 * Suffixes by their last character, in gazetteer order, so a token is tried
 * only against the suffixes it could end with (the first match in list order
 * wins, as a scan of the whole list would give).
 */
interface SuffixIndex {
  /** the suffixes by their last code unit (a number key: no one-character string sliced off every token) */
  last: Map<number, string[]>;
  long: Set<string>;
  /** code units a suffix can end a token with, or a suffix token can start with (局局长): anything else is skipped at once */
  maybe: Uint8Array;
}
const byLastChar = new WeakMap<readonly string[], SuffixIndex>();
function suffixIndex(suffixes: readonly string[]): SuffixIndex {
  let ix = byLastChar.get(suffixes);
  if (!ix) {
    ix = { last: new Map(), long: new Set(suffixes.filter((s) => s.length >= 2)), maybe: new Uint8Array(65536) };
    for (const s of suffixes) {
      const k = s.charCodeAt(s.length - 1);
      ix.maybe[k] = 1;
      const list = ix.last.get(k);
      if (list) list.push(s);
      else ix.last.set(k, [s]);
    }
    for (const c of SINGLE_CHARS) ix.maybe[c.charCodeAt(0)] = 1;
    byLastChar.set(suffixes, ix);
  }
  return ix;
}

export const rule: MentionRule = {
  id: 'entity-org-suffix',
  version: 7,
  purpose: 'organisations ending in an organisation suffix, grown to the longest sensible name',
  needs: ['tokens'],
  emits: 'mention',
  // entity-org-alias reads these hits through its `rule:entity-org-suffix` need: the runner runs
  // this rule once per document and hands out copies, so no memo of its own (a module global)
  run: (ctx) => findOrgs(ctx),
};

/** A bare 所 (jieba: c) before a verb, adjective or adverb, or a bare 办 jieba reads as a verb before a word. */
function functionWord(t: Token, next: Token | undefined): boolean {
  if (!next || next.start !== t.end) return false;
  if (t.text === '所') return t.tag === 'c' && /^(?:v|a|ad|d)$/u.test(next.tag);
  if (t.text === '办') return t.tag === 'v' && /^(?:n|v|vn|nz)$/u.test(next.tag);
  return false;
}

function findOrgs(ctx: { text: string; tokens: readonly Token[] }): MentionHit[] {
  const lex = lexicon();
  /** common words that end in a suffix character but name no organisation */
  const NOT_ORG = wordSet('org-not-org-words');
  /** words for a kind of body that jieba tags nt (卫生院, 镇政府) */
  const GENERIC = wordSet('org-generic-names');
  const ix = indexTokens(ctx.tokens);
  const sx = suffixIndex(lex.orgSuffixes);
  const toks = ctx.tokens;
  const text = ctx.text;
  const out: MentionHit[] = [];
  const startOk = (t: Token): boolean => isProperToken(t) || NATIONAL.has(t.text) || lex.orgs.has(t.text) || (lex.loc.has(t.text) && t.text.length >= 2);
  // 市经信局, 省商务厅, 区教委: a bare level word starts a body's short name
  const levelOk = (t: Token): boolean => startOk(t) || /^(?:省|市|区|县|州)$/u.test(t.text);
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (!sx.maybe[t.text.charCodeAt(t.text.length - 1)] && !sx.maybe[t.text.charCodeAt(0)]) {
      i++;
      continue;
    }
    let suffixEnd = t.end;
    let suffix = sx.last.get(t.text.charCodeAt(t.text.length - 1))?.find((s) => t.text === s || (s.length >= 2 && t.text.endsWith(s) && /^n/u.test(t.tag)));
    // a body jieba glued to the title after it (中央政治局常委): the name ends before the title
    const titled = t.text.length >= 4 ? titleTail(t.text, lex.titles) : 0;
    if (titled > 0 && SINGLE.test(t.text[t.text.length - titled - 1]!)) {
      suffix = t.text[t.text.length - titled - 1]!;
      suffixEnd = t.end - titled;
    }
    if (!suffix && /^(?:n|j)/u.test(t.tag) && t.text.length >= 2 && SINGLE.test(t.text.slice(-1)) && !NOT_ORG.has(t.text)) suffix = t.text.slice(-1); // 发改委, 人事部
    if (!suffix && t.text.length >= 2 && SINGLE.test(t.text[0]!) && (lex.titles.has(t.text.slice(1)) || /^(?:等|和|与|及|的)$/u.test(t.text.slice(1)))) {
      suffix = t.text[0]!; // 局局长 → 局 | 局长; 局等 → 局 | 等
      suffixEnd = t.start + 1;
    }
    // a team whose name jieba glued to 队 (泰山队/nz, 海港队/nt): the token is the name's end
    const gluedTeam = !suffix && t.text.length >= 3 && t.text.endsWith('队') && /^(?:nz|nt|ns|nr|nrt)$/u.test(t.tag);
    if (gluedTeam) suffix = '队';
    if (suffix && NOT_ORG.has(t.text) && suffixEnd === t.end) suffix = undefined;
    // 所 and 办 standing alone as a function word, not a body: the particle 所 before a verb or
    // an adverb (笔下所展开的, 国情所迫切需要, 改革开放所取得), the verb 办 before its object (捐资办公益事业)
    if (suffix && functionWord(t, toks[i + 1])) suffix = undefined;
    if (!suffix) {
      i++;
      continue;
    }
    let last = i;
    if (suffixEnd === t.end) {
      // a suffix followed by another suffix token belongs to the longer name (集团 + 有限公司)
      while (last + 1 < toks.length && toks[last + 1]!.start === toks[last]!.end && sx.long.has(toks[last + 1]!.text)) last++;
    }
    const single = suffix.length === 1;
    // a bare 队 takes any noun before it (医疗队); a name glued to 队 takes only a proper word (山东 + 泰山队)
    const team = suffix === '队' && !gluedTeam;
    let start = extendLeft(text, ix, i, { brackets: true, conj: true, maxLen: 28, startOk: team ? (x: Token): boolean => /^n/u.test(x.tag) || startOk(x) : single ? levelOk : startOk, verbBeforeSuffix: single, verbsInside: !single });
    // jieba already knows the whole name (香港中文大学, 上海市工商联)
    // (but not a word for a kind of body: 卫生院, 镇政府, 商业银行 are nt to jieba too: org-generic-names)
    if (start < 0 && t.text.length > suffix.length && (t.tag === 'nt' || t.tag === 'nz') && suffixEnd === t.end && !genericOrgHead().test(t.text) && !GENERIC.has(t.text)) start = t.start;
    let end = last === i ? suffixEnd : toks[last]!.end;
    if (/(?:大学|学院)$/u.test(suffix)) {
      const c = CAMPUS_AFTER.exec(text.slice(end, end + 8));
      if (c && lex.loc.has(c[0].slice(1, -1))) end += c[0].length;
    }
    if (start >= 0 && end - start >= 3 && !lex.titles.has(text.slice(start, end)) && !genericOrgHead().test(text.slice(start, end))) {
      out.push({ type: 'ORG', start, end, attrs: { priority: 2, source: 'org-suffix', suffix } });
    }
    i = last + 1;
  }
  return out;
}
