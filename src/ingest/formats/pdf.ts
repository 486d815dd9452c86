/**
 * PDFs: text rebuilt from glyph geometry. pdfjs-dist gives the page's
 * operator list; we follow the text state ourselves (CTM, text matrix, font
 * size, character and word spacing, horizontal scale, TJ adjustments) so
 * that every glyph gets its own box. Then, geometry only:
 *  - a glyph drawn again at (nearly) the same place with the same character
 *    is fake bold (a second pass offset by a fraction of a point): dropped;
 *  - glyphs on one baseline form a line; a horizontal gap wider than the
 *    row's tracking plus COLUMN_GAP em splits it (a column gutter);
 *  - words are rebuilt from gaps: space glyphs are dropped, and a space is
 *    written only where the gap exceeds the line's own tracking by SPACE_GAP
 *    em and neither side is CJK (justified tracking disappears; Han text
 *    never gets spaces; Latin words keep one);
 *  - lines stacked in one column at a line pitch form a block; a block never
 *    spans an image, a change of font size or a gap of more than BLOCK_GAP em,
 *    so captions and credits are blocks with their own box;
 *  - reading order is a recursive cut of the page's blocks: columns (a
 *    vertical gap no block spans) left to right, then bands top to bottom;
 *  - inside a block a line that reaches the column's right edge wraps into
 *    the next; a paragraph ends where a line stops short of the edge (the
 *    next line's first word would have fit) or the next line is indented;
 *    a paragraph that fills the foot of a column or page runs on into the
 *    next column or page unless that starts indented;
 *  - a page number alone at a page's head or foot (— 3 —, 第3页) is page
 *    furniture: listed in the layout, left out of the text.
 *
 * layout: { kind: 'pdf', unit: 'pt', origin: 'top-left', pages: [[w, h]],
 *   runs: [[rawStart, rawEnd, page, x0, y0, x1, y1]]  one per line (page 1-based),
 *   blocks: [[rawStart, rawEnd, page, x0, y0, x1, y1, kind]]  kind 'text' | 'caption',
 *   images: [[page, x0, y0, x1, y1]],
 *   folios: [[page, text, x0, y0, x1, y1]]  page numbers, left out of the text }
 * Images are read only with { images: true } (see PdfOptions); then captions
 * are labelled and image boxes listed.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NewsError } from '../../core/errors.js';
import { isCjk, statedDate, writtenDate } from './text-builder.js';
import type { Extracted } from './types.js';

/** A second glyph of the same character within this many em of the first is a fake-bold copy. */
const DOUBLE_DIST = 0.15;
/** A horizontal gap wider than this many em inside a line is a column gutter. */
const COLUMN_GAP = 1.2;
/** A gap this many em wider than the line's tracking is a word space (Latin only). */
const SPACE_GAP = 0.18;
/** Lines further apart than this many em (baseline to baseline) are different blocks. */
const BLOCK_GAP = 2.0;
/** A line starting this many em right of its column's left edge is indented: a new paragraph. */
const INDENT = 0.8;

type M = [number, number, number, number, number, number];
const ID: M = [1, 0, 0, 1, 0, 0];
/** m1 then m2 (PDF's row-vector convention: m1 × m2) */
function mul(m1: M, m2: M): M {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}
function apply(m: M, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}
function toM(a: unknown): M {
  const v = a as ArrayLike<number>;
  return [v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!];
}

interface Glyph {
  ch: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** baseline, top-down */
  base: number;
  size: number;
}

interface Line {
  glyphs: Glyph[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  base: number;
  size: number;
}

interface Block {
  lines: Line[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  kind: 'text' | 'caption';
}

interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

interface PdfjsGlyph {
  unicode: string;
  width: number;
  isSpace: boolean;
}

interface TextState {
  ctm: M;
  font: { matrix: M; vertical: boolean } | null;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoaded: Promise<Pdfjs> | null = null;
let assets: { cMapUrl: string; standardFontDataUrl: string } | null = null;
function pdfjs(): Promise<Pdfjs> {
  if (!pdfjsLoaded) {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('pdfjs-dist/package.json'));
    assets = { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
    pdfjsLoaded = import(pathToFileURL(join(root, 'legacy/build/pdf.mjs')).href) as Promise<Pdfjs>;
  }
  return pdfjsLoaded;
}

/** The glyphs and image boxes of one page, in points from the page's top-left corner. */
async function pageGlyphs(lib: Pdfjs, page: import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy): Promise<{ glyphs: Glyph[]; images: Box[]; width: number; height: number }> {
  // the viewport's transform takes PDF user space to the page as shown: origin top-left, y down,
  // the crop box's offset and the page's /Rotate applied
  const viewport = page.getViewport({ scale: 1 });
  const vt = toM(viewport.transform);
  const width = viewport.width;
  const height = viewport.height;
  const ops = await page.getOperatorList();
  const O = lib.OPS;
  const glyphs: Glyph[] = [];
  const images: Box[] = [];
  const stack: TextState[] = [];
  let st: TextState = { ctm: ID, font: null, size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 };
  let tm: M = ID;
  let tlm: M = ID;
  const fonts = new Map<string, { matrix: M; vertical: boolean }>();

  const show = (items: ReadonlyArray<PdfjsGlyph | number | null>) => {
    const fm = st.font?.matrix ?? [0.001, 0, 0, 0.001, 0, 0];
    const size = st.size;
    const th = st.hScale;
    for (const g of items) {
      if (g === null || g === undefined) continue;
      if (typeof g === 'number') {
        const tx = (-g / 1000) * size * th;
        tm = [tm[0], tm[1], tm[2], tm[3], tx * tm[0] + tm[4], tx * tm[1] + tm[5]];
        continue;
      }
      const w0 = g.width * fm[0];
      const ch = g.unicode ?? '';
      if (ch && !/^\s+$/.test(ch)) {
        // text space to the shown page
        const m = mul(mul(mul([size * th, 0, 0, size, 0, st.rise], tm), st.ctm), vt);
        // the glyph's box in text space: advance wide, from descender (-0.2) to ascender (0.8)
        const ax = m[0] * w0;
        const ay = m[1] * w0;
        const xA = m[2] * -0.2 + m[4];
        const yA = m[3] * -0.2 + m[5];
        const xC = m[2] * 0.8 + m[4];
        const yC = m[3] * 0.8 + m[5];
        glyphs.push({
          ch,
          x0: Math.min(xA, xA + ax, xC, xC + ax),
          x1: Math.max(xA, xA + ax, xC, xC + ax),
          top: Math.min(yA, yA + ay, yC, yC + ay),
          bottom: Math.max(yA, yA + ay, yC, yC + ay),
          base: m[5],
          size: Math.hypot(m[2], m[3]) || 1,
        });
      }
      const tx = (w0 * size + st.charSpacing + (g.isSpace ? st.wordSpacing : 0)) * th;
      // translate the text matrix by tx along its x axis
      tm = [tm[0], tm[1], tm[2], tm[3], tx * tm[0] + tm[4], tx * tm[1] + tm[5]];
    }
  };

  const fnArray = ops.fnArray;
  const argsArray = ops.argsArray as unknown[][];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const a = argsArray[i] ?? [];
    switch (fn) {
      case O.save:
        stack.push({ ...st });
        break;
      case O.restore:
        st = stack.pop() ?? st;
        break;
      case O.transform:
        st.ctm = mul(toM(a), st.ctm);
        break;
      case O.paintFormXObjectBegin:
        stack.push({ ...st });
        if (a[0]) st.ctm = mul(toM(a[0]), st.ctm);
        break;
      case O.paintFormXObjectEnd:
        st = stack.pop() ?? st;
        break;
      case O.beginText:
        tm = ID;
        tlm = ID;
        break;
      case O.setFont: {
        const name = a[0] as string;
        let f = fonts.get(name);
        if (!f) {
          type FontObj = { fontMatrix?: number[]; vertical?: boolean } | null;
          let obj: FontObj = null;
          try {
            obj = page.commonObjs.get(name) as FontObj;
          } catch {
            obj = null;
          }
          f = { matrix: obj?.fontMatrix ? toM(obj.fontMatrix) : [0.001, 0, 0, 0.001, 0, 0], vertical: !!obj?.vertical };
          fonts.set(name, f);
        }
        st.font = f;
        st.size = a[1] as number;
        break;
      }
      case O.setCharSpacing:
        st.charSpacing = a[0] as number;
        break;
      case O.setWordSpacing:
        st.wordSpacing = a[0] as number;
        break;
      case O.setHScale:
        st.hScale = (a[0] as number) / 100;
        break;
      case O.setLeading:
        st.leading = a[0] as number;
        break;
      case O.setTextRise:
        st.rise = a[0] as number;
        break;
      case O.setTextMatrix:
        tm = tlm = a.length >= 6 ? toM(a) : toM(a[0]);
        break;
      case O.moveText:
        tm = tlm = mul([1, 0, 0, 1, a[0] as number, a[1] as number], tlm);
        break;
      case O.setLeadingMoveText:
        st.leading = -(a[1] as number);
        tm = tlm = mul([1, 0, 0, 1, a[0] as number, a[1] as number], tlm);
        break;
      case O.nextLine:
        tm = tlm = mul([1, 0, 0, 1, 0, -st.leading], tlm);
        break;
      case O.showText:
      case O.showSpacedText:
        show(a[0] as PdfjsGlyph[]);
        break;
      case O.nextLineShowText:
        tm = tlm = mul([1, 0, 0, 1, 0, -st.leading], tlm);
        show(a[0] as PdfjsGlyph[]);
        break;
      case O.nextLineSetSpacingShowText:
        st.wordSpacing = a[0] as number;
        st.charSpacing = a[1] as number;
        tm = tlm = mul([1, 0, 0, 1, 0, -st.leading], tlm);
        show(a[2] as PdfjsGlyph[]);
        break;
      case O.paintImageXObject:
      case O.paintInlineImageXObject:
      case O.paintImageMaskXObject:
      case O.paintImageXObjectRepeat: {
        const shown = mul(st.ctm, vt);
        const cs = [apply(shown, 0, 0), apply(shown, 1, 0), apply(shown, 0, 1), apply(shown, 1, 1)];
        const xs = cs.map((c) => c[0]);
        const ys = cs.map((c) => c[1]);
        images.push({ x0: Math.min(...xs), x1: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) });
        break;
      }
      default:
        break;
    }
  }
  return { glyphs, images, width, height };
}

/** Fake bold: the same character drawn again within DOUBLE_DIST em of its first drawing is dropped. */
export function dropDoubled(glyphs: Glyph[]): Glyph[] {
  // a grid of 4 pt cells keyed by number; a copy lies in the same or a neighbouring cell
  const CELL = 4;
  const grid = new Map<number, Glyph[]>();
  const key = (cx: number, cy: number) => cx * 65536 + cy;
  const out: Glyph[] = [];
  for (const g of glyphs) {
    const cx = Math.floor(g.x0 / CELL);
    const cy = Math.floor(g.base / CELL);
    const tol = DOUBLE_DIST * g.size;
    let dup = false;
    for (let dx = -1; dx <= 1 && !dup; dx++) {
      for (let dy = -1; dy <= 1 && !dup; dy++) {
        const list = grid.get(key(cx + dx, cy + dy));
        if (!list) continue;
        for (const h of list) {
          if (h.ch === g.ch && Math.abs(h.x0 - g.x0) <= tol && Math.abs(h.base - g.base) <= tol && Math.abs(h.size - g.size) <= tol) {
            dup = true;
            break;
          }
        }
      }
    }
    if (dup) continue;
    const k = key(cx, cy);
    const list = grid.get(k);
    if (list) list.push(g);
    else grid.set(k, [g]);
    out.push(g);
  }
  return out;
}

function lineOf(glyphs: Glyph[]): Line {
  const sizes = glyphs.map((g) => g.size).sort((a, b) => a - b);
  return {
    glyphs,
    x0: Math.min(...glyphs.map((g) => g.x0)),
    x1: Math.max(...glyphs.map((g) => g.x1)),
    top: Math.min(...glyphs.map((g) => g.top)),
    bottom: Math.max(...glyphs.map((g) => g.bottom)),
    base: glyphs[0]!.base,
    size: sizes[sizes.length >> 1]!,
  };
}

/** Glyphs on one baseline, split at column gutters. */
export function linesOf(glyphs: Glyph[]): Line[] {
  const sorted = [...glyphs].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const rows: Glyph[][] = [];
  let row: Glyph[] = [];
  let rowBase = -Infinity;
  for (const g of sorted) {
    if (row.length && Math.abs(g.base - rowBase) > 0.3 * g.size) {
      rows.push(row);
      row = [];
    }
    if (!row.length) rowBase = g.base;
    row.push(g);
  }
  if (row.length) rows.push(row);
  const lines: Line[] = [];
  for (const r of rows) {
    r.sort((a, b) => a.x0 - b.x0);
    // the row's own tracking (its median gap) is no gutter, however wide
    const gaps = r.slice(1).map((g, i) => g.x0 - r[i]!.x1).sort((a, b) => a - b);
    const tracking = gaps.length ? Math.max(0, gaps[gaps.length >> 1]!) : 0;
    let cur: Glyph[] = [];
    for (const g of r) {
      const prev = cur[cur.length - 1];
      if (prev && g.x0 - prev.x1 - tracking > COLUMN_GAP * Math.max(g.size, prev.size)) {
        lines.push(lineOf(cur));
        cur = [];
      }
      cur.push(g);
    }
    if (cur.length) lines.push(lineOf(cur));
  }
  return lines;
}

function boxOf<T extends Box>(items: T[]): Box {
  return {
    x0: Math.min(...items.map((i) => i.x0)),
    x1: Math.max(...items.map((i) => i.x1)),
    top: Math.min(...items.map((i) => i.top)),
    bottom: Math.max(...items.map((i) => i.bottom)),
  };
}

function overlapX(a: Box, b: Box): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/** Lines stacked in one column at a line pitch, never across an image or a change of size. */
export function blocksOf(lines: Line[], images: Box[]): Block[] {
  const sorted = [...lines].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const blocks: Block[] = [];
  for (const l of sorted) {
    let best: Block | null = null;
    let bestDist = Infinity;
    for (const b of blocks) {
      const last = b.lines[b.lines.length - 1]!;
      const pitch = l.base - last.base;
      const ratio = l.size / last.size;
      if (pitch < 0.5 * l.size || pitch > BLOCK_GAP * Math.max(l.size, last.size) || ratio < 0.85 || ratio > 1.18) continue;
      if (overlapX(l, b) < 0.5 * Math.min(l.x1 - l.x0, b.x1 - b.x0)) continue;
      if (images.some((im) => overlapX(im, l) > 0 && im.top >= last.bottom - 1 && im.bottom <= l.top + 1)) continue;
      if (pitch < bestDist) {
        best = b;
        bestDist = pitch;
      }
    }
    if (best) {
      best.lines.push(l);
      Object.assign(best, boxOf([best, l]));
    } else blocks.push({ lines: [l], ...boxOf([l]), size: l.size, kind: 'text' });
  }
  // a block just under an image, in smaller type than the page's running text, is its caption
  const body = [...blocks].sort((a, b) => b.lines.length - a.lines.length)[0]?.size ?? 0;
  for (const b of blocks) {
    if (b.size < 0.95 * body && images.some((im) => overlapX(im, b) > 0 && b.top >= im.bottom - 1 && b.top - im.bottom < 3 * b.size)) b.kind = 'caption';
  }
  return blocks;
}

/** Reading order: columns (vertical cuts) left to right, then bands (horizontal cuts) top to bottom, recursively. */
export function readingOrder<T extends Box>(items: T[]): T[] {
  if (items.length <= 1) return items;
  const cut = (lo: (b: T) => number, hi: (b: T) => number): T[][] => {
    const s = [...items].sort((a, b) => lo(a) - lo(b));
    const groups: T[][] = [[s[0]!]];
    let reach = hi(s[0]!);
    for (const b of s.slice(1)) {
      if (lo(b) > reach + 0.5) groups.push([b]);
      else groups[groups.length - 1]!.push(b);
      reach = Math.max(reach, hi(b));
    }
    return groups;
  };
  const cols = cut((b) => b.x0, (b) => b.x1);
  if (cols.length > 1) return cols.flatMap((g) => readingOrder(g));
  const bands = cut((b) => b.top, (b) => b.bottom);
  if (bands.length > 1) return bands.flatMap((g) => readingOrder(g));
  return [...items].sort((a, b) => a.top - b.top || a.x0 - b.x0);
}

function isWordChar(ch: string | undefined): boolean {
  return !!ch && !isCjk(ch) && /[\p{L}\p{N}]/u.test(ch);
}

/** A line's text from its glyph gaps: the line's own tracking is no space; more than SPACE_GAP em beyond it is, between non-CJK characters. */
export function lineText(l: Line): string {
  const gs = l.glyphs;
  if (gs.length === 1) return gs[0]!.ch;
  const gaps: number[] = [];
  for (let i = 1; i < gs.length; i++) gaps.push(gs[i]!.x0 - gs[i - 1]!.x1);
  const tracking = [...gaps].sort((a, b) => a - b)[gaps.length >> 1]!;
  let s = gs[0]!.ch;
  for (let i = 1; i < gs.length; i++) {
    const a = gs[i - 1]!.ch;
    const b = gs[i]!.ch;
    if (gaps[i - 1]! - tracking > SPACE_GAP * l.size && !isCjk(a.slice(-1)) && !isCjk(b[0])) s += ' ';
    s += b;
  }
  return s;
}

/** Width of the first word of a line: its first glyph when CJK, else its leading run of letters and digits. */
function firstWordWidth(l: Line): number {
  const gs = l.glyphs;
  if (!isWordChar(gs[0]!.ch)) return gs[0]!.x1 - gs[0]!.x0;
  let i = 0;
  while (i + 1 < gs.length && isWordChar(gs[i + 1]!.ch) && gs[i + 1]!.x0 - gs[i]!.x1 < SPACE_GAP * l.size) i++;
  return gs[i]!.x1 - gs[0]!.x0;
}

/**
 * A paragraph runs on from the foot of one column into the next: the first
 * block's last line reaches its right edge, the next block starts higher up
 * (at the top of the next column), in the same type, and its first line is
 * not indented.
 */
function continuesInto(a: Block, b: Block, samePage: boolean): boolean {
  if (a.kind !== 'text' || b.kind !== 'text' || a.lines.length < 2) return false;
  const last = a.lines[a.lines.length - 1]!;
  const first = b.lines[0]!;
  if (Math.abs(first.size / last.size - 1) > 0.1) return false;
  const full = last.x1 + firstWordWidth(first) + 0.5 * first.size >= a.x1;
  if (samePage) {
    // the next column: starts higher up, beside the block
    if (b.lines.length < 2 || b.top >= last.top || overlapX(a, b) > 0) return false;
    return full && first.x0 <= b.x0 + INDENT * first.size;
  }
  // the next page: its first block, in the column the last page ended in
  return full && first.x0 <= a.x0 + INDENT * first.size;
}

/** A page number (— 3 —, 第3页, 3/12) alone on a line at a page's head or foot: page furniture, not text. */
function isFolio(b: Block, text: string, height: number): boolean {
  if (b.lines.length !== 1) return false;
  if (b.top < 0.9 * height && b.bottom > 0.1 * height) return false;
  return /^[-—－–·•\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4})?[-—－–·•\s]*$/.test(text);
}

export interface PdfOptions {
  /**
   * Decode images to learn where they are: their boxes go to the layout and a
   * block in smaller type right under one is labelled 'caption'. Off by
   * default: pdfjs decodes every image in full (about 0.2 s per megapixel on
   * one core), which on a photo-heavy newspaper page costs ten times the
   * text; without it a caption is still a block with its own box.
   */
  images?: boolean;
}

export async function readPdf(path: string, bytes: Uint8Array, opts: PdfOptions = {}): Promise<Extracted> {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - 2048)).toString('latin1');
  if (!tail.includes('%%EOF')) throw new NewsError('E_FORMAT', path, 'truncated or broken PDF (no %%EOF at its end)');
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of (detaches) the buffer it is given
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: assets!.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets!.standardFontDataUrl,
    // 0 removes every image from the operator list before it is decoded
    maxImageSize: opts.images ? -1 : 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const e = err as Error;
    if (e?.name === 'PasswordException') throw new NewsError('E_ENCRYPTED', path, 'encrypted PDF (it needs a password)');
    throw new NewsError('E_FORMAT', path, `not a readable PDF (${(e?.message ?? String(err)).split('\n')[0]})`);
  }
  try {
    const pages: Array<[number, number]> = [];
    const runs: number[][] = [];
    const blocksOut: Array<Array<number | string>> = [];
    const imagesOut: number[][] = [];
    const parts: string[] = [];
    let length = 0;
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const push = (s: string) => {
      parts.push(s);
      length += s.length;
    };
    let glyphCount = 0;
    const folios: Array<Array<number | string>> = [];
    // the last block written: a paragraph may run on from it into the next column or page
    let prevBlock: Block | null = null;
    for (let p = 1; p <= doc.numPages; p++) {
      let pg;
      try {
        const page = await doc.getPage(p);
        pg = await pageGlyphs(lib, page);
        page.cleanup();
      } catch (err) {
        throw new NewsError('E_FORMAT', path, `broken PDF: page ${p} cannot be read (${((err as Error)?.message ?? String(err)).split('\n')[0]})`);
      }
      pages.push([r2(pg.width), r2(pg.height)]);
      for (const im of pg.images) imagesOut.push([p, r2(im.x0), r2(im.top), r2(im.x1), r2(im.bottom)]);
      glyphCount += pg.glyphs.length;
      const lines = linesOf(dropDoubled(pg.glyphs));
      const blocks = readingOrder(blocksOf(lines, pg.images));
      let firstOnPage = true;
      for (const b of blocks) {
        if (isFolio(b, lineText(b.lines[0]!), pg.height)) {
          folios.push([p, lineText(b.lines[0]!), r2(b.x0), r2(b.top), r2(b.x1), r2(b.bottom)]);
          continue;
        }
        const colX0 = b.x0;
        const colX1 = b.x1;
        let bStart = -1;
        const continues = prevBlock !== null && (firstOnPage ? p > 1 && continuesInto(prevBlock, b, false) : continuesInto(prevBlock, b, true));
        prevBlock = b;
        firstOnPage = false;
        for (let i = 0; i < b.lines.length; i++) {
          const l = b.lines[i]!;
          const text = lineText(l);
          if (i > 0) {
            const prev = b.lines[i - 1]!;
            const prevText = parts[parts.length - 1]!;
            const indented = l.x0 > colX0 + INDENT * l.size;
            const short = prev.x1 + firstWordWidth(l) + 0.5 * l.size < colX1;
            if (indented || short) push('\n');
            else if (isWordChar(prevText.slice(-1)) && isWordChar(text[0])) {
              // a Latin word wrapped to the next line: the space belongs to the line before
              push(' ');
              runs[runs.length - 1]![1] = length;
            }
          } else if (continues) {
            // the paragraph runs on from the foot of the previous column or page
            const prevText = parts[parts.length - 1]!;
            if (isWordChar(prevText.slice(-1)) && isWordChar(text[0])) {
              push(' ');
              runs[runs.length - 1]![1] = length;
            }
          } else if (length > 0) push('\n');
          const start = length;
          if (bStart < 0) bStart = start;
          push(text);
          runs.push([start, length, p, r2(l.x0), r2(l.top), r2(l.x1), r2(l.bottom)]);
        }
        blocksOut.push([bStart, length, p, r2(b.x0), r2(b.top), r2(b.x1), r2(b.bottom), b.kind]);
      }
    }
    if (glyphCount === 0) throw new NewsError('E_NO_TEXT', path, `no text layer (a scanned PDF?): ${doc.numPages} page${doc.numPages === 1 ? '' : 's'} without text`);
    const text = parts.join('') + '\n';
    const meta: Record<string, unknown> = { pages: doc.numPages };
    try {
      const md = await doc.getMetadata();
      const info = md.info as Record<string, unknown>;
      for (const [k, key] of [['Title', 'title'], ['Author', 'author'], ['Subject', 'subject']] as const) {
        if (typeof info[k] === 'string' && (info[k] as string).trim()) meta[key] = (info[k] as string).trim();
      }
      if (typeof info.CreationDate === 'string') meta.created = info.CreationDate;
    } catch {
      // metadata is optional
    }
    const lineTexts = text.split('\n').filter(Boolean);
    const head = lineTexts.slice(0, 3).find((l) => /^\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]$/.test(l.replace(/\s/g, '')));
    const headDate = head ? writtenDate(head) : null;
    const stated = headDate ? { date: headDate, how: 'page header' } : statedDate(lineTexts);
    if (stated) {
      meta.date = stated.date;
      meta.dateSource = `text: ${stated.how}`;
    }
    return { format: 'pdf', text, meta, layout: { kind: 'pdf', unit: 'pt', origin: 'top-left', pages, runs, blocks: blocksOut, images: imagesOut, folios } };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
