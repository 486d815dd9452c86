/**
 * Time expressions: every expression a figure's `time` can be, resolved to an
 * inclusive day span against the document date. It reads the dates and
 * periods of dates.ts (2025年上半年, 1—7月) and adds what is no figure on its
 * own: relative words (今年, 去年, 上月, 本季度, 近三年, 今年以来, 截至目前),
 * offsets (三年前, 20天后, 上个月15号, 下周六), open ends (…以来, …起, …前),
 * deadlines (到2030年底), five-year plans (“十四五”期间), decades and centuries
 * (上世纪80年代), two-digit years (15年3月), holidays and lunar dates
 * (春节, 国庆假期, 中秋, 大年初五, 腊月二十三), anaphors (全年, 届时, 同期, 期内).
 * A time written as a basis (比去年同期, 较年初, 比2023年) is marked `basis`.
 * Without a document date relative expressions keep a null span.
 */
import type { FigureHit } from '../rule.js';
import { onLexiconChange } from '../../core/lists.js';
import { scanDates } from './dates.js';
import { col, fromLists, numCol, oneOf, orderedAlternation, tableRows } from './tables.js';
import { CN_DIGIT, readNumeral, LONE_FORMAL } from './numerals.js';
import {
  addDays, addMonths, chuxi, lunarToSolar, monthLength, monthSpan, nearestLunar, officialHoliday, parseDay, qingming,
  spanOfIso, weekday, yearSpan, ymd, type DaySpan,
} from './days.js';

export type Anaphor = 'year' | 'same' | 'sameLastYear' | 'then' | 'set' | 'month' | 'periodEnd';

export interface TimeExpr {
  start: number;
  end: number;
  text: string;
  /** inclusive day span, null when it cannot be resolved (no document date, 近年来) */
  span: DaySpan | null;
  /** written as the basis of a change (比去年同期, 较年初), not as the figure's time */
  basis: boolean;
  /** refers to the current time of the context (全年, 同期, 届时, 期内) */
  anaphor?: Anaphor;
  /** granularity of a point: a deadline 到2030年底 resolves to its last day */
  grain?: 'year' | 'month' | 'day';
  /** an open end: since (…起, …以来, 或之后), after (…之后), before (…之前, …前), until (或之前, 截至) */
  mod?: 'since' | 'after' | 'before' | 'until';
  /** for an open end, the span of the expression it is anchored to */
  anchor?: DaySpan | null;
  /** a recurring time (每年, 每周一): no span, never a figure's time */
  set?: boolean;
  /** a time of day (HH:MM:SS), or a span of the day (上午 → 08:00:00…12:00:00) */
  clock?: { start: string; end?: string };
  /** for a range (2015—2017年, 三月到五月), the first day of its last part (2017-01-01) */
  to?: string;
}

/** Parts of the day: [words, hours added to an hour below 12, the span of the part when no hour is given] */
const DAY_PARTS: ReadonlyArray<[RegExp, number, [number, number] | null]> = [
  [/^(?:凌晨|半夜|午夜)/, 0, null],
  [/^(?:早上|早晨|清晨|今早|今晨|明早|早间|早)/, 0, [8, 12]],
  [/^(?:上午)/, 0, [8, 12]],
  [/^(?:中午)/, 12, [11, 13]],
  [/^(?:下午)/, 12, [12, 16]],
  [/^(?:傍晚|晚上|晚间|夜里|夜间|今晚|昨晚|明晚|晚)/, 12, [16, 20]],
];
/** The characters a part of the day starts with (a word of DAY_PARTS); elsewhere none is tried. */
const DAY_PART_FIRST = '凌半午早清今明上中下傍晚夜昨';
const CLOCK_NUM = '(?:[0-9]{1,2}|[零〇一二三四五六七八九十两]{1,3})';
const CLOCK_RE = new RegExp(
  '^(?:大约|大概|约)?(' + CLOCK_NUM + ')(?:(点|时)(?:(' + CLOCK_NUM + ')分?|(半)|(一刻)|(三刻)|(整))?(?:(' + CLOCK_NUM + ')秒)?|[:：]([0-9]{2})(?:[:：]([0-9]{2}))?(?![0-9]))\\s*(pm|p\\.m\\.|am|a\\.m\\.)?',
);
const two = (n: number): string => String(n).padStart(2, '0');

/** A time of day at i: 下午5:00, 晚上九点半, 凌晨2点半, 17:55:23, 十二点之前 (the tail is read by the caller). */
export function clockAt(text: string, i: number): { end: number; clock: { start: string; end?: string }; part: boolean; dayOff?: number } | null {
  const approx = text.startsWith('大约', i) || text.startsWith('大概', i);
  let j = approx ? i + 2 : i;
  let add = 0;
  let partSpan: [number, number] | null = null;
  let partLen = 0;
  const head = j < text.length && DAY_PART_FIRST.includes(text[j] as string) ? text.slice(j, j + 4) : '';
  if (head !== '') for (const [re, a, sp] of DAY_PARTS) {
    const m = re.exec(head);
    if (m) {
      add = a;
      partSpan = sp;
      partLen = m[0].length;
      j += partLen;
      break;
    }
  }
  const lead = text[j - partLen];
  const dayOff = partLen && lead === '今' ? 0 : partLen && lead === '昨' ? -1 : partLen && lead === '明' && partLen === 2 ? 1 : undefined;
  const m = CLOCK_RE.exec(text.slice(j, j + 24));
  if (!m) {
    if (partSpan && partLen >= 2) return { end: j, clock: { start: two(partSpan[0]) + ':00:00', end: two(partSpan[1]) + ':00:00' }, part: true, dayOff };
    return null;
  }
  // a bare number needs 点/时 or a colon; 时 needs minutes (3时 is a duration in news: 3小时 is written out)
  let h = num(m[1] as string);
  if (h === null || h > 24) return null;
  if (!m[2] && m[9] === undefined) return null;
  const min = m[9] !== undefined ? Number(m[9]) : m[3] ? num(m[3]) : m[4] ? 30 : m[5] ? 15 : m[6] ? 45 : 0;
  const sec = m[10] !== undefined ? Number(m[10]) : m[8] ? num(m[8]) : 0;
  if (min === null || sec === null || min >= 60 || sec >= 60) return null;
  if (m[2] === '时' && !m[3] && partLen === 0 && !/^(?:整)/.test(text.slice(j + m[0].length))) {
    // 8天20时 is a duration; a clock in 时 needs a day part or minutes
    if (!/^[0-9]/.test(m[1] as string) || /天$/.test(text.slice(Math.max(0, i - 1), i))) return null;
  }
  const ampm = m[11];
  if (ampm && /^p/.test(ampm) && h < 12) h += 12;
  else if (add && h < 12 && !(add === 12 && partSpan && partSpan[0] === 11 && h >= 11)) h += add;
  if (h === 24) h = 0;
  return { end: j + m[0].length, clock: { start: `${two(h)}:${two(min)}:${two(sec)}` }, part: false, dayOff };
}

const NUM = '0-9一二三四五六七八九十两〇零';

function num(s: string): number | null {
  if (s === '') return null;
  const r = readNumeral(s, 0, LONE_FORMAL);
  if (!r || r.end !== s.length || !Number.isFinite(r.value)) return null;
  return r.value;
}

const REL_YEAR: Record<string, number> = { 今年: 0, 本年: 0, 去年: -1, 上年: -1, 明年: 1, 前年: -2, 后年: 2, 来年: 1 };
const REL_MONTH: Record<string, number> = { 上月: -1, 上个月: -1, 本月: 0, 这个月: 0, 当月: 0, 下月: 1, 下个月: 1 };
/** Days relative to the document date (pipelines/lexicon/figure-relative-days.txt: word offset), in file order. */
const relativeDays = fromLists((): ReadonlyArray<[string, number]> => tableRows('figure-relative-days').map((r) => [col(r, 0, 'word'), numCol(r, 1, 'offset')]));
const WEEKDAY: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, '1': 0, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, '7': 6 };

/** Festivals (pipelines/lexicon/figure-festivals.txt): how each one's day is found, and the official holiday it names. */
type Festival = { lunar?: [number, number]; solar?: [number, number]; qingming?: true; chuxi?: true; holiday?: string };
const festivals = fromLists(() => {
  const table: Record<string, Festival> = {};
  for (const r of tableRows('figure-festivals')) {
    const cal = oneOf(r, 1, 'calendar', ['lunar', 'solar', 'qingming', 'chuxi'] as const);
    const f: Festival = {};
    if (cal === 'lunar' || cal === 'solar') {
      const md = /^(\d{1,2})-(\d{1,2})$/.exec(col(r, 2, 'date'));
      if (!md) throw new Error(`${r.at}: column 3 (date) must be M-D: ${col(r, 2, 'date')}`);
      f[cal] = [Number(md[1]), Number(md[2])];
    } else f[cal] = true;
    const holiday = col(r, 3, 'holiday');
    if (holiday !== '-') f.holiday = holiday;
    table[col(r, 0, 'name')] = f;
  }
  const names = Object.keys(table);
  return {
    table,
    names,
    first: '0123456789今去明' + names.map((w) => w[0]).join(''),
    re: [...names].sort((a, b) => b.length - a.length).join('|'),
  };
});
const LUNAR_MONTH: Record<string, number> = { 正: 1, 腊: 12, 冬: 11, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function lunarDay(s: string): number | null {
  const m = /^(初|十|二十|廿|三十)([一二三四五六七八九十]?)$/.exec(s);
  if (!m) return null;
  const tail = m[2] ? (m[2] === '十' ? 10 : (CN_DIGIT[m[2]] as number)) : 0;
  if (m[1] === '初') return tail || null;
  if (m[1] === '十') return m[2] ? 10 + tail : 10;
  if (m[1] === '二十' || m[1] === '廿') return 20 + tail;
  return m[2] ? null : 30;
}

interface Doc {
  day: string;
  y: number;
  m: number;
  /** calendar look-ups already made for this text (holidays and lunar dates repeat within an article) */
  memo: Map<string, DaySpan | null>;
}

/** A calendar look-up, made once per text and key. */
function memo(doc: Doc | null, key: string, f: () => DaySpan | null): DaySpan | null {
  if (!doc) return f();
  if (doc.memo.has(key)) return doc.memo.get(key) ?? null;
  const v = f();
  doc.memo.set(key, v);
  return v;
}

/** A pattern at a position: the regex (sticky) and what the match resolves to. */
interface Pattern {
  /** the characters a match can start with */
  first: string;
  /** a text holds no match unless it contains one of these words */
  needs: readonly string[];
  re: RegExp;
  resolve(m: RegExpExecArray, doc: Doc | null): { span: DaySpan | null; anaphor?: Anaphor; grain?: TimeExpr['grain'] } | null;
}

const ofYear = (doc: Doc | null, off: number): number | null => (doc ? doc.y + off : null);

/** The day (or the official holiday span) of a festival: 春节, 2025年国庆假期, 中秋节. */
function festivalSpan(m: RegExpExecArray, doc: Doc | null): DaySpan | null {
  const f = festivals().table[m[3] as string] as Festival;
  const y = m[1] ? Number(m[1]) : m[2] ? ofYear(doc, REL_YEAR[m[2]] ?? 0) : doc ? doc.y : null;
  if (y === null) return null;
  let day: string | null = null;
  if (f.lunar) day = lunarToSolar(y, f.lunar[0], f.lunar[1]);
  else if (f.solar) day = ymd(y, f.solar[0], f.solar[1]);
  else if (f.qingming) day = qingming(y);
  else if (f.chuxi) day = chuxi(y);
  if (!day) return null;
  // 国庆中秋假期: two festivals of one holiday; the span is the official one around the first
  // (2023年春节档: the film season of a festival is its holiday)
  const holidayWord = m[4] && /假|黄金周|档/.test(m[4]);
  if ((holidayWord || m[4] === '期间') && f.holiday) {
    const h = officialHoliday(day, f.holiday);
    if (h) return h;
  }
  return { start: day, end: day };
}

/** The patterns, built on first use from the lists they read (festivals, relative days). */
function buildPatterns(): Pattern[] {
  const fest = festivals();
  const relDays = relativeDays();
  const relDay = new Map(relDays);
  return [
    // “十四五”期间 / 十三五时期: five-year plans from the third on (1966–1970)
    {
      first: "“\"十",
      needs: ["五"],
      re: /[“"]?十([一二三四五六七八九])五[”"]?(?:规划)?(?:期间|时期|以来|末)?/y,
      resolve: (m, doc) => {
        const k = 10 + (CN_DIGIT[m[1] as string] as number);
        const s = 1966 + 5 * (k - 3);
        if (m[0].endsWith('末')) return { span: yearSpan(s + 4) };
        // “十四五”以来: from the plan's start to the document date
        if (m[0].endsWith('以来') && doc && doc.day >= ymd(s, 1, 1)) return { span: { start: ymd(s, 1, 1), end: doc.day } };
        return { span: { start: ymd(s, 1, 1), end: ymd(s + 4, 12, 31) } };
      },
    },
    // 上世纪80年代, 20世纪90年代, 九零年代, 80年代
    {
      first: "上本12二十0123456789〇零一二三四五六七八九十两",
      needs: ["年代"],
      re: /(?:(上个?世纪|本世纪|(?:19|20|二十|二十一|十九)世纪))?([0-9]0|[一二三四五六七八九零〇]零|[一二三四五六七八九]十)年代(?:(初|末|中期|初期|末期))?/y,
      resolve: (m, doc) => {
        const c = m[1] ?? '';
        const dm = m[2] as string;
        const dec = /^[0-9]/.test(dm) ? Number(dm) : dm.endsWith('十') ? (CN_DIGIT[dm[0] as string] as number) * 10 : (CN_DIGIT[dm[0] as string] as number) * 10;
        let century: number;
        if (/上/.test(c)) century = doc ? Math.floor((doc.y - 1) / 100) * 100 - 100 : 1900;
        else if (c === '本世纪' || /^(?:21|二十一)/.test(c)) century = 2000;
        else if (/^(?:20|二十)/.test(c)) century = 1900;
        else if (/^(?:19|十九)/.test(c)) century = 1800;
        else century = dec >= 30 || !doc ? 1900 : 2000;
        const y0 = century + dec;
        return { span: { start: ymd(y0, 1, 1), end: ymd(y0 + 9, 12, 31) } };
      },
    },
    // 21世纪, 上世纪
    {
      first: "上本12二十",
      needs: ["世纪"],
      re: /(上个?世纪|本世纪|(?:1[0-9]|2[01]|二十一|二十|十九)世纪)(?!\d|[0-9一二三四五六七八九零〇]+年代)(初叶|初期|初|末叶|末期|末|中叶|中期|前期|后期)?/y,
      resolve: (m, doc) => {
        // 21世纪初, 上世纪末: a part of a century has no day span (issue #14 peer convention)
        if (m[2]) return { span: null };
        const c = m[1] as string;
        let k: number;
        if (/上/.test(c)) k = doc ? Math.ceil(doc.y / 100) - 1 : 20;
        else if (c === '本世纪') k = doc ? Math.ceil(doc.y / 100) : 21;
        else k = num(c.replace('世纪', '')) ?? 21;
        return { span: { start: ymd((k - 1) * 100 + 1, 1, 1), end: ymd(k * 100, 12, 31) } };
      },
    },
    // 15年3月(5日): a two-digit year needs a month after it
    {
      first: "0123456789〇零一二三四五六七八九十两",
      needs: ["月"],
      re: /([0-9]{2}|[〇零一二三四五六七八九]{2})年([0-9]{1,2}|[一二三四五六七八九十]{1,2})月(?:([0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号])?/y,
      resolve: (m, doc) => {
        const yy = /^[0-9]/.test(m[1] as string) ? Number(m[1]) : Number([...(m[1] as string)].map((c) => CN_DIGIT[c] ?? 0).join(''));
        const base = doc ? doc.y % 100 : 50;
        const y = yy <= base + 5 ? 2000 + yy : 1900 + yy;
        const mo = num(m[2] as string);
        if (!mo || mo > 12) return null;
        if (m[3] !== undefined) {
          const d = num(m[3]);
          if (!d || d > monthLength(y, mo)) return null;
          return { span: { start: ymd(y, mo, d), end: ymd(y, mo, d) } };
        }
        return { span: monthSpan(y, mo) };
      },
    },
    // 农历2015年十月初一 / 农历十月初一 / 正月三十 / 腊月二十三 / 大年初五 / 大年三十
    {
      first: "农阴0123456789大正腊冬〇零一二三四五六七八九十两",
      needs: ["月", "大年"],
      re: /(?:农历|阴历)?(?:([0-9]{4})年)?(?:(大年)|(正|腊|冬|十一|十二|[一二三四五六七八九十])月)(初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|三十)/y,
      resolve: (m, doc) => {
        const d = lunarDay(m[4] as string);
        if (!d) return null;
        const month = m[2] ? (d === 30 && m[4] === '三十' ? 12 : 1) : (LUNAR_MONTH[m[3] as string] as number);
        if (!m[0].startsWith('农历') && !m[0].startsWith('阴历') && !m[2] && !/^(?:正|腊|冬)/.test(m[3] ?? '') && !m[4]!.startsWith('初')) return null;
        if (m[2] && m[4] === '三十') {
          // 大年三十: 除夕, the last day of the lunar year
          if (!doc) return { span: null };
          const y = nearestLunar(1, 1, doc.day);
          const s = y ? addDays(y, -1) : null;
          return { span: s ? { start: s, end: s } : null };
        }
        let s: string | null;
        if (m[1]) s = lunarToSolar(Number(m[1]), month, d);
        else s = doc ? (memo(doc, `lunar:${month}-${d}`, () => {
          const v = nearestLunar(month, d, doc.day);
          return v ? { start: v, end: v } : null;
        })?.start ?? null) : null;
        return { span: s ? { start: s, end: s } : null };
      },
    },
    // 2023年半年度 (报告): a report's half year, January to June
    {
      first: '0123456789',
      needs: ['半年度'],
      re: /([0-9]{4})年(?:上)?半年度/y,
      resolve: (m) => {
        const y = Number(m[1]);
        return { span: { start: ymd(y, 1, 1), end: ymd(y, 6, 30) } };
      },
    },
    // holidays: 2025年春节假期, 今年国庆, 中秋节, 春节期间, 国庆长假, 今年“五一”假期 (a name in quotes)
    {
      first: fest.first + '“"',
      needs: fest.names,
      re: new RegExp('(?:([0-9]{4})年|(今年|去年|明年))?[“"]?(' + fest.re + ')(?:' + fest.re + ')?[”"]?(假期|长假|小长假|黄金周|放假期间|假日|期间|前后|当天|档)?', 'y'),
      resolve: (m, doc) => ({ span: memo(doc, 'festival:' + m[0], () => festivalSpan(m, doc)) }),
    },
    // 今年以来 / 去年以来 / 年初以来
    {
      first: "今本年去入",
      needs: ["以来"],
      re: /(今年|本年|年初|去年|去年下半年|入冬|入夏)以来/y,
      resolve: (m, doc) => {
        if (!doc) return { span: null };
        const w = m[1] as string;
        if (w.startsWith('去年')) return { span: { start: w === '去年' ? ymd(doc.y - 1, 1, 1) : ymd(doc.y - 1, 7, 1), end: doc.day } };
        if (w === '入冬') return { span: { start: ymd(doc.m <= 3 ? doc.y - 1 : doc.y, 11, 1), end: doc.day } };
        if (w === '入夏') return { span: { start: ymd(doc.y, 6, 1), end: doc.day } };
        return { span: { start: ymd(doc.y, 1, 1), end: doc.day } };
      },
    },
    // 近三年 / 近五年 / 过去五年 / 近两个月 / 最近3天 / 前1周 / 后1年 / 未来三年
    {
      first: "近最过前后未今此",
      needs: ["近", "过去", "前", "后", "未来", "今后", "此后"],
      // (前2月, 前4月: the first months of the year, 个 left out as releases write it)
      re: new RegExp('(近|最近|过去|前|后|未来|今后|此后)([' + NUM + ']{1,3})(个月|年|天|日|周|个星期|星期|个季度|(?<=前[' + NUM + ']{1,2})月(?!份?[0-9一二三四五六七八九十两]))(?:来|以来|里|内|间)?', 'y'),
      resolve: (m, doc) => {
        const n = num(m[2] as string);
        if (!n || !doc) return n ? { span: null } : null;
        const unit = m[3] as string;
        const future = /后|未来|今后|此后/.test(m[1] as string);
        if (unit === '年' && (m[1] === '近' || m[1] === '最近')) return { span: { start: ymd(doc.y - n, 1, 1), end: ymd(doc.y - 1, 12, 31) } };
        // 过去一年, 过去五年 early in the year (January to March, the season of work reports and annual reviews) are the
        // calendar years just ended, as 近N年 are: 过去一年 in a report of 2025-01-15 → 2024
        if (unit === '年' && m[1] === '过去' && doc.m <= 3) return { span: { start: ymd(doc.y - n, 1, 1), end: ymd(doc.y - 1, 12, 31) } };
        if (unit === '年' && /未来|今后/.test(m[1] as string)) return { span: { start: ymd(doc.y + 1, 1, 1), end: ymd(doc.y + n, 12, 31) } };
        if (m[1] === '前' && /月|季度/.test(unit) && m[0].length <= 5) {
          // 前11个月 (of this year) is read by dates.ts when it follows a year; alone it means this year too
          const months = unit.includes('季度') ? n * 3 : n;
          if (months <= 12) return { span: { start: ymd(doc.y, 1, 1), end: ymd(doc.y, months, monthLength(doc.y, months)) } };
        }
        // the last N units before the document date, or the next N after it
        const days = unit === '天' || unit === '日' ? n : /周|星期/.test(unit) ? 7 * n : 0;
        if (days) return future ? { span: { start: addDays(doc.day, 1), end: addDays(doc.day, days) } } : { span: { start: addDays(doc.day, -days), end: addDays(doc.day, -1) } };
        const months = unit.includes('季度') ? 3 * n : unit === '年' ? 12 * n : n;
        return future ? { span: { start: addDays(doc.day, 1), end: addMonths(doc.day, months) } } : { span: { start: addMonths(doc.day, -months), end: addDays(doc.day, -1) } };
      },
    },
    // 三年前 / 20天后 / 两个月之后 / 5年以前
    {
      first: "0123456789〇零一二三四五六七八九十两",
      needs: ["前", "后"],
      re: new RegExp('(?!0)([' + NUM + ']{1,3})(个月|年|天|日|周|个星期|星期|个小时|小时)(?:之|以)?(前|后)(?![\\u4e00-\\u9fff]{0,1}(?:增长|下降))', 'y'),
      resolve: (m, doc) => {
        const n = num(m[1] as string);
        if (!n) return null;
        if (!doc) return { span: null };
        const sign = m[3] === '前' ? -1 : 1;
        const u = m[2] as string;
        if (u.includes('小时')) return { span: { start: doc.day, end: doc.day } };
        const day = u === '天' || u === '日' ? addDays(doc.day, sign * n) : /周|星期/.test(u) ? addDays(doc.day, sign * 7 * n) : addMonths(doc.day, sign * n * (u === '年' ? 12 : 1));
        return { span: { start: day, end: day } };
      },
    },
    // 上个月15号 / 本月十日 / 下月初 / 上月
    {
      first: "上本这当下",
      needs: ["月"],
      re: /(上个月|上月|本月|这个月|当月|下个月|下月)(?:([0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号]|(初|底|末|中旬|上旬|下旬))?/y,
      resolve: (m, doc) => {
        if (!doc) return { span: null };
        const first = addMonths(ymd(doc.y, doc.m, 1), REL_MONTH[m[1] as string] ?? 0);
        const { y, m: mo } = parseDay(first);
        if (m[2]) {
          const d = num(m[2]);
          if (!d || d > monthLength(y, mo)) return null;
          return { span: { start: ymd(y, mo, d), end: ymd(y, mo, d) } };
        }
        const last = monthLength(y, mo);
        if (m[3] === '底' || m[3] === '末') return { span: { start: ymd(y, mo, last), end: ymd(y, mo, last) }, grain: 'day' };
        if (m[3] === '初' || m[3] === '上旬') return { span: { start: ymd(y, mo, 1), end: ymd(y, mo, 10) } };
        if (m[3] === '中旬') return { span: { start: ymd(y, mo, 11), end: ymd(y, mo, 20) } };
        if (m[3] === '下旬') return { span: { start: ymd(y, mo, 21), end: ymd(y, mo, last) } };
        // 当月 after a month named in the text is that month (the reader of the context decides)
        if (m[0] === '当月') return { span: monthSpan(y, mo), anaphor: 'month' };
        return { span: monthSpan(y, mo) };
      },
    },
    // 本季度 / 上季度 / 下一季度
    {
      first: "本上下这",
      needs: ["季度"],
      re: /(本|上一?个?|下一?个?|这个?)季度/y,
      resolve: (m, doc) => {
        if (!doc) return { span: null };
        const off = m[1]!.startsWith('上') ? -1 : m[1]!.startsWith('下') ? 1 : 0;
        const q0 = Math.floor((doc.m - 1) / 3);
        const first = addMonths(ymd(doc.y, q0 * 3 + 1, 1), off * 3);
        const { y, m: mo } = parseDay(first);
        return { span: { start: first, end: ymd(y, mo + 2, monthLength(y, mo + 2)) } };
      },
    },
    // 上周 / 本周 / 下下周 / 下周六 / 上周末 / 这个星期五
    {
      first: "上下本这這",
      needs: ["周", "星期", "礼拜", "禮拜", "週"],
      re: /(上上|下下|上|下|本|这|这个|這|這個)(?:周|[个個]?星期|[个個]?[礼禮]拜|[个個]?週)(末|[一二三四五六日天1-7])?/y,
      resolve: (m, doc) => {
        if (!doc) return { span: null };
        const w = m[1] as string;
        const off = w.startsWith('上上') ? -2 : w.startsWith('下下') ? 2 : w.startsWith('上') ? -1 : w.startsWith('下') ? 1 : 0;
        const monday = addDays(doc.day, -weekday(doc.day) + 7 * off);
        if (m[2] === '末') return { span: { start: addDays(monday, 5), end: addDays(monday, 6) } };
        if (m[2]) {
          const d = addDays(monday, WEEKDAY[m[2]] ?? 0);
          return { span: { start: d, end: d } };
        }
        return { span: { start: monday, end: addDays(monday, 6) } };
      },
    },
    // 3月第二周 / 十月的第一周 / 2021年的第一周: weeks Monday to Sunday, numbered as ISO 8601 numbers
    // the weeks of a year (week 1 holds the first Thursday), here of a month too
    {
      first: "0123456789今去明本〇零一二三四五六七八九十",
      needs: ["第"],
      re: /(?:([0-9]{4})年|(今年|去年|明年|本年))?(?:的)?(?:([0-9]{1,2}|[一二三四五六七八九十]{1,2})月份?)?(?:的)?第([一二三四五六1-6])(?:个)?(?:周|星期|礼拜)(?![0-9一二三四五六七八九十日天])/y,
      resolve: (m, doc) => {
        if (!m[1] && !m[2] && !m[3]) return null;
        const mo = m[3] ? num(m[3]) : 1;
        if (!mo || mo > 12) return null;
        const n = /[0-9]/.test(m[4] as string) ? Number(m[4]) : (CN_DIGIT[m[4] as string] as number);
        let y = m[1] ? Number(m[1]) : m[2] ? ofYear(doc, REL_YEAR[m[2]] ?? 0) : doc ? doc.y : null;
        if (y === null) return { span: null };
        // a month without a year that is still to come is last year's (FIGURES.md: never after the document date)
        if (!m[1] && !m[2] && doc && mo > doc.m) y--;
        // the Monday of the week that holds the month's first Thursday
        const first = ymd(y, mo, 1);
        const thursday = addDays(first, (3 - weekday(first) + 7) % 7);
        const monday = addDays(thursday, -3 + 7 * (n - 1));
        if (m[3] && monday.slice(0, 7) !== first.slice(0, 7) && n > 1) return null;
        return { span: { start: monday, end: addDays(monday, 6) } };
      },
    },
    // 上半月 / 下半周 / 2018年前半年 / 今年后半年 / 上个半年
    {
      first: "0123456789今去明上下前后",
      needs: ["半"],
      re: /(?:([0-9]{4})年|(今年|去年|明年))?(?:的)?(上个?|下个?|前|后)半(月|周|年)/y,
      resolve: (m, doc) => {
        const first = /^[上前]/.test(m[3] as string);
        const unit = m[4] as string;
        if (unit === '年') {
          const y = m[1] ? Number(m[1]) : m[2] ? ofYear(doc, REL_YEAR[m[2]] ?? 0) : doc ? doc.y : null;
          if (y === null) return { span: null };
          return { span: first ? { start: ymd(y, 1, 1), end: ymd(y, 6, 30) } : { start: ymd(y, 7, 1), end: ymd(y, 12, 31) } };
        }
        if (!doc || m[1] || m[2]) return m[1] || m[2] ? null : { span: null };
        if (unit === '月') {
          const last = monthLength(doc.y, doc.m);
          return { span: first ? { start: ymd(doc.y, doc.m, 1), end: ymd(doc.y, doc.m, 15) } : { start: ymd(doc.y, doc.m, 16), end: ymd(doc.y, doc.m, last) } };
        }
        const monday = addDays(doc.day, -weekday(doc.day));
        return { span: first ? { start: monday, end: addDays(monday, 2) } : { start: addDays(monday, 3), end: addDays(monday, 6) } };
      },
    },
    // 周三 / 星期一 / 礼拜五: this week's day
    {
      first: "周週星礼禮",
      needs: ["周", "星期", "礼拜", "禮拜", "週"],
      re: /(?:周|週|星期|[礼禮]拜)([一二三四五六日天])/y,
      resolve: (m, doc) => {
        if (!doc) return { span: null };
        const d = addDays(doc.day, -weekday(doc.day) + (WEEKDAY[m[1] as string] ?? 0));
        return { span: { start: d, end: d } };
      },
    },
    // 每年 / 每个月 / 每周一 / 每天: recurring, no span
    {  first: "每", needs: ["每"], re: /每(?:一)?(?:[个個])?(?:年|月|季度|周[一二三四五六日天]?|週[一二三四五六日天]?|星期[一二三四五六日天]?|天|日)/y, resolve: () => ({ span: null, anaphor: 'set' }) },
    // 今年夏天 / 去年冬季 / 春季
    {
      first: "今去明春夏秋冬",
      needs: ["春", "夏", "秋", "冬"],
      re: /(今年|去年|明年)?(春天|夏天|秋天|冬天|春季|夏季|秋季|冬季)/y,
      resolve: (m, doc) => {
        const y = m[1] ? ofYear(doc, REL_YEAR[m[1]] ?? 0) : doc ? doc.y : null;
        if (y === null) return { span: null };
        const k = '春夏秋冬'.indexOf((m[2] as string)[0] as string);
        const start = ymd(y, 3 + 3 * k, 1);
        const endM = addMonths(start, 2);
        const { y: ey, m: em } = parseDay(endM);
        return { span: { start, end: ymd(ey, em, monthLength(ey, em)) } };
      },
    },
    // 07年以后 / 零八年: a two-digit year with a leading zero is no duration
    {
      first: "0零〇",
      needs: ["年"],
      re: /(0[0-9]|[零〇][〇零一二三四五六七八九])年(?![0-9一二三四五六七八九十]{1,2}月)/y,
      resolve: (m, doc) => {
        const yy = /^[0-9]/.test(m[1] as string) ? Number(m[1]) : Number([...(m[1] as string)].map((c) => CN_DIGIT[c] ?? 0).join(''));
        const base = doc ? doc.y % 100 : 50;
        return { span: yearSpan(yy <= base + 5 ? 2000 + yy : 1900 + yy), grain: 'year' };
      },
    },
    // 是98年买的 / 早在85年 / 从92年起: a two-digit year of the last century after a word that places it in time
    // (a duration says 工作了40年, 成立70年, and after a clause break 。70年波澜壮阔; below 50 it is one too often)
    {
      first: "56789",
      needs: ["年"],
      re: /(?<=[是于从自到至那]|早在)([5-9][0-9])年(?![0-9一二三四五六七八九十]{1,2}月|[代来间里内多余度底末初份])/y,
      resolve: (m) => ({ span: yearSpan(1900 + Number(m[1])), grain: 'year' }),
    },
    // 昨天 / 今天 / 明天 / 前天
    {
      first: [...new Set(relDays.map(([w]) => w[0] as string))].join(''),
      needs: ["天", "日"],
      re: new RegExp('(' + orderedAlternation(relDays.map(([w]) => w)) + ')', 'y'),
      resolve: (m, doc) => {
        if (!doc) return { span: null };
        const d = addDays(doc.day, relDay.get(m[1] as string) ?? 0);
        return { span: { start: d, end: d } };
      },
    },
    // 截至目前 / 目前 / 当前 / 至今 / 现在
    {
      first: "截到目当至现如",
      needs: ["目前", "当前", "至今", "现在", "如今"],
      re: /(截至目前|截止目前|到目前为止|截至当前|目前|当前|至今|现在|如今)/y,
      resolve: (_m, doc) => ({ span: doc ? { start: doc.day, end: doc.day } : null }),
    },
    // 去年同期 (the current period one year back), 同期, 全年, 届时, 报告期内, 期内
    {  first: "去上", needs: ["同期"], re: /(?:去年|上年)同期/y, resolve: () => ({ span: null, anaphor: 'sameLastYear' }) },
    {  first: "同", needs: ["同期"], re: /同期/y, resolve: () => ({ span: null, anaphor: 'same' }) },
    // 月底 / 月末 alone: the last day of the month stated before it (the reader of the context decides),
    // else of the document's month; 季末: the last day of the document's quarter
    {
      first: "月季",
      needs: ["月底", "月末", "季末", "季度末"],
      re: /(?<![0-9〇零一二三四五六七八九十两本上下当这个每年])(?:月[底末]|季度?末)(?![期端])/y,
      resolve: (m, doc) => {
        if (!doc) return { span: null };
        if (m[0].startsWith('月')) {
          const d = ymd(doc.y, doc.m, monthLength(doc.y, doc.m));
          return { span: { start: d, end: d }, anaphor: 'month', grain: 'day' };
        }
        const qm = Math.ceil(doc.m / 3) * 3;
        const d = ymd(doc.y, qm, monthLength(doc.y, qm));
        return { span: { start: d, end: d }, grain: 'day' };
      },
    },
    // 同月: the last month named before it (FIGURES.md anaphoric times)
    {  first: "同", needs: ["同月"], re: /同月(?!比|相比)/y, resolve: () => ({ span: null, anaphor: 'month' }) },
    {  first: "全", needs: ["全年"], re: /全年/y, resolve: () => ({ span: null, anaphor: 'year' }) },
    {  first: "届报期", needs: ["届时", "报告期", "期内"], re: /(?:届时|报告期内|报告期|期内)/y, resolve: () => ({ span: null, anaphor: 'then' }) },
    // 期末, 报告期末: the last day of the period reported (2023年年度报告 … 期末 → 2023-12-31)
    {  first: "本报期", needs: ["期末"], re: /(?:本?报告)?期末(?![考试])/y, resolve: () => ({ span: null, anaphor: 'periodEnd' }) },
    // 今年 / 去年 / 明年 alone (followed by nothing dates.ts reads)
    {
      first: "今本去上明前后来",
      needs: ["年"],
      re: /(今年|本年|去年|上年|明年|前年|后年|来年)(?:度)?/y,
      resolve: (m, doc) => ({ span: doc ? yearSpan(doc.y + (REL_YEAR[m[1] as string] ?? 0)) : null, grain: 'year' }),
    },
    // 近年来 / 近期 / 近日 / 日前: a time with no span
    {  first: "近日最", needs: ["近", "日前", "最近"], re: /(近年来|近年|近期|近日|日前|近来|最近)/y, resolve: (m, doc) => (m[1] === '最近' || m[1] === '近日' ? { span: doc ? { start: doc.day, end: doc.day } : null } : { span: null }) },
  ];
}

/**
 * Which patterns can match in this text (1 by pattern index): those whose needed
 * words it has. The words are found in one pass over the text, by ids and typed
 * arrays (a Set of words and a Map of pattern lists per document cost more than
 * the patterns they saved), and the pass stops once every word has been seen.
 */
function patternsFor(text: string): Uint8Array {
  const has = new Uint8Array(NEED_WORDS.length);
  let left = NEED_WORDS.length;
  const n = text.length;
  for (let i = 0; i < n && left > 0; i++) {
    const li = NEED_LIST[text.charCodeAt(i)] as number;
    if (li === 0) continue;
    const ids = NEED_LISTS[li - 1] as number[];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      if (has[id] === 0 && text.startsWith(NEED_WORDS[id] as string, i)) {
        has[id] = 1;
        left--;
      }
    }
  }
  const active = new Uint8Array(PATTERN_NEEDS.length);
  for (let k = 0; k < PATTERN_NEEDS.length; k++) {
    const ids = PATTERN_NEEDS[k] as number[];
    for (let j = 0; j < ids.length; j++) if (has[ids[j] as number] === 1) active[k] = 1;
  }
  return active;
}

/** By code unit: 1 = some pattern starts with it, 2 = a day part (凌晨, 下午, 大约) may, 4 = a numeral of a time of day may. */
const START = new Uint8Array(65536);
let PATTERNS: Pattern[] | null = null;
/** The patterns' needed words, each once; a word's id is its index. */
let NEED_WORDS: string[] = [];
/** By code unit: 1 + the index in NEED_LISTS of the ids of the needed words starting with it (0: none). */
const NEED_LIST = new Uint16Array(65536);
let NEED_LISTS: number[][] = [];
/** By pattern index: the ids of its needed words. */
let PATTERN_NEEDS: number[][] = [];
/** By code unit: 1 + the index in BY_FIRST of the indexes of the patterns that can start with it, in pattern order (0: none). */
const FIRST_LIST = new Uint16Array(65536);
let BY_FIRST: number[][] = [];
onLexiconChange(() => {
  PATTERNS = null;
});

/** Build the patterns and the start tables (on the first scan, and after the lexicon folders change). */
function load(): void {
  const patterns = buildPatterns();
  NEED_WORDS = [...new Set(patterns.flatMap((p) => p.needs))];
  NEED_LIST.fill(0);
  NEED_LISTS = [];
  NEED_WORDS.forEach((w, id) => {
    const code = w.charCodeAt(0);
    if (NEED_LIST[code] === 0) NEED_LIST[code] = NEED_LISTS.push([]);
    (NEED_LISTS[(NEED_LIST[code] as number) - 1] as number[]).push(id);
  });
  PATTERN_NEEDS = patterns.map((p) => p.needs.map((w) => NEED_WORDS.indexOf(w)));
  FIRST_LIST.fill(0);
  BY_FIRST = [];
  patterns.forEach((p, k) => {
    for (const ch of p.first) {
      const code = ch.charCodeAt(0);
      if (FIRST_LIST[code] === 0) FIRST_LIST[code] = BY_FIRST.push([]);
      (BY_FIRST[(FIRST_LIST[code] as number) - 1] as number[]).push(k);
    }
  });
  START.fill(0);
  for (const p of patterns) for (const ch of p.first) START[ch.charCodeAt(0)]! |= 1;
  for (const ch of '凌半午早清今明上中下傍晚夜昨大') START[ch.charCodeAt(0)]! |= 2;
  for (const ch of '0123456789〇零一二三四五六七八九十两') START[ch.charCodeAt(0)]! |= 4;
  PATTERNS = patterns;
}

/** A time of day can start at i: a day part, or a numeral with 点/时/: a few characters on. */
function maybeClock(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const cls = START[text.charCodeAt(i)] as number;
  if (cls & 2) return true;
  if (!(cls & 4)) return false;
  for (let k = i + 1; k < i + 7 && k < text.length; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 0x70b9 /* 点 */ || ch === 0x65f6 /* 时 */ || ch === 0x3a || ch === 0xff1a) return true;
  }
  return false;
}

/** The day span of a date or period figure (dates.ts values at any precision). */
export function spanOfFigure(f: FigureHit): DaySpan | null {
  if (!f.date) return null;
  const a = spanOfIso(f.date);
  const b = f.dateEnd ? spanOfIso(f.dateEnd) : a;
  if (!a || !b) return null;
  return { start: a.start, end: b.end };
}

function grainOf(iso: string | null | undefined): TimeExpr['grain'] {
  if (!iso) return undefined;
  return iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day';
}

function docOf(docDate: string | null): Doc | null {
  if (!docDate || !/^\d{4}-\d{2}-\d{2}/.test(docDate)) return null;
  const { y, m } = parseDay(docDate);
  return { day: docDate.slice(0, 10), y, m, memo: new Map() };
}

/** Prefixes that make an expression a basis (比去年, 较年初, 与2023年相比). */
const BASIS_BEFORE = /(?:比|较|较之|同|与|和|相比|相较)$/;
/** After 同/与/和 a time is a basis only when a comparison follows (与上月持平, 和去年相比); 一季度和二季度 is a list. */
const WEAK_BASIS_BEFORE = /[同与和]$/;
const COMPARISON_AFTER = /^[^，。；、：\n]{0,20}?(?:相比|比较|相较|对比|持平)/;
/** Prefixes that make it a deadline (到2030年, 截至6月末). */
const DEADLINE_BEFORE = /(?:截至|截止到|截止|到|至)$/;

/**
 * All time expressions of a text, sorted by start, without overlaps. `dates`
 * are the date/period figures of dates.ts when the caller has them already.
 */
export function scanTimes(text: string, docDate: string | null, dates?: readonly FigureHit[]): TimeExpr[] {
  if (!PATTERNS) load();
  const doc = docOf(docDate);
  const out: TimeExpr[] = [];
  const fromDates = dates ?? scanDates(text, docDate);
  const active = patternsFor(text);
  // the start of the next date figure, kept in a number: the figures come in several shapes,
  // and reading .start off them at every character was a megamorphic load per character
  const NONE = 0x3fffffff;
  let di = 0;
  let ds = fromDates.length > 0 ? (fromDates[0] as FigureHit).start : NONE;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // a date figure starting here (dates.ts wins where it reads something)
    while (ds < i) {
      di++;
      ds = di < fromDates.length ? (fromDates[di] as FigureHit).start : NONE;
    }
    const cls = START[text.charCodeAt(i)] as number;
    // nothing starts here, or inside a numeral (what starts with a numeral was tried at its first character)
    if ((cls === 0 || (cls & 4 && i > 0 && (START[text.charCodeAt(i - 1)] as number) & 4)) && ds !== i) {
      i++;
      continue;
    }
    i = timeAt(text, i, ds === i ? fromDates[di] : undefined, doc, active, out);
  }
  return mergeRanges(text, out);
}


/**
 * What a date or period figure starting at i gives timeAt, or null. Apart from
 * timeAt: the figures of dates.ts come in several object shapes, and each new
 * one met in timeAt's body threw its compiled code away (--trace-deopt: "wrong
 * map"); here the shapes cost the recompiling of a few lines.
 */
function fromDate(df: FigureHit, i: number, text: string, doc: Doc | null): { end: number; span: DaySpan | null; grain: TimeExpr['grain']; rangeTo: string | undefined; dateClock: string | null } | null {
  if (df.start !== i || (df.kind !== 'date' && df.kind !== 'period')) return null;
  // a time expression figure (figure-date's `withTimes`) is read again here; an open end (2018年以来) holds the date it is anchored to
  if (df.attrs !== undefined && df.attrs.timeExpr === true) return df.attrs.mod === undefined ? null : anchorDate(df, i, text, doc);
  // Object.hasOwn, not `in`: the attrs come in many shapes, and an `in` compiled for the shapes seen
  // so far deoptimized on the next one; timeAt (and this) are inlined into the scan, so each time the
  // whole scan was compiled again (--trace-deopt "wrong map": scanTimes 12 compiles, now 4)
  const loneTime = df.attrs && Object.hasOwn(df.attrs, 'hour') && !Object.hasOwn(df.attrs, 'month') && !Object.hasOwn(df.attrs, 'day');
  if (loneTime) return null;
  const rangeTo = df.kind === 'period' && df.qualifier === 'range' && df.dateEnd ? spanOfIso(df.dateEnd)?.start : undefined;
  const dateClock = df.kind === 'date' && df.date && df.date.length > 10 ? df.date.slice(11, 16) + ':00' : null;
  return { end: df.end, span: spanOfFigure(df), grain: df.kind === 'date' ? grainOf(df.date) : undefined, rangeTo, dateClock };
}

/** The date an open-end figure (2018年以来, 2030年前) is anchored to, as dates.ts reads it. */
function anchorDate(df: FigureHit, i: number, text: string, doc: Doc | null): ReturnType<typeof fromDate> {
  const inner = scanDates(text.slice(df.start, df.end), doc ? doc.day : null)[0];
  if (!inner || inner.start !== 0) return null;
  return fromDate({ ...inner, start: inner.start + i, end: inner.end + i }, i, text, doc);
}

/*
 * The time expression (or none) at i, pushed to out; returns where to read on
 * (`df`: the date figure starting at i, if any). Apart from the scanning loop, as
 * dates.ts's dateAt: a body this size recompiled with its loop on every
 * deoptimization costs more than the scan.
 */
function timeAt(text: string, i: number, df: FigureHit | undefined, doc: Doc | null, active: Uint8Array, out: TimeExpr[]): number {
  let dateClock: string | null = null;
  let best: Best | null = null;
  let rangeTo: string | undefined;
  const fd = df === undefined ? null : fromDate(df, i, text, doc);
  if (fd !== null) {
    rangeTo = fd.rangeTo;
    best = { end: fd.end, span: fd.span, anaphor: undefined, grain: fd.grain };
    dateClock = fd.dateClock;
  }
  const li = FIRST_LIST[text.charCodeAt(i)] as number;
  if (li !== 0) {
    const candidates = BY_FIRST[li - 1] as number[];
    const patterns = PATTERNS as Pattern[];
    for (let k = 0; k < candidates.length; k++) {
      const pk = candidates[k] as number;
      if (active[pk] === 0) continue;
      const p = patterns[pk] as Pattern;
      p.re.lastIndex = i;
      const m = p.re.exec(text);
      if (!m || (best && m[0].length <= best.end - i)) continue;
      const r = p.resolve(m, doc);
      if (r) best = { end: i + m[0].length, span: r.span, anaphor: r.anaphor, grain: r.grain };
    }
  }
  if (dateClock) return finishAt(text, i, best as Best, rangeTo, { start: dateClock, end: undefined }, doc, out);
  // a time of day after a day (明天下午5:00, 2010.01.29晚上六点) or alone (下午5:00, 零点)
  const at = best ? best.end : i;
  if (!maybeClock(text, at)) return best ? finishAt(text, i, best, rangeTo, undefined, doc, out) : i + 1;
  return clockThen(text, i, at, best, rangeTo, doc, out);
}

/*
 * A time of day at `at` (after what was read at i, or alone), then finishAt.
 * Apart from timeAt: few positions get here, and its branches, each first met
 * after timeAt was compiled, threw the compiled scan away.
 */
function clockThen(text: string, i: number, at: number, best: Best | null, rangeTo: string | undefined, doc: Doc | null, out: TimeExpr[]): number {
  let clock: TimeExpr['clock'];
  const ck = clockAt(text, at);
  if (ck && (best || !ck.part || ck.end - i >= 2)) {
    // a copy with its keys in one order (a spread gave each copy its own hidden class)
    clock = { start: ck.clock.start, end: ck.clock.end };
    // a range of times: 下午5:00到6:00, 早上五到六点, 17:55:23-18:33:02
    const sep = /^(?:到|至|-|—|~|～)/.exec(text.slice(ck.end, ck.end + 1));
    let endAt = ck.end;
    if (sep && !ck.part) {
      const ck2 = clockAt(text, ck.end + 1);
      if (ck2 && !ck2.part) {
        let e2 = ck2.clock.start;
        if (/^(?:下午|晚)/.test(text.slice(at, at + 2)) && Number(e2.slice(0, 2)) < 12 && !/^(?:凌晨|早|上午)/.test(text.slice(ck.end + 1, ck.end + 3)))
          e2 = two(Number(e2.slice(0, 2)) + 12) + e2.slice(2);
        clock.end = e2;
        endAt = ck2.end;
      }
    }
    const onDay = ck.dayOff !== undefined && doc ? addDays(doc.day, ck.dayOff) : null;
    best = best ? { end: endAt, span: best.span, anaphor: best.anaphor, grain: best.grain } : { end: endAt, span: onDay ? { start: onDay, end: onDay } : null, anaphor: undefined, grain: undefined };
  } else if (!best && maybeClock(text, i)) {
    // 早上五到六点: an hour without unit before a range
    const r = /^(早上|上午|下午|晚上)?([零〇一二三四五六七八九十两]{1,3}|[0-9]{1,2})(?:到|至)/.exec(text.slice(i, i + 8));
    const ck2 = r ? clockAt(text, i + r[0].length) : null;
    if (r && ck2 && !ck2.part) {
      const add = r[1] === '下午' || r[1] === '晚上' ? 12 : 0;
      const h1 = (num(r[2] as string) ?? 0) + add;
      const h2 = Number(ck2.clock.start.slice(0, 2)) + (add && Number(ck2.clock.start.slice(0, 2)) < 12 ? add : 0);
      clock = { start: `${two(h1)}:00:00`, end: `${two(h2)}${ck2.clock.start.slice(2)}` };
      best = { end: ck2.end, span: null, anaphor: undefined, grain: undefined };
    }
  }
  if (!best) return i + 1;
  return finishAt(text, i, best, rangeTo, clock, doc, out);
}

type Best = { end: number; span: DaySpan | null; anaphor?: Anaphor; grain?: TimeExpr['grain'] };

/*
 * The expression read at i made whole (period ends, a repeated weekday, open
 * ends, a preposition, a deadline, a basis) and pushed to out; returns its end.
 * Apart from timeAt: these branches are rare, each first met after timeAt is
 * compiled threw the compiled scan away (--trace-deopt: insufficient type
 * feedback), and now only this smaller function is compiled again.
 */
function finishAt(text: string, i: number, best: Best, rangeTo: string | undefined, clock: TimeExpr['clock'], doc: Doc | null, out: TimeExpr[]): number {
  let start = i;
  let end = best.end;
  let span = best.span;
  let grain = best.grain;
  // the end of a period is its last day (FIGURES.md: stock figures at 2023年末, 3月末, 二季度末, 年底)
  if (span && !best.anaphor && rangeTo === undefined && !/[至到—–~～-]/.test(text.slice(i, end))) {
    const q = /^[末底](?![期端梢尾叶])/.test(text.slice(end, end + 2)) && /(?:季度|半年)$/.test(text.slice(i, end)) ? 1 : 0;
    if (q || /(?:[年月季][底末]|季度末)$/.test(text.slice(i, end))) {
      end += q;
      span = { start: span.end, end: span.end };
      grain = 'day';
    }
  }
  // 10月12号，星期一: the weekday repeats the date
  const wd = best.span && !best.anaphor ? /^[，,]?(?:星期|周|礼拜)[一二三四五六日天]/.exec(text.slice(end, end + 4)) : null;
  if (wd) end += wd[0].length;
  // open ends: …以来 / …起 / …开始 / 或之后 (since), …之后 (after), …前 / …之前 (before), 或之前 / 及以前 (until)
  let mod: TimeExpr['mod'];
  const anchor = span;
  // (前夕 is the eve, 前后 around it: no open end)
  const tail = /^(?:[或及](?:之后|以后)|[或及](?:之前|以前)|以来|起|开始|之后|以后|之前|以前|前(?![夕后]))/.exec(text.slice(end, end + 3));
  if (tail && !best.anaphor && !/以来$/.test(text.slice(start, end)) && !/^前[0-9一二三四五六七八九十两]/.test(text.slice(end, end + 2))) {
    const t = tail[0];
    mod = /^[或及](?:之后|以后)|以来|起|开始/.test(t) ? 'since' : /^[或及]/.test(t) ? 'until' : /后/.test(t) ? 'after' : 'before';
    if (span && doc) {
      if (mod === 'since') span = { start: span.start, end: doc.day > span.start ? doc.day : span.end };
      else if (mod === 'after') span = { start: addDays(span.end, 1), end: doc.day > span.end ? doc.day : addDays(span.end, 1) };
      // 2030年前 in an article of 2025: from the document date up to that day; 2020年前 in an
      // article of 2024: an open end before 2020, which no closed day span is (the anchor keeps what was read)
      else if (doc.day > span.end) span = null;
      else span = { start: doc.day < span.end ? doc.day : span.start, end: span.end };
    }
    end += t.length;
  } else if (/以来$/.test(text.slice(start, end))) mod = 'since';
  // 自2018年以来 / 自从2018年 / 从2016年3月1日开始 / 从一月十日到十二日: the preposition belongs to it
  const from = /(?:自从|自|从)$/.exec(text.slice(Math.max(0, start - 2), start));
  if (from && (mod === 'since' || /[到至—–~～-]/.test(text.slice(start, end)) || from[0].startsWith('自'))) {
    start -= from[0].length;
    if (!mod && from[0].startsWith('自')) {
      mod = 'since';
      if (span && doc && doc.day > span.start) span = { start: span.start, end: doc.day };
    }
  }
  // a deadline keeps its preposition in the text: 到2030年, 截至2025年6月末 (末/底 → that day)
  const before = text.slice(Math.max(0, start - 4), start);
  const dl = DEADLINE_BEFORE.exec(before);
  // 比上月和上年同期: a time joined to a basis is one too
  const last = out[out.length - 1];
  const isBasis = BASIS_BEFORE.test(before) && !dl && (!WEAK_BASIS_BEFORE.test(before) || COMPARISON_AFTER.test(text.slice(end, end + 24)) || (!!last && last.basis && last.end === start - 1));
  if (dl && !from && !best.anaphor && !/目前|当前/.test(text.slice(start, end))) {
    start -= dl[0].length;
    if (/^截/.test(dl[0])) mod ??= 'until';
    if (span && (/[底末]$/.test(text.slice(i, end)) || (grain === 'month' && dl[0] !== '到' && dl[0] !== '至'))) span = { start: span.end, end: span.end };
  }
  const e = timeExpr(start, end, text.slice(start, end), span, isBasis, best.anaphor, grain);
  if (mod) {
    e.mod = mod;
    e.anchor = anchor;
  }
  if (best.anaphor === 'set') e.set = true;
  if (rangeTo && !mod) e.to = rangeTo;
  if (clock) e.clock = clock;
  out.push(e);
  return end;
}

/**
 * A time expression with every field present (unset ones undefined), in one
 * order: one object shape for all of them. The scan and the readers of its
 * output (mergeRanges, attribution) otherwise meet a new shape for each
 * combination of mod, set, to and clock, and their compiled code is thrown
 * away again and again in a document's first pass (--trace-deopt: "wrong map").
 */
function timeExpr(start: number, end: number, text: string, span: DaySpan | null, basis: boolean, anaphor: Anaphor | undefined, grain: TimeExpr['grain']): TimeExpr {
  return { start, end, text, span, basis, anaphor, grain, mod: undefined, anchor: undefined, set: undefined, clock: undefined, to: undefined };
}

/**
 * Two expressions joined into one range: 18年10月1日到19年2月3日, 从昨天下午两点到明天四点,
 * 2015年和2018年之间, 1月15号4点和2月3号9点之间. The range ends where the second one does;
 * `to` keeps the second one's first day.
 */
function mergeRanges(text: string, xs: TimeExpr[]): TimeExpr[] {
  const out: TimeExpr[] = [];
  /** the span of the last holiday named (国庆中秋假期), what 假期前四天 counts from */
  let holiday: DaySpan | null = null;
  for (let k = 0; k < xs.length; k++) {
    const a = xs[k] as TimeExpr;
    // 国庆中秋假期…；假期前四天: the first days of the holiday named before, not the days before the document date
    const first = holiday && a.span && !a.basis ? /^前([0-9一二三四五六七八九十两]{1,3})[天日]$/.exec(a.text) : null;
    const word = first ? /(?:假期|长假|黄金周)$/.exec(text.slice(Math.max(0, a.start - 3), a.start)) : null;
    const days = first ? num(first[1] as string) : null;
    if (word && days && holiday && (out.length === 0 || (out[out.length - 1] as TimeExpr).end <= a.start - word[0].length)) {
      const last = addDays(holiday.start, days - 1);
      const st = a.start - word[0].length;
      out.push(timeExpr(st, a.end, text.slice(st, a.end), { start: holiday.start, end: last < holiday.end ? last : holiday.end }, false, undefined, undefined));
      continue;
    }
    if (a.span && !a.basis && !a.anaphor && /(?:假期|长假|黄金周)$/.test(a.text)) holiday = a.span;
    const b = xs[k + 1];
    if (b && !a.anaphor && !b.anaphor && !a.mod && a.span && b.span) {
      const gap = text.slice(a.end, b.start);
      const between = gap === '和' || gap === '与' ? /^之?间/.exec(text.slice(b.end, b.end + 2)) : null;
      if (/^(?:到|至|-|—|~|～)$/.test(gap) || between) {
        const end = between ? b.end + between[0].length : b.end;
        const m = timeExpr(a.start, end, text.slice(a.start, end), { start: a.span.start, end: b.span.end }, a.basis, undefined, undefined);
        m.to = b.span.start;
        if (a.clock || b.clock) m.clock = { start: a.clock?.start ?? '00:00:00', end: b.clock?.start ?? '00:00:00' };
        out.push(m);
        k++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

