/** Exact-span precision / recall / F1 per type and micro-averaged. */
import { TYPES, type Span } from './model.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export class Scorer {
  readonly by = new Map<string, Counts>(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));

  add(gold: readonly Span[], pred: readonly Span[]): void {
    const key = (s: Span): string => `${s.type}:${s.start}:${s.end}`;
    const g = new Set(gold.map(key));
    const p = new Set(pred.map(key));
    for (const s of pred) {
      const c = this.by.get(s.type);
      if (!c) continue;
      if (g.has(key(s))) c.tp++;
      else c.fp++;
    }
    for (const s of gold) {
      const c = this.by.get(s.type);
      if (c && !p.has(key(s))) c.fn++;
    }
  }

  static prf(c: Counts): { p: number; r: number; f: number } {
    const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
    const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  }

  micro(): { p: number; r: number; f: number } {
    const all = { tp: 0, fp: 0, fn: 0 };
    for (const c of this.by.values()) {
      all.tp += c.tp;
      all.fp += c.fp;
      all.fn += c.fn;
    }
    return Scorer.prf(all);
  }

  /** One line per type and the micro average: `PER  P 0.912 R 0.887 F1 0.899` */
  lines(label: string): string[] {
    const f = (x: number): string => x.toFixed(3);
    const out: string[] = [];
    for (const [t, c] of this.by) {
      const s = Scorer.prf(c);
      out.push(`${label.padEnd(26)} ${t.padEnd(5)} P ${f(s.p)} R ${f(s.r)} F1 ${f(s.f)}  (gold ${c.tp + c.fn}, found ${c.tp + c.fp})`);
    }
    const m = this.micro();
    out.push(`${label.padEnd(26)} micro P ${f(m.p)} R ${f(m.r)} F1 ${f(m.f)}`);
    return out;
  }
}
