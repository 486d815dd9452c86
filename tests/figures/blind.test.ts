/**
 * The blind attribution set (tests/figures/blind/fresh.jsonl, see the README
 * there): written from FIGURES.md alone by someone who never saw the code. It
 * is not a development set to reach 100% on; this test pins a floor so that a
 * later change cannot silently lose what the set measures. Rows it gets wrong
 * are listed on failure (some gold lines are debatable, see the README).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS, loadCases, scoreCases } from '../../src/extract/figures/score-attribution.js';
import { ROOT } from './score.js';

/** All five fields right for at least this many of the 123 figures (121 = 98.4% on 2026-12-02; first score on main was 93 = 75.6%). */
const ALL_FIVE_FLOOR = 121;

describe('blind attribution set', () => {
  const rows = scoreCases(loadCases([join(ROOT, 'tests/figures/blind/fresh.jsonl')]));
  it('has the 123 figures of its 30 texts', () => expect(rows.length).toBe(123));
  it(`has all five fields right for at least ${ALL_FIVE_FLOOR} figures`, () => {
    const wrong = rows.filter((r) => !FIELDS.every((f) => r.ok[f]));
    const listed = wrong.map((r) => `${r.id} ${r.text}: ` + FIELDS.filter((f) => !r.ok[f]).map((f) => `${f} expected ${JSON.stringify(r.expected[f])} got ${JSON.stringify(r.got[f])}`).join('; '));
    expect(rows.length - wrong.length, listed.join('\n')).toBeGreaterThanOrEqual(ALL_FIVE_FLOOR);
  });
});
