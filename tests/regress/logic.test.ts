/** The diff and score logic on synthetic data: what passes and what fails. */
import { describe, expect, it } from 'vitest';
import {
  compareScores, contextOf, diffIsEmpty, diffRecords, formatDiff, groupByRule, match, recordLine, scoreAll, sortRecords, verdict,
  type BaselineRecord, type GoldItem,
} from '../../src/regress/index.js';

const TEXT = '今年前7个月，北京经开区投资5亿元，增长36.8%。';
const rec = (text: string, label: string, extra: Partial<BaselineRecord> = {}): BaselineRecord => {
  const start = TEXT.indexOf(text);
  return { doc: 'd1', label, start, end: start + text.length, rawStart: start, rawEnd: start + text.length, text, rule: label.startsWith('figure') ? 'figure-x' : 'entity-x', ruleVersion: 1, ...extra };
};
const BASE: BaselineRecord[] = sortRecords([
  rec('北京经开区', 'mention:ORG'),
  rec('5亿元', 'figure:money', { value: 5e8, unit: '元', rule: 'figure-money' }),
  rec('36.8%', 'figure:percent', { value: 36.8, unit: '%', rule: 'figure-percent' }),
]);

describe('diff', () => {
  it('is empty for the same records in any order', () => {
    const d = diffRecords(BASE, [...BASE].reverse());
    expect(diffIsEmpty(d)).toBe(true);
    expect(verdict({ noBaseline: false, drops: [], diff: d, corpusChanged: [] })).toBe(true);
  });
  it('shows added, removed and changed records, grouped by rule, with context', () => {
    const cur = [
      rec('北京经开区', 'mention:ORG'),
      rec('5亿元', 'figure:money', { value: 5e9, unit: '元', rule: 'figure-money', ruleVersion: 2 }), // changed value
      rec('今年前7个月', 'figure:period', { value: null, unit: null, rule: 'figure-date' }), // added
      // 36.8% removed
    ];
    const d = diffRecords(BASE, cur);
    expect(d.added.map((r) => r.text)).toEqual(['今年前7个月']);
    expect(d.removed.map((r) => r.text)).toEqual(['36.8%']);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]!.fields).toEqual(['ruleVersion', 'value']);
    expect(groupByRule(d).map((g) => [g.rule, g.added.length, g.removed.length, g.changed.length])).toEqual([
      ['figure-date', 1, 0, 0],
      ['figure-money', 0, 0, 1],
      ['figure-percent', 0, 1, 0],
    ]);
    const text = formatDiff(d, new Map([['d1', TEXT]]));
    expect(text).toContain('rule figure-percent: +0 −1 ~0');
    expect(text).toContain('【36.8%】');
    expect(text).toContain('value 500000000 → 5000000000');
    expect(verdict({ noBaseline: false, drops: [], diff: d, corpusChanged: [] })).toBe(false);
  });
  it('a kind change at the same span is one change, not a removal and an addition', () => {
    const d = diffRecords(BASE, BASE.map((r) => (r.text === '36.8%' ? { ...r, label: 'figure:ratio' } : r)));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed.map((c) => c.fields)).toEqual([['label']]);
  });
  it('counts duplicates as a multiset', () => {
    const dup = [...BASE, BASE[0]!];
    expect(diffRecords(BASE, dup).added).toHaveLength(1);
    expect(diffRecords(dup, BASE).removed).toHaveLength(1);
  });
  it('context marks the span, and falls back to the text alone when offsets no longer fit', () => {
    expect(contextOf(TEXT, BASE[0]!, 3)).toBe('…个月，【北京经开区】投资5…');
    expect(contextOf('short', BASE[0]!)).toBe('【北京经开区】');
  });
  it('writes records with a fixed key order', () => {
    expect(recordLine({ ...BASE[0]!, rule: 'r', doc: 'd' })).toMatch(/^\{"doc":"d","label":"mention:ORG","start":/);
  });
});

const gold: GoldItem[] = [
  { doc: 'd1', label: 'figure:period', text: '今年前7个月', value: null, unit: null },
  { doc: 'd1', label: 'figure:money', text: '5亿元', value: 5e8, unit: '元' },
  { doc: 'd1', label: 'figure:percent', text: '36.8%', value: 36.8, unit: '%' },
];
const goldMap = new Map([['d1', new Map([['figure', gold]])]]);

describe('scores', () => {
  it('matches on text, value and unit in document order', () => {
    const preds = BASE.filter((r) => r.label.startsWith('figure'));
    expect(match(gold, preds)).toEqual([[1, 0], [2, 1]]);
    expect(match(gold, [{ ...preds[0]!, unit: '美元' }])).toEqual([]);
  });
  it('pairs gold with offsets to the nearest agreeing prediction, so one miss does not cascade', () => {
    const TXT = '北京，上海，北京，上海';
    const m = (start: number, text: string): BaselineRecord => ({ doc: 'd', label: 'mention:LOC', start, end: start + 2, rawStart: start, rawEnd: start + 2, text, rule: 'r', ruleVersion: 1 });
    void TXT;
    // the first 北京 was not predicted: order-greedy matching would pair it with the second and lose the first 上海
    const preds = [m(3, '上海'), m(6, '北京'), m(9, '上海')];
    const g = (start: number, text: string): GoldItem => ({ doc: 'd', label: 'mention:LOC', text, start });
    expect(match([g(0, '北京'), g(3, '上海'), g(6, '北京'), g(9, '上海')], preds)).toEqual([[1, 0], [2, 1], [3, 2]]);
    // too far away is no match
    expect(match([g(500, '北京')], preds)).toEqual([]);
  });
  it('matches a relation whichever end is the head', () => {
    const p: BaselineRecord = { doc: 'd', label: 'relation:person-title-org', start: 0, end: 9, rawStart: 0, rawEnd: 9, text: '长木谷董事长张逸凌', head: '张逸凌', tail: '长木谷', title: '董事长', rule: 'r', ruleVersion: 1 };
    const g: GoldItem = { doc: 'd', label: 'relation:person-title-org', text: '', head: '长木谷', tail: '张逸凌', title: '董事长', start: 0 };
    expect(match([g], [p])).toEqual([[0, 0]]);
    expect(match([{ ...g, title: '总经理' }], [p])).toEqual([]);
  });
  it('scores per label and per rule', () => {
    const s = scoreAll({ gold: goldMap, records: BASE });
    expect(s.byLabel['figure:money']).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(s.byLabel['figure:period']).toMatchObject({ gold: 1, pred: 0, recall: 0, precision: 1, f1: 0 });
    expect(s.byRule['figure-percent']).toMatchObject({ precision: 1, recall: 1, tpPred: 1 });
    // mentions have no gold here: not scored
    expect(s.byLabel['mention:ORG']).toBeUndefined();
  });
  it('a wrong kind costs that kind precision and the gold kind recall', () => {
    const s = scoreAll({ gold: goldMap, records: BASE.map((r) => (r.text === '36.8%' ? { ...r, label: 'figure:ratio' } : r)) });
    expect(s.byLabel['figure:percent']).toMatchObject({ recall: 1, pred: 0 });
    expect(s.byLabel['figure:ratio']).toMatchObject({ gold: 0, pred: 1, precision: 1 });
  });
  it('a dropped score fails; a better or equal one passes', () => {
    const stored = scoreAll({ gold: goldMap, records: BASE });
    const worse = scoreAll({ gold: goldMap, records: BASE.filter((r) => r.text !== '5亿元') });
    const drops = compareScores(stored, worse);
    expect(drops.map((d) => `${d.scope}:${d.key}:${d.measure}`)).toEqual([
      'label:figure:money:recall', 'label:figure:money:f1', 'rule:figure-money:precision', 'rule:figure-money:recall', 'rule:figure-money:f1',
    ]);
    expect(verdict({ noBaseline: false, drops, diff: diffRecords(BASE, BASE), corpusChanged: [] })).toBe(false);
    const better = scoreAll({ gold: goldMap, records: [...BASE, rec('今年前7个月', 'figure:period', { value: null, unit: null, rule: 'figure-date' })] });
    expect(compareScores(stored, better)).toEqual([]);
  });
  it('an extra false positive lowers precision and fails', () => {
    const stored = scoreAll({ gold: goldMap, records: BASE });
    const noisy = scoreAll({ gold: goldMap, records: [...BASE, rec('北京经开区', 'figure:money', { value: 1, unit: '元', rule: 'figure-money' })] });
    expect(compareScores(stored, noisy).some((d) => d.key === 'figure-money' && d.measure === 'precision')).toBe(true);
  });
  it('scores only the labels the gold annotates completely, on both sides', () => {
    const s = scoreAll({ gold: goldMap, records: BASE, annotated: (_f, label) => label !== 'figure:period' });
    expect(s.byLabel['figure:period']).toBeUndefined();
    expect(s.byLabel['figure:money']).toMatchObject({ precision: 1, recall: 1 });
  });
  it('no baseline fails', () => {
    expect(verdict({ noBaseline: true, drops: [], diff: diffRecords([], []), corpusChanged: [] })).toBe(false);
  });
});
