/**
 * Character classes shared by the normalize passes. All tests are on UTF-16
 * code units; every class used here lives in the BMP.
 */

/** Han ideographs (URO + ext A + compatibility) and the CJK marks 〇々. */
export function isHan(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007 ||
    c === 0x3005
  );
}

/** Full-width / CJK punctuation and symbols that live in Chinese text. */
export function isCjkPunct(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) || // 、。〈〉《》「」『』【】〔〕…
    (c >= 0xff01 && c <= 0xff0f) || // ！＂＃…／
    (c >= 0xff1a && c <= 0xff20) || // ：；＜＝＞？＠
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) || // ｛｜｝～
    (c >= 0x2010 && c <= 0x2027) || // dashes, curly quotes, …, ‧
    c === 0x22ef || // ⋯
    c === 0x00b7 || // ·
    (c >= 0x2160 && c <= 0x217f) || // Ⅰ Ⅱ roman numerals (print with Han)
    (c >= 0x25a0 && c <= 0x25ff) // ■□●
  );
}

/** Anything that reads as part of Chinese text (Han or its punctuation). */
export function isCjk(c: number): boolean {
  return isHan(c) || isCjkPunct(c);
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isLatin(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || isLatin(c);
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x2007 || c === 0x202f;
}

/** Display width in half-width units: CJK 2, everything else 1. */
export function widthOf(s: string, start = 0, end = s.length): number {
  let w = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) continue;
    // Han counts 2; punctuation 1 (print compresses it and converters mix
    // half- and full-width forms); ASCII 1.
    w += c >= 0x3400 && isHan(c) ? 2 : 1;
  }
  return w;
}

/** Script class of a character, used to cut lines into runs. */
export const enum Cls {
  Han = 1,
  Digit = 2,
  Latin = 3,
  Punct = 4,
  Space = 5,
  Other = 6,
}

export function clsOf(c: number): Cls {
  if (isHan(c)) return Cls.Han;
  if (isDigit(c)) return Cls.Digit;
  if (isLatin(c)) return Cls.Latin;
  if (isSpace(c)) return Cls.Space;
  if (isCjkPunct(c) || (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e)) return Cls.Punct;
  return Cls.Other;
}

/** Sentence-final marks (a paragraph may end after one of these). */
export const FINAL_RE = /(?:[。！？!?…⋯]|\.{3}|……)[”’"'」』）)》]*$/;
