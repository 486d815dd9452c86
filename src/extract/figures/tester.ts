/**
 * The shared rule tester for figure-* rules (used by each rule.test.ts):
 * `valid` texts emit nothing; `invalid` cases list the exact figures expected.
 * Every emitted span is checked: 0 <= start < end <= text.length, text equals
 * the slice, no line break inside.
 */
import type { FigureHit, FigureRule, RuleContext } from '../rule.js';

export interface ExpectedFigure {
  kind: FigureHit['kind'];
  text: string;
  start: number;
  end: number;
  value: number | null;
  valueMax?: number | null;
  unit: string | null;
  qualifier: FigureHit['qualifier'];
  date?: string | null;
  dateEnd?: string | null;
}

export interface RuleCases {
  valid: string[];
  invalid: Array<{ text: string; docDate?: string | null; figures: ExpectedFigure[] }>;
}

/** The minimal test API the tester needs (vitest's describe/it/expect fit it). */
export interface TestApi {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => void) => void;
  expect: (v: unknown) => { toEqual: (x: unknown) => void; toBe: (x: unknown) => void };
}

export function ctxOf(text: string, docDate: string | null = null): RuleContext {
  return { text, tokens: [], sentences: [], blocks: [], docDate };
}

function project(text: string, h: FigureHit, withDates: boolean): ExpectedFigure {
  const o: ExpectedFigure = {
    kind: h.kind,
    text: text.slice(h.start, h.end),
    start: h.start,
    end: h.end,
    value: h.value,
    unit: h.unit,
    qualifier: h.qualifier,
  };
  if (h.valueMax != null) o.valueMax = h.valueMax;
  if (withDates) {
    o.date = h.date ?? null;
    if (h.kind === 'period') o.dateEnd = h.dateEnd ?? null;
  }
  return o;
}

export function runRuleCases(rule: FigureRule, cases: RuleCases, t: TestApi): void {
  t.describe(`${rule.id} v${rule.version}`, () => {
    t.it('meta', () => {
      t.expect(rule.emits).toBe('figure');
      t.expect(/^figure-[a-z-]+$/.test(rule.id)).toBe(true);
      t.expect(typeof rule.purpose === 'string' && rule.purpose.length > 0).toBe(true);
    });
    const seen = new Set<string>();
    for (const v of cases.valid) {
      t.it(`valid: ${v}`, () => {
        t.expect(seen.has('v:' + v)).toBe(false);
        seen.add('v:' + v);
        const hits = rule.run(ctxOf(v));
        t.expect(hits.map((h) => v.slice(h.start, h.end))).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      t.it(`invalid: ${c.text}`, () => {
        const text = c.text;
        const hits = rule.run(ctxOf(text, c.docDate ?? null));
        for (const h of hits) {
          t.expect(h.start >= 0 && h.start < h.end && h.end <= text.length).toBe(true);
          t.expect(text.slice(h.start, h.end).includes('\n')).toBe(false);
        }
        for (const e of c.figures) t.expect(e.text).toBe(text.slice(e.start, e.end));
        const withDates = c.figures.some((f) => f.kind === 'date' || f.kind === 'period');
        t.expect(hits.map((h) => project(text, h, withDates))).toEqual(c.figures);
      });
    }
  });
}
