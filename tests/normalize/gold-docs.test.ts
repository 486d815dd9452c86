import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { corpusDocs, goldText, lineDiff } from './helpers.js';

/**
 * Full documents against hand-written gold. Where exact equality is not
 * reached the floor below is the measured line similarity (2·LCS/(a+b)),
 * and the differing lines are printed. All five are exact: a full column
 * line that ends a sentence continues its paragraph when the page indents
 * paragraph starts and the next line fills the column (reflow.ts).
 */
const EXACT = new Set([
  '000_df42f2bb45961d64',
  '001_ed89191f88b1a850',
  '002_a4ad2e9ba5d436a3',
  '003_68ba46f9a76749d4',
  '004_6c4083fd503699c9',
]);
const FLOOR: Record<string, number> = {};

describe('corpus documents against gold', () => {
  for (const { id, raw } of corpusDocs()) {
    it(id, () => {
      const doc = normalize(raw);
      doc.map.assertMonotonic();
      expect(doc.map.length).toBe(doc.text.length);
      expect(doc.map.sourceLength).toBe(raw.length);
      const gold = goldText(id);
      expect(gold).not.toMatch(/\n\n/);
      if (EXACT.has(id)) {
        expect(doc.text).toBe(gold);
        return;
      }
      const a = doc.text.split('\n');
      const b = gold.split('\n');
      const { common, onlyA, onlyB } = lineDiff(a, b);
      const sim = (2 * common) / (a.length + b.length);
      console.log(`${id}: ${common}/${b.length} gold lines exact, line similarity ${sim.toFixed(4)}`);
      if (onlyA.length || onlyB.length) {
        console.log(`${id} output-only lines:\n${onlyA.map((l) => '  < ' + l).join('\n')}`);
        console.log(`${id} gold-only lines:\n${onlyB.map((l) => '  > ' + l).join('\n')}`);
      }
      // characters: the text must be the same apart from line breaks
      expect(doc.text.replace(/\n/g, '')).toBe(gold.replace(/\n/g, ''));
      expect(sim).toBeGreaterThanOrEqual(FLOOR[id]!);
    });
  }
});

describe('line endings and BOM do not change the result', () => {
  for (const { id, raw } of corpusDocs()) {
    it(`${id} with CRLF, CR and a BOM`, () => {
      const want = normalize(raw).text;
      for (const variant of ['\ufeff' + raw.replace(/\n/g, '\r\n'), raw.replace(/\n/g, '\r')]) {
        const d = normalize(variant);
        expect(d.text).toBe(want);
        d.map.assertMonotonic();
        expect(d.map.sourceLength).toBe(variant.length);
        // every normalized character maps back to the same character in raw
        // unless a repair changed it
        let same = 0;
        for (let i = 0; i < d.text.length; i++) if (variant[d.map.from[i]!] === d.text[i]) same++;
        expect(same / d.text.length).toBeGreaterThan(0.9); // 004 converts ~7% (half-width punctuation)
      }
    });
  }
});
