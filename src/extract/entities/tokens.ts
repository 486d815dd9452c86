/**
 * Token helpers shared by the entity rules: boundary lookups, tag classes,
 * and the leftward extension that grows a suffix ("公司", "开发区") into the
 * longest sensible name before it.
 */
import type { Token } from '../../core/types.js';
import { isHan, lexicon } from './lexicon.js';
import { GENERIC_PLACE_WORDS } from './places.js';

/** Token number by offset: `get(offset)` is the token starting (or ending) there, `has` whether one does. */
export class OffsetIndex {
  /** token number + 1 at each offset (0: none) */
  private readonly at: Int32Array;

  constructor(size: number) {
    this.at = new Int32Array(size + 1);
  }

  set(offset: number, token: number): void {
    this.at[offset] = token + 1;
  }

  has(offset: number): boolean {
    return offset >= 0 && offset < this.at.length && this.at[offset]! > 0;
  }

  get(offset: number): number | undefined {
    const v = offset >= 0 && offset < this.at.length ? this.at[offset]! : 0;
    return v > 0 ? v - 1 : undefined;
  }
}

export interface TokenIndex {
  tokens: readonly Token[];
  byStart: OffsetIndex;
  byEnd: OffsetIndex;
}

const cache = new WeakMap<readonly Token[], TokenIndex>();

/**
 * Token lookups by start and end offset, built once per token list (rules
 * share it). Typed arrays over the offsets: a document has ~180k tokens per
 * MB and every rule asks these questions many times per token.
 */
export function indexTokens(tokens: readonly Token[]): TokenIndex {
  let ix = cache.get(tokens);
  if (ix) return ix;
  const size = tokens.length > 0 ? tokens[tokens.length - 1]!.end : 0;
  const byStart = new OffsetIndex(size);
  const byEnd = new OffsetIndex(size);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    byStart.set(t.start, i);
    byEnd.set(t.end, i);
  }
  ix = { tokens, byStart, byEnd };
  cache.set(tokens, ix);
  return ix;
}

/** Index of the first token starting at or after `offset` (tokens sorted by start), or tokens.length. */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tokens lying inside [start, end). */
export function tokensWithin(tokens: readonly Token[], start: number, end: number): Token[] {
  const out: Token[] = [];
  for (let k = firstTokenFrom(tokens, start); k < tokens.length && tokens[k]!.start < end; k++) if (tokens[k]!.end <= end) out.push(tokens[k]!);
  return out;
}

/** A span is token-aligned when both ends fall on token boundaries (always true without tokens). */
export function aligned(ix: TokenIndex, start: number, end: number): boolean {
  if (ix.tokens.length === 0) return true;
  return ix.byStart.has(start) && ix.byEnd.has(end);
}

/** Tags that can sit inside a name (nouns, place/org/person names, unknown words, Latin). */
const NAME_INSIDE = new Set(['n', 'nz', 'ns', 'nt', 'nr', 'nrfg', 'nrt', 'x', 'eng', 'j', 'vn', 'an', 'l', 'i', 'b', 'ng', 'nx', 'a', 'f', 's']);
/** Tags that can start a proper name. */
const PROPER = new Set(['ns', 'nt', 'nz', 'nrt', 'x', 'eng']);
/** Heads of generic organisation words (研发中心, 科研院所, 四大创新中心). */
export const GENERIC_ORG_HEAD = /^(?:上市|国有|民营|外资|合资|私营|股份制|大型|中小|小微|科技型|骨干|子|母|分|总|科研|研发|研究|创新|技术|服务|管理|养老|文旅|各|本|该|有关|相关|上级|下级|主管|职能|行业|专业|地方|基层|龙头|头部|四大|多家|两大|三大|五大|高校|院校|企业|公司|这是|就是|也是|还是|都是|正是|更是|而是|但是|只是)/u;
/** Words that never sit inside a name even when their tag would allow it. */
const STOP_WORDS = new Set([
  '的', '在', '与', '及', '和', '等', '是', '为', '将', '把', '被', '对', '由', '向', '从', '以', '于', '该', '这', '那', '其', '本', '各', '每', '有', '也', '还', '都', '又', '已', '并', '或',
  '成立', '设立', '建设', '打造', '推动', '加快', '支持', '引进', '引入', '落户', '落地', '位于', '来自', '成为', '组建', '举办', '召开', '发布', '印发', '联合', '牵头', '包括', '通过', '依托', '围绕', '面向', '推进', '开展', '实施', '参加', '参与', '出席', '主办', '承办', '携手', '签约', '入驻', '注册', '合作', '共同', '记者', '本报', '新华社记者', '表示', '介绍', '指出', '认为', '说', '称', '接受', '采访', '获悉', '了解', '显示', '近日', '日前', '目前', '当前', '今年', '去年', '如今', '同时', '此外', '其中', '以及', '全国', '全球', '国内', '首家', '一家', '国家级', '省级', '市级', '区级', '县级', '省部级', '国家队', '获批', '暨', '即', '由', '总部', '及其', '旗下', '下属', '所属', '隶属', '多家', '这家', '该家', '首个', '一批', '企业', '龙头企业', '机构', '部门', '相关', '有关', '主要', '重点', '重要', '大型', '新型', '一流', '领先', '知名', '著名', '全新', '最大', '首批',
]);

/** Verbs that form part of organisation names (国家地方共建…, 检测与评定中心, 投资促进局). */
const NAME_VERBS = new Set(['共建', '促进', '发展', '检测', '评定', '研究', '开发', '创新', '服务', '管理', '监督', '交易', '保护', '监测', '控制', '制造', '设计', '培训', '孵化', '转化', '投资', '融资', '改革', '治理', '规划', '测试', '认证', '评估', '咨询', '推广', '救助', '执法', '审查', '审计', '调查', '统计', '运营', '维护']);

export function isProperToken(t: Token): boolean {
  if (!PROPER.has(t.tag)) return false;
  if (t.tag === 'x' && !(isHan(t.text) ? t.text.length >= 2 : /^[A-Za-z][A-Za-z0-9&.+-]*$/u.test(t.text))) return false;
  if (lexicon().titles.has(t.text)) return false;
  if (/^[号个家栋层座期]/u.test(t.text)) return false;
  if (t.tag === 'ns' && GENERIC_PLACE_WORDS.has(t.text)) return false;
  if (t.tag === 'x' && /是$/u.test(t.text)) return false;
  // an HMM unknown that starts with a postposition glued on (会议上作 → 上作) names nothing
  if (t.tag === 'x' && /^[上下里内]/u.test(t.text)) return false;
  return true;
}

function insideOk(t: Token): boolean {
  if (t.text === '首都' || t.text === '国家' || t.text === '中央') return true;
  if (STOP_WORDS.has(t.text)) return false;
  if (lexicon().titles.has(t.text)) return false;
  if (/^第[一二三四五六七八九十\d]+$/u.test(t.text) || t.text === '附属') return true;
  if (/^[\d.]+$/u.test(t.text)) return false;
  if (t.tag === 'x' && !isHan(t.text) && !/^[A-Za-z][A-Za-z0-9&.+-]*$/u.test(t.text)) return false;
  return NAME_INSIDE.has(t.tag);
}

export interface ExtendOptions {
  /** the whole name may not be longer than this */
  maxLen?: number;
  /** accept a bracketed place "（天津）" inside the name */
  brackets?: boolean;
  /** accept 和 between two nouns inside the name (经济和信息化局) */
  conj?: boolean;
  /** accept name-forming verbs inside the name, never first (国家地方共建…创新中心) */
  verbsInside?: boolean;
  /** accept a verb right before the suffix (投资促进局) */
  verbBeforeSuffix?: boolean;
  /** a start is acceptable only if this holds for the first token (default: proper token) */
  startOk?: (t: Token) => boolean;
}

/**
 * From token `last` (which ends the name), walk left over contiguous name-like
 * tokens and return the start offset of the longest span that begins with a
 * proper token, or -1 when none does.
 */
export function extendLeft(text: string, ix: TokenIndex, last: number, opts: ExtendOptions = {}): number {
  const toks = ix.tokens;
  const maxLen = opts.maxLen ?? 24;
  const end = toks[last]!.end;
  const startOk = opts.startOk ?? isProperToken;
  let best = -1;
  let crossed = false;
  let j = last - 1;
  while (j >= 0) {
    const t = toks[j]!;
    const next = toks[j + 1]!;
    if (t.end !== next.start) break; // a space or gap ends the name
    if (end - t.start > maxLen) break;
    if (opts.brackets && t.text === '）') {
      // （天津） inside a company name
      const open = j - 2;
      if (open >= 0 && toks[open]!.text === '（' && toks[j - 1]!.tag === 'ns') {
        j = open - 1;
        crossed = true;
        continue;
      }
      break;
    }
    if (opts.conj && (t.text === '和' || t.text === '与') && j > 0 && /^(?:n|vn)$/u.test(toks[j - 1]!.tag) && (/^(?:n|vn)$/u.test(next.tag) || NAME_VERBS.has(next.text))) {
      j--;
      continue;
    }
    const verbBeforeSuffix = t.tag === 'v' && !STOP_WORDS.has(t.text) && ((!!opts.verbBeforeSuffix && j === last - 1) || (!!opts.verbsInside && NAME_VERBS.has(t.text)));
    if (!verbBeforeSuffix && !insideOk(t)) break;
    if ((startOk(t) || (crossed && /^n/u.test(t.tag))) && !(verbBeforeSuffix && t.tag === 'v')) best = t.start;
    j--;
  }
  void text;
  return best;
}
