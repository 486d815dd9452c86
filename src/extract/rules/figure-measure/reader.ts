/**
 * The measure reader: what follows a numeral is a measure of
 * pipelines/lexicon/figure-measures.txt of kind area, length, mass, power,
 * energy, compute or data (25万平方米, 3000P, 100万千瓦); the value is in the
 * base unit. The table's `number` units (公里每小时, 赫兹, ℃) are
 * figure-magnitude's. In peer-spec inputs (spaces allowed) 两 after a numeral is
 * a unit of mass (二两 = 0.1 kg).
 */
import type { FigureHit } from '../../rule.js';
import { isCnNumChar, readNumeral, SPACES } from '../../figures/numerals.js';
import { completeFigure, figure, measureAt, rateBase, readAll, withUnit, type Reading, type Readings, type ScanOptions, type UnitReader } from '../../figures/reading.js';
import { perUnit } from '../../figures/lexicon.js';

const measureOnly: UnitReader = (text, j, num) => {
  const u = measureAt(text, j, num);
  return u !== null && u.kind !== 'number' ? u : null;
};

const LIANG_END_RE = /[两兩]$/;

/** 二两, 三千两百两: 两 as a unit of mass, peer-spec inputs only (news text reads 两 as two). */
function liang(text: string, r: Reading): FigureHit | null {
  const num = r.num!;
  if (num.vague === 'more') return null;
  const sur = text.slice(num.start, num.end);
  const after = text[num.end];
  if ((after === '两' || after === '兩') && !isCnNumChar(text[num.end + 1])) return figure(r.start, num.end + 1, 'mass', num.value * 0.05, null, 'kg', r.qualifier);
  if (LIANG_END_RE.test(sur) && sur.length > 1 && !isCnNumChar(after) && !measureAt(text, num.end, num)) {
    const r2 = readNumeral(text.slice(0, num.end - 1), r.i, SPACES);
    if (r2 && r2.end === num.end - 1) return figure(r.start, num.end, 'mass', r2.value * 0.05, null, 'kg', r.qualifier);
  }
  return null;
}

function readMeasureAt(text: string, r: Reading, opt: ScanOptions): FigureHit | null {
  if (r.form !== 'numeral') return null;
  if (opt.spaces) {
    const m = liang(text, r);
    if (m) return m;
  }
  const w = withUnit(text, r, measureOnly, opt);
  if (!w || rateBase(text, w)) return null;
  // 389.7公斤/亩: a measure per unit is a rate (kind number, as 公里/小时 in the table)
  const fig = completeFigure(text, w);
  const end = fig.end;
  perUnit(text, fig);
  if (fig.end !== end) fig.kind = 'number';
  return fig;
}

/** Measure figures of a document's readings. */
export const readMeasure = (rs: Readings): FigureHit[] => readAll(rs, readMeasureAt);
