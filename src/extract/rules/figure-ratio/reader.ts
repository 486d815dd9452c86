/**
 * The ratio reader: fractions (三分之一, 1/3: ratio), shares (半数, 过半, 一半:
 * 0.5) and multiples (1.1倍: x).
 */
import type { FigureHit } from '../../rule.js';
import type { Qualifier } from '../../../core/types.js';
import { completeFigure, figure, fractionFigure, prefixQualifierBefore, readAll, suffixQual, suffixWordAt, withUnit, type Reading, type Readings, type ScanOptions, type UnitReader } from '../../figures/reading.js';

export const multipleAt: UnitReader = (text, j) => (text[j] === '倍' ? { kind: 'multiple', unit: 'x', factor: 1, len: 1, special: '' } : null);

/** 半数, 过半, 一半: half, qualified by what stands before (超过半数) or after (一半以上). */
function half(text: string, r: Reading): FigureHit {
  const i = r.i;
  let q: Qualifier = 'exact';
  let st = i;
  const pq = prefixQualifierBefore(text, i);
  if (text[i] === '半') {
    let end = text.startsWith('半数', i) ? i + 2 : i + 1;
    if (text[i - 1] === '过' && end === i + 1) {
      st = i - 1;
      q = 'atLeast';
    } else if (pq && pq[1].q !== 'exact') {
      st = i - pq[0].length;
      q = pq[1].q;
    }
    if (suffixWordAt(text, end) === '以上') {
      end += 2;
      q = 'atLeast';
    }
    return figure(st, end, 'ratio', 0.5, null, 'ratio', q);
  }
  let end = i + 2;
  if (pq && pq[1].q !== 'exact') {
    st = i - pq[0].length;
    q = pq[1].q;
  }
  const s = suffixQual(text, end);
  if (s && s.q === 'atLeast') {
    end = s.end;
    q = 'atLeast';
  }
  return figure(st, end, 'ratio', 0.5, null, 'ratio', q);
}

function readRatioAt(text: string, r: Reading, opt: ScanOptions): FigureHit | null {
  if (r.form === 'fraction') return r.frac?.kind === 'ratio' ? fractionFigure(text, r) : null;
  if (r.form === 'half') return half(text, r);
  if (r.form !== 'numeral') return null;
  const w = withUnit(text, r, multipleAt, opt);
  return w ? completeFigure(text, w) : bareRatio(text, r);
}

/** A ratio named before it: 城乡居民收入比为2.66, and its change (比上年缩小0.11). */
const RATIO_BEFORE = /(?:收入比|之比|比值)(?:为|是|达|降至|缩小至|缩小到|扩大至|扩大到)$/;
const RATIO_CHANGE_BEFORE = /(?:收入比|之比|比值)[^。；]{0,16}(?:缩小|扩大)$/;

/** A bare Arabic number (no unit) that a ratio word names, ending its clause. */
function bareRatio(text: string, r: Reading): FigureHit | null {
  const n = r.num;
  if (!n || n.chinese || r.start !== n.start || !/^(?:[，。；、]|$)/.test(text.slice(n.end, n.end + 1))) return null;
  const before = text.slice(Math.max(0, n.start - 24), n.start);
  if (!RATIO_BEFORE.test(before) && !RATIO_CHANGE_BEFORE.test(before)) return null;
  return figure(n.start, n.end, 'ratio', n.value, null, 'ratio', 'exact');
}

/** Ratio and multiple figures of a document's readings. */
export const readRatio = (rs: Readings): FigureHit[] => readAll(rs, readRatioAt);
