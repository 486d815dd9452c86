/**
 * Token helpers shared by the entity rules: boundary lookups, tag classes,
 * and the leftward extension that grows a suffix ("公司", "开发区") into the
 * longest sensible name before it.
 */
import type { Token } from '../../core/types.js';
import { isHan, lexicon } from './lexicon.js';
import { genericPlaceWords } from './places.js';
import { wordSet } from '../../core/lists.js';
import { anyOf, perLexicon } from './word-lists.js';

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

/** Tags that can start a proper name. */
const PROPER = new Set(['ns', 'nt', 'nz', 'nrt', 'x', 'eng']);
/** Heads of generic organisation words (研发中心, 科研院所, 四大创新中心): org-generic-heads. */
export const genericOrgHead = perLexicon(() => new RegExp(`^${anyOf('org-generic-heads')}`, 'u'));
/**
 * The lists extendLeft reads, once per lexicon: tags that can sit inside a
 * name (entity-name-inside-tags: nouns, place/org/person names, unknown
 * words, Latin), words that never sit inside one whatever their tag
 * (entity-name-stop-words), verbs that form part of organisation names
 * (org-name-verbs: 国家地方共建…, 检测与评定中心, 投资促进局).
 */
const lists = perLexicon(() => ({ nameInside: wordSet('entity-name-inside-tags'), stopWords: wordSet('entity-name-stop-words'), nameVerbs: wordSet('org-name-verbs') }));

/**
 * An HMM unknown word (tag x) that begins with a preposition or verb
 * (entity-glued-first-chars: 由市, 到育贤, 除派) or ends with a preposition
 * or directional verb ending (entity-glued-last-chars: 转往, 移至, 县因, 选为)
 * is that function word glued to its neighbour: no part of a name.
 */
export function gluedFunctionWord(t: Token): boolean {
  if (t.tag !== 'x' || t.text.length < 2) return false;
  return wordSet('entity-glued-first-chars').has(t.text[0]!) || wordSet('entity-glued-last-chars').has(t.text[t.text.length - 1]!);
}

export function isProperToken(t: Token): boolean {
  if (!PROPER.has(t.tag)) return false;
  if (t.tag === 'x' && !(isHan(t.text) ? t.text.length >= 2 : /^[A-Za-z][A-Za-z0-9&.+-]*$/u.test(t.text))) return false;
  if (lexicon().titles.has(t.text)) return false;
  if (/^[号个家栋层座期]/u.test(t.text)) return false;
  if (t.tag === 'ns' && genericPlaceWords().has(t.text)) return false;
  if (t.tag === 'x' && /是$/u.test(t.text)) return false;
  // an HMM unknown that starts with a postposition glued on (会议上作 → 上作) names nothing
  if (t.tag === 'x' && /^[上下里内]/u.test(t.text)) return false;
  if (gluedFunctionWord(t)) return false;
  return true;
}

function insideOk(t: Token): boolean {
  if (t.text === '首都' || t.text === '国家' || t.text === '中央') return true;
  const { stopWords, nameInside } = lists();
  if (stopWords.has(t.text)) return false;
  if (lexicon().titles.has(t.text)) return false;
  if (/^第[一二三四五六七八九十\d]+$/u.test(t.text) || t.text === '附属') return true;
  if (/^[\d.]+$/u.test(t.text)) return false;
  if (t.tag === 'x' && !isHan(t.text) && !/^[A-Za-z][A-Za-z0-9&.+-]*$/u.test(t.text)) return false;
  if (gluedFunctionWord(t)) return false;
  return nameInside.has(t.tag);
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
  const { stopWords, nameVerbs } = lists();
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
    if (opts.conj && (t.text === '和' || t.text === '与') && j > 0 && /^(?:n|vn)$/u.test(toks[j - 1]!.tag) && (/^(?:n|vn)$/u.test(next.tag) || nameVerbs.has(next.text))) {
      j--;
      continue;
    }
    const verbBeforeSuffix = t.tag === 'v' && !stopWords.has(t.text) && ((!!opts.verbBeforeSuffix && j === last - 1) || (!!opts.verbsInside && nameVerbs.has(t.text)));
    if (!verbBeforeSuffix && !insideOk(t)) break;
    if ((startOk(t) || (crossed && /^n/u.test(t.tag))) && !(verbBeforeSuffix && t.tag === 'v')) best = t.start;
    j--;
  }
  void text;
  return best;
}

/**
 * Length of the longest title (two characters or more) that ends `word` and
 * leaves two characters or more before it, or 0: jieba glues a body to the
 * title after it (中央政治局常委 = 中央政治局 + 常委).
 */
export function titleTail(word: string, titles: ReadonlySet<string>): number {
  for (let n = word.length - 2; n >= 2; n--) if (titles.has(word.slice(-n))) return n;
  return 0;
}
