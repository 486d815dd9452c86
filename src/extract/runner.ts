/**
 * The runner: the only executor of rules. Given a document's context and the
 * set of enabled rule ids it
 *  1. runs exactly the enabled rules, family by family in the declared order
 *     (FAMILY_ORDER), each family's rules in registry (id) order; a rule that
 *     declares `rule:<id>` in `needs` gets that rule's hits from
 *     ctx.outputOf (computed once per document, enabled or not, never stored
 *     unless enabled), and a rule that declares `mentions` runs after the
 *     mention family with the kept mentions;
 *  2. checks every span (an empty, reversed or out-of-range span is dropped
 *     with a W_BAD_SPAN message, never stored wrong) and stamps identity
 *     (rule id and version) once, here;
 *  3. applies the family's named overlap policy and named steps, declared as
 *     data in the pipeline (extract.overlap; ./policies.ts);
 *  4. maps offsets to raw in one place (`text` = raw slice, `norm` =
 *     normalized slice, the sentence each record starts in).
 * Rules never see each other's objects: hits are their own fresh objects.
 */
import type { Extractions, Figure, Mention, Message, Quote, Relation, Sentence } from '../core/types.js';
import type { OffsetMap } from '../core/offsets.js';
import type { FigureHit, MentionHit, QuoteHit, RelationHit, RelationRuleHit, Rule, RuleContext } from './rule.js';
import { allRules } from './registry.js';
import { DEFAULT_OVERLAP, figurePolicy, figureSteps, mentionPolicy, mentionSteps, quotePolicy, type FigureStep, type OverlapConfig } from './policies.js';
import { personAffiliation, type MentionStep, type Stamped } from './entities/steps.js';

/** The order families run in: relations read kept mentions; figures may read them too. */
export const FAMILY_ORDER = ['mention', 'relation', 'quote', 'figure'] as const;

export interface RunnerInput {
  ctx: RuleContext;
  /** when given, milliseconds per family are added under extract.<family> */
  timings?: Record<string, number>;
  /** the clock `timings` read, in milliseconds (default: wall, performance.now; the bench passes CPU time) */
  clock?: () => number;
  raw: string;
  map: OffsetMap;
  /** ids of the enabled rules */
  rules: ReadonlySet<string>;
  /** the pipeline's overlap policies and steps (default: DEFAULT_OVERLAP) */
  overlap?: OverlapConfig;
}

let byIdCache: Map<string, Rule> | null = null;
/** The registry by id (built on first use: the registry imports the packs). */
export function registryById(): Map<string, Rule> {
  byIdCache ??= new Map(allRules().map((r) => [r.id, r]));
  return byIdCache;
}

export function ruleVersion(id: string): number {
  return registryById().get(id)?.version ?? 0;
}

/** Index of the last sentence starting at or before normalized offset p (sentences sorted by start), or -1. */
export function sentenceAt(sentences: readonly Sentence[], p: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= p) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // a position between sentences (whitespace) belongs to the one before it
  return best >= 0 ? sentences[best]!.index : -1;
}

/** Stamped hits in normalized coordinates, before raw mapping: what the families produce. */
export interface Hits {
  mentions: Array<Stamped<MentionHit>>;
  figures: Array<Stamped<FigureHit>>;
  quotes: Array<Stamped<QuoteHit>>;
  relations: Array<Stamped<RelationRuleHit>>;
}

type AnyHit = MentionHit | FigureHit | QuoteHit | RelationRuleHit;

/**
 * Run the enabled rules and the declared policies; hits stay in normalized
 * coordinates. Problems become messages (code, severity, rule, position).
 *
 * Each family runs in a function of its own: the hits of different rules have
 * different shapes, so V8's optimized code for a family is thrown away when a
 * document brings a shape it had not seen, and then only that family's small
 * function is compiled again, not all four families inlined into one (this
 * function was re-optimized five times per worker over the 10,000 bench files).
 */
export function runHits(
  ctx0: RuleContext,
  rules: ReadonlySet<string>,
  overlap: OverlapConfig = DEFAULT_OVERLAP,
  messages: Message[] = [],
  /** when given, milliseconds per family are added under extract.<family> */
  timings?: Record<string, number>,
  clock: () => number = () => performance.now(),
): Hits {
  let t = timings ? clock() : 0;
  const lap = (family: string): void => {
    if (!timings) return;
    const now = clock();
    timings[`extract.${family}`] = (timings[`extract.${family}`] ?? 0) + (now - t);
    t = now;
  };
  const run = new RuleRun(ctx0, messages);
  const steps = stepsOf(overlap);
  const mentions = mentionFamily(run, rules, overlap, steps.mention);
  lap('mention');
  const relations = relationFamily(run, rules, mentions);
  lap('relation');
  const quotes = quoteFamily(run, rules, overlap);
  lap('quote');
  const figures = figureFamily(run, rules, overlap, steps.figure, mentions);
  lap('figure');
  return { mentions, figures, quotes, relations };
}

/** The enabled rules of a family, in registry (id) order. */
function enabled(rules: ReadonlySet<string>, family: Rule['emits']): Rule[] {
  const out: Rule[] = [];
  for (const r of registryById().values()) if (r.emits === family && rules.has(r.id)) out.push(r);
  return out;
}

/** Hits are the rule's own fresh objects (other rules only ever see copies): stamped in place. */
function stamp<H extends object>(r: Rule, h: H): Stamped<H> {
  const s = h as Stamped<H>;
  s.rule = r.id;
  s.ruleVersion = r.version;
  return s;
}

/** The named steps of a pipeline's overlap config, looked up once per config. */
const stepsCache = new WeakMap<OverlapConfig, { mention: MentionStep[]; figure: FigureStep[] }>();
function stepsOf(overlap: OverlapConfig): { mention: MentionStep[]; figure: FigureStep[] } {
  let s = stepsCache.get(overlap);
  if (!s) {
    s = { mention: mentionSteps(overlap), figure: figureSteps(overlap) };
    stepsCache.set(overlap, s);
  }
  return s;
}

/** Mentions: every enabled rule, the overlap policy, the named steps. */
function mentionFamily(run: RuleRun, rules: ReadonlySet<string>, overlap: OverlapConfig, steps: readonly MentionStep[]): Array<Stamped<MentionHit>> {
  const ctx = run.ctx;
  const allMentions: Array<Stamped<MentionHit>> = [];
  for (const r of enabled(rules, 'mention')) {
    for (const h of run.output(r.id) as MentionHit[]) allMentions.push(withPriority(stamp(r, h)));
  }
  let mentions = mentionPolicy(overlap)(allMentions, ctx);
  for (let i = 0; i < steps.length; i++) mentions = steps[i]!(ctx, mentions, allMentions);
  return mentions;
}

/** A priority put in attrs is for the policy, not for storage. */
function withPriority(s: Stamped<MentionHit>): Stamped<MentionHit> {
  if (s.attrs && 'priority' in s.attrs) {
    const { priority, ...rest } = s.attrs;
    s.priority ??= Number(priority);
    s.attrs = Object.keys(rest).length ? rest : undefined;
  }
  return s;
}

/** Relations read the kept mentions; the affiliation is the relation's tail (relations without one, a title with no organisation, give none). */
function relationFamily(run: RuleRun, rules: ReadonlySet<string>, mentions: Array<Stamped<MentionHit>>): Array<Stamped<RelationRuleHit>> {
  const relations: Array<Stamped<RelationRuleHit>> = [];
  for (const r of enabled(rules, 'relation')) for (const h of run.output(r.id, { mentions }) as RelationRuleHit[]) relations.push(stamp(r, h));
  personAffiliation(run.ctx.text, mentions, relations.filter((h): h is Stamped<RelationHit> => h.tail != null));
  return relations;
}

function quoteFamily(run: RuleRun, rules: ReadonlySet<string>, overlap: OverlapConfig): Array<Stamped<QuoteHit>> {
  const allQuotes: Array<Stamped<QuoteHit>> = [];
  for (const r of enabled(rules, 'quote')) for (const h of run.output(r.id) as QuoteHit[]) allQuotes.push(stamp(r, h));
  return quotePolicy(overlap)(allQuotes);
}

/** Figures, then their steps (attribution), which may read the kept mentions. */
function figureFamily(
  run: RuleRun, rules: ReadonlySet<string>, overlap: OverlapConfig, steps: readonly FigureStep[], mentions: Array<Stamped<MentionHit>>,
): Array<Stamped<FigureHit>> {
  const allFigures: Array<Stamped<FigureHit>> = [];
  for (const r of enabled(rules, 'figure')) {
    const needsMentions = r.needs.includes('mentions');
    for (const h of run.output(r.id, needsMentions ? { mentions } : undefined) as FigureHit[]) allFigures.push(stamp(r, h));
  }
  const figures = figurePolicy(overlap)(allFigures);
  for (let i = 0; i < steps.length; i++) steps[i]!(run.ctx, figures, mentions);
  return figures;
}

/**
 * One document's rule outputs: each rule runs at most once, its `rule:` needs
 * first; spans are checked here. Other rules read an output through
 * ctx.outputOf, as copies.
 */
export class RuleRun {
  readonly ctx: RuleContext;
  private readonly outputs = new Map<string, AnyHit[]>();
  private readonly running = new Set<string>();

  constructor(ctx: RuleContext, private readonly messages: Message[] = []) {
    // Object.assign, not `{ ...ctx, memo, outputOf }`: in this V8 a spread followed by new keys gives
    // every object a map of its own, so every rule's reads of ctx missed their caches and deoptimized
    this.ctx = Object.assign({}, ctx, { memo: ctx.memo ?? new Map<string, unknown>(), outputOf: ((id: string) => copies(this.output(id))) as RuleContext['outputOf'] });
  }

  /** A rule's checked hits for this document (`mentions`: the kept mentions, for rules that need them). */
  output(id: string, extra?: { mentions?: readonly MentionHit[] }): AnyHit[] {
    const done = this.outputs.get(id);
    if (done) return done;
    const r = registryById().get(id);
    if (!r) throw new Error(`rule ${id} is not registered`);
    if (this.running.has(id)) throw new Error(`rule ${id} needs itself (a cycle through rule: needs)`);
    this.running.add(id);
    for (const need of r.needs) if (need.startsWith('rule:')) this.output(need.slice(5));
    const got = (r.run as (c: RuleContext) => AnyHit[])(extra ? Object.assign({}, this.ctx, extra) : this.ctx);
    this.running.delete(id);
    const n = this.ctx.text.length;
    const kept = got.filter((h) => {
      if (Number.isInteger(h.start) && Number.isInteger(h.end) && h.start >= 0 && h.end <= n && h.start < h.end) return true;
      this.messages.push({ code: 'W_BAD_SPAN', severity: 'warning', source: id, message: `rule ${id} emitted span [${h.start}, ${h.end}) outside [0, ${n})`, start: null, end: null });
      return false;
    });
    this.outputs.set(id, kept);
    return kept;
  }
}

/** What one rule alone emits on a document, its needs provided (the rule testers use this). */
export function runRule(id: string, ctx: RuleContext, extra?: { mentions?: readonly MentionHit[] }, messages: Message[] = []): AnyHit[] {
  return new RuleRun(ctx, messages).output(id, extra);
}

function copies(hits: AnyHit[]): AnyHit[] {
  return hits.map((h) => ({ ...h, ...('attrs' in h && h.attrs ? { attrs: { ...h.attrs } } : {}) }));
}

/** Run the enabled rules over a document and turn their hits into records with raw offsets. */
export function runRules(input: RunnerInput, messages: Message[] = []): Extractions {
  const { ctx, raw, map, rules } = input;
  const hits = runHits(ctx, rules, input.overlap ?? DEFAULT_OVERLAP, messages, input.timings, input.clock);
  const place = (s: number, e: number) => {
    const [rawStart, rawEnd] = map.span(s, e);
    return { start: s, end: e, rawStart, rawEnd, text: raw.slice(rawStart, rawEnd), norm: ctx.text.slice(s, e), sentence: sentenceAt(ctx.sentences, s) };
  };
  // the hits are this run's own objects: placed in place (the same keys in the same order as a copy
  // `{ ...h, ...place }`, which cost more than the rest of this function)
  const figures: Figure[] = hits.figures.map((h) => Object.assign(h, place(h.start, h.end)) as unknown as Figure);
  const mentions: Mention[] = [];
  const mentionIndex = new Map<string, number>();
  for (const h of hits.mentions) {
    mentionIndex.set(`${h.start}:${h.end}:${h.type}`, mentions.length);
    mentions.push({ type: h.type, ...place(h.start, h.end), attrs: h.attrs, rule: h.rule, ruleVersion: h.ruleVersion });
  }
  const n = ctx.text.length;
  const quotes: Quote[] = hits.quotes.map((h) => {
    let speakerRaw: [number, number] | [null, null] = [null, null];
    if (h.speakerStart != null && h.speakerEnd != null && h.speakerStart < h.speakerEnd && h.speakerEnd <= n) speakerRaw = map.span(h.speakerStart, h.speakerEnd);
    const { sentence: _s, ...p } = place(h.start, h.end);
    return Object.assign({}, h, p, { speakerRawStart: speakerRaw[0], speakerRawEnd: speakerRaw[1] });
  });
  const relations: Relation[] = [];
  for (const h of hits.relations) {
    const head = mentionIndex.get(`${h.head.start}:${h.head.end}:${h.head.type}`);
    const tail = h.tail === null ? null : mentionIndex.get(`${h.tail.start}:${h.tail.end}:${h.tail.type}`);
    if (head === undefined || tail === undefined) {
      messages.push({ code: 'W_RELATION_END', severity: 'warning', source: h.rule, message: `relation ${h.type} links a mention the overlap policy did not keep`, start: h.start, end: h.end });
      continue;
    }
    const { sentence: _s, norm: _n, ...p } = place(h.start, h.end);
    relations.push({ type: h.type, head, tail, label: h.label ?? null, ...p, rule: h.rule, ruleVersion: h.ruleVersion });
  }
  return { mentions, figures, quotes, relations };
}
