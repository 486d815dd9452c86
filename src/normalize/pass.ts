import { OffsetMap } from '../core/offsets.js';
import type { Message, Repair } from '../core/types.js';

/** What every normalize pass returns: its output, the map into its input, its repairs. */
export interface PassResult {
  text: string;
  map: OffsetMap;
  /** rawStart/rawEnd are in the pass's INPUT coordinates; index.ts maps them to raw. */
  repairs: Repair[];
  /**
   * The pass's decisions (evidence of damage found in a region, so a
   * repair ran there); rawStart/rawEnd in the pass's INPUT coordinates,
   * mapped to raw by index.ts. A message text may hold "{lines}", which
   * index.ts replaces with the raw line numbers of the region ("lines 12–40").
   */
  messages?: Message[];
}

/** What a pass may know of the document beyond its input. */
export interface PassContext {
  /** the raw document */
  raw: string;
  /** raw position of input position i (0 <= i < input length) */
  toRaw(i: number): number;
}

export type Pass = (input: string, ctx?: PassContext) => PassResult;

/** An info message recording a pass's decision (positions in the pass's input). */
export function decision(pass: string, code: string, message: string, start: number, end: number): Message {
  return { code, severity: 'info', source: `normalize.${pass}`, message, rawStart: start, rawEnd: end };
}

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

/** Does the text before position p on its line hold a paragraph indent (U+3000, or two or more spaces)? */
export function indentBefore(s: string, p: number): boolean {
  let n = 0;
  let ideo = false;
  for (let i = p - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) break;
    if (c === 0x3000) ideo = true;
    else if (c !== 0x20 && c !== 0xa0 && c !== 0x09) return false;
    n++;
  }
  return ideo || n >= 2;
}
