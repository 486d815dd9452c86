/**
 * Calendar days as ISO strings (YYYY-MM-DD): arithmetic in UTC, the day span
 * of an ISO value of any precision (2025 → 2025-01-01…2025-12-31), and the
 * lunar calendar and official holidays through the two libraries the project
 * chose (lunar-typescript, chinese-days); no hand-written tables.
 */
import { Lunar, Solar } from 'lunar-typescript';
import chineseDays from 'chinese-days';

export interface DaySpan {
  start: string;
  end: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function ymd(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function parseDay(s: string): { y: number; m: number; d: number } {
  return { y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) };
}

export function addDays(day: string, n: number): string {
  const { y, m, d } = parseDay(day);
  return ymd(y, m, d + n);
}

/** Add months, clamping the day to the target month's length (3-31 + 1 month → 4-30). */
export function addMonths(day: string, n: number): string {
  const { y, m, d } = parseDay(day);
  const last = monthLength(y, m + n);
  return ymd(y, m + n, Math.min(d, last));
}

export function monthLength(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 0 = Monday … 6 = Sunday */
export function weekday(day: string): number {
  const { y, m, d } = parseDay(day);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The day span an ISO value covers: 2025, 2025-09, 2025-09-30, 2025-09-30T08:00. */
export function spanOfIso(iso: string): DaySpan | null {
  const mY = /^(\d{4})$/.exec(iso);
  if (mY) return { start: `${mY[1]}-01-01`, end: `${mY[1]}-12-31` };
  const mM = /^(\d{4})-(\d{2})$/.exec(iso);
  if (mM) {
    const y = Number(mM[1]);
    const m = Number(mM[2]);
    return { start: ymd(y, m, 1), end: ymd(y, m, monthLength(y, m)) };
  }
  const mD = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  if (mD) return { start: mD[1] as string, end: mD[1] as string };
  return null;
}

export function yearSpan(y: number): DaySpan {
  return { start: ymd(y, 1, 1), end: ymd(y, 12, 31) };
}

export function monthSpan(y: number, m: number): DaySpan {
  return { start: ymd(y, m, 1), end: ymd(y, m, monthLength(y, m)) };
}

/**
 * Conversions made so far: a fact of the calendar, the same for every document
 * (lunar-typescript recomputes a lunar year's solar terms on each call; news
 * names the same few festivals over and over). Bounded, cleared when full.
 */
const LUNAR_SOLAR = new Map<number, string | null>();

/** Solar day of a lunar date (month 1..12, day 1..30); null when the lunar month is shorter. */
export function lunarToSolar(lunarYear: number, month: number, day: number): string | null {
  const key = (lunarYear * 100 + month) * 100 + day;
  const known = LUNAR_SOLAR.get(key);
  if (known !== undefined) return known;
  let out: string | null;
  try {
    const s = Lunar.fromYmd(lunarYear, month, day).getSolar();
    out = ymd(s.getYear(), s.getMonth(), s.getDay());
  } catch {
    out = null;
  }
  if (LUNAR_SOLAR.size >= 4096) LUNAR_SOLAR.clear();
  LUNAR_SOLAR.set(key, out);
  return out;
}

/** The solar day of a lunar month/day nearest to the reference day (the lunar year is not written). */
export function nearestLunar(month: number, day: number, ref: string): string | null {
  const y = Number(ref.slice(0, 4));
  let best: string | null = null;
  let bestGap = Infinity;
  for (const ly of [y - 1, y, y + 1]) {
    const s = lunarToSolar(ly, month, day);
    if (!s) continue;
    const gap = Math.abs(Date.parse(s) - Date.parse(ref));
    if (gap < bestGap) {
      bestGap = gap;
      best = s;
    }
  }
  return best;
}

/** 除夕: the last day of the lunar year before the given lunar year's 正月初一. */
export function chuxi(lunarYear: number): string | null {
  const s = lunarToSolar(lunarYear, 1, 1);
  return s ? addDays(s, -1) : null;
}

/** 清明: the solar term's day in the given year. */
export function qingming(y: number): string {
  const s = Solar.fromYmd(y, 4, 15).getLunar().getJieQiTable()['清明'];
  return s ? ymd(s.getYear(), s.getMonth(), s.getDay()) : ymd(y, 4, 5);
}

/**
 * The official holiday span (放假) containing or next to a festival day, from
 * chinese-days; the name is the Chinese name chinese-days uses (春节, 国庆节 …).
 * Null when the library has no data for that year.
 */
export function officialHoliday(festivalDay: string, name: string): DaySpan | null {
  const detail = (day: string): { work: boolean; name: string } | null => {
    try {
      return chineseDays.getDayDetail(day) as { work: boolean; name: string };
    } catch {
      return null;
    }
  };
  const has = (day: string): boolean => {
    const d = detail(day);
    return !!d && !d.work && d.name.includes(name);
  };
  // the block goes on over days off of another holiday (国庆 and 中秋 together in 2025) and over the
  // weekend it joins (端午节：6月10日放假，与周末连休 → 6-08 … 6-10 in 2024)
  const off = (day: string): boolean => {
    const d = detail(day);
    return !!d && !d.work;
  };
  // the official span starts within a few days of the festival day
  let seed: string | null = null;
  for (let k = 0; k <= 4 && !seed; k++) {
    for (const c of [addDays(festivalDay, k), addDays(festivalDay, -k)]) if (has(c)) seed = c;
  }
  if (!seed) return null;
  let start = seed;
  let end = seed;
  while (off(addDays(start, -1))) start = addDays(start, -1);
  while (off(addDays(end, 1))) end = addDays(end, 1);
  return { start, end };
}
