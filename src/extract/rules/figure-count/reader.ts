/**
 * The count reader: what follows a numeral is a classifier of
 * pipelines/lexicon/figure-classifiers.txt (21个, 百余家, 3~5家, 560余万条);
 * the unit is the classifier. Characters after a classifier that make the
 * numeral part of a word are in figure-classifier-blockers.txt. An article
 * (一个, 一批), a term (二次开发), a name (千人计划, “人才十条”, 统一) is no count.
 */
import type { FigureHit } from '../../rule.js';
import { isCnDigit } from '../../figures/numerals.js';
import { classifierBlockers, classifiers } from '../../figures/units.js';
import { durationWordAt } from '../figure-duration/reader.js';
import { articleOrName, completeFigure, isHan, listTable, quotedName, readAll, withUnit, type Reading, type Readings, type ScanOptions, type UnitReader } from '../../figures/reading.js';

const table = listTable(() => classifiers().map((c) => [c, c] as [string, string]));

export const classifierAt: UnitReader = (text, j) => {
  const cls = table().at(text, j);
  if (!cls) return null;
  // 一个月, 两个多小时: a classifier that begins a duration word is the duration reader's, even where that reader refuses it (一个月 is an article)
  if (durationWordAt(text, j)) return null;
  const after = text[j + cls[0].length];
  const blockers = classifierBlockers()[cls[0]];
  if (blockers && after !== undefined && blockers.includes(after)) return null;
  // 五个一, 六个一工程: a Chinese numeral right after 个 makes a name (三人一组, 380户1200人 are fine)
  if (cls[0] === '个' && after !== undefined && isCnDigit(after)) return null;
  return { kind: 'count', unit: cls[0], factor: 1, len: cls[0].length, special: '' };
};

/** Characters before a single Chinese digit that make it part of a word (统一, 唯一, 专一, 不一, 同一). */
const WORD_BEFORE = '统唯专不同';

function readCountAt(text: string, r: Reading, opt: ScanOptions): FigureHit | null {
  if (r.form !== 'numeral') return null;
  const w = withUnit(text, r, classifierAt, opt);
  if (!w || articleOrName(text, w)) return null;
  const num = w.num;
  // 二次开发, 二级巡视员: a lone 二 before a classifier is a term (a count says 两)
  if (text.slice(num.start, num.end) === '二') return null;
  if (num.chinese) {
    // “人才十条”, ‘五个中心’: a quoted Chinese count is a name
    if (quotedName(text, r.start, w.uStart + w.u.len)) return null;
    const before = text[r.i - 1];
    if (num.single && isHan(before) && WORD_BEFORE.includes(before as string)) return null;
  }
  return completeFigure(text, w);
}

/** Count figures of a document's readings. */
export const readCount = (rs: Readings): FigureHit[] => readAll(rs, readCountAt);
