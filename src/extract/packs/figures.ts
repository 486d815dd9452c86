/**
 * The figures pack: every figure-* rule, sorted by id, and `extractFigures`,
 * which runs them all on normalized text, resolves overlaps with the named
 * policy `longest-most-specific` and fills attribution (metric, change, basis,
 * subject, time). Tokens are not needed.
 */
import type { Block, Sentence } from '../../core/types.js';
import type { FigureHit, FigureRule } from '../rule.js';
import { figureScans, type FigureContext } from '../figures/kit.js';
import type { FigureMention } from '../figures/attribution.js';
import { attribute } from '../figures/attribution.js';
import { longestMostSpecific, type OverlapPolicy } from '../figures/overlap.js';
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

export const overlapPolicyName = 'longest-most-specific';

export interface ExtractOptions {
  policy?: OverlapPolicy;
  /** fill metric/change/basis/subject/time/period (default true) */
  attribution?: boolean;
  /** the entity mentions the entity stage kept: subjects of figures are taken from them */
  mentions?: readonly FigureMention[];
  /** sentences and blocks of the document (article boundaries reset the attribution context) */
  sentences?: readonly Sentence[];
  blocks?: readonly Block[];
}

/** Run every figure rule over normalized text; `rule` is recorded in attrs.rule. */
export function extractFigures(text: string, docDate: string | null = null, opts: ExtractOptions = {}): FigureHit[] {
  // the rules share one quantity scan and one date scan of this text
  const ctx: FigureContext = { text, tokens: [], sentences: opts.sentences ?? [], blocks: opts.blocks ?? [], docDate, figureScans: figureScans(text, docDate) };
  const all: FigureHit[] = [];
  for (const r of figureRules) {
    for (const h of r.run(ctx)) {
      h.attrs = { ...(h.attrs ?? {}), rule: r.id };
      all.push(h);
    }
  }
  const kept = (opts.policy ?? longestMostSpecific)(all);
  if (opts.attribution !== false)
    attribute({ text, docDate, sentences: ctx.sentences, blocks: ctx.blocks, figures: kept, mentions: opts.mentions ?? [] });
  return kept;
}
