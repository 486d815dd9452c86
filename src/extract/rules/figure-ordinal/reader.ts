/**
 * The ordinal reader: a numeral after 第 with a counter of
 * pipelines/lexicon/figure-ordinal-units.txt (第3名, 第十届, 第二批), a bare
 * 第一 after a rank word of figure-rank-before.txt (排名第一), and ranks after
 * 排名前, 位居前 … (排名前三: atMost 3). 第三方, 第一时间 are no figures.
 */
import type { FigureHit } from '../../rule.js';
import { readNumeral, SPACES_LONE_FORMAL, LONE_FORMAL } from '../../figures/numerals.js';
import { wordList } from '../../../core/lists.js';
import { fromLists, orderedAlternation } from '../../figures/tables.js';
import { figure, listTable, readAll, type Reading, type Readings, type ScanOptions } from '../../figures/reading.js';

const units = listTable(() => wordList('figure-ordinal-units').map((u) => [u, u] as [string, string]));
const rankBefore = fromLists(() => new RegExp(orderedAlternation(wordList('figure-rank-before')) + '$'));

/** 第3名, 第十届; 排名第一. */
function ordinalAt(text: string, r: Reading, opt: ScanOptions): FigureHit | null {
  const i = r.i;
  const num = readNumeral(text, i, opt.spaces ? SPACES_LONE_FORMAL : LONE_FORMAL);
  if (!num || num.vague || !Number.isInteger(num.value)) return null;
  const u = units().at(text, num.end);
  if (u) {
    const after = text[num.end + u[0].length];
    // 第二大 / 第一大: rank; 第一次 … ok; 第三方, 第一时间: no unit, no figure
    if (u[0] === '季' || (u[0] === '大' && after === '学')) return null;
    if (u[0] === '代' && after === '表') return null;
    return figure(i - 1, num.end + u[0].length, 'ordinal', num.value, null, u[0], 'exact');
  }
  // (全市第一产业增加值: 第一产业 is a sector's name, not a rank in the city)
  if (rankBefore().test(text.slice(Math.max(0, i - 4), i - 1)) && !text.startsWith('产业', num.end)) return figure(i - 1, num.end, 'ordinal', num.value, null, null, 'exact');
  return null;
}

function readOrdinalAt(text: string, r: Reading, opt: ScanOptions): FigureHit | null {
  if (r.form === 'ordinal') return ordinalAt(text, r, opt);
  if (r.form !== 'rank') return null;
  // 排名前三, 位居前10位
  const num = r.num!;
  let e = num.end;
  if (text[e] === '名' || text[e] === '位') e++;
  return figure(r.start, e, 'ordinal', num.value, null, null, r.qualifier);
}

/** Ordinal figures of a document's readings. */
export const readOrdinal = (rs: Readings): FigureHit[] => readAll(rs, readOrdinalAt);
