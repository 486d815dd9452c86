/**
 * Attribution: for each figure, the metric phrase it quantifies, the change it
 * reports (增长/下降 …) and its basis (同比/环比), the subject its clause names
 * (南开区) and the time reference of its sentence (今年前7个月, 到2027年).
 * Heuristic and local: it reads only the sentence the figure is in.
 */
import type { FigureHit } from '../rule.js';
import { BASES, CHANGE_VERBS } from './lexicon.js';

const SENTENCE_END = /[。！？；\n]/;
const CLAUSE_END = /[，、：:,（(“”]/;
const CHANGE_RE = new RegExp('(' + BASES.join('|') + ')?(' + CHANGE_VERBS.join('|') + ')(?:了|为|到|至|达)?$');
const SUBJECT_RE = /([\u4e00-\u9fff]{1,8}?(?:省|市|区|县|镇|乡|州|集团|公司))(?=[\u4e00-\u9fff])/g;
/** after these, 市/区/县/乡 are part of another word (市场, 区域, 县级, 乡村) */
const SUBJECT_NOT_BEFORE = '场域级村里民委政长内外间块属直辖位';
const LEAD_VERBS = /^(?:集聚|聚集|拥有|建成|设立|发布|产出|培育|形成|引进|吸引|投放|提供|实现|完成|新增|累计|成功|集成|打造|建设|开设|推动|带动|获得|达到|划分了|划分|签约|落地|开发|突破|给予|投入|开展|组建)+/;
const VERB_ONLY = /^(?:集聚|聚集|拥有|建成|设立|发布|产出|培育|形成|引进|吸引|投放|提供|实现|完成|新增|累计|集成|打造|建设|推动|带动|获得|达到|划分了|划分|签约|投入|给予|有)$/;
const TIME_WORDS = /(今年以来|近年来|截至目前|目前|去年|今年|明年|前年|当前|近日|日前|\d{4}年以来)/g;
const LEAD_STRIP = /^(?:其中|同时|此外|另外|比如|例如|又如|并|且|和|与|及|而|还|也|已|将|共|总|累计|合计|全年|该区|该市|该省|这里|目前|当前|截至目前|今年以来|近年来)+/;
const TAIL_STRIP = /(?:已经|已|将|可|能|共|总|累计|合计|实现|完成|达到|达|为|是|有|约|超过|超|近|逾|拥有|带动|吸引|引进|聚集|落户|新增|签约|突破|提高|增长|下降|同比|环比)+$/;

/** Start of the sentence holding position p (scanning back at most 300 characters keeps this linear). */
function sentenceStart(text: string, p: number): number {
  let s = p;
  const stop = Math.max(0, p - 300);
  while (s > stop && !SENTENCE_END.test(text[s - 1] as string)) s--;
  return s;
}

export function attribute(text: string, figs: FigureHit[]): void {
  // figures come sorted by start; the last date/period seen is the candidate time reference
  let lastDate: FigureHit | null = null;
  let prev: FigureHit | null = null;
  for (const f of figs) {
    const s = sentenceStart(text, f.start);
    const sentenceHead = text.slice(s, f.start);
    if (f.kind !== 'date' && f.kind !== 'period') {
      let time: string | null = null;
      const g = lastDate;
      if (g && g.start >= s && g.end <= f.start) {
        let gs = g.start;
        // keep the preposition that makes it a deadline: 到2027年
        const pre = text.slice(Math.max(s, gs - 2), gs);
        const m = /(到|至|截至|截止)$/.exec(pre);
        if (m) gs -= m[1]!.length;
        time = text.slice(gs, g.end);
      }
      if (time === null) {
        TIME_WORDS.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = TIME_WORDS.exec(sentenceHead))) time = m[0];
      }
      f.time = time;
    }
    // clause before the figure
    let c = f.start;
    while (c > s && !CLAUSE_END.test(text[c - 1] as string)) c--;
    let clause = text.slice(c, f.start);
    const ch = CHANGE_RE.exec(clause);
    if (ch) {
      f.change = ch[2] ?? null;
      f.basis = ch[1] ?? null;
      clause = clause.slice(0, ch.index);
    } else {
      f.change = null;
      f.basis = null;
    }
    // subject: a named place or organisation in the sentence before the figure
    let subject: string | null = null;
    SUBJECT_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SUBJECT_RE.exec(sentenceHead))) {
      let name = m[1] as string;
      const next = sentenceHead[m.index + name.length];
      if (next !== undefined && SUBJECT_NOT_BEFORE.includes(next)) continue;
      const cut = Math.max(...[...'在于从把将对由向为的了是和与及至到已有个号等设全各'].map((ch) => name.lastIndexOf(ch)));
      if (cut >= 0) name = name.slice(cut + 1);
      if (name.length >= 2 && !/^(?:该|本|全|各|多|这|那|每)/.test(name)) subject = name;
    }
    f.subject = subject;
    // metric: what remains of the clause once time words, subject and verbs are stripped
    let metric = clause;
    if (subject && metric.includes(subject)) metric = metric.slice(metric.lastIndexOf(subject) + subject.length);
    metric = metric.replace(/^.*?(?:年|月|日|以来)(?=[\u4e00-\u9fff])/, (x) => (/\d|今|去|明/.test(x) ? '' : x));
    metric = metric.replace(LEAD_STRIP, '').replace(TAIL_STRIP, '').replace(/^的/, '');
    if (VERB_ONLY.test(metric) || metric.length < 2) {
      // 设立100亿元的产业基金: the thing measured follows the figure
      const after = /^的([\u4e00-\u9fff“”]{2,14}?)(?=[，。；、：！？）\n]|$)/.exec(text.slice(f.end, f.end + 20));
      metric = after ? (after[1] as string) : '';
    } else metric = metric.replace(LEAD_VERBS, '');
    f.metric = metric.length >= 2 && f.kind !== 'date' && f.kind !== 'period' ? metric.slice(-16) : null;
    // 出游人次56.15亿，同比增长14.8%: a bare change clause measures the previous figure's metric
    if (!f.metric && f.change && prev && prev.end >= s && prev.kind !== 'date' && prev.kind !== 'period') {
      f.metric = prev.metric ?? null;
      f.subject = f.subject ?? prev.subject ?? null;
    }
    // 分别增长15%、10%: a figure right after another in a list shares its attribution
    if (prev && prev.kind === f.kind && /^[、和及与]$/.test(text.slice(prev.end, f.start))) {
      f.metric = prev.metric ?? null;
      f.change = prev.change ?? null;
      f.basis = prev.basis ?? null;
      f.subject = prev.subject ?? null;
      f.time = prev.time ?? null;
    }
    if (f.kind === 'date' || f.kind === 'period') lastDate = f;
    prev = f;
  }
}
