/**
 * The entities pack: every entity-*, quote-* and relation-* rule, each list
 * sorted by id (the registry reads these lists), and `extractEntities`, a
 * convenience that asks the runner to run just these rules with the default
 * mention policy (`rules-then-model`), steps and quote policy.
 * Offsets are normalized offsets into ctx.text.
 */
import type { MentionHit, MentionRule, QuoteHit, QuoteRule, RelationRule, RelationRuleHit, RuleContext } from '../rule.js';
import { runHits } from '../runner.js';
import { DEFAULT_OVERLAP, type OverlapConfig } from '../policies.js';
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
import { rule as relationTitleAfter } from '../rules/relation-title-after/rule.js';
import { rule as relationTitleBefore } from '../rules/relation-title-before/rule.js';
import { rule as relationTitleCarried } from '../rules/relation-title-carried/rule.js';

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
export const relationRules: RelationRule[] = [relationPersonTitle, relationTitleAfter, relationTitleBefore, relationTitleCarried].sort(byId);

export const overlapPolicyName = DEFAULT_OVERLAP.mention;

type Stamp = { rule: string; ruleVersion: number };

export interface EntityExtractions {
  mentions: Array<MentionHit & Stamp>;
  quotes: Array<QuoteHit & Stamp>;
  relations: Array<RelationRuleHit & Stamp>;
}

export interface EntityOptions {
  overlap?: OverlapConfig;
  /** ids of the rules to run (default: every entity, quote and relation rule) */
  rules?: ReadonlySet<string>;
}

export function extractEntities(ctx: RuleContext, opts: EntityOptions = {}): EntityExtractions {
  const ids = opts.rules ?? new Set([...mentionRules, ...quoteRules, ...relationRules].map((r) => r.id));
  const { mentions, quotes, relations } = runHits(ctx, ids, opts.overlap ?? DEFAULT_OVERLAP);
  return { mentions, quotes, relations };
}
