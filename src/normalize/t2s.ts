/**
 * Pass `t2s` (optional): traditional to simplified Chinese with opencc-js.
 * Conversion runs line by line; where a line converts to a string of the
 * same length each character maps to its own source character, otherwise
 * the whole line is one recorded replace.
 */
import * as OpenCC from 'opencc-js';
import { EditBuilder } from '../core/offsets.js';
import { RepairLog, forEachLine, type PassResult } from './pass.js';

type Convert = (s: string) => string;
const converters = new Map<string, Convert>();

function converter(from: 'hk' | 'tw' | 't'): Convert {
  let c = converters.get(from);
  if (!c) {
    c = OpenCC.Converter({ from, to: 'cn' }) as Convert;
    converters.set(from, c);
  }
  return c;
}

export function makeT2s(from: 'hk' | 'tw' | 't' = 'hk') {
  return function t2s(input: string): PassResult {
    const conv = converter(from);
    const b = new EditBuilder(input);
    const log = new RepairLog('t2s');
    forEachLine(input, (start, end) => {
      if (end === start) return;
      const line = input.slice(start, end);
      const out = conv(line);
      if (out === line) return;
      if (out.length === line.length) {
        for (let i = 0; i < line.length; ) {
          if (out[i] === line[i]) {
            i++;
            continue;
          }
          let j = i + 1;
          while (j < line.length && out[j] !== line[j]) j++;
          b.keepTo(start + i);
          b.replace(j - i, out.slice(i, j));
          log.add('t', start + i, start + j, line.slice(i, j), out.slice(i, j));
          i = j;
        }
      } else {
        b.keepTo(start);
        b.replace(line.length, out);
        log.add('t', start, end, line, out);
      }
    });
    const { text, map } = b.finish();
    return { text, map, repairs: log.list };
  };
}

export const t2s = makeT2s('hk');
