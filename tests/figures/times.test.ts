/** Time expressions resolved to day spans against the document date (FIGURES.md, Time and period). */
import { describe, expect, it } from 'vitest';
import { scanTimes } from '../../src/extract/figures/times.js';

function one(text: string, doc: string | null): { text: string; span: { start: string; end: string } | null; basis: boolean } {
  const xs = scanTimes(text, doc).filter((t) => !t.set);
  expect(xs.length, text).toBeGreaterThan(0);
  const t = xs[0]!;
  return { text: t.text, span: t.span, basis: t.basis };
}

const span = (start: string, end: string) => ({ start, end });

describe('time expressions', () => {
  const cases: Array<[string, string, string, { start: string; end: string } | null]> = [
    ['今年前三季度，', '2025-10-20', '今年前三季度', span('2025-01-01', '2025-09-30')],
    ['12月份，', '2025-01-08', '12月份', span('2024-12-01', '2024-12-31')],
    ['到2030年，', '2025-03-01', '到2030年', span('2030-01-01', '2030-12-31')],
    ['到2030年底，', '2025-03-01', '到2030年底', span('2030-12-31', '2030-12-31')],
    ['截至6月末，', '2025-07-15', '截至6月末', span('2025-06-30', '2025-06-30')],
    ['截至2025年6月30日，', '2025-07-15', '截至2025年6月30日', span('2025-06-30', '2025-06-30')],
    ['截至目前，', '2025-07-15', '截至目前', span('2025-07-15', '2025-07-15')],
    ['今年以来，', '2025-07-15', '今年以来', span('2025-01-01', '2025-07-15')],
    ['近三年，', '2025-05-20', '近三年', span('2022-01-01', '2024-12-31')],
    // 过去一年 early in the year (a work report, an annual review) is the calendar year just ended; later, the last 12 months
    ['过去一年，', '2025-01-15', '过去一年', span('2024-01-01', '2024-12-31')],
    ['过去五年，', '2023-03-05', '过去五年', span('2018-01-01', '2022-12-31')],
    ['过去一年，', '2025-06-15', '过去一年', span('2024-06-15', '2025-06-14')],
    ['去年，', '2025-05-20', '去年', span('2024-01-01', '2024-12-31')],
    ['上月，', '2025-01-10', '上月', span('2024-12-01', '2024-12-31')],
    ['前11个月，', '2025-12-10', '前11个月', span('2025-01-01', '2025-11-30')],
    ['三年前', '2025-05-20', '三年前', span('2022-05-20', '2022-05-20')],
    ['20天后', '2025-05-20', '20天后', span('2025-06-09', '2025-06-09')],
    ['上个月15号', '2025-05-20', '上个月15号', span('2025-04-15', '2025-04-15')],
    ['下周六', '2025-05-20', '下周六', span('2025-05-31', '2025-05-31')],
    ['本季度', '2025-05-20', '本季度', span('2025-04-01', '2025-06-30')],
    ['2023年起', '2025-05-20', '2023年起', span('2023-01-01', '2025-05-20')],
    ['2030年前', '2025-05-20', '2030年前', span('2025-05-20', '2030-12-31')],
    // before a year that is over: an open end, no closed day span (not the year itself)
    ['2020年前，该市已完成改造', '2024-06-01', '2020年前', null],
    ['2020年以前', '2024-06-01', '2020年以前', null],
    // a year still running: from the document date to its end
    ['2024年前完成', '2024-06-01', '2024年前', span('2024-06-01', '2024-12-31')],
    // a festival's name in quotes is still the festival: the holiday word after the closing quote gives the official span
    ['今年“五一”假期，', '2025-05-06', '今年“五一”假期', span('2025-05-01', '2025-05-05')],
    ['上世纪80年代', '2025-05-20', '上世纪80年代', span('1980-01-01', '1989-12-31')],
    ['九零年代', '2025-05-20', '九零年代', span('1990-01-01', '1999-12-31')],
    ['15年3月', '2025-05-20', '15年3月', span('2015-03-01', '2015-03-31')],
    // weeks Monday to Sunday, numbered as ISO 8601 numbers a year's (week 1 holds the first Thursday)
    ['3月第二周', '2025-05-20', '3月第二周', span('2025-03-10', '2025-03-16')],
    ['11月的第一周', '2025-05-20', '11月的第一周', span('2024-11-04', '2024-11-10')],
    ['2026年第一周', '2025-05-20', '2026年第一周', span('2025-12-29', '2026-01-04')],
    ['“十四五”期间', '2025-05-20', '“十四五”期间', span('2021-01-01', '2025-12-31')],
    // holidays and lunar dates through lunar-typescript and chinese-days
    ['春节', '2025-01-10', '春节', span('2025-01-29', '2025-01-29')],
    ['今年国庆假期', '2025-09-20', '今年国庆假期', span('2025-10-01', '2025-10-08')],
    ['中秋', '2024-09-01', '中秋', span('2024-09-17', '2024-09-17')],
    ['大年初五', '2025-02-01', '大年初五', span('2025-02-02', '2025-02-02')],
    ['腊月二十三', '2025-01-10', '腊月二十三', span('2025-01-22', '2025-01-22')],
    ['今年', '2025-05-20', '今年', span('2025-01-01', '2025-12-31')],
    ['今年', null as never, '今年', null],
  ];
  for (const [text, doc, expText, expSpan] of cases)
    it(`${text} (${doc})`, () => {
      const t = one(text, doc);
      expect([t.text, t.span]).toEqual([expText, expSpan]);
    });
  it('an open end before a past year keeps what it is anchored to', () => {
    const [t] = scanTimes('2020年前，该市已完成改造', '2024-06-01');
    expect([t!.mod, t!.anchor]).toEqual(['before', span('2020-01-01', '2020-12-31')]);
  });
  it('a basis is marked, not taken as the time', () => {
    const xs = scanTimes('营业收入比2023年增长8%，较年初增加', '2025-05-20');
    expect(xs.map((t) => [t.text, t.basis])).toEqual([
      ['2023年', true],
      ['年初', true],
    ]);
  });
});
