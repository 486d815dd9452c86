/**
 * Pass `punctuation`: Chinese text takes full-width marks.
 * - , ; : ! ? ( ) next to Chinese text become ，；：！？（）; digit,digit and
 *   digit:digit stay (1,000 / 10:30);
 * - ASCII quotes become paired curly quotes, direction by alternation along
 *   the paragraph; a paragraph whose quotes do not pair and follows one left
 *   open continues it;
 * - ⋯ (U+22EF) becomes … (U+2026);
 * - ~ between numbers becomes ～;
 * - a dash that opens a line ("-新技术", "—新“链主”") or an ASCII "--"
 *   becomes a 破折号 "——". A single "—" between words is a connector and
 *   stays; hyphen ranges (2024-2026年) stay.
 */
import { EditBuilder } from '../core/offsets.js';
import { isCjk as isCjkImported, isDigit as isDigitImported } from './chars.js';
import { RepairLog, forEachLine, unchanged, type PassResult } from './pass.js';

// Hot helpers bound once: a module runner that rewrites imports (vite-node,
// vitest) turns every call of an imported function into a property read on
// the module object, which costs more than the helper itself in a per-char loop.
const isCjk = isCjkImported;
const isDigit = isDigitImported;


const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };
const TRIGGER_RE = /[,;:!?()"'\u22ef~\-—]/g;

function isQuote(c: number): boolean {
  return c === 0x22 || c === 0x27;
}

/** Nearest non-space, non-ASCII-quote neighbour in direction dir. */
function neighbour(s: string, i: number, dir: 1 | -1, lo: number, hi: number): number {
  for (let j = i + dir; j >= lo && j < hi; j += dir) {
    const c = s.charCodeAt(j);
    if (c === 0x20 || isQuote(c)) continue;
    return c;
  }
  return 0;
}

function countQuotes(s: string, a: number, z: number, q: number): number {
  let n = 0;
  for (let i = a; i < z; i++) if (s.charCodeAt(i) === q) n++;
  return n;
}

export function punctuation(input: string): PassResult {
  // (built at the first edit: most clean documents need none)
  let b: EditBuilder | null = null;
  const log = new RepairLog('punctuation');
  // A paragraph left with an open quote may be continued by one of the next
  // two lines (a caption can sit in between); the first line whose quotes do
  // not pair takes the open state.
  let carryOpen = false;
  let carryTtl = 0;
  let nextTrigger = -1;
  forEachLine(input, (start, end) => {
    // the next trigger character is found once and remembered across lines
    if (nextTrigger < start) {
      TRIGGER_RE.lastIndex = start;
      const m = TRIGGER_RE.exec(input);
      nextTrigger = m ? m.index : input.length;
    }
    const hasTrigger = nextTrigger < end;
    const dq = hasTrigger ? countQuotes(input, start, end, 0x22) : 0;
    if (!hasTrigger || dq % 2 === 0) {
      if (carryTtl > 0 && --carryTtl === 0) carryOpen = false;
    }
    if (!hasTrigger) return;
    let open = carryOpen && dq % 2 === 1;
    if (dq % 2 === 1) {
      carryOpen = false;
      carryTtl = 0;
    }
    let sOpen = false;
    const parens: boolean[] = [];
    const edit = (i: number, len: number, out: string) => {
      b ??= new EditBuilder(input);
      b.keepTo(i);
      b.replace(len, out);
      log.add('f', i, i + len, input.slice(i, i + len), out);
    };
    let hasCjkLine = false;
    for (let i = start; i < end; i++) {
      if (isCjk(input.charCodeAt(i))) {
        hasCjkLine = true;
        break;
      }
    }
    TRIGGER_RE.lastIndex = start;
    for (let m = TRIGGER_RE.exec(input); m && m.index < end; m = TRIGGER_RE.exec(input)) {
      let i = m.index;
      const c = input.charCodeAt(i);
      const ch = m[0];
      if (c === 0x22ef) {
        edit(i, 1, '\u2026');
        continue;
      }
      if (!hasCjkLine) continue;
      const prev = neighbour(input, i, -1, start, end);
      const next = neighbour(input, i, 1, start, end);
      const cjkSide = isCjk(prev) || isCjk(next);
      switch (ch) {
        case ',':
        case ':':
          if (isDigit(input.charCodeAt(i - 1)) && isDigit(input.charCodeAt(i + 1))) break;
          if (cjkSide) edit(i, 1, FULL[ch]!);
          break;
        case ';':
        case '!':
        case '?':
          if (cjkSide) edit(i, 1, FULL[ch]!);
          break;
        case '(':
          parens.push(cjkSide);
          if (cjkSide) edit(i, 1, '（');
          break;
        case ')': {
          const opened = parens.pop();
          if (opened || (opened === undefined && cjkSide)) edit(i, 1, '）');
          break;
        }
        case '"':
          edit(i, 1, open ? '\u201d' : '\u201c');
          open = !open;
          break;
        case "'": {
          const p = i > start ? input.charCodeAt(i - 1) : 0;
          const q = i + 1 < end ? input.charCodeAt(i + 1) : 0;
          if (isCjk(p) || isCjk(q) || p === 0x22 || q === 0x22 || p === 0 || q === 0) {
            edit(i, 1, sOpen ? '\u2019' : '\u2018');
            sOpen = !sOpen;
          }
          break;
        }
        case '~':
          if ((isDigit(input.charCodeAt(i - 1)) || input[i - 1] === '%') && isDigit(input.charCodeAt(i + 1))) edit(i, 1, '～');
          break;
        case '-':
          if (i === start && i + 1 < end && isCjk(input.charCodeAt(i + 1))) edit(i, 1, '——');
          else if (input[i + 1] === '-' && input[i + 2] !== '-' && isCjk(prev) && isCjk(next)) {
            edit(i, 2, '——');
            i++;
            TRIGGER_RE.lastIndex = i + 1;
          }
          break;
        case '—':
          if (i === start && input[i + 1] !== '—' && i + 1 < end && !isDigit(input.charCodeAt(i + 1))) edit(i, 1, '——');
          break;
      }
    }
    if (dq % 2 === 1) {
      carryOpen = open;
      carryTtl = open ? 2 : 0;
    }
  });
  if (!b) return unchanged(input);
  const { text, map } = (b as EditBuilder).finish();
  return { text, map, repairs: log.list };
}
