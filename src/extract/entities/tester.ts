/**
 * The shared tester for entity-*, quote-* and relation-* rules: `valid` texts
 * emit nothing; `invalid` cases list exactly what the rule emits, as
 * {type, text, start, end}. Every emitted span is checked against its slice.
 */
import type { MentionHit, MentionRule, QuoteHit, QuoteRule, RelationHit, RelationRule, RuleContext } from '../rule.js';
import { contextFor } from './context.js';
import { runRule } from '../runner.js';

export interface ExpectedSpan {
  type: string;
  text: string;
  start: number;
  end: number;
}

export interface TestApi {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => void) => void;
  expect: (v: unknown) => { toEqual: (x: unknown) => void; toBe: (x: unknown) => void };
}

/** Expected span of the n-th (default first) occurrence of `surface` in `text`. */
export function span(text: string, type: string, surface: string, nth = 0): ExpectedSpan {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(surface, at + 1);
  if (at < 0) throw new Error(`span: ${surface} not in ${text}`);
  return { type, text: surface, start: at, end: at + surface.length };
}

type AnyRule = MentionRule | QuoteRule | RelationRule;

function project(rule: AnyRule, ctx: RuleContext, mentions: readonly MentionHit[]): ExpectedSpan[] {
  const text = ctx.text;
  const out = runRule(rule.id, ctx, rule.emits === 'relation' ? { mentions } : undefined);
  if (rule.emits === 'mention') return (out as MentionHit[]).map((h) => ({ type: h.type, text: text.slice(h.start, h.end), start: h.start, end: h.end }));
  if (rule.emits === 'quote') {
    return (out as QuoteHit[]).map((q) => ({ type: `QUOTE:${q.speaker ?? ''}`, text: text.slice(q.start, q.end), start: q.start, end: q.end }));
  }
  return (out as RelationHit[]).map((r) => ({
    type: `${r.type}:${text.slice(r.head.start, r.head.end)}|${r.label ?? ''}|${text.slice(r.tail.start, r.tail.end)}`,
    text: text.slice(r.start, r.end),
    start: r.start,
    end: r.end,
  }));
}

export interface RuleCases {
  valid: string[];
  invalid: Array<{ text: string; expect: ExpectedSpan[] }>;
  /** relation rules: the mentions they see (default: the entities pack's output) */
  mentions?: (ctx: RuleContext) => MentionHit[];
}

export function runRuleCases(rule: AnyRule, cases: RuleCases, t: TestApi): void {
  t.describe(`${rule.id} v${rule.version}`, () => {
    t.it('meta', () => {
      t.expect(/^(?:entity|quote|relation)-[a-z]+(?:-[a-z]+)*$/u.test(rule.id)).toBe(true);
      t.expect(Number.isInteger(rule.version)).toBe(true);
      t.expect(typeof rule.purpose === 'string' && rule.purpose.length > 0).toBe(true);
    });
    const seen = new Set<string>();
    for (const v of cases.valid) {
      t.it(`valid: ${v}`, () => {
        t.expect(seen.has(v)).toBe(false);
        seen.add(v);
        const ctx = contextFor(v);
        t.expect(project(rule, ctx, cases.mentions ? cases.mentions(ctx) : [])).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      t.it(`invalid: ${c.text}`, () => {
        const ctx = contextFor(c.text);
        for (const e of c.expect) t.expect(c.text.slice(e.start, e.end)).toBe(e.text);
        const got = project(rule, ctx, cases.mentions ? cases.mentions(ctx) : []);
        for (const g of got) {
          t.expect(g.start >= 0 && g.start < g.end && g.end <= c.text.length).toBe(true);
          t.expect(c.text.slice(g.start, g.end)).toBe(g.text);
        }
        const key = (s: ExpectedSpan): string => `${s.start}:${s.end}:${s.type}`;
        t.expect([...got].sort((a, b) => a.start - b.start || a.end - b.end || (key(a) < key(b) ? -1 : 1))).toEqual(
          [...c.expect].sort((a, b) => a.start - b.start || a.end - b.end || (key(a) < key(b) ? -1 : 1)),
        );
      });
    }
  });
}
