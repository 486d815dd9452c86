/** Shared scoring of extracted figures against hand-written gold (document order, greedy). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../../src/normalize/index.js';
import { extractFigures } from '../../src/extract/packs/figures.js';

export interface GoldFigure {
  text: string;
  kind: string;
  value: number | null;
  valueMax?: number | null;
  unit: string | null;
  qualifier: string;
  date?: string | null;
  dateEnd?: string | null;
  line: number;
}

export interface Pred {
  text: string;
  kind: string;
  value: number | null;
  valueMax?: number | null;
  unit: string | null;
  qualifier: string;
  date?: string | null;
  dateEnd?: string | null;
  start: number;
}

export const ROOT = join(import.meta.dirname, '..', '..');

export function docIds(): string[] {
  return readdirSync(join(ROOT, 'tests/gold/figures'))
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => f.replace(/\.jsonl$/, ''))
    .sort();
}

export function loadGold(id: string): GoldFigure[] {
  return readFileSync(join(ROOT, 'tests/gold/figures', id + '.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldFigure);
}

const close = (a: number | null | undefined, b: number | null | undefined): boolean => {
  if (a == null || b == null) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
};

export function same(g: GoldFigure, p: Pred): boolean {
  if (g.text !== p.text || !close(g.value, p.value) || g.unit !== p.unit) return false;
  if (!close(g.valueMax ?? null, p.valueMax ?? null)) return false;
  if (g.kind === 'date' || g.kind === 'period') {
    if ((g.date ?? null) !== (p.date ?? null) || (g.dateEnd ?? null) !== (p.dateEnd ?? null)) return false;
  }
  return true;
}

export function predict(id: string): { text: string; preds: Pred[] } {
  const raw = readFileSync(join(ROOT, 'corpus', id + '.txt'), 'utf8');
  const text = normalize(raw).text;
  const preds = extractFigures(text, null).map((h) => ({ ...h, text: text.slice(h.start, h.end) }) as Pred);
  return { text, preds };
}

export interface Score {
  tp: number;
  fp: Pred[];
  fn: GoldFigure[];
  precision: number;
  recall: number;
  qualifierAgree: number;
  kindAgree: number;
}

/** Order-preserving greedy matching: each gold figure takes the next matching prediction. */
export function score(gold: GoldFigure[], preds: Pred[]): Score {
  const used = new Set<number>();
  const fn: GoldFigure[] = [];
  let cursor = 0;
  let tp = 0;
  let qa = 0;
  let ka = 0;
  for (const g of gold) {
    let found = -1;
    for (let k = cursor; k < preds.length; k++) {
      if (!used.has(k) && same(g, preds[k] as Pred)) {
        found = k;
        break;
      }
    }
    if (found < 0) {
      fn.push(g);
      continue;
    }
    used.add(found);
    cursor = found + 1;
    tp++;
    if ((preds[found] as Pred).qualifier === g.qualifier) qa++;
    if ((preds[found] as Pred).kind === g.kind) ka++;
  }
  const fp = preds.filter((_, k) => !used.has(k));
  return {
    tp,
    fp,
    fn,
    precision: preds.length ? tp / preds.length : 1,
    recall: gold.length ? tp / gold.length : 1,
    qualifierAgree: tp ? qa / tp : 1,
    kindAgree: tp ? ka / tp : 1,
  };
}
