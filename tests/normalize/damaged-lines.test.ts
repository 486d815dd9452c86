import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { damagedLines } from './helpers.js';

describe('damaged corpus lines (hand-written clean forms)', () => {
  const rows = damagedLines();
  it('covers the census', () => {
    expect(rows.length).toBeGreaterThan(250);
    expect(new Set(rows.map((r) => r.doc)).size).toBe(5);
  });
  it('at least 98% come out exactly right', () => {
    const failures: string[] = [];
    for (const r of rows) {
      const out = normalize(r.raw).text;
      if (out !== r.clean) {
        failures.push(`${r.doc}:${r.line}${r.note ? ` (${r.note})` : ''}\n  raw:  ${JSON.stringify(r.raw)}\n  want: ${JSON.stringify(r.clean)}\n  got:  ${JSON.stringify(out)}`);
      }
    }
    const ok = rows.length - failures.length;
    console.log(`damaged lines exactly right: ${ok}/${rows.length} = ${((100 * ok) / rows.length).toFixed(2)}%`);
    if (failures.length) console.log(`failures:\n${failures.join('\n')}`);
    expect(ok / rows.length).toBeGreaterThanOrEqual(0.98);
  });
});
