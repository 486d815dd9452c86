/**
 * OffsetMap: for every character of a derived text, the half-open span of the
 * source text it came from. Offsets are UTF-16 code units (JS string indices).
 *
 * Representation: two Int32Arrays of length n (derived text length):
 *   from[i], to[i] = raw span [from, to) that produced derived char i.
 * Invariants (checked by `assertMonotonic`): from[i] <= to[i], from is
 * non-decreasing, to is non-decreasing. `sourceLength` is the raw length.
 *
 * A map built by `EditBuilder` is sparse: a list of segments, each either a
 * run of characters copied one for one (identity) or the output of one
 * replace/insert (every output character maps to the whole replaced span).
 * The per-character arrays are built only when first read. `compose` of two
 * sparse maps is computed on the segments (work proportional to the number
 * of edits), so a chain of passes builds per-character arrays once, at the
 * end; a dense map composes character by character as before.
 *
 * A normalize pass builds its map with `EditBuilder`: keep / delete / replace /
 * insert over its input; `compose` chains maps so the final map always points
 * into the original raw text.
 */

/** Segment layout (stride 4): input start, input end, output length, kind. */
const STRIDE = 4;
/** Each output character maps to its own input character (outLen = inEnd - inStart). */
const IDENT = 0;
/** Every output character maps to the whole input span [inStart, inEnd). */
const SPREAD = 1;
const EMPTY = new Int32Array(0);

interface Sparse {
  segs: Int32Array;
  nseg: number;
  length: number;
  identity: boolean;
}

export class OffsetMap {
  private _from: Int32Array | null;
  private _to: Int32Array | null;
  private readonly _len: number;
  /** sparse form (null when built from arrays) */
  private readonly _segs: Int32Array | null;
  private readonly _nseg: number;
  private readonly _identity: boolean;
  /** output start of each segment, built for point lookups on a sparse map */
  private _outStart: Int32Array | null = null;
  /** segment index of the last point lookup */
  private _hint = 0;

  constructor(from: Int32Array, to: Int32Array, readonly sourceLength: number, sparse?: Sparse) {
    if (sparse) {
      this._from = null;
      this._to = null;
      this._len = sparse.length;
      this._segs = sparse.segs;
      this._nseg = sparse.nseg;
      this._identity = sparse.identity;
    } else {
      this._from = from;
      this._to = to;
      this._len = from.length;
      this._segs = null;
      this._nseg = 0;
      this._identity = false;
    }
  }

  /**
   * A map from segments: for k < nseg, segs[4k..4k+3] = [inStart, inEnd,
   * outLen, kind]; kind 0 is a one-for-one run (outLen = inEnd - inStart),
   * kind 1 maps each of outLen output characters to [inStart, inEnd).
   * Segments are in input order and cover the output text in order.
   */
  static fromSegments(segs: Int32Array, nseg: number, length: number, sourceLength: number, identity = false): OffsetMap {
    return new OffsetMap(EMPTY, EMPTY, sourceLength, { segs, nseg, length, identity });
  }

  get from(): Int32Array {
    if (!this._from) this.materialize();
    return this._from!;
  }

  get to(): Int32Array {
    if (!this._to) this.materialize();
    return this._to!;
  }

  get length(): number {
    return this._len;
  }

  /**
   * True when the map is known to be the identity (every character maps to
   * its own source character and nothing was deleted or inserted). Only
   * sparse maps know this without a scan; a dense map answers false.
   */
  get isIdentity(): boolean {
    return this._identity;
  }

  static identity(n: number): OffsetMap {
    const segs = new Int32Array([0, n, n, IDENT]);
    return OffsetMap.fromSegments(segs, n > 0 ? 1 : 0, n, n, true);
  }

  private materialize(): void {
    const n = this._len;
    const from = new Int32Array(n);
    const to = new Int32Array(n);
    const segs = this._segs!;
    let k = 0;
    for (let s = 0, e = this._nseg * STRIDE; s < e; s += STRIDE) {
      const a = segs[s]!;
      const b = segs[s + 1]!;
      const len = segs[s + 2]!;
      if (segs[s + 3] === IDENT) {
        for (let i = a; i < b; i++, k++) {
          from[k] = i;
          to[k] = i + 1;
        }
      } else {
        from.fill(a, k, k + len);
        to.fill(b, k, k + len);
        k += len;
      }
    }
    this._from = from;
    this._to = to;
  }

  /** Raw position of a derived boundary position p (0..length). */
  boundary(p: number): number {
    if (p >= this.length) return this.sourceLength;
    return this.fromAt(Math.max(0, p));
  }

  /** Map a derived span [start, end) to the raw span it came from. */
  span(start: number, end: number): [number, number] {
    if (start < 0 || end > this.length || start > end) {
      throw new RangeError(`span [${start}, ${end}) outside 0..${this.length}`);
    }
    if (start === end) {
      const p = start < this.length ? this.fromAt(start) : this.sourceLength;
      return [p, p];
    }
    return [this.fromAt(start), this.toAt(end - 1)];
  }

  /** from[i] (0 <= i < length), without building the arrays of a sparse map. */
  fromAt(i: number): number {
    if (this._from) return this._from[i]!;
    const s = this.segAt(i);
    const segs = this._segs!;
    return segs[s + 3] === IDENT ? segs[s]! + (i - this._outStart![s >> 2]!) : segs[s]!;
  }

  /** to[i] (0 <= i < length), without building the arrays of a sparse map. */
  toAt(i: number): number {
    if (this._to) return this._to[i]!;
    const s = this.segAt(i);
    const segs = this._segs!;
    return segs[s + 3] === IDENT ? segs[s]! + (i - this._outStart![s >> 2]!) + 1 : segs[s + 1]!;
  }

  /** Offset in _segs of the segment holding output character i (binary search). */
  private segAt(i: number): number {
    let starts = this._outStart;
    if (!starts) {
      starts = new Int32Array(this._nseg);
      const segs = this._segs!;
      for (let k = 0, o = 0; k < this._nseg; k++) {
        starts[k] = o;
        o += segs[k * STRIDE + 2]!;
      }
      this._outStart = starts;
    }
    // lookups mostly come in text order: try the last segment found and
    // the one after it before searching
    const h = this._hint;
    const last = this._nseg - 1;
    if (h <= last && starts[h]! <= i) {
      if (h === last || starts[h + 1]! > i) return h * STRIDE;
      if (h + 1 === last || starts[h + 2]! > i) {
        this._hint = h + 1;
        return (h + 1) * STRIDE;
      }
    }
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    this._hint = lo;
    return lo * STRIDE;
  }

  /** Map this map's source through `outer` (which maps source -> raw). */
  compose(outer: OffsetMap): OffsetMap {
    if (outer.length !== this.sourceLength) {
      throw new Error(`compose: inner source length ${this.sourceLength} != outer length ${outer.length}`);
    }
    if (this._identity) return outer;
    if (outer._identity) return this;
    if (this._segs && outer._segs) return this.composeSparse(outer);
    const n = this.length;
    const from = new Int32Array(n);
    const to = new Int32Array(n);
    const outerFrom = outer.from;
    const outerTo = outer.to;
    const outerLen = outer.length;
    const outerSrc = outer.sourceLength;
    if (this._segs && !this._from) {
      // sparse inner: identity runs are copied whole
      const segs = this._segs;
      let k = 0;
      for (let s = 0, e = this._nseg * STRIDE; s < e; s += STRIDE) {
        const a = segs[s]!;
        const b = segs[s + 1]!;
        const len = segs[s + 2]!;
        if (a < 0 || b > outerLen || a > b) throw new RangeError(`span [${a}, ${b}) outside 0..${outerLen}`);
        if (segs[s + 3] === IDENT) {
          if (len > 16) {
            from.set(outerFrom.subarray(a, b), k);
            to.set(outerTo.subarray(a, b), k);
          } else {
            for (let i = a, j = k; i < b; i++, j++) {
              from[j] = outerFrom[i]!;
              to[j] = outerTo[i]!;
            }
          }
        } else if (len > 0) {
          let f: number;
          let t: number;
          if (a === b) {
            f = a < outerLen ? outerFrom[a]! : outerSrc;
            const prevTo = a > 0 ? outerTo[a - 1]! : 0;
            t = prevTo > f ? prevTo : f;
          } else {
            f = outerFrom[a]!;
            t = outerTo[b - 1]!;
          }
          from.fill(f, k, k + len);
          to.fill(t, k, k + len);
        }
        k += len;
      }
      return new OffsetMap(from, to, outerSrc);
    }
    const innerFrom = this.from;
    const innerTo = this.to;
    // Same result as outer.span(innerFrom[i], innerTo[i]) per character,
    // without allocating a tuple per character.
    for (let i = 0; i < n; i++) {
      const a = innerFrom[i]!;
      const b = innerTo[i]!;
      if (a < 0 || b > outerLen || a > b) {
        throw new RangeError(`span [${a}, ${b}) outside 0..${outerLen}`);
      }
      if (a === b) {
        // An inserted character sits at boundary a of the outer text. When
        // the outer characters on both sides of that boundary came from the
        // same replaced raw span, mapping it to the empty span at the start
        // of that span broke monotonicity ([5,9) then [5,5)); it touches the
        // replaced span, so it widens to it.
        const p = a < outerLen ? outerFrom[a]! : outerSrc;
        const prevTo = a > 0 ? outerTo[a - 1]! : 0;
        from[i] = p;
        to[i] = prevTo > p ? prevTo : p;
      } else {
        from[i] = outerFrom[a]!;
        to[i] = outerTo[b - 1]!;
      }
    }
    return new OffsetMap(from, to, outerSrc);
  }

  /**
   * compose() on segments: an inner identity run is cut where the outer
   * segments under it change; an inner replaced span maps to the outer span
   * of its ends (an insertion widens to a replaced span it touches, as in
   * the per-character rule).
   */
  private composeSparse(outer: OffsetMap): OffsetMap {
    const inS = this._segs!;
    const inN = this._nseg * STRIDE;
    const oS = outer._segs!;
    const oN = outer._nseg * STRIDE;
    const outerLen = outer.length;
    const outerSrc = outer.sourceLength;
    const w = new SegWriter(this._nseg + outer._nseg + 8);
    // cursor over outer segments: segment at index c covers outer output [cs, ce)
    let c = 0;
    let cs = 0;
    let ce = oN > 0 ? oS[2]! : 0;
    const seek = (p: number): void => {
      while (p >= ce && c + STRIDE < oN) {
        c += STRIDE;
        cs = ce;
        ce = cs + oS[c + 2]!;
      }
      while (p < cs && c > 0) {
        c -= STRIDE;
        ce = cs;
        cs = ce - oS[c + 2]!;
      }
    };
    // raw start / end of outer output character p
    const fromOf = (p: number): number => {
      seek(p);
      return oS[c + 3] === IDENT ? oS[c]! + (p - cs) : oS[c]!;
    };
    const toOf = (p: number): number => {
      seek(p);
      return oS[c + 3] === IDENT ? oS[c]! + (p - cs) + 1 : oS[c + 1]!;
    };
    for (let s = 0; s < inN; s += STRIDE) {
      const a = inS[s]!;
      const b = inS[s + 1]!;
      const len = inS[s + 2]!;
      if (a < 0 || b > outerLen || a > b) throw new RangeError(`span [${a}, ${b}) outside 0..${outerLen}`);
      if (inS[s + 3] === IDENT) {
        let p = a;
        while (p < b) {
          seek(p);
          const q = ce < b ? ce : b;
          if (oS[c + 3] === IDENT) {
            const r = oS[c]! + (p - cs);
            w.push(r, r + (q - p), q - p, IDENT);
          } else w.push(oS[c]!, oS[c + 1]!, q - p, SPREAD);
          p = q;
        }
      } else if (len > 0) {
        let f: number;
        let t: number;
        if (a === b) {
          f = a < outerLen ? fromOf(a) : outerSrc;
          const prevTo = a > 0 ? toOf(a - 1) : 0;
          t = prevTo > f ? prevTo : f;
        } else {
          f = fromOf(a);
          t = toOf(b - 1);
        }
        w.push(f, t, len, SPREAD);
      }
    }
    return OffsetMap.fromSegments(w.segs, w.n, this._len, outerSrc, false);
  }

  /** Throws with the first offending index when an invariant fails. */
  assertMonotonic(): void {
    let prevFrom = 0;
    let prevTo = 0;
    const from = this.from;
    const to = this.to;
    for (let i = 0; i < this.length; i++) {
      const f = from[i]!;
      const t = to[i]!;
      if (f > t || f < prevFrom || t < prevTo || t > this.sourceLength) {
        throw new Error(`offset map not monotonic at ${i}: [${f}, ${t}) after [${prevFrom}, ${prevTo})`);
      }
      prevFrom = f;
      prevTo = t;
    }
  }
}

/** Growable segment list; adjacent segments that read as one are merged. */
class SegWriter {
  segs: Int32Array;
  n = 0;
  constructor(cap: number) {
    this.segs = new Int32Array(STRIDE * Math.max(4, cap));
  }
  push(a: number, b: number, len: number, kind: number): void {
    let segs = this.segs;
    if (this.n > 0) {
      const l = (this.n - 1) * STRIDE;
      if (kind === IDENT && segs[l + 3] === IDENT && segs[l + 1] === a) {
        segs[l + 1] = b;
        segs[l + 2] = segs[l + 2]! + len;
        return;
      }
      if (kind === SPREAD && segs[l + 3] === SPREAD && segs[l] === a && segs[l + 1] === b) {
        segs[l + 2] = segs[l + 2]! + len;
        return;
      }
    }
    if ((this.n + 1) * STRIDE > segs.length) {
      const bigger = new Int32Array(segs.length * 2);
      bigger.set(segs);
      this.segs = segs = bigger;
    }
    const k = this.n * STRIDE;
    segs[k] = a;
    segs[k + 1] = b;
    segs[k + 2] = len;
    segs[k + 3] = kind;
    this.n++;
  }
}

/**
 * Builds the output text of one pass together with its OffsetMap into the
 * pass's input. Every input character must be consumed exactly once, in order,
 * by keep / delete / replace; `insert` adds text attached to the current input
 * position (an empty source span).
 *
 * Work is proportional to the number of edits, not to the text: kept text is
 * sliced from the input only where an edit interrupts it, and the map is a
 * list of segments (see OffsetMap.fromSegments).
 */
export class EditBuilder {
  private out: string[] = [];
  /** start of the kept input not yet copied to `out` */
  private pending = 0;
  private segs: SegWriter;
  private len = 0;
  private pos = 0;
  private changed = false;

  constructor(readonly input: string) {
    this.segs = new SegWriter(16);
  }

  get position(): number {
    return this.pos;
  }

  private flush(): void {
    if (this.pos > this.pending) this.out.push(this.input.slice(this.pending, this.pos));
  }

  /** Copy the next n input characters unchanged. */
  keep(n: number): this {
    this.check(n);
    if (n === 0) return this;
    const end = this.pos + n;
    this.segs.push(this.pos, end, n, IDENT);
    this.len += n;
    this.pos = end;
    return this;
  }

  /** Drop the next n input characters. */
  delete(n: number): this {
    this.check(n);
    if (n === 0) return this;
    this.flush();
    this.pos += n;
    this.pending = this.pos;
    this.changed = true;
    return this;
  }

  /**
   * Replace the next n input characters with `text`. When lengths match each
   * output char maps to its own input char; otherwise every output char maps
   * to the whole replaced span (a span touching it widens to the raw bounds).
   */
  replace(n: number, text: string): this {
    this.check(n);
    this.flush();
    const start = this.pos;
    const end = start + n;
    if (text.length > 0) this.out.push(text);
    if (text.length === n) {
      if (n > 0) this.segs.push(start, end, n, IDENT);
    } else {
      this.changed = true;
      if (text.length > 0) this.segs.push(start, end, text.length, SPREAD);
    }
    this.len += text.length;
    this.pos = end;
    this.pending = end;
    return this;
  }

  /** Insert text that has no source; it maps to the empty span at the current position. */
  insert(text: string): this {
    if (text.length === 0) return this;
    this.flush();
    this.out.push(text);
    this.segs.push(this.pos, this.pos, text.length, SPREAD);
    this.len += text.length;
    this.pending = this.pos;
    this.changed = true;
    return this;
  }

  /** Keep everything up to input position p. */
  keepTo(p: number): this {
    return this.keep(p - this.pos);
  }

  finish(): { text: string; map: OffsetMap } {
    if (this.pos !== this.input.length) this.keep(this.input.length - this.pos);
    this.flush();
    this.pending = this.pos;
    const text = this.out.length === 1 ? this.out[0]! : this.out.join('');
    if (text.length !== this.len) throw new Error('EditBuilder: text and map lengths differ');
    return { text, map: OffsetMap.fromSegments(this.segs.segs, this.segs.n, this.len, this.input.length, !this.changed) };
  }

  private check(n: number): void {
    if (n < 0 || this.pos + n > this.input.length) {
      throw new RangeError(`EditBuilder: cannot consume ${n} at ${this.pos} of ${this.input.length}`);
    }
  }
}
