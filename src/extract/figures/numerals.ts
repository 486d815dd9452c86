/**
 * Numeral reading: Arabic (separators, decimals, full-width digits, exponents),
 * Chinese (lower-case, formal 壹贰叁, traditional 萬億兩), mixed (3.5万, 2千零30万)
 * and vague numerals (百余, 十几万, 两三, 数十, 上百).
 *
 * `readNumeral(text, i)` reads the longest numeral starting at i and returns its
 * value, end and vagueness; it never reads across a line break. Everything is a
 * table lookup plus a single left-to-right pass, so reading is linear.
 */
import { onLexiconChange, wordSet } from '../../core/lists.js';

/** Chinese digit characters and their values. */
export const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0,
  一: 1, 壹: 1, 幺: 1,
  二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 倆: 2, 俩: 2,
  三: 3, 叁: 3, 參: 3, 弎: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};

/** Multipliers below ten thousand. */
export const CN_SMALL: Readonly<Record<string, number>> = {
  十: 10, 拾: 10, 什: 10,
  百: 100, 佰: 100,
  千: 1000, 仟: 1000,
};

/** Section multipliers. 兆 is 10^12 here; as a metric prefix (兆瓦) the unit tables win. */
export const CN_BIG: Readonly<Record<string, number>> = {
  万: 1e4, 萬: 1e4,
  亿: 1e8, 億: 1e8,
  兆: 1e12,
};

/** Formal digits that are also ordinary words (伍 陆 拾 肆 柒 捌 玖 in 入伍, 大陆, 收拾, 放肆): never a numeral alone (pipelines/lexicon/figure-ambiguous-numerals.txt). */
let AMBIGUOUS_ALONE: ReadonlySet<string> | null = null;
onLexiconChange(() => {
  AMBIGUOUS_ALONE = null;
});

export function isDigitChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  return (k >= 48 && k <= 57) || (k >= 0xff10 && k <= 0xff19);
}

function digitVal(c: string): number {
  const k = c.charCodeAt(0);
  return k >= 0xff10 ? k - 0xff10 : k - 48;
}

/** Character classes by UTF-16 code unit: 1 digit (Arabic), 2 Chinese numeral character. */
export const CHAR_CLASS = new Uint8Array(65536);
for (let k = 48; k <= 57; k++) CHAR_CLASS[k] = 1;
for (let k = 0xff10; k <= 0xff19; k++) CHAR_CLASS[k] = 1;
for (const t of [CN_DIGIT, CN_SMALL, CN_BIG]) for (const ch of Object.keys(t)) CHAR_CLASS[ch.charCodeAt(0)] = 2;

/** Kind of each numeral character by code unit (1 digit, 2 small multiplier, 3 section multiplier) and its value: the hot paths look characters up here, not in the keyed tables. */
const CN_KIND = new Uint8Array(65536);
const CN_VAL = new Float64Array(65536);
for (const [t, kind] of [[CN_DIGIT, 1], [CN_SMALL, 2], [CN_BIG, 3]] as const)
  for (const [ch, v] of Object.entries(t)) {
    CN_KIND[ch.charCodeAt(0)] = kind;
    CN_VAL[ch.charCodeAt(0)] = v;
  }
const cnKind = (c: string | undefined): number => (c === undefined ? 0 : (CN_KIND[c.charCodeAt(0)] as number));
/** A Chinese digit (零 一 … 九, 两, formal 壹 …). */
export const isCnDigit = (c: string | undefined): boolean => cnKind(c) === 1;
/** 十 百 千 (and formal forms). */
export const isCnSmall = (c: string | undefined): boolean => cnKind(c) === 2;
/** 万 亿 兆. */
export const isCnBig = (c: string | undefined): boolean => cnKind(c) === 3;
/** The value of a numeral character (0 when it is none). */
export const cnValue = (c: string): number => CN_VAL[c.charCodeAt(0)] as number;

export function isCnNumChar(c: string | undefined): boolean {
  return c !== undefined && CHAR_CLASS[c.charCodeAt(0)] === 2;
}

export type Vague =
  /** exact numeral */
  | null
  /** 多 / 余 / trailing 几 (十几, 百余): value is the lower bound */
  | 'more'
  /** 两三, 八九, 二三十, 数十, 几十: value and valueMax */
  | 'range';

export interface NumeralRead {
  start: number;
  end: number;
  value: number;
  valueMax: number | null;
  vague: Vague;
  /** the numeral used only Chinese characters (no Arabic digit) */
  chinese: boolean;
  /** the numeral is a plain run of Arabic digits (no separator, decimal or multiplier) */
  plainArabic: boolean;
  /** number of Arabic digits in the integer part of a plain Arabic numeral */
  intDigits: number;
  /** the numeral is a single Chinese digit character */
  single: boolean;
  /** the numeral ended in a section multiplier (万/亿) */
  bigTail: boolean;
}

export interface ReadOptions {
  /** allow single spaces inside a numeral ("一百 五 十 二"), as peer specs do; never newlines */
  spaces?: boolean;
  /** accept a lone ambiguous formal digit (伍, 陆 …) */
  loneFormal?: boolean;
}

const MINUS = new Set(['-', '−', '－', '负', '負']);
const POINT = new Set(['点', '點']);
const FULL_DOT = '．';

function skipSp(text: string, i: number, opt: ReadOptions | undefined): number {
  if (!opt?.spaces) return i;
  let j = i;
  while (text[j] === ' ' || text[j] === '\u3000') j++;
  return j;
}

/** Read an Arabic number at i: 1,234.5 / 12 / .5 / 1.2e5 (exponent only when opt.spaces, i.e. spec mode). */
export function readArabic(
  text: string,
  i: number,
  opt?: ReadOptions,
): { end: number; value: number; plain: boolean; intDigits: number } | null {
  let j = i;
  let s = '';
  let plain = true;
  let intDigits = 0;
  while (isDigitChar(text[j])) {
    s += String(digitVal(text[j] as string));
    j++;
    intDigits++;
  }
  // thousands separators: groups of exactly three digits
  if (intDigits > 0 && intDigits <= 3) {
    let k = j;
    let grouped = '';
    for (;;) {
      const c = text[k];
      if (c !== ',' && c !== '，') break;
      // a full-width comma separates thousands only between full-width digits (９，９９９)
      if (c === '，' && !((text.charCodeAt(k - 1) >= 0xff10) && (text.charCodeAt(k + 1) >= 0xff10))) break;
      if (!(isDigitChar(text[k + 1]) && isDigitChar(text[k + 2]) && isDigitChar(text[k + 3]) && !isDigitChar(text[k + 4])))
        break;
      grouped += String(digitVal(text[k + 1] as string)) + digitVal(text[k + 2] as string) + digitVal(text[k + 3] as string);
      k += 4;
    }
    if (grouped) {
      s += grouped;
      j = k;
      plain = false;
    }
  }
  if ((text[j] === '.' || text[j] === FULL_DOT) && isDigitChar(text[j + 1])) {
    s += '.';
    j++;
    while (isDigitChar(text[j])) {
      s += String(digitVal(text[j] as string));
      j++;
    }
    plain = false;
  }
  if (s === '' || s === '.') return null;
  let value = Number(s);
  if (opt?.spaces && text[j] === '^') {
    const m = /^\^([+\-－]*)(\d+)/.exec(text.slice(j, j + 8));
    if (m) {
      const neg = ((m[1] ?? '').match(/[-－]/g) ?? []).length % 2 === 1;
      value = Math.pow(value, Number(m[2]) * (neg ? -1 : 1));
      j += m[0].length;
      plain = false;
    }
  }
  if (opt?.spaces) {
    // 40k, 15Ｋ, -2.5 M (peer spec inputs only)
    let q = j;
    if (text[q] === ' ' && (text[q + 1] === 'M' || text[q + 1] === 'm')) q++;
    const c = text[q];
    if ((c === 'k' || c === 'K' || c === 'Ｋ' || ((c === 'M' || c === 'm') && q > j)) && !/[A-Za-z]/.test(text[q + 1] ?? '')) {
      value *= c === 'M' || c === 'm' ? 1e6 : 1e3;
      j = q + 1;
      plain = false;
    }
  }
  if (opt?.spaces && (text[j] === 'e' || text[j] === 'E')) {
    const m = /^[eE]([+\-－]?)(\d+)/.exec(text.slice(j, j + 6).replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
    if (m && !/[A-Za-z]/.test(text[j + m[0].length] ?? '')) {
      const exp = Number(m[2]) * (m[1] === '-' || m[1] === '－' ? -1 : 1);
      value = value * Math.pow(10, exp);
      j += m[0].length;
      plain = false;
    }
  }
  return { end: j, value, plain, intDigits };
}

interface Tok {
  kind: 'd' | 's' | 'b' | 'z' | 'many' | 'ji' | 'half';
  v: number;
  /** Arabic multi-char number */
  arabic: boolean;
  end: number;
  /** a run of Chinese digits (一九九一) */
  seq: boolean;
}

/** Every token in one object shape (the reader is hot: one shape keeps its code from deoptimizing). */
const tok = (kind: Tok['kind'], v: number, end: number, arabic = false): Tok => ({ kind, v, arabic, end, seq: false });

/** The last token, or undefined (toks[-1] on an empty list is an out-of-bounds read that deoptimizes the reader). */
const lastOf = (toks: Tok[]): Tok | undefined => (toks.length > 0 ? toks[toks.length - 1] : undefined);

/**
 * Options in one object shape: callers pass these constants (or undefined), so
 * the reader sees a single options shape.
 */
export const LONE_FORMAL: ReadOptions = Object.freeze({ spaces: false, loneFormal: true });
export const SPACES: ReadOptions = Object.freeze({ spaces: true, loneFormal: false });
export const SPACES_LONE_FORMAL: ReadOptions = Object.freeze({ spaces: true, loneFormal: true });

/**
 * Read a numeral starting exactly at i. Returns null when no numeral starts there.
 * Sign: a leading '-' or 负 is read when followed by a numeral.
 */
export function readNumeral(text: string, i: number, opt?: ReadOptions): NumeralRead | null {
  let j = i;
  let sign = 1;
  const c0 = text[j];
  if (c0 !== undefined && MINUS.has(c0)) {
    j = afterMinus(text, j, opt);
    if (j < 0) return null;
    sign = -1;
  }
  const toks: Tok[] = [];
  let chinese = true;
  let lastEnd = j;
  let k = j;
  let sawPointDecimal: number | null = null;
  let decimalDigits = '';
  let rangeSecond: number | null = null; // 两三 / 八九: second digit
  let rangeLeadIndex = -1;
  // lead: 数 / 几 as "several" digit
  for (;;) {
    const pos = toks.length === 0 ? k : skipSp(text, k, opt);
    // no read past the end (text[length] is an out-of-bounds read that deoptimizes this loop)
    const c = pos < text.length ? text[pos] : undefined;
    if (c === undefined || c === '\n' || c === '\r') break;
    if (isDigitChar(c) || ((c === '.' || c === FULL_DOT) && toks.length === 0 && dotDigit(text, pos))) {
      // Arabic run; not directly after another digit token
      const prev = lastOf(toks);
      if (prev && (prev.kind === 'd' || prev.kind === 'ji')) break;
      // 零6个月: a leading 零 does not start an Arabic number
      if (prev && prev.kind === 'z' && toks.length === 1) break;
      const a = readArabic(text, pos, opt);
      if (!a) break;
      toks.push(tok('d', a.value, a.end, true));
      chinese = false;
      k = a.end;
      lastEnd = k;
      if (!a.plain && toks.length === 1 && a.value % 1 !== 0) {
        // 3.5万: decimal then multiplier is fine; nothing else to do
      }
      continue;
    }
    if (isCnDigit(c)) {
      const v = cnValue(c);
      const prev = lastOf(toks);
      if (prev && prev.kind === 'd' && prev.arabic) break;
      if (v === 0 && c === '零') {
        toks.push(tok('z', 0, pos + 1));
      } else if (prev && prev.kind === 'd' && !prev.arabic) {
        // consecutive digits: 两三 (range) or 一九九一 (digit string)
        // 三五百 (300–500): the one pair that is no neighbour, only at the numeral's start (not 十三五)
        const threeFive = v === 5 && prev.v === 3 && toks.length === 1;
        if ((v === prev.v + 1 || threeFive) && rangeSecond === null && toks.length >= 1 && !isDigitSeq(toks)) {
          rangeSecond = v;
          rangeLeadIndex = toks.length - 1;
          k = pos + 1;
          lastEnd = k;
          continue;
        }
        if (rangeSecond !== null) break;
        if ('两兩俩倆'.includes(c) || '两兩俩倆'.includes(text[pos - 1] ?? '')) break;
        prev.v = prev.v * 10 + v;
        prev.seq = true;
        prev.end = pos + 1;
        k = pos + 1;
        lastEnd = k;
        continue;
      } else {
        if (rangeSecond !== null) break;
        toks.push(tok('d', v, pos + 1));
      }
      k = pos + 1;
      lastEnd = k;
      continue;
    }
    if (isCnSmall(c)) {
      const prev = lastOf(toks);
      if (prev && prev.kind === 's' && prev.v <= cnValue(c)) break;
      toks.push(tok('s', cnValue(c), pos + 1));
      k = pos + 1;
      lastEnd = k;
      continue;
    }
    if (isCnBig(c)) {
      if (toks.length === 0) break;
      toks.push(tok('b', cnValue(c), pos + 1));
      k = pos + 1;
      lastEnd = k;
      continue;
    }
    if ((c === '几' || c === '幾' || c === '数' || c === '數') && (toks.length === 0 ? true : c === '几' || c === '幾')) {
      if (!severalAt(text, pos, toks)) break;
      k = pos + 1;
      lastEnd = k;
      continue;
    }
    if ((c === '多' || c === '余' || c === '餘') && toks.length > 0) {
      if (!manyAt(text, pos, toks, opt)) break;
      k = pos + 1;
      lastEnd = k;
      continue;
    }
    if (POINT.has(c) && toks.length > 0 && sawPointDecimal === null) {
      if (rangeSecond !== null) break;
      const d = pointDecimal(text, pos, toks, opt);
      if (d === null) break;
      sawPointDecimal = d.at;
      decimalDigits = d.digits;
      k = d.end;
      lastEnd = k;
      break;
    }
    if (c === '半' && toks.length === 0) {
      k = halfAt(text, pos, toks);
      lastEnd = k;
      break;
    }
    break;
  }
  if (toks.length === 0) return null;
  // trim trailing pieces that cannot end a numeral
  while (toks.length > 0) {
    const t = toks[toks.length - 1] as Tok;
    if (t.kind === 'z' && toks.length > 1) {
      toks.pop();
      continue;
    }
    break;
  }
  if (toks.length === 0) return null;
  const first = toks[0] as Tok;
  if (first.kind === 'b') return null;
  const end = Math.min(lastEnd, (toks[toks.length - 1] as Tok).end > lastEnd ? lastEnd : lastEnd);
  let realEnd = (toks[toks.length - 1] as Tok).end;
  if (sawPointDecimal !== null && sawPointDecimal === toks.length) realEnd = Math.max(realEnd, end);
  if (sawPointDecimal !== null) realEnd = Math.max(realEnd, end);
  if (rangeSecond !== null) realEnd = Math.max(realEnd, end);
  // a lone ambiguous character is not a numeral
  const surface = text.slice(i, realEnd);
  if (toks.length === 1 && first.kind === 'd' && !first.arabic && surface.length === 1 && (AMBIGUOUS_ALONE ??= wordSet('figure-ambiguous-numerals')).has(surface) && !opt?.loneFormal)
    return null;
  if (toks.length === 1 && first.kind === 's' && (surface === '拾' || surface === '什' || surface === '佰' || surface === '仟')) return null;
  if (toks.length === 1 && first.kind === 'half') {
    return { start: i, end: realEnd, value: 0.5, valueMax: null, vague: null, chinese: true, plainArabic: false, intDigits: 0, single: true, bigTail: false };
  }
  if (toks.length === 1 && first.kind === 'z' && sawPointDecimal === null) {
    return { start: i, end: realEnd, value: 0, valueMax: null, vague: null, chinese: true, plainArabic: false, intDigits: 0, single: true, bigTail: false };
  }
  const ev = evaluate(toks, rangeLeadIndex, rangeSecond);
  if (ev === null) return null;
  let { lo, hi, vague } = ev;
  if (sawPointDecimal !== null) {
    const frac = Number('0.' + decimalDigits);
    // decimal applies to the integer read so far, before any trailing multiplier
    const intPart = evaluate(toks.slice(0, sawPointDecimal), -1, null);
    if (intPart === null) return null;
    const mult = toks.length > sawPointDecimal ? (toks[sawPointDecimal] as Tok).v : 1;
    lo = (intPart.lo + frac) * mult;
    hi = null;
  }
  const lastTok = toks[toks.length - 1] as Tok;
  const plainArabic = toks.length === 1 && first.kind === 'd' && !!first.arabic && isPlainArabic(text, j, realEnd);
  let intDigits = 0;
  if (plainArabic) intDigits = realEnd - j;
  return {
    start: i,
    end: realEnd,
    value: round(sign * lo),
    valueMax: hi === null ? null : round(sign * hi),
    vague,
    chinese,
    plainArabic,
    intDigits,
    single: toks.length === 1 && surface.length === 1,
    bigTail: lastTok.kind === 'b',
  };
}

/** Where the numeral after a minus sign at j starts (spaces skipped in spec mode), or -1 when none follows. */
function afterMinus(text: string, j: number, opt: ReadOptions | undefined): number {
  const k = skipSp(text, j + 1, opt);
  if (isDigitChar(text[k]) || (text[k] === '.' && isDigitChar(text[k + 1])) || isCnDigit(text[k]) || isCnSmall(text[k])) return k;
  return -1;
}

/** A digit follows the point at pos (.5, ．5). */
function dotDigit(text: string, pos: number): boolean {
  return isDigitChar(text[pos + 1]);
}

/*
 * The rarely met branches of readNumeral's loop, each in a function of its own:
 * a branch first met late in a run otherwise threw away readNumeral's whole
 * compiled body (--trace-deopt: "insufficient type feedback", "wrong name"),
 * and V8 compiled the big function again; now only a few lines recompile.
 */

/** 几 / 数 as a digit ("several": 几十, 数百, 十几万) at pos: pushes its token, or false. */
function severalAt(text: string, pos: number, toks: Tok[]): boolean {
  const prev = lastOf(toks);
  const next = text[pos + 1];
  if (!(next !== undefined && (isCnSmall(next) || isCnBig(next))) && !(prev && (prev.kind === 's' || prev.kind === 'z' || prev.kind === 'b'))) return false;
  if (toks.length === 0 && !(next !== undefined && isCnSmall(next))) return false;
  toks.push(tok('ji', 0, pos + 1));
  return true;
}

/** 多 / 余 at pos inside a numeral: 500余万, 十多万, 一千多万, only when a section multiplier follows (else the caller handles 多/余). Pushes its token, or false. */
function manyAt(text: string, pos: number, toks: Tok[], opt: ReadOptions | undefined): boolean {
  const q = skipSp(text, pos + 1, opt);
  const n = text[q];
  const prev = toks[toks.length - 1] as Tok;
  const prevBig = prev.kind === 'b' ? prev.v : 0;
  if (n !== undefined && isCnBig(n) && n !== '兆' && (prev.kind !== 'b' || cnValue(n) > prevBig) && !toks.some((t) => t.kind === 'many')) {
    toks.push(tok('many', 0, pos + 1));
    return true;
  }
  return false;
}

/**
 * 点 at pos + Chinese decimal digits (two is not a decimal digit: 一点两小时),
 * and a section multiplier after them (三点五万), pushed to toks. `at`: the
 * number of tokens before the decimal; null when no decimal is read.
 */
function pointDecimal(text: string, pos: number, toks: Tok[], opt: ReadOptions | undefined): { at: number; digits: string; end: number } | null {
  let q = skipSp(text, pos + 1, opt);
  let digs = '';
  while (true) {
    const d = text[q];
    if (d === undefined || !isCnDigit(d) || d === '两' || d === '兩' || d === '俩' || d === '倆') break;
    digs += String(CN_DIGIT[d]);
    q++;
    const q2 = skipSp(text, q, opt);
    if (q2 !== q && text[q2] !== undefined && isCnDigit(text[q2])) q = q2;
  }
  const last = toks[toks.length - 1] as Tok;
  if (!digs || last.kind === 'ji') return null;
  const at = toks.length;
  let end = q;
  const q3 = skipSp(text, end, opt);
  const b = text[q3];
  if (b !== undefined && isCnBig(b) && b !== '兆') {
    toks.push(tok('b', cnValue(b), q3 + 1));
    end = q3 + 1;
  }
  return { at, digits: digs, end };
}

/** 半 at the start of a numeral: 半 alone (半年) or 半百. Pushes its token; returns its end. */
function halfAt(text: string, pos: number, toks: Tok[]): number {
  if (text[pos + 1] === '百') {
    toks.push(tok('d', 50, pos + 2));
    return pos + 2;
  }
  toks.push(tok('half', 0.5, pos + 1));
  return pos + 1;
}

function isPlainArabic(text: string, s: number, e: number): boolean {
  for (let q = s; q < e; q++) if (!isDigitChar(text[q])) return false;
  return true;
}

function isDigitSeq(toks: Tok[]): boolean {
  return (toks[toks.length - 1] as Tok).seq;
}

/** Round away binary noise (0.1+0.2) while keeping 15 significant digits. */
export function round(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return v;
  return Number(v.toPrecision(15));
}

/**
 * Evaluate tokens. Grammar (lenient): sections of (digit? small)* digit? separated by 万/亿/兆;
 * 零 marks a gap; a single trailing digit after 百/千/万 without 零 is elided (一万三 = 13000).
 */
function evaluate(
  toks: Tok[],
  rangeLead: number,
  rangeSecond: number | null,
): { lo: number; hi: number | null; vague: Vague } | null {
  const run = (override: number | null): { v: number; many: boolean; ji: 'lead' | 'tail' | null } | null => {
    let total = 0;
    let section = 0;
    let cur: number | null = null;
    let lastSmall = 0;
    let lastBig = Infinity;
    let zeroSeen = false;
    let many = false;
    let ji: 'lead' | 'tail' | null = null;
    for (let idx = 0; idx < toks.length; idx++) {
      const t = toks[idx] as Tok;
      switch (t.kind) {
        case 'd': {
          const v = idx === rangeLead && override !== null ? override : t.v;
          if (cur !== null) return null;
          cur = v;
          break;
        }
        case 'ji':
          if (idx === 0) {
            ji = 'lead';
            cur = override ?? 2;
          } else {
            ji = 'tail';
            cur = override !== null ? 9 : 0;
          }
          break;
        case 'z':
          zeroSeen = true;
          break;
        case 's': {
          const m = t.v;
          section += (cur ?? 1) * m;
          cur = null;
          lastSmall = m;
          zeroSeen = false;
          break;
        }
        case 'b': {
          const M = t.v;
          const here = section + (cur ?? 0);
          if (here === 0 && total === 0) {
            // 万万 with nothing before it cannot happen (first token is never 'b');
            return null;
          }
          if (here === 0) total *= M;
          else if (M < lastBig) total += here * M;
          else total = (total + here) * M;
          lastBig = Math.min(lastBig === Infinity ? M : lastBig, M) === M ? M : lastBig;
          lastBig = M;
          section = 0;
          cur = null;
          lastSmall = M;
          zeroSeen = false;
          break;
        }
        case 'many':
          many = true;
          break;
        case 'half':
          return null;
      }
    }
    if (cur !== null) {
      const lastTok = toks[toks.length - 1] as Tok;
      const prevTok = toks[toks.length - 2];
      // elision: 一万三 -> 13000, 四百五 -> 450 (single Chinese digit right after a multiplier >= 100)
      if (
        lastTok.kind === 'd' &&
        !lastTok.arabic &&
        lastTok.v < 10 &&
        prevTok &&
        (prevTok.kind === 's' || prevTok.kind === 'b') &&
        lastSmall >= 100 &&
        !zeroSeen
      ) {
        section += cur * (lastSmall / 10);
      } else section += cur;
    }
    return { v: total + section, many, ji };
  };
  if (rangeSecond !== null) {
    const lo = run(null);
    const hi = run(rangeSecond);
    if (!lo || !hi) return null;
    return { lo: lo.v, hi: hi.v, vague: 'range' };
  }
  const r = run(null);
  if (!r) return null;
  if (r.ji === 'lead') {
    const hi = run(9);
    return { lo: r.v, hi: hi ? hi.v : null, vague: 'range' };
  }
  if (r.ji === 'tail' || r.many) return { lo: r.v, hi: null, vague: 'more' };
  return { lo: r.v, hi: null, vague: null };
}
