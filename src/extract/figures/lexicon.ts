/** Small word lists the scanners consult (data, not logic). */

/** Qualifier words before a numeral, longest first. `inSpan`: part of the figure text. */
export const PREFIX_QUALIFIERS: ReadonlyArray<{ w: string; q: 'approx' | 'atLeast' | 'atMost' | 'exact'; inSpan: boolean }> = [
  { w: '不少于', q: 'atLeast', inSpan: true },
  { w: '不低于', q: 'atLeast', inSpan: true },
  { w: '不超过', q: 'atMost', inSpan: true },
  { w: '不高于', q: 'atMost', inSpan: true },
  { w: '大约', q: 'approx', inSpan: true },
  { w: '大概', q: 'approx', inSpan: true },
  { w: '将近', q: 'approx', inSpan: true },
  { w: '接近', q: 'approx', inSpan: true },
  { w: '约合', q: 'approx', inSpan: true },
  { w: '超过', q: 'atLeast', inSpan: true },
  { w: '多于', q: 'atLeast', inSpan: true },
  { w: '至少', q: 'atLeast', inSpan: true },
  { w: '最少', q: 'atLeast', inSpan: true },
  { w: '突破', q: 'atLeast', inSpan: true },
  { w: '不足', q: 'atMost', inSpan: true },
  { w: '不到', q: 'atMost', inSpan: true },
  { w: '少于', q: 'atMost', inSpan: true },
  { w: '小于', q: 'atMost', inSpan: true },
  { w: '大于', q: 'atLeast', inSpan: true },
  { w: '最多', q: 'atMost', inSpan: true },
  { w: '至多', q: 'atMost', inSpan: true },
  { w: '最高', q: 'atMost', inSpan: true },
  { w: '最低', q: 'atLeast', inSpan: true },
  { w: '约', q: 'approx', inSpan: true },
  { w: '近', q: 'approx', inSpan: true },
  { w: '超', q: 'atLeast', inSpan: true },
  { w: '逾', q: 'atLeast', inSpan: true },
];

/** Characters before a one-character qualifier that make it the tail of another word (签约, 最近, 赶超). */
export const QUALIFIER_WORD_TAILS: Readonly<Record<string, string>> = {
  约: '签节制预条合契邀相特公规践履大隐',
  近: '最附接将邻靠亲贴逼临就遥',
  超: '赶高',
  逾: '',
};

/** Qualifiers before 百/千/万/亿 only (上百, 过万, 破亿). */
export const MAGNITUDE_QUALIFIERS: Readonly<Record<string, 'atLeast' | 'approx'>> = { 上: 'atLeast', 过: 'atLeast', 破: 'atLeast' };

/** Qualifier words after a figure. */
export const SUFFIX_QUALIFIERS: ReadonlyArray<{ w: string; q: 'approx' | 'atLeast' | 'atMost'; notBefore?: string }> = [
  { w: '（含）以上', q: 'atLeast' },
  { w: '(含)以上', q: 'atLeast' },
  { w: '（含）以下', q: 'atMost' },
  { w: '(含)以下', q: 'atMost' },
  { w: '及以上', q: 'atLeast' },
  { w: '以上', q: 'atLeast' },
  { w: '之多', q: 'atLeast' },
  { w: '有余', q: 'atLeast' },
  { w: '以下', q: 'atMost' },
  { w: '以内', q: 'atMost' },
  { w: '内', q: 'atMost', notBefore: '容部外涵地生存销需资蒙' },
  { w: '之内', q: 'atMost' },
  { w: '左右', q: 'approx', notBefore: '手逢' },
  { w: '上下', q: 'approx', notBefore: '游文级班车楼层功联贯同一其' },
  { w: '多', q: 'atLeast', notBefore: '样元种少次方媒功' },
];

/** Range separators between two numerals. */
export const RANGE_SEPARATORS = ['～', '~', '-', '—', '–', '至', '到'];

/** Set phrases that contain numerals and classifiers but are no figures. */
export const IDIOMS: readonly string[] = [
  '千家万户', '千方百计', '万无一失', '三番五次', '四面八方', '五湖四海', '十全十美', '千军万马',
  '万人空巷', '成千上万', '成百上千', '千千万万', '一五一十', '三三两两', '七上八下', '九牛一毛',
  '一举两得', '一石二鸟', '三天两头', '两手抓', '千百年', '百年大计', '百年老店', '十年磨一剑',
  '一天一个样', '五花八门', '四通八达', '七嘴八舌', '八九不离十', '一传十', '十传百', '百闻不如一见',
  '三百六十行', '三人行', '万里长城', '千里之行', '百尺竿头', '一步一个脚印', '两条腿走路',
  '千载难逢', '两个维护', '两个确立', '四个意识', '四个自信', '四个全面', '三个代表', '两个一百年', '三个一批', '五位一体', '一国两制', '十年树木', '百年树人', '千条线', '一根针', '最初一公里', '最后一公里', '百家争鸣', '千行百业', '一箭多星', '万众一心', '一个都不能少', '十万火急', '九死一生', '百里挑一', '一年四季',
];

/** Change verbs and bases for attribution. */
export const CHANGE_VERBS = [
  '同比增长', '增长', '增加', '提高', '提升', '上升', '上涨', '增幅', '涨幅', '扩大', '翻番',
  '下降', '减少', '降低', '回落', '下跌', '缩小', '降幅', '跌幅', '收窄', '放缓', '增速', '增',
  '降', '涨', '跌',
];
export const BASES = ['同比', '环比', '比上年', '较上年', '比去年同期', '较去年同期', '比上年同期', '较上年同期', '比上月', '较上月', '较年初', '比年初'];
