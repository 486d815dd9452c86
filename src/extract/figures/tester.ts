/**
 * Figure rule cases, on the one shared tester (../tester.ts): cases list the
 * exact figures expected ({kind, text, start, end, value, valueMax?, unit,
 * qualifier, date?, dateEnd?}; `fig()` in case-helpers.ts builds them);
 * `runRuleCases` maps them to the shared `{label, text, start, end, value}`
 * form and runs the rule through the runner on the text alone (figure rules
 * need no tokens).
 */
import type { FigureHit, FigureRule, RuleContext } from '../rule.js';
import { bareContext, testRule, type Expected, type TestApi } from '../tester.js';

export type { TestApi };

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

export function ctxOf(text: string, docDate: string | null = null): RuleContext {
  return bareContext(text, docDate);
}

/** This family's expected figure as the shared tester's record. */
function toShared(f: ExpectedFigure): Expected {
  const v: Record<string, unknown> = { value: f.value, unit: f.unit, qualifier: f.qualifier };
  if (f.valueMax != null) v.valueMax = f.valueMax;
  if (f.date != null) v.date = f.date;
  if (f.dateEnd != null) v.dateEnd = f.dateEnd;
  return { label: `figure:${f.kind}`, text: f.text, start: f.start, end: f.end, value: v };
}

export function runRuleCases(rule: FigureRule, cases: RuleCases, t: TestApi): void {
  testRule(rule, { valid: cases.valid, invalid: cases.invalid.map((c) => ({ text: c.text, docDate: c.docDate ?? null, expect: c.figures.map(toShared) })) }, t);
}
