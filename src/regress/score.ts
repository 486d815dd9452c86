/**
 * Scoring extractions against hand-checked gold: precision, recall and F1 per
 * label (figure:money, mention:ORG, quote, …) and per rule.
 *
 * Matching is one-to-one on the normalized surface text (see `match` for how
 * gold with and without offsets is paired):
 *   figures   text, value, unit, valueMax (and date/dateEnd for dates and periods),
 *             the same agreement as tests/figures/score.ts
 *   mentions  type and text
 *   quotes    text without its outer quotation marks, and the speaker when gold names one
 *   relations type, head and tail text, and the title when gold names one
 * A matched pair counts for the gold item's label on the recall side and for the
 * prediction's label on the precision side (a figure found with the wrong kind
 * hurts that kind's precision and the gold kind's recall).
 *
 * Per rule: precision = matched / emitted; recall = matched / gold items with a
 * label the rule emits (over the documents that have gold for it).
 */
import { compareRecords, type BaselineRecord } from './baseline.js';

/** One gold item, reduced to what matching needs. */
export interface GoldItem {
  doc: string;
  label: string;
  text: string;
  value?: number | null;
  valueMax?: number | null;
  unit?: string | null;
  date?: string | null;
  dateEnd?: string | null;
  /** quotes: the speaker; relations: head text */
  speaker?: string | null;
  head?: string | null;
  tail?: string | null;
  title?: string | null;
  /** offset in the gold's own normalized text, when it has one (ordering only) */
  start?: number | null;
}

export interface Counts {
  gold: number;
  pred: number;
  /** gold items of this label that were matched */
  tpGold: number;
  /** predictions of this label that were matched */
  tpPred: number;
}

export interface Metric extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  byLabel: Record<string, Metric>;
  byRule: Record<string, Metric>;
}

/** Families of labels: the part before ':' ("figure", "mention", "quote", "relation"). */
export const family = (label: string): string => label.split(':')[0]!;

const close = (a: number | null | undefined, b: number | null | undefined): boolean => {
  if (a == null || b == null) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
};

const QUOTE_MARKS = /^[“”"「」『』‘’']+|[“”"「」『』‘’']+$/g;
const bare = (s: string) => s.replace(QUOTE_MARKS, '');

/** Does this prediction agree with this gold item? */
export function agrees(g: GoldItem, p: BaselineRecord): boolean {
  const f = family(g.label);
  if (f !== family(p.label)) return false;
  switch (f) {
    case 'figure': {
      if (g.text !== p.text || !close(g.value, p.value) || (g.unit ?? null) !== (p.unit ?? null)) return false;
      if (!close(g.valueMax ?? null, p.valueMax ?? null)) return false;
      if (g.label === 'figure:date' || g.label === 'figure:period') {
        if ((g.date ?? null) !== (p.date ?? null) || (g.dateEnd ?? null) !== (p.dateEnd ?? null)) return false;
      }
      return true;
    }
    case 'mention':
      return g.label === p.label && g.text === p.text;
    case 'quote':
      if (bare(g.text) !== bare(p.text)) return false;
      return g.speaker == null || g.speaker === p.speaker;
    case 'relation':
      // either end may be the head
      if (g.label !== p.label) return false;
      if (!((g.head === p.head && g.tail === p.tail) || (g.head === p.tail && g.tail === p.head))) return false;
      return g.title == null || g.title === p.title;
    default:
      return g.label === p.label && g.text === p.text;
  }
}

/** How far (UTF-16 units) a gold item with an offset may sit from its prediction: the gold's own normalized text may differ slightly. */
export const OFFSET_TOLERANCE = 100;

/**
 * Pairs (gold index, prediction index) of one document and one family.
 * Gold with an offset (mentions, quotes, relations) is paired closest first:
 * every agreeing (gold, prediction) pair within OFFSET_TOLERANCE, taken in
 * order of distance, each side used once, so one missed prediction does not
 * shift the rest. Gold without an offset (figures) is matched greedily in
 * document order: each takes the next agreeing unused prediction.
 */
export function match(gold: readonly GoldItem[], preds: readonly BaselineRecord[]): Array<[number, number]> {
  const usedPred = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const candidates: Array<[number, number, number]> = [];
  gold.forEach((g, gi) => {
    if (g.start == null) return;
    for (let k = 0; k < preds.length; k++) {
      const d = Math.abs(preds[k]!.start - g.start);
      if (d <= OFFSET_TOLERANCE && agrees(g, preds[k]!)) candidates.push([d, gi, k]);
    }
  });
  candidates.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const usedGold = new Set<number>();
  for (const [, gi, k] of candidates) {
    if (usedGold.has(gi) || usedPred.has(k)) continue;
    usedGold.add(gi);
    usedPred.add(k);
    pairs.push([gi, k]);
  }
  let cursor = 0;
  gold.forEach((g, gi) => {
    if (g.start != null) return;
    for (let k = cursor; k < preds.length; k++) {
      if (!usedPred.has(k) && agrees(g, preds[k]!)) {
        cursor = k + 1;
        usedPred.add(k);
        pairs.push([gi, k]);
        return;
      }
    }
  });
  return pairs.sort((a, b) => a[0] - b[0]);
}

const ratio = (a: number, b: number, empty: number) => (b === 0 ? empty : a / b);

export function metric(c: Counts): Metric {
  const precision = ratio(c.tpPred, c.pred, 1);
  const recall = ratio(c.tpGold, c.gold, 1);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision: round(precision), recall: round(recall), f1: round(f1) };
}

export const round = (x: number) => Math.round(x * 10000) / 10000;

export interface ScoreInput {
  /** gold per document and family ("figure", "mention", ...): only these are scored */
  gold: Map<string, Map<string, GoldItem[]>>;
  /** every current extraction, sorted in document order */
  records: readonly BaselineRecord[];
  /** labels a family's gold annotates completely (default: every label of the family) */
  annotated?: (family: string, label: string) => boolean;
}

export function scoreAll(input: ScoreInput): Scores {
  const label = new Map<string, Counts>();
  const ruleCounts = new Map<string, Counts & { labels: Set<string> }>();
  const goldByLabel = new Map<string, number>();
  const bump = (m: Map<string, Counts>, k: string, f: keyof Counts) => {
    let c = m.get(k);
    if (!c) m.set(k, (c = { gold: 0, pred: 0, tpGold: 0, tpPred: 0 }));
    c[f]++;
  };
  const byDoc = new Map<string, BaselineRecord[]>();
  // matching walks in document order, whatever order the records came in
  for (const r of [...input.records].sort(compareRecords)) {
    let l = byDoc.get(r.doc);
    if (!l) byDoc.set(r.doc, (l = []));
    l.push(r);
  }
  const annotated = input.annotated ?? (() => true);
  for (const [doc, families] of input.gold) {
    for (let [fam, gold] of families) {
      const preds = (byDoc.get(doc) ?? []).filter((r) => family(r.label) === fam && annotated(fam, r.label));
      // gold of a label not annotated completely is not scored either (neither side would be honest)
      gold = gold.filter((g) => annotated(fam, g.label));
      for (const g of gold) {
        bump(label, g.label, 'gold');
        goldByLabel.set(g.label, (goldByLabel.get(g.label) ?? 0) + 1);
      }
      for (const p of preds) {
        bump(label, p.label, 'pred');
        let rc = ruleCounts.get(p.rule);
        if (!rc) ruleCounts.set(p.rule, (rc = { gold: 0, pred: 0, tpGold: 0, tpPred: 0, labels: new Set() }));
        rc.pred++;
        rc.labels.add(p.label);
      }
      for (const [gi, pi] of match(gold, preds)) {
        bump(label, gold[gi]!.label, 'tpGold');
        bump(label, preds[pi]!.label, 'tpPred');
        const rc = ruleCounts.get(preds[pi]!.rule)!;
        rc.tpPred++;
        rc.tpGold++;
      }
    }
  }
  const byLabel: Record<string, Metric> = {};
  for (const k of [...label.keys()].sort()) byLabel[k] = metric(label.get(k)!);
  const byRule: Record<string, Metric> = {};
  for (const k of [...ruleCounts.keys()].sort()) {
    const { labels, ...c } = ruleCounts.get(k)!;
    c.gold = [...labels].reduce((n, l) => n + (goldByLabel.get(l) ?? 0), 0);
    byRule[k] = metric(c);
  }
  return { byLabel, byRule };
}

export interface Drop {
  scope: 'label' | 'rule';
  key: string;
  measure: 'precision' | 'recall' | 'f1';
  stored: number;
  current: number;
}

/**
 * Every stored measure the current scores fall below. A label or rule that no
 * longer appears at all scores 0. New labels and rules are not drops.
 */
export function compareScores(stored: Scores, current: Scores): Drop[] {
  const drops: Drop[] = [];
  const measures = ['precision', 'recall', 'f1'] as const;
  for (const scope of ['label', 'rule'] as const) {
    const s = scope === 'label' ? stored.byLabel : stored.byRule;
    const c = scope === 'label' ? current.byLabel : current.byRule;
    for (const key of Object.keys(s).sort()) {
      for (const m of measures) {
        const before = s[key]![m];
        const now = c[key]?.[m] ?? 0;
        if (round(now) < round(before)) drops.push({ scope, key, measure: m, stored: before, current: now });
      }
    }
  }
  return drops;
}
