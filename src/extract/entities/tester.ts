/**
 * Entity, quote and relation rule cases, on the one shared tester
 * (../tester.ts): `span(text, type, surface)` builds an expected record in
 * this family's shorthand ({type: 'ORG' | 'QUOTE:speaker' | 'TYPE:head|title|tail'}),
 * `runRuleCases` maps it to the shared `{label, text, start, end, value}`
 * form and runs the rule through the runner with jieba tokens and structure.
 */
import type { MentionHit, MentionRule, QuoteRule, RelationRule, RuleContext } from '../rule.js';
import { defaultContext } from '../../pipeline/context.js';
import { testRule, type Expected, type TestApi } from '../tester.js';

export type { TestApi };

export interface ExpectedSpan {
  type: string;
  text: string;
  start: number;
  end: number;
}

/** Expected span of the n-th (default first) occurrence of `surface` in `text`. */
export function span(text: string, type: string, surface: string, nth = 0): ExpectedSpan {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(surface, at + 1);
  if (at < 0) throw new Error(`span: ${surface} not in ${text}`);
  return { type, text: surface, start: at, end: at + surface.length };
}

type AnyRule = MentionRule | QuoteRule | RelationRule;

export interface RuleCases {
  valid: string[];
  invalid: Array<{ text: string; expect: ExpectedSpan[] }>;
  /** relation rules: the mentions they see (default: none) */
  mentions?: (ctx: RuleContext) => MentionHit[];
}

/** This family's shorthand as the shared tester's record. */
function toShared(rule: AnyRule, e: ExpectedSpan): Expected {
  const base = { text: e.text, start: e.start, end: e.end };
  if (rule.emits === 'mention') return { label: `mention:${e.type}`, ...base };
  if (rule.emits === 'quote') {
    const speaker = e.type.replace(/^QUOTE:/u, '');
    return { label: 'quote', ...base, value: speaker === '' ? null : speaker };
  }
  const colon = e.type.indexOf(':');
  return { label: `relation:${e.type.slice(0, colon)}`, ...base, value: e.type.slice(colon + 1) };
}

export function runRuleCases(rule: AnyRule, cases: RuleCases, t: TestApi): void {
  testRule(
    rule,
    {
      valid: cases.valid,
      invalid: cases.invalid.map((c) => ({ text: c.text, expect: c.expect.map((e) => toShared(rule, e)) })),
      context: (text, docDate) => defaultContext(text, docDate),
      mentions: cases.mentions,
    },
    t,
  );
}
