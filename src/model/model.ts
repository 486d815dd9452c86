/**
 * The entity sequence model: BIO tags for PER/LOC/ORG over characters, a
 * linear scorer (one row of per-tag weights per feature id) plus
 * tag-transition weights, decoded with Viterbi under the BIO constraints
 * (I-X only after B-X or I-X). The weights come from an averaged structured
 * perceptron (./train.ts); on disk and in memory they are quantized to Int8 or Int16 (./io.ts). Feature
 * ids and the table layout: ./features.ts.
 */
import type { Plan } from './features.js';
import type { SimdSums } from './simd.js';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;
export const T = TAGS.length;
if (T !== 7) throw new Error('Decoder.decode sums seven tags by hand');
export type SpanType = 'PER' | 'LOC' | 'ORG';
export const TYPES: readonly SpanType[] = ['PER', 'LOC', 'ORG'];

export interface Span {
  type: SpanType;
  start: number;
  end: number;
}

export interface NerModel {
  /** where each feature's row of weights lives */
  plan: Plan;
  /** features per character (must equal FEATURES of the code that made it) */
  features: number;
  /** plan.size rows of `stride` (T, or T and a zero) emission weights, in units of `scale` (row 0 is the null feature: zero); folded for decoding when plan.folded (features.ts foldRows) */
  weights: Int8Array | Int16Array | Float32Array;
  /** values per row of `weights`: T, or 8 (padded: a row never straddles a cache line) */
  stride: number;
  /** the same weights in WebAssembly memory, where the runtime has SIMD (./simd.ts) */
  simd?: SimdSums;
  /** (T + 1) * T transition weights (row 0: sentence start), same units */
  trans: Float32Array;
  scale: number;
  meta: Record<string, unknown>;
}

/** May tag `cur` follow tag `prev` (-1: sentence start)? */
export function allowed(prev: number, cur: number): boolean {
  if (cur === 0 || cur % 2 === 1) return true;
  return prev === cur || prev === cur - 1;
}

export function tagOfSpan(type: SpanType, inside: boolean): number {
  return 1 + TYPES.indexOf(type) * 2 + (inside ? 1 : 0);
}

export function spansToTags(n: number, spans: readonly Span[], out = new Uint8Array(n)): Uint8Array {
  out.fill(0, 0, n);
  for (const s of spans) {
    if (s.start < 0 || s.end > n || s.start >= s.end) continue;
    out[s.start] = tagOfSpan(s.type, false);
    for (let i = s.start + 1; i < s.end; i++) out[i] = tagOfSpan(s.type, true);
  }
  return out;
}

export function tagsToSpans(tags: ArrayLike<number>, n: number, offset = 0): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < n) {
    const t = tags[i]!;
    if (t === 0) {
      i++;
      continue;
    }
    const type = TYPES[(t - 1) >> 1]!;
    const inside = ((t - 1) >> 1) * 2 + 2;
    let j = i + 1;
    while (j < n && tags[j] === inside) j++;
    out.push({ type, start: offset + i, end: offset + j });
    i = j;
  }
  return out;
}

/** Scratch buffers for decoding, grown on demand. */
export class Decoder {
  private emit = new Float64Array(0);
  private emitI = new Int32Array(0);
  private back = new Uint8Array(0);
  private readonly ss = new Float64Array(T);
  readonly tags: Uint8Array[] = [new Uint8Array(0)];

  private grow(n: number): void {
    if (this.emit.length >= n * T) return;
    const size = Math.max(n, 256) * 2;
    this.emit = new Float64Array(size * T);
    this.emitI = new Int32Array(size * T);
    this.back = new Uint8Array(size * T);
    this.tags[0] = new Uint8Array(size);
  }

  /** The seven tag sums of each character kept in locals (T is 7), one pass over its rows. */
  private emitInt(weights: Int8Array | Int16Array, F: number, feats: Uint32Array, at: number, n: number, stride: number): Int32Array {
    const emit = this.emitI;
    for (let i = 0; i < n; i++) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let a4 = 0;
      let a5 = 0;
      let a6 = 0;
      const base = at + i * F;
      for (let k = 0; k < F; k++) {
        const id = feats[base + k]!;
        if (id === 0) continue; // the null feature's row is zero
        const row = id * stride;
        a0 = (a0 + weights[row]!) | 0;
        a1 = (a1 + weights[row + 1]!) | 0;
        a2 = (a2 + weights[row + 2]!) | 0;
        a3 = (a3 + weights[row + 3]!) | 0;
        a4 = (a4 + weights[row + 4]!) | 0;
        a5 = (a5 + weights[row + 5]!) | 0;
        a6 = (a6 + weights[row + 6]!) | 0;
      }
      const e = i * 7;
      emit[e] = a0;
      emit[e + 1] = a1;
      emit[e + 2] = a2;
      emit[e + 3] = a3;
      emit[e + 4] = a4;
      emit[e + 5] = a5;
      emit[e + 6] = a6;
    }
    return emit;
  }

  private emitFloat(weights: ArrayLike<number>, F: number, feats: Uint32Array, at: number, n: number, stride: number): Float64Array {
    const emit = this.emit;
    for (let i = 0; i < n; i++) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let a4 = 0;
      let a5 = 0;
      let a6 = 0;
      const base = at + i * F;
      for (let k = 0; k < F; k++) {
        const row = feats[base + k]! * stride;
        a0 += weights[row]!;
        a1 += weights[row + 1]!;
        a2 += weights[row + 2]!;
        a3 += weights[row + 3]!;
        a4 += weights[row + 4]!;
        a5 += weights[row + 5]!;
        a6 += weights[row + 6]!;
      }
      const e = i * 7;
      emit[e] = a0;
      emit[e + 1] = a1;
      emit[e + 2] = a2;
      emit[e + 3] = a3;
      emit[e + 4] = a4;
      emit[e + 5] = a5;
      emit[e + 6] = a6;
    }
    return emit;
  }

  /** The emission sums of `n` characters (7 per char), as decode computes them; valid until the next call. */
  sums(weights: ArrayLike<number>, F: number, feats: Uint32Array, at: number, n: number, stride: number = T): Int32Array | Float64Array {
    this.grow(n);
    return weights instanceof Int8Array || weights instanceof Int16Array ? this.emitInt(weights, F, feats, at, n, stride) : this.emitFloat(weights, F, feats, at, n, stride);
  }

  /**
   * Best tag sequence for `n` characters whose feature ids are
   * feats[at .. at + n*F), rows of `stride` weights. Writes into and returns
   * this.tags[0] (valid up to n).
   */
  decode(weights: ArrayLike<number>, trans: ArrayLike<number>, F: number, feats: Uint32Array, at: number, n: number, stride: number = T): Uint8Array {
    this.grow(n);
    if (n === 0) return this.tags[0]!;
    // emission scores: integer sums for the quantized model (faster here), float sums while training
    const emit = weights instanceof Int8Array || weights instanceof Int16Array ? this.emitInt(weights, F, feats, at, n, stride) : this.emitFloat(weights, F, feats, at, n, stride);
    return this.viterbi(emit, 7, trans, n);
  }

  /**
   * Best tag sequence for `n` characters given their emission scores
   * (emit[i * es + t], char i, tag t). Writes into and returns this.tags[0].
   */
  viterbi(emit: Int32Array | Float64Array, es: number, trans: ArrayLike<number>, n: number): Uint8Array {
    this.grow(n);
    const back = this.back;
    const out = this.tags[0]!;
    if (n === 0) return out;
    // Viterbi with the BIO constraints written out: O and B-X follow any tag,
    // I-X only B-X or I-X. tr[(p + 1) * 7 + t]: p → t (row 0: sentence start);
    // the transitions read once into locals (tPT: p → t), the comparisons unrolled
    // in the order p = 0..6 (ties keep the smaller p)
    const tr = trans;
    const t00 = tr[7]!;
    const t01 = tr[8]!;
    const t03 = tr[10]!;
    const t05 = tr[12]!;
    const t10 = tr[14]!;
    const t11 = tr[15]!;
    const t13 = tr[17]!;
    const t15 = tr[19]!;
    const t20 = tr[21]!;
    const t21 = tr[22]!;
    const t23 = tr[24]!;
    const t25 = tr[26]!;
    const t30 = tr[28]!;
    const t31 = tr[29]!;
    const t33 = tr[31]!;
    const t35 = tr[33]!;
    const t40 = tr[35]!;
    const t41 = tr[36]!;
    const t43 = tr[38]!;
    const t45 = tr[40]!;
    const t50 = tr[42]!;
    const t51 = tr[43]!;
    const t53 = tr[45]!;
    const t55 = tr[47]!;
    const t60 = tr[49]!;
    const t61 = tr[50]!;
    const t63 = tr[52]!;
    const t65 = tr[54]!;
    const t12 = tr[16]!;
    const t22 = tr[23]!;
    const t34 = tr[32]!;
    const t44 = tr[39]!;
    const t56 = tr[48]!;
    const t66 = tr[55]!;
    let s0 = emit[0]! + tr[0]!;
    let s1 = emit[1]! + tr[1]!;
    let s2 = -Infinity;
    let s3 = emit[3]! + tr[3]!;
    let s4 = -Infinity;
    let s5 = emit[5]! + tr[5]!;
    let s6 = -Infinity;
    const ss = this.ss;
    for (let i = 1; i < n; i++) {
      const e = i * es;
      const b = i * 7;
      let x = 0;
      let v0 = s0 + t00;
      let b0 = 0;
      x = s1 + t10;
      if (x > v0) {
        v0 = x;
        b0 = 1;
      }
      x = s2 + t20;
      if (x > v0) {
        v0 = x;
        b0 = 2;
      }
      x = s3 + t30;
      if (x > v0) {
        v0 = x;
        b0 = 3;
      }
      x = s4 + t40;
      if (x > v0) {
        v0 = x;
        b0 = 4;
      }
      x = s5 + t50;
      if (x > v0) {
        v0 = x;
        b0 = 5;
      }
      x = s6 + t60;
      if (x > v0) {
        v0 = x;
        b0 = 6;
      }
      let v1 = s0 + t01;
      let b1 = 0;
      x = s1 + t11;
      if (x > v1) {
        v1 = x;
        b1 = 1;
      }
      x = s2 + t21;
      if (x > v1) {
        v1 = x;
        b1 = 2;
      }
      x = s3 + t31;
      if (x > v1) {
        v1 = x;
        b1 = 3;
      }
      x = s4 + t41;
      if (x > v1) {
        v1 = x;
        b1 = 4;
      }
      x = s5 + t51;
      if (x > v1) {
        v1 = x;
        b1 = 5;
      }
      x = s6 + t61;
      if (x > v1) {
        v1 = x;
        b1 = 6;
      }
      let v3 = s0 + t03;
      let b3 = 0;
      x = s1 + t13;
      if (x > v3) {
        v3 = x;
        b3 = 1;
      }
      x = s2 + t23;
      if (x > v3) {
        v3 = x;
        b3 = 2;
      }
      x = s3 + t33;
      if (x > v3) {
        v3 = x;
        b3 = 3;
      }
      x = s4 + t43;
      if (x > v3) {
        v3 = x;
        b3 = 4;
      }
      x = s5 + t53;
      if (x > v3) {
        v3 = x;
        b3 = 5;
      }
      x = s6 + t63;
      if (x > v3) {
        v3 = x;
        b3 = 6;
      }
      let v5 = s0 + t05;
      let b5 = 0;
      x = s1 + t15;
      if (x > v5) {
        v5 = x;
        b5 = 1;
      }
      x = s2 + t25;
      if (x > v5) {
        v5 = x;
        b5 = 2;
      }
      x = s3 + t35;
      if (x > v5) {
        v5 = x;
        b5 = 3;
      }
      x = s4 + t45;
      if (x > v5) {
        v5 = x;
        b5 = 4;
      }
      x = s5 + t55;
      if (x > v5) {
        v5 = x;
        b5 = 5;
      }
      x = s6 + t65;
      if (x > v5) {
        v5 = x;
        b5 = 6;
      }
      let v2 = s1 + t12;
      let b2 = 1;
      x = s2 + t22;
      if (x > v2) {
        v2 = x;
        b2 = 2;
      }
      let v4 = s3 + t34;
      let b4 = 3;
      x = s4 + t44;
      if (x > v4) {
        v4 = x;
        b4 = 4;
      }
      let v6 = s5 + t56;
      let b6 = 5;
      x = s6 + t66;
      if (x > v6) {
        v6 = x;
        b6 = 6;
      }
      back[b] = b0;
      back[b + 1] = b1;
      back[b + 2] = b2;
      back[b + 3] = b3;
      back[b + 4] = b4;
      back[b + 5] = b5;
      back[b + 6] = b6;
      s0 = v0 + emit[e]!;
      s1 = v1 + emit[e + 1]!;
      s2 = v2 + emit[e + 2]!;
      s3 = v3 + emit[e + 3]!;
      s4 = v4 + emit[e + 4]!;
      s5 = v5 + emit[e + 5]!;
      s6 = v6 + emit[e + 6]!;
    }
    ss[0] = s0;
    ss[1] = s1;
    ss[2] = s2;
    ss[3] = s3;
    ss[4] = s4;
    ss[5] = s5;
    ss[6] = s6;
    let best = -Infinity;
    let arg = 0;
    for (let t = 0; t < T; t++) {
      if (ss[t]! > best) {
        best = ss[t]!;
        arg = t;
      }
    }
    for (let i = n - 1; i >= 0; i--) {
      out[i] = arg;
      arg = back[i * T + arg]!;
    }
    return out;
  }
}
