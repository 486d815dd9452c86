/**
 * Do-no-harm scorer: on text that is NOT damaged, classify every difference
 * between the normalizer's input and output as an allowed convention change
 * or a destructive change (shared/NORMALIZATION.md, "Clean text passes
 * through").
 *
 * Both texts are cut into tokens: every non-whitespace character, folded so
 * that the character-level convention compares equal (full-width ASCII →
 * half-width, curly quotes → straight, ⋯ → …, any run of dashes → one dash).
 * Between two tokens lies a gap: nothing, spaces, or a line break. The token
 * sequences are aligned (Myers diff; equal in the usual case) and then
 * - a letter, digit or Han character deleted or inserted is destructive
 *   (except converter markup the convention removes: `[bookmark: …]`, a
 *   bullet or `#` heading mark at a line start);
 * - a line break turned into nothing or a space joins two paragraphs; a gap
 *   without a line break turned into one inserts a line break: destructive;
 * - a space removed between Han/punctuation and Han/punctuation, or between
 *   two letters/digits, removes a field separator: destructive; one ASCII
 *   space removed between Chinese and a letter/digit (`2019 年`) is the
 *   convention (a wider space, U+3000, no-break or several, is a field
 *   separator: `电  9月29日`); a space after a pause mark (，、；：) or
 *   before a closing mark separates nothing the mark does not (allowed);
 * - a space inserted where there was none: destructive;
 * - a punctuation mark deleted or inserted: reported, not destructive;
 * - spaces of another width or number made one ASCII space, indents, edge
 *   whitespace, blank lines: allowed.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { isHan } from './chars.js';

export type HarmKind =
  | 'content-deleted'
  | 'content-inserted'
  | 'paragraphs-joined'
  | 'break-inserted'
  | 'field-space-removed'
  | 'space-inserted'
  | 'unaligned'
  // allowed / reported
  | 'mark-deleted'
  | 'mark-inserted'
  | 'markup-removed'
  | 'cjk-latin-space-removed'
  | 'mark-space-removed'
  | 'space-normalized'
  | 'mark-converted';

export const DESTRUCTIVE: ReadonlySet<HarmKind> = new Set<HarmKind>([
  'content-deleted',
  'content-inserted',
  'paragraphs-joined',
  'break-inserted',
  'field-space-removed',
  'space-inserted',
  'unaligned',
]);

export interface HarmDiff {
  kind: HarmKind;
  /** position in the input / output (UTF-16) */
  inPos: number;
  outPos: number;
}

const GAP_NONE = 0;
const GAP_SPACE = 1;
const GAP_BREAK = 2;

interface Tokens {
  /** folded code of each token */
  code: Int32Array;
  /** position of each token in its text */
  pos: Int32Array;
  /** gap before each token: GAP_NONE / GAP_SPACE / GAP_BREAK */
  gap: Uint8Array;
  /** the gap before the token is exactly one ASCII space */
  single: Uint8Array;
  n: number;
}

function isWhite(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x3000 || c === 0xa0 || c === 0x2007 || c === 0x202f;
}

function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

const DASH = 0x2014;

function fold(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f) return 0x22;
  if (c === 0x2018 || c === 0x2019) return 0x27;
  if (c === 0x22ef) return 0x2026;
  if (c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2015) return DASH;
  return c;
}

const OTHER_LETTER_RE = /[\p{L}\p{N}]/u;

/** A letter, digit or Han character (after folding). */
export function isContent(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (isHan(c)) return true;
  if (c >= 0x3000 && c <= 0x303f) return false;
  return OTHER_LETTER_RE.test(String.fromCharCode(c));
}

/** Folded pause marks ，、；： and closing marks 。！？）》」』】 (a space beside them separates nothing). */
const PAUSE = new Set([0x2c, 0x3001, 0x3b, 0x3a]);
const CLOSING = new Set([0x2c, 0x3001, 0x3b, 0x3a, 0x3002, 0x21, 0x3f, 0x29, 0x300b, 0x300d, 0x300f, 0x3011]);

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function tokenize(s: string): Tokens {
  const n = s.length;
  const code = new Int32Array(n);
  const pos = new Int32Array(n);
  const gap = new Uint8Array(n);
  const single = new Uint8Array(n);
  let k = 0;
  let g = GAP_NONE;
  let white = 0;
  let ascii = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a) {
      g = GAP_BREAK;
      continue;
    }
    if (isWhite(c)) {
      if (g === GAP_NONE) g = GAP_SPACE;
      white++;
      if (c === 0x20) ascii++;
      continue;
    }
    if (isZeroWidth(c)) continue;
    const f = fold(c);
    // a run of dashes is one token (— → ——, -- → —— are the convention)
    if (f === DASH && k > 0 && code[k - 1] === DASH && g === GAP_NONE) continue;
    code[k] = f;
    pos[k] = i;
    gap[k] = g;
    single[k] = g === GAP_SPACE && white === 1 && ascii === 1 ? 1 : 0;
    k++;
    g = GAP_NONE;
    white = 0;
    ascii = 0;
  }
  return { code, pos, gap, single, n: k };
}

/**
 * Myers' diff on two token sequences: the pairs of matched indexes, in order,
 * or null when more than maxD edits are needed.
 */
export function alignTokens(a: Int32Array, na: number, b: Int32Array, nb: number, maxD = 4000): Array<[number, number]> | null {
  const pairs: Array<[number, number]> = [];
  // common prefix and suffix first: most texts differ in a few places
  let p = 0;
  while (p < na && p < nb && a[p] === b[p]) p++;
  let sa = na;
  let sb = nb;
  while (sa > p && sb > p && a[sa - 1] === b[sb - 1]) {
    sa--;
    sb--;
  }
  for (let i = 0; i < p; i++) pairs.push([i, i]);
  const N = sa - p;
  const M = sb - p;
  if (N > 0 && M > 0) {
    const max = Math.min(maxD, N + M);
    const off = max + 1;
    const v = new Int32Array(2 * max + 3);
    const trace: Int32Array[] = [];
    let found = -1;
    for (let d = 0; d <= max; d++) {
      trace.push(v.slice());
      for (let k = -d; k <= d; k += 2) {
        let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
        let y = x - k;
        while (x < N && y < M && a[p + x] === b[p + y]) {
          x++;
          y++;
        }
        v[off + k] = x;
        if (x >= N && y >= M) {
          found = d;
          break;
        }
      }
      if (found >= 0) break;
    }
    if (found < 0) return null;
    // walk back from the end: trace[d] is V as it was before step d
    const mid: Array<[number, number]> = [];
    let x = N;
    let y = M;
    for (let d = found; d >= 0; d--) {
      const vd = trace[d]!;
      const k = x - y;
      const prevK = k === -d || (k !== d && vd[off + k - 1]! < vd[off + k + 1]!) ? k + 1 : k - 1;
      const px = vd[off + prevK]!;
      const py = px - prevK;
      while (x > px && y > py) {
        x--;
        y--;
        mid.push([p + x, p + y]);
      }
      x = px;
      y = py;
    }
    mid.reverse();
    for (const m of mid) pairs.push(m);
  }
  for (let i = 0; i < na - sa; i++) pairs.push([sa + i, sb + i]);
  return pairs;
}

const BULLETS = new Set([0x23, 0x25a0, 0x25a1, 0x25cf, 0x25c6, 0x25c7, 0x25b2, 0x25b3, 0x25cb, 0x2022, 0x25aa, 0x25ce, 0x2605, 0x2606, 0x25b6, 0x25ba]);

/** Is input token t part of converter markup the convention removes? */
function isMarkup(s: string, t: Tokens, k: number): boolean {
  const at = t.pos[k]!;
  const c = s.charCodeAt(at);
  if (BULLETS.has(c)) {
    // at a line start (after whitespace and other marks)
    for (let i = at - 1; i >= 0; i--) {
      const d = s.charCodeAt(i);
      if (d === 0x0a) return true;
      if (!isWhite(d) && !BULLETS.has(d)) return false;
    }
    return true;
  }
  const open = s.lastIndexOf('[bookmark:', at);
  if (open >= 0 && at - open < 200) {
    const close = s.indexOf(']', open);
    return close >= at;
  }
  return false;
}

/** Every difference between a clean input and the normalizer's output. */
export function diffClean(input: string, output: string): HarmDiff[] {
  const A = tokenize(input);
  const B = tokenize(output);
  const out: HarmDiff[] = [];
  let pairs: Array<[number, number]> | null;
  let same = A.n === B.n;
  for (let i = 0; same && i < A.n; i++) if (A.code[i] !== B.code[i]) same = false;
  if (same) {
    pairs = [];
    for (let i = 0; i < A.n; i++) pairs.push([i, i]);
  } else pairs = alignTokens(A.code, A.n, B.code, B.n);
  if (!pairs) return [{ kind: 'unaligned', inPos: 0, outPos: 0 }];
  let pi = -1;
  let pj = -1;
  const unmatched = (fromI: number, toI: number, fromJ: number, toJ: number) => {
    for (let i = fromI; i < toI; i++) {
      const c = A.code[i]!;
      const kind: HarmKind = isContent(c) ? (isMarkup(input, A, i) ? 'markup-removed' : 'content-deleted') : isMarkup(input, A, i) ? 'markup-removed' : 'mark-deleted';
      out.push({ kind, inPos: A.pos[i]!, outPos: fromJ < B.n ? B.pos[fromJ]! : output.length });
    }
    for (let j = fromJ; j < toJ; j++) {
      const c = B.code[j]!;
      out.push({ kind: isContent(c) ? 'content-inserted' : 'mark-inserted', inPos: fromI < A.n ? A.pos[fromI]! : input.length, outPos: B.pos[j]! });
    }
  };
  for (const [i, j] of pairs) {
    if (i !== pi + 1 || j !== pj + 1) unmatched(pi + 1, i, pj + 1, j);
    else if (pi >= 0) {
      // the gap between two tokens matched on both sides
      const ga = A.gap[i]!;
      const gb = B.gap[j]!;
      if (ga === GAP_BREAK && gb !== GAP_BREAK) out.push({ kind: 'paragraphs-joined', inPos: A.pos[i]!, outPos: B.pos[j]! });
      else if (ga !== GAP_BREAK && gb === GAP_BREAK) out.push({ kind: 'break-inserted', inPos: A.pos[i]!, outPos: B.pos[j]! });
      else if (ga === GAP_SPACE && gb === GAP_NONE) {
        const l = A.code[pi]!;
        const r = A.code[i]!;
        // one ASCII space between Chinese and a letter/digit is word spacing
        // the convention removes ("2019 年"); wider or other spaces separate fields
        const cjkLatin = A.single[i] === 1 && ((isAlnum(l) && !isAlnum(r)) || (!isAlnum(l) && isAlnum(r)));
        // a space after a pause mark (，、；：) or before a closing mark
        // separates nothing the mark does not
        const byMark = PAUSE.has(l) || CLOSING.has(r);
        out.push({ kind: cjkLatin ? 'cjk-latin-space-removed' : byMark ? 'mark-space-removed' : 'field-space-removed', inPos: A.pos[i]!, outPos: B.pos[j]! });
      } else if (ga === GAP_NONE && gb === GAP_SPACE) out.push({ kind: 'space-inserted', inPos: A.pos[i]!, outPos: B.pos[j]! });
      else if (ga === GAP_SPACE && !A.single[i]) out.push({ kind: 'space-normalized', inPos: A.pos[i]!, outPos: B.pos[j]! });
    }
    if (input.charCodeAt(A.pos[i]!) !== output.charCodeAt(B.pos[j]!)) out.push({ kind: 'mark-converted', inPos: A.pos[i]!, outPos: B.pos[j]! });
    pi = i;
    pj = j;
  }
  unmatched(pi + 1, A.n, pj + 1, B.n);
  return out;
}

export interface HarmExample {
  id: string;
  kind: HarmKind;
  input: string;
  output: string;
}

export interface HarmReport {
  articles: number;
  /** characters of input */
  chars: number;
  /** UTF-8 bytes of input */
  bytes: number;
  /** articles with at least one destructive change */
  destructiveArticles: number;
  /** destructive changes in all */
  destructive: number;
  /** changes of each kind (destructive and allowed) */
  counts: Partial<Record<HarmKind, number>>;
  /** articles with at least one change of each kind */
  articlesWith: Partial<Record<HarmKind, number>>;
  examples: HarmExample[];
  /** ids of articles with a destructive change */
  destructiveIds: string[];
  /** CPU seconds spent in the normalizer (one cold pass, JIT warm-up included) */
  normalizeSeconds: number;
}

export interface Article {
  id: string;
  text: string;
}

export interface ScoreOptions {
  /** the normalizer under test (text in, text out) */
  normalize: (text: string) => string;
  /** examples kept per kind (default 5) */
  examplesPerKind?: number;
  /** characters of context on each side in examples (default 24) */
  context?: number;
}

function around(s: string, at: number, ctx: number): string {
  const a = Math.max(0, at - ctx);
  const z = Math.min(s.length, at + ctx);
  return (a > 0 ? '…' : '') + s.slice(a, at) + '⟦' + s.slice(at, z) + (z < s.length ? '…' : '');
}

/** Normalize every article and classify every difference. */
export function scoreCleanNews(articles: Iterable<Article>, opts: ScoreOptions): HarmReport {
  const per = opts.examplesPerKind ?? 5;
  const ctx = opts.context ?? 24;
  const rep: HarmReport = {
    articles: 0,
    chars: 0,
    bytes: 0,
    destructiveArticles: 0,
    destructive: 0,
    counts: {},
    articlesWith: {},
    examples: [],
    destructiveIds: [],
    normalizeSeconds: 0,
  };
  const shown = new Map<HarmKind, number>();
  for (const a of articles) {
    rep.articles++;
    rep.chars += a.text.length;
    rep.bytes += Buffer.byteLength(a.text, 'utf8');
    // CPU seconds of this process (the machine is shared: wall clock counts others' work)
    const t0 = process.cpuUsage();
    const out = opts.normalize(a.text);
    const dt = process.cpuUsage(t0);
    rep.normalizeSeconds += (dt.user + dt.system) / 1e6;
    const diffs = diffClean(a.text, out);
    let bad = 0;
    const kinds = new Set<HarmKind>();
    for (const d of diffs) {
      rep.counts[d.kind] = (rep.counts[d.kind] ?? 0) + 1;
      kinds.add(d.kind);
      if (DESTRUCTIVE.has(d.kind)) bad++;
      const k = shown.get(d.kind) ?? 0;
      if (k < per && (DESTRUCTIVE.has(d.kind) || k < 2)) {
        shown.set(d.kind, k + 1);
        rep.examples.push({ id: a.id, kind: d.kind, input: around(a.text, d.inPos, ctx), output: around(out, d.outPos, ctx) });
      }
    }
    for (const k of kinds) rep.articlesWith[k] = (rep.articlesWith[k] ?? 0) + 1;
    if (bad > 0) {
      rep.destructive += bad;
      rep.destructiveArticles++;
      rep.destructiveIds.push(a.id);
    }
  }
  return rep;
}

/** A readable summary of a report (counts, then examples). */
export function formatHarm(rep: HarmReport): string {
  const lines: string[] = [];
  const pct = (x: number) => ((100 * x) / Math.max(1, rep.articles)).toFixed(2);
  lines.push(
    `clean news: ${rep.articles} articles, ${(rep.chars / 1e6).toFixed(2)} M chars; ` +
      `articles with a destructive change: ${rep.destructiveArticles} (${pct(rep.destructiveArticles)}%), destructive changes: ${rep.destructive}`,
  );
  const kinds = Object.keys(rep.counts) as HarmKind[];
  kinds.sort((x, y) => Number(DESTRUCTIVE.has(y)) - Number(DESTRUCTIVE.has(x)) || x.localeCompare(y));
  for (const k of kinds) {
    lines.push(`  ${DESTRUCTIVE.has(k) ? 'DESTRUCTIVE' : 'allowed    '} ${k.padEnd(24)} ${String(rep.counts[k]).padStart(7)} in ${rep.articlesWith[k]} articles`);
  }
  if (rep.normalizeSeconds > 0) {
    lines.push(`  normalize: ${rep.normalizeSeconds.toFixed(2)} CPU s (one cold pass) for ${(rep.bytes / 1e6).toFixed(1)} MB UTF-8 = ${(rep.bytes / 1e6 / rep.normalizeSeconds).toFixed(1)} MB/s`);
  }
  for (const e of rep.examples) {
    lines.push(`  [${DESTRUCTIVE.has(e.kind) ? 'D' : 'a'}] ${e.kind} ${e.id}`);
    lines.push(`      in:  ${JSON.stringify(e.input)}`);
    lines.push(`      out: ${JSON.stringify(e.output)}`);
  }
  return lines.join('\n');
}

/**
 * Read a clean-news file: gzipped (or plain) JSON lines, each with `id` and
 * `text`. A bad line is reported on stderr as "file:line: problem" and skipped.
 */
export function readCleanNews(file: string): Article[] {
  let buf = readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  const out: Article[] = [];
  const lines = buf.toString('utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.trim()) continue;
    try {
      const o = JSON.parse(l) as { id?: unknown; text?: unknown };
      if (typeof o.text !== 'string') throw new Error('no "text" string');
      out.push({ id: typeof o.id === 'string' ? o.id : `${i + 1}`, text: o.text });
    } catch (e) {
      process.stderr.write(`${file}:${i + 1}: skipped, ${(e as Error).message}\n`);
    }
  }
  return out;
}
