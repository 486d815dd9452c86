/**
 * Pass `numbering`: a top-level heading numbered with an Arabic digit
 * ("3、保障措施") among siblings numbered 一、二、 takes the Chinese numeral.
 * Only when the document's 、-headings are mostly Chinese-numbered.
 */
import { EditBuilder } from '../core/offsets.js';
import { RepairLog, decision, forEachLine, unchanged, type PassResult } from './pass.js';

const CN_HEAD_RE = /^[一二三四五六七八九十]{1,3}、/;
const DIGIT_HEAD_RE = /^(\d{1,2})、/;
const DIGITS = '〇一二三四五六七八九';
/** The numerals CN_HEAD_RE starts with. */
const CN_NUMERALS = '一二三四五六七八九十';

export function toChineseNumeral(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]!) + '十' + (ones ? DIGITS[ones]! : '');
}

const CN_VALUE: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnValue(s: string): number {
  // 一..十, 十一..十九, 二十..九十九
  if (s.length === 1) return CN_VALUE[s] ?? 0;
  if (s[0] === '十') return 10 + (CN_VALUE[s[1]!] ?? 0);
  const tens = CN_VALUE[s[0]!] ?? 0;
  return s[1] === '十' ? tens * 10 + (s.length > 2 ? (CN_VALUE[s[2]!] ?? 0) : 0) : 0;
}

/**
 * A digit heading "n、Title" is a mis-numbered sibling of the Chinese-numbered
 * headings when: it is short and unpunctuated like a heading, a Chinese
 * heading with a smaller number exists, none with number n exists, and no
 * other digit heading with a smaller number exists (then it belongs to an
 * Arabic-numbered list of its own).
 */
export function numbering(input: string): PassResult {
  if (!input.includes('、')) return unchanged(input);
  const cn = new Set<number>();
  const digitHeads: Array<{ at: number; digits: string; n: number; heading: boolean }> = [];
  forEachLine(input, (start, end) => {
    const c = input.charCodeAt(start);
    if (c >= 0x30 && c <= 0x39) {
      const m = DIGIT_HEAD_RE.exec(input.slice(start, Math.min(end, start + 4)));
      if (m) {
        const title = input.slice(start + m[0].length, end);
        digitHeads.push({ at: start, digits: m[1]!, n: Number(m[1]), heading: title.length <= 20 && !/[，。；！？]/.test(title) });
      }
    } else if (CN_NUMERALS.includes(input[start]!)) {
      // (only a line that starts with a numeral can be a 一、 heading)
      const m = CN_HEAD_RE.exec(input.slice(start, Math.min(end, start + 4)));
      if (m) cn.add(cnValue(m[0].slice(0, -1)));
    }
  });
  const minDigit = Math.min(...digitHeads.map((d) => d.n));
  const todo = digitHeads.filter(
    (d) => d.heading && !cn.has(d.n) && [...cn].some((v) => v > 0 && v < d.n) && d.n === minDigit && digitHeads.filter((x) => x.n === d.n).length === 1,
  );
  if (todo.length === 0) return unchanged(input);
  const b = new EditBuilder(input);
  const log = new RepairLog('numbering');
  for (const d of todo) {
    const out = toChineseNumeral(d.n);
    b.keepTo(d.at);
    b.replace(d.digits.length, out);
    log.add('n', d.at, d.at + d.digits.length, d.digits, out);
  }
  const { text, map } = b.finish();
  const messages = todo.map((d) =>
    decision('numbering', 'I_MISNUMBERED_HEADING', `heading "${d.digits}、" among Chinese-numbered siblings renumbered in {lines}`, d.at, d.at + d.digits.length),
  );
  return { text, map, repairs: log.list, messages };
}
