/**
 * The unit vocabulary, as data: tables in pipelines/lexicon (figure-money-*,
 * figure-measures, figure-durations, figure-classifiers, figure-classifier-blockers)
 * read on first use. Each entry maps a surface form that follows a numeral to a
 * figure kind, a base unit and a factor into that base unit.
 * See ./README.md for the vocabulary and its conventions.
 */
import type { FigureKind } from '../../core/types.js';
import { wordList } from '../../core/lists.js';
import { col, fromLists, numCol, oneOf, tableRows } from './tables.js';

export interface UnitDef {
  kind: FigureKind;
  /** base unit code: ISO 4217 for money, SI-ish symbols, or the classifier itself */
  unit: string;
  /** multiply the numeral by this to get the value in `unit` */
  factor: number;
  /** spec-facing name (peer vocabulary), for the conformance adapter only */
  name?: string;
}

const MEASURE_KINDS: readonly FigureKind[] = ['number', 'area', 'length', 'mass', 'energy', 'power', 'compute', 'data'];
const DURATION_UNITS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

/** A unit table file: `surface [kind] unit factor [name …]`. */
function unitTable(name: string, kind: FigureKind | null): Readonly<Record<string, UnitDef>> {
  const out: Record<string, UnitDef> = {};
  for (const r of tableRows(name)) {
    const k = kind ? 1 : 2;
    const def: UnitDef = {
      kind: kind ?? oneOf(r, 1, 'kind', MEASURE_KINDS),
      unit: kind === 'duration' ? oneOf(r, k, 'unit', DURATION_UNITS) : col(r, k, 'unit'),
      factor: numCol(r, k + 1, 'factor'),
    };
    if (r.cols.length > k + 2) def.name = r.cols.slice(k + 2).join(' ');
    out[col(r, 0, 'surface')] = def;
  }
  return out;
}

/** Currency words after a numeral (pipelines/lexicon/figure-money-suffix.txt). 元 and 人民币 are CNY. */
export const moneySuffix = fromLists(() => unitTable('figure-money-suffix', 'money'));

/** Currency symbols before a numeral (figure-money-prefix.txt). */
export const moneyPrefix = fromLists(() => unitTable('figure-money-prefix', 'money'));

/** Measures: area, length, mass, power, energy, compute, data (figure-measures.txt). Longest surface wins. */
export const measures = fromLists(() => unitTable('figure-measures', null));

/** Durations: numeral + one of these (figure-durations.txt). 年 needs a non-year numeral (see rules/figure-duration/reader.ts). */
export const durations = fromLists(() => unitTable('figure-durations', 'duration'));

/** Count classifiers: the unit of a count is the classifier itself (figure-classifiers.txt). Longest wins (人次 before 人). */
export const classifiers = (): readonly string[] => wordList('figure-classifiers');

/** Characters that, right after a classifier, show the numeral is part of a word or name (figure-classifier-blockers.txt). */
export const classifierBlockers = fromLists((): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const r of tableRows('figure-classifier-blockers')) out[col(r, 0, 'classifier')] = col(r, 1, 'characters');
  return out;
});

const BLOCKED_UNITS = ['成', '折', '年', '周', '天', '秒'] as const;
/**
 * Characters that, right after 成 (percent), 折 (discount), 年 (duration; also 多年), 周, 天 or 秒,
 * show the unit is the start of a word: 成立, 折扣, 年代, 周边, 天然, 秒杀 (figure-unit-blockers.txt).
 */
export const unitBlockers = fromLists((): Readonly<Record<(typeof BLOCKED_UNITS)[number], string>> => {
  const out: Record<string, string> = Object.fromEntries(BLOCKED_UNITS.map((u) => [u, '']));
  for (const r of tableRows('figure-unit-blockers')) out[oneOf(r, 0, 'unit', BLOCKED_UNITS)] = col(r, 1, 'characters');
  return out as Record<(typeof BLOCKED_UNITS)[number], string>;
});
