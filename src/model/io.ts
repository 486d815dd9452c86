/**
 * The model file: brotli of a one-line JSON header (table layout with the
 * character vocabulary, scale, weight width), then the transition weights
 * (Float32), the ids of the non-zero weight rows (Uint32, ascending) and
 * those rows (Int8 or Int16, T per row), then (format 4) the training lists
 * as fingerprints (./fingerprint.ts): for each of ents, given, words, the
 * sorted 64-bit fingerprints (two Uint32 arrays), their values (Uint8) and
 * the char-pair bitmap. Rows not listed are zero. No list string is stored.
 * `loadNerModel` reads it once per path and thread.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { cacheDir, findCached } from '../segment/base-dict.js';
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { NewsError } from '../core/errors.js';
import { T, type NerModel } from './model.js';
import { foldRows, planOf, withLexicon, type Layout } from './features.js';
import { FpList, type FpParts } from './fingerprint.js';
import { SimdSums } from './simd.js';
import type { CompiledLexicon } from './features.js';

const MAGIC = 'zhnews-ner';
/** 3: the training lists (./lexicon.ts) in the header and five features reading them; 4: the lists as fingerprints after the weights; 5: two document features (./doc.ts), decoded in two passes */
export const FORMAT = 5;
const LISTS = ['ents', 'given', 'words'] as const;
interface ListHeader {
  n: number;
  pairBits: number;
  maxLen: number;
}
const listBytes = (l: ListHeader): number => l.n * 9 + (1 << (l.pairBits - 3));

/** The committed model (repository root: this file sits at src/model/ or dist/model/). */
export const DEFAULT_NER_MODEL = fileURLToPath(new URL('../../pipelines/models/ner.bin.br', import.meta.url));

/**
 * Quantize float weights to `width`-bit integers (8 or 16) and write the model
 * file. Int8 clips the largest weights: the scale is set by the `clip`
 * quantile of the non-zero magnitudes. Returns the file size in bytes.
 */
export function saveNerModel(file: string, layout: Layout, features: number, weights: Float32Array, trans: Float32Array, meta: Record<string, unknown>, width: 8 | 16 = 16, lex?: CompiledLexicon, clip = 0.9995): number {
  const top = width === 8 ? 127 : 32000;
  let max = 0;
  if (width === 8) {
    const mags: number[] = [];
    for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) mags.push(Math.abs(weights[i]!));
    mags.sort((a, b) => a - b);
    max = mags.length ? mags[Math.min(mags.length - 1, Math.floor(mags.length * clip))]! : 0;
  } else for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!));
  const scale = max > 0 ? max / top : 1;
  const q1 = (x: number): number => Math.max(-top, Math.min(top, Math.round(x / scale)));
  const rows: number[] = [];
  const size = planOf(layout).size;
  if (weights.length !== size * T) throw new Error(`weights have ${weights.length} values, the layout ${size * T}`);
  for (let r = 1; r < size; r++) {
    for (let t = 0; t < T; t++) {
      if (q1(weights[r * T + t]!) !== 0) {
        rows.push(r);
        break;
      }
    }
  }
  const ids = new Uint32Array(rows);
  const q = width === 8 ? new Int8Array(rows.length * T) : new Int16Array(rows.length * T);
  rows.forEach((r, k) => {
    for (let t = 0; t < T; t++) q[k * T + t] = q1(weights[r * T + t]!);
  });
  const tq = new Float32Array(trans.length);
  for (let i = 0; i < trans.length; i++) tq[i] = trans[i]! / scale;
  const parts = lex ? LISTS.map((k) => lex[k].parts) : [];
  const lists = lex ? Object.fromEntries(LISTS.map((k, i) => [k, { n: parts[i]!.hi.length, pairBits: parts[i]!.pairBits, maxLen: parts[i]!.maxLen }])) : undefined;
  const header = Buffer.from(JSON.stringify({ magic: MAGIC, format: FORMAT, layout, features, tags: T, rows: rows.length, width, scale, meta, lists }) + '\n', 'utf8');
  const listBufs = parts.flatMap((p) => [Buffer.from(p.hi.buffer, p.hi.byteOffset, p.hi.byteLength), Buffer.from(p.lo.buffer, p.lo.byteOffset, p.lo.byteLength), Buffer.from(p.val.buffer, p.val.byteOffset, p.val.byteLength), Buffer.from(p.pair.buffer, p.pair.byteOffset, p.pair.byteLength)]);
  const body = Buffer.concat([header, Buffer.from(tq.buffer), Buffer.from(ids.buffer), Buffer.from(q.buffer), ...listBufs]);
  // brotli at its densest (about 30 s for 9 MB; the file is 26 % smaller than gzip -9's: 4.0 against 5.4 MB)
  const packed = brotliCompressSync(body, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_LGWIN]: 24, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(file, packed);
  return packed.length;
}

const loaded = new Map<string, NerModel>();

/**
 * The model file's bytes, decompressed. Brotli costs ~80 ms of CPU per
 * thread that loads the model (every worker of every run); the result is
 * kept in the cache folder of the derived dictionaries (segment/base-dict:
 * node_modules/.cache/zhnews, else the system's temporary folder) under the
 * SHA-1 of the compressed file, written atomically, so that later threads
 * read 9 MB instead (~5 ms with the hash). A cache that cannot be read or
 * written is skipped: decompressed again.
 */
function decompressed(packed: Buffer, fresh = false): { buf: Buffer; cached: boolean } {
  const name = `ner-${createHash('sha1').update(packed).digest('hex')}.bin`;
  const hit = fresh ? undefined : findCached(name);
  if (hit) {
    try {
      return { buf: readFileSync(hit), cached: true };
    } catch {
      // unreadable: decompress
    }
  }
  const buf = brotliDecompressSync(packed);
  try {
    const path = join(cacheDir(), name);
    const tmp = `${path}.${process.pid}.${threadId}.tmp`;
    writeFileSync(tmp, buf);
    renameSync(tmp, path);
  } catch {
    // no writable cache folder: decompress next time too
  }
  return { buf, cached: false };
}

/**
 * Read a model file (once per path in this thread). Throws NewsError E_MODEL
 * naming the file when it is missing or damaged. The weights come folded
 * for decoding (features.ts foldRows: four rows fewer per character, the
 * same sums; the plan says so), unless `fold` is false: the weights as
 * written, for features made with the training plan.
 */
export function loadNerModel(file: string = DEFAULT_NER_MODEL, fold = true): NerModel {
  const key = fold ? file : `${file}\0raw`;
  const hit = loaded.get(key);
  if (hit) return hit;
  let packed: Buffer;
  let got: { buf: Buffer; cached: boolean };
  try {
    packed = readFileSync(file);
    got = decompressed(packed);
  } catch (err) {
    throw new NewsError('E_MODEL', file, `entity model not found or not a brotli-compressed model file (${(err as Error).message.split('\n')[0]}); run npm run train:ner`);
  }
  let model: NerModel;
  try {
    model = parseModel(file, got.buf, fold);
  } catch (err) {
    // a damaged cache file: decompress the model file itself (and write the cache again)
    if (!got.cached) throw err;
    model = parseModel(file, decompressed(packed, true).buf, fold);
  }
  loaded.set(key, model);
  return model;
}

/** The model in a model file's decompressed bytes (NewsError E_MODEL naming `file` when they are not one). */
function parseModel(file: string, buf: Buffer, fold: boolean): NerModel {
  const nl = buf.indexOf(10);
  let h: { magic: string; format: number; layout: Layout; features: number; tags: number; rows: number; width: 8 | 16; scale: number; meta: Record<string, unknown>; lists?: Record<(typeof LISTS)[number], ListHeader> };
  try {
    h = JSON.parse(buf.subarray(0, nl).toString('utf8'));
  } catch {
    throw new NewsError('E_MODEL', file, 'entity model header is not JSON');
  }
  if (h.magic !== MAGIC) throw new NewsError('E_MODEL', file, 'not an entity model file');
  if (h.format !== FORMAT) throw new NewsError('E_MODEL', file, `entity model of format ${h.format}, this code reads format ${FORMAT}; run npm run train:ner`);
  if (h.tags !== T || (h.width !== 8 && h.width !== 16)) throw new NewsError('E_MODEL', file, `not an entity model of format ${FORMAT} with ${T} tags and 8- or 16-bit weights`);
  const tl = (T + 1) * T;
  const wb = h.width / 8;
  const expect = nl + 1 + tl * 4 + h.rows * 4 + h.rows * T * wb + (h.lists ? LISTS.reduce((a, k) => a + listBytes(h.lists![k]), 0) : 0);
  if (buf.length !== expect) throw new NewsError('E_MODEL', file, `entity model is truncated (${buf.length} bytes, expected ${expect})`);
  // copy into aligned arrays
  let p = nl + 1;
  const take = (bytes: number): ArrayBuffer => {
    const ab = new ArrayBuffer(bytes);
    new Uint8Array(ab).set(buf.subarray(p, p + bytes));
    p += bytes;
    return ab;
  };
  const trans = new Float32Array(take(tl * 4));
  const ids = new Uint32Array(take(h.rows * 4));
  const q = h.width === 8 ? new Int8Array(take(h.rows * T)) : new Int16Array(take(h.rows * T * 2));
  const list = (l: ListHeader): FpList => {
    const parts: FpParts = { hi: new Uint32Array(take(l.n * 4)), lo: new Uint32Array(take(l.n * 4)), val: new Uint8Array(take(l.n)), pair: new Uint8Array(take(1 << (l.pairBits - 3))), pairBits: l.pairBits, maxLen: l.maxLen };
    return new FpList(parts);
  };
  const lex: CompiledLexicon | undefined = h.lists ? { ents: list(h.lists.ents), given: list(h.lists.given), words: list(h.lists.words) } : undefined;
  let plan = withLexicon(planOf(h.layout), lex);
  // rows padded to eight values (16 bytes for Int16: a row never straddles a cache line), in
  // WebAssembly memory for the SIMD sums where the runtime has them
  const S = 8;
  const simd = h.width === 16 ? SimdSums.create(plan.size, h.features) : null;
  const weights = simd ? simd.weights : h.width === 8 ? new Int8Array(plan.size * S) : new Int16Array(plan.size * S);
  scatterRows(ids, q, weights, S);
  if (fold) plan = foldRows(plan, weights, S, h.width === 8 ? 127 : 32767);
  return { plan, features: h.features, weights, stride: S, trans, scale: h.scale, meta: h.meta, ...(simd ? { simd } : {}) };
}

/** The file's non-zero rows (T values each, ids ascending) into the zeroed table of rows of S values. */
function scatterRows(ids: Uint32Array, q: Int8Array | Int16Array, weights: Int8Array | Int16Array, S: number): void {
  for (let k = 0, from = 0; k < ids.length; k++, from += T) {
    const to = ids[k]! * S;
    for (let t = 0; t < T; t++) weights[to + t] = q[from + t]!;
  }
}
