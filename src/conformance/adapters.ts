/**
 * Adapters from our figure extraction to the peer spec models (Recognizers-Text
 * Chinese): NumberModel, PercentModel, CurrencyModel, DimensionModel,
 * NumberRangeModel. Each returns results as {start, end (exclusive), value, …}
 * in the coordinates of the spec input.
 *
 * Peer inputs are not normalized news text: they carry spaces inside numerals
 * ("一百 五 十 二") and full-width digits. Number and NumberRange read numerals
 * with spaces allowed; Percent, Currency and Dimension run our news scanner on
 * a despaced copy of the input and map offsets back.
 */
import type { FigureHit } from '../extract/rule.js';
import { CN_BIG, isCnNumChar, isDigitChar, readNumeral, round, type NumeralRead } from '../extract/figures/numerals.js';
import { scanQuantities } from '../extract/figures/scan.js';
import { prefixQualifiers, suffixQualifiers } from '../extract/figures/lexicon.js';

export interface Out {
  start: number;
  /** exclusive */
  end: number;
  value: number | null;
  /** money: ISO code; dimension: base unit */
  unit?: string | null;
  /** money symbol ($) when no ISO code is implied */
  symbol?: string;
  /** the numerator of 百分之X (the number model reports it alone) */
  percentInner?: boolean;
  /** number range: [lowerInclusive, lower, upper, upperInclusive] */
  range?: { lo: number | null; hi: number | null; loIn: boolean; hiIn: boolean };
}

/** Words that look like numerals but are not (number mode). */
const NOT_NUMERALS = ['一切', '壹切', '一看', '四川', '两两', '十足', '一美元', '两美刀', '一美刀', '两美元'];
const NOT_NUMERAL_FIRST = new Map<string, string[]>();
for (const w of NOT_NUMERALS) {
  const l = NOT_NUMERAL_FIRST.get(w[0] as string) ?? [];
  l.push(w);
  NOT_NUMERAL_FIRST.set(w[0] as string, l);
}

const SPACES = { spaces: true } as const;
const skip = (t: string, j: number): number => {
  while (t[j] === ' ' || t[j] === '\u3000') j++;
  return j;
};
const MINUS = '-－负負';

/** One numeral in number mode: plain, fraction (三分之一, 3/5), mixed (三百五又三分之一, 1 4/3), dozen (一打). */
export interface NumberRead {
  start: number;
  end: number;
  value: number;
  /** the numerator of 百分之X when that is all the number model reports */
  vague: NumeralRead['vague'];
  percentInner?: boolean;
}

function readFraction(text: string, den: NumeralRead): { end: number; value: number; inner: boolean; numStart: number } | null {
  let j = skip(text, den.end);
  if (text[j] !== '分') return null;
  j = skip(text, j + 1);
  if (text[j] !== '之') return null;
  const k = skip(text, j + 1);
  const num = readNumeral(text, k, { spaces: true, loneFormal: true });
  if (!num) return null;
  const d = text.slice(den.start, den.end).trim();
  if (d === '百' || d === '佰') return { end: num.end, value: num.value, inner: true, numStart: num.start };
  if (den.value === 0) return null;
  const v = num.value / den.value;
  return { end: num.end, value: den.value < 0 && num.value < 0 ? Math.abs(v) : v, inner: false, numStart: num.start };
}

function readSlash(text: string, a: NumeralRead): { end: number; value: number } | null {
  if (!a.plainArabic) return null;
  const j = a.end;
  if (text[j] !== '/' && text[j] !== '／') return null;
  const b = readNumeral(text, j + 1);
  if (!b || !b.plainArabic || b.value === 0) return null;
  return { end: b.end, value: a.value / b.value };
}

export function readNumberAt(text: string, i: number): NumberRead | null {
  const c = text[i] as string;
  if (c === '.' && text[i - 1] === '.') return null;
  const pc = text[i - 1];
  if (MINUS.includes(c) && pc !== undefined && MINUS.includes(pc)) return null;
  if (c === '.' && !isDigitChar(text[i + 1])) return null;
  const words = NOT_NUMERAL_FIRST.get(c);
  if (words && words.some((w) => text.startsWith(w, i))) return null;
  const a = readNumeral(text, i, SPACES);
  if (!a) return null;
  let end = a.end;
  // 2222.2222.22222: a decimal followed by another '.digit' is no decimal
  if ((text[end] === '.' || text[end] === '．') && isDigitChar(text[end + 1])) {
    const dot = text.indexOf('.', i) >= 0 && text.indexOf('.', i) < end ? text.indexOf('.', i) : text.indexOf('．', i);
    if (dot > i) {
      const r = readNumeral(text.slice(0, dot), i, SPACES);
      if (r) return { start: i, end: r.end, value: r.value, vague: null };
    }
  }
  // trim trailing spaces
  while (end > i && (text[end - 1] === ' ' || text[end - 1] === '\u3000')) end--;
  // fraction 五分之一 / 百分之X (numerator only)
  const f = readFraction(text, a);
  if (f) {
    if (f.inner) return { start: f.numStart, end: f.end, value: f.value, vague: null, percentInner: true };
    return { start: i, end: f.end, value: round(f.value), vague: null };
  }
  const s = readSlash(text, a);
  if (s) return { start: i, end: s.end, value: round(s.value), vague: null };
  // mixed numbers: 三百五又三分之一, 1 4/3, ４ ６／３
  const j = skip(text, end);
  if (text[j] === '又' || (j > end && isDigitChar(text[j]) && a.plainArabic)) {
    const k = text[j] === '又' ? skip(text, j + 1) : j;
    const b = readNumeral(text, k, { spaces: true, loneFormal: true });
    if (b) {
      const fr = readFraction(text, b) ?? readSlash(text, b);
      if (fr && !('inner' in fr && fr.inner)) {
        const v = Math.abs(a.value) + fr.value;
        return { start: i, end: fr.end, value: round(a.value < 0 ? -v : v), vague: null };
      }
    }
  }
  // 一打 = 12
  if (text[end] === '打') return { start: i, end: end + 1, value: a.value * 12, vague: null };
  // '万' alone never reaches here; 五十千: the reader stops at 五十
  return { start: i, end, value: a.value, vague: a.vague };
}

/** NumberModel: every numeral. */
export function numberModel(text: string): Out[] {
  const out: Out[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (!(isDigitChar(c) || isCnNumChar(c) || c === '半' || c === '.' || c === '．' || MINUS.includes(c))) {
      i++;
      continue;
    }
    // URLs hold no numbers
    if (/^https?:\/\//.test(text.slice(i - 0, i + 8))) {
      while (i < text.length && text[i] !== ' ') i++;
      continue;
    }
    // a dash between two numbers is a range mark, not a minus (20-100, 5k-20k, 20 - 100)
    if (MINUS.includes(c) && c !== '负' && c !== '負') {
      let b = i - 1;
      while (b >= 0 && text[b] === ' ') b--;
      if (b >= 0 && (isDigitChar(text[b]) || /[kKＫ]/.test(text[b] as string))) {
        i++;
        continue;
      }
    }
    const words = NOT_NUMERAL_FIRST.get(c);
    const w = words?.find((x) => text.startsWith(x, i));
    if (w) {
      i += w.length;
      continue;
    }
    const r = readNumberAt(text, i);
    const surf = r ? text.slice(r.start, r.end) : '';
    // 百分点 / 百分比: 百 is part of the word; 二％ and 一折 are percentages, not numbers;
    // a bare multiplier right after a numeral (五十千) is a unit, not a new number
    if (
      r &&
      ((/^[百佰]$/.test(surf) && text[r.end] === '分') ||
        /^[%％折]/.test(text[r.end] ?? '') ||
        (/^[十百千万]$/.test(surf) && out.length > 0 && out[out.length - 1]!.end === r.start))
    ) {
      i = r.end;
      continue;
    }
    if (!r || surf === '半') {
      i++;
      continue;
    }
    if (r.value === 0.5 && text[r.start] === '半' && text[r.start + 1] !== '百') {
      i++;
      continue;
    }
    const o: Out = { start: r.start, end: r.end, value: r.value };
    if (r.percentInner) o.percentInner = true;
    out.push(o);
    i = Math.max(r.end, i + 1);
  }
  return out;
}

/** Remove spaces (not newlines), keeping a map from despaced index to original index. */
export function despace(text: string): { text: string; map: number[] } {
  let t = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === ' ' || c === '\u3000' || c === '\t') continue;
    // half-width comma to full width where it separates words (not thousands)
    const ch = c === ',' && !(isDigitChar(text[i - 1]) && isDigitChar(text[i + 1])) ? '，' : c;
    t += ch;
    map.push(i);
  }
  map.push(text.length);
  return { text: t, map };
}

function trimQualifiers(text: string, h: FigureHit): [number, number] {
  let s = h.start;
  let e = h.end;
  for (const p of prefixQualifiers()) if (text.startsWith(p.w, s) && s + p.w.length < e) {
    s += p.w.length;
    break;
  }
  for (const q of suffixQualifiers()) if (text.slice(s, e).endsWith(q.w) && e - q.w.length > s && q.w !== '多') {
    e -= q.w.length;
    break;
  }
  return [s, e];
}

function viaScanner(text: string, keep: (h: FigureHit) => boolean): Array<{ h: FigureHit; start: number; end: number }> {
  const d = despace(text);
  const hits = scanQuantities(d.text, { spaces: true });
  const out: Array<{ h: FigureHit; start: number; end: number }> = [];
  for (const h of hits) {
    if (!keep(h)) continue;
    const [s, e] = trimQualifiers(d.text, h);
    out.push({ h, start: d.map[s] as number, end: (d.map[e - 1] as number) + 1 });
  }
  return out;
}

export function percentModel(text: string): Out[] {
  return viaScanner(text, (h) => (h.kind === 'percent' || h.kind === 'percentagePoint') && h.valueMax == null).map(({ h, start, end }) => {
    let s = start;
    // 打对折 is handled below; '负' and '-' are part of the number already
    return { start: s, end, value: h.value };
  }).concat(discountHalf(text));
}

/** 打对折 = 50% (对折 alone folds paper). */
function discountHalf(text: string): Out[] {
  const out: Out[] = [];
  let k = text.indexOf('打对折');
  if (k < 0) k = text.indexOf('打對折');
  if (k >= 0) out.push({ start: k + 1, end: k + 3, value: 50 });
  return out;
}

export function currencyModel(text: string): Out[] {
  return viaScanner(text, (h) => h.kind === 'money').map(({ h, start, end }) => {
    const o: Out = { start, end, value: h.value, unit: h.unit };
    const sym = h.attrs?.symbol;
    if (typeof sym === 'string') o.symbol = sym;
    return o;
  });
}

const DIMENSION_KINDS = new Set(['area', 'length', 'mass', 'power', 'energy', 'compute', 'data', 'number']);
export function dimensionModel(text: string): Out[] {
  return viaScanner(text, (h) => DIMENSION_KINDS.has(h.kind) && h.unit !== null).map(({ h, start, end }) => ({ start, end, value: h.value, unit: h.unit }));
}

/* ------------------------------ number ranges ------------------------------ */

type Bound = { lo: number | null; hi: number | null; loIn: boolean; hiIn: boolean; start: number; end: number };

const lo = (inc: boolean) => (v: number) => ({ lo: v, hi: null, loIn: inc, hiIn: false });
const hi = (inc: boolean) => (v: number) => ({ lo: null, hi: v, loIn: false, hiIn: inc });
const eq = (v: number) => ({ lo: v, hi: v, loIn: true, hiIn: true });
// operators before a numeral, longest first (spaces allowed between characters)
const LEFT: Array<[string, (v: number) => Omit<Bound, 'start' | 'end'>]> = [
  ['大于或者等于', lo(true)], ['大于或等于', lo(true)], ['大于等于', lo(true)], ['不小于', lo(true)], ['不少于', lo(true)], ['不低于', lo(true)],
  ['至少是', lo(true)], ['至少有', lo(true)], ['至少为', lo(true)], ['至少', lo(true)], ['最少', lo(true)], ['≥', lo(true)], ['>=', lo(true)],
  ['小于或者等于', hi(true)], ['小于或等于', hi(true)], ['小于等于', hi(true)], ['不大于', hi(true)], ['不多于', hi(true)], ['不超过', hi(true)], ['不高于', hi(true)],
  ['最多为', hi(true)], ['最多是', hi(true)], ['最多有', hi(true)], ['最多', hi(true)], ['至多', hi(true)], ['≤', hi(true)], ['<=', hi(true)],
  ['超过了', lo(false)], ['超过', lo(false)], ['大于', lo(false)], ['多于', lo(false)], ['高于', lo(false)], ['>', lo(false)], ['过', lo(false)],
  ['小于', hi(false)], ['少于', hi(false)], ['低于', hi(false)], ['<', hi(false)],
  ['等于', eq], ['=', eq],
];
const LEFT_SORTED = [...LEFT].sort((a, b) => b[0].length - a[0].length);

function matchBack(text: string, end: number, word: string): number {
  // match `word` ending at `end`, allowing spaces between its characters; returns start or -1
  let j = end;
  for (let k = word.length - 1; k >= 0; k--) {
    while (j > 0 && text[j - 1] === ' ') j--;
    if (text[j - 1] !== word[k]) return -1;
    j--;
  }
  return j;
}
function matchFwd(text: string, start: number, word: string): number {
  let j = start;
  for (let k = 0; k < word.length; k++) {
    while (text[j] === ' ') j++;
    if (text[j] !== word[k]) return -1;
    j++;
  }
  return j;
}

export function numberRangeModel(text: string): Out[] {
  const nums = numberModel(text).map((n) => ({ ...n }));
  // 第十 / 第十五: ordinals count as numbers here
  const bounds: Bound[] = [];
  const used = new Set<number>();
  for (let idx = 0; idx < nums.length; idx++) {
    const n = nums[idx] as Out;
    const v = n.value as number;
    let s = n.percentInner ? Math.max(0, n.start - 3) : n.start;
    let e = n.end;
    const numText = text.slice(n.start, n.end);
    // vague: 五百多, 十几万, 二百三十余万, 500多亿
    const r = readNumeral(text, n.start, SPACES);
    if (r && r.vague === 'more') {
      bounds.push({ lo: v, hi: null, loIn: false, hiIn: false, start: s, end: e });
      used.add(idx);
      continue;
    }
    if (text[e] === '多' && !isCnNumChar(text[e + 1])) {
      bounds.push({ lo: v, hi: null, loIn: false, hiIn: false, start: s, end: e + 1 });
      used.add(idx);
      continue;
    }
    void numText;
    // between: N1 (和|与|到|至|~|-|–|—) N2 (之间|间)?
    const next = nums[idx + 1];
    if (next) {
      const gap = text.slice(e, next.start).replace(/ /g, '');
      const gap2 = gap.replace(/^第|第$/g, '');
      if (/^(和|与|到|至|~|～|-|–|—|和第)$/.test(gap) || /^(和|与|到|至)$/.test(gap2)) {
        let ee = next.end;
        let ss = s;
        const t1 = matchFwd(text, ee, '之间');
        const t2 = matchFwd(text, ee, '间');
        const between = t1 > 0 || t2 > 0;
        if (between) ee = t1 > 0 ? t1 : t2;
        if (gap !== '和' || between || gap2 !== gap) {
          // 位于 / 在 before a between-range belong to it
          for (const w of ['位于', '在']) {
            const b = matchBack(text, ss - (text[ss - 1] === '第' ? 1 : 0), w);
            if (b >= 0 && between) {
              ss = b;
              break;
            }
          }
          if (text[ss - 1] === '第' && !between) ss--;
          if (v < (next.value as number)) {
            bounds.push({ lo: v, hi: next.value, loIn: true, hiIn: false, start: ss, end: ee });
            used.add(idx);
            used.add(idx + 1);
            idx++;
            continue;
          }
        }
      }
    }
    // 比N大 / 比N小 / 比N低
    const bi = matchBack(text, s, '比');
    if (bi >= 0) {
      const k = skip(text, e);
      const w = text[k];
      if (w === '大' || w === '高' || w === '多') {
        bounds.push({ lo: v, hi: null, loIn: false, hiIn: false, start: bi, end: k + 1 });
        continue;
      }
      if (w === '小' || w === '低' || w === '少') {
        bounds.push({ lo: null, hi: v, loIn: false, hiIn: false, start: bi, end: k + 1 });
        continue;
      }
    }
    // operator before
    let done = false;
    for (const [w, f] of LEFT_SORTED) {
      const b = matchBack(text, s, w);
      if (b >= 0) {
        bounds.push({ ...f(v), start: b, end: e });
        done = true;
        break;
      }
    }
    if (done) continue;
    // operator after: 以上, 或者以上, 或者更多, 以下, 之下
    const after: Array<[string, Omit<Bound, 'start' | 'end'>]> = [
      ['或者以上', { lo: v, hi: null, loIn: true, hiIn: false }],
      ['或以上', { lo: v, hi: null, loIn: true, hiIn: false }],
      ['或者更多', { lo: v, hi: null, loIn: true, hiIn: false }],
      ['或更多', { lo: v, hi: null, loIn: true, hiIn: false }],
      ['以上', { lo: v, hi: null, loIn: false, hiIn: false }],
      ['以下', { lo: null, hi: v, loIn: false, hiIn: false }],
      ['之下', { lo: null, hi: v, loIn: false, hiIn: false }],
      ['以内', { lo: null, hi: v, loIn: false, hiIn: true }],
    ];
    for (const [w, b] of after) {
      const k = matchFwd(text, e, w);
      if (k > 0) {
        bounds.push({ ...b, start: s, end: k });
        break;
      }
    }
  }
  // merge a lower and an upper bound joined by a connector: 大于10小于20, 最多100最少20, 1000以上， 1500以下
  const out: Out[] = [];
  for (let k = 0; k < bounds.length; k++) {
    const a = bounds[k] as Bound;
    const b = bounds[k + 1];
    if (b) {
      const gap = text.slice(a.end, b.start).replace(/[ ]/g, '');
      if (/^(|的同时|并且|并|且|而且|，|,|、)$/.test(gap)) {
        const lower = a.lo !== null && a.hi === null ? a : b.lo !== null && b.hi === null ? b : null;
        const upper = a.hi !== null && a.lo === null ? a : b.hi !== null && b.lo === null ? b : null;
        if (lower && upper && lower !== upper && (lower.lo as number) < (upper.hi as number)) {
          out.push({ start: a.start, end: b.end, value: null, range: { lo: lower.lo, hi: upper.hi, loIn: lower.loIn, hiIn: upper.hiIn } });
          k++;
          continue;
        }
      }
    }
    out.push({ start: a.start, end: a.end, value: null, range: { lo: a.lo, hi: a.hi, loIn: a.loIn, hiIn: a.hiIn } });
  }
  return out;
}

export { CN_BIG };
