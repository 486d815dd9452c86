/**
 * The time expressions that are no date or period of dates.ts, as figures of
 * their own, so that a record carries every resolved time (issue #14: "every
 * time expression resolved to a day span"): relative words (昨天, 上个月,
 * 本季度, 明年), offsets (三年前, 3天前, 上周三), open ends (2018年以来,
 * 2030年前), decades (上世纪90年代), holidays and lunar dates (春节, 国庆假期,
 * 正月十五). They come from times.ts, the reader attribution takes `time` and
 * `period` from, so a figure and the times it governs agree.
 *
 * Not figures: bases (比去年同期), anaphors (全年, 同期, 届时, 当天, 当年), recurring times
 * (每年), times of day (下午3点) and what resolves to no span (近年来). A time
 * expression that holds date figures with the same span stays those figures
 * (到2030年 is the date 2030年, 截至6月末 the date 6月末); one that holds them
 * with another span replaces them (2018年以来 is 2018-01-01 … the document date,
 * not 2018).
 */
import type { FigureHit } from '../../rule.js';
import { figureHit } from '../../figures/hit.js';
import { col, fromLists, tableRows } from '../../figures/tables.js';
import { scanTimes, spanOfFigure, type TimeExpr } from '../../figures/times.js';
import { addDays, monthLength, monthSpan, parseDay, weekday, yearSpan, type DaySpan } from '../../figures/days.js';

/** An inclusive day span written at its precision: a whole year 2024, a whole month 2024-05, else days. */
function isoOf(s: DaySpan): { date: string; dateEnd: string | undefined } {
  const a = parseDay(s.start);
  const b = parseDay(s.end);
  if (a.m === 1 && a.d === 1 && b.m === 12 && b.d === 31) return a.y === b.y ? { date: String(a.y), dateEnd: undefined } : { date: String(a.y), dateEnd: String(b.y) };
  if (a.d === 1 && b.d === monthLength(b.y, b.m)) {
    const ma = s.start.slice(0, 7);
    const mb = s.end.slice(0, 7);
    return { date: ma, dateEnd: ma === mb ? undefined : mb };
  }
  return { date: s.start, dateEnd: s.start === s.end ? undefined : s.end };
}

/** 三年前, 两个月后, 2周前: an offset in years, months or weeks (not days). */
const OFFSET_RE = /^[0-9〇零一二三四五六七八九十两]{1,3}(个月|年|周|个星期|星期)(?:之|以)?[前后]$/;

/**
 * An offset is written at its unit's precision (issue #14 peer convention): 三年前 is that calendar
 * year, 两个月前 that month, 2周前 that week (Monday to Sunday); times.ts keeps the day it lands on.
 */
function offsetSpan(t: TimeExpr, s: DaySpan): DaySpan {
  const m = OFFSET_RE.exec(t.text);
  if (!m || s.start !== s.end) return s;
  const { y, m: mo } = parseDay(s.start);
  if (m[1] === '年') return yearSpan(y);
  if (m[1] === '个月') return monthSpan(y, mo);
  const monday = addDays(s.start, -weekday(s.start));
  return { start: monday, end: addDays(monday, 6) };
}

function figureOf(t: TimeExpr, start: number): FigureHit | null {
  if (t.mod === 'before') {
    // an open start: up to the end of what it is anchored to (2030年前 → … 2030-12-31)
    const end = t.anchor?.end ?? t.span?.end;
    if (!end) return null;
    return figureHit('period', start, t.end, null, undefined, null, 'exact', null, end, { timeExpr: true, mod: t.mod });
  }
  // a part of a century (21世纪初, 上世纪末) is a time with no day span
  if (!t.span) return /世纪/.test(t.text) ? figureHit('period', start, t.end, null, undefined, null, 'exact', null, null, { timeExpr: true }) : null;
  // an open end up to the document date is written in days (2019-01-01 … 2025-06-30)
  const { date, dateEnd } = t.mod ? { date: t.span.start, dateEnd: t.span.end === t.span.start ? undefined : t.span.end } : isoOf(offsetSpan(t, t.span));
  const attrs: Record<string, unknown> = { timeExpr: true };
  if (t.mod) attrs.mod = t.mod;
  return figureHit(dateEnd === undefined ? 'date' : 'period', start, t.end, null, undefined, null, 'exact', date, dateEnd, attrs);
}

/** The length of a preposition before an open end's date (自2019年以来: 自), which the figure leaves out. */
function lead(t: TimeExpr, first: FigureHit): number {
  const k = first.start - t.start;
  return k > 0 && /^(?:自从|自|从)$/.test(t.text.slice(0, k)) ? k : 0;
}

/** The festival names times.ts reads (pipelines/lexicon/figure-festivals.txt, first column). */
const festivalNames = fromLists((): readonly string[] => tableRows('figure-festivals').map((r) => col(r, 0, 'name')));
/** What follows a year in 2023年春节, 2024年国庆假期: a festival, not a month or a half-year. */
const festivalAfter = (rest: string): boolean => festivalNames().some((w) => rest.startsWith(w));

/**
 * Whether a time expression replaces the date figures inside it: an open end (since, after, before)
 * the one date it starts with (2018年以来, 2030年前), times.ts reads that date again as its anchor;
 * an expression without an open end whose dates come after its start and read another span
 * (农历八月十五 over 八月). A deadline (截至6月底, 到年底) or the same text stays the date figure.
 */
function replaces(text: string, t: TimeExpr, inside: FigureHit[]): boolean {
  const first = inside[0] as FigureHit;
  if (t.mod === 'since' || t.mod === 'after' || t.mod === 'before') return inside.length === 1 && first.start === t.start + lead(t, first) && first.end < t.end;
  if (t.mod !== undefined || !t.span || /^(?:截至|截止|到|至)/.test(t.text)) return false;
  // a year before a festival (2023年春节, 2024年国庆假期): times.ts reads the whole again without the date;
  // not what times.ts adds to a date read first (末/底, a weekday, a range to another time)
  if (first.start === t.start)
    return inside.length === 1 && first.end < t.end && !/[至到—–~～\-]|^[，,]?(?:星期|周|礼拜)|^[末底]/.test(text.slice(first.end, t.end)) && festivalAfter(text.slice(first.end, t.end));
  const a = spanOfFigure(first);
  const b = spanOfFigure(inside[inside.length - 1] as FigureHit);
  return !a || !b || a.start !== t.span.start || b.end !== t.span.end;
}

/**
 * The date figures with the time expressions that are no figure yet added
 * (sorted by start). `dates` are dates.ts's figures of the same text.
 */
export function withTimes(text: string, docDate: string | null, dates: FigureHit[]): FigureHit[] {
  const times = scanTimes(text, docDate, dates);
  let out: FigureHit[] | null = null;
  let dropped: Set<FigureHit> | null = null;
  for (const t of times) {
    // 当天, 当晚, 当年 alone refer back to a time stated before (the document date only by chance)
    if (t.anaphor || t.set || /^当[天日晚时年月]/.test(t.text)) continue;
    // a time of day counts only on a day (今天上午 → today; 下午3点 alone is none)
    if (t.basis || (t.clock && (!t.span || t.span.start !== t.span.end)) || !docDate) continue;
    // the date figures it overlaps: none, or all inside it
    let crossing = false;
    const inside: FigureHit[] = [];
    for (const d of dates) {
      if (d.end <= t.start || d.start >= t.end) continue;
      if (d.start >= t.start && d.end <= t.end) inside.push(d);
      else crossing = true;
    }
    if (crossing) continue;
    if (inside.length && !replaces(text, t, inside)) continue;
    // a preposition before it is no part of the figure (FIGURES.md: 到2027年 → 2027年; 到明年, 截至目前, 从去年)
    const pre = inside.length ? lead(t, inside[0] as FigureHit) : (/^(?:截至|截止到|截止|到|至(?!今)|自从|自|从)(?=.)/.exec(t.text)?.[0].length ?? 0);
    const f = figureOf(t, t.start + pre);
    if (!f) continue;
    out ??= [];
    out.push(f);
    for (const d of inside) (dropped ??= new Set()).add(d);
  }
  if (!out) return dates;
  for (const d of dates) if (!dropped?.has(d)) out.push(d);
  return out.sort((x, y) => x.start - y.start);
}
