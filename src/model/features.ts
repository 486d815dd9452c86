/**
 * Character features for the entity model. For every character of a
 * sentence it writes FEATURES hashed feature ids (buckets of the weight
 * table) into a Uint32Array: character n-grams over NFKC-folded characters,
 * character classes, the jieba token the character sits in (position in the
 * token, POS tag, the word itself, the neighbouring tags), gazetteer matches
 * (places, organisations, organisation suffixes, titles, speech verbs) and
 * surname / transliteration characters. Everything is integer hashing over
 * char codes: no strings are built per character.
 */
import type { Token } from '../core/types.js';
import { lexicon } from '../extract/entities/lexicon.js';

export const FEATURES = 37;

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
function charClass(c: number): number {
  if (c === 0) return 0;
  if (c >= 0x30 && c <= 0x39) return 2;
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 3;
  if (c === 0xb7 || c === 0x2022 || c === 0x30fb || c === 0x2027) return 6;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007) return NUMERALS.has(String.fromCharCode(c)) ? 4 : 1;
  return 5;
}

/**
 * A word trie in flat typed arrays: its edges (node, char) → child in one
 * open-addressing hash table, so that a step is a multiply and an array
 * read, not a Map lookup. Same answers as core/trie's longestAt.
 */
class FlatTrie {
  private readonly first = new Uint8Array(65536);
  private readonly word: Uint8Array;
  private readonly keyNode: Int32Array; // node + 1; 0 = empty slot
  private readonly keyChar: Uint16Array;
  private readonly child: Int32Array;
  private readonly shift: number;

  constructor(words: Iterable<string>) {
    // build with Maps, then flatten
    const next: Array<Map<number, number>> = [new Map()];
    const isWord: number[] = [0];
    let edges = 0;
    for (const w of words) {
      if (w.length === 0) continue;
      this.first[w.charCodeAt(0)] = 1;
      let node = 0;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        let n = next[node]!.get(c);
        if (n === undefined) {
          n = next.length;
          next.push(new Map());
          isWord.push(0);
          next[node]!.set(c, n);
          edges++;
        }
        node = n;
      }
      isWord[node] = 1;
    }
    this.word = Uint8Array.from(isWord);
    let bits = 4;
    while (1 << bits < edges * 2) bits++;
    this.shift = 32 - bits;
    this.keyNode = new Int32Array(1 << bits);
    this.keyChar = new Uint16Array(1 << bits);
    this.child = new Int32Array(1 << bits);
    const mask = (1 << bits) - 1;
    next.forEach((m, node) => {
      for (const [c, n] of m) {
        let h = this.slot(node, c);
        while (this.keyNode[h] !== 0) h = (h + 1) & mask;
        this.keyNode[h] = node + 1;
        this.keyChar[h] = c;
        this.child[h] = n;
      }
    });
  }

  private slot(node: number, c: number): number {
    return Math.imul(Math.imul(node, 0x85ebca6b) ^ c, 0x9e3779b1) >>> this.shift;
  }

  /** Length of the longest word in codes[i, end) that starts at `i`, or 0. */
  longestAt(codes: Int32Array, i: number, end: number): number {
    if (!this.first[codes[i]!]) return 0;
    const keyNode = this.keyNode;
    const keyChar = this.keyChar;
    const mask = keyNode.length - 1;
    let node = 0;
    let best = 0;
    for (let j = i; j < end; j++) {
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
      if (this.word[node]) best = j + 1 - i;
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
  suffix: FlatTrie;
  title: FlatTrie;
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
    suffix: new FlatTrie(lex.orgSuffixes),
    title: new FlatTrie(lex.titleList),
    speech: new FlatTrie(lex.speechVerbs),
    maxLoc: lex.maxLoc,
    maxOrg,
  };
  return res;
}

// 32-bit mixing (murmur3 finalizer steps)
function mix(h: number, v: number): number {
  v = Math.imul(v, 0xcc9e2d51);
  v = (v << 15) | (v >>> 17);
  v = Math.imul(v, 0x1b873593);
  h ^= v;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
/** Bucket of template t over the values a, b, c. */
function hf(t: number, a: number, b: number, c: number, mask: number): number {
  // fin(mix(mix(mix(t * 0x9e3779b1, a), b), c)) & mask, written out so that it needs no calls
  let h = Math.imul(t, 0x9e3779b1);
  let v = Math.imul(a, 0xcc9e2d51);
  v = (v << 15) | (v >>> 17);
  h ^= Math.imul(v, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  v = Math.imul(b, 0xcc9e2d51);
  v = (v << 15) | (v >>> 17);
  h ^= Math.imul(v, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  v = Math.imul(c, 0xcc9e2d51);
  v = (v << 15) | (v >>> 17);
  h ^= Math.imul(v, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & mask;
}
function strHash(s: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return fin(h);
}
/** strHash of the chars codes[start, end) */
function codesHash(codes: Int32Array, start: number, end: number): number {
  let h = 0x9747b28c;
  for (let i = start; i < end; i++) h = mix(h, codes[i]!);
  return fin(h);
}
const tagIds = new Map<string, number>();
function tagId(tag: string): number {
  let v = tagIds.get(tag);
  if (v === undefined) {
    v = strHash(tag) & 0xffff;
    tagIds.set(tag, v);
  }
  return v;
}

/** Per-sentence scratch arrays, grown on demand (one set per thread). */
interface Scratch {
  size: number;
  codes: Int32Array;
  cls: Uint8Array;
  tpos: Uint8Array;
  ttag: Uint32Array;
  tword: Uint32Array;
  tprev: Uint32Array;
  tnext: Uint32Array;
  tlen: Uint8Array;
  tprevWord: Uint32Array;
  tnextWord: Uint32Array;
  loc: Uint8Array;
  country: Uint8Array;
  org: Uint8Array;
  suffix: Uint8Array;
  title: Uint8Array;
  speech: Uint8Array;
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
    tpos: new Uint8Array(m),
    ttag: new Uint32Array(m),
    tword: new Uint32Array(m),
    tprev: new Uint32Array(m),
    tnext: new Uint32Array(m),
    tlen: new Uint8Array(m),
    tprevWord: new Uint32Array(m),
    tnextWord: new Uint32Array(m),
    loc: new Uint8Array(m),
    country: new Uint8Array(m),
    org: new Uint8Array(m),
    suffix: new Uint8Array(m),
    title: new Uint8Array(m),
    speech: new Uint8Array(m),
  };
  return sc;
}

/** Mark, for every char of the `len` chars at codes[3..]: B/I/E/S (1..4) of the longest trie match covering it (leftmost-longest, no overlap). */
function markMatches(codes: Int32Array, len: number, trie: FlatTrie, maxLen: number, out: Uint8Array): void {
  out.fill(0, 0, len);
  let i = 0;
  while (i < len) {
    const n = trie.longestAt(codes, i + 3, Math.min(len, i + maxLen) + 3);
    if (n === 0) {
      i++;
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
/** For every char: 1 when a trie word starts there */
function markStarts(codes: Int32Array, len: number, trie: FlatTrie, maxLen: number, out: Uint8Array): void {
  for (let i = 0; i < len; i++) out[i] = trie.longestAt(codes, i + 3, Math.min(len, i + maxLen) + 3) > 0 ? 1 : 0;
}

/**
 * Feature ids for the characters of `text` (one sentence, already folded with
 * foldText) whose jieba tokens are `tokens` (offsets relative to `text`,
 * sorted, covering any subset of it; `base` is subtracted from their
 * offsets when they are in a larger text's coordinates). Writes
 * text.length * FEATURES bucket ids (masked by `mask`) into `out` from
 * offset `at`. Only tokens[from, to) are read. With `fold`, `text` is not
 * folded yet and its chars are folded here (the same as passing
 * foldText(text), without building the folded string).
 */
export function sentenceFeatures(text: string, tokens: readonly Token[], mask: number, out: Uint32Array, at = 0, base = 0, from = 0, to = tokens.length, fold = false): void {
  const r = resources();
  const n = text.length;
  const sc = scratch(n);
  const codes = sc.codes;
  const cls = sc.cls;
  // padded: position i is at index i+3; pads are code 1 (start) / 2 (end)
  codes[0] = codes[1] = codes[2] = 1;
  codes[n + 3] = codes[n + 4] = codes[n + 5] = 2;
  cls[0] = cls[1] = cls[2] = cls[n + 3] = cls[n + 4] = cls[n + 5] = 0;
  for (let i = 0; i < n; i++) {
    const c = fold ? foldCode(text.charCodeAt(i)) : text.charCodeAt(i);
    codes[i + 3] = c;
    cls[i + 3] = charClass(c);
  }
  // token per char: position (1 B, 2 M, 3 E, 4 S, 0 none), tag, word hash, prev/next tag
  const tpos = sc.tpos;
  const ttag = sc.ttag;
  const tword = sc.tword;
  const tprev = sc.tprev;
  const tnext = sc.tnext;
  const tlen = sc.tlen;
  const tprevWord = sc.tprevWord;
  const tnextWord = sc.tnextWord;
  tpos.fill(0, 0, n);
  ttag.fill(0, 0, n);
  tword.fill(0, 0, n);
  tprev.fill(0, 0, n);
  tnext.fill(0, 0, n);
  tlen.fill(0, 0, n);
  tprevWord.fill(0, 0, n);
  tnextWord.fill(0, 0, n);
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
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    const nextRaw = wordHash(k + 1);
    const own = curRaw;
    const pw = prevRaw < 0 ? 1 : prevRaw;
    const nw = nextRaw < 0 ? 2 : nextRaw;
    prevRaw = curRaw;
    curRaw = nextRaw;
    const s = Math.max(0, t.start - base);
    const e = Math.min(n, t.end - base);
    if (e <= s) continue;
    const tag = tagId(t.tag);
    const len = e - s;
    const wh = len >= 2 && len <= 8 ? own : 0;
    const pt = k > from ? tagId(tokens[k - 1]!.tag) : 1;
    const nt = k + 1 < to ? tagId(tokens[k + 1]!.tag) : 2;
    for (let i = s; i < e; i++) {
      tpos[i] = len === 1 ? 4 : i === s ? 1 : i === e - 1 ? 3 : 2;
      ttag[i] = tag;
      tword[i] = wh;
      tprev[i] = pt;
      tnext[i] = nt;
      tlen[i] = Math.min(len, 6);
      tprevWord[i] = pw;
      tnextWord[i] = nw;
    }
  }
  const loc = sc.loc;
  const country = sc.country;
  const org = sc.org;
  const suffix = sc.suffix;
  const title = sc.title;
  const speech = sc.speech;
  speech.fill(0, n, n + 4);
  markMatches(codes, n, r.loc, r.maxLoc, loc);
  markMatches(codes, n, r.country, 12, country);
  markMatches(codes, n, r.org, r.maxOrg, org);
  markMatches(codes, n, r.suffix, 8, suffix);
  markMatches(codes, n, r.title, 8, title);
  markStarts(codes, n, r.speech, 6, speech);
  const flags = r.flags;
  const fl = (q: number): number => (q < 0 || q >= n ? 16 : flags[codes[q + 3]!]!);
  let o = at;
  for (let i = 0; i < n; i++) {
    const p = i + 3;
    const c0 = codes[p]!;
    const cm1 = codes[p - 1]!;
    const cm2 = codes[p - 2]!;
    const cp1 = codes[p + 1]!;
    const cp2 = codes[p + 2]!;
    out[o++] = hf(0, 0, 0, 0, mask);
    out[o++] = hf(1, cm2, 0, 0, mask);
    out[o++] = hf(2, cm1, 0, 0, mask);
    out[o++] = hf(3, c0, 0, 0, mask);
    out[o++] = hf(4, cp1, 0, 0, mask);
    out[o++] = hf(5, cp2, 0, 0, mask);
    out[o++] = hf(6, cm2, cm1, 0, mask);
    out[o++] = hf(7, cm1, c0, 0, mask);
    out[o++] = hf(8, c0, cp1, 0, mask);
    out[o++] = hf(9, cp1, cp2, 0, mask);
    out[o++] = hf(10, cm1, c0, cp1, mask);
    out[o++] = hf(11, cls[p - 1]! * 64 + cls[p]! * 8 + cls[p + 1]!, cls[p - 2]! * 8 + cls[p + 2]!, 0, mask);
    out[o++] = hf(12, tpos[i]!, ttag[i]!, 0, mask);
    out[o++] = hf(13, tpos[i]!, tword[i]!, tword[i] ? 0 : c0, mask);
    out[o++] = hf(14, tpos[i]!, ttag[i]!, tprev[i]!, mask);
    out[o++] = hf(15, tpos[i]!, ttag[i]!, tnext[i]!, mask);
    out[o++] = hf(16, loc[i]!, tpos[i]!, 0, mask);
    out[o++] = hf(17, country[i]!, c0, 0, mask);
    out[o++] = hf(18, org[i]!, tpos[i]!, 0, mask);
    out[o++] = hf(19, suffix[i]!, i + 1 < n ? suffix[i + 1]! : 9, 0, mask);
    out[o++] = hf(20, title[i]!, (i > 0 ? title[i - 1]! : 9) * 16 + (i + 1 < n ? title[i + 1]! : 9), 0, mask);
    // a title just before / just after (陈某导演, 局长张某)
    out[o++] = hf(21, i > 0 ? title[i - 1]! : 9, i > 1 ? title[i - 2]! : 9, i > 2 ? title[i - 3]! : 9, mask);
    out[o++] = hf(22, i + 1 < n ? title[i + 1]! : 9, i + 2 < n ? title[i + 2]! : 9, i + 3 < n ? title[i + 3]! : 9, mask);
    out[o++] = hf(23, speech[i + 1]! * 4 + speech[i + 2]! * 2 + speech[i + 3]!, tpos[i]!, 0, mask);
    out[o++] = hf(24, fl(i), fl(i - 1) * 32 + fl(i + 1), 0, mask);
    out[o++] = hf(25, fl(i - 2) * 32 + fl(i - 1), fl(i), ttag[i]!, mask);
    out[o++] = hf(26, c0, ttag[i]!, 0, mask);
    out[o++] = hf(27, tlen[i]!, tpos[i]!, ttag[i]!, mask);
    // foreign run: how many transliteration chars (or ·) around this one
    let run = 0;
    for (let q = i - 1; q >= 0 && q >= i - 4 && (fl(q) & 2 || cls[q + 3] === 6); q--) run++;
    let runR = 0;
    for (let q = i + 1; q < n && q <= i + 4 && (fl(q) & 2 || cls[q + 3] === 6); q++) runR++;
    out[o++] = hf(28, run * 8 + runR, fl(i) & 2, 0, mask);
    out[o++] = hf(29, cm1, c0, ttag[i]!, mask);
    out[o++] = hf(30, cm2, cm1, c0, mask);
    out[o++] = hf(31, c0, cp1, cp2, mask);
    out[o++] = hf(32, cm1, cp1, 0, mask);
    out[o++] = hf(33, tpos[i]!, tprevWord[i]!, 0, mask);
    out[o++] = hf(34, tpos[i]!, tnextWord[i]!, 0, mask);
    out[o++] = hf(35, loc[i]!, c0, 0, mask);
    out[o++] = hf(36, fl(i) & 7, cp1, cls[p + 2]!, mask);
  }
}
