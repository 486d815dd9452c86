/**
 * Running the entity model over text: fold the characters, hash their
 * features with the jieba tokens, decode one span of text (a sentence or a
 * line) at a time. Offsets of the spans are in the text's coordinates.
 */
import type { Token } from '../core/types.js';
import { FEATURES, sentenceFeatures } from './features.js';
import { Decoder, tagsToSpans, type NerModel, type Span } from './model.js';

const decoder = new Decoder();
let feats = new Uint32Array(0);

/** Spans the model finds in text[start, end) given the tokens that lie in it (tokens[from, to), text coordinates, sorted). */
export function tagSpan(model: NerModel, text: string, start: number, end: number, tokens: readonly Token[], from = 0, to = tokens.length): Span[] {
  const n = end - start;
  if (n <= 0) return [];
  if (model.features !== FEATURES) throw new Error(`entity model has ${model.features} features per character, this code makes ${FEATURES}`);
  const piece = start === 0 && end === text.length ? text : text.slice(start, end);
  const simd = model.simd;
  let tags: Uint8Array;
  if (simd && n <= simd.maxChars) {
    // the ids straight into WebAssembly memory, summed there
    sentenceFeatures(piece, tokens, model.plan, simd.feats, 0, start, from, to, true);
    tags = decoder.viterbi(simd.sum(n), 8, model.trans, n);
  } else {
    if (feats.length < n * FEATURES) feats = new Uint32Array(Math.max(n, 512) * 2 * FEATURES);
    sentenceFeatures(piece, tokens, model.plan, feats, 0, start, from, to, true);
    tags = decoder.decode(model.weights, model.trans, FEATURES, feats, 0, n, model.stride);
  }
  return tagsToSpans(tags, n, start);
}

/**
 * Spans over a whole text, decoded piece by piece: the given pieces
 * (sentences), else each line; each piece whole (one longer than the
 * WebAssembly scratch, 8,192 chars, by the JS loop: the same sums).
 */
export function tagText(model: NerModel, text: string, tokens: readonly Token[], pieces?: ReadonlyArray<{ start: number; end: number }>): Span[] {
  const parts = pieces && pieces.length > 0 ? pieces : lines(text);
  const out: Span[] = [];
  let k = 0;
  for (const p of parts) {
    while (k < tokens.length && tokens[k]!.end <= p.start) k++;
    let j = k;
    while (j < tokens.length && tokens[j]!.start < p.end) j++;
    for (const s of tagSpan(model, text, p.start, p.end, tokens, k, j)) out.push(s);
  }
  return out;
}

function lines(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  return out;
}
