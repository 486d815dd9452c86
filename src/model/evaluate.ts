/** Decode prepared dev rows with given weights and score them (model, and bare jieba tags when asked). */
import { DOC_SLOT, FEATURES, docRows } from './features.js';
import { Decoder, T, tagsToSpans, type Span } from './model.js';
import type { Prepared } from './prepare.js';
import { Scorer } from './score.js';
import { docMarks } from './doc.js';

/**
 * The spans of every row in two passes (format 5): the first with the
 * document slots null, the second, for rows with document marks (./doc.ts:
 * the `window` rows before and after stand in for the article; 0: rows are
 * documents of their own, one pass), with them. Leaves the rows' document
 * slots written.
 */
export function decodeRows(p: Prepared, weights: ArrayLike<number>, trans: ArrayLike<number>, stride: number, window: number): Span[][] {
  const dec = new Decoder();
  const R = p.rows.length;
  for (let k = 0; k < p.feats.length; k += FEATURES) p.feats[k + DOC_SLOT] = p.feats[k + DOC_SLOT + 1] = 0;
  const spans: Span[][] = [];
  const tags: Uint8Array[] = [];
  for (let k = 0; k < R; k++) {
    const s = p.start[k]!;
    const n = p.start[k + 1]! - s;
    const t = dec.decode(weights, trans, FEATURES, p.feats, s * FEATURES, n, stride);
    tags.push(t.slice(0, n));
    spans.push(tagsToSpans(t, n));
  }
  if (window <= 0) return spans;
  const marks = docMarks(p.texts, spans, window);
  for (let k = 0; k < R; k++) {
    const m = marks[k];
    if (!m) continue;
    const s = p.start[k]!;
    const n = p.start[k + 1]! - s;
    docRows(p.plan, m, tags[k]!, n, p.feats, s * FEATURES);
    spans[k] = tagsToSpans(dec.decode(weights, trans, FEATURES, p.feats, s * FEATURES, n, stride), n);
  }
  return spans;
}

/** `stride`: values per row of `weights` (a loaded model's `stride`; T while training). `window`: see decodeRows. */
export function evaluateModel(p: Prepared, weights: ArrayLike<number>, trans: ArrayLike<number>, label: string, withJieba: boolean, stride: number = T, window = 0): { lines: string[]; model: Scorer } {
  const model = new Scorer();
  const jb = new Scorer();
  const spans = decodeRows(p, weights, trans, stride, window);
  for (let k = 0; k < p.rows.length; k++) {
    model.add(p.rows[k]!.spans, spans[k]!);
    if (withJieba) jb.add(p.rows[k]!.spans, p.jieba[k]!);
  }
  return { lines: [...model.lines(`${label} model`), ...(withJieba ? jb.lines(`${label} jieba tags`) : [])], model };
}
