/**
 * Scoring helpers for the entity gold and the held-out-style sentences:
 * exact-span P/R/F1 per type, with the misses listed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultContext as contextFor } from '../../src/pipeline/context.js';
import { extractEntities, type EntityExtractions } from '../../src/extract/packs/entities.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const GOLD = join(ROOT, 'tests/gold/entities');

export interface GoldMention {
  type: string;
  text: string;
  start: number;
  end: number;
}

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
  missed: string[];
  spurious: string[];
}

export function goldDocs(): string[] {
  return readdirSync(GOLD)
    .filter((f) => /^\d{3}_[0-9a-f]+\.jsonl$/u.test(f))
    .map((f) => f.slice(0, -'.jsonl'.length))
    .sort();
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function normalizedText(id: string): string {
  return readFileSync(join(ROOT, 'tests/gold/normalized', id + '.txt'), 'utf8');
}

export function run(text: string): EntityExtractions {
  return extractEntities(contextFor(text));
}

export function emptyScore(): TypeScore {
  return { tp: 0, fp: 0, fn: 0, p: 0, r: 0, f1: 0, missed: [], spurious: [] };
}

export function finish(s: TypeScore): TypeScore {
  s.p = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  s.r = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  s.f1 = s.p + s.r === 0 ? 0 : (2 * s.p * s.r) / (s.p + s.r);
  return s;
}

/** Add one document's comparison (exact span and type) into per-type scores. */
export function compare(scores: Map<string, TypeScore>, gold: GoldMention[], got: GoldMention[], types: readonly string[], label = ''): void {
  const key = (m: GoldMention): string => `${m.type}:${m.start}:${m.end}`;
  const g = new Set(gold.map(key));
  const o = new Set(got.map(key));
  for (const t of types) if (!scores.has(t)) scores.set(t, emptyScore());
  for (const m of gold) {
    const s = scores.get(m.type);
    if (!s) continue;
    if (o.has(key(m))) s.tp++;
    else {
      s.fn++;
      s.missed.push(`${label}${m.text}`);
    }
  }
  for (const m of got) {
    const s = scores.get(m.type);
    if (!s) continue;
    if (!g.has(key(m))) {
      s.fp++;
      s.spurious.push(`${label}${m.text}`);
    }
  }
}

export function table(scores: Map<string, TypeScore>): string {
  const rows = [...scores.entries()].map(([t, s]) => {
    finish(s);
    return `${t.padEnd(8)} P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})`;
  });
  return rows.join('\n');
}
