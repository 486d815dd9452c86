/**
 * Pass `spacing`: remove the spaces the house convention does not want.
 *
 * Removed: spaces touching Chinese text on either side, i.e. justified
 * columns ("如 今 在 这 里 ，"), stray spaces where a printed column line
 * ended ("开发 区"), and spaces between Chinese and digits/Latin ("2024 年").
 * Kept (collapsed to one space): spaces between two ASCII tokens
 * ("Walker S Lite"), and field separators: byline label and names
 * ("本报记者 韩秉志"), lists of names, a caption and its photo credit
 * ("观看。 陈晓根摄", "张建松 摄"), headline halves and other short
 * unpunctuated lines made of several words ("品“质”焕新 发展见“力”"), a
 * figure label and its title ("图1 一核引领…"). A two-character name padded
 * to the width of a three-character one ("周 琳") is closed up.
 */
import { EditBuilder } from '../core/offsets.js';
import { isAsciiAlnum as isAsciiAlnumImported, isHan as isHanImported, isSpace as isSpaceImported } from './chars.js';
import { RepairLog, type PassResult } from './pass.js';

// Hot helpers bound once: a module runner that rewrites imports (vite-node,
// vitest) turns every call of an imported function into a property read on
// the module object, which costs more than the helper itself in a per-char loop.
const isAsciiAlnum = isAsciiAlnumImported;
const isHan = isHanImported;
const isSpace = isSpaceImported;


const SP = '[ \\u3000\\t]';
const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';

/** Byline: a label ending in 记者/通讯员 followed by a space. */
const BYLINE_RE = new RegExp(`^${HAN}{0,12}(?:记者|通讯员|特约撰稿人)(?=${SP})`);
/** A photo credit closing a line, after sentence-final punctuation. */
const CREDIT_RE = new RegExp(
  `(?:[。！？!?”"）)]|^)(${SP}+)((?:${HAN}{0,12}记者${SP}?)?${HAN}{2,4}(?:${SP}${HAN}{2,4})*${SP}?(?:摄影报道|摄影|摄)(?:[（(][^）)]*[）)])?)$`,
);
/** A credit in brackets: "(邱海鹰 周毅 文/图)". */
const PAREN_CREDIT_RE = new RegExp(`[（(]${HAN}{2,4}(?:${SP}+${HAN}{2,4})*(?:${SP}+(?:文/图|文／图|文|图|摄))?[）)]`, 'g');
/** Figure or table label at the start of a line. */
const FIGURE_RE = new RegExp(`^(?:图|表)${SP}?\\d+(?:[-.]\\d+)?(${SP}+)(?=${HAN})`);
/** Sentence punctuation: a line containing it is prose, not a list of fields. */
const PROSE_PUNCT_RE = /[，。；！？,;!?、]/;
/** A field token: Han with quotes, brackets, middle dots, colons. */
const FIELD_TOKEN_RE = new RegExp(`^(?:${HAN}|[“”"'‘’《》〈〉·・：:—])+$`);

const MAX_FIELD_LINE = 40;

function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isHan(s.charCodeAt(i))) n++;
  return n;
}

/** Is this short line a list of fields (names, headline halves)? */
export function isFieldLine(line: string): boolean {
  if (line.length > MAX_FIELD_LINE || PROSE_PUNCT_RE.test(line)) return false;
  const tokens = line.split(/[ \u3000\t]+/);
  if (tokens.length < 2 || tokens.length > 8) return false;
  for (const t of tokens) {
    if (!FIELD_TOKEN_RE.test(t) || hanCount(t) < 2) return false;
  }
  if (tokens.length === 2) {
    // two fields: headline halves (both phrases of 4+ characters), or a
    // title and its tag ("…发展 特刊"), or a name and "摄影报道"
    const [a, b] = tokens as [string, string];
    return (hanCount(a) >= 4 && hanCount(b) >= 4) || (hanCount(a) >= 2 && FIELD_TAG_RE.test(b));
  }
  // three or more: a list of names (2–4 characters each) or of phrases
  const names = tokens.every((t) => hanCount(t) <= 4);
  const phrases = tokens.every((t) => hanCount(t) >= 4);
  return names || phrases;
}

/** Words that follow a title or a name as a separate field. */
const FIELD_TAG_RE = /^(?:特刊|专刊|副刊|周刊|专版|摄影报道|摄影|报道|文\/图|摄)$/;

const NONE: ReadonlySet<number> = new Set<number>();

export function spacing(input: string): PassResult {
  const b = new EditBuilder(input);
  const log = new RepairLog('spacing');
  // the loop in its own function: see scanLoop in src/extract/figures/scan.ts (OSR deopts)
  spacingLines(input, b, log);
  const { text, map } = b.finish();
  return { text, map, repairs: log.list };
}

function spacingLines(input: string, b: EditBuilder, log: RepairLog): void {
  const n = input.length;
  for (let start = 0; start <= n; ) {
    // find the line end and whether the line holds a space, in one scan
    let end = start;
    let any = false;
    for (; end < n; end++) {
      const c = input.charCodeAt(end);
      if (c === 0x0a) break;
      if (!any && isSpace(c)) any = true;
    }
    if (any) spaceLine(input, start, end, b, log);
    start = end + 1;
  }
}

function spaceLine(input: string, start: number, end: number, b: EditBuilder, log: RepairLog): void {
  {
    const line = input.slice(start, end);
    // keep has i when the space run starting at i is a field separator
    let keep: Set<number> = NONE as Set<number>;
    let closeUp: Set<number> = NONE as Set<number>;
    // (both stay empty on ordinary prose lines)
    let fieldLine = false;
    const hasLabel = line.includes('记者') || line.includes('通讯员') || line.includes('撰稿人');
    if (hasLabel && BYLINE_RE.test(line)) {
      fieldLine = true;
      // close up a two-character name padded with a space ("周 琳")
      const re = /[ \u3000\t]+/g;
      let m: RegExpExecArray | null;
      const spans: Array<[number, number]> = [];
      while ((m = re.exec(line))) spans.push([m.index, m.index + m[0].length]);
      let tokStart = 0;
      const tokens: Array<[number, number]> = [];
      for (const [a, z] of spans) {
        tokens.push([tokStart, a]);
        tokStart = z;
      }
      tokens.push([tokStart, line.length]);
      for (let t = 1; t + 1 < tokens.length; t++) {
        const [a1, z1] = tokens[t]!;
        const [a2, z2] = tokens[t + 1]!;
        const single = (a: number, z: number) => z - a === 1 && isHan(line.charCodeAt(a));
        const prevSingle = t > 1 && single(tokens[t - 1]![0], tokens[t - 1]![1]);
        const nextNextSingle = t + 2 < tokens.length && single(tokens[t + 2]![0], tokens[t + 2]![1]);
        if (single(a1, z1) && single(a2, z2) && !prevSingle && !nextNextSingle) {
          if (closeUp === NONE) closeUp = new Set<number>();
          closeUp.add(z1);
        }
      }
    } else if (isFieldLine(line)) {
      fieldLine = true;
    } else {
      const last = line.charCodeAt(line.length - 1);
      // 摄 影 道 ） )
      const creditEnd = last === 0x6444 || last === 0x5f71 || last === 0x9053 || last === 0xff09 || last === 0x29;
      const cm = creditEnd ? CREDIT_RE.exec(line) : null;
      if (cm || fmHint(line)) keep = new Set<number>();
      if (cm) {
        const creditStart = line.length - cm[2]!.length;
        const spStart = creditStart - cm[1]!.length;
        keep.add(spStart);
        for (let i = creditStart; i < line.length; i++) {
          if (isSpace(line.charCodeAt(i)) && !isSpace(line.charCodeAt(i - 1))) keep.add(i);
        }
      }
      PAREN_CREDIT_RE.lastIndex = 0;
      let pm: RegExpExecArray | null;
      const parens = line.includes('(') || line.includes('（');
      while (parens && (pm = PAREN_CREDIT_RE.exec(line))) {
        if (keep === NONE) keep = new Set<number>();
        for (let i = pm.index + 1; i < pm.index + pm[0].length; i++) {
          if (isSpace(line.charCodeAt(i)) && !isSpace(line.charCodeAt(i - 1))) keep.add(i);
        }
      }
      const c0 = line.charCodeAt(0);
      const fm = c0 === 0x56fe || c0 === 0x8868 ? FIGURE_RE.exec(line) : null; // 图 表
      if (fm) keep.add(fm[0].length - fm[1]!.length);
    }
    // edit as we go; removed spaces between Chinese text are logged as 'x'
    // and get their kind (justified 'c' or stray 'd') once the line is counted
    const first = log.list.length;
    let cjkRemoved = 0;
    for (let i = 0; i < line.length; ) {
      if (!isSpace(line.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < line.length && isSpace(line.charCodeAt(j))) j++;
      const len = j - i;
      const l = i > 0 ? line.charCodeAt(i - 1) : 0;
      const r = j < line.length ? line.charCodeAt(j) : 0;
      // "30 %" is a number and its unit, not two words
      const asciiBoth = l > 0 && l < 0x80 && r > 0 && r < 0x80 && !(r === 0x25 && l >= 0x30 && l <= 0x39);
      const at = start + i;
      if ((fieldLine && !closeUp.has(i)) || keep.has(i) || asciiBoth) {
        if (len > 1 || line.charCodeAt(i) !== 0x20) {
          b.keepTo(at);
          b.replace(len, ' ');
          log.add('d', at, at + len, input.slice(at, at + len), ' ');
        }
      } else {
        const kind = isAsciiAlnum(l) || isAsciiAlnum(r) ? 's' : 'x';
        if (kind === 'x') cjkRemoved++;
        b.keepTo(at);
        b.delete(len);
        log.add(kind, at, at + len, len === 1 && line.charCodeAt(i) === 0x20 ? ' ' : input.slice(at, at + len), '');
      }
      i = j;
    }
    const justified = cjkRemoved >= 3 && cjkRemoved * 6 >= line.length;
    for (let k = first; k < log.list.length; k++) {
      const rep = log.list[k]!;
      if (rep.kind === 'x') rep.kind = justified ? 'c' : 'd';
    }
  }
}

/** Could the line start with a figure label (图/表)? */
function fmHint(line: string): boolean {
  const c0 = line.charCodeAt(0);
  return c0 === 0x56fe || c0 === 0x8868;
}
