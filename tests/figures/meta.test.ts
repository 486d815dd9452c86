/**
 * Rules are units: every src/extract/rules/figure-* folder has rule.ts and
 * rule.test.ts, its id equals the folder name, and it is registered (sorted)
 * in the figures pack; attribution works on the example.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFigures, figureRules } from '../../src/extract/packs/figures.js';
import { ROOT } from './score.js';

const RULES = join(ROOT, 'src/extract/rules');
const folders = readdirSync(RULES).filter((d) => d.startsWith('figure-')).sort();

describe('figure rules are units', () => {
  it('every folder has rule.ts and rule.test.ts and is registered', () => {
    for (const d of folders) {
      expect(existsSync(join(RULES, d, 'rule.ts')), d).toBe(true);
      expect(existsSync(join(RULES, d, 'rule.test.ts')), d).toBe(true);
    }
    expect(figureRules.map((r) => r.id)).toEqual(folders);
  });
  it('registry sorted by id, ids kebab-case, versions integers', () => {
    const ids = figureRules.map((r) => r.id);
    expect([...ids].sort()).toEqual(ids);
    for (const r of figureRules) {
      expect(r.id).toMatch(/^figure-[a-z]+(-[a-z]+)*$/);
      expect(Number.isInteger(r.version)).toBe(true);
      expect(r.emits).toBe('figure');
      expect(r.needs).toEqual([]);
    }
  });
  it('figure rules read the text alone: no tokens needed (mutation is checked on a frozen document in tests/extract/meta.test.ts)', () => {
    const text = '今年前7个月，天津市南开区固定资产投资同比增长36.8%。';
    const ctx = { text, tokens: [], sentences: [], blocks: [], docDate: '2024-09-05' };
    const kinds = figureRules.flatMap((r) => r.run(ctx).map((h) => h.kind));
    expect(kinds).toEqual(expect.arrayContaining(['period', 'percent']));
  });
});

describe('attribution (FIGURES.md)', () => {
  it('metric, change, basis, subject (an entity mention) and period of the issue example', () => {
    const text = '今年前7个月，天津市南开区固定资产投资同比增长36.8%。';
    // the entity stage names the place; the figure stage takes its subject from it
    const at = text.indexOf('天津市南开区');
    const f = extractFigures(text, '2024-09-05', { mentions: [{ type: 'LOC', start: at, end: at + 6 }] }).find((h) => h.kind === 'percent')!;
    expect({ metric: f.metric, change: f.change, basis: f.basis, subject: f.subject, subjectEntity: f.subjectEntity, time: f.time, period: f.period }).toEqual({
      metric: '固定资产投资',
      change: '增长',
      basis: '同比',
      subject: '天津市南开区',
      subjectEntity: 'LOC:天津市南开区',
      time: '今年前7个月',
      period: { start: '2024-01-01', end: '2024-07-31' },
    });
  });
  it('a name the entity stage reads before 类 names a category of goods, not the subject', () => {
    // (an ORG mention over 家电: the category's name, 家电类商品零售额, stays the metric; the city named before is the subject)
    const text = '国庆假期，澄州市重点商贸企业实现销售额21.6亿元。其中，家电类商品零售额增长17.3%。';
    const city = text.indexOf('澄州市');
    const at = text.indexOf('家电类');
    const f = extractFigures(text, '2024-10-08', { mentions: [{ type: 'LOC', start: city, end: city + 3 }, { type: 'ORG', start: at, end: at + 2 }] }).find((h) => h.kind === 'percent')!;
    expect([f.subject, f.metric]).toEqual(['澄州市', '家电类商品零售额']);
  });
  it('without a mention a subject is a whole place-shaped name at a clause start, never a fragment', () => {
    // two characters + 市/县 at a clause start, the parts of a place inside it joined (天津市 + 南开区)
    const f = extractFigures('今年前7个月，天津市南开区固定资产投资同比增长36.8%。', '2024-09-05').find((h) => h.kind === 'percent')!;
    expect([f.subject, f.metric]).toEqual(['天津市南开区', '固定资产投资']);
    // common nouns with a division character (城市, 超市, 社区) and words inside a phrase are no places
    for (const text of ['今年前7个月，城市居民人均可支配收入同比增长5.1%。', '今年前7个月，超市销售额同比增长5.1%。', '今年前7个月，部分社区服务收入同比增长5.1%。'])
      expect(extractFigures(text, '2024-09-05').find((h) => h.kind === 'percent')!.subject).toBeNull();
  });
  it('a deadline keeps its preposition (到2027年) and resolves to that year; 全省 is no part of the metric', () => {
    const text = '到2027年，全省智能机器人产业链营业收入达到1000亿元。';
    const f = extractFigures(text, '2025-03-01').find((h) => h.kind === 'money')!;
    expect(f.time).toBe('到2027年');
    expect(f.period).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(f.metric).toBe('智能机器人产业链营业收入');
  });
  it('a change clause inherits the metric of the figure before it; 国内 makes it national', () => {
    const text = '国内智能手机出货量1.38亿部，同比增长9.7%。';
    const f = extractFigures(text).find((h) => h.kind === 'percent')!;
    expect([f.metric, f.change, f.basis, f.subject]).toEqual(['智能手机出货量', '增长', '同比', '全国']);
  });
  it('国内 before 游客/旅游/出游 is domestic tourism (as against inbound) and stays in the metric; the subject is still 全国', () => {
    const text = '国内出游人次56.15亿，同比增长14.8%。';
    const f = extractFigures(text).find((h) => h.kind === 'percent')!;
    expect([f.metric, f.change, f.basis, f.subject]).toEqual(['国内出游人次', '增长', '同比', '全国']);
  });
  it('a basis is never the time: 比去年同期, 较年初', () => {
    const text = '今年上半年，全国社会物流总额比去年同期增长5.7%；较年初增加1.2万亿元。';
    const fs = extractFigures(text, '2025-07-20').filter((h) => h.kind !== 'date' && h.kind !== 'period');
    expect(fs.map((f) => [f.time, f.basis])).toEqual([
      ['今年上半年', '比去年同期'],
      ['今年上半年', '较年初'],
    ]);
  });
  it('the context resets at an article boundary', () => {
    const text = '今年一季度，全国粮食产量增长3%。\n\n新闻二\n营业收入12亿元。';
    const second = text.indexOf('新闻二');
    const blocks = [
      { index: 0, kind: 'paragraph', article: 0, start: 0, end: second - 2 },
      { index: 1, kind: 'paragraph', article: 1, start: second, end: text.length },
    ] as never;
    const f = extractFigures(text, '2025-05-01', { blocks }).find((h) => h.kind === 'money')!;
    expect([f.time, f.subject]).toEqual([null, null]);
    const g = extractFigures(text, '2025-05-01').find((h) => h.kind === 'money')!;
    expect([g.time, g.subject]).toEqual(['今年一季度', '全国']);
  });
});
