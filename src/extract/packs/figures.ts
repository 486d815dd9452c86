/**
 * The figures pack: every figure-* rule, sorted by id (the registry reads
 * this list), and `extractFigures`, a convenience that asks the runner to run
 * just these rules over normalized text with the default figure policy
 * (`longest-most-specific`) and steps (`attribution`). Tokens are not needed.
 */
import type { FigureHit, FigureRule } from '../rule.js';
import { runHits } from '../runner.js';
import { DEFAULT_OVERLAP, type OverlapConfig } from '../policies.js';
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
  /** fill metric/change/basis/subject/time (default true) */
  attribution?: boolean;
  overlap?: OverlapConfig;
}

/** Run every figure rule over normalized text through the runner; hits carry `rule`/`ruleVersion`. */
export function extractFigures(text: string, docDate: string | null = null, opts: ExtractOptions = {}): Array<FigureHit & { rule: string; ruleVersion: number }> {
  const overlap = opts.overlap ?? DEFAULT_OVERLAP;
  const cfg = opts.attribution === false ? { ...overlap, figureSteps: [] } : overlap;
  const ids = new Set(figureRules.map((r) => r.id));
  return runHits({ text, tokens: [], sentences: [], blocks: [], docDate }, ids, cfg).figures;
}
