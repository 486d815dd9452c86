/**
 * Pass `dedup`: collapse fake-bold doubling. PDF text drawn twice for a bold
 * effect comes out as every run written twice ("在日前举办的在日前举办的",
 * "20242024") or every unit written twice ("TT11", "，，"). The doubling is a
 * property of a whole line: a line is collapsed only when EVERY run in it
 * (runs break at spaces and at script changes: Han / digits / Latin / marks)
 * parses as a sequence of doubled units XX, and the line holds enough doubled
 * Han text. A single pair (常常, 1000, ——) never qualifies on its own, because
 * the rest of a natural line is not doubled.
 */
import { EditBuilder } from '../core/offsets.js';
import { Cls, clsOf as clsOfImported } from './chars.js';
import { RepairLog, decision, forEachLine, unchanged, type PassResult } from './pass.js';

// Hot helpers bound once: a module runner that rewrites imports (vite-node,
// vitest) turns every call of an imported function into a property read on
// the module object, which costs more than the helper itself in a per-char loop.
const clsOf = clsOfImported;


/** Longest doubled unit considered (the census has runs of up to 26 chars). */
const MAX_UNIT = 48;
/** A line must hold at least this many characters of doubled text ... */
const MIN_DOUBLED_CHARS = 6;
/** ... and at least this many of them Han. */
const MIN_DOUBLED_HAN = 4;

function sameAt(s: string, i: number, j: number, k: number): boolean {
  for (let t = 0; t < k; t++) if (s.charCodeAt(i + t) !== s.charCodeAt(j + t)) return false;
  return true;
}

/**
 * Parse s[a, b) as a sequence of doubled units; returns the unit lengths or
 * null. Prefers the longest unit at each position that still lets the rest parse.
 */
export function parseDoubled(s: string, a: number, b: number): number[] | null {
  const n = b - a;
  if (n < 2 || n % 2 === 1) return null;
  // choice[i] = unit length chosen at offset i (0 = not parseable)
  const choice = new Int16Array(n + 1);
  const ok = new Uint8Array(n + 1);
  ok[n] = 1;
  for (let i = n - 2; i >= 0; i--) {
    const maxK = Math.min(MAX_UNIT, (n - i) >> 1);
    for (let k = maxK; k >= 1; k--) {
      if (ok[i + 2 * k] && sameAt(s, a + i, a + i + k, k)) {
        ok[i] = 1;
        choice[i] = k;
        break;
      }
    }
  }
  if (!ok[0]) return null;
  const units: number[] = [];
  for (let i = 0; i < n; ) {
    const k = choice[i]!;
    units.push(k);
    i += 2 * k;
  }
  return units;
}

interface Run {
  start: number;
  end: number;
  cls: Cls;
  units: number[];
}

/** Cheap filter: does the line start with a doubled unit (XX…)? */
function startsDoubled(s: string, start: number, end: number): boolean {
  const maxK = Math.min(MAX_UNIT, (end - start) >> 1);
  const first = s.charCodeAt(start);
  for (let k = 1; k <= maxK; k++) {
    if (s.charCodeAt(start + k) === first && sameAt(s, start, start + k, k)) return true;
  }
  return false;
}

/** The runs of a doubled line, or null when the line is not doubled. */
export function doubledLine(s: string, start: number, end: number): Run[] | null {
  if (end - start < MIN_DOUBLED_CHARS || !startsDoubled(s, start, end)) return null;
  const runs: Run[] = [];
  let doubled = 0;
  let han = 0;
  let i = start;
  while (i < end) {
    const c = clsOf(s.charCodeAt(i));
    let j = i + 1;
    while (j < end && clsOf(s.charCodeAt(j)) === c) j++;
    if (c !== Cls.Space) {
      const units = parseDoubled(s, i, j);
      if (!units) return null;
      runs.push({ start: i, end: j, cls: c, units });
      doubled += j - i;
      if (c === Cls.Han) han += j - i;
    }
    i = j;
  }
  if (doubled < MIN_DOUBLED_CHARS || han < MIN_DOUBLED_HAN) return null;
  // one character over and over (哈哈哈哈哈哈) is itself natural text
  if (!hasTwoDistinctHan(s, runs)) return null;
  return runs;
}

function hasTwoDistinctHan(s: string, runs: Run[]): boolean {
  let first = -1;
  for (const r of runs) {
    if (r.cls !== Cls.Han) continue;
    for (let i = r.start; i < r.end; i++) {
      const c = s.charCodeAt(i);
      if (first < 0) first = c;
      else if (c !== first) return true;
    }
  }
  return false;
}

export function dedupDoubled(input: string): PassResult {
  const found: Run[][] = [];
  // regions of doubled lines (lines less than five apart form one)
  const regions: Array<{ start: number; end: number; lines: number; last: number }> = [];
  forEachLine(input, (start, end, index) => {
    const runs = doubledLine(input, start, end);
    if (!runs) return;
    found.push(runs);
    const r = regions[regions.length - 1];
    if (r && index - r.last <= 4) {
      r.end = end;
      r.lines++;
      r.last = index;
    } else regions.push({ start, end, lines: 1, last: index });
  });
  if (found.length === 0) return unchanged(input);
  const b = new EditBuilder(input);
  const log = new RepairLog('dedup');
  for (const runs of found) {
    for (const run of runs) {
      let p = run.start;
      for (const k of run.units) {
        b.keepTo(p + k);
        b.delete(k);
        const unit = input.slice(p, p + k);
        log.add(k >= 2 ? 'a' : 'b', p, p + 2 * k, unit + unit, unit);
        p += 2 * k;
      }
    }
  }
  const { text, map } = b.finish();
  const messages = regions.map((r) =>
    decision('dedup', 'I_FAKE_BOLD', `fake-bold doubling (every run written twice) in {lines} (${r.lines} line${r.lines > 1 ? 's' : ''} collapsed)`, r.start, r.end),
  );
  return { text, map, repairs: log.list, messages };
}
