/**
 * The rules against the committed gold and baseline: fails when a score drops
 * or any extraction differs from tests/baseline. After an intended change run
 * `zhnews regress` to review, then
 * `zhnews regress --accept` and commit tests/baseline (docs/regress.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatRegress, runRegress, type RegressResult } from '../../src/regress/index.js';
import { docIds, loadGold, predict, score } from '../figures/score.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('regress', () => {
  let r: RegressResult;
  beforeAll(async () => {
    r = await runRegress({ root: ROOT });
  });

  it('passes against the committed baseline and scores', () => {
    expect(r.accepted).toBe(false);
    expect(r.ok, formatRegress(r)).toBe(true);
  });

  it('scores figures the same as the figures gold test', () => {
    let tp = 0;
    let gold = 0;
    for (const id of docIds()) {
      const g = loadGold(id);
      const s = score(g, predict(id).preds);
      tp += s.tp;
      gold += g.length;
    }
    const figures = Object.entries(r.scores.byLabel).filter(([k]) => k.startsWith('figure:'));
    expect(figures.reduce((n, [, m]) => n + m.tpGold, 0)).toBe(tp);
    expect(figures.reduce((n, [, m]) => n + m.gold, 0)).toBe(gold);
  });
});
