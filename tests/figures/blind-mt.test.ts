/**
 * The money and time sets (tests/figures/blind/mtA.jsonl, mtB.jsonl; see the README there):
 * 240 sentences written from FIGURES.md alone by someone who never saw the code, each with
 * one money amount or one time expression and its gold, split alternately into two halves.
 * Half A was handed to the helper fixing the readers; half B stayed blind until that work
 * was merged. Floors pin what they measure; misses are listed on failure.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMtCases, scoreMt } from '../../src/extract/figures/score-mt.js';
import { ROOT } from './score.js';

const SETS = [
  /** 2026-12-02: money 50/50, time 68/70; first scores 44/50 and 36/70 */
  { file: 'mtA.jsonl', money: 50, moneyFloor: 50, time: 70, timeFloor: 68 },
  /** 2026-12-02, blind until merged: money 47/50, time 70/70; first scores 46/50 and 36/70 */
  { file: 'mtB.jsonl', money: 50, moneyFloor: 47, time: 70, timeFloor: 70 },
];

for (const set of SETS) {
  describe(`money and time set ${set.file}`, () => {
    const rows = scoreMt(loadMtCases([join(ROOT, 'tests/figures/blind', set.file)]));
    const of = (kind: string) => rows.filter((r) => r.kind === kind);
    const misses = (kind: string) => of(kind).filter((r) => !r.ok).map((r) => `${r.id} ${r.expr}: got ${r.got}`).join('\n');
    it(`has ${set.money} money and ${set.time} time cases`, () => {
      expect(of('money').length).toBe(set.money);
      expect(of('time').length).toBe(set.time);
    });
    it(`reads at least ${set.moneyFloor} money amounts fully right`, () => {
      expect(of('money').filter((r) => r.ok).length, misses('money')).toBeGreaterThanOrEqual(set.moneyFloor);
    });
    it(`resolves at least ${set.timeFloor} times to the exact day span`, () => {
      expect(of('time').filter((r) => r.ok).length, misses('time')).toBeGreaterThanOrEqual(set.timeFloor);
    });
  });
}
