/**
 * The emission sums of the entity model in WebAssembly SIMD: for every
 * character, the sum of its feature rows (Int16, padded to eight per row:
 * one 16-byte load each) as eight Int32 lanes, two 128-bit adds per row
 * instead of seven loads and adds. The same integer sums as the JS loop of
 * model.ts (Decoder.decode), about three times faster here (the JS loop
 * pays a bounds check per weight).
 *
 * The module is one function, assembled below from its instructions (no
 * toolchain, no binary file): `sum(feats, n, F, weights, out)` reads the
 * first U of each char's F feature ids (u32) at `feats` (U fixed when the
 * module is assembled: the loop over them is unrolled, one module per U)
 * and writes n rows of eight i32 at `out`; the weight rows must sit at
 * address 0 (`weights` is passed as 0 and not read).
 * Memory layout of a `SimdSums`: the weight rows from address 0, then the
 * feature ids of one piece of text, then its sums; fixed size (never grown,
 * so the views stay valid): pieces longer than `maxChars` go to the JS loop.
 */

const uleb = (v: number): number[] => {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
};
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vector = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

// opcodes (WebAssembly core 2.0 and its SIMD proposal)
const I32 = 0x7f;
const V128 = 0x7b;
const get = (i: number): number[] => [0x20, i];
const set = (i: number): number[] => [0x21, i];
const tee = (i: number): number[] => [0x22, i];
const i32 = (v: number): number[] => [0x41, v]; // small non-negative constants only (one LEB byte: 0..63)
const ADD = 0x6a;
const SHL = 0x74;
const LT_U = 0x49;
const GE_U = 0x4f;
const LOAD = (align: number, offset: number): number[] => [0x28, align, ...uleb(offset)];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const END = 0x0b;
const BR = (depth: number): number[] => [0x0c, depth];
const BR_IF = (depth: number): number[] => [0x0d, depth];
const simd = (op: number, ...imm: number[]): number[] => [0xfd, ...uleb(op), ...imm];
const V_LOAD = simd(0x00, 4, 0);
const V_STORE = (offset: number): number[] => simd(0x0b, 4, offset);
const V_ZERO = simd(0x0c, ...new Array<number>(16).fill(0));
const EXTEND_LOW = simd(0xa7); // i32x4.extend_low_i16x8_s
const EXTEND_HIGH = simd(0xa8); // i32x4.extend_high_i16x8_s
const V_ADD = simd(0xae); // i32x4.add

// params 0 feats, 1 n, 2 F, 3 weights (always 0: read nowhere, the rows are at id * 16), 4 out; locals 5 i,
// 6 p (address of the char's ids), 7 (unused), 8 lo, 9 hi, 10 row.
// The loop over a char's F ids is unrolled (F is known when the module is
// assembled, one module per F): per id a load at a constant offset from p,
// no counter and no branch, so more of the rows' cache misses overlap.
const bodyFor = (F: number): number[] => {
  const rows: number[] = [];
  for (let k = 0; k < F; k++) {
    rows.push(
      ...get(6), ...LOAD(2, k * 4), ...i32(4), SHL,
      ...V_LOAD, ...tee(10),
      ...EXTEND_LOW, ...get(8), ...V_ADD, ...set(8),
      ...get(10), ...EXTEND_HIGH, ...get(9), ...V_ADD, ...set(9),
    );
  }
  return [
    ...vector([
      [3, I32],
      [3, V128],
    ]),
    ...i32(0), ...set(5),
    ...get(0), ...set(6),
    ...BLOCK,
    ...LOOP, // for each char i
    ...get(5), ...get(1), GE_U, ...BR_IF(1),
    ...V_ZERO, ...set(8),
    ...V_ZERO, ...set(9),
    ...rows, // its F rows: row = id * 16 (the weights sit at address 0)
    // out + i * 32: tags 0-3, then 4-6 and the padding lane
    ...get(4), ...get(5), ...i32(5), SHL, ADD, ...get(8), ...V_STORE(0),
    ...get(4), ...get(5), ...i32(5), SHL, ADD, ...get(9), ...V_STORE(16),
    ...get(6), ...get(2), ...i32(2), SHL, ADD, ...set(6),
    ...get(5), ...i32(1), ADD, ...set(5),
    ...BR(0),
    END,
    END,
    END,
  ];
};

const bytesFor = (F: number): Uint8Array => {
  const body = bodyFor(F);
  return new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vector([[0x60, ...vector([[I32], [I32], [I32], [I32], [I32]]), 0]])), // type: (i32 x5) -> ()
  ...section(2, vector([[...name('m'), ...name('memory'), 0x02, 0x00, 0x01]])), // import memory m.memory, min 1 page
  ...section(3, vector([[0]])), // one function of type 0
  ...section(7, vector([[...name('sum'), 0x00, 0x00]])), // export it as "sum"
  ...section(10, vector([[...uleb(body.length), ...body]])),
  ]);
};

/** The part of the WebAssembly API used here (the project's type libraries do not declare it). */
interface Wasm {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (size: { initial: number }) => { buffer: ArrayBuffer };
}
const wasm = (globalThis as { WebAssembly?: Wasm }).WebAssembly;

const modules = new Map<number, object | null>();
/** The compiled module for F ids per char, or null where this runtime has no WebAssembly SIMD. */
function simdModule(F: number): object | null {
  let mod = modules.get(F);
  if (mod === undefined) {
    try {
      const bytes = bytesFor(F);
      mod = wasm && wasm.validate(bytes) ? new wasm.Module(bytes) : null;
    } catch {
      mod = null;
    }
    modules.set(F, mod);
  }
  return mod;
}

/** Emission sums over Int16 weight rows of eight held in WebAssembly memory. */
export class SimdSums {
  /** the weight rows: 8 Int16 per row (tag weights, then a zero) */
  readonly weights: Int16Array;
  /** where a piece's feature ids go (maxChars * features) */
  readonly feats: Uint32Array;
  /** the sums of the last `sum`: eight Int32 per char */
  readonly out: Int32Array;
  private readonly fn: (feats: number, n: number, F: number, weights: number, out: number) => void;
  private readonly featsAt: number;
  private readonly outAt: number;
  private readonly memory: { buffer: ArrayBuffer };
  /** the sum over fewer ids per char than `features` (sum's `used`), one instance per count, on the same memory */
  private readonly partial = new Map<number, SimdSums['fn']>();

  private constructor(mod: object, rows: number, readonly features: number, readonly maxChars: number) {
    const align = (x: number): number => Math.ceil(x / 64) * 64;
    this.featsAt = align(rows * 16);
    this.outAt = align(this.featsAt + maxChars * features * 4);
    const memory = new wasm!.Memory({ initial: Math.ceil((this.outAt + maxChars * 32) / 65536) });
    this.memory = memory;
    const inst = new wasm!.Instance(mod, { m: { memory } });
    this.fn = inst.exports.sum as SimdSums['fn'];
    this.weights = new Int16Array(memory.buffer, 0, rows * 8);
    this.feats = new Uint32Array(memory.buffer, this.featsAt, maxChars * features);
    this.out = new Int32Array(memory.buffer, this.outAt, maxChars * 8);
  }

  /** A table of `rows` zero rows, or null without WebAssembly SIMD (or when its memory cannot be had: the JS loop then). */
  static create(rows: number, features: number, maxChars = 8192): SimdSums | null {
    if (features < 1) return null;
    const mod = simdModule(features);
    if (!mod) return null;
    try {
      return new SimdSums(mod, rows, features, maxChars);
    } catch {
      return null;
    }
  }

  /**
   * Sum the rows of the first n chars' ids in `feats` into `out` (n <=
   * maxChars). With `used` < features, only the first `used` ids of each
   * char are read: the caller knows the others are the null feature (row 0,
   * all zeros), as the document slots are in the model's first pass.
   */
  sum(n: number, used = this.features): Int32Array {
    if (n > this.maxChars) throw new Error(`SimdSums: ${n} chars, room for ${this.maxChars}`);
    let fn = this.fn;
    if (used !== this.features) {
      if (used < 1 || used > this.features) throw new Error(`SimdSums: ${used} of ${this.features} ids per char`);
      let f = this.partial.get(used);
      if (!f) {
        const mod = simdModule(used);
        // without that module, all the ids (the rest are null rows: the same sums)
        f = mod ? (new wasm!.Instance(mod, { m: { memory: this.memory } }).exports.sum as SimdSums['fn']) : this.fn;
        this.partial.set(used, f);
      }
      fn = f;
    }
    fn(this.featsAt, n, this.features, 0, this.outAt);
    return this.out;
  }
}
