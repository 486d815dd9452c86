/**
 * Which jieba words are made of one-character place abbreviations, shared by
 * entity-loc-abbrev (which emits them) and entity-model (which keeps its own
 * one-character places inside these words and no others):
 * - a chain: two to four abbreviations of the same level, no character twice,
 *   at least one of them not among the weak ones (place-abbrev-weak: 以, 新,
 *   加 are more often ordinary characters) (中美, 中日韩, 京津冀, 粤港澳, 港台,
 *   巴以); each character is a place;
 * - a people word: one abbreviation and a morpheme for its side, people,
 *   businesses or forces (中方, 台胞, 港人, 台资, 美军); the first character is
 *   a place.
 * - a visit: a movement verb (place-move-verbs) and a strong abbreviation
 *   read by jieba as one word (访美, 赴港, 来华); the second character is a place.
 * A word the gazetteer knows as one place (巴西, 辽宁) is no chain, and the
 * ordinary words of place-abbrev-not-words (西方, 老人, 非法) are neither.
 */
import { lexicon } from '../../entities/lexicon.js';
import { wordList } from '../../../core/lists.js';
import { perLexicon } from '../../entities/word-lists.js';

export const abbrevTables = perLexicon(() => {
  const country = new Set(wordList('place-country-abbrevs'));
  const province = new Set(wordList('place-province-abbrevs'));
  const move = new Set(wordList('place-move-verbs'));
  const people = new Set(wordList('place-abbrev-people-morphemes'));
  const single = (e: string): boolean => e.length > 0 && e.length === String.fromCodePoint(e.codePointAt(0)!).length;
  // the code points an abbreviation word can start with: every reading below needs its first
  // character to be an abbreviation or a movement verb (one code point each)
  const first = new Set<number>();
  for (const set of [country, province, move]) for (const e of set) if (single(e)) first.add(e.codePointAt(0)!);
  // the same as a table by first code unit (a character beyond the BMP marks its high surrogate):
  // a word whose first code unit is not marked starts no reading
  const firstUnits = new Uint8Array(65536);
  for (const c of first) firstUnits[String.fromCodePoint(c).charCodeAt(0)] = 1;
  // and their second character an abbreviation or a people morpheme
  const second = new Set<number>();
  for (const set of [country, province, people]) for (const e of set) if (single(e)) second.add(e.codePointAt(0)!);
  return {
    country,
    province,
    people,
    not: new Set(wordList('place-abbrev-not-words')),
    weak: new Set(wordList('place-abbrev-weak')),
    move,
    first,
    firstUnits,
    second,
  };
});

export type AbbrevWord = 'chain' | 'people' | 'visit';

/** The kind of abbreviation word `w` is, or null for any other word. */
export function abbrevWord(w: string): AbbrevWord | null {
  if (w.length < 2 || w.length > 4) return null;
  const t = abbrevTables();
  // most words start with no abbreviation and no movement verb: no reading applies
  const c0 = w.codePointAt(0)!;
  if (!t.first.has(c0)) return null;
  const c1 = w.codePointAt(c0 > 0xffff ? 2 : 1);
  if (c1 !== undefined && !t.second.has(c1)) return null;
  if (t.not.has(w)) return null;
  const chars = [...w];
  if (new Set(chars).size === chars.length && !lexicon().loc.has(w) && chars.some((c) => !t.weak.has(c))) {
    if (chars.every((c) => t.country.has(c)) || chars.every((c) => t.province.has(c))) return 'chain';
  }
  if (chars.length === 2 && (t.country.has(chars[0]!) || t.province.has(chars[0]!)) && t.people.has(chars[1]!)) return 'people';
  // 访美, 赴港, 来华: a movement verb and a strong abbreviation read as one word
  if (chars.length === 2 && t.move.has(chars[0]!) && !t.weak.has(chars[1]!) && (t.country.has(chars[1]!) || t.province.has(chars[1]!))) return 'visit';
  return null;
}

/** Whether character `i` of the jieba word `w` is a place by the reading above. */
export function abbrevPlaceAt(w: string, i: number): boolean {
  const kind = abbrevWord(w);
  return kind === 'chain' || (kind === 'people' && i === 0) || (kind === 'visit' && i === 1);
}
