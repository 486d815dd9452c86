/**
 * The shared numeral reading: one left-to-right pass over normalized text that
 * finds every place a quantity may start and reads the numeral there, the
 * qualifier word before it and the context a reader needs (the character
 * before, a 第 before it). It decides no kind: each figure rule's reader
 * (src/extract/rules/figure-<id>/reader.ts) looks at what follows a reading and
 * says whether it is that rule's kind. Readers share the machinery of "numeral
 * + unit" here (`unitFigure`: 多/余, ranges 3~5家, the completion with suffix
 * qualifiers), each with its own unit vocabulary.
 *
 * The reading of one document is made once and kept on the runner's
 * per-document memo (`ctx.memo`), never in a module global; without a memo a
 * rule reads for itself. The tables (prefix and suffix qualifiers, measures,
 * idioms) are built from the pipeline's word lists on first use and again
 * after the lexicon folders change.
 *
 * Nothing crosses a line break: numerals, units and qualifiers never contain '\n'.
 */
import type { FigureKind, Qualifier } from '../../core/types.js';
import type { FigureHit, RuleContext } from '../rule.js';
import { CHAR_CLASS, CN_BIG, CN_SMALL, isCnBig, isCnNumChar, isDigitChar, readNumeral, round, type NumeralRead, SPACES_LONE_FORMAL, LONE_FORMAL, SPACES } from './numerals.js';
import { measures, moneyPrefix, type UnitDef } from './units.js';
import { idioms, MAGNITUDE_QUALIFIERS, prefixQualifiers, QUALIFIER_WORD_TAILS, RANGE_SEPARATORS, suffixQualifiers, type PrefixQualifier, type SuffixQualifier } from './lexicon.js';
import { onLexiconChange } from '../../core/lists.js';
import { orderedAlternation } from './tables.js';
import { figureHit } from './hit.js';

/** A trie-free longest-match table: surfaces grouped by first character, longest first. */
export class LongestMatch<T> {
  /** entries by the code unit they start with (a number key: no one-character string per look-up) */
  private byFirst = new Map<number, Array<[string, T]>>();
  constructor(entries: Iterable<[string, T]> = []) {
    this.fill(entries);
  }
  /** Replace the entries (tables built from lists are refilled when the lists change). */
  fill(entries: Iterable<[string, T]>): void {
    this.byFirst.clear();
    for (const [k, v] of entries) {
      const f = k.charCodeAt(0);
      const list = this.byFirst.get(f) ?? [];
      list.push([k, v]);
      this.byFirst.set(f, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b[0].length - a[0].length);
  }
  at(text: string, i: number): [string, T] | null {
    const list = this.byFirst.get(text.charCodeAt(i));
    if (!list) return null;
    for (const e of list) if (text.startsWith(e[0], i)) return e;
    return null;
  }
  /** longest entry ending exactly at i (exclusive end) */
  endingAt(text: string, i: number, maxLen: number): [string, T] | null {
    for (let len = maxLen; len >= 1; len--) {
      const s = i - len;
      if (s < 0) continue;
      const list = this.byFirst.get(text.charCodeAt(s));
      if (!list) continue;
      for (const e of list) if (e[0].length === len && text.startsWith(e[0], s)) return e;
    }
    return null;
  }
}

/**
 * A table built from the pipeline's lists: filled on first use and again after
 * the lexicon folders change (readers keep their unit vocabulary in one).
 */
export function listTable<T>(entries: () => Iterable<[string, T]>): () => LongestMatch<T> {
  const t = new LongestMatch<T>();
  let filled = false;
  onLexiconChange(() => {
    filled = false;
  });
  return () => {
    if (!filled) {
      t.fill(entries());
      filled = true;
    }
    return t;
  };
}

/* The tables the shared reading consults. */
const PREFIX_T = new LongestMatch<PrefixQualifier>();
const SUFFIX_T = new LongestMatch<SuffixQualifier>();
const MEASURE_T = new LongestMatch<UnitDef>();
let IDIOM_RE!: RegExp;
let MONEY_PREFIX_FIRST!: Uint8Array;
/** Characters at which a figure may start (numerals, signs, vague and currency marks): a table by code unit. */
const START = new Uint8Array(65536);
let loaded = false;
onLexiconChange(() => {
  loaded = false;
});

function load(): void {
  const moneyPre = moneyPrefix();
  MEASURE_T.fill(Object.entries(measures()));
  PREFIX_T.fill(prefixQualifiers().map((p) => [p.w, p] as [string, PrefixQualifier]));
  SUFFIX_T.fill(suffixQualifiers().map((p) => [p.w, p] as [string, SuffixQualifier]));
  // the idioms in file order: the first one that matches at a position wins
  IDIOM_RE = new RegExp(orderedAlternation(idioms()), 'g');
  MONEY_PREFIX_FIRST = new Uint8Array(65536);
  for (const k of Object.keys(moneyPre)) MONEY_PREFIX_FIRST[k.charCodeAt(0)] = 1;
  START.fill(0);
  for (let k = 0; k < 65536; k++) if (CHAR_CLASS[k]) START[k] = 1;
  for (const ch of ['-', '－', '负', '半', '数', '几', '.']) START[ch.charCodeAt(0)] = 1;
  for (const k of Object.keys(moneyPre)) START[k.charCodeAt(0)] = 1;
  loaded = true;
}

export const isLatin = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
export const isHan = (c: string | undefined): boolean => c !== undefined && c >= '\u4e00' && c <= '\u9fff';

export interface ScanOptions {
  /** allow spaces inside numerals and before units (peer spec inputs); never newlines */
  spaces?: boolean;
}

/**
 * One place a figure may start. `form` says what stands there, and which
 * readers read it:
 * - `numeral`: a numeral (`num`) and what follows it: every unit reader;
 * - `sign`: a currency before the amount (￥300, 人民币50元): the money reader;
 * - `ordinal`: a numeral after 第 (第3名, 第三方): a position, the ordinal reader;
 * - `rank`: 1..100 after 排名前, 位居前 …: the ordinal reader;
 * - `half`: 半数, 过半, 一半 (not 另一半, 一半年): a share, the ratio reader;
 * - `fraction`: 三分之一, 1/3, 百分之三十 (`frac`): the ratio and percent readers.
 */
export interface Reading {
  form: 'numeral' | 'sign' | 'ordinal' | 'rank' | 'half' | 'fraction';
  /** where the numeral (or the sign) starts */
  i: number;
  /** the numeral read at i (null for a sign or after 第: those readers read for themselves) */
  num: NumeralRead | null;
  /** the fraction a `fraction` reading reads */
  frac: Fraction | null;
  /** the figure's start: a qualifier word before the numeral (约, 超过, 上百's 上), else i */
  start: number;
  /** the qualifier that word gives (exact without one) */
  qualifier: Qualifier;
  /** a bare multiplier (十, 百, 千, 万, 亿 without a digit) */
  bare: boolean;
  /**
   * a lone 万/亿 with no qualifier before it: a figure only when the unit after it
   * is followed by 级 or a suffix qualifier (万吨级, 万人以上)
   */
  loneBig: boolean;
}

/** The readings of one text, and the idiom spans that hold no figures. */
export interface Readings {
  text: string;
  opt: ScanOptions;
  list: readonly Reading[];
  /** [start, end) of the idioms (千家万户, 三番五次), flat: figures overlapping them are dropped */
  idioms: readonly number[];
}

const NO_OPT: ScanOptions = {};
const MEMO_KEY = 'figure-readings';

/** The document's readings, made once on the run's per-document memo (else fresh). */
export function readingsOf(ctx: RuleContext): Readings {
  const memo = ctx.memo;
  if (!memo) return readText(ctx.text, NO_OPT);
  let r = memo.get(MEMO_KEY) as Readings | undefined;
  if (r === undefined || r.text !== ctx.text) {
    r = readText(ctx.text, NO_OPT);
    memo.set(MEMO_KEY, r);
  }
  return r;
}

const URL_RE = /https?:\/\/[!-~]+/g;

/** Read every place a quantity may start in text. */
export function readText(text: string, opt: ScanOptions = NO_OPT): Readings {
  if (!loaded) load();
  const list = readLoop(text, opt);
  const spans: number[] = [];
  if (list.length > 0) {
    IDIOM_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = IDIOM_RE.exec(text))) spans.push(m.index, m.index + m[0].length);
  }
  return { text, opt, list, idioms: spans };
}

/*
 * The loop lives in its own function: V8 compiles a long loop on stack (OSR)
 * before the code after it has run, and code without type feedback
 * deoptimizes when it is reached, for every long document again.
 */
function readLoop(text: string, opt: ScanOptions): Reading[] {
  const out: Reading[] = [];
  const n = text.length;
  // URLs hold no figures: jump over them
  let urlEnds: Map<number, number> | null = null;
  if (text.includes('://')) {
    urlEnds = new Map();
    URL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = URL_RE.exec(text))) urlEnds.set(m.index, m.index + m[0].length);
  }
  let i = 0;
  while (i < n) {
    const k = text.charCodeAt(i);
    if (k === 104 /* h */ && urlEnds !== null && urlEnds.has(i)) {
      i = urlEnds.get(i) as number;
      continue;
    }
    if (START[k] === 1) {
      const r = readingAt(text, i, opt);
      if (r !== null) out.push(r);
    }
    i++;
  }
  return out;
}

function canStart(k: number): boolean {
  return k !== 20154 /* 人 */ && !(MONEY_PREFIX_FIRST[k] === 1 && !CHAR_CLASS[k]);
}

function reading(form: Reading['form'], i: number, num: NumeralRead | null, start: number, qualifier: Qualifier, bare: boolean, loneBig: boolean, frac: Fraction | null = null): Reading {
  return { form, i, num, frac, start, qualifier, bare, loneBig };
}

const RANK_PREFIX_RE = /(?:排名|排|率|位居|位列|居|进入|跻身|名列)前$/;

/** The one-character qualifier before i is really the tail of a word (签约, 最近). */
export function qualifierIsWordTail(text: string, qualStart: number, w: string): boolean {
  const tails = QUALIFIER_WORD_TAILS[w];
  const before = text[qualStart - 1];
  return tails !== undefined && before !== undefined && tails.includes(before);
}

const BARE_RE = /^[十百千万亿兆萬億]+$/;
const LONE_DENOMINATOR_RE = /^(佰|仟|[万萬]+)分之/;

/** The character at j, or undefined outside the text (text[-1] and text[length] are out-of-bounds reads that deoptimize the reader). */
function charAt(text: string, j: number): string | undefined {
  return j >= 0 && j < text.length ? text[j] : undefined;
}

function readingAt(text: string, i: number, opt: ScanOptions): Reading | null {
  const c = text[i] as string;
  if (!canStart(text.charCodeAt(i))) return reading('sign', i, null, i, 'exact', false, false);
  const prev = charAt(text, i - 1);
  const next = charAt(text, i + 1);
  // a minus sign only before a number and not between two numbers (1-2个 is a range)
  if (c === '-' || c === '－' || c === '负') {
    if (isDigitChar(prev) || isLatin(prev) || prev === '-' || prev === '－') return null;
    if (!isDigitChar(next) && !(c === '负' && (isCnNumChar(next) || isDigitChar(next)))) return null;
  }
  // inside Latin/digit words: T1, PM2.5, B12, iPhone 15
  if (isDigitChar(c) || c === '.') {
    if (isLatin(prev) || prev === '.' || isDigitChar(prev) || prev === '_' || prev === '/' || prev === '#') return null;
    if (prev === ' ' && isLatin(charAt(text, i - 2)) && !opt.spaces) return null;
  }
  // codes with a leading zero (02组, 007号) are names, not quantities
  if (c === '0' && isDigitChar(next)) return null;
  // 第3名, 第十届: a position
  if (prev === '第') return reading('ordinal', i, null, i, 'exact', false, false);
  // 排名前三, 位居前10位: a rank
  if (prev === '前' && RANK_PREFIX_RE.test(text.slice(Math.max(0, i - 4), i))) {
    const r = rankAt(text, i);
    if (r !== null) return r;
  }
  let num = numeralAt(text, i, opt);
  let loneBig = false;
  if (!num) {
    // 万/亿 alone (超万P, 过亿, 上万人), or a lone power of ten as a denominator (万分之)
    const lone = loneBigAt(text, i, c, prev);
    if (lone === null) return null;
    num = lone.num;
    loneBig = lone.loneBig;
  }
  // 两个亿, 三个多亿: a count of 亿/万 is that many 亿/万
  if (!num.bigTail && !num.vague && charAt(text, num.end) === '个') num = countOfBig(text, num);
  // 零 / 〇 alone (零部件, 零距离) is a word, not a figure
  if (num.single && num.value === 0 && num.chinese) return null;
  // 半数, 过半 (半 alone stays a numeral: 半年, 半个月)
  if (num.single && num.value === 0.5 && c === '半' && (text.startsWith('半数', i) || (prev === '过' && !isHan(next)))) return reading('half', i, num, i, 'exact', false, false);
  // 一半 (not 另一半, 一半年)
  if (c === '一' && next === '半' && prev !== '另' && !'年天个小'.includes(charAt(text, i + 2) ?? '_')) return reading('half', i, num, i, 'exact', false, false);
  // qualifier before the numeral
  let start = i;
  let qualifier: Qualifier = 'exact';
  const bare = num.chinese && BARE_RE.test(text.slice(num.start, num.end));
  const pq = PREFIX_T.endingAt(text, i, 3);
  if (pq && pq[1].q !== 'exact' && !qualifierIsWordTail(text, i - pq[0].length, pq[0])) {
    qualifier = pq[1].q;
    start = i - pq[0].length;
  } else if (bare && prev !== undefined && prev in MAGNITUDE_QUALIFIERS) {
    qualifier = MAGNITUDE_QUALIFIERS[prev] as Qualifier;
    start = i - 1;
  }
  const frac = fractionOf(text, num, opt);
  if (frac) return reading('fraction', i, num, start, qualifier, bare, loneBig, frac);
  return reading('numeral', i, num, start, qualifier, bare, loneBig);
}

/*
 * Rarely met branches of readingAt, apart: a branch first met late otherwise
 * threw away readingAt's whole compiled body, and V8 compiled it again.
 */

/** 排名前三, 位居前10位: a rank at i (after 前), or null. */
function rankAt(text: string, i: number): Reading | null {
  const r = readNumeral(text, i, LONE_FORMAL);
  if (r && !r.vague && Number.isInteger(r.value) && r.value > 0 && r.value <= 100) return reading('rank', i, r, i - 1, 'atMost', false, false);
  return null;
}

/**
 * Where no numeral reads at i: 万/亿 alone after a magnitude qualifier (超万P,
 * 过亿, 上万人) or alone (loneBig), or 佰分之, 仟分之, 万分之, 万万分之 (a lone
 * power of ten as a denominator); null otherwise.
 */
function loneBigAt(text: string, i: number, c: string, prev: string | undefined): { num: NumeralRead; loneBig: boolean } | null {
  if (c === '万' || c === '亿') {
    const synth: NumeralRead = { start: i, end: i + 1, value: CN_BIG[c] as number, valueMax: null, vague: null, chinese: true, plainArabic: false, intDigits: 0, single: true, bigTail: true };
    const qualPrev = prev !== undefined && '超逾近上过破约'.includes(prev) && !qualifierIsWordTail(text, i - 1, prev);
    if (c === '万' && charAt(text, i + 1) === '亿') {
      synth.end = i + 2;
      synth.value = 1e12;
    }
    if (qualPrev || synth.value === 1e12) return { num: synth, loneBig: false };
    if (!LONE_DENOMINATOR_RE.test(text.slice(i, i + 6))) return { num: synth, loneBig: true };
  }
  const m = LONE_DENOMINATOR_RE.exec(text.slice(i, i + 6));
  if (!m) return null;
  const d = m[1] as string;
  const v = d === '佰' ? 100 : d === '仟' ? 1000 : Math.pow(1e4, d.length);
  return { num: { start: i, end: i + d.length, value: v, valueMax: null, vague: null, chinese: true, plainArabic: false, intDigits: 0, single: d.length === 1, bigTail: d[0] !== '佰' && d[0] !== '仟' }, loneBig: false };
}

/** 两个亿, 三个多亿 (num followed by 个): a count of 亿/万 is that many 亿/万; else num itself. */
function countOfBig(text: string, num: NumeralRead): NumeralRead {
  const b = charAt(text, num.end + 1);
  if (!((b === '亿' || b === '万') && Number.isInteger(num.value) && num.value < 100)) return num;
  const mult = CN_BIG[b] as number;
  // every field in NumeralRead's order (a spread gave each copy its own hidden class)
  return { start: num.start, end: num.end + 2, value: num.value * mult, valueMax: num.valueMax, vague: num.vague, chinese: num.chinese, plainArabic: num.plainArabic, intDigits: num.intDigits, single: false, bigTail: true };
}

/** The prefix qualifier word ending at i (up to 3 characters), for readers of forms the shared reading does not qualify (半数, 一半). */
export function prefixQualifierBefore(text: string, i: number): [string, PrefixQualifier] | null {
  return PREFIX_T.endingAt(text, i, 3);
}

/** Read the numeral at i, giving back a trailing 千/百/十/兆/万 when it starts a measure (100万千瓦, 兆瓦). */
export function numeralAt(text: string, i: number, opt: ScanOptions): NumeralRead | null {
  const r = readNumeral(text, i, opt.spaces ? SPACES : undefined);
  if (!r) return null;
  const lastC = text[r.end - 1] as string;
  if (r.end - i > 1 && (lastC === '千' || lastC === '兆' || lastC === '百' || lastC === '十' || lastC === '万')) {
    const m = MEASURE_T.at(text, r.end - 1);
    if (m && m[0].length > 1) {
      const r2 = readNumeral(text.slice(0, r.end - 1), i, opt.spaces ? SPACES : undefined);
      if (r2 && r2.end === r.end - 1) return r2;
    }
  }
  return r;
}

/** A unit a reader found after a numeral: its kind, base unit, factor into it and length; `special` marks forms the completion adjusts. */
export interface UnitRead {
  kind: FigureKind;
  unit: string | null;
  factor: number;
  len: number;
  special: string;
}

/** A reader's unit vocabulary: the unit of its kind at j after the numeral num, or null. */
export type UnitReader = (text: string, j: number, num: NumeralRead) => UnitRead | null;

/**
 * A measure (figure-measures.txt) at j: area, length, mass, power, energy,
 * compute, data, and speed/frequency/volume/temperature as `number`. Shared by
 * two readers (figure-measure keeps the measures, figure-magnitude the numbers)
 * and by the numeral reading (a trailing 千 that starts 千瓦 is the unit's).
 */
export const measureAt: UnitReader = (text, j, num) => {
  if (!loaded) load();
  const meas = MEASURE_T.at(text, j);
  if (!meas) return null;
  const after = text[j + meas[0].length];
  const latin = isLatin(meas[0][0]);
  if (latin && (isLatin(after) || isDigitChar(after))) return null;
  if (latin && num.chinese && !num.bigTail) return null;
  return { kind: meas[1].kind, unit: meas[1].unit, factor: meas[1].factor, len: meas[0].length, special: '' };
};

export function skipSpaces(text: string, j: number): number {
  while (text[j] === ' ') j++;
  return j;
}

/** A qualifier word after a figure (以上, 左右, 多 …) at j, with the figure's new end. */
export function suffixQual(text: string, j: number): { q: Qualifier; end: number } | null {
  const s = SUFFIX_T.at(text, j);
  if (!s) return null;
  const after = text[j + s[0].length];
  if (s[1].notBefore && after !== undefined && s[1].notBefore.includes(after)) return null;
  return { q: s[1].q, end: j + s[0].length };
}

/** A fraction: where it ends, its value and kind (ratio or percent). */
export interface Fraction {
  end: number;
  value: number;
  kind: 'ratio' | 'percent';
  unit: string;
}

/**
 * Fractions read as one numeral: 三分之一 and 1/3 (ratio), 百分之三十 and
 * 千分之五 (percent). Two readers take them: figure-ratio the ratios,
 * figure-percent the percentages.
 */
function fractionOf(text: string, num: NumeralRead, opt: ScanOptions): Fraction | null {
  let j = num.end;
  if (opt.spaces) j = skipSpaces(text, j);
  if (text[j] === '分' && (text[j + 1] === '之' || (opt.spaces && text[skipSpaces(text, j + 1)] === '之'))) {
    let k = text[j + 1] === '之' ? j + 2 : skipSpaces(text, j + 1) + 1;
    if (opt.spaces) k = skipSpaces(text, k);
    const numer = readNumeral(text, k, opt.spaces ? SPACES_LONE_FORMAL : LONE_FORMAL);
    if (!numer || numer.vague) return null;
    const den = text.slice(num.start, num.end);
    // 百分之, 千分之, 万分之, 百万分之: a bare power of ten is a per-cent/mille/myriad
    if (/^[百佰千仟万萬亿億]+$/.test(den) && num.value >= 100) return { end: numer.end, value: round((numer.value * 100) / num.value), kind: 'percent', unit: '%' };
    if (num.value === 0) return null;
    return { end: numer.end, value: round(numer.value / num.value), kind: 'ratio', unit: 'ratio' };
  }
  if (text[j] === '/' && num.plainArabic && isDigitChar(text[j + 1])) {
    const d = readNumeral(text, j + 1);
    if (!d || !d.plainArabic || d.value === 0) return null;
    const after = text[d.end];
    if (after === '/' || isLatin(after) || after === '.') return null;
    return { end: d.end, value: round(num.value / d.value), kind: 'ratio', unit: 'ratio' };
  }
  return null;
}

/**
 * A numeral with a unit of one reader's vocabulary, before the reader's own
 * checks: where the unit starts, the range (3~5家, 3万至4万人次, 两到三仟元:
 * both ends in a unit of this reader, the same one) and 多/余 (300多家).
 */
export interface UnitReading {
  r: Reading;
  num: NumeralRead;
  u: UnitRead;
  uStart: number;
  /** end of the numeral, and of a 多/余 after it */
  j: number;
  more: boolean;
  valueMax: number | null;
  /** end of the range's second unit, or -1 */
  rangeEnd: number;
  qualifier: Qualifier;
}

/** The numeral of a reading with a unit of this reader after it (directly, after 多/余, or after a range), else null. */
export function withUnit(text: string, r: Reading, unitAt: UnitReader, opt: ScanOptions): UnitReading | null {
  let num = r.num as NumeralRead;
  const i = r.i;
  let j = num.end;
  let qualifier = r.qualifier;
  if (r.loneBig) {
    const u0 = unitAt(text, j, num);
    if (!(u0 && (text[j + u0.len] === '级' || suffixQual(text, j + u0.len)))) return null;
  }
  // 多 / 余 right after the numeral (300多家, 百余家)
  let more = num.vague === 'more';
  if ((text[j] === '多' || text[j] === '余') && !more) {
    const u0 = unitAt(text, j + 1, num);
    if (u0 && u0.kind !== 'percent') {
      more = true;
      j += 1;
    }
  }
  let uStart = opt.spaces ? skipSpaces(text, j) : j;
  let u = unitAt(text, uStart, num);
  // range: 3~5家, 1-2个, 3万至4万人次, 1500家至2000家
  let valueMax: number | null = num.valueMax;
  let rangeEnd = -1;
  if (!more && text[i - 1] !== '由' && (text[i - 1] !== '从' || !u)) {
    const sepPos = u ? uStart + u.len : j;
    const sep = text[sepPos];
    if (sep !== undefined && RANGE_SEPARATORS.includes(sep)) {
      const r2 = numeralAt(text, sepPos + 1, opt);
      if (r2) {
        const u2 = unitAt(text, r2.end, r2);
        if (u2 && (!u || (u.unit === u2.unit && u.kind === u2.kind))) {
          let lo = num.value;
          if (!num.bigTail && !u && (r2.bigTail || (r2.chinese && num.value < 10 && Number.isInteger(num.value)))) {
            // 3至4万, 两到三仟: the multiplier of the second numeral applies to the first
            const mult = r2.bigTail ? bigMult(text, r2) : (CN_SMALL[text[r2.end - 1] as string] ?? 1);
            if (mult > 1 && lo * mult <= r2.value && lo < r2.value / mult + 1) lo = lo * mult;
          }
          if (lo < r2.value) {
            num = { ...num, value: lo };
            valueMax = r2.value;
            rangeEnd = r2.end + u2.len;
            u = u2;
            uStart = rangeEnd - u2.len;
            qualifier = 'range';
          }
        }
      }
    }
  }
  if (!u) return null;
  return { r, num, u, uStart, j, more, valueMax, rangeEnd, qualifier };
}

function bigMult(text: string, r: NumeralRead): number {
  const last = text[r.end - 1] as string;
  let m = CN_BIG[last] ?? 1;
  const prev = text[r.end - 2] as string;
  if (isCnBig(prev)) m *= CN_BIG[prev] as number;
  return m;
}

/**
 * The figure of a numeral with its unit once its reader accepted it: value in
 * the base unit, 一吨半, 七成六, 5日内, 万台级, 300多 and vague numerals, and a
 * suffix qualifier (以上, 左右).
 */
export function completeFigure(text: string, w: UnitReading): FigureHit {
  const { r, num, u } = w;
  let qualifier = w.qualifier;
  let more = w.more;
  const hasQual = r.start < r.i;
  let value = num.value * u.factor;
  let valueMax = w.valueMax;
  if (valueMax !== null) valueMax = valueMax * u.factor;
  let end = w.rangeEnd > 0 ? w.rangeEnd : w.uStart + u.len;
  // 一吨半, 两米半: half a unit more
  if (text[end] === '半' && w.rangeEnd < 0 && (u.kind === 'mass' || u.kind === 'length' || u.kind === 'area' || u.kind === 'duration') && !isHan(text[end + 1])) {
    value += 0.5 * u.factor;
    end += 1;
  }
  const special = u.special;
  if (special !== undefined && special.startsWith('cheng+')) value += special === 'cheng+half' ? 5 : Number(special.slice(6));
  if (special === 'more') more = true;
  if (special === 'within' && qualifier === 'exact') qualifier = 'atMost';
  let attrs: Record<string, unknown> | undefined;
  if (special === 'discount') attrs = { discount: true };
  // 万台级: order of magnitude
  if (text[end] === '级' && (r.bare || num.bigTail)) {
    end += 1;
    if (!hasQual) qualifier = 'approx';
    attrs = attrs ? { ...attrs, scale: true } : { scale: true };
    const sq1 = suffixQual(text, end);
    if (sq1 && sq1.q === 'atLeast') {
      qualifier = 'atLeast';
      end = sq1.end;
    }
  }
  if (more && qualifier === 'exact') qualifier = 'atLeast';
  if (num.vague === 'range' && qualifier === 'exact') qualifier = 'range';
  const sq = suffixQual(text, end);
  if (sq && (qualifier === 'exact' || (sq.q === 'atLeast' && qualifier === 'atLeast'))) {
    qualifier = sq.q;
    end = sq.end;
  }
  const fig = figure(r.start, end, u.kind, value, valueMax, u.unit, qualifier);
  if (attrs) fig.attrs = attrs;
  return fig;
}

/** A quantity figure, through the one figure constructor (./hit.ts: one object shape for all figures). */
export function figure(start: number, end: number, kind: FigureKind, value: number, valueMax: number | null, unit: string | null, qualifier: Qualifier): FigureHit {
  return figureHit(kind, start, end, round(value), valueMax !== null ? round(valueMax) : undefined, unit, qualifier, undefined, undefined, undefined);
}

/** A quoted short name ending or starting with the count (“人才十条”, ‘五个中心’). */
export function quotedName(text: string, start: number, end: number): boolean {
  const close = text[end];
  if (close === '”' || close === '’' || close === '"') {
    for (let k = start - 1; k >= Math.max(0, start - 6); k--) {
      const ch = text[k] as string;
      if (ch === '“' || ch === '‘' || ch === '"') return true;
      if (!isHan(ch)) break;
    }
  }
  const open = text[start - 1];
  if (open !== '“' && open !== '‘' && open !== '"') return false;
  for (let k = end; k < Math.min(text.length, end + 8); k++) {
    const ch = text[k] as string;
    if (ch === '”' || ch === '’' || ch === '"') return true;
    if (!isHan(ch)) return false;
  }
  return false;
}

/**
 * A reader's figures over the readings, left to right: a reading that starts
 * inside this reader's previous figure is part of it (3万至4万人次 is one
 * figure, not two); figures overlapping an idiom are dropped. `read` returns
 * the figure at a reading, or null.
 */
export function readAll(rs: Readings, read: (text: string, r: Reading, opt: ScanOptions) => FigureHit | null): FigureHit[] {
  const out: FigureHit[] = [];
  const text = rs.text;
  const opt = rs.opt;
  let last = 0;
  for (const r of rs.list) {
    if (r.i < last) continue;
    const f = read(text, r, opt);
    if (f === null) continue;
    out.push(f);
    last = f.end;
  }
  return rs.idioms.length === 0 || out.length === 0 ? out : withoutIdioms(out, rs.idioms);
}

function withoutIdioms(out: FigureHit[], spans: readonly number[]): FigureHit[] {
  return out.filter((f) => {
    for (let k = 0; k < spans.length; k += 2) if (f.start < (spans[k + 1] as number) && (spans[k] as number) < f.end) return false;
    return true;
  });
}

/**
 * A lone 一 with a classifier or a duration is an article (一个, 一批, 一天);
 * a bare multiplier with 人/名, or before another numeral, is a name (千人计划,
 * 百人会) unless qualified. The count and duration readers reject both.
 */
export function articleOrName(text: string, w: UnitReading): boolean {
  const { r, num, u } = w;
  const end = w.uStart + u.len;
  const hasQual = r.start < r.i;
  const sufq = suffixQual(text, end);
  const surface = text.slice(num.start, num.end);
  if ((surface === '一' || surface === '壹') && !hasQual && w.qualifier !== 'range' && !w.more && !sufq) return true;
  return r.bare && !hasQual && !w.more && !sufq && text[end] !== '级' && (u.unit === '人' || u.unit === '名' || isCnNumChar(text[end]));
}

const RATE_KINDS: ReadonlySet<FigureKind> = new Set(['area', 'length', 'mass', 'number', 'energy', 'power']);

/** 百公里油耗, 千米高空: a bare 百/千/万 before a measure and a noun is a rate base, not a figure (the measure and magnitude readers reject it). */
export function rateBase(text: string, w: UnitReading): boolean {
  const { r, num, u } = w;
  const end = w.uStart + u.len;
  return r.bare && r.start === r.i && !w.more && w.rangeEnd < 0 && num.end - num.start === 1 && RATE_KINDS.has(u.kind) && isHan(text[end]) && !suffixQual(text, end);
}

/** The suffix qualifier word at j as listed (the longest), without its checks. */
export function suffixWordAt(text: string, j: number): string | null {
  const s = SUFFIX_T.at(text, j);
  return s ? s[0] : null;
}

/** The figure of a fraction reading, with a suffix qualifier after it. */
export function fractionFigure(text: string, r: Reading): FigureHit {
  const frac = r.frac as Fraction;
  const q = suffixQual(text, frac.end);
  return figure(r.start, q ? q.end : frac.end, frac.kind, frac.value, null, frac.unit, q ? q.q : r.qualifier);
}
