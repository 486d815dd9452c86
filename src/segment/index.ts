/**
 * jieba segmentation with the pipeline's own user dictionaries.
 *
 * nodejieba's dictionaries are process-global (per worker thread) and cppjieba
 * aborts the whole process on a missing file, so dictionaries are checked here
 * first and loaded once per distinct configuration. Tokens come back as bare
 * strings; we walk them along the text to recover offsets and assert that
 * they join back to it.
 *
 * Part-of-speech tags: cppjieba's tag() is its cut() (with HMM) followed by an
 * exact dictionary lookup of each word, the last entry loaded winning, and a
 * fixed rule for words not in the dictionary (PosTagger::LookupTag). Building
 * {word, tag} objects in the addon made tag() cost twice what cut() does, so
 * we cut and look the tags up here in a map read from the same dictionary
 * files (tests/segment/tags.test.ts checks both ways agree on the corpus).
 */
import { createRequire } from 'node:module';
import { accessSync, constants, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { Token } from '../core/types.js';
import { NewsError } from '../core/errors.js';
import { cacheDir, deriveDictionaries, findCached, untaggedTag, userLine, type BaseDictionarySpec } from './base-dict.js';
import { TagTable } from './tag-table.js';

interface Jieba {
  load(opts: { dict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): unknown;
  tag(text: string): Array<{ word: string; tag: string }>;
  cut(text: string, hmm?: boolean): string[];
}

const require = createRequire(import.meta.url);

/**
 * jieba's keyword extractor (never used here) would load a 6 MB IDF table and
 * stop-word list into every thread; these one-line files keep that memory out.
 */
const MIN_IDF = fileURLToPath(new URL('./min/idf.utf8', import.meta.url));
const MIN_STOP = fileURLToPath(new URL('./min/stop_words.utf8', import.meta.url));
let jieba: Jieba | undefined;
let loadedKey: string | undefined;
/** word -> tag, as cppjieba's trie holds them ('' : no tag given) */
let tags: TagTable = new TagTable();

/** How many of the most frequent words the small tag map holds. */
const HOT_WORDS = 8192;

/**
 * The tag of each dictionary word, read like cppjieba reads the files: main
 * dictionary lines are "word count tag"; user dictionary lines "word",
 * "word tag" or "word count tag"; a later entry for a word replaces an earlier
 * one. Also the `hotWords` words with the highest counts, with their final tags.
 */
export function readTagMap(mainDict: string, userDicts: string, hotWords = HOT_WORDS): { all: TagTable; hot: Map<string, string> } {
  const { table, hot } = buildTagTable(mainDict, userDicts, hotWords);
  return { all: table, hot: hotMap(table, hot) };
}

/**
 * The table and the word numbers of the hot words, most frequent first (ties
 * in file order). The main dictionary is walked line by line without
 * splitting it or keeping an object per word: 350k of those cost a worker
 * ~60 MB of heap at start-up.
 */
function buildTagTable(mainDict: string, userDicts: string, hotWords: number): { table: TagTable; hot: Uint32Array } {
  const table = new TagTable();
  const text = readFileSync(mainDict, 'utf8');
  // per main-dictionary line: the word's number in the table and its count
  let ids = new Uint32Array(1 << 18);
  let freqs = new Float64Array(1 << 18);
  let n = 0;
  for (let p = 0; p < text.length; ) {
    let e = text.indexOf('\n', p);
    if (e < 0) e = text.length;
    if (e > p) {
      const s1 = text.indexOf(' ', p);
      const s2 = s1 < 0 || s1 >= e ? -1 : text.indexOf(' ', s1 + 1);
      const s3 = s2 < 0 || s2 >= e ? -1 : text.indexOf(' ', s2 + 1);
      if (s2 < 0 || s2 >= e || (s3 >= 0 && s3 < e)) {
        throw new NewsError('E_DICT', mainDict, `base dictionary line is not "word count tag": ${text.slice(p, e).slice(0, 80)}`);
      }
      if (n === ids.length) {
        const i2 = new Uint32Array(n * 2);
        i2.set(ids);
        ids = i2;
        const f2 = new Float64Array(n * 2);
        f2.set(freqs);
        freqs = f2;
      }
      ids[n] = table.set(text.slice(p, s1), text.slice(s2 + 1, e));
      freqs[n++] = Number(text.slice(s1 + 1, s2));
    }
    p = e + 1;
  }
  for (const f of userDicts.split(/[|;]/u)) {
    if (!f) continue;
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      const u = userLine(line);
      if (u) table.set(u.word, u.tag ?? '');
    }
  }
  // the words with the highest counts (first line first among equal counts)
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => freqs[b]! - freqs[a]! || a - b);
  const seen = new Uint8Array(table.size);
  const hot: number[] = [];
  for (let i = 0; i < n && hot.length < hotWords; i++) {
    const k = ids[order[i]!]!;
    if (seen[k]) continue;
    seen[k] = 1;
    hot.push(k);
  }
  return { table: table.compact(), hot: Uint32Array.from(hot) };
}

function hotMap(table: TagTable, hot: Uint32Array): Map<string, string> {
  const m = new Map<string, string>();
  for (const k of hot) {
    const [w, t] = table.entry(k);
    m.set(w, t);
  }
  return m;
}

/**
 * readTagMap through a cache: the built table as a byte image
 * (TagTable.toImage) in the derived-dictionary cache folder, named by a hash
 * of the dictionaries' contents, so a worker reads it in milliseconds instead
 * of building it (~0.5 s of CPU) and the short-lived garbage of building never
 * inflates its heap. Without a writable cache it builds as before.
 */
export function loadTagMap(mainDict: string, userDicts: string, hotWords = HOT_WORDS): { all: TagTable; hot: Map<string, string> } {
  const h = createHash('sha256').update(`tag-image\0${hotWords}\0`).update(readFileSync(mainDict));
  for (const f of userDicts.split(/[|;]/u)) if (f) h.update('\0').update(readFileSync(f));
  const name = `tags-${h.digest('hex').slice(0, 24)}.bin`;
  const found = findCached(name);
  if (found) {
    let bytes: Uint8Array = readFileSync(found);
    // typed-array views need 4-byte alignment (a file this size is read into a buffer of its own)
    if (bytes.byteOffset % 4 !== 0) bytes = new Uint8Array(bytes);
    const img = TagTable.fromImage(bytes);
    if (img) return { all: img.table, hot: hotMap(img.table, img.extra) };
  }
  const { table, hot } = buildTagTable(mainDict, userDicts, hotWords);
  try {
    const dir = cacheDir();
    // written under a temporary name and renamed: workers may race to write it
    writeFileSync(join(dir, `${name}.${process.pid}.${threadId}.tmp`), table.toImage(hot));
    renameSync(join(dir, `${name}.${process.pid}.${threadId}.tmp`), join(dir, name));
  } catch {
    // no cache: build again next time
  }
  return { all: table, hot: hotMap(table, hot) };
}

/**
 * The most frequent words' tags in a small map that stays in the CPU cache:
 * most tokens are common words, and a lookup in the 170k-word map costs a
 * cache miss (measured: the big map alone was a fifth of segmentation time).
 */
let hotTags: Map<string, string> = new Map();

/**
 * The tags of one-character words by character code, filled as they are met:
 * a third of the tokens of news text are one character (punctuation, 的, 在),
 * and an array read costs less than hashing the string for a map.
 */
let singleTags: Array<string | undefined> = new Array<string | undefined>(65536).fill(undefined);

/**
 * The tags of words of two to four code units (nine tokens in ten of news
 * text that are not one character) by their code units, filled as they are
 * met: an open-addressing table of two 32-bit keys, a length and a tag number
 * per slot. jieba hands back a fresh string for every token, so a Map lookup
 * first hashes the string and then compares it; here the code units are the
 * key and no string is hashed. Only a cache: when it is half full, further
 * words are looked up the long way.
 */
const SHORT_SLOTS = 1 << 17;
let shortKeys = new Uint32Array(SHORT_SLOTS * 2);
/** per slot: the word's length (0: empty slot) and its tag number */
let shortLens = new Uint8Array(SHORT_SLOTS);
let shortTags = new Uint8Array(SHORT_SLOTS);
let shortCount = 0;
let tagNames: string[] = [];
const tagNumbers = new Map<string, number>();

function resetTagCaches(): void {
  singleTags = new Array<string | undefined>(65536).fill(undefined);
  shortKeys = new Uint32Array(SHORT_SLOTS * 2);
  shortLens = new Uint8Array(SHORT_SLOTS);
  shortTags = new Uint8Array(SHORT_SLOTS);
  shortCount = 0;
  tagNames = [];
  tagNumbers.clear();
}

/** cppjieba's tag for a word: its dictionary tag, else the rule for unknown words. */
export function tagOf(word: string): string {
  const n = word.length;
  if (n === 1) {
    const c = word.charCodeAt(0);
    return singleTags[c] ?? (singleTags[c] = lookupTag(word));
  }
  return n <= 4 ? shortTag(word, n) : lookupTag(word);
}

function shortTag(word: string, n: number): string {
  const k1 = ((word.charCodeAt(0) << 16) | word.charCodeAt(1)) >>> 0;
  const k2 = n === 2 ? 0 : n === 3 ? word.charCodeAt(2) : ((word.charCodeAt(2) << 16) | word.charCodeAt(3)) >>> 0;
  const mask = SHORT_SLOTS - 1;
  let i = (Math.imul(k1 ^ Math.imul(k2, 0x85ebca6b), 0x9e3779b1) >>> 15) & mask;
  for (;;) {
    const len = shortLens[i]!;
    if (len === 0) break;
    if (len === n && shortKeys[2 * i] === k1 && shortKeys[2 * i + 1] === k2) return tagNames[shortTags[i]!]!;
    i = (i + 1) & mask;
  }
  const tag = lookupTag(word);
  if (shortCount * 2 < SHORT_SLOTS) {
    let t = tagNumbers.get(tag);
    if (t === undefined && tagNames.length < 256) {
      t = tagNames.length;
      tagNames.push(tag);
      tagNumbers.set(tag, t);
    }
    if (t !== undefined) {
      shortKeys[2 * i] = k1;
      shortKeys[2 * i + 1] = k2;
      shortLens[i] = n;
      shortTags[i] = t;
      shortCount++;
    }
  }
  return tag;
}

function lookupTag(word: string): string {
  const t = hotTags.get(word) ?? tags.get(word);
  return t ? t : untaggedTag(word);
}


/** Which dictionaries a thread's jieba runs with: user dictionaries (absolute paths) and the base dictionary's derivation. */
export interface SegmenterSpec {
  userDicts: readonly string[];
  /** undefined: jieba's own dictionary, whole */
  base?: BaseDictionarySpec;
}

/** Load jieba with the given dictionaries. Idempotent per spec; dictionaries are process-global (per thread). */
export function loadDictionaries(s: SegmenterSpec): void {
  const key = JSON.stringify([s.userDicts, s.base ?? null]);
  if (jieba && loadedKey === key) return;
  if (loadedKey !== undefined && loadedKey !== key) {
    throw new Error('segment: jieba is already loaded with other dictionaries in this thread (dictionaries are process-global)');
  }
  for (const file of s.userDicts) {
    try {
      accessSync(file, constants.R_OK);
    } catch {
      throw new NewsError('E_DICT', file, 'user dictionary not found or unreadable');
    }
  }
  const j = require('nodejieba') as Jieba & { DEFAULT_DICT: string; DEFAULT_USER_DICT: string };
  const userDicts = [j.DEFAULT_USER_DICT, ...s.userDicts];
  const files = s.base ? deriveDictionaries(s.base, j.DEFAULT_DICT, userDicts) : { dict: j.DEFAULT_DICT, userDict: userDicts.join('|') };
  j.load({ dict: files.dict, userDict: files.userDict, idfDict: MIN_IDF, stopWordDict: MIN_STOP });
  ({ all: tags, hot: hotTags } = loadTagMap(files.dict, files.userDict));
  resetTagCaches();
  jieba = j;
  loadedKey = key;
}

function ensureLoaded(): Jieba {
  if (!jieba) loadDictionaries({ userDicts: [] });
  return jieba!;
}

/**
 * Segment and POS-tag `text` between [from, to) (default: all), returning
 * tokens with offsets in `text`'s coordinates. Whitespace is not a token.
 * jieba never glues words across paragraphs: a line break is one of
 * cppjieba's separators (SPECIAL_SEPARATORS: space, tab, line break, ，and 。),
 * so it cuts the text between two of them on its own, and one call over the
 * whole span gives the tokens of one call per line, line breaks as tokens of
 * their own (dropped here as whitespace), for one call and one string instead
 * of one per line.
 */
export function segment(text: string, from = 0, to = text.length): Token[] {
  const j = ensureLoaded();
  const tokens: Token[] = [];
  if (to > from) tagSpan(j, text, from, to, tokens);
  return tokens;
}

function tagSpan(j: Jieba, text: string, start: number, end: number, out: Token[]): void {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  let pos = 0;
  for (const word of j.cut(slice, true)) {
    if (word.length === 0) continue;
    let at = pos;
    if (!slice.startsWith(word, pos)) {
      at = slice.indexOf(word, pos);
      if (at < 0) throw new Error(`segment: token ${JSON.stringify(word)} not found after offset ${start + pos}`);
      if (slice.slice(pos, at).trim() !== '') {
        throw new Error(`segment: tokens do not join back to the text at offset ${start + pos}`);
      }
    }
    pos = at + word.length;
    if (isBlank(word)) continue;
    out.push({ text: word, tag: tagOf(word), start: start + at, end: start + pos });
  }
  if (slice.slice(pos).trim() !== '') throw new Error(`segment: text left unsegmented at offset ${start + pos}`);
}

/** Code units that String.prototype.trim removes (1), computed from trim itself. */
const TRIMMED = (() => {
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) if (String.fromCharCode(c).trim() === '') t[c] = 1;
  return t;
})();

/** word.trim() === '', deciding on the first code unit for almost every word. */
function isBlank(word: string): boolean {
  return TRIMMED[word.charCodeAt(0)] === 1 && word.trim() === '';
}

/** Space-joined tokens of a span, for the full-text index. */
export function joinTokens(tokens: readonly Token[], start: number, end: number): string {
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.start >= start && t.end <= end) parts.push(t.text);
  }
  return parts.join(' ');
}

/**
 * The space-joined tokens of each sentence (what the full-text index stores),
 * in one walk over both sorted lists.
 */
export function sentenceTokenStrings(tokens: readonly Token[], sentences: ReadonlyArray<{ start: number; end: number }>): string[] {
  const out: string[] = [];
  let t = 0;
  for (const sen of sentences) {
    while (t < tokens.length && tokens[t]!.end <= sen.start) t++;
    const parts: string[] = [];
    for (let u = t; u < tokens.length && tokens[u]!.start < sen.end; u++) {
      if (tokens[u]!.start >= sen.start && tokens[u]!.end <= sen.end) parts.push(tokens[u]!.text);
    }
    out.push(parts.join(' '));
  }
  return out;
}
