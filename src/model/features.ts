/**
 * Character features for the entity model. For every character of a
 * sentence it writes FEATURES feature ids (rows of the weight table, laid
 * out by a Plan) into a Uint32Array: character n-grams over NFKC-folded characters,
 * character classes, the jieba token the character sits in (position in the
 * token, POS tag, the word itself, the neighbouring tags), gazetteer matches
 * (places, countries, organisations, speech verbs) and
 * surname / transliteration characters. Characters of the training
 * vocabulary index their rows directly; everything else is integer hashing
 * over char codes: no strings are built per character.
 */
import type { Token } from '../core/types.js';
import { lexicon } from '../extract/entities/lexicon.js';
import type { LexiconData } from './lexicon.js';
import { finA, FpList, stepA } from './fingerprint.js';


/** Length-preserving fold: NFKC when it gives one BMP char, then lower case (Ｗ→w, １→1). */
let foldTable: Uint16Array | undefined;
export function foldCode(c: number): number {
  if (!foldTable) {
    foldTable = new Uint16Array(65536);
    for (let i = 0; i < 65536; i++) {
      foldTable[i] = i;
      if (i >= 0xd800 && i <= 0xdfff) continue;
      const s = String.fromCharCode(i).normalize('NFKC').toLowerCase();
      if (s.length === 1) foldTable[i] = s.charCodeAt(0);
    }
  }
  return foldTable[c]!;
}

export function foldText(s: string): string {
  let i = 0;
  while (i < s.length && foldCode(s.charCodeAt(i)) === s.charCodeAt(i)) i++;
  if (i === s.length) return s; // normalized text mostly folds to itself
  const codes = new Uint16Array(s.length);
  for (let k = 0; k < s.length; k++) codes[k] = foldCode(s.charCodeAt(k));
  let out = '';
  for (let k = 0; k < codes.length; k += 4096) out += String.fromCharCode(...codes.subarray(k, k + 4096));
  return out;
}

const NUMERALS = new Set('零〇一二三四五六七八九十百千万亿两几');
/** 0 pad, 1 Han, 2 digit, 3 Latin, 4 numeral Han, 5 punctuation/other, 6 separator dot · */
function classOf(c: number): number {
  if (c === 0) return 0;
  if (c >= 0x30 && c <= 0x39) return 2;
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 3;
  if (c === 0xb7 || c === 0x2022 || c === 0x30fb || c === 0x2027) return 6;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007) return NUMERALS.has(String.fromCharCode(c)) ? 4 : 1;
  return 5;
}
/** classOf of every char code (one read per character instead of the tests and a Set lookup) */
const CLASS = Uint8Array.from({ length: 65536 }, (_, c) => classOf(c));

/** A hash of a character pair, `bits` bits wide. */
function pairHash(a: number, b: number, bits: number): number {
  return Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) >>> (32 - bits);
}

/**
 * A word trie in flat typed arrays: its edges (node, char) → child in one
 * open-addressing hash table, so that a step is a multiply and an array
 * read, not a Map lookup. Same answers as core/trie's longestAt.
 */
class FlatTrie {
  /** 1 where a word starts with the char */
  readonly first = new Uint8Array(65536);
  /** 1 where a char alone is a word */
  private readonly single = new Uint8Array(65536);
  /** the root's child by each first char (0: none), so that a walk does not probe the hash table for its first step */
  private readonly root = new Int32Array(65536);
  /** bitmap over hashed (first, second) char pairs of the words of two chars or more: most positions stop here */
  private readonly pair: Uint8Array;
  /** width of the pair hash: about 16 bits per pair of the list, at least 16 */
  private readonly pairBits: number;
  private readonly word: Uint8Array;
  private readonly keyNode: Int32Array; // node + 1; 0 = empty slot
  private readonly keyChar: Uint16Array;
  private readonly child: Int32Array;
  private readonly shift: number;
  /** the value of the word longestAt last found (1 for a list without values) */
  val = 0;

  /** Words, or [word, value] pairs with values 1..255 (a one-character word's value is always 1). */
  constructor(words: Iterable<string | readonly [string, number]>) {
    const list = [...words];
    let pairBits = 16;
    while (pairBits < 22 && 1 << pairBits < list.length * 16) pairBits++;
    this.pairBits = pairBits;
    this.pair = new Uint8Array(1 << (pairBits - 3));
    // edges go straight into the hash table, sized for one edge per char of the list (at most half full)
    let chars = 0;
    for (const entry of list) chars += (typeof entry === 'string' ? entry : entry[0]).length;
    let bits = 4;
    while (1 << bits < chars * 2) bits++;
    this.shift = 32 - bits;
    this.keyNode = new Int32Array(1 << bits);
    this.keyChar = new Uint16Array(1 << bits);
    this.child = new Int32Array(1 << bits);
    const mask = (1 << bits) - 1;
    const word = new Uint8Array(chars + 1);
    let nodes = 1;
    for (const entry of list) {
      const w = typeof entry === 'string' ? entry : entry[0];
      const value = typeof entry === 'string' ? 1 : entry[1];
      if (w.length === 0) continue;
      this.first[w.charCodeAt(0)] = 1;
      if (w.length === 1) this.single[w.charCodeAt(0)] = 1;
      else {
        const h = pairHash(w.charCodeAt(0), w.charCodeAt(1), pairBits);
        this.pair[h >>> 3]! |= 1 << (h & 7);
      }
      let node = 0;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        let h = this.slot(node, c);
        for (;;) {
          const k = this.keyNode[h]!;
          if (k === 0) {
            // a new edge: node --c--> a new node
            this.keyNode[h] = node + 1;
            this.keyChar[h] = c;
            this.child[h] = nodes++;
            break;
          }
          if (k === node + 1 && this.keyChar[h] === c) break;
          h = (h + 1) & mask;
        }
        node = this.child[h]!;
        if (i === 0) this.root[c] = node;
      }
      word[node] = value;
    }
    this.word = word.subarray(0, nodes);
  }

  private slot(node: number, c: number): number {
    return Math.imul(Math.imul(node, 0x85ebca6b) ^ c, 0x9e3779b1) >>> this.shift;
  }

  /** Length of the longest word in codes[i, end) that starts at `i`, or 0. */
  longestAt(codes: Int32Array, i: number, end: number): number {
    const c0 = codes[i]!;
    if (!this.first[c0]) return 0;
    this.val = 1;
    if (i + 1 >= end) return this.single[c0]!;
    const h = pairHash(c0, codes[i + 1]!, this.pairBits);
    if (!(this.pair[h >>> 3]! & (1 << (h & 7)))) return this.single[c0]!;
    const keyNode = this.keyNode;
    const keyChar = this.keyChar;
    const mask = keyNode.length - 1;
    // the first step from the root's table, then the hash table
    let node = this.root[c0]!;
    let best = 0;
    if (this.word[node]) {
      best = 1;
      this.val = this.word[node]!;
    }
    for (let j = i + 1; j < end; j++) {
      const c = codes[j]!;
      let h = this.slot(node, c);
      let found = -1;
      for (;;) {
        const k = keyNode[h]!;
        if (k === 0) break;
        if (k === node + 1 && keyChar[h] === c) {
          found = this.child[h]!;
          break;
        }
        h = (h + 1) & mask;
      }
      if (found < 0) break;
      node = found;
      if (this.word[node]) {
        best = j + 1 - i;
        this.val = this.word[node]!;
      }
    }
    return best;
  }
}

/** Per-char flags: 1 surname, 2 transliteration char, 4 first char of a compound surname, 8 numeral */
interface Resources {
  flags: Uint8Array;
  loc: FlatTrie;
  country: FlatTrie;
  org: FlatTrie;
  speech: FlatTrie;
  maxLoc: number;
  maxOrg: number;
}
let res: Resources | undefined;
function resources(): Resources {
  if (res) return res;
  const lex = lexicon();
  const flags = new Uint8Array(65536);
  for (const s of lex.surnames) flags[s.charCodeAt(0)]! |= 1;
  for (const s of lex.foreignChars) if (s.length === 1) flags[s.charCodeAt(0)]! |= 2;
  for (const s of lex.compoundSurnames) flags[s.charCodeAt(0)]! |= 4;
  for (const s of NUMERALS) flags[s.charCodeAt(0)]! |= 8;
  let maxOrg = 0;
  for (const o of lex.orgs) maxOrg = Math.max(maxOrg, o.length);
  res = {
    flags,
    loc: new FlatTrie([...lex.loc].filter((w) => w.length >= 2)),
    country: new FlatTrie(lex.countries),
    org: new FlatTrie(lex.orgs),
    speech: new FlatTrie(lex.speechVerbs),
    maxLoc: lex.maxLoc,
    maxOrg,
  };
  return res;
}

/** startMask without the training lists, and per set of lists */
let maskBare: Uint8Array | undefined;
const masks = new WeakMap<CompiledLexicon, Uint8Array>();
/**
 * For every char code, which lists have a word starting with it: 1 places,
 * 2 countries, 4 organisations, 8 speech verbs; with the training lists 16
 * known entities, 32 given names.
 */
let lastLex: CompiledLexicon | undefined;
let lastMask: Uint8Array | undefined;
function startMask(r: Resources, lex: CompiledLexicon | undefined): Uint8Array {
  if (lex === lastLex && lastMask) return lastMask;
  let m = lex ? masks.get(lex) : maskBare;
  if (m) {
    lastLex = lex;
    lastMask = m;
    return m;
  }
  m = new Uint8Array(65536);
  const [loc, country, org, speech] = [r.loc.first, r.country.first, r.org.first, r.speech.first];
  for (let c = 0; c < 65536; c++) m[c] = loc[c]! | (country[c]! << 1) | (org[c]! << 2) | (speech[c]! << 3);
  if (lex) {
    const [ents, given] = [lex.ents.first, lex.given.first];
    for (let c = 0; c < 65536; c++) m[c]! |= (ents[c]! << 4) | (given[c]! << 5);
  }
  if (lex) masks.set(lex, m);
  else maskBare = m;
  lastLex = lex;
  lastMask = m;
  return m;
}

/** The training lists (./lexicon.ts) in the form the features read: fingerprints only (./fingerprint.ts). */
export interface CompiledLexicon {
  /** known entity strings → code, read by longest match */
  ents: FpList;
  /** two-character given names → 1, read by longest match */
  given: FpList;
  /** jieba words → role code, read whole */
  words: FpList;
}

export function compileLexicon(data: LexiconData): CompiledLexicon {
  return { ents: FpList.of(data.ents, true), given: FpList.of(data.given.map((g) => [g, 1] as const), true), words: FpList.of(data.words, false) };
}

// 32-bit mixing: the fingerprints' murmur3 steps (stepA, finA)
const mix = stepA;
const fin = finA;
/** Bucket of template t over the values a, b, c (three multiply-xorshift rounds: cheap, inlined). */
function hf(t: number, a: number, b: number, c: number, mask: number): number {
  let h = Math.imul(a ^ Math.imul(t, 0x27d4eb2f), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ c, 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}
function strHash(s: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return fin(h);
}
/** strHash of the chars codes[start, end): also the first half of a list fingerprint (fingerprint.ts stepA / finA) */
function codesHash(codes: Int32Array, start: number, end: number): number {
  let h = 0x9747b28c;
  for (let i = start; i < end; i++) h = mix(h, codes[i]!);
  return fin(h);
}
/** The id of a jieba POS tag (computed each time: cheaper than a Map lookup of the token's fresh tag string). */
function tagId(tag: string): number {
  return strHash(tag) & 0xffff;
}

/**
 * Where the weights of each feature live. A feature id names one row of T
 * weights; id 0 is the null feature (always zero, never trained), written
 * where a template does not apply. The rows are grouped by what they are
 * keyed on, so that the features one character needs share cache lines with
 * those of its neighbours:
 * - U, one block per character of the vocabulary (dense, no hashing): the
 *   character seen at offsets -3..+3 (7 rows), inside a place match (4, by
 *   B/I/E/S), inside a country match (4), in each position of its jieba token (4),
 *   left or right of a character in each position of its token (4 + 4);
 * - B, one block per hashed bigram: the bigram starting at offset -3..+2;
 * - R, one block per hashed trigram: starting at -2, -1, 0;
 * - K: the skip bigram (c-1, c+1), hashed;
 * - W, one block per hashed jieba word: the word the character sits in, the
 *   word before it and the word after it, each by the character's position
 *   in its token (B/M/E/S);
 * - C: character × tag conjunctions (c0+tag, c-1+c0+tag), hashed;
 * - X: everything with a small value space (classes, tags, gazetteer marks,
 *   speech verbs, surname and transliteration flags; format 3: the training
 *   lists' known-name marks, word roles and given-name marks), hashed into a
 *   table that stays in cache.
 */
export interface Layout {
  /** the characters that have their own U block (folded, ascending); the others share one */
  chars: string;
  /** log2 of the number of blocks of the hashed tables */
  bi: number;
  tri: number;
  skip: number;
  word: number;
  ctx: number;
  small: number;
}
export const DEFAULT_TABLE_BITS = { bi: 15, tri: 15, skip: 15, word: 13, ctx: 16, small: 15 };

const US = 27; // U rows per character
const T_ = 7; // tags per row (model.ts T)
const BS = 6;
const RS = 3;
const WS = 12;
/** feature ids per character */
export const FEATURES = 7 + 5 + BS + RS + 1 + 3 + 2 + 10 + 5 + 2;
/** the two document slots (format 5; ./doc.ts): null in the first pass, written by docRows in the second */
export const DOC_SLOT = FEATURES - 2;
if (7 + 5 + BS + RS + 1 + 3 + 2 !== 27) throw new Error('XSLOT: the X rows start at slot 27');

export interface Plan {
  layout: Layout;
  /** folded char code → U block (0 start pad, 1 end pad, 2 unknown, 3.. the vocabulary) */
  uid: Uint16Array;
  offU: number;
  offB: number;
  offR: number;
  offK: number;
  offW: number;
  offC: number;
  offX: number;
  /** number of rows (feature ids) */
  size: number;
  /** the training lists; without them their features are the null feature */
  lex?: CompiledLexicon;
  /**
   * The weights were folded by `foldRows` (the loaded model, for decoding
   * only): a character in a jieba token reads its own offset-0 row and its
   * neighbours' offset -1 / +1 rows inside their by-position rows, and the
   * bias inside the offset-0 row, so up to four of its rows are the null
   * feature.
   */
  folded?: Folded;
}

/** What foldRows folded. */
export interface Folded {
  /** the bias row sits in every block's row of one offset (offset 0, else -3, -2, +2, +3: foldRows) */
  bias: boolean;
  /**
   * per U block: 1 its offset-0 row sits in its own by-position rows, 2 its
   * offset -1 row in its previous-neighbour rows, 4 its offset +1 row in its
   * next-neighbour rows (a fold that would not fit the integer width is not made)
   */
  blocks: Uint8Array;
}

/** Fold bits of an unfolded plan: none */
const NO_FOLDS = new Uint8Array(65536);

/** The plan with the training lists attached (planOf's plan itself stays without them). */
export function withLexicon(plan: Plan, lex: CompiledLexicon | undefined): Plan {
  return lex ? { ...plan, lex } : plan;
}

const plans = new WeakMap<Layout, Plan>();
export function planOf(layout: Layout): Plan {
  let p = plans.get(layout);
  if (p) return p;
  const uid = new Uint16Array(65536).fill(2);
  for (let k = 0; k < layout.chars.length; k++) uid[layout.chars.charCodeAt(k)] = 3 + k;
  const offU = 1;
  const offB = offU + (layout.chars.length + 3) * US;
  const offR = offB + (1 << layout.bi) * BS;
  const offK = offR + (1 << layout.tri) * RS;
  const offW = offK + (1 << layout.skip);
  const offC = offW + (1 << layout.word) * WS;
  const offX = offC + (1 << layout.ctx);
  const size = offX + (1 << layout.small);
  p = { layout, uid, offU, offB, offR, offK, offW, offC, offX, size };
  plans.set(layout, p);
  return p;
}

/** The bias row (the X row every character reads). */
function biasRow(plan: Plan): number {
  return plan.offX + hf(0, 0, 0, 0, (1 << plan.layout.small) - 1);
}

/**
 * Fold, in place, rows a character of a jieba token always reads together
 * into one, so that decoding reads up to four rows fewer per character with
 * the same integer sums: the bias row into every U block's offset-0 row
 * (every character reads exactly one; where one of those sums would not fit,
 * into the offset -3, -2, +2 or +3 rows: the format 5 model), and a block's offset-0, -1 and +1
 * rows into its rows of the same offset by token position (a character in
 * a token reads its own by-position row and its neighbours', with the same
 * position). A fold whose sum would not fit the integer width (`limit`) is
 * not made (two of the committed model's 4,319 blocks keep one row apart).
 * Returns the plan whose features write the null feature for the rows
 * folded away. Rows of `stride` values (T, or T and padding).
 */
export function foldRows(plan: Plan, w: Int8Array | Int16Array, stride: number, limit: number): Plan {
  const nb = plan.layout.chars.length + 3;
  const bias = biasRow(plan) * stride;
  // plain loops over row offsets (it runs once per thread, mostly before the JIT has looked at it)
  const rowAt = (b: number, r: number): number => (plan.offU + b * US + r) * stride;
  // the bias goes into a row every character reads exactly once: the offset-0 row, else the offset -3, -2, +2 or +3 row
  let into = -1;
  for (const r of [3, 0, 1, 5, 6]) {
    if (biasFits(w, bias, nb, rowAt(0, r), US * stride, limit)) {
      into = r;
      break;
    }
  }
  const withBias = into >= 0;
  const blocks = new Uint8Array(nb);
  for (let b = 0; b < nb; b++) {
    if (withBias) addRows(w, rowAt(b, into), bias, 1);
    // offset-0 row 3 into rows 15..18, offset -1 row 2 into 19..22, offset +1 row 4 into 23..26
    if (foldInto(w, rowAt(b, 15), rowAt(b, 3), stride, limit)) blocks[b]! |= 1;
    if (foldInto(w, rowAt(b, 19), rowAt(b, 2), stride, limit)) blocks[b]! |= 2;
    if (foldInto(w, rowAt(b, 23), rowAt(b, 4), stride, limit)) blocks[b]! |= 4;
  }
  return { ...plan, folded: { bias: withBias, blocks } };
}

/** Does the bias row (at `bias`) added to the row at `first` + b * `step`, for every block b < nb, stay within ±limit? */
function biasFits(w: Int8Array | Int16Array, bias: number, nb: number, first: number, step: number, limit: number): boolean {
  for (let b = 0, at = first; b < nb; b++, at += step) {
    for (let t = 0; t < T_; t++) {
      const v = w[at + t]! + w[bias + t]!;
      if (v > limit || v < -limit) return false;
    }
  }
  return true;
}

/** Add the row at `from` to the `count` consecutive rows of `stride` values at `into`. */
function addRows(w: Int8Array | Int16Array, into: number, from: number, count: number, stride = 0): void {
  for (let k = 0, at = into; k < count; k++, at += stride) for (let t = 0; t < T_; t++) w[at + t] = w[at + t]! + w[from + t]!;
}

/** Add the row at `from` to the four rows at `into` (by token position) when every sum stays within ±limit; says whether it did. */
function foldInto(w: Int8Array | Int16Array, into: number, from: number, stride: number, limit: number): boolean {
  for (let k = 0, at = into; k < 4; k++, at += stride) {
    for (let t = 0; t < T_; t++) {
      const v = w[at + t]! + w[from + t]!;
      if (v > limit || v < -limit) return false;
    }
  }
  addRows(w, into, from, 4, stride);
  return true;
}

/** The vocabulary of U blocks: folded characters seen at least `min` times in `texts`. */
export function vocabulary(texts: Iterable<string>, min = 2): string {
  const count = new Uint32Array(65536);
  for (const t of texts) for (let i = 0; i < t.length; i++) count[foldCode(t.charCodeAt(i))]!++;
  let out = '';
  for (let c = 0; c < 65536; c++) if (count[c]! >= min && !(c >= 0xd800 && c <= 0xdfff)) out += String.fromCharCode(c);
  return out;
}

/** Per-sentence scratch arrays, grown on demand (one set per thread). */
interface Scratch {
  size: number;
  codes: Int32Array;
  cls: Uint8Array;
  flp: Uint8Array;
  uidAt: Int32Array;
  /** the fold bits (Plan.folded) of the char's U block, by padded position */
  fb: Uint8Array;
  /** startMask of the char, by padded position */
  sm: Uint8Array;
  bi: Int32Array;
  tri: Int32Array;
  tpos: Uint8Array;
  ttag: Uint32Array;
  tprev: Uint32Array;
  tnext: Uint32Array;
  tlen: Uint8Array;
  wOwn: Int32Array;
  wPrev: Int32Array;
  wNext: Int32Array;
  loc: Uint8Array;
  country: Uint8Array;
  org: Uint8Array;
  speech: Uint8Array;
  ent: Uint8Array;
  given: Uint8Array;
  wcOwn: Uint8Array;
  wcPrev: Uint8Array;
  wcNext: Uint8Array;
}
let sc: Scratch | undefined;
function scratch(n: number): Scratch {
  if (sc && sc.size >= n) return sc;
  const size = Math.max(n, 256) * 2;
  const m = size + 6;
  sc = {
    size,
    codes: new Int32Array(m),
    cls: new Uint8Array(m),
    flp: new Uint8Array(m),
    uidAt: new Int32Array(m),
    fb: new Uint8Array(m),
    sm: new Uint8Array(m),
    bi: new Int32Array(m),
    tri: new Int32Array(m),
    tpos: new Uint8Array(m),
    ttag: new Uint32Array(m),
    tprev: new Uint32Array(m),
    tnext: new Uint32Array(m),
    tlen: new Uint8Array(m),
    wOwn: new Int32Array(m),
    wPrev: new Int32Array(m),
    wNext: new Int32Array(m),
    loc: new Uint8Array(m),
    country: new Uint8Array(m),
    org: new Uint8Array(m),
    speech: new Uint8Array(m),
    ent: new Uint8Array(m),
    given: new Uint8Array(m),
    wcOwn: new Uint8Array(m),
    wcPrev: new Uint8Array(m),
    wcNext: new Uint8Array(m),
  };
  return sc;
}

/** Mark, for every char of the `len` chars at codes[3..]: B/I/E/S (1..4) of the longest trie match covering it (leftmost-longest, no overlap). */
function markMatches(codes: Int32Array, len: number, trie: FlatTrie, maxLen: number, out: Uint8Array, sm: Uint8Array, bit: number): void {
  // every char is written once: 0 outside matches (no fill: a call into the runtime per array per sentence)
  let i = 0;
  while (i < len) {
    // no word of the list starts with this char (startMask): longestAt would say 0
    const n = sm[i + 3]! & bit ? trie.longestAt(codes, i + 3, Math.min(len, i + maxLen) + 3) : 0;
    if (n === 0) {
      out[i++] = 0;
      continue;
    }
    if (n === 1) out[i] = 4;
    else {
      out[i] = 1;
      for (let k = i + 1; k < i + n - 1; k++) out[k] = 2;
      out[i + n - 1] = 3;
    }
    i += n;
  }
}
/** Like markMatches, with the matched word's value: position (1..4) * 16 + value (values below 16), 0 outside matches. out has one slot of padding on each side (index i + 1). */
function markValues(codes: Int32Array, len: number, trie: FpList, maxLen: number, out: Uint8Array, sm: Uint8Array, bit: number): void {
  // every slot is written once (the pads here, the chars in the loop)
  out[0] = 0;
  out[len + 1] = 0;
  let i = 0;
  while (i < len) {
    const n = sm[i + 3]! & bit ? trie.longestAt(codes, i + 3, Math.min(len, i + maxLen) + 3) : 0;
    if (n === 0) {
      out[++i] = 0;
      continue;
    }
    const v = trie.val;
    if (n === 1) out[i + 1] = 64 + v;
    else {
      out[i + 1] = 16 + v;
      for (let k = i + 1; k < i + n - 1; k++) out[k + 1] = 32 + v;
      out[i + n] = 48 + v;
    }
    i += n;
  }
}

/** For every char: 1 when a trie word starts there */
function markStarts(codes: Int32Array, len: number, trie: FlatTrie, maxLen: number, out: Uint8Array, sm: Uint8Array, bit: number): void {
  for (let i = 0; i < len; i++) out[i] = sm[i + 3]! & bit && trie.longestAt(codes, i + 3, Math.min(len, i + maxLen) + 3) > 0 ? 1 : 0;
}

/**
 * Per raw char code c (two Uint32 each), what sentenceFeatures reads of its
 * folded code f = foldCode(c), packed so that a char costs one cache line
 * instead of six table reads: [0] f | CLASS[f] << 16 | startMask[f] << 19 |
 * flags[f] << 25; [1] the U row offset of f's block | its fold bits << 24.
 * One table per plan (the plan fixes the vocabulary, the lists and the folds).
 */
const infos = new WeakMap<Plan, Uint32Array>();
function charInfo(plan: Plan, mask: Uint8Array, flags: Uint8Array, blocks: Uint8Array): Uint32Array {
  let info = infos.get(plan);
  if (info) return info;
  info = new Uint32Array(65536 * 2);
  for (let c = 0; c < 65536; c++) {
    const f = foldCode(c);
    const b = plan.uid[f]!;
    const u = plan.offU + b * US;
    if (mask[f]! > 63 || flags[f]! > 127 || blocks[b]! > 255 || u > 0xffffff) throw new Error('charInfo: a value does not fit its bits');
    info[c * 2] = f | (CLASS[f]! << 16) | (mask[f]! << 19) | (flags[f]! << 25);
    info[c * 2 + 1] = u | (blocks[b]! << 24);
  }
  infos.set(plan, info);
  return info;
}

/**
 * Feature ids for the characters of `text` (one sentence, already folded with
 * foldText) whose jieba tokens are `tokens` (offsets relative to `text`,
 * sorted, covering any subset of it; `base` is subtracted from their
 * offsets when they are in a larger text's coordinates). Writes
 * text.length * FEATURES ids (rows of the layout's plan) into `out` from
 * offset `at`. Only tokens[from, to) are read. With `fold`, `text` is not
 * folded yet and its chars are folded here (the same as passing
 * foldText(text), without building the folded string).
 */
export function sentenceFeatures(text: string, tokens: readonly Token[], plan: Plan, out: Uint32Array, at = 0, base = 0, from = 0, to = tokens.length, fold = false): void {
  const r = resources();
  const n = text.length;
  const sc = scratch(n);
  const codes = sc.codes;
  const cls = sc.cls;
  const uidAt = sc.uidAt;
  const uid = plan.uid;
  const L = plan.layout;
  // padded: position i is at index i+3; pads are code 1 (start) / 2 (end)
  codes[0] = codes[1] = codes[2] = 1;
  codes[n + 3] = codes[n + 4] = codes[n + 5] = 2;
  cls[0] = cls[1] = cls[2] = cls[n + 3] = cls[n + 4] = cls[n + 5] = 0;
  uidAt[0] = uidAt[1] = uidAt[2] = plan.offU;
  uidAt[n + 3] = uidAt[n + 4] = uidAt[n + 5] = plan.offU + US;
  const lex = plan.lex;
  // per char: which lists have a word starting with it (one table read instead of one per list), flags, fold bits
  const sm = sc.sm;
  const mask = startMask(r, lex);
  const flags = r.flags;
  const flp = sc.flp;
  flp[0] = flp[1] = flp[2] = flp[n + 3] = flp[n + 4] = flp[n + 5] = 16; // pads: 16
  const fb = sc.fb;
  const blocks = plan.folded ? plan.folded.blocks : NO_FOLDS;
  fb[0] = fb[1] = fb[2] = blocks[0]!;
  fb[n + 3] = fb[n + 4] = fb[n + 5] = blocks[1]!;
  if (fold) {
    // one read of the packed table per char instead of six table reads (./charInfo)
    const info = charInfo(plan, mask, flags, blocks);
    for (let i = 0; i < n; i++) {
      const k = text.charCodeAt(i) * 2;
      const w0 = info[k]!;
      const w1 = info[k + 1]!;
      const q = i + 3;
      codes[q] = w0 & 0xffff;
      cls[q] = (w0 >>> 16) & 7;
      sm[q] = (w0 >>> 19) & 63;
      flp[q] = w0 >>> 25;
      uidAt[q] = w1 & 0xffffff;
      fb[q] = w1 >>> 24;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const q = i + 3;
      codes[q] = c;
      cls[q] = CLASS[c]!;
      const b = uid[c]!;
      uidAt[q] = plan.offU + b * US;
      fb[q] = blocks[b]!;
      sm[q] = mask[c]!;
      flp[q] = flags[c]!;
    }
  }
  // n-gram blocks: bigram starting at q for q in [0, n+4], trigram for q in [1, n+2]
  const bi = sc.bi;
  const tri = sc.tri;
  ngramBlocks(codes, n, plan, bi, tri);
  // token per char: position (1 B, 2 M, 3 E, 4 S, 0 none), tag, prev/next tag, word blocks
  const tpos = sc.tpos;
  const ttag = sc.ttag;
  const tprev = sc.tprev;
  const tnext = sc.tnext;
  const tlen = sc.tlen;
  const wOwn = sc.wOwn;
  const wPrev = sc.wPrev;
  const wNext = sc.wNext;
  const wm = (1 << L.word) - 1;
  // the word hash of token k, or -1 when it is outside the range or has no chars in the text
  const wordHash = (k: number): number => {
    if (k < from || k >= to) return -1;
    const t = tokens[k]!;
    const s = Math.max(0, t.start - base);
    const e = Math.min(n, t.end - base);
    return e > s ? codesHash(codes, s + 3, e + 3) : -1;
  };
  let prevRaw = wordHash(from - 1);
  let curRaw = wordHash(from);
  const wcOwn = sc.wcOwn;
  const wcPrev = sc.wcPrev;
  const wcNext = sc.wcNext;
  // chars outside every token keep zeros (one loop instead of a fill per array: fill is a runtime call)
  for (let i = 0; i < n; i++) {
    tpos[i] = 0;
    ttag[i] = 0;
    tprev[i] = 0;
    tnext[i] = 0;
    tlen[i] = 0;
    wcOwn[i] = 0;
    wcPrev[i] = 0;
    wcNext[i] = 0;
  }
  // the list code of token k's word from its hash (codesHash is the fingerprint's first half); 0: none, or no lists
  const wordCode = (k: number, raw: number): number => {
    if (!lex || raw < 0) return 0;
    const t = tokens[k]!;
    return lex.words.valueWithHi(codes, Math.max(0, t.start - base) + 3, Math.min(n, t.end - base) + 3, raw);
  };
  let prevCode = wordCode(from - 1, prevRaw);
  let curCode = wordCode(from, curRaw);

  // tag ids of tokens k-1, k, k+1 (read once per token)
  let pt = 1;
  let tag = from < to ? tagId(tokens[from]!.tag) : 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const nextRaw = wordHash(k + 1);
    const nextCode = wordCode(k + 1, nextRaw);
    const pc = prevCode;
    const cc = curCode;
    prevCode = curCode;
    curCode = nextCode;

    const nt = k + 1 < to ? tagId(tokens[k + 1]!.tag) : 2;
    const ptk = pt;
    const tk = tag;
    pt = tag;
    tag = nt;
    const own = plan.offW + (curRaw & wm) * WS;
    const pw = plan.offW + ((prevRaw < 0 ? 1 : prevRaw) & wm) * WS + 4;
    const nw = plan.offW + ((nextRaw < 0 ? 2 : nextRaw) & wm) * WS + 8;
    prevRaw = curRaw;
    curRaw = nextRaw;
    const s = Math.max(0, t.start - base);
    const e = Math.min(n, t.end - base);
    if (e <= s) continue;
    const len = e - s;
    for (let i = s; i < e; i++) {
      const pos = len === 1 ? 4 : i === s ? 1 : i === e - 1 ? 3 : 2;
      tpos[i] = pos;
      ttag[i] = tk;
      tprev[i] = ptk;
      tnext[i] = nt;
      tlen[i] = Math.min(len, 6);
      wOwn[i] = own + pos - 1;
      wPrev[i] = pw + pos - 1;
      wNext[i] = nw + pos - 1;
      wcOwn[i] = cc;
      wcPrev[i] = pc;
      wcNext[i] = nextCode;
    }
  }
  const loc = sc.loc;
  const country = sc.country;
  const org = sc.org;
  const speech = sc.speech;
  speech[n] = speech[n + 1] = speech[n + 2] = speech[n + 3] = 0;
  markMatches(codes, n, r.loc, r.maxLoc, loc, sm, 1);
  markMatches(codes, n, r.country, 12, country, sm, 2);
  markMatches(codes, n, r.org, r.maxOrg, org, sm, 4);
  markStarts(codes, n, r.speech, 6, speech, sm, 8);
  const ent = sc.ent;
  const given = sc.given;
  if (lex) {
    markValues(codes, n, lex.ents, lex.ents.maxLen, ent, sm, 16);
    markValues(codes, n, lex.given, 2, given, sm, 32);
  }
  charRows(sc, plan, n, out, at);
}

/** The B and R blocks of the bigram and the trigram starting at every padded position (a function of its own so that hf inlines here). */
function ngramBlocks(codes: Int32Array, n: number, plan: Plan, bi: Int32Array, tri: Int32Array): void {
  const bm = (1 << plan.layout.bi) - 1;
  const rm = (1 << plan.layout.tri) - 1;
  const offB = plan.offB;
  const offR = plan.offR;
  for (let q = 0; q <= n + 4; q++) bi[q] = offB + hf(6, codes[q]!, codes[q + 1]!, 0, bm) * BS;
  for (let q = 1; q <= n + 2; q++) tri[q] = offR + hf(10, codes[q]!, codes[q + 1]!, codes[q + 2]!, rm) * RS;
}

/** Feature slots of the X rows (after the 27 U, B, R, K, W and C slots). */
const XSLOT = 27;

/** The rows of every character (sentenceFeatures' last step; the X slots in xRows: functions small enough that hf inlines in them). */
function charRows(sc: Scratch, plan: Plan, n: number, out: Uint32Array, at: number): void {
  const L = plan.layout;
  const { codes, uidAt, bi, tri, tpos, ttag, wOwn, wPrev, wNext, loc, country } = sc;
  const cm = (1 << L.ctx) - 1;
  const offK = plan.offK;
  const offC = plan.offC;
  const km = (1 << L.skip) - 1;
  const folded = plan.folded !== undefined;
  const fb = sc.fb;
  let o = at;
  for (let i = 0; i < n; i++) {
    const p = i + 3;
    const c0 = codes[p]!;
    const cm1 = codes[p - 1]!;
    const cp1 = codes[p + 1]!;
    const u = uidAt[p]!;
    const pos = tpos[i]!;
    // folded weights: the offset -1, 0, +1 rows sit in the by-position rows below (Plan.folded)
    const near = folded && pos !== 0;
    // U: the characters at -3..+3 (each from its own block), place / country match marks
    out[o++] = uidAt[p - 3]!;
    out[o++] = uidAt[p - 2]! + 1;
    out[o++] = near && fb[p - 1]! & 2 ? 0 : uidAt[p - 1]! + 2;
    out[o++] = near && fb[p]! & 1 ? 0 : u + 3;
    out[o++] = near && fb[p + 1]! & 4 ? 0 : uidAt[p + 1]! + 4;
    out[o++] = uidAt[p + 2]! + 5;
    out[o++] = uidAt[p + 3]! + 6;
    out[o++] = loc[i] ? u + 6 + loc[i]! : 0;
    out[o++] = country[i] ? u + 10 + country[i]! : 0;
    out[o++] = pos ? u + 14 + pos : 0;
    // the neighbours, by this character's position in its token
    out[o++] = pos ? uidAt[p - 1]! + 18 + pos : 0;
    out[o++] = pos ? uidAt[p + 1]! + 22 + pos : 0;
    // B, R, K: n-grams around the character
    out[o++] = bi[p - 3]! + 4;
    out[o++] = bi[p - 2]!;
    out[o++] = bi[p - 1]! + 1;
    out[o++] = bi[p]! + 2;
    out[o++] = bi[p + 1]! + 3;
    out[o++] = bi[p + 2]! + 5;
    out[o++] = tri[p - 2]!;
    out[o++] = tri[p - 1]! + 1;
    out[o++] = tri[p]! + 2;
    out[o++] = offK + hf(32, cm1, cp1, 0, km);
    // W: the jieba word, the one before and the one after
    out[o++] = pos ? wOwn[i]! : 0;
    out[o++] = pos ? wPrev[i]! : 0;
    out[o++] = pos ? wNext[i]! : 0;
    // C: characters with tags and flags
    out[o++] = offC + hf(26, c0, ttag[i]!, 0, cm);
    out[o++] = offC + hf(29, cm1, c0, ttag[i]!, cm);
    o += FEATURES - XSLOT;
  }
  xRows(sc, plan, n, out, at);
}

/** The X slots of every character: small value spaces (classes, tags, gazetteer marks, flags; the training lists in listRows). */
function xRows(sc: Scratch, plan: Plan, n: number, out: Uint32Array, at: number): void {
  const { cls, tpos, ttag, tprev, tnext, tlen, loc, org, speech, flp } = sc;
  const xm = (1 << plan.layout.small) - 1;
  const offX = plan.offX;
  // folded weights: the bias sits in every offset-0 row
  const bias = plan.folded?.bias ? 0 : biasRow(plan);
  for (let i = 0; i < n; i++) {
    let o = at + i * FEATURES + XSLOT;
    const p = i + 3;
    const pos = tpos[i]!;
    // X: small value spaces
    out[o++] = bias;
    out[o++] = offX + hf(11, cls[p - 1]! * 64 + cls[p]! * 8 + cls[p + 1]!, cls[p - 2]! * 8 + cls[p + 2]!, 0, xm);
    out[o++] = offX + hf(14, pos, ttag[i]!, tprev[i]!, xm);
    out[o++] = offX + hf(15, pos, ttag[i]!, tnext[i]!, xm);
    out[o++] = offX + hf(16, loc[i]!, pos, org[i]!, xm);
    out[o++] = offX + hf(23, speech[i + 1]! * 4 + speech[i + 2]! * 2 + speech[i + 3]!, pos, 0, xm);
    const f0 = flp[p]!;
    out[o++] = offX + hf(24, f0, flp[p - 1]! * 32 + flp[p + 1]!, 0, xm);
    out[o++] = offX + hf(25, flp[p - 2]! * 32 + flp[p - 1]!, f0, ttag[i]!, xm);
    out[o++] = offX + hf(27, tlen[i]!, pos, ttag[i]!, xm);
    // foreign run: how many transliteration chars (or ·) around this one
    let run = 0;
    for (let q = i - 1; q >= 0 && q >= i - 4 && (flp[q + 3]! & 2 || cls[q + 3] === 6); q--) run++;
    let runR = 0;
    for (let q = i + 1; q < n && q <= i + 4 && (flp[q + 3]! & 2 || cls[q + 3] === 6); q++) runR++;
    out[o++] = offX + hf(28, run * 8 + runR, f0 & 2, 0, xm);
  }
  listRows(sc, plan, n, out, at);
}

/** The last five X slots of every character: the training lists (known entity strings, jieba words' roles, given names). */
function listRows(sc: Scratch, plan: Plan, n: number, out: Uint32Array, at: number): void {
  const lex = plan.lex;
  const { tpos, ent, given, wcOwn, wcPrev, wcNext, flp } = sc;
  const xm = (1 << plan.layout.small) - 1;
  const offX = plan.offX;
  for (let i = 0; i < n; i++) {
    let o = at + i * FEATURES + DOC_SLOT - 5;
    const p = i + 3;
    const pos = tpos[i]!;
    if (lex) {
      const e = ent[i + 1]!;
      out[o++] = e ? offX + hf(40, e, pos, 0, xm) : 0;
      out[o++] = offX + hf(41, ent[i]!, e, ent[i + 2]!, xm);
      const wc = wcOwn[i]!;
      out[o++] = wc ? offX + hf(42, wc, pos, 0, xm) : 0;
      out[o++] = pos ? offX + hf(43, wcPrev[i]!, wcNext[i]!, pos, xm) : 0;
      const g = given[i + 1]!;
      out[o++] = g ? offX + hf(44, g, flp[p - 1]! & 5, pos, xm) : 0;
    } else {
      out[o++] = 0;
      out[o++] = 0;
      out[o++] = 0;
      out[o++] = 0;
      out[o++] = 0;
    }
    // the document slots: null (docRows writes them in the second pass)
    out[o++] = 0;
    out[o] = 0;
  }
}

/** Is char code c a surname (1) or the first char of a compound surname (4)? */
export function surnameFlags(c: number): number {
  return resources().flags[c]! & 5;
}

/**
 * The two document slots of chars [0, n) (./doc.ts): `marks[i]` the
 * document mark of char i (0: none), `tags[i]` its first-pass tag. Chars
 * without a mark get the null feature.
 */
export function docRows(plan: Plan, marks: Uint8Array, tags: ArrayLike<number>, n: number, out: Uint32Array, at: number): void {
  const xm = (1 << plan.layout.small) - 1;
  const offX = plan.offX;
  for (let i = 0; i < n; i++) {
    const o = at + i * FEATURES + DOC_SLOT;
    const m = marks[i]!;
    if (m === 0) {
      out[o] = 0;
      out[o + 1] = 0;
      continue;
    }
    out[o] = offX + hf(50, m, i > 0 ? marks[i - 1]! : 0, i + 1 < n ? marks[i + 1]! : 0, xm);
    out[o + 1] = offX + hf(51, m, tags[i]!, 0, xm);
  }
}
