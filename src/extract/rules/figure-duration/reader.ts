/**
 * The duration reader: what follows a numeral is a duration of
 * pipelines/lexicon/figure-durations.txt (18个月, 10年, 半年, 8个多月, 5日内).
 * A year-like numeral before 年 (2024年) is a date's; 年代, 周边, 天然, 秒杀
 * start words (figure-unit-blockers.txt). A duration followed by a smaller one
 * is one figure valued in the smaller unit (1年零3个月 = 15 month).
 */
import type { FigureHit } from '../../rule.js';
import type { UnitDef } from '../../figures/units.js';
import { durations, unitBlockers } from '../../figures/units.js';
import { readNumeral, round, LONE_FORMAL } from '../../figures/numerals.js';
import { articleOrName, completeFigure, listTable, readAll, suffixQual, withUnit, type Reading, type Readings, type ScanOptions, type UnitReader } from '../../figures/reading.js';

const table = listTable(() => Object.entries(durations()));
const YEAR_CN_RE = /^[零〇○一二三四五六七八九]{3,4}$/;

export const durationAt: UnitReader = (text, j, num) => {
  const dur: [string, UnitDef] | null = table().at(text, j);
  if (!dur) return null;
  const w = dur[0];
  const after = text[j + w.length];
  const blockers = unitBlockers();
  if (w === '年' || w === '多年') {
    const yearLike = (num.plainArabic && num.intDigits >= 3) || (num.chinese && YEAR_CN_RE.test(text.slice(num.start, num.end)));
    if (yearLike) return null;
    if (after !== undefined && blockers.年.includes(after)) return null;
  }
  if (w === '周' && after !== undefined && blockers.周.includes(after)) return null;
  if (w === '天' && after !== undefined && blockers.天.includes(after)) return null;
  if (w === '秒' && after !== undefined && blockers.秒.includes(after)) return null;
  return { kind: 'duration', unit: dur[1].unit, factor: dur[1].factor, len: w.length, special: w.includes('多') ? 'more' : w.endsWith('内') ? 'within' : '' };
};

/** A duration word (个月, 个多小时, 年) begins at j, whether or not it reads as one there: a classifier there (个) is this reader's. */
export const durationWordAt = (text: string, j: number): boolean => table().at(text, j) !== null;

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
  const r = readNumeral(text, j, LONE_FORMAL);
  if (!r || r.vague || r.value <= 0 || !Number.isFinite(r.value)) return false;
  let u: { unit: string; factor: number; len: number } | null = null;
  const d = table().at(text, r.end);
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

function readDurationAt(text: string, r: Reading, opt: ScanOptions): FigureHit | null {
  if (r.form !== 'numeral') return null;
  const w = withUnit(text, r, durationAt, opt);
  if (!w || articleOrName(text, w)) return null;
  const f = completeFigure(text, w);
  // 1小时59分40秒: each smaller part joins in turn
  for (let k = 0; k < 4 && compoundDuration(text, f); k++);
  return f;
}

/** Duration figures of a document's readings. */
export const readDuration = (rs: Readings): FigureHit[] => readAll(rs, readDurationAt);
