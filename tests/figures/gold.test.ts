/**
 * Figures against hand-written gold for the five corpus documents.
 * Text comes from `normalize` (src/normalize); the document date is unknown (null),
 * so relative dates stay unresolved in both gold and output.
 * Matching: text + value + unit (+ valueMax, + date/dateEnd for dates), in document order.
 */
import { describe, expect, it } from 'vitest';
import { docIds, loadGold, predict, score, type Pred, type GoldFigure } from './score.js';

const P_TARGET = 0.97;
const R_TARGET = 0.97;

describe('figures gold', () => {
  let tp = 0;
  let npred = 0;
  let ngold = 0;
  for (const id of docIds()) {
    it(`${id}: precision and recall`, () => {
      const gold = loadGold(id);
      const { preds } = predict(id);
      for (const p of preds) expect(p.text.includes('\n'), `line break inside ${p.text}`).toBe(false);
      const s = score(gold, preds);
      tp += s.tp;
      npred += preds.length;
      ngold += gold.length;
      const fmt = (f: Pred | GoldFigure): string =>
        `${f.text} ${f.kind} ${f.value}${f.valueMax != null ? '..' + f.valueMax : ''} ${f.unit} ${f.qualifier}${f.date !== undefined ? ' ' + f.date + (f.dateEnd ? '/' + f.dateEnd : '') : ''}`;
      console.log(
        `${id}: P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} (tp ${s.tp}, pred ${preds.length}, gold ${gold.length}; qualifier agree ${s.qualifierAgree.toFixed(3)}, kind agree ${s.kindAgree.toFixed(3)})` +
          s.fn.map((g) => `\n  MISS  line ${g.line}: ${fmt(g)}`).join('') +
          s.fp.map((p) => `\n  FALSE @${p.start}: ${fmt(p)}`).join(''),
      );
      expect(s.precision).toBeGreaterThanOrEqual(P_TARGET);
      expect(s.recall).toBeGreaterThanOrEqual(R_TARGET);
    });
  }
  it('overall', () => {
    const p = tp / npred;
    const r = tp / ngold;
    console.log(`figures overall: P=${p.toFixed(3)} R=${r.toFixed(3)} (tp ${tp}, pred ${npred}, gold ${ngold})`);
    expect(p).toBeGreaterThanOrEqual(P_TARGET);
    expect(r).toBeGreaterThanOrEqual(R_TARGET);
  });
});
