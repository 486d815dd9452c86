/**
 * Pass `numbering`: a top-level heading numbered with an Arabic digit
 * ("3、保障措施") among siblings numbered 一、二、 takes the Chinese numeral.
 * Only when the document's 、-headings are mostly Chinese-numbered.
 */
import { EditBuilder } from '../core/offsets.js';
import { RepairLog, forEachLine, unchanged, type PassResult } from './pass.js';

const CN_HEAD_RE = /^[一二三四五六七八九十]{1,3}、/;
const DIGIT_HEAD_RE = /^(\d{1,2})、/;
const DIGITS = '〇一二三四五六七八九';

export function toChineseNumeral(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]!) + '十' + (ones ? DIGITS[ones]! : '');
}

export function numbering(input: string): PassResult {
  if (!input.includes('、')) return unchanged(input);
  const b = new EditBuilder(input);
  const log = new RepairLog('numbering');
  let cn = 0;
  const digitHeads: Array<[number, string]> = [];
  forEachLine(input, (start, end) => {
    const c = input.charCodeAt(start);
    if (c >= 0x30 && c <= 0x39) {
      const m = DIGIT_HEAD_RE.exec(input.slice(start, Math.min(end, start + 4)));
      if (m) digitHeads.push([start, m[1]!]);
    } else if (CN_HEAD_RE.test(input.slice(start, Math.min(end, start + 4)))) cn++;
  });
  if (cn > 0 && digitHeads.length > 0 && digitHeads.length <= cn) {
    for (const [at, digits] of digitHeads) {
      const out = toChineseNumeral(Number(digits));
      b.keepTo(at);
      b.replace(digits.length, out);
      log.add('n', at, at + digits.length, digits, out);
    }
  }
  const { text, map } = b.finish();
  return { text, map, repairs: log.list };
}
