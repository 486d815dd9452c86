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
 * The per-character arrays are built only when first read; `compose` of a
 * sparse map onto a dense one copies the identity runs as whole subarrays.
 *
 * A normalize pass builds its map with `EditBuilder`: keep / delete / replace /
 * insert over its input; `compose` chains maps so the final map always points
 * into the original raw text.
 */

/** Segment layout (stride 3): input start, input end, output length. */
const STRIDE = 3;
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
   * A map from segments: for k < nseg, segs[3k..3k+2] = [inStart, inEnd,
   * outLen]; outLen === inEnd - inStart means a one-for-one run, anything
   * else maps every output character to [inStart, inEnd). Segments are in
   * input order and cover the output text in order.
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
    const segs = new Int32Array([0, n, n]);
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
      if (len === b - a) {
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
    return this.from[Math.max(0, p)]!;
  }

  /** Map a derived span [start, end) to the raw span it came from. */
  span(start: number, end: number): [number, number] {
    if (start < 0 || end > this.length || start > end) {
      throw new RangeError(`span [${start}, ${end}) outside 0..${this.length}`);
    }
    if (start === end) {
      const p = start < this.length ? this.from[start]! : this.sourceLength;
      return [p, p];
    }
    return [this.from[start]!, this.to[end - 1]!];
  }

  /** Map this map's source through `outer` (which maps source -> raw). */
  compose(outer: OffsetMap): OffsetMap {
    if (outer.length !== this.sourceLength) {
      throw new Error(`compose: inner source length ${this.sourceLength} != outer length ${outer.length}`);
    }
    if (this._identity) return outer;
    if (outer._identity) return this;
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
        if (len === b - a) {
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
  private segs: Int32Array;
  private nseg = 0;
  private len = 0;
  private pos = 0;
  private changed = false;

  constructor(readonly input: string) {
    this.segs = new Int32Array(3 * 16);
  }

  get position(): number {
    return this.pos;
  }

  private flush(): void {
    if (this.pos > this.pending) this.out.push(this.input.slice(this.pending, this.pos));
  }

  private seg(a: number, b: number, outLen: number): void {
    const segs = this.segs;
    const last = (this.nseg - 1) * STRIDE;
    // a one-for-one run continuing the previous one extends it
    if (outLen === b - a && last >= 0 && segs[last + 1] === a && segs[last + 2] === a - segs[last]!) {
      segs[last + 1] = b;
      segs[last + 2] = b - segs[last]!;
      return;
    }
    if ((this.nseg + 1) * STRIDE > segs.length) {
      const bigger = new Int32Array(segs.length * 2);
      bigger.set(segs);
      this.segs = bigger;
    }
    const s = this.nseg * STRIDE;
    this.segs[s] = a;
    this.segs[s + 1] = b;
    this.segs[s + 2] = outLen;
    this.nseg++;
  }

  /** Copy the next n input characters unchanged. */
  keep(n: number): this {
    this.check(n);
    if (n === 0) return this;
    const end = this.pos + n;
    this.seg(this.pos, end, n);
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
      if (n > 0) this.seg(start, end, n);
    } else {
      this.changed = true;
      if (text.length > 0) this.seg(start, end, text.length);
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
    this.seg(this.pos, this.pos, text.length);
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
    return { text, map: OffsetMap.fromSegments(this.segs, this.nseg, this.len, this.input.length, !this.changed) };
  }

  private check(n: number): void {
    if (n < 0 || this.pos + n > this.input.length) {
      throw new RangeError(`EditBuilder: cannot consume ${n} at ${this.pos} of ${this.input.length}`);
    }
  }
}
