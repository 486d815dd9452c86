/**
 * The word lists the scanners consult: the long ones are files in
 * pipelines/lexicon (figure-*.txt) read on first use; a few short ones stay here.
 */
import { wordList } from '../../core/lists.js';
import { col, fromLists, oneOf, tableRows } from './tables.js';
import { classifiers, durations, measures } from './units.js';

export interface PrefixQualifier {
  w: string;
  q: 'approx' | 'atLeast' | 'atMost' | 'exact';
  /** part of the figure text (every qualifier is, today) */
  inSpan: boolean;
}
export interface SuffixQualifier {
  w: string;
  q: 'approx' | 'atLeast' | 'atMost';
  /** characters that, right after the word, make it part of another word (左右手) */
  notBefore?: string;
}

/** Qualifier words before a numeral (pipelines/lexicon/figure-prefix-qualifiers.txt: word qualifier). */
export const prefixQualifiers = fromLists((): readonly PrefixQualifier[] =>
  tableRows('figure-prefix-qualifiers').map((r) => ({ w: col(r, 0, 'word'), q: oneOf(r, 1, 'qualifier', ['approx', 'atLeast', 'atMost', 'exact'] as const), inSpan: true })),
);

/** Characters before a one-character qualifier that make it the tail of another word (签约, 最近, 赶超). */
export const QUALIFIER_WORD_TAILS: Readonly<Record<string, string>> = {
  约: '签节制预条合契邀相特公规践履大隐',
  近: '最附接将邻靠亲贴逼临就遥',
  超: '赶高',
  逾: '',
};

/** Qualifiers before 百/千/万/亿 only (上百, 过万, 破亿). */
export const MAGNITUDE_QUALIFIERS: Readonly<Record<string, 'atLeast' | 'approx'>> = { 上: 'atLeast', 过: 'atLeast', 破: 'atLeast' };

/** Qualifier words after a figure (figure-suffix-qualifiers.txt: word qualifier [notBefore]). */
export const suffixQualifiers = fromLists((): readonly SuffixQualifier[] =>
  tableRows('figure-suffix-qualifiers').map((r) => {
    const q: SuffixQualifier = { w: col(r, 0, 'word'), q: oneOf(r, 1, 'qualifier', ['approx', 'atLeast', 'atMost'] as const) };
    if (r.cols[2] !== undefined) q.notBefore = r.cols[2];
    return q;
  }),
);

/** Range separators between two numerals. */
export const RANGE_SEPARATORS = ['～', '~', '-', '—', '–', '至', '到'];

/** Set phrases that contain numerals and classifiers but are no figures (figure-idioms.txt). */
export const idioms = (): readonly string[] => wordList('figure-idioms');

/** Change verbs for attribution, in match order (figure-change-verbs.txt). */
export const changeVerbs = (): readonly string[] => wordList('figure-change-verbs');
/** Bases of a change, for attribution. */
export const BASES = ['同比', '环比', '比上年', '较上年', '比去年同期', '较去年同期', '比上年同期', '较上年同期', '比上月', '较上月', '较年初', '比年初'];

/** Units that can follow `/` as the denominator of a rate (公斤/亩, 元/平方米, 元/人/年): measures, durations, classifiers. */
const denominators = fromLists((): readonly string[] => [...Object.keys(measures()), ...Object.keys(durations()), ...classifiers()].sort((a, b) => b.length - a.length));

/**
 * A unit per unit (389.7公斤/亩, 1.2万元/平方米): the figure's span and unit
 * take the `/denominator` after it (at most two: 元/人/年); the value stays the
 * numerator's. The figure is returned.
 */
export function perUnit<T extends { end: number; unit: string | null }>(text: string, fig: T): T {
  for (let n = 0; n < 2 && text[fig.end] === '/' && fig.unit; n++) {
    const d = denominators().find((w) => text.startsWith(w, fig.end + 1));
    if (!d) break;
    fig.end += 1 + d.length;
    fig.unit = `${fig.unit}/${d}`;
  }
  return fig;
}
