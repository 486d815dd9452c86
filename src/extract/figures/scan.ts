/**
 * The quantity scanner: one left-to-right pass over normalized text that finds
 * numerals and reads what follows them (unit, classifier, %, 倍, 分之 …) and what
 * precedes them (qualifier words). Dates and periods are read by ./dates.ts.
 *
 * Every figure has a unit or a sign of what it measures: bare numerals (2024
 * in a name, 5 in 5G, 十四五) are never figures. Nothing crosses a line break:
 * numerals, units and qualifiers never contain '\n'.
 */
import type { FigureKind, Qualifier } from '../../core/types.js';
import type { FigureHit } from '../rule.js';
import { CHAR_CLASS, CN_BIG, CN_DIGIT, CN_SMALL, isCnBig, isCnDigit, isCnNumChar, isDigitChar, readNumeral, round, type NumeralRead } from './numerals.js';
import { classifierBlockers, classifiers, unitBlockers, durations, measures, moneyPrefix, moneySuffix, type UnitDef } from './units.js';
import { idioms, MAGNITUDE_QUALIFIERS, prefixQualifiers, QUALIFIER_WORD_TAILS, RANGE_SEPARATORS, suffixQualifiers, type PrefixQualifier, type SuffixQualifier } from './lexicon.js';
import { onLexiconChange, wordList } from '../../core/lists.js';
import { orderedAlternation } from './tables.js';

/** The one-character qualifier before i is really the tail of a word (签约, 最近). */
function qualifierIsWordTail(text: string, qualStart: number, w: string): boolean {
  const tails = QUALIFIER_WORD_TAILS[w];
  const before = text[qualStart - 1];
  return tails !== undefined && before !== undefined && tails.includes(before);
}

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

/*
 * The tables the scanner reads, built from the pipeline's lists (units.ts,
 * lexicon.ts) on the first scan and again after the lexicon folders change.
 */
const MONEY_T = new LongestMatch<UnitDef>();
const MEASURE_T = new LongestMatch<UnitDef>();
const DURATION_T = new LongestMatch<UnitDef>();
const CLASS_T = new LongestMatch<string>();
const PREFIX_T = new LongestMatch<PrefixQualifier>();
const SUFFIX_T = new LongestMatch<SuffixQualifier>();
const MONEY_PREFIX_T = new LongestMatch<UnitDef>();
let IDIOM_RE!: RegExp;
let CLASSIFIER_BLOCKERS!: Readonly<Record<string, string>>;
/** Characters that, right after 成, 折, 年, 周, 天 or 秒, make it the start of a word (成立, 折扣, 年代, 周边, 天然, 秒杀). */
let UNIT_BLOCKERS!: Readonly<Record<'成' | '折' | '年' | '周' | '天' | '秒', string>>;
let MONEY_PREFIX_FIRST!: Record<string, true>;
const ORDINAL_UNITS = new LongestMatch<string>();
let RANK_BEFORE!: RegExp;
/** Characters at which a figure may start (numerals, signs, vague and currency marks): a table by code unit. */
const START = new Uint8Array(65536);
let loaded = false;
onLexiconChange(() => {
  loaded = false;
});

function load(): void {
  const moneyPre = moneyPrefix();
  MONEY_T.fill(Object.entries(moneySuffix()));
  MEASURE_T.fill(Object.entries(measures()));
  DURATION_T.fill(Object.entries(durations()));
  CLASS_T.fill(classifiers().map((c) => [c, c] as [string, string]));
  PREFIX_T.fill(prefixQualifiers().map((p) => [p.w, p] as [string, PrefixQualifier]));
  SUFFIX_T.fill(suffixQualifiers().map((p) => [p.w, p] as [string, SuffixQualifier]));
  MONEY_PREFIX_T.fill(Object.entries(moneyPre));
  // the idioms in file order: the first one that matches at a position wins
  IDIOM_RE = new RegExp(orderedAlternation(idioms()), 'g');
  CLASSIFIER_BLOCKERS = classifierBlockers();
  UNIT_BLOCKERS = unitBlockers();
  MONEY_PREFIX_FIRST = Object.fromEntries(Object.keys(moneyPre).map((k) => [k[0] as string, true]));
  ORDINAL_UNITS.fill(wordList('figure-ordinal-units').map((u) => [u, u] as [string, string]));
  RANK_BEFORE = new RegExp(orderedAlternation(wordList('figure-rank-before')) + '$');
  START.fill(0);
  for (let k = 0; k < 65536; k++) if (CHAR_CLASS[k]) START[k] = 1;
  for (const ch of ['-', '－', '负', '半', '数', '几', '.']) START[ch.charCodeAt(0)] = 1;
  for (const k of Object.keys(moneyPre)) START[k.charCodeAt(0)] = 1;
  loaded = true;
}

const isLatin = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
const isHan = (c: string | undefined): boolean => c !== undefined && c >= '\u4e00' && c <= '\u9fff';

function canStart(c: string): boolean {
  return START[c.charCodeAt(0)] === 1 && c !== '人' && !(c in MONEY_PREFIX_FIRST && !(CHAR_CLASS[c.charCodeAt(0)] as number));
}

export interface ScanOptions {
  /** allow spaces inside numerals and before units (peer spec inputs); never newlines */
  spaces?: boolean;
}

/** A numeral with its unit: the raw reading before kind-specific decisions. */
interface Quantity {
  start: number;
  end: number;
  kind: FigureKind;
  unit: string | null;
  value: number;
  valueMax: number | null;
  qualifier: Qualifier;
  attrs?: Record<string, unknown>;
}


/** Read a unit at position j (after a numeral). */
function unitAt(text: string, j: number, num: NumeralRead): { kind: FigureKind; unit: string | null; factor: number; len: number; special?: string } | null {
  const c = text[j];
  if (c === undefined) return null;
  if (c === '%' || c === '％') return { kind: 'percent', unit: '%', factor: 1, len: 1 };
  if (c === '‰') return { kind: 'percent', unit: '%', factor: 0.1, len: 1 };
  if (text.startsWith('个百分点', j) || text.startsWith('個百分點', j)) return { kind: 'percentagePoint', unit: 'pp', factor: 1, len: 4 };
  if (text.startsWith('百分点', j) || text.startsWith('百分點', j)) return { kind: 'percentagePoint', unit: 'pp', factor: 1, len: 3 };
  if (c === '倍') return { kind: 'multiple', unit: 'x', factor: 1, len: 1 };
  if (text.startsWith('个基点', j)) return { kind: 'percentagePoint', unit: 'pp', factor: 0.01, len: 3 };
  if (text.startsWith('基点', j)) return { kind: 'percentagePoint', unit: 'pp', factor: 0.01, len: 2 };
  if (c === '成' && (num.value <= 10 || num.value === 0.5) && !num.valueMax && num.value > 0) {
    const n = text[j + 1];
    if (n === undefined || !UNIT_BLOCKERS.成.includes(n)) {
      // 七成六 = 76%
      const d = text[j + 2] === undefined || !isCnNumChar(text[j + 2]) ? text[j + 1] : undefined;
      if (d !== undefined && isCnDigit(d) && num.value < 10 && Number.isInteger(num.value))
        return { kind: 'percent', unit: '%', factor: 10, len: 2, special: 'cheng+' + String(CN_DIGIT[d]) };
      if (n === '半') return { kind: 'percent', unit: '%', factor: 10, len: 2, special: 'cheng+half' };
      return { kind: 'percent', unit: '%', factor: 10, len: 1 };
    }
  }
  if (c === '折' && num.value === 0.5 && text[num.start] === '半') return { kind: 'percent', unit: '%', factor: 100, len: 1, special: 'discount' };
  if (c === '折' && num.value > 0 && num.value < 100 && num.value !== 10 && !num.valueMax && !num.bigTail) {
    const n = text[j + 1];
    if (n === undefined || !UNIT_BLOCKERS.折.includes(n))
      return { kind: 'percent', unit: '%', factor: num.value < 10 ? 10 : 1, len: 1, special: 'discount' };
  }
  const money = MONEY_T.at(text, j);
  if (money) return { kind: 'money', unit: money[1].unit, factor: money[1].factor, len: money[0].length };
  const meas = MEASURE_T.at(text, j);
  if (meas) {
    const after = text[j + meas[0].length];
    const latin = isLatin(meas[0][0]);
    if (!(latin && (isLatin(after) || isDigitChar(after)))) {
      if (!latin || !num.chinese || num.bigTail) return { kind: meas[1].kind, unit: meas[1].unit, factor: meas[1].factor, len: meas[0].length };
    }
  }
  const dur = DURATION_T.at(text, j);
  if (dur) {
    const after = text[j + dur[0].length];
    if (dur[0] === '年' || dur[0] === '多年') {
      const yearLike = (num.plainArabic && num.intDigits >= 3) || (num.chinese && /^[零〇○一二三四五六七八九]{3,4}$/.test(text.slice(num.start, num.end)));
      if (yearLike) return null;
      if (after !== undefined && UNIT_BLOCKERS.年.includes(after)) return null;
    }
    if (dur[0] === '周' && after !== undefined && UNIT_BLOCKERS.周.includes(after)) return null;
    if (dur[0] === '天' && after !== undefined && UNIT_BLOCKERS.天.includes(after)) return null;
    if (dur[0] === '秒' && after !== undefined && UNIT_BLOCKERS.秒.includes(after)) return null;
    return { kind: 'duration', unit: dur[1].unit, factor: dur[1].factor, len: dur[0].length, special: dur[0].includes('多') ? 'more' : dur[0].endsWith('内') ? 'within' : '' };
  }
  // 3块5毛, 两块八毛: 块 followed by 毛/角 is money (块 alone stays a classifier: 3块地)
  if (c === '块' && /^[0-9一二三四五六七八九两][毛角]/.test(text.slice(j + 1, j + 3))) return { kind: 'money', unit: 'CNY', factor: 1, len: 1 };
  const cls = CLASS_T.at(text, j);
  if (cls) {
    const after = text[j + cls[0].length];
    const blockers = CLASSIFIER_BLOCKERS[cls[0]];
    if (blockers && after !== undefined && blockers.includes(after)) return null;
    // 五个一, 六个一工程: a Chinese numeral right after 个 makes a name (三人一组, 380户1200人 are fine)
    if (cls[0] === '个' && after !== undefined && isCnDigit(after)) return null;
    return { kind: 'count', unit: cls[0], factor: 1, len: cls[0].length };
  }
  return null;
}

/** Read the numeral at i, giving back a trailing 千/百/十/兆 when it starts a unit (100万千瓦, 兆瓦). */
function numeralAt(text: string, i: number, opt: ScanOptions): NumeralRead | null {
  const r = readNumeral(text, i, opt.spaces ? { spaces: true } : undefined);
  if (!r) return null;
  const lastC = text[r.end - 1] as string;
  if (r.end - i > 1 && (lastC === '千' || lastC === '兆' || lastC === '百' || lastC === '十' || lastC === '万')) {
    const m = MEASURE_T.at(text, r.end - 1);
    if (m && m[0].length > 1) {
      const r2 = readNumeral(text.slice(0, r.end - 1), i, opt.spaces ? { spaces: true } : undefined);
      if (r2 && r2.end === r.end - 1) return r2;
    }
  }
  return r;
}

/** Scan all quantities (not dates) in text. */
const URL_RE = /https?:\/\/[!-~]+/g;

export function scanQuantities(text: string, opt: ScanOptions = {}): FigureHit[] {
  if (!loaded) load();
  const out = scanLoop(text, opt);
  return out.length > 0 ? withoutIdioms(text, out) : out;
}

/*
 * The scanning loop lives in its own function, and the code after it in
 * another: V8 compiles a long loop on stack (OSR) before the code after the
 * loop has ever run, and code without type feedback deoptimizes when it is
 * reached, for every long document again (measured: a deopt and a fresh
 * optimizing compile on a third of documents).
 */
function scanLoop(text: string, opt: ScanOptions): FigureHit[] {
  const out: FigureHit[] = [];
  const n = text.length;
  // URLs hold no figures: jump over them
  const urlEnds = new Map<number, number>();
  if (text.includes('://')) {
    URL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = URL_RE.exec(text))) urlEnds.set(m.index, m.index + m[0].length);
  }
  let i = 0;
  while (i < n) {
    const c = text[i] as string;
    if (c === 'h' && urlEnds.has(i)) {
      i = urlEnds.get(i) as number;
      continue;
    }
    if (START[text.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    const hit = figureAt(text, i, opt);
    if (hit) {
      // 1小时59分40秒: each smaller part joins in turn
      if (hit.fig.kind === 'duration') for (let k = 0; k < 4 && compoundDuration(text, hit.fig); k++);
      out.push(hit.fig);
      i = hit.fig.end;
    } else i++;
  }
  return out;
}

/** Duration base units, largest first, and how many of the next smaller one each holds. */
const DURATION_ORDER = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
const PER: Readonly<Record<string, number>> = { 'year>month': 12, 'day>hour': 24, 'hour>minute': 60, 'hour>second': 3600, 'minute>second': 60 };

/**
 * 1年3个月, 两小时三十分, 3天12小时, 2周3天: a duration followed (after 零 or 又
 * at most) by a smaller one is one duration, valued in the smaller unit
 * (15 months, 150 minutes). 分 is a minute only after hours (两小时三十分).
 * Only single values combine (约3小时20分钟 stays approximate); the figure is
 * changed in place. True when a part joined and another may follow.
 */
function compoundDuration(text: string, f: FigureHit): boolean {
  if ((f.qualifier !== 'exact' && f.qualifier !== 'approx') || f.valueMax != null || f.value === null || f.unit === null) return false;
  let j = f.end;
  if (text[j] === '零' || text[j] === '又') j++;
  const r = readNumeral(text, j, { loneFormal: true });
  if (!r || r.vague || r.value <= 0 || !Number.isFinite(r.value)) return false;
  let u: { unit: string; factor: number; len: number } | null = null;
  const d = DURATION_T.at(text, r.end);
  if (d && !d[0].includes('多') && !d[0].endsWith('内')) u = { unit: d[1].unit, factor: d[1].factor, len: d[0].length };
  else if (f.unit === 'hour' && text[r.end] === '分' && text[r.end + 1] !== '之' && r.value < 60) u = { unit: 'minute', factor: 1, len: 1 };
  if (!u) return false;
  const a = DURATION_ORDER.indexOf(f.unit as (typeof DURATION_ORDER)[number]);
  const b = DURATION_ORDER.indexOf(u.unit as (typeof DURATION_ORDER)[number]);
  if (a < 0 || b < 0) return false;
  let value: number;
  if (a === b) {
    // 2周3天: both in days
    if (f.unit !== 'day' || u.factor >= 7 || r.value * u.factor >= 7) return false;
    value = f.value + r.value * u.factor;
  } else {
    const per = PER[`${f.unit}>${u.unit}`];
    if (per === undefined || r.value * u.factor >= per) return false;
    value = f.value * per + r.value * u.factor;
    f.unit = u.unit;
  }
  f.value = round(value);
  f.end = r.end + u.len;
  const sq = f.qualifier === 'exact' ? suffixQual(text, f.end) : null;
  if (sq) {
    f.qualifier = sq.q;
    f.end = sq.end;
  }
  return !sq;
}

/** Idioms (千家万户, 三番五次) hold no figures. */
function withoutIdioms(text: string, out: FigureHit[]): FigureHit[] {
  const idiomSpans: Array<[number, number]> = [];
  IDIOM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IDIOM_RE.exec(text))) idiomSpans.push([m.index, m.index + m[0].length]);
  if (idiomSpans.length > 0) return out.filter((f) => !idiomSpans.some(([s, e]) => f.start < e && s < f.end));
  return out;
}


function figureAt(text: string, i: number, opt: ScanOptions): { fig: FigureHit } | null {
  const c = text[i] as string;
  // currency symbol before a numeral: ￥300, $20, 人民币50元
  if (!canStart(c) || c === '人') {
    const pre = MONEY_PREFIX_T.at(text, i);
    if (!pre) return null;
    let j = i + pre[0].length;
    if (opt.spaces) while (text[j] === ' ') j++;
    if (!isDigitChar(text[j]) && !(text[j] !== undefined && isCnDigit(text[j]))) return null;
    const num = numeralAt(text, j, opt);
    if (!num) return null;
    let end = num.end;
    // 人民币50元: the suffix repeats the currency
    // 港币2960元, 美元50元: a currency name before the amount is the currency, 元 after it only counts
    const suf = MONEY_T.at(text, end);
    if (suf && (suf[1].unit === pre[1].unit || suf[0] === '元')) end += suf[0].length;
    else if (!/^[￥¥€£$]|\$$/.test(pre[0]) && !(num.bigTail || suf)) return null;
    const fig = mk(i, end, 'money', num.value * pre[1].factor, null, pre[1].unit, 'exact');
    fig.attrs = { symbol: pre[0] };
    return { fig };
  }
  const prev = text[i - 1];
  // a minus sign only before a number and not between two numbers (1-2个 is a range)
  if (c === '-' || c === '－' || c === '负') {
    if (isDigitChar(prev) || isLatin(prev) || prev === '-' || prev === '－') return null;
    if (!isDigitChar(text[i + 1]) && !(c === '负' && (isCnNumChar(text[i + 1]) || isDigitChar(text[i + 1])))) return null;
  }
  // inside Latin/digit words: T1, PM2.5, B12, iPhone 15
  if (isDigitChar(c) || c === '.') {
    if (isLatin(prev) || prev === '.' || isDigitChar(prev) || prev === '_' || prev === '/' || prev === '#') return null;
    if (prev === ' ' && isLatin(text[i - 2]) && !opt.spaces) return null;
  }
  // codes with a leading zero (02组, 007号) are names, not quantities
  if (c === '0' && isDigitChar(text[i + 1])) return null;
  // ordinals: 第3名, 第十届; ranks: 排名前三
  if (prev === '第') return ordinalAt(text, i, opt);
  if (prev === '前' && /(?:排名|排|率|位居|位列|居|进入|跻身|名列)前$/.test(text.slice(Math.max(0, i - 4), i))) {
    const r = readNumeral(text, i, { loneFormal: true });
    if (r && !r.vague && Number.isInteger(r.value) && r.value > 0 && r.value <= 100) {
      let e = r.end;
      if (text[e] === '名' || text[e] === '位') e++;
      return { fig: mk(i - 1, e, 'ordinal', r.value, null, null, 'atMost') };
    }
  }
  let num = numeralAt(text, i, opt);
  // 万/亿 alone after a magnitude qualifier: 超万P, 过亿, 上万人
  let magQual: Qualifier | null = null;
  if (!num && (c === '万' || c === '亿')) {
    const synth: NumeralRead = { start: i, end: i + 1, value: CN_BIG[c] as number, valueMax: null, vague: null, chinese: true, plainArabic: false, intDigits: 0, single: true, bigTail: true };
    const qualPrev = prev !== undefined && '超逾近上过破约'.includes(prev) && !qualifierIsWordTail(text, i - 1, prev);
    if (c === '万' && text[i + 1] === '亿') {
      synth.end = i + 2;
      synth.value = 1e12;
    }
    const u = unitAt(text, synth.end, synth);
    if (qualPrev || (u && (text[synth.end + u.len] === '级' || suffixQual(text, synth.end + u.len))) || synth.value === 1e12) num = synth;
  }
  if (!num) {
    // 佰分之, 仟分之, 万分之, 万万分之: a lone power of ten as a denominator
    const m = /^(佰|仟|[万萬]+)分之/.exec(text.slice(i, i + 6));
    if (m) {
      const d = m[1] as string;
      const v = d === '佰' ? 100 : d === '仟' ? 1000 : Math.pow(1e4, d.length);
      num = { start: i, end: i + d.length, value: v, valueMax: null, vague: null, chinese: true, plainArabic: false, intDigits: 0, single: d.length === 1, bigTail: d[0] !== '佰' && d[0] !== '仟' };
    }
  }
  if (!num) return null;
  // 两个亿, 三个多亿: a count of 亿/万 is that many 亿/万
  if (!num.bigTail && !num.vague && text[num.end] === '个' && (text[num.end + 1] === '亿' || text[num.end + 1] === '万') && Number.isInteger(num.value) && num.value < 100) {
    const mult = CN_BIG[text[num.end + 1] as string] as number;
    num = { ...num, end: num.end + 2, value: num.value * mult, bigTail: true, single: false };
  }
  // 零 / 〇 alone (零部件, 零距离) is a word, not a figure
  if (num.single && num.value === 0 && num.chinese) return null;
  if (num.single && num.value === 0.5 && text[i] === '半') {
    // 半 only as 半年/半个月/半数 …
    if (text.startsWith('半数', i) || (prev === '过' && !isHan(text[i + 1]))) {
      let end = text.startsWith('半数', i) ? i + 2 : i + 1;
      let q: Qualifier = 'exact';
      let st = i;
      const pq0 = PREFIX_T.endingAt(text, i, 3);
      if (prev === '过' && end === i + 1) {
        st = i - 1;
        q = 'atLeast';
      } else if (pq0 && pq0[1].q !== 'exact') {
        st = i - pq0[0].length;
        q = pq0[1].q;
      }
      const s = SUFFIX_T.at(text, end);
      if (s && s[0] === '以上') {
        end += 2;
        q = 'atLeast';
      }
      return { fig: mk(st, end, 'ratio', 0.5, null, 'ratio', q) };
    }
  }
  // 一半 (not 另一半)
  if (c === '一' && text[i + 1] === '半' && prev !== '另' && text[i + 2] !== '年' && text[i + 2] !== '天' && text[i + 2] !== '个' && text[i + 2] !== '小') {
    let end = i + 2;
    let q: Qualifier = 'exact';
    let st = i;
    const pq1 = PREFIX_T.endingAt(text, i, 3);
    if (pq1 && pq1[1].q !== 'exact') {
      st = i - pq1[0].length;
      q = pq1[1].q;
    }
    const s2 = suffixQual(text, end);
    if (s2 && s2.q === 'atLeast') {
      end = s2.end;
      q = 'atLeast';
    }
    return { fig: mk(st, end, 'ratio', 0.5, null, 'ratio', q) };
  }
  // qualifier before the numeral
  let start = i;
  let qualifier: Qualifier = 'exact';
  const bare = num.chinese && /^[十百千万亿兆萬億]+$/.test(text.slice(num.start, num.end));
  if (bare && prev !== undefined && prev in MAGNITUDE_QUALIFIERS) {
    magQual = MAGNITUDE_QUALIFIERS[prev] as Qualifier;
  }
  const pq = PREFIX_T.endingAt(text, i, 3);
  if (pq && pq[1].q !== 'exact' && !qualifierIsWordTail(text, i - pq[0].length, pq[0])) {
    qualifier = pq[1].q;
    start = i - pq[0].length;
  } else if (magQual) {
    qualifier = magQual;
    start = i - 1;
  }
  const hasQual = start < i;
  let j = num.end;
  // 多 / 余 right after the numeral (300多家, 百余家)
  let more = num.vague === 'more';
  if ((text[j] === '多' || text[j] === '余') && !more) {
    const u = unitAt(text, j + 1, num);
    if (u && u.kind !== 'percent') {
      more = true;
      j += 1;
    }
  }
  // 1/3, 三分之一, 百分之三十
  const frac = fractionAt(text, i, num, opt);
  if (frac) {
    const q = suffixQual(text, frac.end);
    return { fig: mk(start, q ? q.end : frac.end, frac.kind, frac.value, null, frac.unit, q ? q.q : qualifier) };
  }
  // 两 as a unit of mass (二两, 三千两百两): peer spec inputs only; news text reads 两 as two
  if (opt.spaces && !more) {
    const sur = text.slice(num.start, num.end);
    const after = text[num.end];
    if ((after === '两' || after === '兩') && !isCnNumChar(text[num.end + 1])) {
      return { fig: mk(start, num.end + 1, 'mass', num.value * 0.05, null, 'kg', qualifier) };
    }
    if (/[两兩]$/.test(sur) && sur.length > 1 && !isCnNumChar(after) && !unitAt(text, num.end, num)) {
      const r2 = readNumeral(text.slice(0, num.end - 1), i, { spaces: true });
      if (r2 && r2.end === num.end - 1) return { fig: mk(start, num.end, 'mass', r2.value * 0.05, null, 'kg', qualifier) };
    }
  }
  let u = unitAt(text, opt.spaces ? skipSpaces(text, j) : j, num);
  let uStart = opt.spaces ? skipSpaces(text, j) : j;
  // range: 3~5家, 1-2个, 3万至4万人次, 1500家至2000家
  let valueMax: number | null = num.valueMax;
  let rangeEnd = -1;
  let rangeUnit: ReturnType<typeof unitAt> = null;
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
            rangeUnit = u2;
            qualifier = 'range';
          }
        }
      }
    }
  }
  if (rangeUnit) {
    u = rangeUnit;
    uStart = rangeEnd - rangeUnit.len;
  }
  // 五元三毛, 50元6角三分, 两美元又三美分: subunits after the main unit
  if (u && u.kind === 'money' && rangeEnd < 0 && (u.unit === 'CNY' || u.unit === 'USD')) {
    let k = uStart + u.len;
    let extra = 0;
    let took = false;
    if (text[k] === '又') k++;
    for (const [sub, f] of u.unit === 'CNY' ? ([['角', 0.1], ['毛', 0.1], ['分', 0.01]] as const) : ([['美分', 0.01]] as const)) {
      const r3 = readNumeral(text, k, { loneFormal: true });
      if (!r3 || r3.vague || r3.value >= 10 || !text.startsWith(sub, r3.end)) continue;
      if (sub === '分' && text[r3.end + 1] === '之') break;
      extra += r3.value * f;
      k = r3.end + sub.length;
      took = true;
    }
    if (took) {
      const fig = mk(start, k, 'money', num.value + extra, null, u.unit, qualifier);
      return { fig };
    }
  }
  if (!u) {
    // 千亿级 (bare magnitude + 级)
    if (num.bigTail && text[j] === '级') return { fig: mk(start, j + 1, 'number', num.value, null, null, hasQual ? qualifier : 'approx') };
    // 56.15亿, 超过3亿, 万亿 (产业): a numeral with 万/亿 is a quantity even without a unit
    // (兆 is mega in 千兆光网, trillion in old money usage: never a figure without a unit)
    if (num.bigTail && !more && text[j - 1] !== '兆' && (!bare || text[j - 1] === '亿') && !(text[j] === '分' && text[j + 1] === '之')) {
      const sq0 = suffixQual(text, j);
      return { fig: mk(start, sq0 ? sq0.end : j, 'number', num.value, null, null, sq0 && qualifier === 'exact' ? sq0.q : bare && !hasQual ? 'approx' : qualifier) };
    }
    if (num.bigTail && more) return { fig: mk(start, j, 'number', num.value, null, null, qualifier === 'exact' ? 'atLeast' : qualifier) };
    return null;
  }
  if (u.kind === 'count' || u.kind === 'duration') {
    // a lone 一 / 两 with a classifier is an article (一个, 一批, 一天): not a figure
    const surface = text.slice(num.start, num.end);
    const sufq = suffixQual(text, uStart + u.len);
    if ((surface === '一' || surface === '壹') && !hasQual && qualifier !== 'range' && !more && !sufq) return null;
    // 二次开发, 二级巡视员: a lone 二 before a classifier is a term (a count says 两)
    if (surface === '二' && u.kind === 'count') return null;
    // a bare multiplier (十, 百, 千) with 人/名 is a name (千人计划, 百人会) unless qualified
    if (bare && !hasQual && !more && !sufq && text[uStart + u.len] !== '级' && (u.unit === '人' || u.unit === '名' || isCnNumChar(text[uStart + u.len]))) return null;
    // “人才十条”, ‘五个中心’: a quoted Chinese count is a name
    if (num.chinese && u.kind === 'count' && quotedName(text, start, uStart + u.len)) return null;
    if (num.chinese && num.single && u.kind === 'count' && isHan(text[i - 1]) && '统唯专不同'.includes(text[i - 1] as string)) return null;
  }
  // 百公里油耗, 千米高空: a bare 百/千/万 before a measure and a noun is a rate base, not a figure
  if (bare && !hasQual && !more && rangeEnd < 0 && num.end - num.start === 1 && ['area', 'length', 'mass', 'number', 'energy', 'power'].includes(u.kind) && isHan(text[uStart + u.len]) && !suffixQual(text, uStart + u.len))
    return null;
  let value = num.value * u.factor;
  if (valueMax !== null) valueMax = valueMax * u.factor;
  let end = uStart + u.len;
  if (rangeEnd > 0) end = rangeEnd;
  // 一吨半, 两米半: half a unit more
  if (text[end] === '半' && rangeEnd < 0 && (u.kind === 'mass' || u.kind === 'length' || u.kind === 'area' || u.kind === 'duration') && !isHan(text[end + 1]) ) {
    value += 0.5 * u.factor;
    end += 1;
  }
  if (u.special?.startsWith('cheng+')) {
    const extra = u.special === 'cheng+half' ? 5 : Number(u.special.slice(6));
    value += extra;
  }
  if (u.special === 'more') more = true;
  if (u.special === 'within' && qualifier === 'exact') qualifier = 'atMost';
  const attrs: Record<string, unknown> = {};
  if (u.special === 'discount') attrs.discount = true;
  // 万台级: order of magnitude
  if (text[end] === '级' && (bare || num.bigTail)) {
    end += 1;
    if (!hasQual) qualifier = 'approx';
    attrs.scale = true;
    const sq1 = suffixQual(text, end);
    if (sq1 && sq1.q === 'atLeast') {
      qualifier = 'atLeast';
      end = sq1.end;
    }
  }
  if (more && qualifier === 'exact') qualifier = 'atLeast';
  if (num.vague === 'range' && qualifier === 'exact') {
    qualifier = 'range';
  }
  const sq = suffixQual(text, end);
  if (sq && (qualifier === 'exact' || (sq.q === 'atLeast' && qualifier === 'atLeast'))) {
    qualifier = sq.q;
    end = sq.end;
  }
  const fig = mk(start, end, u.kind, value, valueMax, u.unit, qualifier);
  if (Object.keys(attrs).length > 0) fig.attrs = attrs;
  return { fig };
}

function quotedName(text: string, start: number, end: number): boolean {
  const close = text[end];
  if (close === '”' || close === '’' || close === '"') {
    // “人才十条”: a short quoted name ending with the count
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

function bigMult(text: string, r: NumeralRead): number {
  const last = text[r.end - 1] as string;
  let m = CN_BIG[last] ?? 1;
  const prev = text[r.end - 2] as string;
  if (isCnBig(prev)) m *= CN_BIG[prev] as number;
  return m;
}

function skipSpaces(text: string, j: number): number {
  while (text[j] === ' ') j++;
  return j;
}

function suffixQual(text: string, j: number): { q: Qualifier; end: number } | null {
  const s = SUFFIX_T.at(text, j);
  if (!s) return null;
  const after = text[j + s[0].length];
  if (s[1].notBefore && after !== undefined && s[1].notBefore.includes(after)) return null;
  return { q: s[1].q, end: j + s[0].length };
}

/** Fractions: 三分之一 (ratio), 百分之三十 (percent), 千分之五 (percent), 1/3 (ratio). */
function fractionAt(
  text: string,
  i: number,
  num: NumeralRead,
  opt: ScanOptions,
): { end: number; value: number; kind: FigureKind; unit: string } | null {
  let j = num.end;
  if (opt.spaces) j = skipSpaces(text, j);
  if (text[j] === '分' && (text[j + 1] === '之' || (opt.spaces && text[skipSpaces(text, j + 1)] === '之'))) {
    let k = text[j + 1] === '之' ? j + 2 : skipSpaces(text, j + 1) + 1;
    if (opt.spaces) k = skipSpaces(text, k);
    const numer = readNumeral(text, k, opt.spaces ? { spaces: true, loneFormal: true } : { loneFormal: true });
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

/* Units an ordinal may count (ORDINAL_UNITS: 第3名, 第十届, 第二批). Bare 第一 is a rank only after RANK_BEFORE (排名, 位居 …). */
function ordinalAt(text: string, i: number, opt: ScanOptions): { fig: FigureHit } | null {
  const num = readNumeral(text, i, opt.spaces ? { spaces: true, loneFormal: true } : { loneFormal: true });
  if (!num || num.vague || !Number.isInteger(num.value)) return null;
  const u = ORDINAL_UNITS.at(text, num.end);
  if (u) {
    const after = text[num.end + u[0].length];
    // 第二大 / 第一大: rank; 第一次 … ok; 第三方, 第一时间: no unit, no figure
    if (u[0] === '季' || (u[0] === '大' && after === '学')) return null;
    if (u[0] === '代' && after === '表') return null;
    return { fig: mk(i - 1, num.end + u[0].length, 'ordinal', num.value, null, u[0], 'exact') };
  }
  if (RANK_BEFORE.test(text.slice(Math.max(0, i - 4), i - 1))) return { fig: mk(i - 1, num.end, 'ordinal', num.value, null, null, 'exact') };
  return null;
}

function mk(
  start: number,
  end: number,
  kind: FigureKind,
  value: number,
  valueMax: number | null,
  unit: string | null,
  qualifier: Qualifier,
): FigureHit {
  const f: FigureHit = { kind, start, end, value: round(value), unit, qualifier };
  if (valueMax !== null) f.valueMax = round(valueMax);
  return f;
}
