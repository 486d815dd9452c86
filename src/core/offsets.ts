/**
 * OffsetMap: for every character of a derived text, the half-open span of the
 * source text it came from. Offsets are UTF-16 code units (JS string indices).
 *
 * Representation: two Int32Arrays of length n (derived text length):
 *   from[i], to[i] = raw span [from, to) that produced derived char i.
 * Invariants (checked by `assertMonotonic`): from[i] <= to[i], from is
 * non-decreasing, to is non-decreasing. `sourceLength` is the raw length.
 *
 * A normalize pass builds its map with `EditBuilder`: keep / delete / replace /
 * insert over its input; `compose` chains maps so the final map always points
 * into the original raw text.
 */
export class OffsetMap {
  constructor(
    readonly from: Int32Array,
    readonly to: Int32Array,
    readonly sourceLength: number,
  ) {}

  get length(): number {
    return this.from.length;
  }

  static identity(n: number): OffsetMap {
    const from = new Int32Array(n);
    const to = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      from[i] = i;
      to[i] = i + 1;
    }
    return new OffsetMap(from, to, n);
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
    const n = this.length;
    const from = new Int32Array(n);
    const to = new Int32Array(n);
    const innerFrom = this.from;
    const innerTo = this.to;
    const outerFrom = outer.from;
    const outerTo = outer.to;
    const outerLen = outer.length;
    // Same result as outer.span(innerFrom[i], innerTo[i]) per character,
    // without allocating a tuple per character (this is the hot loop of
    // every multi-pass normalization).
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
        const p = a < outerLen ? outerFrom[a]! : outer.sourceLength;
        const prevTo = a > 0 ? outerTo[a - 1]! : 0;
        from[i] = p;
        to[i] = prevTo > p ? prevTo : p;
      } else {
        from[i] = outerFrom[a]!;
        to[i] = outerTo[b - 1]!;
      }
    }
    return new OffsetMap(from, to, outer.sourceLength);
  }

  /** Throws with the first offending index when an invariant fails. */
  assertMonotonic(): void {
    let prevFrom = 0;
    let prevTo = 0;
    for (let i = 0; i < this.length; i++) {
      const f = this.from[i]!;
      const t = this.to[i]!;
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
 */
export class EditBuilder {
  private out: string[] = [];
  // Growable typed arrays (length `len`): pushing one JS number per
  // character into plain arrays made every pass several times slower.
  private from: Int32Array;
  private to: Int32Array;
  private len = 0;
  private pos = 0;

  constructor(readonly input: string) {
    const cap = Math.max(16, input.length + 16);
    this.from = new Int32Array(cap);
    this.to = new Int32Array(cap);
  }

  private reserve(extra: number): void {
    const need = this.len + extra;
    if (need <= this.from.length) return;
    let cap = this.from.length * 2;
    while (cap < need) cap *= 2;
    const f = new Int32Array(cap);
    const t = new Int32Array(cap);
    f.set(this.from.subarray(0, this.len));
    t.set(this.to.subarray(0, this.len));
    this.from = f;
    this.to = t;
  }

  get position(): number {
    return this.pos;
  }

  /** Copy the next n input characters unchanged. */
  keep(n: number): this {
    this.check(n);
    const end = this.pos + n;
    if (n === 0) return this;
    this.out.push(this.input.slice(this.pos, end));
    this.reserve(n);
    const from = this.from;
    const to = this.to;
    let k = this.len;
    for (let i = this.pos; i < end; i++, k++) {
      from[k] = i;
      to[k] = i + 1;
    }
    this.len = k;
    this.pos = end;
    return this;
  }

  /** Drop the next n input characters. */
  delete(n: number): this {
    this.check(n);
    this.pos += n;
    return this;
  }

  /**
   * Replace the next n input characters with `text`. When lengths match each
   * output char maps to its own input char; otherwise every output char maps
   * to the whole replaced span (a span touching it widens to the raw bounds).
   */
  replace(n: number, text: string): this {
    this.check(n);
    const start = this.pos;
    const end = start + n;
    this.out.push(text);
    this.reserve(text.length);
    let k = this.len;
    if (text.length === n) {
      for (let i = 0; i < n; i++, k++) {
        this.from[k] = start + i;
        this.to[k] = start + i + 1;
      }
    } else {
      for (let i = 0; i < text.length; i++, k++) {
        this.from[k] = start;
        this.to[k] = end;
      }
    }
    this.len = k;
    this.pos = end;
    return this;
  }

  /** Insert text that has no source; it maps to the empty span at the current position. */
  insert(text: string): this {
    this.out.push(text);
    this.reserve(text.length);
    let k = this.len;
    for (let i = 0; i < text.length; i++, k++) {
      this.from[k] = this.pos;
      this.to[k] = this.pos;
    }
    this.len = k;
    return this;
  }

  /** Keep everything up to input position p. */
  keepTo(p: number): this {
    return this.keep(p - this.pos);
  }

  finish(): { text: string; map: OffsetMap } {
    if (this.pos !== this.input.length) this.keep(this.input.length - this.pos);
    const text = this.out.join('');
    if (text.length !== this.len) throw new Error('EditBuilder: text and map lengths differ');
    return { text, map: new OffsetMap(this.from.subarray(0, this.len), this.to.subarray(0, this.len), this.input.length) };
  }

  private check(n: number): void {
    if (n < 0 || this.pos + n > this.input.length) {
      throw new RangeError(`EditBuilder: cannot consume ${n} at ${this.pos} of ${this.input.length}`);
    }
  }
}
