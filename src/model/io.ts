/**
 * The model file: gzip of a one-line JSON header, then the transition weights
 * (Float32), the ids of the non-zero weight rows (Uint32, ascending) and
 * those rows (Int16, T per row). Rows not listed are zero. `loadNerModel`
 * reads it once per path and thread.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { NewsError } from '../core/errors.js';
import { T, type NerModel } from './model.js';

const MAGIC = 'zhnews-ner';
export const FORMAT = 1;

/** The committed model (repository root: this file sits at src/model/ or dist/model/). */
export const DEFAULT_NER_MODEL = fileURLToPath(new URL('../../pipelines/models/ner.bin.gz', import.meta.url));

/** Quantize float weights to Int16 and write the model file. Returns the file size in bytes. */
export function saveNerModel(file: string, bits: number, features: number, weights: Float32Array, trans: Float32Array, meta: Record<string, unknown>): number {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!));
  for (let i = 0; i < trans.length; i++) max = Math.max(max, Math.abs(trans[i]!));
  const scale = max > 0 ? max / 32000 : 1;
  const rows: number[] = [];
  const B = 1 << bits;
  for (let r = 0; r < B; r++) {
    for (let t = 0; t < T; t++) {
      if (Math.round(weights[r * T + t]! / scale) !== 0) {
        rows.push(r);
        break;
      }
    }
  }
  const ids = new Uint32Array(rows);
  const q = new Int16Array(rows.length * T);
  rows.forEach((r, k) => {
    for (let t = 0; t < T; t++) q[k * T + t] = Math.round(weights[r * T + t]! / scale);
  });
  const tq = new Float32Array(trans.length);
  for (let i = 0; i < trans.length; i++) tq[i] = trans[i]! / scale;
  const header = Buffer.from(JSON.stringify({ magic: MAGIC, format: FORMAT, bits, features, tags: T, rows: rows.length, scale, meta }) + '\n', 'utf8');
  const body = Buffer.concat([header, Buffer.from(tq.buffer), Buffer.from(ids.buffer), Buffer.from(q.buffer)]);
  const gz = gzipSync(body, { level: 9 });
  writeFileSync(file, gz);
  return gz.length;
}

const loaded = new Map<string, NerModel>();

/** Read a model file (once per path in this thread). Throws NewsError E_MODEL naming the file when it is missing or damaged. */
export function loadNerModel(file: string = DEFAULT_NER_MODEL): NerModel {
  const hit = loaded.get(file);
  if (hit) return hit;
  let buf: Buffer;
  try {
    buf = gunzipSync(readFileSync(file));
  } catch (err) {
    throw new NewsError('E_MODEL', file, `entity model not found or not a gzip file (${(err as Error).message.split('\n')[0]}); run npm run train:ner`);
  }
  const nl = buf.indexOf(10);
  let h: { magic: string; format: number; bits: number; features: number; tags: number; rows: number; scale: number; meta: Record<string, unknown> };
  try {
    h = JSON.parse(buf.subarray(0, nl).toString('utf8'));
  } catch {
    throw new NewsError('E_MODEL', file, 'entity model header is not JSON');
  }
  if (h.magic !== MAGIC || h.format !== FORMAT || h.tags !== T) throw new NewsError('E_MODEL', file, `not an entity model of format ${FORMAT} with ${T} tags`);
  const tl = (T + 1) * T;
  const expect = nl + 1 + tl * 4 + h.rows * 4 + h.rows * T * 2;
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
  const q = new Int16Array(take(h.rows * T * 2));
  const weights = new Int16Array((1 << h.bits) * T);
  for (let k = 0; k < ids.length; k++) weights.set(q.subarray(k * T, k * T + T), ids[k]! * T);
  const model: NerModel = { bits: h.bits, features: h.features, weights, trans, scale: h.scale, meta: h.meta };
  loaded.set(file, model);
  return model;
}
