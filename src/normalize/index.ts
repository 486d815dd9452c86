/**
 * The normalizer: raw text in, NormDoc out (normalized text, a map from every
 * normalized character to its raw span, and every repair in raw coordinates).
 * Passes run in the fixed order of PASSES; a pipeline may select a subset.
 * The whole document is normalized at once (reflow needs its neighbours).
 *
 * Order: reflow runs before spacing because the spaces a converter left
 * where printed column lines ended tell reflow where a printed paragraph
 * starts (its first line is indented), and because spacing decides field
 * separators (bylines, credits, headline halves) on whole paragraphs.
 * Each pass's map is composed onto the running map with OffsetMap.compose;
 * a pass that only replaced characters one for one has the identity map and
 * is not composed.
 */
import { OffsetMap } from '../core/offsets.js';
import type { Message, NormDoc, Repair } from '../core/types.js';
import { artifacts } from './artifacts.js';
import { dedupDoubled } from './dedup-doubled.js';
import { numbering } from './numbering.js';
import type { Pass, PassContext } from './pass.js';
import { punctuation } from './punctuation.js';
import { reflow } from './reflow.js';
import { spacing } from './spacing.js';
import { makeT2s } from './t2s.js';
import { unicode } from './unicode.js';

/** Pass names in the order they run. `t2s` runs only when asked for. */
export const PASSES = ['artifacts', 'unicode', 'dedup', 'reflow', 'spacing', 'punctuation', 'numbering', 't2s'] as const;
export type PassName = (typeof PASSES)[number];

/** Passes that run when no list is given (t2s is opt-in). */
export const DEFAULT_PASSES: readonly PassName[] = PASSES.filter((p) => p !== 't2s');

export interface NormalizeOptions {
  /** run traditional→simplified conversion (adds `t2s` to the passes) */
  t2s?: boolean;
  /** which passes to run (order is always that of PASSES) */
  passes?: string[];
  /** opencc source variant for t2s */
  t2sFrom?: 'hk' | 'tw' | 't';
}

const PASS_FNS: Record<Exclude<PassName, 't2s'>, Pass> = {
  artifacts,
  unicode,
  dedup: dedupDoubled,
  reflow,
  spacing,
  punctuation,
  numbering,
};

export function selectPasses(opts: NormalizeOptions = {}): PassName[] {
  let wanted: Set<string>;
  if (opts.passes) {
    for (const p of opts.passes) {
      if (!(PASSES as readonly string[]).includes(p)) {
        throw new Error(`unknown normalize pass "${p}" (known: ${PASSES.join(', ')})`);
      }
    }
    wanted = new Set(opts.passes);
  } else wanted = new Set(DEFAULT_PASSES);
  if (opts.t2s) wanted.add('t2s');
  else if (opts.t2s === false) wanted.delete('t2s');
  return PASSES.filter((p) => wanted.has(p));
}

export function normalize(raw: string, opts: NormalizeOptions = {}): NormDoc {
  const passes = selectPasses(opts);
  let text = raw;
  let map: OffsetMap | null = null; // null = identity
  const lists: Repair[][] = [];
  const messages: Message[] = [];
  const ctx: PassContext = { raw, toRaw: (i) => (map ? map.fromAt(i) : i) };
  for (const name of passes) {
    const fn: Pass = name === 't2s' ? makeT2s(opts.t2sFrom ?? 'hk') : PASS_FNS[name];
    const r = fn(text, ctx);
    if (r.messages && r.messages.length > 0) {
      if (map) toRaw(r.messages as Array<{ rawStart: number; rawEnd: number }>, map);
      for (const m of r.messages) messages.push(m);
    }
    if (r.repairs.length === 0 && r.text === text) continue;
    if (map) toRaw(r.repairs, map);
    lists.push(r.repairs);
    // A pass whose every edit replaced characters one for one (most
    // punctuation, unicode, numbering and t2s repairs) has the identity map:
    // composing with it would change nothing. Pass maps are sparse (runs
    // of kept text), so composing costs a copy of each kept run.
    if (!r.map.isIdentity) map = map ? r.map.compose(map) : r.map;
    text = r.text;
  }
  // The running map is kept as segments while passes compose; the per-
  // character arrays are built once, here, so that every later lookup is
  // an array read.
  const final = map ?? OffsetMap.identity(raw.length);
  void final.from;
  messages.sort((a, b) => (a.rawStart ?? 0) - (b.rawStart ?? 0));
  if (messages.length > 0) fillLines(raw, messages);
  return { raw, text, map: final, repairs: mergeByRaw(lists), messages };
}

/** 1-based line of each raw position in `positions` (sorted), counted in one scan. */
function linesAt(raw: string, positions: number[]): Map<number, number> {
  const out = new Map<number, number>();
  const sorted = [...new Set(positions)].sort((x, y) => x - y);
  let line = 1;
  let i = 0;
  for (const p of sorted) {
    const stop = Math.min(p, raw.length);
    // (line breaks found with indexOf, not character by character)
    for (let j = raw.indexOf('\n', i); j >= 0 && j < stop; j = raw.indexOf('\n', j + 1)) line++;
    if (stop > i) i = stop;
    out.set(p, line);
  }
  return out;
}

/** Fill "{lines}" in each message with the raw line numbers of its region. */
function fillLines(raw: string, messages: Message[]): void {
  const pos: number[] = [];
  for (const m of messages) {
    if (!m.message.includes('{lines}') || m.rawStart == null || m.rawEnd == null) continue;
    pos.push(m.rawStart, Math.max(m.rawStart, m.rawEnd - 1));
  }
  if (pos.length === 0) return;
  const at = linesAt(raw, pos);
  for (const m of messages) {
    if (!m.message.includes('{lines}') || m.rawStart == null || m.rawEnd == null) continue;
    const a = at.get(m.rawStart)!;
    const z = at.get(Math.max(m.rawStart, m.rawEnd - 1))!;
    m.message = m.message.replace('{lines}', a === z ? `line ${a}` : `lines ${a}–${z}`);
  }
}

/** Map repairs from a pass's input coordinates to raw (same rule as OffsetMap.span; the running map may be sparse). */
function toRaw(repairs: Array<{ rawStart: number; rawEnd: number }>, map: OffsetMap): void {
  const n = map.length;
  for (const rep of repairs) {
    const a = rep.rawStart;
    const z = rep.rawEnd;
    if (z > a) {
      rep.rawStart = map.fromAt(a);
      rep.rawEnd = map.toAt(z - 1);
    } else {
      const p = a < n ? map.fromAt(a) : map.sourceLength;
      rep.rawStart = p;
      rep.rawEnd = p;
    }
  }
}

/**
 * Each pass lists its repairs in text order, and maps are monotonic, so each
 * list is sorted by raw position; merge them (stable: earlier passes first).
 */
function mergeByRaw(lists: Repair[][]): Repair[] {
  if (lists.length === 0) return [];
  let merged = lists[0]!;
  for (let k = 1; k < lists.length; k++) {
    const b = lists[k]!;
    const out: Repair[] = new Array(merged.length + b.length);
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < merged.length && j < b.length) {
      const x = merged[i]!;
      const y = b[j]!;
      if (y.rawStart < x.rawStart || (y.rawStart === x.rawStart && y.rawEnd < x.rawEnd)) out[o++] = b[j++]!;
      else out[o++] = merged[i++]!;
    }
    while (i < merged.length) out[o++] = merged[i++]!;
    while (j < b.length) out[o++] = b[j++]!;
    merged = out;
  }
  return merged;
}

export { artifacts, dedupDoubled, numbering, punctuation, reflow, spacing, unicode, makeT2s };
export type { Pass, PassContext, PassResult } from './pass.js';
export { diffClean, formatHarm, readCleanNews, scoreCleanNews } from './harm.js';
export type { Article, HarmKind, HarmReport } from './harm.js';
