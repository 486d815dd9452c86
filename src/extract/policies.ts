/**
 * Overlap policies and family steps by name: a pipeline declares which to
 * apply (extract.overlap), the runner applies them after the rules. Each is
 * a pure function over stamped hits; adding one is adding a name here.
 */
import type { FigureHit, MentionHit, QuoteHit, RuleContext } from './rule.js';
import { longestMostSpecific as mentionLongest, rulesThenModel } from './entities/overlap.js';
import { longestMostSpecific as figureLongest } from './figures/overlap.js';
import { attribute } from './figures/attribution.js';
import { MENTION_STEPS, type MentionStep, type Stamped } from './entities/steps.js';

/** A policy over one family's stamped hits; `ctx` (the document's text and tokens) for policies that read the text. */
type Policy<H> = (hits: Array<Stamped<H>>, ctx?: RuleContext) => Array<Stamped<H>>;
export type FigureStep = (ctx: RuleContext, figures: Array<Stamped<FigureHit>>, mentions: ReadonlyArray<Stamped<MentionHit>>) => void;

/**
 * `speaker-preferred`: one quote per span; when two quote rules read the same
 * span, the first in registry order wins unless it found no speaker and a
 * later one did.
 */
const speakerPreferred: Policy<QuoteHit> = (hits) => {
  const out: Array<Stamped<QuoteHit>> = [];
  const seen = new Map<string, number>();
  for (const q of hits) {
    const k = `${q.start}:${q.end}`;
    const at = seen.get(k);
    if (at !== undefined) {
      if (out[at]!.speaker === null && q.speaker !== null) out[at] = q;
      continue;
    }
    seen.set(k, out.length);
    out.push(q);
  }
  return out.sort((a, b) => a.start - b.start);
};

export const MENTION_POLICIES: Readonly<Record<string, Policy<MentionHit>>> = {
  'longest-most-specific': mentionLongest,
  /** the rules' strong hits first, then the entity model into the free text; the model vetoes weak rule spans (entities/overlap.ts) */
  'rules-then-model': rulesThenModel,
};
export const FIGURE_POLICIES: Readonly<Record<string, Policy<FigureHit>>> = {
  'longest-most-specific': figureLongest as unknown as Policy<FigureHit>,
};
export const QUOTE_POLICIES: Readonly<Record<string, Policy<QuoteHit>>> = { 'speaker-preferred': speakerPreferred };
export const FIGURE_STEPS: Readonly<Record<string, FigureStep>> = {
  /** metric, change, basis, subject, time and period of each kept figure, with an article-level context; subjects from the kept mentions */
  attribution: (ctx, figures, mentions) =>
    attribute({ text: ctx.text, docDate: ctx.docDate, sentences: ctx.sentences, blocks: ctx.blocks, figures, mentions }),
};
export { MENTION_STEPS };

export interface OverlapConfig {
  mention: string;
  mentionSteps: string[];
  quote: string;
  figure: string;
  figureSteps: string[];
}

export const DEFAULT_OVERLAP: OverlapConfig = {
  mention: 'rules-then-model',
  mentionSteps: ['same-name-same-type', 'names-inside-events', 'persons-inside-titles'],
  quote: 'speaker-preferred',
  figure: 'longest-most-specific',
  figureSteps: ['attribution'],
};

const pick = <T>(table: Readonly<Record<string, T>>, name: string, what: string): T => {
  const f = table[name];
  if (!f) throw new Error(`unknown ${what} "${name}" (known: ${Object.keys(table).join(', ')})`);
  return f;
};

export const mentionPolicy = (o: OverlapConfig) => pick(MENTION_POLICIES, o.mention, 'mention overlap policy');
export const quotePolicy = (o: OverlapConfig) => pick(QUOTE_POLICIES, o.quote, 'quote overlap policy');
export const figurePolicy = (o: OverlapConfig) => pick(FIGURE_POLICIES, o.figure, 'figure overlap policy');
export const mentionSteps = (o: OverlapConfig): MentionStep[] => o.mentionSteps.map((s) => pick(MENTION_STEPS, s, 'mention step'));
export const figureSteps = (o: OverlapConfig): FigureStep[] => o.figureSteps.map((s) => pick(FIGURE_STEPS, s, 'figure step'));
