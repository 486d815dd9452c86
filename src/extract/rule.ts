/**
 * A rule is a small pure unit: it reads the normalized text (and tokens,
 * sentences, blocks when it needs them) and emits hits in NORMALIZED
 * coordinates. It never mutates its input and never throws for bad text.
 * The runner (./runner.ts) stamps rule id/version, maps offsets to raw, fills
 * `text` (raw slice) / `norm` (normalized slice) and the sentence index.
 */
import type { Block, EntityType, Figure, Quote, Sentence, Token } from '../core/types.js';

export interface RuleContext {
  /** normalized text of the whole document */
  text: string;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  blocks: readonly Block[];
  /** ISO date (YYYY-MM-DD) of the document, or null when unknown */
  docDate: string | null;
  /**
   * The hits of another rule this rule declared in `needs` as `rule:<id>`.
   * The runner computes them once per document (whether or not that rule is
   * enabled) and hands out copies: no rule calls another's `run`.
   */
  outputOf?: (id: string) => readonly MentionHit[] | readonly FigureHit[] | readonly QuoteHit[];
  /** per-document scratch space shared by the rules of one run (never a module global) */
  memo?: Map<string, unknown>;
}

/**
 * What a rule reads besides the text: tokens, sentences, blocks, the kept
 * entity mentions (`mentions`: the runner runs it after the mention family's
 * overlap policy), or another rule's hits (`rule:<id>`).
 */
export type Needs = 'tokens' | 'sentences' | 'blocks' | 'mentions' | `rule:${string}`;

/** Fields the runner fills; a rule does not. */
type Stamped = 'rawStart' | 'rawEnd' | 'text' | 'norm' | 'rule' | 'ruleVersion' | 'sentence';

export type FigureHit = Omit<Figure, Stamped>;

export interface MentionHit {
  type: EntityType;
  start: number;
  end: number;
  /**
   * how much the rule trusts this span, for the overlap policy only (higher
   * wins on equal length); never stored. Rules may still put it in
   * attrs.priority: the runner moves it here.
   */
  priority?: number;
  attrs?: Record<string, unknown>;
}

export type QuoteHit = Omit<Quote, Stamped | 'speakerRawStart' | 'speakerRawEnd'>;

export interface RelationHit {
  type: string;
  /** spans (normalized) of the two mentions the relation links */
  head: { start: number; end: number; type: EntityType };
  tail: { start: number; end: number; type: EntityType };
  label?: string | null;
  start: number;
  end: number;
}

/**
 * What a relation rule returns: a RelationHit, or one with no tail (`tail:
 * null`: a person's title with no organisation named, 主教练普利斯). The runner
 * stores the tail as null; steps that need both ends (person-affiliation)
 * see only the relations that have them.
 */
export type RelationRuleHit = RelationHit | (Omit<RelationHit, 'tail'> & { tail: null });

export interface RuleMeta {
  /** kebab-case, equal to the rule's folder name */
  id: string;
  /** bump when the rule's gold output changes on purpose */
  version: number;
  /** one line: what the rule finds */
  purpose: string;
  needs: readonly Needs[];
}

export interface FigureRule extends RuleMeta {
  emits: 'figure';
  run(ctx: RuleContext): FigureHit[];
}
export interface MentionRule extends RuleMeta {
  emits: 'mention';
  run(ctx: RuleContext): MentionHit[];
}
export interface QuoteRule extends RuleMeta {
  emits: 'quote';
  run(ctx: RuleContext): QuoteHit[];
}
export interface RelationRule extends RuleMeta {
  emits: 'relation';
  /** relation rules see the mentions the entity rules kept */
  run(ctx: RuleContext & { mentions: readonly MentionHit[] }): RelationRuleHit[];
}

export type Rule = FigureRule | MentionRule | QuoteRule | RelationRule;
