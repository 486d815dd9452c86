/**
 * The entities pack: every entity-*, quote-* and relation-* rule, each list
 * sorted by id, and `extractEntities`, which runs the mention rules, keeps
 * one mention per stretch of text with the named overlap policy
 * `rules-then-model` (`longest-most-specific` when the entity-model rule is
 * off; ../entities/overlap.ts), then runs the relation
 * rules on the kept mentions and the quote rules on the text. Offsets are
 * normalized offsets into ctx.text.
 */
import type { MentionHit, MentionRule, QuoteHit, QuoteRule, RelationHit, RelationRule, RuleContext } from '../rule.js';
import { indexTokens } from '../entities/tokens.js';
import { longestMostSpecific, modelPolicyName, overlapPolicyName, rulesThenModel, type MentionPolicy } from '../entities/overlap.js';
import { rule as eventSuffix } from '../rules/entity-event-suffix/rule.js';
import { rule as entityModel } from '../rules/entity-model/rule.js';
import { rule as locAbbrev } from '../rules/entity-loc-abbrev/rule.js';
import { rule as locGazetteer } from '../rules/entity-loc-gazetteer/rule.js';
import { rule as locPark } from '../rules/entity-loc-park/rule.js';
import { rule as locTag } from '../rules/entity-loc-tag/rule.js';
import { rule as orgAlias } from '../rules/entity-org-alias/rule.js';
import { rule as orgBrand } from '../rules/entity-org-brand/rule.js';
import { rule as orgContext } from '../rules/entity-org-context/rule.js';
import { rule as orgGazetteer } from '../rules/entity-org-gazetteer/rule.js';
import { rule as orgSuffix } from '../rules/entity-org-suffix/rule.js';
import { rule as personByline } from '../rules/entity-person-byline/rule.js';
import { rule as personName } from '../rules/entity-person-name/rule.js';
import { rule as policyTitle } from '../rules/entity-policy-title/rule.js';
import { rule as productQuoted } from '../rules/entity-product-quoted/rule.js';
import { rule as quoteAfter } from '../rules/quote-speaker-after/rule.js';
import { rule as quoteBefore } from '../rules/quote-speaker-before/rule.js';
import { rule as relationPersonTitle } from '../rules/relation-person-title/rule.js';

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const mentionRules: MentionRule[] = [
  entityModel,
  eventSuffix,
  locAbbrev,
  locGazetteer,
  locPark,
  locTag,
  orgAlias,
  orgBrand,
  orgContext,
  orgGazetteer,
  orgSuffix,
  personByline,
  personName,
  policyTitle,
  productQuoted,
].sort(byId);
export const quoteRules: QuoteRule[] = [quoteAfter, quoteBefore].sort(byId);
export const relationRules: RelationRule[] = [relationPersonTitle].sort(byId);

export { modelPolicyName, overlapPolicyName };

type Stamp = { rule: string; ruleVersion: number };

export interface EntityExtractions {
  mentions: Array<MentionHit & Stamp>;
  quotes: Array<QuoteHit & Stamp>;
  relations: Array<RelationHit & Stamp>;
}

export interface EntityOptions {
  policy?: MentionPolicy;
  /** ids of the mention rules to run (default: all); a rule switched off takes no part in the overlap policy */
  rules?: ReadonlySet<string>;
}

export function extractEntities(ctx: RuleContext, opts: EntityOptions = {}): EntityExtractions {
  const all: Array<MentionHit & Stamp> = [];
  for (const r of mentionRules) {
    if (opts.rules && !opts.rules.has(r.id)) continue;
    for (const h of r.run(ctx)) {
      if (h.start < 0 || h.end > ctx.text.length || h.start >= h.end) continue;
      // hits are the rule's fresh objects: stamp them in place
      const stamped = h as MentionHit & Stamp;
      stamped.rule = r.id;
      stamped.ruleVersion = r.version;
      all.push(stamped);
    }
  }
  const mentions = nestInNames(all, propagate(ctx, (opts.policy ?? rulesThenModel)(all)));
  const relations: Array<RelationHit & Stamp> = [];
  for (const r of relationRules) for (const h of r.run({ ...ctx, mentions })) relations.push({ ...h, rule: r.id, ruleVersion: r.version });
  // a person's affiliation (for resolution when names collide): the body of its first title relation
  for (const rel of relations) {
    const p = mentions.find((m) => m.start === rel.head.start && m.end === rel.head.end && m.type === 'PERSON');
    if (p && !(p.attrs && 'affiliation' in p.attrs)) p.attrs = { ...(p.attrs ?? {}), affiliation: ctx.text.slice(rel.tail.start, rel.tail.end), title: rel.label ?? null };
  }
  // one quote per span: a speaker-before reading wins over speaker-after when both fire
  const quotes: Array<QuoteHit & Stamp> = [];
  const seen = new Map<string, number>();
  for (const r of quoteRules) {
    for (const q of r.run(ctx)) {
      const k = `${q.start}:${q.end}`;
      const at = seen.get(k);
      if (at !== undefined) {
        if (quotes[at]!.speaker === null && q.speaker !== null) quotes[at] = { ...q, rule: r.id, ruleVersion: r.version };
        continue;
      }
      seen.set(k, quotes.length);
      quotes.push({ ...q, rule: r.id, ruleVersion: r.version });
    }
  }
  quotes.sort((a, b) => a.start - b.start);
  return { mentions, quotes, relations };
}

/**
 * Named step `names-inside-events`: an EVENT or PRODUCT name is not an
 * organisation, so the PERSON, ORG and LOC mentions inside it are kept as well
 * (华为 in 华为全联接大会, 澳大利亚 in 澳大利亚网球公开赛), the longest first.
 */
function nestInNames(all: Array<MentionHit & Stamp>, kept: Array<MentionHit & Stamp>): Array<MentionHit & Stamp> {
  const outer = kept.filter((m) => m.type === 'EVENT' || m.type === 'PRODUCT');
  if (outer.length === 0) return kept;
  const inner = all.filter((h) => (h.type === 'PERSON' || h.type === 'ORG' || h.type === 'LOC') && outer.some((o) => o.start <= h.start && h.end <= o.end && (h.end - h.start) < (o.end - o.start)));
  const chosen = longestMostSpecific(inner);
  return [...kept, ...chosen].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Document propagation (named step `same-name-same-type`): a PERSON or ORG name
 * the rules found once is the same entity wherever the document writes it again
 * on token boundaries, outside other mentions. Each copy keeps the stamp of
 * the rule that found the name, with attrs.propagated = true.
 */
function propagate(ctx: RuleContext, kept: Array<MentionHit & Stamp>): Array<MentionHit & Stamp> {
  const text = ctx.text;
  const { byStart: starts, byEnd: ends } = indexTokens(ctx.tokens);
  // characters inside a kept or an added mention
  const covered = new Uint8Array(text.length);
  const cover = (s: number, e: number): void => {
    covered.fill(1, s, e);
  };
  const occupied = (s: number, e: number): boolean => {
    for (let i = s; i < e; i++) if (covered[i]) return true;
    return false;
  };
  for (const m of kept) cover(m.start, m.end);
  const seen = new Map<string, MentionHit & Stamp>();
  for (const m of kept) {
    if (m.type !== 'PERSON' && m.type !== 'ORG') continue;
    const name = text.slice(m.start, m.end);
    if (name.length >= 2 && !seen.has(name)) seen.set(name, m);
  }
  const added: Array<MentionHit & Stamp> = [];
  for (const [name, m] of seen) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (ctx.tokens.length > 0 && !(starts.has(at) && (ends.has(end) || /^[已是的在将也还为与和等则正又都就]$/u.test(text[end] ?? '')))) continue;
      if (occupied(at, end)) continue;
      cover(at, end);
      added.push({ type: m.type, start: at, end, attrs: { ...(m.attrs ?? {}), propagated: true }, rule: m.rule, ruleVersion: m.ruleVersion });
    }
  }
  return [...kept, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}
