/**
 * The attribution development set (tests/figures/attribution/*.jsonl): cases
 * written fresh for this project in the register of statistics releases,
 * government work reports, targets and company results, following FIGURES.md.
 * They are pinning/development cases (the held-out set is written by others);
 * each runs through the whole pipeline, entities included.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS, loadCases, scoreCases } from '../../src/extract/figures/score-attribution.js';
import { ROOT } from './score.js';

const dir = join(ROOT, 'tests/figures/attribution');
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => join(dir, f));

describe('attribution dev set', () => {
  const rows = scoreCases(loadCases(files));
  it('has cases', () => expect(rows.length).toBeGreaterThanOrEqual(30));
  for (const r of rows)
    it(`${r.id}: ${r.text}`, () => {
      const wrong = FIELDS.filter((f) => !r.ok[f]).map((f) => `${f}: expected ${JSON.stringify(r.expected[f])}, got ${JSON.stringify(r.got[f])}`);
      expect(wrong).toEqual([]);
    });
});
