/**
 * Running the entity model over text: fold the characters, hash their
 * features with the jieba tokens, decode one span of text (a sentence or a
 * line) at a time; then (format 5) a second pass over the pieces where the
 * first pass tagged the same string elsewhere in the text (./doc.ts: the
 * text is the document), with the two document features added to the
 * first pass's sums. Offsets of the spans are in the text's coordinates.
 */
import type { Token } from '../core/types.js';
import { DOC_SLOT, FEATURES, docRows, sentenceFeatures } from './features.js';
import { Decoder, tagsToSpans, type NerModel, type Span } from './model.js';
import { docMarksIn } from './doc.js';

const decoder = new Decoder();
let feats = new Uint32Array(0);

/** the longest text decoded in two passes */
export const DOC_MAX = 1 << 20;
// the first pass of the current text: emission sums (8 per char, text coordinates) and tags
let emitAll = new Int32Array(0);
let tagsAll = new Uint8Array(0);

/** Decode text[start, end) once (the document slots null); its sums and tags go to emitAll / tagsAll at char `at`. */
function firstPass(model: NerModel, text: string, start: number, end: number, tokens: readonly Token[], from: number, to: number, at: number): Uint8Array {
  const n = end - start;
  if (model.features !== FEATURES) throw new Error(`entity model has ${model.features} features per character, this code makes ${FEATURES}`);
  const piece = start === 0 && end === text.length ? text : text.slice(start, end);
  const simd = model.simd;
  let tags: Uint8Array;
  if (simd && n <= simd.maxChars) {
    // the ids straight into WebAssembly memory, summed there
    sentenceFeatures(piece, tokens, model.plan, simd.feats, 0, start, from, to, true);
    // the two document slots are null in this pass: their rows are not read
    const emit = simd.sum(n, DOC_SLOT);
    emitAll.set(emit.subarray(0, n * 8), at * 8);
    tags = decoder.viterbi(emit, 8, model.trans, n);
  } else {
    if (feats.length < n * FEATURES) feats = new Uint32Array(Math.max(n, 512) * 2 * FEATURES);
    sentenceFeatures(piece, tokens, model.plan, feats, 0, start, from, to, true);
    const emit = decoder.sums(model.weights, FEATURES, feats, 0, n, model.stride);
    for (let i = 0; i < n; i++) for (let t = 0; t < 7; t++) emitAll[(at + i) * 8 + t] = emit[i * 7 + t]!;
    tags = decoder.viterbi(emit, 7, model.trans, n);
  }
  tagsAll.set(tags.subarray(0, n), at);
  return tags;
}

function room(n: number): void {
  if (tagsAll.length >= n) return;
  const size = Math.max(n, 4096) * 2;
  emitAll = new Int32Array(size * 8);
  tagsAll = new Uint8Array(size);
}

/** Spans the model finds in text[start, end) given the tokens that lie in it (tokens[from, to), text coordinates, sorted); one pass, no document. */
export function tagSpan(model: NerModel, text: string, start: number, end: number, tokens: readonly Token[], from = 0, to = tokens.length): Span[] {
  if (end <= start) return [];
  room(end - start);
  return tagsToSpans(firstPass(model, text, start, end, tokens, from, to, 0), end - start, start);
}

/**
 * Spans over a whole text, decoded piece by piece: the given pieces
 * (sentences), else each line; each piece whole (one longer than the
 * WebAssembly scratch, 8,192 chars, by the JS loop: the same sums). Then
 * the pieces with document marks again, with the document features.
 */
export function tagText(model: NerModel, text: string, tokens: readonly Token[], pieces?: ReadonlyArray<{ start: number; end: number }>): Span[] {
  const parts = pieces && pieces.length > 0 ? pieces : lines(text);
  // a text of more than DOC_MAX chars is decoded in one pass (its first-pass sums would take 32 bytes a char)
  const doc = text.length <= DOC_MAX;
  room(doc ? text.length : 0);
  const local: Span[][] = [];
  let k = 0;
  let long = 0;
  for (const p of parts) {
    while (k < tokens.length && tokens[k]!.end <= p.start) k++;
    let j = k;
    while (j < tokens.length && tokens[j]!.start < p.end) j++;
    const n = p.end - p.start;
    if (!doc) room(n);
    const ss = n <= 0 ? [] : tagsToSpans(firstPass(model, text, p.start, p.end, tokens, k, j, doc ? p.start : 0), n);
    for (const s of ss) if (s.end - s.start >= 2) long++;
    local.push(ss);
  }
  if (doc && long > 0 && parts.length > 1) {
    const marks = docMarksIn(text, parts, local, Infinity, true);
    const w = model.weights;
    const S = model.stride;
    for (let q = 0; q < parts.length; q++) {
      const m = marks[q];
      if (!m) continue;
      const at = parts[q]!.start;
      const n = parts[q]!.end - at;
      if (feats.length < n * FEATURES) feats = new Uint32Array(Math.max(n, 512) * 2 * FEATURES);
      docRows(model.plan, m, tagsAll.subarray(at, at + n), n, feats, 0);
      const emit = emitAll.subarray(at * 8, (at + n) * 8);
      for (let i = 0; i < n; i++) {
        for (let f = 0; f < 2; f++) {
          const id = feats[i * FEATURES + DOC_SLOT + f]!;
          if (id === 0) continue;
          const row = id * S;
          const e = i * 8;
          for (let t = 0; t < 7; t++) emit[e + t]! += w[row + t]!;
        }
      }
      local[q] = tagsToSpans(decoder.viterbi(emit, 8, model.trans, n), n);
    }
  }
  const out: Span[] = [];
  for (let q = 0; q < parts.length; q++) for (const s of local[q]!) out.push({ type: s.type, start: s.start + parts[q]!.start, end: s.end + parts[q]!.start });
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
