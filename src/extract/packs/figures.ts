/**
 * The figures pack: every figure-* rule, sorted by id (the registry reads
 * this list), and `extractFigures`, a convenience that asks the runner to run
 * just these rules over normalized text with the default figure policy
 * (`longest-most-specific`) and steps (`attribution`). Tokens are not needed.
 */
import type { Block, Sentence } from '../../core/types.js';
import type { FigureHit, FigureRule } from '../rule.js';
import { runHits } from '../runner.js';
import { DEFAULT_OVERLAP, type OverlapConfig } from '../policies.js';
import { attribute, type FigureMention } from '../figures/attribution.js';
import { rule as count } from '../rules/figure-count/rule.js';
import { rule as date } from '../rules/figure-date/rule.js';
import { rule as duration } from '../rules/figure-duration/rule.js';
import { rule as magnitude } from '../rules/figure-magnitude/rule.js';
import { rule as measure } from '../rules/figure-measure/rule.js';
import { rule as money } from '../rules/figure-money/rule.js';
import { rule as ordinal } from '../rules/figure-ordinal/rule.js';
import { rule as percent } from '../rules/figure-percent/rule.js';
import { rule as ratio } from '../rules/figure-ratio/rule.js';
import { rule as scale } from '../rules/figure-scale/rule.js';

export const figureRules: FigureRule[] = [count, date, duration, magnitude, measure, money, ordinal, percent, ratio, scale].sort((a, b) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);

export const overlapPolicyName = DEFAULT_OVERLAP.figure;

export interface ExtractOptions {
  /** fill metric/change/basis/subject/time/period (default true) */
  attribution?: boolean;
  overlap?: OverlapConfig;
  /** entity mentions to take subjects from (the pipeline gives the kept mentions; here none unless given) */
  mentions?: readonly FigureMention[];
  /** sentences and blocks of the document (article boundaries reset the attribution context) */
  sentences?: readonly Sentence[];
  blocks?: readonly Block[];
}

/**
 * Run every figure rule over normalized text through the runner; hits carry
 * `rule`/`ruleVersion`. Attribution reads the mentions given (a whole
 * pipeline run gives it the kept entity mentions).
 */
export function extractFigures(text: string, docDate: string | null = null, opts: ExtractOptions = {}): Array<FigureHit & { rule: string; ruleVersion: number }> {
  const overlap = opts.overlap ?? DEFAULT_OVERLAP;
  const ids = new Set(figureRules.map((r) => r.id));
  const ctx = { text, tokens: [], sentences: opts.sentences ?? [], blocks: opts.blocks ?? [], docDate };
  const figures = runHits(ctx, ids, { ...overlap, figureSteps: [] }).figures;
  if (opts.attribution !== false) attribute({ text, docDate, sentences: ctx.sentences, blocks: ctx.blocks, figures, mentions: opts.mentions ?? [] });
  return figures;
}
