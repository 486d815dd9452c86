/**
 * The percent reader: what follows a numeral is % (％, ‰), 个百分点/百分点 or
 * 个基点/基点 (percentage points), 成 (三成 = 30, 七成六 = 76) or 折 (八折 = 80,
 * a discount); or the numeral is a fraction of a power of ten (百分之三十,
 * 千分之五, 万分之二).
 */
import type { FigureHit } from '../../rule.js';
import { CN_DIGIT, isCnDigit, isCnNumChar } from '../../figures/numerals.js';
import { unitBlockers } from '../../figures/units.js';
import { completeFigure, fractionFigure, readAll, withUnit, type Reading, type Readings, type ScanOptions, type UnitReader } from '../../figures/reading.js';

export const percentAt: UnitReader = (text, j, num) => {
  const c = text[j];
  if (c === undefined) return null;
  if (c === '%' || c === '％') return { kind: 'percent', unit: '%', factor: 1, len: 1, special: '' };
  if (c === '‰') return { kind: 'percent', unit: '%', factor: 0.1, len: 1, special: '' };
  if (text.startsWith('个百分点', j) || text.startsWith('個百分點', j)) return { kind: 'percentagePoint', unit: 'pp', factor: 1, len: 4, special: '' };
  if (text.startsWith('百分点', j) || text.startsWith('百分點', j)) return { kind: 'percentagePoint', unit: 'pp', factor: 1, len: 3, special: '' };
  if (text.startsWith('个基点', j)) return { kind: 'percentagePoint', unit: 'pp', factor: 0.01, len: 3, special: '' };
  if (text.startsWith('基点', j)) return { kind: 'percentagePoint', unit: 'pp', factor: 0.01, len: 2, special: '' };
  if (c === '成' && (num.value <= 10 || num.value === 0.5) && !num.valueMax && num.value > 0) {
    const n = text[j + 1];
    // 成立, 成为: the start of a word (figure-unit-blockers.txt)
    if (n === undefined || !unitBlockers().成.includes(n)) {
      // 七成六 = 76%
      const d = text[j + 2] === undefined || !isCnNumChar(text[j + 2]) ? text[j + 1] : undefined;
      if (d !== undefined && isCnDigit(d) && num.value < 10 && Number.isInteger(num.value))
        return { kind: 'percent', unit: '%', factor: 10, len: 2, special: 'cheng+' + String(CN_DIGIT[d]) };
      if (n === '半') return { kind: 'percent', unit: '%', factor: 10, len: 2, special: 'cheng+half' };
      return { kind: 'percent', unit: '%', factor: 10, len: 1, special: '' };
    }
  }
  if (c === '折' && num.value === 0.5 && text[num.start] === '半') return { kind: 'percent', unit: '%', factor: 100, len: 1, special: 'discount' };
  if (c === '折' && num.value > 0 && num.value < 100 && num.value !== 10 && !num.valueMax && !num.bigTail) {
    const n = text[j + 1];
    if (n === undefined || !unitBlockers().折.includes(n)) return { kind: 'percent', unit: '%', factor: num.value < 10 ? 10 : 1, len: 1, special: 'discount' };
  }
  return null;
};

function readPercentAt(text: string, r: Reading, opt: ScanOptions): FigureHit | null {
  if (r.form === 'fraction') return r.frac?.kind === 'percent' ? fractionFigure(text, r) : null;
  if (r.form !== 'numeral') return null;
  const w = withUnit(text, r, percentAt, opt);
  return w ? completeFigure(text, w) : null;
}

/** Percent and percentage-point figures of a document's readings. */
export const readPercent = (rs: Readings): FigureHit[] => readAll(rs, readPercentAt);
