import { OffsetMap } from '../core/offsets.js';
import type { Repair } from '../core/types.js';

/** What every normalize pass returns: its output, the map into its input, its repairs. */
export interface PassResult {
  text: string;
  map: OffsetMap;
  /** rawStart/rawEnd are in the pass's INPUT coordinates; index.ts maps them to raw. */
  repairs: Repair[];
}

export type Pass = (input: string) => PassResult;

/** Collects repairs for one pass. */
export class RepairLog {
  readonly list: Repair[] = [];
  constructor(readonly pass: string) {}
  add(kind: string, start: number, end: number, before: string, after: string): void {
    this.list.push({ pass: this.pass, kind, rawStart: start, rawEnd: end, before, after });
  }
}

/** Iterate lines of `s` as [start, end) pairs (end excludes the "\n"). */
export function forEachLine(s: string, fn: (start: number, end: number, index: number) => void): void {
  let start = 0;
  let index = 0;
  for (;;) {
    const nl = s.indexOf('\n', start);
    const end = nl < 0 ? s.length : nl;
    fn(start, end, index++);
    if (nl < 0) break;
    start = nl + 1;
  }
}

/** The result of a pass that changed nothing. */
export function unchanged(input: string): PassResult {
  // the identity map is built only if someone asks for it
  let map: OffsetMap | null = null;
  return {
    text: input,
    get map(): OffsetMap {
      map ??= OffsetMap.identity(input.length);
      return map;
    },
    repairs: [],
  };
}
