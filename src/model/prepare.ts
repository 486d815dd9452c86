/**
 * Turning rows of annotated text into what training and evaluation use: the
 * hashed features of every character (jieba run on the folded text with the
 * pipeline's segmenter), the gold tags, and bare jieba's own name tags as a
 * baseline (nr/nrfg/nrt → PER, ns → LOC, nt → ORG).
 */
import type { Token } from '../core/types.js';
import { segment } from '../segment/index.js';
import { FEATURES, foldText, sentenceFeatures, type Plan } from './features.js';
import { spansToTags, type Span } from './model.js';
import type { Row } from './data.js';

export interface Prepared {
  rows: Row[];
  /** the rows' folded texts */
  texts: string[];
  /** the plan the features were made with */
  plan: Plan;
  /** char offset of each row into feats / gold (row k: [start[k], start[k+1])) */
  start: Int32Array;
  feats: Uint32Array;
  gold: Uint8Array;
  jieba: Span[][];
}

const JIEBA: Record<string, Span['type']> = { nr: 'PER', nrfg: 'PER', nrt: 'PER', ns: 'LOC', nt: 'ORG' };

/** The rows' folded texts and their jieba tokens. */
export interface Segmented {
  texts: string[];
  tokens: Token[][];
}

export function segmentRows(rows: readonly Row[]): Segmented {
  const texts = rows.map((r) => foldText(r.text));
  return { texts, tokens: texts.map((t) => segment(t)) };
}

/**
 * Features and gold tags of `rows`. `planFor(k)` gives the plan row k reads
 * (training: the lists of the other folds), else `plan` for every row.
 */
export function prepare(rows: Row[], plan: Plan, seg: Segmented = segmentRows(rows), planFor?: (k: number) => Plan): Prepared {
  const start = new Int32Array(rows.length + 1);
  for (let k = 0; k < rows.length; k++) start[k + 1] = start[k]! + rows[k]!.text.length;
  const total = start[rows.length]!;
  const feats = new Uint32Array(total * FEATURES);
  const gold = new Uint8Array(total);
  const jieba: Span[][] = [];
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const text = seg.texts[k]!;
    const tokens = seg.tokens[k]!;
    sentenceFeatures(text, tokens, planFor ? planFor(k) : plan, feats, start[k]! * FEATURES);
    gold.set(spansToTags(text.length, r.spans), start[k]!);
    const js: Span[] = [];
    for (const t of tokens) {
      const type = JIEBA[t.tag];
      if (type) js.push({ type, start: t.start, end: t.end });
    }
    jieba.push(js);
  }
  return { rows, texts: seg.texts, plan, start, feats, gold, jieba };
}
