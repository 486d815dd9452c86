/**
 * Readings on a scale, which news gives with 级: an earthquake's magnitude
 * (6.8级地震, 里氏5级左右的余震) and wind force on the Beaufort scale
 * (12级台风, 阵风8至10级, 风力达到9级以上). The scale is told by what follows
 * (or, for wind, by 风力/阵风 before); a bare 3级 (a rank, a level) is no reading.
 */
import type { FigureHit, FigureRule } from '../../rule.js';
import type { Qualifier } from '../../../core/types.js';
import { readNumeral } from '../../figures/numerals.js';

const QUAKE_AFTER = /^(?:以上|以下|左右)?(?:的)?(?:强烈|浅源|中强|强|大)?(?:地震|余震|强震|震)/u;
const WIND_AFTER = /^(?:以上|以下|左右)?(?:的)?(?:大风|阵风|狂风|强风|风力|台风|强台风|超强台风|飓风|龙卷风|风)/u;
const WIND_BEFORE = /(?:风力|阵风|风力达|风力达到|阵风达|阵风达到|风力为|最大风力|最大风力达|最大风力达到)$/u;
const RANGE_SEP = /^[至到~～—–-]/u;

interface Reading {
  start: number;
  end: number;
  value: number;
  valueMax: number | null;
}

/** A numeral ending right before 级, optionally a range (8至10级, 8-10级). */
function readingAt(text: string, i: number): Reading | null {
  const a = readNumeral(text, i);
  if (!a || a.end >= text.length) return null;
  if (text[a.end] === '级') return { start: i, end: a.end + 1, value: a.value, valueMax: null };
  // 8至10级: the separator and a second numeral
  if (RANGE_SEP.test(text[a.end]!)) {
    const b = readNumeral(text, a.end + 1);
    if (b && text[b.end] === '级' && b.value > a.value) return { start: i, end: b.end + 1, value: a.value, valueMax: b.value };
  }
  return null;
}

export const rule: FigureRule = {
  id: 'figure-scale',
  version: 1,
  purpose: 'readings on a scale given with 级: earthquake magnitude (6.8级地震) and wind force (12级台风, 阵风8至10级)',
  needs: [],
  emits: 'figure',
  run(ctx) {
    const text = ctx.text;
    const out: FigureHit[] = [];
    for (let k = text.indexOf('级'); k >= 0; k = text.indexOf('级', k + 1)) {
      // the numeral before 级: walk back over digits, Chinese numerals, a decimal point and a range separator
      let s = k;
      while (s > 0 && /[0-9０-９.点一二三四五六七八九十两至到~～—–-]/u.test(text[s - 1]!) && k - s < 12) s--;
      // the reading starts at the first character a numeral can start with
      while (s < k && !/[0-9０-９一二三四五六七八九十两]/u.test(text[s]!)) s++;
      let r: Reading | null = null;
      for (let t = s; t < k && !r; t++) {
        const got = readingAt(text, t);
        if (got && got.end === k + 1) r = got;
      }
      if (!r) continue;
      // a digit or letter glued before the numeral makes it part of something else (V3级, 2023级学生)
      if (/[0-9A-Za-z.]/u.test(text[r.start - 1] ?? '')) continue;
      const after = text.slice(k + 1, k + 8);
      const before = text.slice(Math.max(0, r.start - 6), r.start);
      const quake = QUAKE_AFTER.test(after) || (/里氏$/u.test(before) && !WIND_AFTER.test(after));
      const wind = !quake && (WIND_AFTER.test(after) || WIND_BEFORE.test(before));
      if (!quake && !wind) continue;
      let start = r.start;
      if (quake && /里氏$/u.test(before)) start -= 2;
      let end = r.end;
      let qualifier: Qualifier = r.valueMax !== null ? 'range' : 'exact';
      if (after.startsWith('以上')) {
        qualifier = 'atLeast';
        end += 2;
      } else if (after.startsWith('以下')) {
        qualifier = 'atMost';
        end += 2;
      } else if (after.startsWith('左右')) {
        qualifier = 'approx';
        end += 2;
      }
      // a magnitude above 10 or a wind force above 17 reads no real scale
      if ((quake && r.value > 10) || (wind && r.value > 17)) continue;
      const hit: FigureHit = {
        kind: 'scale',
        start,
        end,
        value: r.value,
        unit: quake ? 'magnitude' : 'Beaufort',
        qualifier,
      };
      if (r.valueMax !== null) hit.valueMax = r.valueMax;
      out.push(hit);
    }
    return out;
  },
};

export default rule;
