/**
 * The money reader: what follows a numeral is a currency (3000亿元, 1.5亿美元,
 * 3块5毛), or a currency stands before it (￥300, 人民币50元, 港币2960元).
 * Subunits 角/毛/分 and 美分 add to the amount. Value in that currency, unit
 * ISO 4217 (pipelines/lexicon/figure-money-suffix.txt, figure-money-prefix.txt).
 */
import type { FigureHit } from '../../rule.js';
import type { UnitDef } from '../../figures/units.js';
import { moneyPrefix, moneySuffix } from '../../figures/units.js';
import { CN_DIGIT, isCnDigit, isDigitChar, readNumeral, LONE_FORMAL } from '../../figures/numerals.js';
import { completeFigure, figure, listTable, numeralAt, readAll, suffixQual, withUnit, type Reading, type Readings, type ScanOptions, type UnitReader } from '../../figures/reading.js';
import { perUnit } from '../../figures/lexicon.js';
import { fromLists } from '../../figures/tables.js';
import { wordList } from '../../../core/lists.js';

const suffixes = listTable(() => Object.entries(moneySuffix()));
const prefixes = listTable(() => Object.entries(moneyPrefix()));

const SUBUNITS_CNY = [['角', 0.1], ['毛', 0.1], ['分', 0.01]] as const;
const SUBUNITS_USD = [['美分', 0.01]] as const;
const SYMBOL_RE = /^[￥¥€£$]|\$$/;
const KUAI_RE = /^[0-9一二三四五六七八九两][毛角]/;
/** 十二块五, 一块五钱, 两块五一斤: one digit after 块 ending the amount is its tenths (X块Y = X.Y yuan) */
const KUAI_TENTHS_RE = /^([0-9一二三四五六七八九两])(?:钱|(?=[，。、；：！？）”,.;:!?)\s]|一[斤两把个份只张件盒瓶袋碗杯支本次]|$))/;
/** 5角, 8毛 (0.5, 0.8 yuan) and 3毛5 (0.35): a tenth of a yuan after Arabic digits (五角大楼, 三毛 are no money) */
const JIAO_RE = /^[角毛](?![星形大楼])/;
/**
 * 十八块，199块。 一千二百块卖掉: 块 alone is yuan where no noun follows it (the end of a clause, 卖/买,
 * 左右/上下) and a price word stands before it in the clause (售价, 卖, 捐, 一杯: figure-money-kuai-cues),
 * or 卖/买 follow; a count of pieces is cut (切成八块, 分为三块), and a lone 一块 is "together".
 */
const KUAI_ALONE_RE = /^(?:[，。、；：！？）”,.;:!?)\s]|$|[卖买]|左右|上下|多)/;
const KUAI_PIECES_BEFORE = /(?:[切分掰撕拆剁劈碎裂][成为]?|成)$/;
const ASCII_DIGITS_RE = /^[0-9]+$/;

/** The clause before a numeral holds a price word (pipelines/lexicon/figure-money-kuai-cues.txt). */
const escapeRe = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const kuaiCues = fromLists((): RegExp => new RegExp('(?:' + wordList('figure-money-kuai-cues').map(escapeRe).join('|') + ')[^，。；！？\\n]*$'));

function kuaiAlone(text: string, j: number, num: { start: number; end: number }): boolean {
  if (!KUAI_ALONE_RE.test(text.slice(j + 1, j + 3)) || text.slice(num.start, num.end) === '一') return false;
  if (KUAI_PIECES_BEFORE.test(text.slice(Math.max(0, num.start - 2), num.start))) return false;
  // 一千二百块卖掉: the verb after it is the cue
  return /^[卖买]/.test(text.slice(j + 1, j + 2)) || kuaiCues().test(text.slice(Math.max(0, num.start - 24), num.start));
}

/** A currency after the numeral; 块 when 毛/角 follow (3块5毛) or nothing a piece could be of does (十八块，; 3块地 is a count). */
export const moneyAt: UnitReader = (text, j, num) => {
  const m = suffixes().at(text, j);
  if (m) return { kind: 'money', unit: m[1].unit, factor: m[1].factor, len: m[0].length, special: '' };
  if (text[j] === '块' && (KUAI_RE.test(text.slice(j + 1, j + 3)) || KUAI_TENTHS_RE.test(text.slice(j + 1, j + 4)) || kuaiAlone(text, j, num))) return { kind: 'money', unit: 'CNY', factor: 1, len: 1, special: '' };
  const ch = text[j];
  // 5角, 8毛; 五毛 in Chinese numerals as 块 alone is read (只要五毛。): a price word before, no noun after
  if ((ch === '角' || ch === '毛') && JIAO_RE.test(text.slice(j, j + 2)) && (ASCII_DIGITS_RE.test(text.slice(num.start, num.end)) || kuaiAlone(text, j, num)))
    return { kind: 'money', unit: 'CNY', factor: 0.1, len: 1, special: '' };
  return null;
};

/** ￥300, 人民币50元: the currency before the amount. */
function signed(text: string, r: Reading, opt: ScanOptions): FigureHit | null {
  const i = r.i;
  const pre = prefixes().at(text, i);
  if (!pre) return null;
  let j = i + pre[0].length;
  if (opt.spaces) while (text[j] === ' ') j++;
  if (!isDigitChar(text[j]) && !(text[j] !== undefined && isCnDigit(text[j]))) return null;
  const num = numeralAt(text, j, opt);
  if (!num) return null;
  let end = num.end;
  // 人民币50元: the suffix repeats the currency; 港币2960元, 美元50元: a currency name
  // before the amount is the currency, 元 after it only counts
  const suf: [string, UnitDef] | null = suffixes().at(text, end);
  if (suf && (suf[1].unit === pre[1].unit || suf[0] === '元')) end += suf[0].length;
  else if (!SYMBOL_RE.test(pre[0]) && !(num.bigTail || suf)) return null;
  const fig = figure(i, end, 'money', num.value * pre[1].factor, null, pre[1].unit, 'exact');
  fig.attrs = { symbol: pre[0] };
  return fig;
}

/** 两个亿, 一个多亿, 十几个亿: hundreds of millions of yuan, said with 个 (FIGURES.md: 两个亿 is money). */
const GE_YI_RE = /^([一二两三四五六七八九十几]{1,3})个(多)?亿(?![元美港欧日英韩澳加台新泰卢越比人个吨件台辆次户万])/;

function geYi(text: string, r: Reading): FigureHit | null {
  const m = GE_YI_RE.exec(text.slice(r.i, r.i + 8));
  if (!m) return null;
  const n = readNumeral(m[1] as string, 0, LONE_FORMAL);
  if (!n || n.end !== (m[1] as string).length) return null;
  const q = m[2] || n.vague ? 'atLeast' : r.qualifier;
  return figure(r.start, r.i + m[0].length, 'money', n.value * 1e8, null, 'CNY', q);
}

/**
 * 签约亿元以上项目36个, 万元以上的农户: with no number, 亿元以上 / 万元级 before a noun (or 的) names the class of what
 * follows (a threshold inside a metric: 亿元以上项目 is a statistical class of projects), no amount; alone at a
 * clause's end (投资均在亿元以上。) it is the amount. Money only: the labelled counts keep 万人以上的安置点, 万台级.
 */
function moneyThreshold(text: string, r: Reading): boolean {
  const j = (r.num as { end: number }).end;
  const u = moneyAt(text, j, r.num as NonNullable<Reading['num']>);
  if (!u) return false;
  const k = text[j + u.len] === '级' ? j + u.len + 1 : suffixQual(text, j + u.len)?.end;
  return k !== undefined && /[\u4e00-\u9fff]/.test(text[k] ?? '');
}

function readMoneyAt(text: string, r: Reading, opt: ScanOptions): FigureHit | null {
  if (r.form === 'sign') return signed(text, r, opt);
  if (r.form !== 'numeral') return null;
  if (text.charCodeAt(r.i + 1) === 0x4e2a /* 个 */ || text.charCodeAt(r.i + 2) === 0x4e2a) {
    const g = geYi(text, r);
    if (g) return g;
  }
  if (r.loneBig && moneyThreshold(text, r)) return null;
  const w = withUnit(text, r, moneyAt, opt);
  if (!w) return null;
  // 五元三毛, 50元6角三分, 两美元又三美分: subunits after the main unit
  if (w.rangeEnd < 0 && (w.u.unit === 'CNY' || w.u.unit === 'USD')) {
    let k = w.uStart + w.u.len;
    let extra = 0;
    let took = false;
    if (text[k] === '又') k++;
    for (const [sub, f] of w.u.unit === 'CNY' ? SUBUNITS_CNY : SUBUNITS_USD) {
      const r3 = readNumeral(text, k, LONE_FORMAL);
      if (!r3 || r3.vague || r3.value >= 10 || !text.startsWith(sub, r3.end)) continue;
      if (sub === '分' && text[r3.end + 1] === '之') break;
      extra += r3.value * f;
      k = r3.end + sub.length;
      took = true;
    }
    if (took) return figure(r.start, k, 'money', w.num.value * w.u.factor + extra, null, w.u.unit, w.qualifier);
    // no tenths after 块钱/毛钱 (3块钱一根: 一 counts the item)
    const tail = (text[w.uStart] === '块' || (w.u.factor === 0.1 && text[w.uStart] !== '元')) && text[w.uStart + w.u.len - 1] !== '钱' ? /^[0-9一二三四五六七八九两](?![0-9〇零一二三四五六七八九十百千万亿.点](?<!一(?=[斤两把个份只张件盒瓶袋碗杯支本次])))/.exec(text.slice(k, k + 3)) : null;
    if (tail) {
      // 十二块五 = 12.5 yuan, 3毛5 = 0.35 yuan (the digit after the unit is the next smaller one)
      const ch = tail[0];
      const d = /[0-9]/.test(ch) ? Number(ch) : ch === '两' ? 2 : (CN_DIGIT[ch] ?? 0);
      const end = text[k + 1] === '钱' ? k + 2 : k + 1;
      return figure(r.start, end, 'money', w.num.value * w.u.factor + d * w.u.factor * 0.1, null, 'CNY', w.qualifier);
    }
  }
  // 1.2万元/平方米: a price per unit
  return perUnit(text, completeFigure(text, w));
}

/** Money figures of a document's readings. */
export const readMoney = (rs: Readings): FigureHit[] => readAll(rs, readMoneyAt);
