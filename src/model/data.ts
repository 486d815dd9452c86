/**
 * Training and development data for the entity model, read from
 * ../shared/data/ner (never copied into the repository): MSRA (PER/LOC/ORG)
 * and CLUENER mapped to PER/LOC/ORG. Development splits are the LAST
 * contiguous block of each file (consecutive lines share an article, so a
 * random split would leak context).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { Span, SpanType } from './model.js';

export const DATA_DIR = resolve(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'data', 'ner');

export interface Row {
  text: string;
  spans: Span[];
}

interface RawRow {
  text: string;
  entities: Array<{ type: string; start: number; end: number }>;
}

/** CLUENER label → our type (README's suggested mapping); `scene` only when asked. */
export function cluenerType(label: string, scene: boolean): SpanType | null {
  switch (label) {
    case 'name':
      return 'PER';
    case 'organization':
    case 'company':
    case 'government':
      return 'ORG';
    case 'address':
      return 'LOC';
    case 'scene':
      return scene ? 'LOC' : null;
    default:
      return null;
  }
}

export function readRows(file: string, map: (label: string) => SpanType | null): Row[] {
  if (!existsSync(file)) throw new Error(`${file}: training data not found`);
  const out: Row[] = [];
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line) as RawRow;
    const spans: Span[] = [];
    let last = -1;
    for (const e of r.entities) {
      const type = map(e.type);
      if (!type || e.start < last) continue; // one CLUENER line nests spans: keep the first
      spans.push({ type, start: e.start, end: e.end });
      last = e.end;
    }
    out.push({ text: r.text, spans });
  }
  return out;
}

export interface Splits {
  train: Row[];
  dev: Row[];
}

/** The last `frac` of the rows (contiguous) is dev; the rest trains. */
export function holdOutTail(rows: Row[], frac = 0.1): Splits {
  const cut = Math.floor(rows.length * (1 - frac));
  return { train: rows.slice(0, cut), dev: rows.slice(cut) };
}

export function msra(): Splits {
  return holdOutTail(readRows(resolve(DATA_DIR, 'msra_train.jsonl.gz'), (t) => t as SpanType));
}

export function cluener(scene = false): Splits {
  return holdOutTail(readRows(resolve(DATA_DIR, 'cluener_train.jsonl.gz'), (t) => cluenerType(t, scene)));
}

export const dataPresent = (): boolean => existsSync(resolve(DATA_DIR, 'msra_train.jsonl.gz'));
