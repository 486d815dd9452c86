/**
 * The training lists (./lexicon.ts) as the model file stores them (format
 * 4): 64-bit fingerprints of the folded strings, never the strings. A list
 * is an open-addressing table of fingerprints (two 32-bit hashes of the
 * char codes with different seeds and constants) with a one-byte value
 * beside each; for lists read by longest match, every proper prefix of a
 * string is in the table too (value PREFIX), so a scan walks a span char
 * by char, hashing as it goes, and stops at the first prefix the table
 * does not hold, like a trie walk. A bitmap of hashed (first, second) char
 * pairs lets most positions stop before any hashing; the first-char table
 * is derived on load by probing every char code.
 *
 * Lookups return the value of a string that hashes like a listed one: the
 * same answers as the strings themselves up to fingerprint collisions
 * (about n / 2^64 per probe).
 */

/** value of a prefix that is not itself in the list */
const PREFIX = 0xff;
const SEED_A = 0x9747b28c;
const SEED_B = 0x811c9dc5;

/** one char into state A (murmur3 body step) */
export function stepA(h: number, v: number): number {
  v = Math.imul(v, 0xcc9e2d51);
  v = (v << 15) | (v >>> 17);
  v = Math.imul(v, 0x1b873593);
  h ^= v;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
/** one char into state B (FNV-1a over the code, then a rotation) */
export function stepB(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x01000193);
  return (h << 7) | (h >>> 25);
}
export function finA(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
export function finB(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return h >>> 0;
}

/** A hash of a character pair, `bits` bits wide. */
function pairHash(a: number, b: number, bits: number): number {
  return Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) >>> (32 - bits);
}

/** The fingerprint (hi, lo) of every one-char string, by char code: made once per thread (the lists' constructors probe them all). */
let oneChar: [Uint32Array, Uint32Array] | undefined;
function oneCharFingerprints(): [Uint32Array, Uint32Array] {
  if (oneChar) return oneChar;
  const hi = new Uint32Array(65536);
  const lo = new Uint32Array(65536);
  for (let c = 0; c < 65536; c++) {
    hi[c] = finA(stepA(SEED_A, c));
    lo[c] = finB(stepB(SEED_B, c));
  }
  return (oneChar = [hi, lo]);
}

/** What the model file holds of one list: fingerprints sorted by (hi, lo), their values, the pair bitmap. */
export interface FpParts {
  hi: Uint32Array;
  lo: Uint32Array;
  val: Uint8Array;
  pair: Uint8Array;
  pairBits: number;
  /** length of the longest string */
  maxLen: number;
}

export class FpList {
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly vals: Uint8Array;
  private readonly mask: number;
  /** 1 where a listed string (or prefix) starts with the char */
  readonly first = new Uint8Array(65536);
  /** value of a one-char string, 0 when none */
  private readonly single = new Uint8Array(65536);
  private readonly pair: Uint8Array;
  private readonly pairBits: number;
  readonly maxLen: number;
  readonly size: number;
  /** the value of the string longestAt last found */
  val = 0;

  constructor(readonly parts: FpParts) {
    const n = parts.hi.length;
    this.size = n;
    let bits = 4;
    while (1 << bits < n * 2) bits++;
    this.mask = (1 << bits) - 1;
    this.hi = new Uint32Array(1 << bits);
    this.lo = new Uint32Array(1 << bits);
    this.vals = new Uint8Array(1 << bits);
    for (let k = 0; k < n; k++) {
      const lo = parts.lo[k]!;
      let h = lo & this.mask;
      while (this.vals[h] !== 0) h = (h + 1) & this.mask;
      this.hi[h] = parts.hi[k]!;
      this.lo[h] = lo;
      this.vals[h] = parts.val[k]!;
    }
    this.pair = parts.pair;
    this.pairBits = parts.pairBits;
    this.maxLen = parts.maxLen;
    // every char code probed as a one-char string (its fingerprints computed once per thread for all lists)
    const [hiOne, loOne] = oneCharFingerprints();
    const first = this.first;
    const single = this.single;
    for (let c = 0; c < 65536; c++) {
      const v = this.get(hiOne[c]!, loOne[c]!);
      if (v !== 0) {
        first[c] = 1;
        if (v !== PREFIX) single[c] = v;
      }
    }
  }

  /** A list of [string, value] pairs (values 1..254); with `prefixes`, every proper prefix is listed too, for longestAt. Deterministic. */
  static of(entries: Iterable<readonly [string, number]>, prefixes: boolean): FpList {
    const map = new Map<string, [number, number, number]>();
    const put = (w: string, len: number, v: number): void => {
      let a = SEED_A;
      let b = SEED_B;
      for (let i = 0; i < len; i++) {
        a = stepA(a, w.charCodeAt(i));
        b = stepB(b, w.charCodeAt(i));
      }
      const hi = finA(a);
      const lo = finB(b);
      const key = `${hi}:${lo}`;
      const e = map.get(key);
      if (!e) map.set(key, [hi, lo, v]);
      else if (v !== PREFIX) e[2] = v;
    };
    let maxLen = 0;
    let count = 0;
    const list = [...entries];
    for (const [w, v] of list) {
      if (w.length === 0) continue;
      if (v < 1 || v >= PREFIX) throw new Error(`list value ${v} out of range`);
      count++;
      maxLen = Math.max(maxLen, w.length);
      if (prefixes) for (let len = 1; len < w.length; len++) put(w, len, PREFIX);
      put(w, w.length, v);
    }
    let pairBits = 16;
    while (pairBits < 22 && 1 << pairBits < count * 16) pairBits++;
    const pair = new Uint8Array(1 << (pairBits - 3));
    for (const [w] of list) {
      if (w.length < 2) continue;
      const h = pairHash(w.charCodeAt(0), w.charCodeAt(1), pairBits);
      pair[h >>> 3]! |= 1 << (h & 7);
    }
    const rows = [...map.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return new FpList({
      hi: Uint32Array.from(rows, (r) => r[0]),
      lo: Uint32Array.from(rows, (r) => r[1]),
      val: Uint8Array.from(rows, (r) => r[2]),
      pair,
      pairBits,
      maxLen,
    });
  }

  /** The value stored for a fingerprint, 0 when none (PREFIX for a prefix only). */
  private get(hi: number, lo: number): number {
    const mask = this.mask;
    let h = lo & mask;
    for (;;) {
      const v = this.vals[h]!;
      if (v === 0) return 0;
      if (this.lo[h] === lo && this.hi[h] === hi) return v;
      h = (h + 1) & mask;
    }
  }

  /** The value of the string codes[start, end), 0 when it is not listed (nor a prefix). */
  valueOf(codes: Int32Array, start: number, end: number): number {
    let a = SEED_A;
    let b = SEED_B;
    for (let i = start; i < end; i++) {
      a = stepA(a, codes[i]!);
      b = stepB(b, codes[i]!);
    }
    const v = this.get(finA(a), finB(b));
    return v === PREFIX ? 0 : v;
  }

  /**
   * valueOf for a span whose first hash `hi` is already known (features.ts
   * hashes every jieba word the same way for its W block): one-char strings
   * from the char table, longer ones only past the pair bitmap.
   */
  valueWithHi(codes: Int32Array, start: number, end: number, hi: number): number {
    const c0 = codes[start]!;
    if (end - start === 1) return this.single[c0]!;
    const ph = pairHash(c0, codes[start + 1]!, this.pairBits);
    if (!(this.pair[ph >>> 3]! & (1 << (ph & 7)))) return 0;
    let b = SEED_B;
    for (let i = start; i < end; i++) b = stepB(b, codes[i]!);
    const v = this.get(hi, finB(b));
    return v === PREFIX ? 0 : v;
  }

  /** Length of the longest listed string in codes[i, end) that starts at `i`, or 0; its value in `val`. */
  longestAt(codes: Int32Array, i: number, end: number): number {
    const c0 = codes[i]!;
    if (!this.first[c0]) return 0;
    let best = 0;
    if (this.single[c0]) {
      best = 1;
      this.val = this.single[c0]!;
    }
    if (i + 1 >= end) return best;
    const ph = pairHash(c0, codes[i + 1]!, this.pairBits);
    if (!(this.pair[ph >>> 3]! & (1 << (ph & 7)))) return best;
    let a = stepA(SEED_A, c0);
    let b = stepB(SEED_B, c0);
    for (let j = i + 1; j < end; j++) {
      const c = codes[j]!;
      a = stepA(a, c);
      b = stepB(b, c);
      const v = this.get(finA(a), finB(b));
      if (v === 0) break;
      if (v !== PREFIX) {
        best = j + 1 - i;
        this.val = v;
      }
    }
    return best;
  }
}
