/**
 * Pass `reflow`: join hard-wrapped lines into paragraphs, one paragraph per
 * output line, no blank lines.
 *
 * A line break is kept (a paragraph or block ends) or removed (a hard wrap)
 * from generalizable signals only, never from the corpus's sentences:
 * - does the line end with sentence-final punctuation (or a photo credit)?
 *   Does it end with a comma-like mark or an opening quote (unfinished)?
 *   Does the next line start with a closing mark or comma (a continuation)?
 * - is the line as wide as its neighbours (a full column line) or shorter?
 *   Widths are display widths (Han 2, ASCII and punctuation 1) compared with
 *   the lines around it, so columns of any width and text wrapped round a
 *   photo work; a short unpunctuated line between paragraphs is a heading;
 * - does a line start a block: a byline (…记者 name), a numbered heading
 *   (一、 （一） 1、 图1), a line of space-separated fields (names, headline
 *   halves, title + 特刊), a headline (the line right before a byline)?
 * - does the document separate paragraphs with blank lines (then a blank is
 *   a break unless the line before it is an unfinished full line) or put a
 *   blank after every line (then blanks say nothing)? Decided by counting
 *   the blanks that follow full unfinished lines (when every line has a
 *   blank after it, one such blank is enough);
 * - does the page indent a paragraph's first line (the indent's spaces are
 *   lost, so the line holds about two cells fewer than the column)? Then a
 *   full column line that ends a sentence continues its paragraph when the
 *   next line fills the column too (a first line never does); without
 *   indentation such a line ends its paragraph;
 * - is the document one paragraph per line (long lines)? Then every line is
 *   a block, except that a paragraph split by a blank line is rejoined when
 *   the next line's first printed line (text up to the first column-end
 *   space) is full width: printed paragraphs start indented. With no
 *   column width to measure (a short excerpt), a quotation left open at
 *   the cut and closed on the next line joins them.
 * Special joins: a dash split over lines ("—" / "—") closes up; a byline set
 * vertically ("本报记者" / "童" / "政") becomes one line with single spaces;
 * a standalone credit ("王英浩摄") joins its caption after one space; an
 * attribution alone on a line ("唐超表示。") joins the quotation before it;
 * two short unpunctuated lines between blank lines are the halves of one
 * headline and join with one space. A caption set inside a paragraph stays
 * a line of its own between the paragraph's parts (the map must stay
 * monotonic, so nothing is moved).
 */
import { EditBuilder } from '../core/offsets.js';
import { isAsciiAlnum as isAsciiAlnumImported, isHan as isHanImported } from './chars.js';
import { isFieldLine } from './spacing.js';
import { RepairLog, decision, indentBefore, type PassContext, type PassResult } from './pass.js';

// Hot helpers bound once: a module runner that rewrites imports (vite-node,
// vitest) turns every call of an imported function into a property read on
// the module object, which costs more than the helper itself in a per-char loop.
const isAsciiAlnum = isAsciiAlnumImported;
const isHan = isHanImported;


const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';
const LABEL_ONLY_RE = new RegExp(`^${HAN}{0,12}(?:记者|通讯员)$`);
const BYLINE_RE = new RegExp(`^${HAN}{0,12}(?:记者|通讯员)[ \\u3000]`);
const NAME_PIECE_RE = new RegExp(`^${HAN}{1,4}$`);
const CREDIT_LINE_RE = new RegExp(
  `^(?:${HAN}{0,12}记者 ?)?${HAN}{2,4}(?: ${HAN}{2,4})* ?(?:摄影报道|摄影|摄)(?:[（(][^）)]*[）)])?$`,
);
const ENDS_CREDIT_RE = /(?:摄影报道|摄影|摄|文\/图|文／图)(?:[（(][^）)]*[）)])?[）)]?$/;
const DASH_ONLY_RE = /^[—\-－]{1,2}$/;
const HEADING_START_RE = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百\d]+[章节条部分篇]|\d{1,2}(?:[、．]|\.(?!\d))|[图表] ?\d{1,2} )/;
/** Sentence punctuation inside a heading's title would make it prose. */
const HEADING_PROSE_RE = /[，。；！？,;!?]/;
/** A quotation closing a line (。” ！” ？” …”) ... */
function speakerEnd(t: string): boolean {
  const n = t.length;
  const q = t.charCodeAt(n - 1);
  if (q !== 0x201d && q !== 0x22) return false;
  const c = t.charCodeAt(n - 2);
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x2026;
}
/**
 * A set of UTF-16 code units, looked up in a shared table (a Set lookup per
 * character cost more than the rest of the test). has() of NaN (charCodeAt
 * out of range) is false, as for a Set.
 */
const CODE_FLAGS = new Uint8Array(0x10000);
let codeBits = 0;
class CodeSet {
  private readonly bit: number;
  constructor(codes: number[]) {
    if (codeBits >= 8) throw new Error('CodeSet: at most 8 sets share the table');
    this.bit = 1 << codeBits++;
    for (const c of codes) CODE_FLAGS[c] = CODE_FLAGS[c]! | this.bit;
  }
  has(c: number): boolean {
    return ((CODE_FLAGS[c] ?? 0) & this.bit) !== 0;
  }
}

/** Marks that open something: a line ending in one is unfinished. */
const OPENERS = new CodeSet([0x201c, 0x2018, 0x22, 0x27, 0xff08, 0x28, 0x300a]);
/** ... and its attribution alone on the next line ("唐超表示。"). */
const SPEAKER_RE = new RegExp(`^${HAN}{1,16}(?:说|表示|介绍|指出|强调|认为|透露|坦言|告诉记者)[。，：]`);
/** ... the attribution is the whole line: a layout no clean text has. */
const ATTRIBUTION_RE = new RegExp(`^${HAN}{1,16}(?:说|表示|介绍|指出|强调|认为|透露|坦言)。$`);
/** A line ending in a comma-like mark cannot end a paragraph. */
const CONTINUING = new CodeSet([0xff0c, 0x3001, 0xff1b, 0xff1a, 0x2c, 0x3b, 0x3a]);
/** Closing marks and commas: ”’」』）》，。、；：！？,.;:!?) */
const CLOSING_START = new CodeSet([0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0x300b, 0xff0c, 0x3002, 0x3001, 0xff1b, 0xff1a, 0xff01, 0xff1f, 0x2c, 0x2e, 0x3b, 0x3a, 0x21, 0x3f, 0x29]);
function isClosingStart(c: number): boolean {
  return CLOSING_START.has(c);
}

/** Lines longer than this (chars) are "paragraph per line" material. */
const LONG_LINE = 60;

interface Line {
  start: number;
  end: number;
  text: string;
  /** blank lines before this line */
  blanks: number;
  w: number;
  final: boolean;
  credit: boolean;
  endsCredit: boolean;
  byline: boolean;
  labelOnly: boolean;
  namePiece: boolean;
  dashOnly: boolean;
  punct: boolean;
  /** sentence punctuation before the line's last character */
  punctInside: boolean;
  /** a numbered heading: 一、… （一）… 第一章… 1、… 图1 … (short, no sentence punctuation) */
  heading: boolean;
  /** a short line of space-separated fields (names, headline halves, title and 特刊) */
  fields: boolean;
  /** the line began with a paragraph indent (U+3000, or two spaces or more) in the raw text */
  indented: boolean;
}

/**
 * Files that hold one paragraph per line often keep a space where each
 * printed column line ended. Cut the line there (a space between two
 * non-alphanumeric characters; spaces next to digits/Latin are word spacing).
 */
function segments(t: string): number[] {
  const out: number[] = [];
  let a = 0;
  for (let i = 1; i + 1 < t.length; i++) {
    if (t.charCodeAt(i) !== 0x20) continue;
    const l = t.charCodeAt(i - 1);
    const r = t.charCodeAt(i + 1);
    if (isAsciiAlnum(l) || isAsciiAlnum(r) || l === 0x20) continue;
    out.push(printWidth(t, a, i));
    a = i + 1;
  }
  out.push(printWidth(t, a, t.length));
  return out;
}

/** Printed width in Han units: digits/Latin half, everything else (incl. ASCII punctuation set full-width in print) whole. */
function printWidth(t: string, a: number, z: number): number {
  let w = 0;
  for (let i = a; i < z; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x20) continue;
    w += isAsciiAlnum(c) || c === 0x2e || c === 0x25 ? 0.5 : 1;
  }
  return w;
}

type Decision = 'join' | 'space' | 'break';

/**
 * Does line a leave a quotation open that line b closes? ASCII quotes: an
 * odd number in each; curly quotes: more “ than ” in a, and the first curly
 * quote in b is a ”.
 */
function quoteOpenAcross(a: string, b: string): boolean {
  let ascii = 0;
  let open = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (c === 0x22) ascii++;
    else if (c === 0x201c) open++;
    else if (c === 0x201d) open--;
  }
  if (ascii % 2 === 1) {
    let n = 0;
    for (let i = 0; i < b.length; i++) if (b.charCodeAt(i) === 0x22) n++;
    return n % 2 === 1;
  }
  if (open <= 0) return false;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (c === 0x201d) return true;
    if (c === 0x201c) return false;
  }
  return false;
}

const CLOSERS = new CodeSet([0x201d, 0x2019, 0x22, 0x27, 0x300d, 0x300f, 0xff09, 0x29, 0x300b]);
const FINALS = new CodeSet([0x3002, 0xff01, 0xff1f, 0x21, 0x3f, 0x2026, 0x22ef]);

/** Same test as FINAL_RE, scanning back from the end (no regex over long lines). */
function endsFinal(t: string): boolean {
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.has(t.charCodeAt(i))) i--;
  if (i < 0) return false;
  const c = t.charCodeAt(i);
  if (FINALS.has(c)) return true;
  return c === 0x2e && i >= 2 && t.charCodeAt(i - 1) === 0x2e && t.charCodeAt(i - 2) === 0x2e;
}

/** First characters a numbered heading can start with (一-十, brackets, 第, digits, 图/表). */
function maybeHeadingStart(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    c === 0xff08 ||
    c === 0x28 ||
    c === 0x7b2c || // 第
    c === 0x56fe || // 图
    c === 0x8868 || // 表
    c === 0x4e00 || // 一
    c === 0x4e8c || // 二
    c === 0x4e09 || // 三
    c === 0x56db || // 四
    c === 0x4e94 || // 五
    c === 0x516d || // 六
    c === 0x4e03 || // 七
    c === 0x516b || // 八
    c === 0x4e5d || // 九
    c === 0x5341 // 十
  );
}

/** Inner punctuation: ，。；！？,;!?、… */
function isInnerPunct(c: number): boolean {
  return (
    c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x2c || c === 0x3b || c === 0x21 || c === 0x3f || c === 0x3001 || c === 0x2026
  );
}

/**
 * Read the line starting at `start` (not at a line break): scan to its end
 * once, measuring display width (Han 2, else 1, spaces 0), inner
 * punctuation and spaces on the input itself, then test the line's shape.
 */
function analyse(text: string, start: number, blanks: number): Line {
  const n = text.length;
  let w = 0;
  let punct = false;
  // the first sentence mark (its position tells punctInside)
  let firstPunct = -1;
  let space = false;
  // 者 or 员 seen: the line may hold 记者 / 通讯员
  let label = false;
  let end = start;
  for (; end < n; end++) {
    const c = text.charCodeAt(end);
    if (c === 0x0a) break;
    if (c === 0x20) {
      space = true;
      continue;
    }
    if (c >= 0x3400 && isHan(c)) {
      w += 2;
      if (c === 0x8005 || c === 0x5458) label = true;
    } else {
      w += 1;
      if (!punct && isInnerPunct(c)) {
        punct = true;
        firstPunct = end;
      }
    }
  }
  const t = text.slice(start, end);
  const len = end - start;
  const last = text.charCodeAt(end - 1);
  // credit endings end in 摄/影/道/图 or a closing bracket
  const endsCredit = (last === 0x6444 || last === 0x5f71 || last === 0x9053 || last === 0x56fe || last === 0xff09 || last === 0x29) && ENDS_CREDIT_RE.test(t);
  const short = len <= 40;
  const hasLabel = short && label && (t.includes('记者') || t.includes('通讯员'));
  return {
    start,
    end,
    text: t,
    blanks,
    w: w / 2,
    final: endsCredit || endsFinal(t),
    credit: short && endsCredit && CREDIT_LINE_RE.test(t),
    endsCredit,
    byline: hasLabel && BYLINE_RE.test(t),
    labelOnly: hasLabel && LABEL_ONLY_RE.test(t),
    namePiece: len <= 4 && NAME_PIECE_RE.test(t),
    dashOnly: len <= 2 && DASH_ONLY_RE.test(t),
    punct,
    punctInside: firstPunct >= 0 && firstPunct < end - 1,
    heading: short && maybeHeadingStart(t.charCodeAt(0)) && HEADING_START_RE.test(t) && !HEADING_PROSE_RE.test(t),
    fields: short && space && isFieldLine(t),
    indented: false,
  };
}

/** Leading whitespace of the line starting at p, in the input itself (when reflow runs without artifacts). */
function leadingIndent(s: string, p: number): boolean {
  let n = 0;
  let ideo = false;
  for (let i = p; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000) ideo = true;
    else if (c !== 0x20 && c !== 0xa0 && c !== 0x09) break;
    n++;
  }
  return ideo || n >= 2;
}

/**
 * Mark the lines that began with a paragraph indent in the raw text (in the
 * input itself when reflow runs without a context). Kept out of reflow():
 * a raw-position lookup per line inlined into that large function made it
 * about twice as slow, depending on how V8 happened to compile it.
 */
function markIndented(lines: Line[], input: string, ctx: PassContext | undefined): void {
  if (!ctx) {
    for (const l of lines) l.indented = leadingIndent(input, l.start);
    return;
  }
  const raw = ctx.raw;
  for (const l of lines) l.indented = indentBefore(raw, ctx.toRaw(l.start));
}

/** Width of the text before the first column-end space (paragraph-per-line files). */
function firstSegment(t: string): number {
  for (let i = 1; i + 1 < t.length; i++) {
    if (t.charCodeAt(i) !== 0x20) continue;
    const a = t.charCodeAt(i - 1);
    const z = t.charCodeAt(i + 1);
    if (isAsciiAlnum(a) || isAsciiAlnum(z) || a === 0x20) continue;
    return printWidth(t, 0, i);
  }
  return printWidth(t, 0, t.length);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const s = Float64Array.from(values).sort();
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

/**
 * The p-th percentile of the widths of the lines that do not end a
 * sentence (same value as percentile() over them). Widths are multiples of
 * one half, so they are counted, not sorted.
 */
function openWidthPercentile(lines: Line[], nOpen: number, widest: number, p: number): number {
  const counts = new Uint32Array(Math.round(widest * 2) + 1);
  for (const l of lines) {
    if (l.final) continue;
    const k = Math.round(l.w * 2);
    counts[k] = counts[k]! + 1;
  }
  const rank = Math.min(nOpen - 1, Math.floor(p * nOpen));
  let seen = 0;
  for (let k = 0; k < counts.length; k++) {
    seen += counts[k]!;
    if (seen > rank) return k / 2;
  }
  return widest;
}

/** A short line without punctuation: a title or half of one. */
function shortNoPunct(l: Line, wDoc: number): boolean {
  return !l.punct && !l.final && l.w < wDoc - 2;
}

/** How much narrower than the column a paragraph's indented first line is (two Han cells, ± measuring noise). */
const INDENT_MIN = 1.5;
const INDENT_MAX = 3.5;
/** A line this close to the column width fills it (punctuation compression and half-width digits blur widths by about one cell). */
const FULL_SLACK = 1;
/** Lines looked at on each side for the local column width. */
const COL_WINDOW = 4;

/**
 * Does the document indent paragraphs? Look at the lines that follow a
 * clear paragraph end (a sentence end well short of the full lines before
 * it) and go on to a full line: in an indented layout such a line is about
 * two cells narrower than the line after it; in a flush layout it is as
 * wide. Most must be indented, and there must be several of them.
 */
export function indentsParagraphs(lines: Line[]): boolean {
  let indented = 0;
  let flush = 0;
  let other = 0;
  for (let i = 2; i + 2 < lines.length; i++) {
    const L = lines[i]!;
    if (!L.final) continue;
    const before = Math.max(lines[i - 1]!.w, lines[i - 2]!.w);
    if (lines[i - 1]!.final || L.w > before - 3) continue;
    const N = lines[i + 1]!;
    const N2 = lines[i + 2]!;
    if (N.final || N2.final || N.blanks > 1 || N2.blanks > 1) continue;
    const d = N.w - N2.w;
    if (d <= -INDENT_MIN && d >= -INDENT_MAX) indented++;
    else if (d >= -0.5) flush++;
    else other++;
  }
  // (in the indented corpus pages about 20 of 25 starts are indented and at
  // most 3 flush; ordinary line-to-line width noise dips that far for about
  // one line in twenty)
  return indented >= 5 && indented >= 4 * flush && indented >= 2 * other;
}

/**
 * In an indented layout: line i ends a sentence; does its paragraph go on?
 * Yes when the next line fills the local column (so it is not indented)
 * and line i fills it too (or, being itself a paragraph's indented first
 * line, fills it up to the indent). The local column is the widest of the
 * lines around.
 */
function sentenceEndContinues(lines: Line[], i: number, firstLine: boolean): boolean {
  const L = lines[i]!;
  const N = lines[i + 1]!;
  // the column: the widest line near by (a short paragraph may hold no full line)
  let col = 0;
  for (let k = Math.max(0, i - COL_WINDOW); k <= i + 1 + COL_WINDOW && k < lines.length; k++) {
    const w = lines[k]!.w;
    if (w > col) col = w;
  }
  if (N.w < col - FULL_SLACK) return false;
  return L.w >= col - FULL_SLACK || (firstLine && L.w >= col - INDENT_MAX);
}

/**
 * Evidence of hard wraps: lines of prose (a comma or a sentence end inside)
 * that stop mid-sentence (on a character or an opening mark), or lines
 * before a line that starts with a closing mark or a comma, while filling
 * the local column. Verse, list items, titles and
 * table rows end on a mark or short of the column, and paragraphs of
 * clean text vary in width, so such lines are rare there; a wrapped text
 * is made of them. Wraps are proven when at least one such line is seen
 * and they are a fifth or more of the lines that do not end a sentence.
 */
export function hardWrapEvidence(lines: Line[]): boolean {
  const n = lines.length;
  let wrapped = 0;
  let open = 0;
  // (the last line counts too: an excerpt cut from a wrapped text ends mid-word)
  for (let i = 0; i < n; i++) {
    const L = lines[i]!;
    const N = lines[i + 1];
    if (L.final) continue;
    open++;
    if (L.heading || L.fields || L.byline || (N && (N.indented || N.blanks > 1))) continue;
    const last = L.text.charCodeAt(L.text.length - 1);
    // (a wrapped line of prose holds a comma or a sentence end before its
    // end; a line of verse or a list item is a phrase: punctuation, if
    // any, only at its end)
    const closes = N !== undefined && isClosingStart(N.text.charCodeAt(0));
    const stops = isHan(last) || isAsciiAlnum(last) || OPENERS.has(last) || CONTINUING.has(last);
    let midWord = closes || (stops && L.punctInside);
    // the last line of an excerpt cut from a wrapped text: a full column
    // line, clearly wider than the titles and phrases around it
    if (!midWord && N === undefined && stops && !CONTINUING.has(last) && n >= 3) midWord = L.w >= medianWidth(lines) + 3;
    if (!midWord || L.w < 5) continue;
    let col = 0;
    for (let k = Math.max(0, i - COL_WINDOW); k <= i + 1 + COL_WINDOW && k < n; k++) {
      const w = lines[k]!.w;
      if (w > col) col = w;
    }
    if (L.w >= col - 1.5) wrapped++;
  }
  return wrapped >= 1 && wrapped >= 0.2 * open;
}

function medianWidth(lines: Line[]): number {
  return percentile(lines.map((l) => l.w), 0.5);
}

/**
 * Lines of a byline set vertically: a label alone on a line ("本报记者")
 * followed by name pieces, at least one of them a single character.
 * vertical[i] is true for the gap after line i inside such a block.
 */
function verticalBylines(lines: Line[]): boolean[] {
  const out: boolean[] = new Array(lines.length).fill(false);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.labelOnly) continue;
    let k = i + 1;
    let single = false;
    while (k < lines.length && (lines[k]!.namePiece || lines[k]!.labelOnly)) {
      if (lines[k]!.text.length === 1) single = true;
      k++;
    }
    if (single) for (let g = i; g < k - 1; g++) out[g] = true;
    i = k - 1;
  }
  return out;
}

/**
 * Printed column width of a paragraph-per-line file, from the segments
 * between column-end spaces (0 when there is none to measure). A sample of
 * lines is enough for a median; first segments are measured only where a
 * join is in question. Column-end spaces are evidence only when there are
 * enough of them and they are regular (most inner segments as wide as the
 * median).
 */
function columnWidth(lines: Line[]): number {
  const mids: number[] = [];
  for (let i = 0, sampled = 0; i < lines.length && sampled < 64; i++) {
    const l = lines[i]!;
    if (l.text.length <= LONG_LINE) continue;
    // (the widths between column-end spaces, first and last excluded)
    const segs = segments(l.text);
    for (let k = 1; k + 1 < segs.length; k++) mids.push(segs[k]!);
    sampled++;
  }
  if (mids.length < 2) return 0;
  const med = percentile(mids, 0.5);
  let near = 0;
  for (const m of mids) if (Math.abs(m - med) <= 2) near++;
  // (a printed column holds several characters: segments of one or two
  // are the spaces of a justified line, not column ends)
  return near >= 0.6 * mids.length && med >= 6 ? med : 0;
}

export function decideBreaks(lines: Line[]): Decision[] {
  const n = lines.length;
  const out: Decision[] = new Array(Math.max(0, n - 1)).fill('break');
  if (n < 2) return out;
  let long = 0;
  for (const l of lines) {
    if (l.text.length > LONG_LINE) long++;
  }
  const paraMode = long >= 0.25 * n;
  // typical full line width: lines that do not end a sentence are mostly
  // full column lines; in a short excerpt take the widest line
  let widest = 0;
  let nOpen = 0;
  for (const l of lines) {
    if (l.w > widest) widest = l.w;
    if (!l.final) nOpen++;
  }
  const wDoc = nOpen >= 8 ? openWidthPercentile(lines, nOpen, widest, 0.75) : widest;
  // Do blank lines separate paragraphs, or follow every line? Count the
  // blanks that come after a full, unfinished line (a hard wrap).
  let blankGaps = 0;
  let wrapGaps = 0;
  for (let i = 0; i + 1 < n; i++) {
    if (lines[i + 1]!.blanks === 0) continue;
    blankGaps++;
    const l = lines[i]!;
    const nw = lines[i + 1]!.w;
    const pw = i > 0 ? lines[i - 1]!.w : 0;
    const similar = Math.abs(l.w - nw) <= 1.5 || Math.abs(l.w - pw) <= 1.5;
    if (!l.final && similar && l.w >= Math.max(nw, pw) - 1.5) wrapGaps++;
  }
  // (a blank after every line says nothing once one of them follows a
  // full unfinished line)
  const blanksInformative = blankGaps > 0 && wrapGaps < 0.3 * blankGaps && !(blankGaps === n - 1 && wrapGaps > 0);
  // printed column width of paragraph-per-line files (from inner segments),
  // measured only when a join is in question (most paragraph-per-line
  // documents are clean and never ask)
  let colWidth = -1;
  const indent = !paraMode && indentsParagraphs(lines);
  const wraps = !paraMode && hardWrapEvidence(lines);
  const vertical = verticalBylines(lines);
  let bylineBlock = false;
  let prevBreak = true;
  for (let i = 0; i + 1 < n; i++) {
    const L = lines[i]!;
    const N = lines[i + 1]!;
    const N2 = lines[i + 2];
    let d: Decision;
    const nHeadline = N2 !== undefined && (N2.byline || N2.labelOnly) && !N.punct && !N.byline && !N.labelOnly;
    // An indented line starts a paragraph. Without evidence of hard wraps
    // (or of column-end spaces in a paragraph-per-line file) every line is
    // a paragraph or block of its own, except where the lines themselves
    // are the evidence: a dash split over two lines, a byline set
    // vertically (one character a line), an attribution alone on a line.
    if (N.indented) d = 'break';
    else if ((L.dashOnly && (N.dashOnly || (i > 0 && lines[i - 1]!.dashOnly))) || (N.dashOnly && (L.dashOnly || (N2 !== undefined && N2.dashOnly)))) d = 'join';
    else if (!wraps && !paraMode && !vertical[i] && !(speakerEnd(L.text) && ATTRIBUTION_RE.test(N.text))) d = 'break';
    else if (L.dashOnly || N.dashOnly) d = 'join';
    else if (L.labelOnly || (bylineBlock && (N.namePiece || N.labelOnly))) {
      bylineBlock = true;
      d = L.text.length === 1 && N.text.length === 1 && !L.labelOnly ? 'join' : 'space';
    } else if (bylineBlock) d = 'break';
    else if (N.credit && L.final && !L.endsCredit) d = 'space';
    else if (speakerEnd(L.text) && SPEAKER_RE.test(N.text)) d = 'join';
    // nothing starts a paragraph with a closing mark or a comma
    else if (!paraMode && isClosingStart(N.text.charCodeAt(0))) d = 'join';
    else if (L.byline || N.byline || N.labelOnly || L.endsCredit || nHeadline) d = 'break';
    else if (paraMode) {
      // A printed paragraph's first line is indented; a line that starts
      // with a full-width printed line continues the unfinished one before.
      const unfinished = !L.final && L.punct && !L.heading && N.blanks <= 1;
      if (unfinished && colWidth < 0) colWidth = columnWidth(lines);
      if (colWidth > 0) d = unfinished && firstSegment(N.text) >= colWidth - 0.25 ? 'join' : 'break';
      // no column width to compare with (a short excerpt): a quotation
      // left open at the cut and closed on the next line holds them together
      else d = unfinished && quoteOpenAcross(L.text, N.text) ? 'join' : 'break';
    }
    else if (L.heading || (N.heading && (L.final || !L.punct)) || L.fields || N.fields) d = 'break';
    else if (blanksInformative && N.blanks > 0) {
      if (L.final) d = 'break';
      else if (L.w >= wDoc - 1.5 || CONTINUING.has(L.text.charCodeAt(L.text.length - 1))) d = 'join';
      else if (prevBreak && shortNoPunct(L, wDoc) && shortNoPunct(N, wDoc) && (N2 === undefined || N2.blanks > 0)) d = 'space';
      else d = 'break';
    } else if (L.final && blanksInformative) {
      // paragraphs are separated by blank lines: no blank, no paragraph end,
      // unless the next line is a short unpunctuated title
      d = !N.punct && N.w < wDoc - 2 ? 'break' : 'join';
    } else if (L.final) {
      // A sentence end. When the line is also shorter than its neighbours
      // this is a paragraph end. When it fills the column, the text alone
      // cannot tell a paragraph end from a sentence that happens to end at
      // the column edge, but the layout can: where the document indents
      // the first line of a paragraph, a next line that fills the column is
      // not a paragraph's first line, so the paragraph goes on.
      d = indent && sentenceEndContinues(lines, i, prevBreak) ? 'join' : 'break';
    } else {
      const heading: boolean = prevBreak && !L.punct && L.w <= 0.75 * N.w && N.w - L.w >= 3 && L.w < wDoc - 2 && !OPENERS.has(L.text.charCodeAt(L.text.length - 1));
      d = heading ? 'break' : 'join';
    }
    if (d === 'break') bylineBlock = false;
    out[i] = d;
    prevBreak = d === 'break';
  }
  return out;
}

const NL = ['', '\n', '\n\n', '\n\n\n'];

/** input.slice(a, z) for a gap between lines (only line breaks: shared strings for the short ones). */
function newlines(input: string, a: number, z: number): string {
  return z - a < NL.length ? NL[z - a]! : input.slice(a, z);
}

export function reflow(input: string, ctx?: PassContext): PassResult {
  const b = new EditBuilder(input);
  const log = new RepairLog('reflow');
  const lines: Line[] = [];
  let blanks = 0;
  let pos = 0;
  const len = input.length;
  while (pos < len) {
    if (input.charCodeAt(pos) === 0x0a) {
      blanks++;
      pos++;
      continue;
    }
    const l = analyse(input, pos, blanks);
    lines.push(l);
    blanks = 0;
    // step over the line and its line break
    pos = l.end + 1;
  }
  markIndented(lines, input, ctx);
  if (lines.length === 0) {
    if (len > 0) {
      b.delete(len);
      log.add('e', 0, len, input, '');
    }
    const r = b.finish();
    return { text: r.text, map: r.map, repairs: log.list };
  }
  const first = lines[0]!;
  if (first.start > 0) {
    b.delete(first.start);
    log.add('e', 0, first.start, input.slice(0, first.start), '');
  }
  const decisions = decideBreaks(lines);
  const messages = regions(lines, decisions);
  for (let i = 0; i < lines.length; i++) {
    const L = lines[i]!;
    b.keepTo(L.end);
    const N = lines[i + 1];
    const gapEnd = N ? N.start : len;
    if (!N) {
      if (gapEnd > L.end) {
        b.delete(gapEnd - L.end);
        log.add('e', L.end, gapEnd, input.slice(L.end, gapEnd), '');
      }
      break;
    }
    const d = decisions[i]!;
    if (d === 'break') {
      // keep the line break (the keep is merged with the next line's)
      if (gapEnd - L.end > 1) {
        b.keep(1);
        b.delete(gapEnd - L.end - 1);
        log.add('e', L.end + 1, gapEnd, newlines(input, L.end + 1, gapEnd), '');
      }
    } else {
      const out = d === 'space' ? ' ' : '';
      b.replace(gapEnd - L.end, out);
      log.add('e', L.end, gapEnd, newlines(input, L.end, gapEnd), out);
    }
  }
  const r = b.finish();
  return { text: r.text, map: r.map, repairs: log.list, messages };
}

/**
 * One message per region of joined lines: runs of joins less than five
 * kept breaks apart form one region.
 */
function regions(lines: Line[], decisions: Decision[]): PassResult['messages'] {
  const out: NonNullable<PassResult['messages']> = [];
  let a = -1;
  let z = -1;
  let joins = 0;
  const flush = () => {
    if (a < 0) return;
    out.push(decision('reflow', 'I_HARD_WRAPS', `hard wraps joined in {lines} (${joins} line breaks removed)`, lines[a]!.start, lines[z]!.end));
    a = -1;
    joins = 0;
  };
  for (let i = 0; i < decisions.length; i++) {
    if (decisions[i] === 'break') {
      if (a >= 0 && i - z > 4) flush();
      continue;
    }
    if (a < 0) a = i;
    z = i + 1;
    joins++;
  }
  flush();
  return out;
}
