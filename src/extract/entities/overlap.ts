/**
 * Overlap policies for mentions.
 *
 * `longest-most-specific` (rules alone): among overlapping candidates the
 * longest span wins; on equal length the higher rule priority (gazetteer >
 * suffix/context > bare jieba tag), then the more specific type (POLICY >
 * EVENT > PRODUCT > ORG > PERSON > LOC). Exact duplicates collapse to one.
 *
 * `rules-then-model` v6 (rules + the entity-model rule; `rulesThenModel`
 * below; v3: suffix ORGs and jieba ns yield to the model's other extent,
 * jieba ns to its other type, see the list): the rules keep what they find, longest-most-specific among
 * themselves, and the model's spans fill the characters no rule took. STRONG
 * rule hits (`isStrong`: POLICY/EVENT/PRODUCT, bylines, the curated person
 * and organisation gazetteers) stand and remove the model spans they overlap
 * (and such a model span vetoes nothing: 广东省十四届人大 read whole by the
 * model leaves 广东省 and the gazetteer's 人大 standing). The model vetoes a
 * WEAK rule span (all others: jieba tags, suffix and context shapes, the
 * division gazetteer, abbreviations, cue-word persons) when
 * - it is a person of another extent than the model's person over it: a
 *   character glued on (鲍尔为, 和吴宓), cut off (李纪 of 李纪恒) or across
 *   the name's edge (由范慕 / 范慕韩), unless the model's person runs on
 *   over a character no name ends with (王晓从: person-not-name-end-chars)
 *   or the rule's person is the model's plus 某 / 某某 (李某 of which the
 *   model reads 李: a name as the news withholds it is whole; with model v4
 *   on the dev blocks MSRA 0.767 → 0.766, PER R 0.827 → 0.825, CLUENER
 *   0.670 unchanged: MSRA's few withheld names differ, ours are whole);
 * - it is a place inside a model PERSON or ORG (江西 in 李江西, 北京 in 北京大学);
 * - it is jieba's nt inside a model ORG (人大常委会 in 市人大常委会);
 * - it is a suffix-shaped ORG (entity-org-suffix) inside a longer model ORG
 *   (鹤类保护协会 of 国际鹤类保护协会, 诺集团 of 飞书深诺集团, 河北经贸大学 of
 *   河北经贸大学法律系), unless what the model reads on past the rule's end
 *   holds the start of a title or body word (gazetteer titles.txt, lexicon
 *   org-bodies-before-title: the model's 兴业银行党委 of 兴业银行党委书记 leaves
 *   兴业银行 and the title standing). v2 vetoed only the same end: MSRA 0.767
 *   → 0.769, CLUENER 0.669 → 0.671; any longer model ORG without the title
 *   exception was 0.772 / 0.674 but corpus person-title-org 0.95 → 0.875;
 *   v3 with the exception, model v5: 0.770 / 0.671 → 0.772 / 0.674 (the
 *   title test only at the model's extra part's first character: 0.775 /
 *   0.673 with the ns rule below, against 0.775 / 0.674), corpus gold
 *   unchanged;
 * - it is a bare jieba tag (ns, nt, nr, nrt) that crosses a model span's edge;
 * - it is a person found by a cue word alone (title, speech verb), by
 *   jieba's nr / nrt or as an HMM unknown where the model sees no person;
 * - it is jieba's ns where the model reads nothing at all (上街, 商海);
 * - it is jieba's ns that holds a model span of another extent (台湾岛 /
 *   台湾, 北京市民 / 北京, 撒哈拉沙漠 / 撒哈拉; on MSRA dev such ns spans were
 *   right 1 time in 56, the model 50): v3, on top of the suffix change,
 *   0.772 / 0.674 → 0.775 / 0.674; corpus gold LOC P 0.937 → 0.934 (华蓥山
 *   now right instead of 华蓥山区, 中国香港 split into the model's 中国 and
 *   香港), the rest unchanged. Not adopted: jieba
 *   ns inside a longer model LOC vetoed too (+0.000 / +0.001, but the
 *   model's 城南社区驻村 takes the corpus' 城南社区, relations P 0.95 → 0.925).
 * - it is jieba's ns where the model reads the same characters as another
 *   type (v3: 北京饭店 an ORG; on top of the two changes above 0.775 / 0.674
 *   → 0.776 / 0.675, corpus gold and the team's sentence sets unchanged).
 * - (abbrev) it is made wholly of entity-loc-abbrev's one-character places
 *   (the model's ORG 鲁台 of “鲁台经贸洽谈会”, jieba's ns 闽粤): a run of
 *   abbreviations names each place, not one thing (MSRA writes 鲁, 台);
 * - (v4) it is a gazetteer place or jieba's ns that is also a common word
 *   (上街, 高明, 大关, 元宝: lexicon place-ambiguous-names) where the model
 *   does not read the same characters as a place;
 * - (v4) it is a gazetteer place that is no Chinese division and no country
 *   (a foreign city or landmark: 罗马, 里昂, 佛罗伦萨, 白宫) where the model
 *   reads the same characters as an organisation (a club named after its
 *   city; MSRA tags the White House ORG when it acts).
 * v4 measured with model v5 (node dist/eval/mention-errors.js, and each
 * rule's dev errors where the model's spans were right), together with
 * the rule fixes of the same change (loc-gazetteer v6, org-suffix v7, word
 * lists, the persons-inside-titles step): MSRA dev 0.780 → 0.791, CLUENER dev
 * 0.678 → 0.694 (eval:ner --pipeline); alone, the
 * ambiguous places +0.002 MSRA, the foreign places as clubs +0.011 CLUENER
 * (MSRA ±0); corpus gold unchanged; the team's tuned set reads 白宫 ORG.
 * Measured and not adopted in v4: a gazetteer place strictly inside a longer
 * model place vetoed (+0.000 / +0.001; the third set loses 首尔青瓦台 to the
 * model's extent), a curated ORG inside a longer model ORG that ends in an
 * organisation suffix yielding to it (+0.0004 / 0), a document-pass person
 * needing the model's person (+0.0002), a county short form yielding to the
 * model's person on the same characters (±0).
 * - (v5) it is a suffix-shaped ORG (entity-org-suffix) where the model reads
 *   the same characters as a place (a museum, a gallery, a launch centre:
 *   中国美术馆, 中国革命博物馆, 西昌卫星发射中心; MSRA tags such facilities LOC):
 *   the model's place stands, and the weak spans strictly inside it yield too
 *   (the gazetteer's 中国 would otherwise take the freed characters first).
 *   On the tune half of the MSRA dev block (src/eval/mention-errors.ts
 *   --half tune) such suffix ORGs were right 0 times, the model 9; with
 *   entity-org-gazetteer v6 (session numbers: 第六届全国人大) MSRA tune
 *   0.806 → 0.816, CLUENER tune 0.682 → 0.683; corpus gold unchanged.
 *   The same where the model reads the suffix ORG as places that tile it
 *   whole, the last ending where it ends (北京中国革命历史博物馆 → 北京 +
 *   中国革命历史博物馆, 台湾鸿禧美术馆): MSRA tune 0.8168 → 0.8181, CLUENER
 *   tune unchanged, corpus gold and the team's sets unchanged.
 * - (v5) it is a curated organisation (entity-org-gazetteer's gazetteer
 *   source, otherwise strong) on a word jieba reads as a verb (联想 "think
 *   of", 奔驰 "gallop") where the model does not read the same characters as
 *   an organisation: MSRA tune 0.8164 → 0.8168 (2 spurious ORGs), CLUENER
 *   tune unchanged, corpus gold unchanged. Measured and not adopted in v5:
 *   a document copy of a person (entity-person-name's source document)
 *   standing only where the name stands elsewhere as a kept person or the
 *   model's (MSRA tune −0.0001: 来写 and 那篇 go, so do right copies).
 * - (v6) a curated organisation (entity-org-gazetteer's gazetteer source,
 *   otherwise strong) that heads a longer organisation the model reads from
 *   the same first character names the parent of a unit (中科院 of
 *   中科院大连石油研究所, 解放军 of 解放军大连陆军学校, 中国日报 of 中国日报网,
 *   the place 大连 inside then goes with it): it yields to the model's whole
 *   name, unless what the model reads on holds the start of a title or body
 *   word (兴业银行 of the model's 兴业银行党委 before 书记, as for suffix ORGs).
 *   Issue #13's fourth round (helper entgap3), micro F1 on the dev halves
 *   (node dist/eval/halves.js): tune MSRA 0.825 → 0.827, CLUENER 0.683 →
 *   0.686; report MSRA 0.800 → 0.801, CLUENER 0.705 unchanged; corpus gold,
 *   the team's sets and the attribution scores unchanged. A curated name
 *   anywhere inside the model's longer ORG yielding (CLUENER tune +0.005)
 *   breaks 广东省十四届人大 (its 人大 must stand); only where the model's name
 *   ends in an organisation suffix: +0.002 / +0.003 on tune. Measured and not
 *   adopted in this round (tune MSRA / CLUENER, from 0.825 / 0.683): a model
 *   person of one character (郑 of 郑全军) not vetoing the rule's longer name
 *   +0.002 / 0, but report MSRA −0.002 (PER R 0.848 → 0.844); the
 *   committee-government ORG (区政府 after 区委) needing a model ORG +0.001 /
 *   0 (MSRA never tags a bare 区政府), but the corpus gold's 区政府 is lost;
 *   jieba nt where the model reads nothing dropped +0.001 / −0.001; a
 *   gazetteer or jieba-ns place strictly inside a longer model place vetoed
 *   −0.002 / +0.004 (the model's 山西东北角灵邱县, 金沙江河谷, 北运河畔); a
 *   province split off a suffix ORG that names a lower division next
 *   (湖南省 + 沅江市委, MSRA's way) +0.001 / −0.002 (CLUENER writes them whole).
 * - (v6) it is a person strictly inside a model place or organisation (the
 *   stadium 阿里·萨米扬球场, the fort 阿格拉堡: a thing named after someone),
 *   as a place inside the model's person or organisation yields above: tune
 *   MSRA unchanged, CLUENER +0.001 (PER P 0.791 → 0.800); report in the
 *   commit; corpus gold and the team's sets unchanged.
 * A longer weak name that holds a model span whole stands (the longest name
 * wins: 北京市经济和信息化局 over the model's 经济和信息化局), and so does
 * any other weak span where the model reads the same characters as another
 * type.
 * Every kept mention keeps the stamp of the rule that produced it. Without
 * model hits (a pipeline that switches entity-model off) it is
 * `longest-most-specific`.
 *
 * Measured (src/eval/mention-errors.ts: the whole pipeline on the dev
 * blocks, exact spans, micro F1, MSRA dev / CLUENER dev; the policy before
 * this change 0.746 / 0.624). Each change alone: persons of another extent
 * to the model 0.749 / 0.635; cue, nr and HMM persons need the model's
 * person 0.749 / 0.632; jieba nt inside a model ORG 0.749 / 0.624; jieba
 * tags crossing the model 0.746 / 0.625; later, on top of those, nrt
 * persons need the model's person +0.000 / +0.004 and jieba ns needs some
 * model span +0.001 / +0.003. All of it, with the rule fixes of the same
 * change (glued function words, 中央政治局常委, 人民代表大会, …制度) and
 * propagation restricted (steps.ts): 0.761 / 0.650; PER recall 0.826 →
 * 0.822 / 0.720 → 0.760, PER precision 0.845 → 0.90 / 0.618 → 0.73. Corpus
 * gold (tests/entities/gold.test.ts) unchanged (PERSON / ORG / LOC P 0.954 /
 * 0.894 / 0.931, R 0.988 / 0.941 / 0.976);
 * the team's sentence sets 0.967 / 0.917 / 0.963 → 0.971 / 0.917 / 0.963.
 * Measured and not adopted, because the model's spans are wrong where the
 * rules were written for modern business news:
 * - a curated ORG strictly inside a longer model ORG yielding to it
 *   (第六届全国人大常委会): MSRA +0.002, CLUENER −0.001, the corpus loses
 *   吉利 to the model's 吉利星座, and unless a model ORG that swallowed a
 *   place is excepted, 广东省十四届人大 takes 广东省 with it (the figures'
 *   全省 then has no subject);
 * - the model first, rules only in the free text: 0.784 / 0.660, but corpus
 *   gold ORG P / R 0.689 / 0.600, LOC P 0.686, the tuned set 0.967 → 0.795;
 * - any weak span strictly inside a model span vetoed: 0.755 / 0.645, gold
 *   ORG P 0.866 and LOC P 0.915 (under the floors: the model's
 *   上海人工智能实验室科学家团队, 天津市南开区老城厢), fresh set 0.883;
 * - the model's type on the same span: CLUENER +0.018, MSRA +0.001, gold
 *   LOC P 0.925 (白宫, 中关村, 卡尔美 typed wrongly), tuned set 0.957;
 * - every weak span crossing a model span vetoed (not only jieba tags):
 *   +0.002 each, gold LOC P 0.925 (the model's 教科创园核心区);
 * - suffix, jieba-ns and brand ORGs dropped where the model is silent:
 *   MSRA +0.005, gold ORG recall 0.941 → 0.835;
 * - (v3) a suffix ORG that holds a shorter model ORG yielding to it: 0.778 /
 *   0.672, gold ORG P / R 0.851 / 0.876 (京东五星电器（天津）集团有限公司 cut to
 *   the model's pieces), relations R 0.78.
 * What is left between the pipeline and the model alone (0.808 / 0.678 on
 * the same blocks) is mostly convention: MSRA splits 河北省秦皇岛市 and
 * 山东茌平县小杨屯村党支部 into places and a body, counts museums as places
 * and 第六届 into a congress; the project's gold writes them the other way.
 * (v5: museums the model reads as places and 第六届 are now read as MSRA
 * does; the corpus gold did not need them.) Second round of issue #13, on
 * the halves of the dev blocks (eval/halves.js, eval:ner's model alone /
 * pipeline): tune MSRA 0.838 / 0.806 → 0.825, CLUENER 0.684 / 0.682 →
 * 0.683; report MSRA 0.829 / 0.798 → 0.800, CLUENER 0.723 / 0.701 → 0.705.
 * Measured and not adopted: a division chain the model reads as its places
 * yielding to them (河北省秦皇岛市 → 河北省 + 秦皇岛市, MSRA's way): tune +0.013,
 * report +0.009, but corpus gold LOC P 0.934 → 0.816 and the team's sets'
 * LOC P under 0.65 (they write 江西省南昌市, 上海市政府, 澳门特区政府 whole).
 * Third round (issue #13, helper chains): the split as a last stage of this
 * policy, members from the division lexicon (longest name first, going down
 * the hierarchy: chainsBelow; a two-character county after a prefecture; a
 * township, village or community after a division: 忻城县 + 红渡镇 + 六纳村),
 * weak LOC spans only, so 上海市政府 and a chain inside an ORG stay whole;
 * micro F1 recounted from the halves' per-type counts, tune MSRA / CLUENER,
 * report MSRA / CLUENER, before 0.8252 / 0.6830, 0.7999 / 0.7055:
 * - where the model reads exactly the lexicon's members: 0.8384 / 0.6812,
 *   0.8097 / 0.7038 (inside the bar of +MSRA, CLUENER −0.002), but with the
 *   corpus gold and the team's sets rewritten as chains of places (28 case
 *   lines, 23 gold lines) the pipeline still writes whole every chain the
 *   model reads whole (湖北省武汉市江汉区, 陕西省西安市碑林区): sets' LOC F1
 *   0.910 / 0.870 / 0.931 → 0.857 / 0.787 / 0.740, corpus gold LOC P / R
 *   0.934 / 0.969 → 0.916 / 0.919, relations P / R 0.975 / 0.951 → 0.923
 *   / 0.878 (a title's body 天津市南开区 becomes 南开区, and 唐超's carried
 *   副主任 is lost), all under their floors;
 * - where the model's places tile it any way: 0.8384 / 0.6812, 0.8126 / 0.7025;
 * - every chain of the lexicon: 0.8434 / 0.6793, 0.8154 / 0.6972 (CLUENER
 *   writes chains whole: 江西省余干县, and its addresses' heads);
 * - the model's members or every chain of full names (湖北省武汉市江汉区),
 *   not one heading a street address (北京市海淀区翠微路): 0.8415 / 0.6812,
 *   0.8103 / 0.7018; the sets then read 0.928 / 0.906 / 0.938, corpus gold
 *   LOC P 0.927 (short chains 宁德蕉城 and sub-units stay whole).
 * Not adopted: no variant both keeps CLUENER's report half within 0.002
 * and lets the project's gold be written the new way above its floors.
 */
import type { MentionHit } from '../rule.js';
import type { Token } from '../../core/types.js';
import { spanAt } from '../../core/spans.js';
import { wordList, wordSet } from '../../core/lists.js';
import { isDivision, lexicon } from './lexicon.js';
import { perLexicon } from './word-lists.js';

export type MentionPolicy = <T extends MentionHit>(hits: T[], ctx?: { text: string; tokens?: readonly Token[] }) => T[];

const TYPE_RANK: Record<string, number> = { POLICY: 6, EVENT: 5, PRODUCT: 4, ORG: 3, PERSON: 2, LOC: 1 };

const prio = (h: MentionHit): number => h.priority ?? 0;
const ruleOf = (h: MentionHit): string => String((h as { rule?: unknown }).rule ?? '');
const sourceOf = (h: MentionHit): string => String((h.attrs as { source?: unknown } | undefined)?.source ?? '');

export const MODEL_RULE = 'entity-model';

/** Person sources of entity-person-name that rest on a curated list. */
const STRONG_PERSON_SOURCES = new Set(['gazetteer', 'title-speech']);
/**
 * Person sources that rest on a cue word only (a title before or after, a
 * speech verb): on the MSRA dev block 6 of 38 were names (和吴宓, 来信诉), so
 * they stand only where the model also sees a person.
 */
const CUE_PERSON_SOURCES = new Set(['title-context', 'title-after', 'speech-context']);

/** High-precision hits that override the model. */
export function isStrong(h: MentionHit): boolean {
  if (h.type === 'POLICY' || h.type === 'EVENT' || h.type === 'PRODUCT') return true;
  const rule = ruleOf(h);
  if (rule === 'entity-person-byline') return true;
  if (rule === 'entity-person-name') return STRONG_PERSON_SOURCES.has(sourceOf(h));
  if (rule === 'entity-org-gazetteer') return sourceOf(h) === 'gazetteer';
  return false;
}

function order<T extends MentionHit>(hits: T[]): T[] {
  return [...hits].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      prio(b) - prio(a) ||
      (TYPE_RANK[b.type] ?? 0) - (TYPE_RANK[a.type] ?? 0) ||
      a.start - b.start,
  );
}

/**
 * Spans sorted by start with the running maximum of their ends, so that the
 * spans overlapping [s, e) are found by a binary search and a short walk back
 * instead of a scan of all of them (rule hits × model hits per document).
 */
class SpanIndex<T extends MentionHit> {
  private readonly spans: T[];
  private readonly reach: Int32Array;

  constructor(spans: readonly T[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
    this.reach = new Int32Array(this.spans.length);
    let r = -1;
    this.spans.forEach((h, k) => {
      r = Math.max(r, h.end);
      this.reach[k] = r;
    });
  }

  /** Is `f` true of some span overlapping [s, e)? */
  some(s: number, e: number, f: (h: T) => boolean): boolean {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.start < e) lo = mid + 1;
      else hi = mid;
    }
    // spans [0, lo) start before e; walk back while one of them may still reach past s
    for (let k = lo - 1; k >= 0 && this.reach[k]! > s; k--) {
      const h = this.spans[k]!;
      if (h.end > s && f(h)) return true;
    }
    return false;
  }
}

/** Place `hits` longest-most-specific into the free characters of `used`, pushing the kept ones to `kept`. */
function fill<T extends MentionHit>(hits: T[], used: Uint8Array, kept: T[]): void {
  next: for (const h of order(hits)) {
    for (let i = h.start; i < h.end; i++) if (used[i]) continue next;
    kept.push(h);
    used.fill(1, h.start, h.end);
  }
}

const size = (hits: readonly MentionHit[]): number => hits.reduce((m, h) => Math.max(m, h.end), 0);
const byPosition = (a: MentionHit, b: MentionHit): number => a.start - b.start || a.end - b.end;

export const longestMostSpecific: MentionPolicy = (hits) => {
  const kept: typeof hits = [];
  fill(hits, new Uint8Array(size(hits)), kept);
  return kept.sort(byPosition);
};

export const overlapPolicyName = 'longest-most-specific';
export const modelPolicyName = 'rules-then-model';

/** Sources that are a bare jieba tag. */
const JIEBA_SOURCES = new Set(['jieba-ns', 'jieba-nt', 'jieba-nr', 'jieba-nrt']);
/** Person sources that stand only where the model also sees a person (cue words, jieba's nr / nrt, HMM unknowns). */
const CONFIRMED_PERSON_SOURCES = new Set([...CUE_PERSON_SOURCES, 'jieba-nr', 'jieba-nrt', 'hmm-name']);

const strictlyInside = (h: MentionHit, m: MentionHit): boolean => m.start <= h.start && h.end <= m.end && h.end - h.start < m.end - m.start;

/** The title and body words a model ORG's extra part may start with (built once per lexicon). */
const titleStartWords = perLexicon(() => {
  const words = [...lexicon().titleList, ...wordList('org-bodies-before-title')];
  /** the words by their first code unit, in list order (a position is tested against its own few) */
  const byFirst = new Map<number, string[]>();
  for (const w of words) if (w.length > 0) byFirst.set(w.charCodeAt(0), [...(byFirst.get(w.charCodeAt(0)) ?? []), w]);
  return { any: words.length > 0, empty: words.includes(''), byFirst };
});

/** `rules-then-model`, as the header describes. */
export const rulesThenModel: MentionPolicy = (hits0, ctx) => {
  const text = ctx?.text ?? '';
  // a weak span made wholly of entity-loc-abbrev's one-character places (the model's ORG 鲁台
  // of 鲁台经贸洽谈会, jieba's ns 闽粤) names no one thing: it yields to those places
  const abbrevAt = new Set(hits0.filter((h) => ruleOf(h) === 'entity-loc-abbrev').map((h) => h.start));
  let hits =
    abbrevAt.size === 0
      ? hits0
      : hits0.filter((h) => {
          if (h.end - h.start < 2 || h.end - h.start > 4 || ruleOf(h) === 'entity-loc-abbrev' || isStrong(h)) return true;
          for (let k = h.start; k < h.end; k++) if (!abbrevAt.has(k)) return true;
          return false;
        });
  const notNameEnd = text ? wordSet('person-not-name-end-chars') : new Set<string>();
  const ambiguous = text ? wordSet('place-ambiguous-names') : new Set<string>();
  /** a gazetteer place that is no Chinese division and no country (罗马, 里昂, 白宫) */
  const foreignPlace = (h: MentionHit): boolean => {
    if (!text || ruleOf(h) !== 'entity-loc-gazetteer') return false;
    const lex = lexicon();
    const w = text.slice(h.start, h.end);
    return !isDivision(lex, w) && !lex.countries.has(w);
  };
  const tokens = ctx?.tokens ?? [];
  const modelOrgAt = new Set(hits0.filter((h) => ruleOf(h) === MODEL_RULE && h.type === 'ORG').map((h) => `${h.start}:${h.end}`));
  /** (v5) a curated organisation whose word jieba reads as a verb (联想, 奔驰): a name only where the model reads it as one */
  const verbOrg = (h: MentionHit): boolean => {
    if (ruleOf(h) !== 'entity-org-gazetteer' || sourceOf(h) !== 'gazetteer' || tokens.length === 0) return false;
    const t = spanAt(tokens, h.start);
    return !!t && t.start === h.start && t.end === h.end && t.tag.startsWith('v') && !modelOrgAt.has(`${h.start}:${h.end}`);
  };
  // (without any model span, as in a pipeline without the model, the rules stand as they are)
  if (tokens.length > 0 && hits0.some((h) => ruleOf(h) === MODEL_RULE)) hits = hits.filter((h) => !verbOrg(h));
  const titleStarts = text ? titleStartWords() : null;
  /** a title or body word starts in [from, to) of the text (the model's 兴业银行党委 of 兴业银行党委书记: 党委书记 starts at 党) */
  const startsTitle = (from: number, to: number): boolean => {
    if (!titleStarts || !titleStarts.any) return false;
    if (titleStarts.empty && from < to) return true;
    for (let p = from; p < to; p++) {
      const ws = titleStarts.byFirst.get(text.charCodeAt(p));
      if (ws) for (const w of ws) if (text.startsWith(w, p)) return true;
    }
    return false;
  };
  // (v6) a curated organisation that heads a longer organisation the model reads from its first
  // character (中科院 of 中科院大连石油研究所, 解放军 of 解放军大连陆军学校, 中国日报 of 中国日报网)
  // names the parent of a unit: it yields to the model's whole name, unless what the model reads
  // on holds the start of a title or body word (兴业银行 of the model's 兴业银行党委 before 书记)
  if (modelOrgAt.size > 0) {
    let modelOrgEnds: Map<number, number> | null = null;
    let parents: Set<MentionHit> | null = null;
    for (const h of hits) {
      if (h.type !== 'ORG' || ruleOf(h) !== 'entity-org-gazetteer' || sourceOf(h) !== 'gazetteer') continue;
      if (!modelOrgEnds) {
        modelOrgEnds = new Map<number, number>();
        for (const m of hits0) if (m.type === 'ORG' && ruleOf(m) === MODEL_RULE) modelOrgEnds.set(m.start, Math.max(modelOrgEnds.get(m.start) ?? 0, m.end));
      }
      const end = modelOrgEnds.get(h.start) ?? 0;
      if (end > h.end && !startsTitle(h.end, end)) (parents ??= new Set()).add(h);
    }
    if (parents) hits = hits.filter((h) => !parents.has(h));
  }
  const fromModel = hits.map((h) => ruleOf(h) === MODEL_RULE);
  // a model span that crosses a strong rule hit loses to it, and then vetoes nothing
  // (广东省十四届人大 read whole by the model must not take 广东省 with it when 人大 stands)
  const strongHit = hits.map((h, k) => !fromModel[k] && isStrong(h));
  const strong = new SpanIndex(hits.filter((_h, k) => strongHit[k]));
  const model = hits.filter((h, k) => fromModel[k] && !strong.some(h.start, h.end, () => true));
  if (model.length === 0 && !fromModel.includes(true)) return longestMostSpecific(hits);
  const modelIndex = new SpanIndex(model);
  /** the model's person runs on past the rule's over a character no name ends with (王晓从北京: 从) */
  const runsOn = (m: MentionHit, h: MentionHit): boolean => m.end > h.end && notNameEnd.has(text[m.end - 1] ?? '');
  /** the rule's person is the model's plus 某 / 某某: a name as the news withholds it (李某, 王某某) is whole */
  const withheld = (m: MentionHit, h: MentionHit): boolean => m.start === h.start && m.end < h.end && /^某{1,2}$/u.test(text.slice(m.end, h.end));
  /** model spans a rule span yielded to whole: the weak rule spans inside them yield too */
  const claimed: MentionHit[] = [];
  /** the model's places tile [h.start, h.end) whole (北京 + 中国革命历史博物馆, 台湾 + 鸿禧美术馆) */
  const tiledByPlaces = (h: MentionHit): boolean => {
    const inside = model.filter((m) => m.start >= h.start && m.end <= h.end).sort((a, b) => a.start - b.start);
    let p = h.start;
    for (const m of inside) {
      if (m.type !== 'LOC' || m.start !== p) return false;
      p = m.end;
    }
    return p === h.end;
  };
  const rules0 = hits.filter((h, k) => {
    if (fromModel[k]) return false;
    if (strongHit[k]) return true;
    const src = sourceOf(h);
    let seen = false;
    // (the order the overlapping model spans are visited in does not matter: any veto vetoes)
    const vetoed = modelIndex.some(h.start, h.end, (m) => {
      if (m.type === h.type) seen = true;
      // the same characters: the rule stands, but for jieba's bare ns where the model reads another
      // type, and for a foreign city or landmark of the gazetteer that the model reads as an
      // organisation (a club named after its city: 罗马 和 国际米兰, 佛罗伦萨 vs 里昂)
      // (v5) and for a suffix-shaped organisation the model reads as a place (a museum, a gallery,
      // a launch centre: 中国美术馆, 西昌卫星发射中心)
      // a suffix-shaped organisation the model reads as a place (a museum, a gallery, a launch
      // centre: 中国美术馆, 西昌卫星发射中心) yields to it, and so do the weak names inside it (中国)
      if (m.start === h.start && m.end === h.end && m.type === 'LOC' && ruleOf(h) === 'entity-org-suffix') {
        claimed.push(m);
        return true;
      }
      if (m.start === h.start && m.end === h.end) return (src === 'jieba-ns' && m.type !== h.type) || (m.type === 'ORG' && foreignPlace(h));
      // (v5) so does one the model reads as a place after a place, its places tiling it whole
      // (北京 + 中国革命历史博物馆, 台湾 + 鸿禧美术馆)
      if (ruleOf(h) === 'entity-org-suffix' && m.type === 'LOC' && m.end === h.end && h.start < m.start && tiledByPlaces(h)) {
        claimed.push(h);
        return true;
      }
      // persons of another extent: the model's (鲍尔为 → 鲍尔, 由范慕 → 范慕韩, 和吴宓 → 吴宓, 李纪 → 李纪恒)
      if (h.type === 'PERSON' && m.type === 'PERSON') return !runsOn(m, h) && !withheld(m, h);
      if (strictlyInside(h, m)) {
        // a place inside the model's person or organisation (江西 in 李江西, 北京 in 北京大学)
        if (h.type === 'LOC' && (m.type === 'PERSON' || m.type === 'ORG')) return true;
        // (v6) and a person inside the model's place or organisation (阿里·萨米扬 of the stadium
        // 阿里·萨米扬球场, 阿格拉 of the fort 阿格拉堡): named after someone, it is no person
        if (h.type === 'PERSON' && (m.type === 'LOC' || m.type === 'ORG')) return true;
        if (m.type !== 'ORG') return false;
        // jieba's nt inside the model's organisation (人大常委会 in 市人大常委会)
        if (src === 'jieba-nt') return true;
        // a suffix-shaped organisation inside the model's longer one (鹤类保护协会 of
        // 国际鹤类保护协会, 河北经贸大学 of 河北经贸大学法律系), unless what the model
        // reads on to the right holds the start of a title or body word (兴业银行 of the
        // model's 兴业银行党委, where 党委书记 is the title)
        return ruleOf(h) === 'entity-org-suffix' && !startsTitle(h.end, m.end);
      }
      // a bare jieba tag that crosses the model's span (英国伦敦|人 ...)
      const crosses = h.start < m.start ? h.end < m.end : h.start > m.start && h.end > m.end;
      if (crosses && JIEBA_SOURCES.has(src)) return true;
      // jieba's ns holding the model's span of another extent (台湾岛 / 台湾, 北京市民 / 北京, 英国伦敦 / 英国)
      return src === 'jieba-ns' && h.start <= m.start && m.end <= h.end;
    });
    if (vetoed) return false;
    if (h.type === 'PERSON' && CONFIRMED_PERSON_SOURCES.has(src) && !seen) return false;
    // a gazetteer place or jieba's ns that is also a common word (上街, 高明, 大关:
    // place-ambiguous-names) stands only where the model reads the same characters as a place
    if ((ruleOf(h) === 'entity-loc-gazetteer' || src === 'jieba-ns') && ambiguous.has(text.slice(h.start, h.end)) && !modelIndex.some(h.start, h.end, (m) => m.type === 'LOC' && m.start === h.start && m.end === h.end)) return false;
    // a bare jieba place where the model reads nothing at all (上街, 商海, 大中城市)
    if (src === 'jieba-ns' && !modelIndex.some(h.start, h.end, () => true)) return false;
    return true;
  });
  const rules = claimed.length === 0 ? rules0 : rules0.filter((h) => isStrong(h) || !claimed.some((m) => strictlyInside(h, m)));
  const used = new Uint8Array(size(hits));
  const kept: typeof hits = [];
  fill(rules, used, kept);
  fill(model, used, kept);
  return kept.sort(byPosition);
};
