/**
 * The blind attribution sets (tests/figures/blind/fresh.jsonl, fresh2.jsonl and fresh3.jsonl, see
 * the README there): each written from FIGURES.md alone by someone who never saw the
 * code. They are no development sets to reach 100% on; this test pins floors so that a
 * later change cannot silently lose what the sets measure. Rows it gets wrong
 * are listed on failure (some gold lines are debatable, see the README).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS, loadCases, scoreCases } from '../../src/extract/figures/score-attribution.js';
import { ROOT } from './score.js';

/** All five fields right for at least this many of the 123 figures (121 = 98.4% on 2026-12-02; first score on main was 93 = 75.6%). */
const ALL_FIVE_FLOOR = 121;

/** The second set (fresh2.jsonl): 130 of 130 on 2026-12-02 (first score on main after round one was 109 = 83.8%). */
const ALL_FIVE_FLOOR_2 = 130;

/** The third set (fresh3.jsonl): 139 of 139 on 2026-12-02 (first scores: 102 = 73.4% on main after round one, 109 = 78.4% after round two). */
const ALL_FIVE_FLOOR_3 = 139;

describe('blind attribution set', () => {
  const rows = scoreCases(loadCases([join(ROOT, 'tests/figures/blind/fresh.jsonl')]));
  it('has the 123 figures of its 30 texts', () => expect(rows.length).toBe(123));
  it(`has all five fields right for at least ${ALL_FIVE_FLOOR} figures`, () => {
    const wrong = rows.filter((r) => !FIELDS.every((f) => r.ok[f]));
    const listed = wrong.map((r) => `${r.id} ${r.text}: ` + FIELDS.filter((f) => !r.ok[f]).map((f) => `${f} expected ${JSON.stringify(r.expected[f])} got ${JSON.stringify(r.got[f])}`).join('; '));
    expect(rows.length - wrong.length, listed.join('\n')).toBeGreaterThanOrEqual(ALL_FIVE_FLOOR);
  });
});

describe('second blind attribution set', () => {
  const rows = scoreCases(loadCases([join(ROOT, 'tests/figures/blind/fresh2.jsonl')]));
  it('has the 130 figures of its 30 texts', () => expect(rows.length).toBe(130));
  it(`has all five fields right for at least ${ALL_FIVE_FLOOR_2} figures`, () => {
    const wrong = rows.filter((r) => !FIELDS.every((f) => r.ok[f]));
    const listed = wrong.map((r) => `${r.id} ${r.text}: ` + FIELDS.filter((f) => !r.ok[f]).map((f) => `${f} expected ${JSON.stringify(r.expected[f])} got ${JSON.stringify(r.got[f])}`).join('; '));
    expect(rows.length - wrong.length, listed.join('\n')).toBeGreaterThanOrEqual(ALL_FIVE_FLOOR_2);
  });
});

describe('third blind attribution set', () => {
  const rows = scoreCases(loadCases([join(ROOT, 'tests/figures/blind/fresh3.jsonl')]));
  it('has the 139 figures of its 30 texts', () => expect(rows.length).toBe(139));
  it(`has all five fields right for at least ${ALL_FIVE_FLOOR_3} figures`, () => {
    const wrong = rows.filter((r) => !FIELDS.every((f) => r.ok[f]));
    const listed = wrong.map((r) => `${r.id} ${r.text}: ` + FIELDS.filter((f) => !r.ok[f]).map((f) => `${f} expected ${JSON.stringify(r.expected[f])} got ${JSON.stringify(r.got[f])}`).join('; '));
    expect(rows.length - wrong.length, listed.join('\n')).toBeGreaterThanOrEqual(ALL_FIVE_FLOOR_3);
  });
});
