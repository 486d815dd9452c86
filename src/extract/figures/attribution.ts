/**
 * Attribution (FIGURES.md): for each figure the metric it measures, the
 * subject it is about, the time it belongs to with that time resolved to a day
 * span (`period`), and the change and basis it reports.
 *
 * An article-level context carries the current subject, time and metric
 * across sentences and `；`; it is reset where a new article starts (blocks →
 * structure articles). Subjects are entity mentions (LOC, ORG) from the entity
 * stage or the country (全国); pronouns (全省, 该市, 该公司) take the last entity
 * of their level named earlier in the article. Times are the expressions of
 * times.ts; bases (比去年同期, 较年初) never become the time, and anaphoric
 * times (全年, 届时, 同期, 期内) resolve against the current time.
 */
import type { Block, Sentence } from '../../core/types.js';
import type { FigureHit } from '../rule.js';
import { canonicalName } from '../../resolve/index.js';
import { isDivision, lexicon } from '../entities/lexicon.js';
import { parseDay, spanOfIso, ymd, type DaySpan } from './days.js';
import { BASES, changeVerbs } from './lexicon.js';
import { wordList } from '../../core/lists.js';
import { fromLists, orderedAlternation } from './tables.js';
import { scanTimes, spanOfFigure, type TimeExpr } from './times.js';

/** What the figure stage needs of an entity mention. */
export interface FigureMention {
  type: string;
  start: number;
  end: number;
  norm?: string;
}

export interface AttributionInput {
  text: string;
  docDate: string | null;
  sentences: readonly Sentence[];
  blocks: readonly Block[];
  figures: FigureHit[];
  mentions: readonly FigureMention[];
}

interface Subject {
  name: string;
  key: string | null;
}

const SEGMENT_END = new Set([...'。！？；\n'].map((c) => c.charCodeAt(0)));
const CLAUSE_END = new Set([...'，、：:,（(“”；。！？\n'].map((c) => c.charCodeAt(0)));
const isSegmentEnd = (code: number): boolean => SEGMENT_END.has(code);
const isClauseEnd = (code: number): boolean => CLAUSE_END.has(code);
/** The patterns built from the lists (pipelines/lexicon/figure-*.txt), on first use and again after the folders change. */
const patterns = fromLists(() => {
  const alt = (name: string): string => orderedAlternation(wordList(name));
  const verbs = changeVerbs();
  return {
    CHANGE_RE: new RegExp('(' + orderedAlternation(BASES) + '|(?:比|较|较之)[^，、。；比较]{1,12}?)?(?:分别)?(' + orderedAlternation(verbs.filter((v) => v !== '同比增长')) + ')(?:了|为|到|至|达)?$'),
    /** A character every change verb has (a cheap test before CHANGE_RE). */
    CHANGE_CHARS: new RegExp('[' + [...new Set(verbs.join(''))].join('') + ']'),
    /** Bodies that report a figure are not its subject (FIGURES.md). */
    REPORTER: new RegExp(alt('figure-reporter-suffixes') + '$'),
    PRONOUN: new RegExp(alt('figure-pronouns'), 'g'),
    LEAD_STRIP: new RegExp('^' + alt('figure-lead-strip') + '+'),
    TAIL_STRIP: new RegExp(alt('figure-tail-strip') + '+$'),
    LEAD_VERBS: new RegExp('^' + alt('figure-lead-verbs') + '+'),
    VERB_ONLY: new RegExp('^' + alt('figure-verb-only') + '$'),
    /** An industry named as the actor of a sub-figure: 其中，电子信息制造业增加值增长11.3% */
    INDUSTRY: new RegExp('^([\\u4e00-\\u9fff]{1,10}?(?:业|行业|产业))(' + alt('figure-industry-metrics').slice(3, -1) + ')$'),
  };
});
/** A place after these is a partner, not the subject (对美出口, 从上海进口). */
const PARTNER_BEFORE = /(?:对|向|从|自|来自|往|与|同|赴|出口到|进口自)$/;
const NATIONAL = /(?:全国范围内|全国|我国|国内(?!生产总值))/g;

/** Division names inside a name (the gazetteer's full forms ending in 省/市/区/县/州). */
function divisionsIn(name: string): string[] {
  const out: string[] = [];
  const lex = lexicon();
  for (let e = 2; e <= name.length; e++) {
    if (!/[省市区县州]/.test(name[e - 1] as string)) continue;
    for (let st = Math.max(0, e - 7); st <= e - 2; st++) {
      const w = name.slice(st, e);
      if (isDivision(lex, w) && levelOf(w)) {
        out.push(w);
        break;
      }
    }
  }
  return out;
}

/** A company named from a place the entity stage found: 上海 + 远航物流股份有限公司. */
const COMPANY_TAIL = /^[\u4e00-\u9fff]{1,16}?(?:股份有限公司|有限责任公司|有限公司|集团股份有限公司|集团有限公司|集团|股份公司)/;

function levelOf(name: string): string | null {
  if (/(?:省|自治区)$/.test(name)) return '省';
  if (/(?:市|州|盟)$/.test(name)) return '市';
  if (/(?:区|新区)$/.test(name)) return '区';
  if (/(?:县|旗)$/.test(name)) return '县';
  if (/(?:镇|乡)$/.test(name)) return '镇';
  return null;
}

const PRONOUN_LEVEL: Record<string, string> = { 省: '省', 市: '市', 区: '区', 县: '县', 州: '市', 镇: '镇' };

function keyOf(m: FigureMention, name: string): string | null {
  const t = m.type as 'LOC' | 'ORG';
  return `${t}:${canonicalName(t, name)}`;
}

/** Expand a span to the year it ends in (全年 after 今年前三季度 → 今年). */
function yearOf(span: DaySpan | null): DaySpan | null {
  if (!span) return null;
  const y = Number(span.end.slice(0, 4));
  return { start: ymd(y, 1, 1), end: ymd(y, 12, 31) };
}

function shiftYear(span: DaySpan | null, by: number): DaySpan | null {
  if (!span) return null;
  const f = (d: string): string => {
    const p = parseDay(d);
    // 2-29 shifted to a common year is 2-28
    const last = new Date(Date.UTC(p.y + by, p.m, 0)).getUTCDate();
    return ymd(p.y + by, p.m, Math.min(p.d, last));
  };
  return { start: f(span.start), end: f(span.end) };
}

interface Current {
  text: string;
  span: DaySpan | null;
}

/** A LOC or ORG mention as attribution reads it: the fields it reads, one object shape (one constructor). */
interface SubjectMention {
  type: string;
  start: number;
  end: number;
  norm: string | undefined;
  name: string;
}

function subjectMention(type: string, start: number, end: number, norm: string | undefined, name: string): SubjectMention {
  return { type, start, end, norm, name };
}

/**
 * The LOC and ORG mentions, a company named from a place grown to its name
 * (上海 + 远航物流股份有限公司), by start then longest first. A function of its
 * own: in attribute's body, the arrays and objects made here (an empty array
 * is of another kind than a full one) threw its compiled code away.
 */
function subjectMentions(text: string, input: readonly FigureMention[]): SubjectMention[] {
  const out: SubjectMention[] = [];
  for (const m of input) {
    if (m.type !== 'LOC' && m.type !== 'ORG') continue;
    const after = m.type === 'LOC' ? text.slice(m.end, m.end + 24) : '';
    // every company tail ends in 公司 or 集团: test for them before the regex
    const tail = after && (after.includes('公司') || after.includes('集团')) ? COMPANY_TAIL.exec(after) : null;
    if (tail) out.push(subjectMention('ORG', m.start, m.end + tail[0].length, m.norm, text.slice(m.start, m.end + tail[0].length)));
    else out.push(subjectMention(m.type, m.start, m.end, m.norm, m.norm ?? text.slice(m.start, m.end)));
  }
  if (out.length > 1) out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

export function attribute(input: AttributionInput): void {
  const { CHANGE_RE, CHANGE_CHARS, REPORTER, PRONOUN, LEAD_STRIP, TAIL_STRIP, LEAD_VERBS, VERB_ONLY, INDUSTRY } = patterns();
  const { text, docDate, blocks, figures } = input;
  const dates = figures.filter((f) => f.kind === 'date' || f.kind === 'period');
  const times = scanTimes(text, docDate, dates);
  const mentions = subjectMentions(text, input.mentions);
  const docSpan = docDate ? spanOfIso(docDate.slice(0, 10)) : null;

  // article of a position: blocks carry the structure's article index
  const sortedBlocks = [...blocks].sort((a, b) => a.start - b.start);
  const articleAt = (p: number): number => {
    let lo = 0;
    let hi = sortedBlocks.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sortedBlocks[mid] as Block).start <= p) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best >= 0 ? (sortedBlocks[best] as Block).article : -1;
  };

  let article = Number.NaN;
  let subject: Subject | null = null;
  let time: Current | null = null;
  let metric: string | null = null;
  let byLevel = new Map<string, Subject>();
  let lastOrg: Subject | null = null;
  let ti = 0;
  let mi = 0;
  let prev: FigureHit | null = null;
  let lastFigStart = 0;
  let marksSeg = -1;
  let marksTo = 0;
  let marks: Array<{ at: number; end: number; ref: Subject }> = [];
  let lastSeg = 0;
  /** a time stated in a 其中 clause holds for that segment only: [segment start, time before it] */
  let localTime: { seg: number; before: Current | null } | null = null;
  let lastItems: string[] | null = null;
  let distribute: { items: string[]; kind: 'metric' | 'subject'; next: number; keys: Array<string | null> } | null = null;

  const reset = (): void => {
    subject = null;
    time = null;
    metric = null;
    byLevel = new Map();
    lastOrg = null;
    prev = null;
    localTime = null;
    lastItems = null;
    distribute = null;
  };

  const noteMention = (m: (typeof mentions)[number]): void => {
    // 合肥市统计局, 中国人民银行江苏省分行: the division in an organisation's name is named too
    if (m.type === 'ORG') for (const d of divisionsIn(m.name)) byLevel.set(levelOf(d) as string, { name: d, key: `LOC:${canonicalName('LOC', d)}` });
    if (REPORTER.test(m.name)) return;
    const s: Subject = { name: m.name, key: keyOf(m, m.name) };
    if (m.type === 'LOC') {
      const lv = levelOf(m.name);
      if (lv) byLevel.set(lv, s);
    } else lastOrg = s;
  };

  const pronounReferent = (w: string): Subject | null => {
    if (/公司|集团|行$/.test(w)) return lastOrg;
    const lv = PRONOUN_LEVEL[w.slice(-1)];
    if (!lv) return null;
    return byLevel.get(lv) ?? (lv === '区' ? (byLevel.get('省') ?? null) : null);
  };

  for (const f of figures) {
    // every figure gets the attribution fields in one order (one object shape for all of them)
    f.metric = null;
    f.change = null;
    f.basis = null;
    f.subject = null;
    f.subjectEntity = null;
    f.time = null;
    f.period = null;
    const art = articleAt(f.start);
    if (art !== article) {
      article = art;
      reset();
    }
    // segment (sentence or `；` part) and clause holding the figure
    // scanning back stops at the previous figure when no segment ends in between
    let s = f.start;
    const stop = Math.max(0, f.start - 300, lastFigStart);
    while (s > stop && !isSegmentEnd(text.charCodeAt(s - 1))) s--;
    if (s === lastFigStart && s > 0 && !isSegmentEnd(text.charCodeAt(s - 1))) s = lastSeg;
    lastFigStart = f.start;
    lastSeg = s;
    let c = f.start;
    while (c > s && !isClauseEnd(text.charCodeAt(c - 1))) c--;

    if (localTime && localTime.seg !== s) {
      time = localTime.before;
      localTime = null;
    }
    // the context reads everything before the figure
    let lastYearSame = false;
    while (ti < times.length && (times[ti] as TimeExpr).start < f.start) {
      const t = times[ti++] as TimeExpr;
      if (articleAt(t.start) !== article) continue;
      // a basis, a recurring time or a time of day alone is no figure's time
      if (t.basis || t.set || (t.clock && !t.span)) continue;
      const cur = time as Current | null;
      if (t.anaphor === 'sameLastYear') {
        if (t.start >= c) lastYearSame = true;
        continue;
      }
      // 同期, 届时, 期内: the current time stays the time
      if (t.anaphor === 'same' || t.anaphor === 'then') continue;
      if (t.anaphor === 'year') {
        const base = cur ?? (docSpan ? { text: '', span: docSpan } : null);
        const yearText = /^(?:到|至)?(\d{4}年|今年|去年|明年|本年)/.exec(base?.text ?? '');
        time = { text: yearText ? (yearText[1] as string) : t.text, span: yearOf(base?.span ?? null) };
        continue;
      }
      if (/其中[，,]?$/.test(text.slice(Math.max(s, t.start - 3), t.start)) && t.start >= s && !localTime) localTime = { seg: s, before: cur };
      time = { text: t.text, span: t.span };
    }
    let localSubject: Subject | null = null;
    let subjectAt = -1;
    while (mi < mentions.length && (mentions[mi] as (typeof mentions)[number]).start < f.start) {
      const m = mentions[mi++] as (typeof mentions)[number];
      if (m.end > f.start) continue;
      noteMention(m);
      if (m.start >= s && !REPORTER.test(m.name) && !PARTNER_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start))) {
        if (!/^[的之]/.test(text.slice(m.end, m.end + 1)) || m.type === 'LOC') {
          localSubject = { name: m.name, key: keyOf(m, m.name) };
          subjectAt = m.end;
        }
      }
    }
    // national words and pronouns after the last mention win over it (read once per segment, as far as the figure)
    if (marksSeg !== s) {
      marksSeg = s;
      marksTo = s;
      marks = [];
    }
    if (marksTo < f.start) {
      const part = text.slice(marksTo, f.start);
      for (const re of [NATIONAL, PRONOUN]) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(part))) {
          const at = marksTo + m.index;
          if (re === PRONOUN && (m[0] === '公司' || m[0] === '集团') && at > 0 && /[\u4e00-\u9fff]/.test(text[at - 1] as string)) continue;
          const ref = re === NATIONAL ? { name: '全国', key: null } : pronounReferent(m[0]);
          if (ref) marks.push({ at, end: at + m[0].length, ref });
        }
      }
      marks.sort((a, b) => a.at - b.at);
      marksTo = f.start;
    }
    for (const mk of marks)
      if (mk.at >= subjectAt && mk.end <= f.start) {
        localSubject = mk.ref;
        subjectAt = mk.end;
      }

    if (f.kind === 'date' || f.kind === 'period') {
      // a date or period figure's period is its own span
      f.time = null;
      f.period = spanOfFigure(f);
      f.metric = null;
      f.change = null;
      f.basis = null;
      f.subject = localSubject?.name ?? null;
      if (localSubject) subject = localSubject;
      prev = null;
      continue;
    }

    // time and period
    if (time) {
      f.time = (time as Current).text;
      f.period = (time as Current).span;
    } else {
      f.time = null;
      f.period = null;
    }
    if (lastYearSame) {
      f.time = '去年同期';
      f.period = shiftYear(f.period ?? null, -1);
    }

    // change and basis
    let clause = text.slice(c, f.start);
    // the change and its basis end the clause: only its tail is read
    const tailFrom = Math.max(0, clause.length - 24);
    const tail = tailFrom ? clause.slice(tailFrom) : clause;
    const ch = CHANGE_CHARS.test(tail) ? CHANGE_RE.exec(tail) : null;
    if (ch) {
      f.change = ch[2] ?? null;
      f.basis = ch[1] ?? null;
      clause = clause.slice(0, tailFrom + ch.index);
    } else {
      f.change = null;
      f.basis = null;
    }

    // metric: the clause minus time, subject, pronouns and verbs
    let mStart = c;
    // the times in this clause are the last ones read (ti is past them)
    for (let k = ti - 1; k >= 0 && (times[k] as TimeExpr).end > c; k--) {
      const t = times[k] as TimeExpr;
      if (t.start >= c && t.end <= c + clause.length && t.end > mStart) mStart = t.end;
    }
    if (subjectAt > mStart && subjectAt <= c + clause.length) mStart = subjectAt;
    let mt = text.slice(mStart, c + clause.length);
    const hadQizhong = /^其中/.test(text.slice(c, c + 2)) || /其中[，,]?$/.test(text.slice(Math.max(s, c - 3), c));
    if (mt.includes('国')) mt = mt.replace(NATIONAL, '');
    mt = mt.replace(LEAD_STRIP, '').replace(TAIL_STRIP, '').replace(LEAD_STRIP, '');
    let distributed = false;
    const fenbieFrom = Math.max(c, prev ? (prev as FigureHit).end : 0);
    if (/分别/.test(text.slice(fenbieFrom, f.start))) {
      const before = text.slice(Math.max(mStart, fenbieFrom), fenbieFrom + text.slice(fenbieFrom, f.start).indexOf('分别'));
      let items = before.replace(LEAD_STRIP, '').replace(TAIL_STRIP, '').split(/[、和及与]/).filter((x) => x.length > 0);
      // 同比分别增长12.1%和8.8%: the items of the last 分别
      if (items.length < 2 && lastItems && /^(?:同比|环比)?$/.test(items.join(''))) items = lastItems;
      if (items.length >= 2) {
        const asMentions = items.map((it) => mentions.find((m) => m.name === it && m.start >= s && m.end <= f.start));
        if (asMentions.every((x) => x)) {
          distribute = { items, kind: 'subject', next: 1, keys: asMentions.map((x) => keyOf(x!, x!.name)) };
          localSubject = { name: items[0] as string, key: distribute.keys[0] ?? null };
          mt = metric ?? '';
        } else {
          const first = items[0] as string;
          const full = items.map((it, k) => (k > 0 && it.length < first.length && !first.endsWith(it) ? first.slice(0, first.length - it.length) + it : it));
          distribute = { items: full, kind: 'metric', next: 1, keys: [] };
          lastItems = full;
          mt = full[0] as string;
        }
        distributed = true;
      }
    }
    if (!distributed && distribute && prev && /^[、，,和及与以]*$/.test(text.slice(prev.end, f.start).replace(/(?:分别)?(?:为|是|达|增长|下降)?/, ''))) {
      const d = distribute as { items: string[]; kind: 'metric' | 'subject'; next: number; keys: Array<string | null> };
      if (d.next < d.items.length) {
        if (!f.change) {
          f.change = (prev as FigureHit).change ?? null;
          f.basis = (prev as FigureHit).basis ?? null;
        }
        if (d.kind === 'metric') mt = d.items[d.next] as string;
        else {
          localSubject = { name: d.items[d.next] as string, key: d.keys[d.next] ?? null };
          mt = (prev as FigureHit).metric ?? '';
        }
        d.next++;
        distributed = true;
      }
    } else if (!distributed) distribute = null;

    if (!distributed) {
      if (hadQizhong) {
        const ind = INDUSTRY.exec(mt);
        if (ind) {
          localSubject = { name: ind[1] as string, key: null };
          mt = ind[2] as string;
        }
      }
      if (VERB_ONLY.test(mt) || mt.length < 2) {
        // 设立100亿元的产业基金: the thing measured follows the figure
        const after = /^的([\u4e00-\u9fff“”]{2,14}?)(?=[，。；、：！？）\n]|$)/.exec(text.slice(f.end, f.end + 20));
        mt = after ? (after[1] as string) : '';
      } else mt = mt.replace(LEAD_VERBS, '');
      // 15%、10%: a list member shares the attribution of the figure before it
      const p = prev as FigureHit | null;
      if (p && p.kind === f.kind && /^[、和及与]$/.test(text.slice(p.end, f.start))) {
        mt = p.metric ?? '';
        f.change = p.change ?? null;
        f.basis = p.basis ?? null;
        if (!localSubject && p.subject) localSubject = { name: p.subject, key: p.subjectEntity ?? null };
      }
      // a bare change measures the figure before it; an ellipsis (其中，出口增长9.2%) keeps the metric left out
      const pf = prev as FigureHit | null;
      if (mt.length < 2 && f.change && !hadQizhong && pf && pf.metric && articleAt(pf.start) === article) mt = pf.metric;
      // 居民消费价格同比持平，环比上涨0.4%: the metric named in an earlier clause of the segment
      if (mt.length < 2 && f.change && (!pf || pf.end <= s)) {
        const before = text.slice(Math.max(s, subjectAt), c).replace(/[，、：:,]$/, '');
        const lastTime = times.slice(0, ti).reverse().find((t) => t.end <= c && t.end > s);
        const from = lastTime && lastTime.end > Math.max(s, subjectAt) ? lastTime.end - Math.max(s, subjectAt) : 0;
        const named = before
          .slice(from)
          .replace(/^[，、：:,]/, '')
          .replace(/(?:同比|环比|比上年|较上年)?(?:持平|基本持平|稳定|平稳|增长|下降|上涨|下跌)$/, '')
          .replace(LEAD_STRIP, '')
          .replace(TAIL_STRIP, '');
        if (named.length >= 2 && named.length <= 20 && !/[，。；0-9]/.test(named)) mt = named;
      }
      if (mt.length < 2 && (f.change || hadQizhong || localSubject || lastYearSame) && metric) mt = metric;
    }
    f.metric = mt.length >= 2 ? mt.slice(-20) : null;
    if (f.metric && !distributed && !hadQizhong) metric = f.metric;
    else if (f.metric && distributed) metric = f.metric;

    // subject: this segment's, or the one carried from before
    if (localSubject && !(hadQizhong && localSubject.key === null && localSubject.name === '全国')) {
      f.subject = localSubject.name;
      f.subjectEntity = localSubject.key;
      if (!hadQizhong && !distributed) subject = localSubject;
    } else {
      const cur = subject as Subject | null;
      f.subject = cur?.name ?? null;
      f.subjectEntity = cur?.key ?? null;
    }
    prev = f;
  }
}

