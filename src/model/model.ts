/**
 * The entity sequence model: BIO tags for PER/LOC/ORG over characters, a
 * hashed linear scorer (one row of per-tag weights per feature bucket) plus
 * tag-transition weights, decoded with Viterbi under the BIO constraints
 * (I-X only after B-X or I-X). The weights come from an averaged structured
 * perceptron (./train.ts); on disk they are Int16, quantized (./io.ts).
 */
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
  /** log2 of the number of feature buckets */
  bits: number;
  /** features per character (must equal FEATURES of the code that made it) */
  features: number;
  /** B * T emission weights, in units of `scale` */
  weights: Int16Array | Float32Array;
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
  private score = new Float64Array(0);
  private back = new Uint8Array(0);
  private readonly tr = new Float64Array((T + 1) * T);
  readonly tags: Uint8Array[] = [new Uint8Array(0)];

  private grow(n: number): void {
    if (this.emit.length >= n * T) return;
    const size = Math.max(n, 256) * 2;
    this.emit = new Float64Array(size * T);
    this.score = new Float64Array(size * T);
    this.back = new Uint8Array(size * T);
    this.tags[0] = new Uint8Array(size);
  }

  /**
   * Best tag sequence for `n` characters whose feature ids are
   * feats[at .. at + n*F). Writes into and returns this.tags[0] (valid up to n).
   */
  decode(weights: ArrayLike<number>, trans: ArrayLike<number>, F: number, feats: Uint32Array, at: number, n: number): Uint8Array {
    this.grow(n);
    const emit = this.emit;
    const score = this.score;
    const back = this.back;
    const out = this.tags[0]!;
    if (n === 0) return out;
    // emission scores: the seven tag sums kept in locals (T is 7)
    for (let i = 0; i < n; i++) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let a4 = 0;
      let a5 = 0;
      let a6 = 0;
      const base = at + i * F;
      // two passes: the first touches every row of the character (one load each, so that the
      // cache misses of all F rows are in flight together), the second sums the other six tags
      for (let k = 0; k < F; k++) a0 += weights[feats[base + k]! * 7]!;
      for (let k = 0; k < F; k++) {
        const row = feats[base + k]! * 7;
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
    // transitions with the BIO constraints folded in
    const tr = this.tr;
    for (let p = -1; p < T; p++) for (let t = 0; t < T; t++) tr[(p + 1) * T + t] = allowed(p, t) ? trans[(p + 1) * T + t]! : -Infinity;
    for (let t = 0; t < T; t++) score[t] = emit[t]! + tr[t]!;
    for (let i = 1; i < n; i++) {
      const e = i * T;
      const pe = e - T;
      for (let t = 0; t < T; t++) {
        let best = -Infinity;
        let arg = 0;
        for (let p = 0; p < T; p++) {
          const s = score[pe + p]! + tr[(p + 1) * T + t]!;
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        score[e + t] = best + emit[e + t]!;
        back[e + t] = arg;
      }
    }
    let best = -Infinity;
    let arg = 0;
    const last = (n - 1) * T;
    for (let t = 0; t < T; t++) {
      if (score[last + t]! > best) {
        best = score[last + t]!;
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
