/**
 * Dates and periods: 2024年10月, 8月25日, 2月3日7时37分, 2025—2027年, 1月至7月,
 * 今年前7个月, 上半年, 2026年底, 一季度. Values are ISO 8601 strings of the
 * precision written (2024, 2024-10, 2024-10-08, 2025-02-03T07:37); periods carry
 * `date` (start) and `dateEnd` (end). Relative parts (今年, a month without a year)
 * resolve against the document date when it is known and stay null otherwise,
 * with what was read kept in `attrs`.
 */
import type { FigureHit } from '../rule.js';
import { figureHit } from './hit.js';
import { CN_DIGIT, isCnDigit, isCnNumChar, isDigitChar, readNumeral, LONE_FORMAL } from './numerals.js';

const REL_YEARS: ReadonlyArray<[string, number]> = [
  ['今年', 0], ['本年', 0], ['去年', -1], ['上年', -1], ['明年', 1], ['前年', -2], ['后年', 2],
];

interface DatePoint {
  /** absolute year, or null when relative/unknown */
  y: number | null;
  /** year offset from the document's year when relative (今年 = 0) */
  rel: number | null;
  m: number | null;
  d: number | null;
  hh: number | null;
  mm: number | null;
  /** for periods named inside one expression (上半年, 前7个月, 8月上旬) */
  endM?: number | null;
  endD?: number | null;
  startM?: number | null;
  startD?: number | null;
  named?: string;
}

/** Every point in one object shape (the scanner is hot: one shape keeps its code from deoptimizing). */
function point(y: number | null, rel: number | null, m: number | null, d: number | null): DatePoint {
  return { y, rel, m, d, hh: null, mm: null, endM: null, endD: null, startM: null, startD: null, named: undefined };
}

const pad = (n: number): string => String(n).padStart(2, '0');

type Small = { v: number; end: number } | null;

function smallNum(text: string, i: number): Small {
  const c = text[i];
  if (c === undefined) return null;
  if (!isDigitChar(c) && !isCnDigit(c) && c !== '十') return null;
  const r = readNumeral(text, i, LONE_FORMAL);
  if (!r || r.vague || !Number.isInteger(r.value) || r.value < 0) return null;
  if (!r.chinese && !r.plainArabic) return null;
  return { v: r.value, end: r.end };
}

/**
 * The century of a two-digit year (15年3月, 九八年): this century unless that
 * puts it more than five years after the document's year (or after 2050 when
 * the date is unknown), as times.ts resolves it.
 */
function fullYear(yy: number, docYear: number | null): number {
  const base = docYear !== null ? docYear % 100 : 50;
  return yy <= base + 5 ? 2000 + yy : 1900 + yy;
}

/** A month right after a two-digit year's 年 (15年3月): the only place a two-digit year is one. */
function monthFollows(text: string, j: number): boolean {
  const m = smallNum(text, j);
  return m !== null && text[m.end] === '月' && m.v >= 1 && m.v <= 12;
}

function yearAt(text: string, i: number, docYear: number | null = null): { y: number | null; rel: number | null; end: number } | null {
  // every relative year is two characters ending in 年: look them up only there (this runs at every date start)
  if (text.charCodeAt(i + 1) === 0x5e74) for (const [w, off] of REL_YEARS) if (text.startsWith(w, i)) return { y: null, rel: off, end: i + 2 };
  // 2024年 / 二〇二四年
  let j = i;
  let s = '';
  while (j < i + 4 && isDigitChar(text[j])) {
    s += String((text.charCodeAt(j) >= 0xff10 ? text.charCodeAt(j) - 0xff10 : text.charCodeAt(j) - 48));
    j++;
  }
  if (s.length === 4 && !isDigitChar(text[j]) && text[j] === '年' && !isDigitChar(text[i - 1])) return { y: Number(s), rel: null, end: text[j + 1] === '度' ? j + 2 : j + 1 };
  if (s.length === 2 && text[j] === '年' && !isDigitChar(text[i - 1]) && text[i - 1] !== '.' && monthFollows(text, j + 1)) return { y: fullYear(Number(s), docYear), rel: null, end: j + 1 };
  if (s.length === 0) {
    let t = '';
    while (j < i + 4 && text[j] !== undefined && '零〇○一二三四五六七八九'.includes(text[j] as string)) {
      t += String(CN_DIGIT[text[j] as string] ?? 0);
      j++;
    }
    if (t.length === 4 && text[j] === '年') return { y: Number(t), rel: null, end: j + 1 };
    if (t.length === 2 && text[j] === '年' && !isCnNumChar(text[i - 1]) && monthFollows(text, j + 1)) return { y: fullYear(Number(t), docYear), rel: null, end: j + 1 };
  }
  return null;
}

/** After a year: 上半年, 前7个月, 一季度, 年底, 10月25日 … */
function afterYear(text: string, j: number, p: DatePoint, hasYearChar: boolean): number {
  // 年底 / 年末 / 年初 (after 今年 the 年 is part of the relative word; after 2023年, 年年底 repeats it)
  const yPart = /^(?:年)?(底|末|初)/.exec(text.slice(j, j + 3));
  if (yPart && (hasYearChar ? true : yPart[0].startsWith('年'))) {
    const w = yPart[1];
    if (w === '底' || w === '末') p.m = 12;
    else p.m = 1;
    p.named = '年' + w;
    return j + yPart[0].length;
  }
  const half = /^(上|下)半年/.exec(text.slice(j, j + 3));
  if (half) {
    p.startM = half[1] === '上' ? 1 : 7;
    p.endM = half[1] === '上' ? 6 : 12;
    p.named = half[0];
    return j + 3;
  }
  const firstN = /^前([0-9]{1,2}|[一二三四五六七八九十两]{1,3})(个月|月|季度)/.exec(text.slice(j, j + 7));
  if (firstN) {
    const n = smallNum(firstN[1] as string, 0);
    if (n && n.end === (firstN[1] as string).length) {
      const months = firstN[2] === '季度' ? n.v * 3 : n.v;
      if (months >= 1 && months <= 12) {
        p.startM = 1;
        p.endM = months;
        p.named = firstN[0];
        return j + firstN[0].length;
      }
    }
  }
  const q = /^(?:第)?([一二三四1-4])季度/.exec(text.slice(j, j + 4));
  if (q) {
    const n = '一二三四'.indexOf(q[1] as string) + 1 || Number(q[1]);
    p.startM = n * 3 - 2;
    p.endM = n * 3;
    p.named = q[0];
    return j + q[0].length;
  }
  return monthDay(text, j, p);
}

/** 10月 / 10月25日 / 10月25日7时37分 / 8月底 / 8月上旬 (`first`: the number at j when the caller has read it) */
function monthDay(text: string, j: number, p: DatePoint, first?: Small): number {
  const m = first !== undefined ? first : smallNum(text, j);
  if (!m || text[m.end] !== '月' || m.v < 1 || m.v > 12) return j;
  if (text[j - 1] === '个') return j;
  p.m = m.v;
  let k = m.end + 1;
  if (text[k] === '份') k++;
  const part = /^(底|末|初|上旬|中旬|下旬)/.exec(text.slice(k, k + 2));
  if (part) {
    const w = part[1] as string;
    if (w === '上旬') [p.startD, p.endD] = [1, 10];
    else if (w === '中旬') [p.startD, p.endD] = [11, 20];
    else if (w === '下旬') [p.startD, p.endD] = [21, lastDay(p.y, m.v)];
    p.named = w;
    return k + w.length;
  }
  const d = smallNum(text, k);
  if (!d || (text[d.end] !== '日' && text[d.end] !== '号') || d.v < 1 || d.v > 31) return k;
  p.d = d.v;
  k = d.end + 1;
  const h = smallNum(text, k);
  if (h && (text[h.end] === '时' || text[h.end] === '点') && h.v <= 24) {
    p.hh = h.v;
    let k2 = h.end + 1;
    const mi = smallNum(text, k2);
    if (mi && text[mi.end] === '分' && mi.v < 60) {
      p.mm = mi.v;
      k2 = mi.end + 1;
    } else p.mm = 0;
    if (text[k2 - 1] === '点' && text[k2] === '半') {
      p.mm = 30;
      k2++;
    }
    return k2;
  }
  return k;
}

function lastDay(y: number | null, m: number): number {
  if (m === 2) return y !== null && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * A numeric date: 2010/01/29, 2024-3-15, 2024.03.15 (four-digit year, the
 * same separator twice, a real month and day, no digit or separator around it
 * that would make it part of a longer number or version string).
 */
const NUMERIC_DATE = /^((?:19|20)[0-9]{2})([/.-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12][0-9]|3[01])(?![0-9]|[/.-][0-9])/;

/** Read one date expression at i (no range). */
function pointAt(text: string, i: number, docYear: number | null = null): { p: DatePoint; end: number } | null {
  const p: DatePoint = point(null, null, null, null);
  const c0 = text.charCodeAt(i);
  if (c0 === 0x31 || c0 === 0x32) {
    const nd = NUMERIC_DATE.exec(text.slice(i, i + 11));
    if (nd && !/[0-9./-]/.test(text[i - 1] ?? '')) {
      const m = Number(nd[3]);
      const d = Number(nd[4]);
      const yv = Number(nd[1]);
      if (d <= lastDay(yv, m)) return { p: point(yv, null, m, d), end: i + nd[0].length };
    }
  }
  const y = yearAt(text, i, docYear);
  if (y) {
    p.y = y.y;
    p.rel = y.rel;
    // after 2024年 and after 今年/去年 (which end in 年) a bare 底/初/末 completes 年底
    const end = afterYear(text, y.end, p, true);
    if (y.rel !== null && end === y.end) return null; // 今年 alone is a time word, not a figure
    return { p, end };
  }
  // 年底 / 上半年 / 一季度 / 前三季度 without a year
  if (text.startsWith('上半年', i) || text.startsWith('下半年', i) || /^(?:第|前)?[一二三四1-4]季度/.test(text.slice(i, i + 4))) {
    const end = afterYear(text, i, p, false);
    if (end > i) return { p, end };
  }
  if (/^年(底|末|初)/.test(text.slice(i, i + 2)) && text[i - 1] !== '今' && text[i - 1] !== '去' && text[i - 1] !== '明' && !isDigitChar(text[i - 1]) && !(text[i - 1] && '零〇○一二三四五六七八九十'.includes(text[i - 1] as string))) {
    const end = afterYear(text, i, p, false);
    if (end > i) return { p, end };
  }
  // the number at i, read once for the three readings below
  const h = smallNum(text, i);
  const end = monthDay(text, i, p, h);
  if (end > i && p.m !== null) return { p, end };
  // 11时06分: a time of day alone
  if (h && text[h.end] === '时' && h.v <= 24) {
    const mi = smallNum(text, h.end + 1);
    if (mi && text[mi.end] === '分' && mi.v < 60) {
      p.hh = h.v;
      p.mm = mi.v;
      return { p, end: mi.end + 1 };
    }
  }
  // 25日 alone (a day of the current month)
  const d = h;
  if (d && text[d.end] === '日' && d.v >= 1 && d.v <= 31 && isDigitChar(text[i]) && !'元内以前后'.includes(text[d.end + 1] ?? '元')) {
    p.d = d.v;
    return { p, end: d.end + 1 };
  }
  return null;
}

function resolveYear(p: DatePoint, docYear: number | null): number | null {
  if (p.y !== null) return p.y;
  if (docYear === null) return null;
  return docYear + (p.rel ?? 0);
}

function iso(y: number | null, m: number | null, d: number | null, hh: number | null = null, mm: number | null = null): string | null {
  if (y === null) return null;
  let s = String(y);
  if (m === null) return s;
  s += '-' + pad(m);
  if (d === null) return s;
  s += '-' + pad(d);
  if (hh === null) return s;
  return s + 'T' + pad(hh) + ':' + pad(mm ?? 0);
}

function attrsOf(p: DatePoint): Record<string, unknown> {
  const a: Record<string, unknown> = {};
  if (p.y !== null) a.year = p.y;
  if (p.rel !== null) a.relYear = p.rel;
  if (p.m !== null) a.month = p.m;
  if (p.d !== null) a.day = p.d;
  if (p.hh !== null) a.hour = p.hh;
  if (p.mm !== null) a.minute = p.mm;
  if (p.named) a.named = p.named;
  return a;
}

function needsDoc(p: DatePoint): boolean {
  return p.y === null;
}

function startEnd(p: DatePoint, docYear: number | null): { kind: 'date' | 'period'; date: string | null; dateEnd: string | null } {
  let y = resolveYear(p, docYear);
  // 2月29日 without a year: the last leap year
  if (y !== null && p.y === null && p.rel === null && p.m === 2 && p.d === 29) while (lastDay(y, 2) < 29) y--;
  // a day without a month (25日) needs the document's month too: left unresolved
  if (p.m === null && p.d !== null && p.startM == null) return { kind: 'date', date: null, dateEnd: null };
  if (p.startM != null && p.endM != null)
    return { kind: 'period', date: iso(y, p.startM, null), dateEnd: iso(y, p.endM, null) };
  if (p.startD != null && p.endD != null && p.m !== null)
    return { kind: 'period', date: iso(y, p.m, p.startD), dateEnd: iso(y, p.m, p.endD) };
  return { kind: 'date', date: iso(y, p.m, p.d, p.hh, p.mm), dateEnd: null };
}

/** Range separators between two dates: 至, 到, dashes and tildes (full-width －, a doubled —— too). */
const SEPS = '至到—-~～–－';

/** Characters at which a date may start, by code unit. */
const DATE_START = new Uint8Array(65536);
for (let k = 48; k <= 57; k++) DATE_START[k] = 1;
for (let k = 0xff10; k <= 0xff19; k++) DATE_START[k] = 1;
for (const ch of [...Object.keys(CN_DIGIT), '十', '今', '去', '明', '前', '后', '本', '上', '下', '年', '第']) DATE_START[ch.charCodeAt(0)] = 1;

/** Scan all dates and periods in text. `docDate` is YYYY-MM-DD or null. */
export function scanDates(text: string, docDate: string | null): FigureHit[] {
  const docYear = docDate && /^\d{4}/.test(docDate) ? Number(docDate.slice(0, 4)) : null;
  const docMonth = docDate && /^\d{4}-\d{2}/.test(docDate) ? Number(docDate.slice(5, 7)) : null;
  const out: FigureHit[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (DATE_START[text.charCodeAt(i)] !== 1) i++;
    else i = dateAt(text, i, out, docYear, docMonth, docDate);
  }
  return out;
}


/*
 * The date (or none) at i, pushed to out; returns where to read on. Apart from
 * the scanning loop: a long loop is compiled on stack first, and a loop body
 * this size recompiled with it on every deoptimization costs more than the scan.
 */
function dateAt(text: string, i: number, out: FigureHit[], docYear: number | null, docMonth: number | null, docDate: string | null): number {
  const c = text[i] as string;
  if (isDigitChar(c) && (isDigitChar(text[i - 1]) || /[A-Za-z.]/.test(text[i - 1] ?? ''))) {
    return i + 1;
  }
  // 3月5日、6日和8日: a day in a list after a full date takes that date's year and month
  const last = out[out.length - 1];
  if (last && last.end === i - 1 && '、和及与'.includes(text[i - 1] as string) && last.kind === 'date' && last.attrs && 'day' in last.attrs && 'month' in last.attrs && !('hour' in last.attrs)) {
    const d = inheritAt(text, i);
    const la = last.attrs as { year?: number; relYear?: number; month: number };
    if (d && d.p.d !== null && d.p.d <= lastDay(la.year ?? null, la.month)) {
      const p: DatePoint = point(la.year ?? null, la.relYear ?? null, la.month, d.p.d);
      const r = startEnd(p, docYear);
      const f = dateHit('date', i, d.end, 'exact', r.date, undefined, attrsOf(p));
      // the list's year: the one its first date resolved to (a month named without a year may have gone back one)
      if (last.date && f.date && p.y === null && p.rel === null) f.date = last.date.slice(0, 4) + f.date.slice(4);
      out.push(f);
      return d.end;
    }
  }
  // 2025—2027年 / 1—7月: a bare number, a separator, then a full date
  const bare = /^([0-9]{4}|[0-9]{1,2})(——|[—\-~～–－至到])/.exec(text.slice(i, i + 7));
  if (bare && !isDigitChar(text[i - 1])) {
    const second = pointAt(text, i + bare[0].length, docYear);
    if (second) {
      const v = Number(bare[1]);
      const p2 = second.p;
      let p1: DatePoint | null = null;
      if ((bare[1] as string).length === 4 && p2.y !== null && p2.m === null && v < p2.y && !p2.named) p1 = point(v, null, null, null);
      else if ((bare[1] as string).length <= 2 && p2.m !== null && p2.d === null && v >= 1 && v < p2.m && !p2.named && (text[i + bare[0].length - 1] !== '-' || !/[-/.:：]/.test(text[i - 1] ?? '')))
        p1 = point(p2.y, p2.rel, v, null);
      else if ((bare[1] as string).length <= 2 && p2.d !== null && p2.m === null && v >= 1 && v < p2.d)
        p1 = point(null, null, null, v);
      if (p1) {
        // 今年1—8月 / 2024年1—8月: the year before the range belongs to it
        let st = i;
        if (p1.m !== null && p2.y === null && p2.rel === null) {
          const rel = REL_YEARS.find(([w]) => text.startsWith(w, i - 2));
          const abs = /([0-9]{4})年$/.exec(text.slice(Math.max(0, i - 5), i));
          if (rel) {
            p1.rel = p2.rel = rel[1];
            st = i - 2;
          } else if (abs && !isDigitChar(text[i - 6])) {
            p1.y = p2.y = Number(abs[1]);
            st = i - 5;
          }
          if (st < i && out.length > 0 && (out[out.length - 1] as FigureHit).end > st) out.pop();
        }
        const f = period(st, second.end, p1, p2, docYear);
        if (p1.y === null && p1.rel === null) notAhead(f, docDate);
        out.push(f);
        return second.end;
      }
    }
    // （2025—2027）: two years without 年
    const yy = /^([12][0-9]{3})[—\-–~～]([12][0-9]{3})(?![0-9])/.exec(text.slice(i, i + 10));
    if (yy && !isDigitChar(text[i - 1])) {
      const a = Number(yy[1]);
      const b = Number(yy[2]);
      if (a >= 1900 && b <= 2100 && b > a && b - a <= 50 && text[i + yy[0].length] !== '年') {
        const p1: DatePoint = point(a, null, null, null);
        const p2: DatePoint = point(b, null, null, null);
        out.push(period(i, i + yy[0].length, p1, p2, docYear));
        return i + yy[0].length;
      }
    }
  }
  const pt = pointAt(text, i, docYear);
  if (!pt) {
    return i + 1;
  }
  let end = pt.end;
  // range: X至Y / X—Y
  const sep = text[end];
  if (sep !== undefined && SEPS.includes(sep)) {
    const after = sep === '—' && text[end + 1] === '—' ? end + 2 : end + 1;
    const second = pointAt(text, after, docYear) ?? inheritAt(text, after);
    if (second) {
      const p2 = second.p;
      // the second point inherits the year (and month) of the first
      if (p2.y === null && p2.rel === null) {
        p2.y = pt.p.y;
        p2.rel = pt.p.rel;
      }
      if (p2.m === null && p2.d !== null) p2.m = pt.p.m;
      const f = period(i, second.end, pt.p, p2, docYear);
      if (pt.p.y === null && pt.p.rel === null) notAhead(f, docDate);
      out.push(f);
      return second.end;
    }
  }
  const r = startEnd(pt.p, docYear);
  const f = dateHit(r.kind, i, end, 'exact', r.date, r.kind === 'period' ? r.dateEnd : undefined, attrsOf(pt.p));
  if (pt.p.m === null && pt.p.d !== null && docYear !== null && docMonth !== null) {
    // 25日 alone: this month's, or last month's when that day is still to come
    let y = docYear;
    let mo = docMonth;
    // a month without that day (29日 in February) or a day still to come: the month before
    while (pt.p.d > lastDay(y, mo) || (docDate !== null && iso(y, mo, pt.p.d)! > docDate.slice(0, 10))) {
      mo--;
      if (mo === 0) [y, mo] = [y - 1, 12];
    }
    f.date = iso(y, mo, pt.p.d);
  } else if (pt.p.y === null && pt.p.rel === null) notAhead(f, docDate);
  out.push(f);
  return end;
}

/**
 * A month, quarter or half-year written without a year takes the document's
 * year unless that puts its start after the document date: 12月份 in an
 * article of 2025-01-08 is 2024-12 (FIGURES.md).
 */
function notAhead(f: FigureHit, docDate: string | null): void {
  if (!docDate || !f.date || f.date.length < 7) return;
  const a = f.attrs as { named?: string; from?: { named?: string } } | undefined;
  const named = a?.named ?? a?.from?.named ?? '';
  // 下半年 alone in an article of January is last year's (it would start half a year ahead); later in the year it is a plan
  if (/半年|年底|年末|年初/.test(named) && !(named === '下半年' && docDate.slice(5, 7) === '01')) return;
  // 1—12月 in an article of January: a cumulative span from 1月 that would end after the document's month is last year's
  // (一季度 too in an article of January: a breakdown of the year just over; later it may be the quarter under way)
  const endAhead = f.kind === 'period' && (f.qualifier === 'range' || /^前/.test(named) || (/^第?[一1]季度$/.test(named) && docDate.slice(5, 7) === '01')) && !!f.dateEnd && /^\d{4}-01/.test(f.date) && f.dateEnd.slice(0, 7) > docDate.slice(0, 7);
  if (f.date.slice(0, 7) <= docDate.slice(0, 7) && !endAhead) return;
  // back one year, and on to a leap year for 2月29日
  let by = 1;
  while (/-02-29/.test(f.date) && lastDay(Number(f.date.slice(0, 4)) - by, 2) < 29) by++;
  const back = (v: string): string => String(Number(v.slice(0, 4)) - by) + v.slice(4);
  f.date = back(f.date);
  if (f.dateEnd) f.dateEnd = back(f.dateEnd);
}

/** The second half of a range that omits what the first half gave: 8月25日至27日 (27日 read as a day). */
function inheritAt(text: string, i: number): { p: DatePoint; end: number } | null {
  const d = smallNum(text, i);
  if (d && (text[d.end] === '日' || text[d.end] === '号')) {
    return { p: point(null, null, null, d.v), end: d.end + 1 };
  }
  return null;
}

function period(start: number, end: number, p1: DatePoint, p2: DatePoint, docYear: number | null): FigureHit {
  if (p1.y === null && p1.rel === null && (p2.y !== null || p2.rel !== null)) {
    p1.y = p2.y;
    p1.rel = p2.rel;
  }
  if (p1.m === null && p1.d !== null) p1.m = p2.m;
  const a = startEnd(p1, docYear);
  const b = startEnd(p2, docYear);
  const unresolved = needsDoc(p1) && docYear === null;
  return dateHit('period', start, end, 'range', unresolved ? null : a.date, unresolved ? null : b.kind === 'period' ? b.dateEnd : b.date, { from: attrsOf(p1), to: attrsOf(p2) });
}

/**
 * A date figure, through the one figure constructor (./hit.ts: one object
 * shape for all figures).
 */
function dateHit(kind: 'date' | 'period', start: number, end: number, qualifier: 'exact' | 'range', date: string | null, dateEnd: string | null | undefined, attrs: Record<string, unknown>): FigureHit {
  return figureHit(kind, start, end, null, undefined, null, qualifier, date, dateEnd, attrs);
}
