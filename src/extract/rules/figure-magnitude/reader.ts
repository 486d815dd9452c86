/**
 * The magnitude reader: figures of kind `number`. A numeral with 万/亿 and no
 * unit after it (56.15亿, 超过3亿, 千亿级, 两个亿: unit null), and a numeral
 * with one of the `number` units of figure-measures.txt (120公里每小时, 50赫兹,
 * 35℃). A bare 万 or 千 is no figure (万人, 千米高空); 兆 alone is no
 * figure (千兆光网).
 */
import type { FigureHit } from '../../rule.js';
import type { NumeralRead } from '../../figures/numerals.js';
import { completeFigure, figure, measureAt, rateBase, readAll, skipSpaces, suffixQual, withUnit, type Reading, type Readings, type ScanOptions, type UnitRead, type UnitReader } from '../../figures/reading.js';
import { classifierAt } from '../figure-count/reader.js';
import { durationAt } from '../figure-duration/reader.js';
import { moneyAt } from '../figure-money/reader.js';
import { percentAt } from '../figure-percent/reader.js';
import { multipleAt } from '../figure-ratio/reader.js';

/** Whether a unit of any reader stands at j: a numeral before one is that reader's, even where it refuses it (“三亿人参与…” is a name). */
function unitAfter(text: string, j: number, num: NumeralRead): UnitRead | null {
  return percentAt(text, j, num) ?? multipleAt(text, j, num) ?? moneyAt(text, j, num) ?? measureAt(text, j, num) ?? durationAt(text, j, num) ?? classifierAt(text, j, num);
}

const numberUnitAt: UnitReader = (text, j, num) => {
  const u = measureAt(text, j, num);
  return u !== null && u.kind === 'number' ? u : null;
};

/** 56.15亿, 千亿级: a 万/亿 numeral standing alone (a unit after it makes another reader's figure). */
function magnitude(text: string, r: Reading, opt: ScanOptions): FigureHit | null {
  const num = r.num!;
  if (!num.bigTail || r.loneBig) return null;
  const j = num.end;
  const hasQual = r.start < r.i;
  const more = num.vague === 'more';
  // 3亿多人: 多 before a unit is that unit's figure
  if (!more && (text[j] === '多' || text[j] === '余')) {
    const u = unitAfter(text, j + 1, num);
    if (u && u.kind !== 'percent') return null;
  }
  if (unitAfter(text, opt.spaces ? skipSpaces(text, j) : j, num)) return null;
  // 千亿级 (bare magnitude + 级)
  if (text[j] === '级') return figure(r.start, j + 1, 'number', num.value, null, null, hasQual ? r.qualifier : 'approx');
  // 56.15亿, 超过3亿, 万亿 (产业): 兆 is mega in 千兆光网, trillion in old money usage: never a figure without a unit
  if (!more && text[j - 1] !== '兆' && (!r.bare || text[j - 1] === '亿') && !(text[j] === '分' && text[j + 1] === '之')) {
    const sq = suffixQual(text, j);
    return figure(r.start, sq ? sq.end : j, 'number', num.value, null, null, sq && r.qualifier === 'exact' ? sq.q : r.bare && !hasQual ? 'approx' : r.qualifier);
  }
  if (more) return figure(r.start, j, 'number', num.value, null, null, r.qualifier === 'exact' ? 'atLeast' : r.qualifier);
  return null;
}

function readMagnitudeAt(text: string, r: Reading, opt: ScanOptions): FigureHit | null {
  if (r.form !== 'numeral') return null;
  const w = withUnit(text, r, numberUnitAt, opt);
  if (w) return rateBase(text, w) ? null : completeFigure(text, w);
  return magnitude(text, r, opt);
}

/** Figures of kind number of a document's readings. */
export const readMagnitude = (rs: Readings): FigureHit[] => readAll(rs, readMagnitudeAt);
