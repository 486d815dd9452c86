/**
 * Rules are units: every src/extract/rules/figure-* folder has rule.ts and
 * rule.test.ts, its id equals the folder name, and it is registered (sorted)
 * in the figures pack; attribution works on the example.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFigures, figureRules, overlapPolicyName } from '../../src/extract/packs/figures.js';
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
    expect(overlapPolicyName).toBe('longest-most-specific');
  });
  it('rules run without tokens and never mutate their input', () => {
    const text = '今年前7个月，天津市南开区固定资产投资同比增长36.8%。';
    const ctx = Object.freeze({ text, tokens: Object.freeze([]), sentences: Object.freeze([]), blocks: Object.freeze([]), docDate: null });
    for (const r of figureRules) expect(() => r.run(ctx)).not.toThrow();
  });
});

describe('attribution', () => {
  it('metric, change, basis, subject and time of the issue example', () => {
    const text = '今年前7个月，天津市南开区固定资产投资同比增长36.8%。';
    const f = extractFigures(text, '2024-09-05').find((h) => h.kind === 'percent')!;
    expect({ metric: f.metric, change: f.change, basis: f.basis, subject: f.subject, time: f.time }).toEqual({
      metric: '固定资产投资',
      change: '增长',
      basis: '同比',
      subject: '南开区',
      time: '今年前7个月',
    });
  });
  it('a deadline keeps its preposition: 到2027年', () => {
    const text = '到2027年，全省智能机器人产业链营业收入达到1000亿元。';
    const f = extractFigures(text).find((h) => h.kind === 'money')!;
    expect(f.time).toBe('到2027年');
    expect(f.metric).toBe('全省智能机器人产业链营业收入');
  });
  it('a change clause inherits the metric of the figure before it', () => {
    const text = '国内出游人次56.15亿，同比增长14.8%。';
    const f = extractFigures(text).find((h) => h.kind === 'percent')!;
    expect([f.metric, f.change, f.basis]).toEqual(['国内出游人次', '增长', '同比']);
  });
});
