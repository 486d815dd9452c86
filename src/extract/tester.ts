/**
 * The one rule tester (textlint-tester's and ESLint RuleTester's lesson),
 * used by every rule's rule.test.ts: `valid` texts make the rule emit
 * nothing; each `invalid` case lists exactly what the rule alone emits, as
 * `{label, text, start, end, value}`:
 *   mention   label `mention:TYPE`       value undefined
 *   figure    label `figure:KIND`        value {value, valueMax?, unit, qualifier, date?, dateEnd?}
 *   quote     label `quote`              value the speaker (or null)
 *   relation  label `relation:TYPE`      value `head|label|tail`
 * The rule runs through the runner (runRule: its needs provided, its spans
 * checked); every emitted span must lie inside the text and equal its slice;
 * every expected span must equal its slice; duplicate cases are refused.
 */
import type { FigureHit, MentionHit, QuoteHit, RelationRuleHit, Rule, RuleContext } from './rule.js';
import { runRule } from './runner.js';

export interface Expected {
  label: string;
  text: string;
  start: number;
  end: number;
  value?: unknown;
}

export interface Cases {
  valid: string[];
  invalid: Array<{ text: string; docDate?: string | null; expect: Expected[] }>;
  /** how to build the context of a text (default: text only, no tokens) */
  context?: (text: string, docDate: string | null) => RuleContext;
  /** relation and mention-reading rules: the kept mentions they see */
  mentions?: (ctx: RuleContext) => MentionHit[];
}

/** The minimal test API the tester needs (vitest's describe/it/expect fit it). */
export interface TestApi {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => void) => void;
  expect: (v: unknown, message?: string) => { toEqual: (x: unknown) => void; toBe: (x: unknown) => void };
}

export function bareContext(text: string, docDate: string | null = null): RuleContext {
  return { text, tokens: [], sentences: [], blocks: [], docDate };
}

/** The expected span of the n-th (default first) occurrence of `surface` in `text`. */
export function at(text: string, label: string, surface: string, value?: unknown, nth = 0): Expected {
  let p = -1;
  for (let i = 0; i <= nth; i++) p = text.indexOf(surface, p + 1);
  if (p < 0) throw new Error(`at(): "${surface}" is not in "${text}"`);
  return value === undefined ? { label, text: surface, start: p, end: p + surface.length } : { label, text: surface, start: p, end: p + surface.length, value };
}

/** What one rule emits, in the tester's shape. */
export function project(rule: Rule, ctx: RuleContext, mentions: readonly MentionHit[] = []): Expected[] {
  const text = ctx.text;
  const out = runRule(rule.id, ctx, rule.emits === 'relation' || rule.needs.includes('mentions') ? { mentions } : undefined);
  const base = (h: { start: number; end: number }) => ({ text: text.slice(h.start, h.end), start: h.start, end: h.end });
  switch (rule.emits) {
    case 'mention':
      return (out as MentionHit[]).map((h) => ({ label: `mention:${h.type}`, ...base(h) }));
    case 'figure':
      return (out as FigureHit[]).map((h) => {
        const v: Record<string, unknown> = { value: h.value, unit: h.unit, qualifier: h.qualifier };
        if (h.valueMax != null) v.valueMax = h.valueMax;
        if (h.date != null) v.date = h.date;
        if (h.dateEnd != null) v.dateEnd = h.dateEnd;
        return { label: `figure:${h.kind}`, ...base(h), value: v };
      });
    case 'quote':
      return (out as QuoteHit[]).map((q) => ({ label: 'quote', ...base(q), value: q.speaker ?? null }));
    case 'relation':
      return (out as RelationRuleHit[]).map((r) => ({
        label: `relation:${r.type}`,
        ...base(r),
        value: `${text.slice(r.head.start, r.head.end)}|${r.label ?? ''}|${r.tail ? text.slice(r.tail.start, r.tail.end) : ''}`,
      }));
  }
}

const order = (a: Expected, b: Expected): number => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

export function testRule(rule: Rule, cases: Cases, t: TestApi): void {
  const ctxOf = cases.context ?? bareContext;
  t.describe(`${rule.id} v${rule.version}`, () => {
    t.it('meta: id, version, purpose, what it needs and emits', () => {
      t.expect(/^[a-z]+(?:-[a-z]+)+$/u.test(rule.id), rule.id).toBe(true);
      t.expect(Number.isInteger(rule.version) && rule.version >= 1).toBe(true);
      t.expect(rule.purpose.trim().length > 0).toBe(true);
      t.expect(['mention', 'figure', 'quote', 'relation'].includes(rule.emits)).toBe(true);
      t.expect(cases.valid.length + cases.invalid.length > 0, 'a rule without cases').toBe(true);
    });
    const seen = new Set<string>();
    for (const v of cases.valid) {
      t.it(`valid: ${v}`, () => {
        t.expect(seen.has(`v:${v}`), 'duplicate case').toBe(false);
        seen.add(`v:${v}`);
        const ctx = ctxOf(v, null);
        t.expect(project(rule, ctx, cases.mentions?.(ctx) ?? [])).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      t.it(`invalid: ${c.text}`, () => {
        t.expect(seen.has(`i:${c.text}:${c.docDate ?? ''}`), 'duplicate case').toBe(false);
        seen.add(`i:${c.text}:${c.docDate ?? ''}`);
        t.expect(c.expect.length > 0, 'an invalid case expects at least one record').toBe(true);
        for (const e of c.expect) t.expect(c.text.slice(e.start, e.end), `expected span of ${e.text}`).toBe(e.text);
        const ctx = ctxOf(c.text, c.docDate ?? null);
        const got = project(rule, ctx, cases.mentions?.(ctx) ?? []);
        for (const g of got) t.expect(g.start >= 0 && g.start < g.end && g.end <= c.text.length, `span [${g.start}, ${g.end})`).toBe(true);
        const norm = (l: Expected[]) => [...l].sort(order).map((e) => (e.value === undefined ? { label: e.label, text: e.text, start: e.start, end: e.end } : e));
        t.expect(norm(got)).toEqual(norm(c.expect));
      });
    }
  });
}
