/**
 * The dev halves of src/eval/mention-errors.ts: the first half of a dev block
 * tunes, the second only reports. The two halves are disjoint, cover the
 * block in order, and cut at a document boundary (20 rows a document).
 */
import { describe, expect, it } from 'vitest';
import { devHalf } from '../../src/eval/mention-errors.js';

const rows = (n: number): number[] => Array.from({ length: n }, (_v, k) => k);

describe('devHalf', () => {
  it('splits a block of 4,493 rows at row 2,240, a multiple of 20', () => {
    const block = rows(4493);
    const tune = devHalf(block, 'tune');
    const report = devHalf(block, 'report');
    expect(tune.length).toBe(2240);
    expect(report[0]).toBe(2240);
    expect([...tune, ...report]).toEqual(block);
  });

  it('keeps the whole block without a half', () => {
    expect(devHalf(rows(53), '')).toEqual(rows(53));
  });

  it('leaves a block shorter than two documents to the report half', () => {
    expect(devHalf(rows(39), 'tune')).toEqual([]);
    expect(devHalf(rows(39), 'report')).toEqual(rows(39));
  });
});
