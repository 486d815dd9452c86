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
import { RepairLog, decision, indentBefore, type PassContext, type PassResult } from './pass.js';

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
  const tokens = line.split(/[ \u3000\t\u00a0]+/);
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

/** A row of a flattened table: no sentence punctuation, three cells or more, two of them bare numbers ("北京 100 120 20%"). */
const NUMBER_CELL_RE = /^[+-]?\d[\d.,]*%?$/;
export function isTableRow(line: string): boolean {
  if (line.length > 80 || PROSE_PUNCT_RE.test(line)) return false;
  const cells = line.split(/[ \u3000\t\u00a0]+/);
  if (cells.length < 3) return false;
  let numbers = 0;
  for (const c of cells) if (NUMBER_CELL_RE.test(c)) numbers++;
  // "今年前 7 个月": one number between words is a number and its measure word
  return numbers >= 2 && NUMBER_CELL_RE.test(cells[cells.length - 1]!);
}

/** Words that follow a title or a name as a separate field. */
const FIELD_TAG_RE = /^(?:特刊|专刊|副刊|周刊|专版|摄影报道|摄影|报道|文\/图|摄)$/;

const NONE: ReadonlySet<number> = new Set<number>();

export function spacing(input: string, ctx?: PassContext): PassResult {
  const b = new EditBuilder(input);
  const log = new RepairLog('spacing');
  // In a layout that indents paragraphs (in the raw text), a line without
  // the indent is a title, a kicker or a credit, not body prose. (Measured
  // on the first line that holds a space: most documents have none.)
  const titles = { known: !ctx, set: null as Set<number> | null, ctx, input };
  // the loop in its own function: see readLoop in src/extract/figures/reading.ts (OSR deopts)
  const stats: SpaceStats = { c: [], d: [] };
  spacingLines(input, b, log, titles, stats);
  const { text, map } = b.finish();
  const messages = [];
  for (const r of stats.c) messages.push(decision('spacing', 'I_JUSTIFIED_SPACING', `justified spacing detected in {lines} (${r.n} spaces removed)`, r.start, r.end));
  for (const r of stats.d) messages.push(decision('spacing', 'I_STRAY_SPACES', `spaces inside Chinese text removed in {lines} (${r.n}: stray or beside a mark)`, r.start, r.end));
  messages.sort((x, y) => x.rawStart! - y.rawStart!);
  return { text, map, repairs: log.list, messages };
}

/** Regions of lines with one kind of repair (lines less than five apart form one region). */
interface Region {
  start: number;
  end: number;
  n: number;
  lastLine: number;
}
interface SpaceStats {
  c: Region[];
  d: Region[];
}

function addToRegion(list: Region[], line: number, start: number, end: number): void {
  const r = list[list.length - 1];
  if (r && line - r.lastLine <= 4) {
    r.end = end;
    r.n++;
    r.lastLine = line;
  } else list.push({ start, end, n: 1, lastLine: line });
}

interface Titles {
  known: boolean;
  set: Set<number> | null;
  ctx: PassContext | undefined;
  input: string;
}

/** Starts of the unindented lines of a layout that indents paragraphs (null when it does not). */
function unindentedLines(t: Titles): Set<number> | null {
  if (t.known) return t.set;
  t.known = true;
  const { ctx, input } = t;
  let indented = 0;
  let lines = 0;
  const flush: number[] = [];
  for (let start = 0; start < input.length; ) {
    let end = input.indexOf('\n', start);
    if (end < 0) end = input.length;
    if (end > start) {
      lines++;
      if (indentBefore(ctx!.raw, ctx!.toRaw(start))) indented++;
      else flush.push(start);
    }
    start = end + 1;
  }
  if (indented >= 3 && indented >= 0.5 * lines) t.set = new Set(flush);
  return t.set;
}

/** Any character isSpace() accepts (the lines that hold none are skipped unread). */
const ANY_SPACE_RE = /[ \t\u3000\u00a0\u2007\u202f]/g;

function spacingLines(input: string, b: EditBuilder, log: RepairLog, titles: Titles, stats: SpaceStats): void {
  const n = input.length;
  // line number and start of the line being looked at
  let lineNo = 0;
  let start = 0;
  ANY_SPACE_RE.lastIndex = 0;
  for (;;) {
    // the next space, the line that holds it (line breaks counted with indexOf)
    const m = ANY_SPACE_RE.exec(input);
    if (!m) break;
    const p = m.index;
    for (let j = input.indexOf('\n', start); j >= 0 && j < p; j = input.indexOf('\n', start)) {
      lineNo++;
      start = j + 1;
    }
    let end = input.indexOf('\n', p);
    if (end < 0) end = n;
    const first = log.list.length;
    const t = unindentedLines(titles);
    spaceLine(input, start, end, b, log, t !== null && t.has(start));
    for (let k = first; k < log.list.length; k++) {
      const r = log.list[k]!;
      if (r.kind === 'c') addToRegion(stats.c, lineNo, start, end);
      else if (r.kind === 'd' && r.after === '') addToRegion(stats.d, lineNo, start, end);
    }
    if (end >= n) break;
    start = end + 1;
    lineNo++;
    ANY_SPACE_RE.lastIndex = start;
  }
}

/** A space run that is not one ASCII space (U+3000, no-break, tab, several): set on purpose. */
function isWide(line: string, i: number, j: number): boolean {
  return j - i > 1 || line.charCodeAt(i) !== 0x20;
}

/** Sentence punctuation: a line holding it is prose (a title or a list of fields holds none). */
function isSentencePunct(c: number): boolean {
  return c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x2c || c === 0x3b || c === 0x21 || c === 0x3f;
}

/** Pause marks: a space after one separates nothing the mark does not. */
function isPause(c: number): boolean {
  return c === 0xff0c || c === 0x3001 || c === 0xff1b || c === 0xff1a || c === 0x2c || c === 0x3b || c === 0x3a;
}

const OPEN_BRACKETS = '（(【《〈「『';
const CLOSE_BRACKETS = '）)】》〉」』';
/** A dateline ends before the space: "新华社北京9月30日电", "本报讯". */
const DATELINE_RE = /(?:\d{1,2}月\d{1,2}日|[社报台网])(?:电|讯)$/;
/** A clause or chapter label starts the line: "第十二条", "第二章". */
const LABEL_RE = /^第[一二三四五六七八九十百千零〇两\d]{1,6}[条章节编款部篇]$/;
/** Text before a space that only a label or dateline can end in (cheap pre-test). */
function labelOrDateline(line: string, i: number): boolean {
  const c = line.charCodeAt(i - 1);
  if (c === 0x7535 || c === 0x8baf) return DATELINE_RE.test(line.slice(Math.max(0, i - 16), i)); // 电 讯
  if (i <= 8 && line.charCodeAt(0) === 0x7b2c) return LABEL_RE.test(line.slice(0, i)); // 第
  return false;
}

/** Index of c in CLOSE_BRACKETS, or -1. */
function closeBracket(c: number): number {
  switch (c) {
    case 0xff09: return 0; // ）
    case 0x29: return 1; // )
    case 0x3011: return 2; // 】
    case 0x300b: return 3; // 》
    case 0x3009: return 4; // 〉
    case 0x300d: return 5; // 」
    case 0x300f: return 6; // 』
    default: return -1;
  }
}

/** Index of c in OPEN_BRACKETS, or -1. */
function openBracket(c: number): number {
  switch (c) {
    case 0xff08: return 0; // （
    case 0x28: return 1; // (
    case 0x3010: return 2; // 【
    case 0x300a: return 3; // 《
    case 0x3008: return 4; // 〈
    case 0x300c: return 5; // 「
    case 0x300e: return 6; // 『
    default: return -1;
  }
}

/** Between the closing mark of one bracketed or quoted item and the opening mark of the next. */
function betweenItems(l: number, r: number): boolean {
  return (closeBracket(l) >= 0 && openBracket(r) >= 0) || (l === 0x201d && r === 0x201c);
}

/**
 * Is the single space at [i, j) inside a bracket pair or a quotation?
 * Bracketed and quoted text (a series title in （）, a slogan in “”) keeps
 * its inner spaces when the words on both sides hold two or more characters.
 */
function enclosed(line: string, i: number, j: number): boolean {
  // the innermost open bracket or quote before i, closed after j
  let depth = 0;
  let quote = false;
  let opener = -1;
  for (let k = i - 1; k >= 0; k--) {
    const c = line.charCodeAt(k);
    if (closeBracket(c) >= 0) depth++;
    else if (openBracket(c) >= 0) {
      if (depth === 0) {
        opener = k;
        break;
      }
      depth--;
    } else if (c === 0x201c) {
      opener = k;
      quote = true;
      break;
    } else if (c === 0x201d) break;
  }
  if (opener < 0) return false;
  const close = quote ? '”' : CLOSE_BRACKETS[openBracket(line.charCodeAt(opener))]!;
  const closer = line.indexOf(close, j);
  if (closer < 0) return false;
  // the words on both sides, inside the pair, hold two or more characters
  return i - opener - 1 >= 2 && closer - j >= 2 && isHan(line.charCodeAt(i - 1)) && isHan(line.charCodeAt(j));
}

function spaceLine(input: string, start: number, end: number, b: EditBuilder, log: RepairLog, unindented: boolean): void {
  {
    const line = input.slice(start, end);
    // keep has i when the space run starting at i is a field separator
    // (both stay empty on ordinary prose lines)
    const { fieldLine, keep, closeUp } = lineMarks(line);
    // First look: the line's shape. A single ASCII space between Chinese
    // characters is a candidate for removal. Candidates that set off a
    // one-character word on a chain ("如 今 在", "行 动 计划") are justified
    // spacing, and so is a line made mostly of them; candidates spread
    // along a prose line at column-like distances are stray spaces where
    // printed lines ended. Sentence punctuation makes the line prose
    // (without it, a line is a title or a list of fields whose spaces
    // separate phrases).
    // prose is decided per segment: the text between wide spaces (a
    // heading run into its paragraph with U+3000 between them is two)
    let prose = false;
    let segProse = false;
    let depth = 0;
    let marks = 0;
    let halfWidth = false;
    let ended = false;
    let digitSpace = false;
    const segEnds: number[] = [];
    const segIsProse: boolean[] = [];
    const cand: number[] = [];
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (isSpace(c) && (c !== 0x20 || (i + 1 < line.length && isSpace(line.charCodeAt(i + 1))))) {
        // a wide space ends a segment
        let j = i;
        while (j < line.length && isSpace(line.charCodeAt(j))) j++;
        segEnds.push(i);
        segIsProse.push(segProse);
        segProse = false;
        i = j - 1;
        continue;
      }
      // (punctuation inside brackets, as in a series title after a
      // headline, does not make the line prose)
      if (c === 0xff08 || c === 0x28 || c === 0x3010) depth++;
      else if ((c === 0xff09 || c === 0x29 || c === 0x3011) && depth > 0) depth--;
      else if (depth === 0 && isSentencePunct(c)) {
        segProse = true;
        prose = true;
        marks++;
        if (c < 0x80) halfWidth = true;
        if (c === 0x3002 || c === 0xff01 || c === 0xff1f) ended = true;
      }
      if (c !== 0x20 || i === 0 || i + 1 >= line.length || (keep.size > 0 && keep.has(i))) continue;
      const l = line.charCodeAt(i - 1);
      const r = line.charCodeAt(i + 1);
      if (isSpace(l) || isSpace(r)) continue;
      if (l < 0x80 || r < 0x80) {
        if (isAsciiAlnum(l) !== isAsciiAlnum(r)) digitSpace = true;
        continue;
      }
      cand.push(i);
    }
    segEnds.push(line.length);
    segIsProse.push(segProse);
    // a title may hold a comma or two but ends no sentence; half-width
    // punctuation and a space between Chinese and digits ("2026 年") are
    // converter damage, not a title's layout
    const titleLike = (!halfWidth && !ended && !digitSpace && marks <= 2 && line.length <= 40) || (unindented && !ended && !halfWidth);
    const proseAt = (i: number): boolean => {
      if (titleLike) return false;
      let k = 0;
      while (segEnds[k]! < i) k++;
      return segIsProse[k]!;
    };
    let chain: Set<number> = NONE as Set<number>;
    let singles = 0;
    let allSingle = cand.length > 0;
    for (let k = 0; k < cand.length; k++) {
      const i = cand[k]!;
      const leftOne = i < 2 || isSpace(line.charCodeAt(i - 2));
      const rightOne = i + 2 >= line.length || isSpace(line.charCodeAt(i + 2));
      if ((leftOne && isHan(line.charCodeAt(i - 1))) || (rightOne && isHan(line.charCodeAt(i + 1)))) singles++;
      if (!leftOne || !rightOne) allSingle = false;
      // a one-character word between two candidates
      if ((leftOne && k > 0 && cand[k - 1] === i - 2) || (rightOne && k + 1 < cand.length && cand[k + 1] === i + 2)) {
        if (chain === NONE) chain = new Set<number>();
        chain.add(i);
      }
    }
    if (allSingle && (line.length > 3 || !isFieldLine(line))) allSingle = line.length - cand.length === cand.length + 1;
    const justified = (singles >= 3 && singles * 6 >= line.length) || allSingle;
    // stray spaces where printed column lines ended: three or more
    // candidates off the chains, spread at column-like distances
    let columnEnds = false;
    if (prose && !titleLike && cand.length - chain.size >= 3) {
      const gaps: number[] = [];
      let prev = 0;
      for (const i of cand) {
        if (chain.has(i)) continue;
        gaps.push(i - prev);
        prev = i;
      }
      gaps.sort((x, y) => x - y);
      columnEnds = gaps[gaps.length >> 1]! >= 8;
    }
    let loose = 0;
    for (const i of cand) if (!chain.has(i) && !isPause(line.charCodeAt(i - 1))) loose++;
    // edit as we go
    const first = log.list.length;
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
      let kept: boolean;
      let kind = 'd';
      if (closeUp.size > 0 && closeUp.has(i)) kept = false;
      else if (fieldLine || (keep.size > 0 && keep.has(i)) || asciiBoth || isWide(line, i, j) || labelOrDateline(line, i)) kept = true;
      else if (justified || (chain.size > 0 && chain.has(i))) {
        kept = false;
        kind = 'c';
      } else if (isAsciiAlnum(l) || isAsciiAlnum(r)) kept = false; // "2024 年": the convention
      else if (betweenItems(l, r)) kept = true; // "【史记】 【汉书】", "“甲” “乙”"
      else if (r === 0xff08 || r === 0x28 || l === 0xff09 || l === 0x29) kept = false; // "（总部） 北京"
      else if (isPause(l)) kept = false; // "， 江西", "3、 保障措施"
      else if (!proseAt(i)) kept = true; // a title's halves, a list of phrases
      else if (columnEnds) kept = false;
      else if (enclosed(line, i, j)) kept = true;
      else {
        // a space inside a sentence: a stray space where a printed column
        // line ended. One alone next to a quotation mark may set off the
        // quotation ("和 “全国…”").
        const quoteSide = l === 0x201c || l === 0x201d || r === 0x201c || r === 0x201d;
        kept = loose < 2 && quoteSide;
      }
      if (kept) {
        if (len > 1 || line.charCodeAt(i) !== 0x20) {
          b.keepTo(at);
          b.replace(len, ' ');
          log.add('d', at, at + len, input.slice(at, at + len), ' ');
        }
      } else {
        if (isAsciiAlnum(l) || isAsciiAlnum(r)) kind = 's';
        b.keepTo(at);
        b.delete(len);
        log.add(kind, at, at + len, len === 1 && line.charCodeAt(i) === 0x20 ? ' ' : input.slice(at, at + len), '');
      }
      i = j;
    }
    void first;
  }
}

/**
 * What a line's shape says before its spaces are looked at: a byline or a
 * field line keeps its spaces (a byline closes up a two-character name padded
 * with a space, `closeUp`); a photo credit, a bracketed credit or a figure
 * label keeps the spaces that separate its fields (`keep`). In functions of
 * their own: these lines are rare, and a rare branch met for the first time
 * throws away the optimized code of the function it is in (spaceLine, whole,
 * was compiled four times per worker over 2,000 bench files).
 */
function lineMarks(line: string): { fieldLine: boolean; keep: Set<number>; closeUp: Set<number> } {
  const hasLabel = line.includes('记者') || line.includes('通讯员') || line.includes('撰稿人');
  if (hasLabel && BYLINE_RE.test(line)) return { fieldLine: true, keep: NONE as Set<number>, closeUp: bylineCloseUps(line) };
  if (isFieldLine(line) || isTableRow(line)) return { fieldLine: true, keep: NONE as Set<number>, closeUp: NONE as Set<number> };
  return { fieldLine: false, keep: creditKeeps(line), closeUp: NONE as Set<number> };
}

/** A byline's two-character names padded with a space ("周 琳"): the positions of those spaces. */
function bylineCloseUps(line: string): Set<number> {
  let closeUp: Set<number> = NONE as Set<number>;
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
    // (only a space of one ASCII character: a wider one was set on purpose)
    if (single(a1, z1) && single(a2, z2) && !prevSingle && !nextNextSingle && z1 + 1 === a2 && line.charCodeAt(z1) === 0x20) {
      if (closeUp === NONE) closeUp = new Set<number>();
      closeUp.add(z1);
    }
  }
  return closeUp;
}

/** The field-separating spaces of a line ending in a photo credit, holding a bracketed credit, or starting with a figure label. */
function creditKeeps(line: string): Set<number> {
  let keep: Set<number> = NONE as Set<number>;
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
  return keep;
}

/** Could the line start with a figure label (图/表)? */
function fmHint(line: string): boolean {
  const c0 = line.charCodeAt(0);
  return c0 === 0x56fe || c0 === 0x8868;
}
