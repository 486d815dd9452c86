/**
 * The pipeline's own base dictionary for jieba: jieba's dictionary without its
 * rare common words.
 *
 * cppjieba builds one trie node map per dictionary character; its 349k-word
 * dictionary costs about 225 MB in every thread that loads it. Half of those
 * words occur fewer than four times in jieba's source counts (rare idioms,
 * long compounds, rare personal names). Dropping them, while keeping
 *   - every word whose tag names a place, organisation, other proper name,
 *     transliteration or abbreviation (keepTags), and
 *   - every word a keep-list file names (the gazetteers the rules match
 *     tokens against: 总干事, 行政长官 must stay single tokens),
 * halves the memory and speeds tagging up, and changes segmentation only
 * where a dropped word would have been chosen:
 *   - the dropped words' counts go to one sentinel entry, so the frequency
 *     total, and so every kept word's weight, is unchanged;
 *   - a second sentinel keeps the smallest count, which cppjieba uses for
 *     characters outside the dictionary;
 *   - user-dictionary lines without a count get cppjieba's default (the
 *     median count of the full dictionary) written out, because the median
 *     of the smaller dictionary would differ.
 * The derived files are written once per content hash under a cache folder
 * (atomically: several threads may race to write them).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { NewsError } from '../core/errors.js';

export interface BaseDictionarySpec {
  /** words seen fewer times than this in jieba's counts are dropped (0 or 1: keep all) */
  minFreq: number;
  /** words with these part-of-speech tags are kept whatever their count */
  keepTags: readonly string[];
  /** absolute paths of word lists (whitespace-separated words, # comments) whose words are kept */
  keepFiles: readonly string[];
}


export interface DerivedDictionaries {
  /** the main dictionary to pass to jieba */
  dict: string;
  /** user dictionaries, '|'-joined, to pass to jieba */
  userDict: string;
  /** statistics of the derivation (for tests and docs) */
  stats: { sourceWords: number; keptWords: number; droppedMass: number; medianFreq: number; minFreq: number };
}

const CACHE_ROOTS = [fileURLToPath(new URL('../../node_modules/.cache/zhnews/', import.meta.url)), join(tmpdir(), 'zhnews-cache')];

/** Words of a keep-list file: whitespace-separated, `#` starts a comment. */
export function listWords(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new NewsError('E_DICT', file, 'word list not found or unreadable');
  }
  const out: string[] = [];
  for (const line of text.split('\n')) {
    for (const w of line.replace(/#.*$/u, '').trim().split(/\s+/u)) if (w) out.push(w);
  }
  return out;
}

/** cppjieba's tag for a word listed without one (PosTagger::SpecialRule). */
export function untaggedTag(word: string): string {
  const runes = [...word];
  let m = 0;
  let eng = 0;
  for (let i = 0; i < runes.length && eng < Math.floor(runes.length / 2); i++) {
    const c = runes[i]!.codePointAt(0)!;
    if (c < 0x80) {
      eng++;
      if (c >= 0x30 && c <= 0x39) m++;
    }
  }
  if (eng === 0) return 'x';
  return m === eng ? 'm' : 'eng';
}

interface Entry {
  word: string;
  freq: number;
  tag: string;
  line: string;
}

/** A main dictionary's entries ("word count tag" lines), in file order. */
export function parseMain(file: string, text: string): Entry[] {
  const out: Entry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const parts = line.split(' ');
    if (parts.length !== 3) throw new NewsError('E_DICT', file, `base dictionary line is not "word count tag": ${line.slice(0, 80)}`);
    out.push({ word: parts[0]!, freq: Number(parts[1]), tag: parts[2]!, line });
  }
  return out;
}

/**
 * A user dictionary line as cppjieba reads it: "word", "word tag" or
 * "word count tag" (count and tag absent when not given); null for a line it skips.
 */
export function userLine(line: string): { word: string; freq?: number; tag?: string } | null {
  if (!line) return null;
  const parts = line.split(' ');
  if (parts.length === 1) return { word: parts[0]! };
  if (parts.length === 2) return { word: parts[0]!, tag: parts[1]! };
  if (parts.length === 3) return { word: parts[0]!, freq: Number(parts[1]), tag: parts[2]! };
  return null;
}

/** A user dictionary with every line given a count (and a tag): "word" and "word tag" lines get `median`. */
function completeUserLines(text: string, median: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const u = userLine(line);
    if (!u) {
      if (line) out.push(line);
      continue;
    }
    out.push(u.freq === undefined ? `${u.word} ${median} ${u.tag ?? untaggedTag(u.word)}` : line);
  }
  return out.join('\n') + '\n';
}

function writeOnce(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  if (existsSync(path)) return path;
  const tmp = `${path}.${process.pid}.${threadId}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
  return path;
}

/** A file of that name already in one of the cache folders, if any. */
export function findCached(name: string): string | undefined {
  for (const dir of CACHE_ROOTS) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** The first writable cache folder (NewsError E_DICT when there is none). */
export function cacheDir(): string {
  for (const dir of CACHE_ROOTS) {
    try {
      mkdirSync(dir, { recursive: true });
      const probe = join(dir, `.probe.${process.pid}.${threadId}`);
      writeFileSync(probe, '');
      renameSync(probe, join(dir, '.probe'));
      return dir;
    } catch {
      // not writable: try the next place
    }
  }
  throw new NewsError('E_DICT', CACHE_ROOTS.join(', '), 'no writable folder for the derived base dictionary');
}

/**
 * The main and user dictionary files to load for `spec`. With nothing to
 * drop, jieba's own files are returned unchanged.
 */
export function deriveDictionaries(spec: BaseDictionarySpec, sourceDict: string, userDicts: readonly string[]): DerivedDictionaries {
  // Deriving reads and sorts jieba's 5 MB dictionary (~0.4 s); every worker
  // thread of every run asks, so look for an earlier derivation from the same
  // inputs first (the key covers the source file's identity and every input's content).
  if (spec.minFreq > 0) {
    const key = inputsKey(spec, sourceDict, userDicts);
    if (key) {
      for (const dir of CACHE_ROOTS) {
        const meta = join(dir, `derived-${key}.json`);
        if (!existsSync(meta)) continue;
        try {
          const found = JSON.parse(readFileSync(meta, 'utf8')) as DerivedDictionaries;
          if (found.dict === sourceDict || (existsSync(found.dict) && existsSync(found.userDict.split('|')[0]!))) return found;
        } catch {
          // unreadable: derive again
        }
      }
      const derived = derive(spec, sourceDict, userDicts);
      try {
        writeOnce(cacheDir(), `derived-${key}.json`, JSON.stringify(derived));
      } catch {
        // no cache: derive next time too
      }
      return derived;
    }
  }
  return derive(spec, sourceDict, userDicts);
}

/** A hash of everything a derivation depends on, or null when a file cannot be read. */
function inputsKey(spec: BaseDictionarySpec, sourceDict: string, userDicts: readonly string[]): string | null {
  try {
    const h = createHash('sha256');
    const st = statSync(sourceDict);
    h.update(JSON.stringify({ v: 1, spec, sourceDict, size: st.size, mtime: st.mtimeMs }));
    for (const f of [...spec.keepFiles, ...userDicts]) h.update('\0').update(f).update('\0').update(readFileSync(f));
    return h.digest('hex').slice(0, 24);
  } catch {
    return null;
  }
}

function derive(spec: BaseDictionarySpec, sourceDict: string, userDicts: readonly string[]): DerivedDictionaries {
  let sourceText: string;
  try {
    sourceText = readFileSync(sourceDict, 'utf8');
  } catch {
    throw new NewsError('E_DICT', sourceDict, 'jieba base dictionary not found or unreadable');
  }
  const entries = parseMain(sourceDict, sourceText);
  const freqs = entries.map((e) => e.freq).sort((a, b) => a - b);
  const minFreq = freqs[0] ?? 1;
  const medianFreq = freqs[Math.floor(freqs.length / 2)] ?? 1;
  const userTexts = userDicts.map((f) => {
    try {
      return readFileSync(f, 'utf8');
    } catch {
      throw new NewsError('E_DICT', f, 'user dictionary not found or unreadable');
    }
  });
  const stats = { sourceWords: entries.length, keptWords: entries.length, droppedMass: 0, medianFreq, minFreq };
  if (spec.minFreq <= minFreq) return { dict: sourceDict, userDict: userDicts.join('|'), stats };

  const keepTags = new Set(spec.keepTags);
  const keepWords = new Set<string>();
  for (const f of spec.keepFiles) for (const w of listWords(f)) keepWords.add(w);
  const kept: string[] = [];
  let dropped = 0;
  for (const e of entries) {
    if (e.freq >= spec.minFreq || keepTags.has(e.tag) || keepWords.has(e.word)) kept.push(e.line);
    else dropped += e.freq;
  }
  // private-use characters: never in real text. The smallest count is part of the dropped mass.
  kept.push(`\u{e000}\u{e002} ${minFreq} x`);
  if (dropped > minFreq) kept.push(`\u{e000}\u{e001} ${dropped - minFreq} x`);
  const dictContent = kept.join('\n') + '\n';
  const userContent = userTexts.map((t) => completeUserLines(t, medianFreq)).join('');

  const hash = createHash('sha256').update(dictContent).update('\0').update(userContent).digest('hex').slice(0, 16);
  const dir = cacheDir();
  return {
    dict: writeOnce(dir, `base-${hash}.dict.utf8`, dictContent),
    userDict: writeOnce(dir, `user-${hash}.dict.utf8`, userContent),
    stats: { ...stats, keptWords: kept.length, droppedMass: dropped },
  };
}
