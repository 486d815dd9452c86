/** Decode prepared dev rows with given weights and score them (model, and bare jieba tags when asked). */
import { FEATURES } from './features.js';
import { Decoder, T, tagsToSpans } from './model.js';
import type { Prepared } from './prepare.js';
import { Scorer } from './score.js';

/** `stride`: values per row of `weights` (a loaded model's `stride`; T while training). */
export function evaluateModel(p: Prepared, weights: ArrayLike<number>, trans: ArrayLike<number>, label: string, withJieba: boolean, stride: number = T): { lines: string[]; model: Scorer } {
  const dec = new Decoder();
  const model = new Scorer();
  const jb = new Scorer();
  for (let k = 0; k < p.rows.length; k++) {
    const s = p.start[k]!;
    const n = p.start[k + 1]! - s;
    const tags = dec.decode(weights, trans, FEATURES, p.feats, s * FEATURES, n, stride);
    model.add(p.rows[k]!.spans, tagsToSpans(tags, n));
    if (withJieba) jb.add(p.rows[k]!.spans, p.jieba[k]!);
  }
  return { lines: [...model.lines(`${label} model`), ...(withJieba ? jb.lines(`${label} jieba tags`) : [])], model };
}
