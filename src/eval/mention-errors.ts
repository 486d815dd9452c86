/**
 * Error analysis of the mention pipeline on the dev blocks (the last 10% of
 * msra_train and of cluener_train, as src/model/data.ts holds them apart):
 * where the combination of rules, the entity model, the overlap policy and
 * the mention steps gains and loses against the gold spans.
 *
 * Rows are joined 20 to a document as `eval:ner --pipeline` does
 * (src/eval/groups.ts), normalized, segmented and run through every enabled
 * mention rule once; the overlap policies are then applied to the same
 * candidates, so comparing policies costs no second jieba run. Printed:
 *  - micro and per-type scores for the model's spans alone, the declared
 *    policy with and without the mention steps, and the rules alone;
 *  - per rule (and source): candidates, kept spans right / wrong (wrong split
 *    into boundary, type and spurious), and the right model spans each rule's
 *    kept spans displaced;
 *  - what the mention steps add (same-name-same-type copies, names inside
 *    events): right / wrong, by the rule that found the name;
 *  - with --examples N, N examples of each kind of error per rule;
 *  - with --gap, where the pipeline and the model's spans alone part (`gap`).
 *
 * --half tune|report: only the first or the second half of each dev block,
 * by position (`devHalf`). The dev blocks were used to tune the rules before;
 * from issue #13's second round on, errors are read on the tune half only and
 * the report half is scored, never looked into (so no --examples with it).
 *
 *   node dist/eval/mention-errors.js [--limit N] [--examples N] [--set msra|cluener] [--steps a,b|none]  [--half tune|report] [--rank] [--gap]
 */
import { loadPipeline } from '../pipeline/config.js';
import { normalize } from '../normalize/index.js';
import { structure } from '../structure/index.js';
import { loadDictionaries, segment } from '../segment/index.js';
import { useLexicon } from '../core/lists.js';
import { RuleRun, registryById } from '../extract/runner.js';
import type { MentionHit, RuleContext } from '../extract/rule.js';
import { mentionPolicy, mentionSteps, type OverlapConfig } from '../extract/policies.js';
import { MODEL_RULE } from '../extract/entities/overlap.js';
import type { Stamped } from '../extract/entities/steps.js';
import type { OffsetMap } from '../core/offsets.js';
import { cluener, msra, type Row } from '../model/data.js';
import type { Span } from '../model/model.js';
import { Scorer } from '../model/score.js';

type Hit = Stamped<MentionHit>;

interface Doc {
  ctx: RuleContext;
  map: OffsetMap;
  /** gold spans in raw document coordinates */
  gold: Span[];
  all: Hit[];
  raw: string;
}

const TYPE: Record<string, Span['type'] | undefined> = { PERSON: 'PER', LOC: 'LOC', ORG: 'ORG' };

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : dflt;
}

/** Documents of `per` rows with every enabled mention rule's stamped candidates. */
export function prepareDocs(rows: readonly Row[], per = 20): Doc[] {
  const pipeline = loadPipeline();
  loadDictionaries(pipeline.segmenter);
  useLexicon(pipeline.lexicon);
  const registry = registryById();
  const rules = [...registry.values()].filter((r) => r.emits === 'mention' && pipeline.rules.includes(r.id));
  const docs: Doc[] = [];
  for (let k = 0; k < rows.length; k += per) {
    const group = rows.slice(k, k + per);
    let raw = '';
    const gold: Span[] = [];
    for (const r of group) {
      for (const s of r.spans) gold.push({ type: s.type, start: s.start + raw.length, end: s.end + raw.length });
      raw += r.text.replace(/\n/gu, ' ') + '\n';
    }
    const norm = normalize(raw, { passes: pipeline.config.normalize.passes, t2s: pipeline.config.normalize.t2s });
    const struct = structure(norm.text, norm.map);
    const ctx: RuleContext = { text: norm.text, tokens: segment(norm.text), sentences: struct.sentences, blocks: struct.blocks, docDate: null };
    const run = new RuleRun(ctx);
    const all: Hit[] = [];
    for (const r of rules) {
      for (const h of run.output(r.id) as MentionHit[]) {
        const s = h as Hit;
        s.rule = r.id;
        s.ruleVersion = r.version;
        if (s.attrs && 'priority' in s.attrs) {
          const { priority, ...rest } = s.attrs;
          s.priority ??= Number(priority);
          s.attrs = Object.keys(rest).length ? rest : undefined;
        }
        all.push(s);
      }
    }
    docs.push({ ctx: run.ctx, map: norm.map, gold, all, raw });
  }
  return docs;
}

const rawSpan = (d: Doc, h: MentionHit): Span | null => {
  const type = TYPE[h.type];
  if (!type) return null;
  const [start, end] = d.map.span(h.start, h.end);
  return { type, start, end };
};

const key = (s: Span): string => `${s.type}:${s.start}:${s.end}`;

/** What kind of error a predicted span is against the gold: ok, boundary, type, spurious. */
function kind(s: Span, gold: readonly Span[], goldKeys: ReadonlySet<string>): 'ok' | 'boundary' | 'type' | 'spurious' {
  if (goldKeys.has(key(s))) return 'ok';
  let t = false;
  let b = false;
  for (const g of gold) {
    if (g.end <= s.start || g.start >= s.end) continue;
    if (g.start === s.start && g.end === s.end) t = true;
    else if (g.type === s.type) b = true;
  }
  return t ? 'type' : b ? 'boundary' : 'spurious';
}

export function policyMentions(d: Doc, overlap: OverlapConfig, steps = true): { kept: Hit[]; final: Hit[] } {
  const kept = mentionPolicy(overlap)(d.all.map((h) => ({ ...h })), d.ctx);
  let final = kept;
  if (steps) for (const step of mentionSteps(overlap)) final = step(d.ctx, final, d.all);
  return { kept, final };
}

export type Half = 'tune' | 'report';

/**
 * One half of a dev block by position: the first half (`tune`) to look at
 * errors and rank rules, the second (`report`) only to score. Cut at a
 * multiple of 20 rows so that the documents of 20 rows are the same as in
 * the whole block.
 */
export function devHalf<R>(rows: readonly R[], half: Half | ''): R[] {
  if (!half) return [...rows];
  const cut = Math.floor(rows.length / 40) * 20;
  return half === 'tune' ? rows.slice(0, cut) : rows.slice(cut);
}

function score(docs: readonly Doc[], pick: (d: Doc) => readonly MentionHit[]): Scorer {
  const sc = new Scorer();
  for (const d of docs) sc.add(d.gold, pick(d).map((h) => rawSpan(d, h)).filter((s): s is Span => s !== null));
  return sc;
}

const ruleKey = (h: Hit): string => {
  const src = (h.attrs as { source?: unknown } | undefined)?.source;
  return src && h.rule !== MODEL_RULE ? `${h.rule}/${String(src)}` : h.rule;
};

interface RuleStat {
  cand: number;
  candOk: number;
  kept: number;
  ok: number;
  boundary: number;
  type: number;
  spurious: number;
  /** right model spans this rule's kept spans overlapped and displaced */
  displaced: number;
  /** of its right candidates, how many the policy dropped */
  lostOk: number;
}

function analyse(label: string, docs: readonly Doc[], overlap: OverlapConfig, examples: number): void {
  const stats = new Map<string, RuleStat>();
  const ex = new Map<string, string[]>();
  const stat = (k: string): RuleStat => {
    let s = stats.get(k);
    if (!s) stats.set(k, (s = { cand: 0, candOk: 0, kept: 0, ok: 0, boundary: 0, type: 0, spurious: 0, displaced: 0, lostOk: 0 }));
    return s;
  };
  const note = (k: string, what: string, d: Doc, h: MentionHit, extra = ''): void => {
    const kk = `${k} ${what}`;
    const list = ex.get(kk) ?? [];
    if (list.length < examples) {
      const s = Math.max(0, h.start - 8);
      list.push(`${d.ctx.text.slice(s, h.start)}[${d.ctx.text.slice(h.start, h.end)}]${d.ctx.text.slice(h.end, h.end + 8)} ${h.type}${extra}`.replace(/\n/gu, '⏎'));
    }
    ex.set(kk, list);
  };
  const prop = new Map<string, { ok: number; bad: number }>();
  /** per rule and relation to the model spans it overlaps: [rule right, model right, neither] */
  const conflicts = new Map<string, [number, number, number]>();
  /** kept weak-rule spans by what the model says there: [right, wrong] */
  const withModel = new Map<string, [number, number]>();
  for (const d of docs) {
    const goldKeys = new Set(d.gold.map(key));
    const goldText = (s: Span): string => d.gold.filter((g) => g.start < s.end && g.end > s.start).map((g) => `${d.raw.slice(g.start, g.end)}/${g.type}`).join(' ');
    const { kept, final } = policyMentions(d, overlap);
    const keptSet = new Set(kept);
    for (const h of d.all) {
      const s = rawSpan(d, h);
      if (!s) continue;
      const st = stat(ruleKey(h));
      st.cand++;
      const k = kind(s, d.gold, goldKeys);
      if (k === 'ok') st.candOk++;
      if (!keptSet.has(h) && !kept.some((m) => m.start === h.start && m.end === h.end && m.type === h.type)) {
        if (k === 'ok') {
          st.lostOk++;
          const by = kept.find((m) => m.start < h.end && m.end > h.start);
          if (by) {
            stat(ruleKey(by)).displaced++;
            note(ruleKey(by), 'displaced', d, h, ` by ${d.ctx.text.slice(by.start, by.end)}/${by.type}`);
          } else note(ruleKey(h), 'lost-free', d, h);
        }
      }
    }
    const modelSpans = d.all.filter((m) => m.rule === MODEL_RULE);
    for (const h of kept) {
      const s = rawSpan(d, h);
      if (!s) continue;
      if (h.rule !== MODEL_RULE) {
        const ms = modelSpans.filter((m) => m.start < h.end && m.end > h.start);
        const rel = ms.length === 0 ? 'silent' : ms.some((m) => m.start === h.start && m.end === h.end && m.type === h.type) ? 'agrees' : 'differs';
        const ck = `${ruleKey(h)} ${rel}`;
        const c = withModel.get(ck) ?? [0, 0];
        withModel.set(ck, c);
        if (goldKeys.has(key(s))) c[0]++;
        else {
          c[1]++;
          if (rel === 'silent') note(ruleKey(h), 'silent-wrong', d, h);
          else note(ruleKey(h), 'differs-wrong', d, h, ` model: ${ms.map((m) => `${d.ctx.text.slice(m.start, m.end)}/${m.type}`).join(' ')} gold: ${goldText(s)}`);
        }
      }
      const st = stat(ruleKey(h));
      st.kept++;
      const k = kind(s, d.gold, goldKeys);
      st[k]++;
      if (k !== 'ok') note(ruleKey(h), k, d, h, ` gold: ${goldText(s)}`);
    }
    const base = new Set(kept);
    for (const h of final) {
      if (base.has(h)) continue;
      const s = rawSpan(d, h);
      if (!s) continue;
      const pk = ruleKey(h);
      const p = prop.get(pk) ?? { ok: 0, bad: 0 };
      prop.set(pk, p);
      if (kind(s, d.gold, goldKeys) === 'ok') p.ok++;
      else {
        p.bad++;
        note('propagation', 'wrong', d, h, ` (${pk}) gold: ${goldText(s)}`);
      }
    }
    // every weak rule candidate that overlaps a model span of another extent or type: who is right?
    const model = d.all.filter((h) => h.rule === MODEL_RULE);
    for (const h of d.all) {
      if (h.rule === MODEL_RULE || !TYPE[h.type]) continue;
      const ms = model.filter((m) => m.start < h.end && m.end > h.start);
      if (ms.length === 0 || ms.some((m) => m.start === h.start && m.end === h.end && m.type === h.type)) continue;
      const rel = ms.some((m) => m.start === h.start && m.end === h.end)
        ? 'same-span'
        : ms.every((m) => h.start <= m.start && m.end <= h.end)
          ? 'holds-model'
          : ms.every((m) => m.start <= h.start && h.end <= m.end)
            ? 'inside-model'
            : 'crosses';
      const ck = `${ruleKey(h)} ${h.type} ${rel}`;
      const c = conflicts.get(ck) ?? [0, 0, 0];
      conflicts.set(ck, c);
      const ruleOk = goldKeys.has(key(rawSpan(d, h)!));
      const modelOk = ms.some((m) => goldKeys.has(key(rawSpan(d, m)!)));
      if (ruleOk) c[0]++;
      else if (modelOk) c[1]++;
      else c[2]++;
    }
  }
  console.log(`\n== ${label}: per rule (kept by ${overlap.mention}; ok/boundary/type/spurious of kept; displaced = right model spans its kept spans pushed out)`);
  console.log(`${'rule'.padEnd(44)} cand candOk  kept    ok  bnd type spur  prec  displ lostOk`);
  for (const [k, s] of [...stats].sort((a, b) => b[1].kept - a[1].kept)) {
    console.log(
      `${k.padEnd(44)} ${String(s.cand).padStart(4)} ${String(s.candOk).padStart(6)} ${String(s.kept).padStart(5)} ${String(s.ok).padStart(5)} ${String(s.boundary).padStart(4)} ${String(s.type).padStart(4)} ${String(s.spurious).padStart(4)}  ${(s.kept ? s.ok / s.kept : 0).toFixed(2)} ${String(s.displaced).padStart(6)} ${String(s.lostOk).padStart(6)}`,
    );
  }
  for (const [k, p] of prop) console.log(`added by the mention steps, from ${k}: ${p.ok} right, ${p.bad} wrong`);
  console.log('kept rule spans by what the model says there (agrees / silent / differs): right / wrong');
  for (const [k, c] of [...withModel].sort()) if (c[0] + c[1] >= 3) console.log(`  ${k.padEnd(60)} ${c.join(' / ')}`);
  console.log('conflicts with model spans (rule candidate vs overlapping model spans): rule right / model right / neither');
  for (const [k, c] of [...conflicts].sort((a, b) => b[1][0] + b[1][1] + b[1][2] - (a[1][0] + a[1][1] + a[1][2]))) if (c[0] + c[1] + c[2] >= 3) console.log(`  ${k.padEnd(60)} ${c.join(' / ')}`);
  if (examples > 0) for (const [k, list] of [...ex].sort()) console.log(`  ${k}:\n    ${list.join('\n    ')}`);
}

/**
 * --rank: each rule (and source) by what the pipeline's micro F1 gains from
 * it: the pipeline with and without that rule's candidates (the model and the
 * other rules then take its characters). A negative gain is F1 the rule
 * loses against the model and the others; printed with the right and wrong
 * spans of the pipeline that change.
 */
function rank(label: string, docs: readonly Doc[], overlap: OverlapConfig): void {
  const base = score(docs, (d) => policyMentions(d, overlap).final).micro().f;
  const keys = new Set<string>();
  for (const d of docs) for (const h of d.all) if (h.rule !== MODEL_RULE) keys.add(ruleKey(h));
  const rows: Array<[string, number, number, number]> = [];
  for (const k of keys) {
    const sc = score(docs, (d) => policyMentions({ ...d, all: d.all.filter((h) => h.rule === MODEL_RULE || ruleKey(h) !== k) }, overlap).final);
    const c = [...sc.by.values()].reduce((a, x) => ({ tp: a.tp + x.tp, fp: a.fp + x.fp }), { tp: 0, fp: 0 });
    rows.push([k, base - sc.micro().f, c.tp, c.fp]);
  }
  const all = [...score(docs, (d) => policyMentions(d, overlap).final).by.values()].reduce((a, x) => ({ tp: a.tp + x.tp, fp: a.fp + x.fp }), { tp: 0, fp: 0 });
  console.log(`\n== ${label}: F1 each rule gains in the pipeline (pipeline ${base.toFixed(4)}; Δtp Δfp = with the rule minus without)`);
  for (const [k, g, tp, fp] of rows.sort((a, b) => a[1] - b[1])) console.log(`  ${k.padEnd(50)} ${g >= 0 ? '+' : ''}${g.toFixed(4)}  Δtp ${all.tp - tp}  Δfp ${all.fp - fp}`);
}

/**
 * --gap: where the pipeline and the model's spans alone part, by kind: the gold
 * spans one finds and the other misses, by what the other has there (nothing,
 * a longer span, one holding two gold spans or more, a shorter or crossing
 * one, with its rule), and the wrong spans each has that the other has not.
 */
function gap(label: string, docs: readonly Doc[], overlap: OverlapConfig): void {
  const count = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  const lost = new Map<string, number>();
  const won = new Map<string, number>();
  const wrongPipeline = new Map<string, number>();
  const wrongModel = new Map<string, number>();
  for (const d of docs) {
    const spans = (hs: readonly Hit[]): Array<Span & { by: string }> =>
      hs.flatMap((h) => {
        const s = rawSpan(d, h);
        return s ? [{ ...s, by: ruleKey(h) }] : [];
      });
    const model = spans(d.all.filter((h) => h.rule === MODEL_RULE));
    const pipeline = spans(policyMentions(d, overlap).final);
    const modelKeys = new Set(model.map(key));
    const pipelineKeys = new Set(pipeline.map(key));
    const goldKeys = new Set(d.gold.map(key));
    for (const s of pipeline) if (!goldKeys.has(key(s)) && !modelKeys.has(key(s))) count(wrongPipeline, `${s.type} ${s.by}`);
    for (const s of model) if (!goldKeys.has(key(s)) && !pipelineKeys.has(key(s))) count(wrongModel, s.type);
    for (const g of d.gold) {
      const inModel = modelKeys.has(key(g));
      if (inModel === pipelineKeys.has(key(g))) continue;
      const there = (inModel ? pipeline : model).filter((s) => s.start < g.end && s.end > g.start);
      const what = there.map((s) => {
        const holds = s.start <= g.start && s.end >= g.end;
        const golds = d.gold.filter((x) => x.start >= s.start && x.end <= s.end).length;
        return `${s.type} ${holds ? (golds >= 2 ? 'holding 2+ gold spans' : 'longer') : 'shorter or crossing'} (${s.by})`;
      });
      count(inModel ? lost : won, `${g.type}: ${what.length ? what.join(' + ') : 'nothing there'}`);
    }
  }
  const show = (title: string, m: Map<string, number>): void => {
    console.log(`${title} (${[...m.values()].reduce((a, b) => a + b, 0)}):`);
    for (const [k, n] of [...m].sort((a, b) => b[1] - a[1])) if (n >= 2) console.log(`  ${String(n).padStart(4)} ${k}`);
  };
  console.log(`\n== ${label}: where the pipeline and the model's spans part`);
  show('gold spans the model finds and the pipeline misses, by what the pipeline has there', lost);
  show('gold spans the pipeline finds and the model misses, by what the model has there', won);
  show("wrong spans of the pipeline's that the model has not", wrongPipeline);
  show("wrong spans of the model's that the pipeline has not", wrongModel);
}

function main(): void {
  const limit = Number(arg('limit', '0'));
  const examples = Number(arg('examples', '0'));
  const only = arg('set', '');
  const pipeline = loadPipeline();
  const declared = pipeline.config.extract.overlap as OverlapConfig;
  // --steps a,b: other mention steps than the pipeline declares (--steps none: no steps)
  const steps = arg('steps', '');
  const overlap: OverlapConfig = steps ? { ...declared, mentionSteps: steps === 'none' ? [] : steps.split(',') } : declared;
  const half = arg('half', '') as Half | '';
  if (half && half !== 'tune' && half !== 'report') throw new Error('--half tune|report');
  if (half === 'report' && examples > 0) throw new Error('the report half is scored only: no --examples');
  const sets: Array<[string, () => Row[]]> = [
    ['MSRA dev', () => msra().dev],
    ['CLUENER dev', () => cluener().dev],
  ];
  for (const [label, rows] of sets) {
    if (only && !label.toLowerCase().includes(only)) continue;
    const rs = devHalf(rows(), half);
    if (half) console.log(`${label}, ${half} half: ${rs.length} rows`);
    const docs = prepareDocs(limit > 0 ? rs.slice(0, limit) : rs);
    const lines: string[] = [];
    lines.push(...score(docs, (d) => d.all.filter((h) => h.rule === MODEL_RULE)).lines(`${label} model spans`));
    lines.push(...score(docs, (d) => policyMentions(d, overlap, false).kept).lines(`${label} policy, no steps`));
    lines.push(...score(docs, (d) => policyMentions(d, overlap).final).lines(`${label} pipeline`));
    lines.push(...score(docs, (d) => policyMentions({ ...d, all: d.all.filter((h) => h.rule !== MODEL_RULE) }, overlap).final).lines(`${label} rules only`));
    for (const l of lines) console.log(half ? `${l} [${half} half]` : l);
    // the report half is only scored: its errors stay unread
    if (half !== 'report') analyse(label, docs, overlap, examples);
    if (half !== 'report' && process.argv.includes('--rank')) rank(label, docs, overlap);
    if (half !== 'report' && process.argv.includes('--gap')) gap(label, docs, overlap);
  }
}

if (process.argv[1] && /mention-errors\.js$/u.test(process.argv[1])) main();
