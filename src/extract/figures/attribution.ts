/**
 * Attribution (FIGURES.md): for each figure the metric it measures, the
 * subject it is about, the time it belongs to with that time resolved to a day
 * span (`period`), and the change and basis it reports.
 *
 * An article-level context carries the current subject, time and metric
 * across sentences and `；`; it is reset where a new article starts (blocks →
 * structure articles). Subjects are entity mentions (LOC, ORG) from the entity
 * stage or the country (全国); pronouns (全省, 该市, 该公司) take the last entity
 * of their level named earlier in the article (a division opening an event's
 * name counts: 江西省第十四届人民代表大会 → 江西省). 分别 distributes a list of
 * metrics, subjects or times over the figures after it. Times are the expressions of
 * times.ts; bases (比去年同期, 较年初) never become the time, and anaphoric
 * times (全年, 届时, 同期, 期内) resolve against the current time.
 */
import type { Block, Sentence } from '../../core/types.js';
import type { FigureHit } from '../rule.js';
import { canonicalName } from '../../resolve/index.js';
import { isDivision, lexicon } from '../entities/lexicon.js';
import { parseDay, spanOfIso, ymd, type DaySpan } from './days.js';
import { BASES, changeVerbs } from './lexicon.js';
import { wordList, wordSet } from '../../core/lists.js';
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
    CHANGE_RE: new RegExp('(' + orderedAlternation(BASES) + '|(?:比(?![重例率])|较|较之)[^，、。；比较]{1,12}?)?(?:分别)?(?:实际|名义)?(' + orderedAlternation(verbs.filter((v) => v !== '同比增长')) + ')(?:了|为|到|至|达)?$'),
    /** A character every change verb has (a cheap test before CHANGE_RE). */
    CHANGE_CHARS: new RegExp('[' + [...new Set(verbs.join(''))].join('') + ']'),
    /** Bodies that report a figure are not its subject (FIGURES.md). */
    REPORTER: new RegExp(alt('figure-reporter-suffixes') + '$'),
    /** Names ending like a government body that are no reporting body (铁路局 is a company, 宴会厅 a room, 中西部 a region). */
    NOT_REPORTER: new RegExp(alt('figure-not-reporter-endings') + '$'),
    PRONOUN: new RegExp(alt('figure-pronouns'), 'g'),
    LEAD_STRIP: new RegExp('^' + alt('figure-lead-strip') + '+'),
    /** words a trade name never begins with (据, 该, 今年 …) */
    NAME_LEAD_NOT: new RegExp('^' + alt('figure-name-lead-not')),
    /** (能 as a modal, not the noun's end: 产能, 储能, 动能 stay) */
    TAIL_STRIP: new RegExp('(?:' + orderedAlternation(wordList('figure-tail-strip').filter((w) => w !== '能')) + (wordList('figure-tail-strip').includes('能') ? '|(?<![产动功性效储电热核风光势])能' : '') + ')+$'),
    /** a lead verb with its 了 (实施了总规模), and a modal before it (拟安排) */
    LEAD_VERBS: new RegExp('^(?:(?:拟|将|可|预计)?' + alt('figure-lead-verbs') + '了?)+'),
    VERB_ONLY: new RegExp('^' + alt('figure-verb-only') + '$'),
    /** Sector words heading a standard metric (民航旅客运输量): part of the metric, no subject. */
    SECTOR: new Set(wordList('figure-sector-words')),
    /** Nouns ending a metric, longest first: what a shorter item of a 分别 list of metrics replaces. */
    METRIC_TAILS: [...wordList('figure-metric-tails')].sort((a, b) => b.length - a.length),
    /** An industry named as the actor of a sub-figure: 其中，电子信息制造业增加值增长11.3% */
    SECTOR_INDUSTRY: new RegExp('^(第[一二三]产业)(' + alt('figure-industry-metrics').slice(3, -1) + ')$'),
    /** (实现营业收入: 营业 ends no industry, at the start or after a verb) */
    INDUSTRY: new RegExp('^(?!' + NOT_INDUSTRY + ')([\\u4e00-\\u9fff]{1,14}?(?:业|行业|产业))(?<!' + NOT_INDUSTRY + ')(' + alt('figure-industry-metrics').slice(3, -1) + ')$'),
  };
});
/** Words ending in 业 that are no industry (营业收入, 企业数量, 就业人数); the three sectors (第一产业增加值) name a metric of the whole economy. */
const NOT_INDUSTRY = '(?:营业|企业|就业|创业|事业|作业|毕业|职业|专业|第[一二三]产业)';
/** An industry alone, the actor of an ellipsis (分三大门类看，采矿业增加值增长5.1%，制造业增长5.7%). */
const INDUSTRY_ALONE = new RegExp('^(?!' + NOT_INDUSTRY + '$)[\\u4e00-\\u9fff]{1,14}?(?:业|行业|产业)$');
/** Contracted pairs of metrics (汽车产销分别为A和B → 汽车产量, 汽车销量; 收支 → 收入, 支出). */
const CONTRACTED: Record<string, string[]> = { 产销量: ['产量', '销量'], 产销: ['产量', '销量'], 收支: ['收入', '支出'] };
const CONTRACTED_PAIR = /^(.*?)(产销量|产销|收支)$/;
/** A lead naming a breakdown: what follows in its segment is a sub-figure, as after 其中 (分行业看, 分三大门类看, 从行业看, 按区域分). */
const BREAKDOWN_LEAD = /(?:其中|分[\u4e00-\u9fff]{1,6}(?:来)?看|(?:从|按)[\u4e00-\u9fff]{0,4}(?:行业|产业|门类|领域|区域|地区|类别|板块)(?:来看|看|分))[，,]?$/;
/** The regions of the country (华东, 西北, 中部): with 地区 after them, one name. */
const REGION = /^(?:华[东南西北中]|东北|西北|西南|东南|[东西中]部)$/;
/** A place before these names a market of the metric (欧洲市场收入), not the subject. */
const MARKET_AFTER = /^市场/;
/** A place after these is a partner, not the subject (对美出口, 从上海进口). */
const PARTNER_BEFORE = /(?:对|向|从|自|来自|往|与|同|赴|出口到|进口自)$/;
/** How a figure is calculated (按可比口径, 按不变价格计算, 扣除价格因素): no part of the metric. */
const CALC_BASIS = /(?:按照?[\u4e00-\u9fff]{1,4}?(?:口径|价格)(?:计算|计)?|(?:扣除|剔除)价格因素(?:后)?)/;
/** A place alone (天府新区, 高新区, 江宁区): in a breakdown, the subject of the metric left out. */
const PLACE_ALONE = /^[\u4e00-\u9fff]{1,8}(?:省|市|区|县|州|镇|乡)$/;
/** A reporting body heading what it monitors or surveys (商务部重点监测…, 国家统计局调查的…). */
const REPORTER_LEAD = /^[\u4e00-\u9fff]{1,8}?(?:部|总署|总局|统计局|调查总队|调查队)(?=(?:重点)?(?:监测|统计|调查|测算)的?[\u4e00-\u9fff]{2})/;
/** A population of enterprises heading a metric (规模以上工业企业利润总额). */
const ENTERPRISE_POPULATION = /^(?:规模以上|规上|限额以上|限上)[\u4e00-\u9fff]{0,6}企业/;
/** Town and country as the parts of a breakdown (其中，城市上涨0.7%，农村上涨0.3%). */
/** A clause opening with a lead verb (no subject of its own): 实现利润总额…, 完成… */
const POPULATION_CONTINUED = /^(?:共|累计|合计)?(?:实现|完成)/;
/** A stage condition heading a projected quantity (全部达产后可, 建成投产后将实现) */
const STAGE_CONDITION = /^[\u4e00-\u9fff]{0,4}?(?:达产|达效|建成|投产|竣工|投用|投运|满产|完工)后(?:[可将能])?(?:实现|新增|带动)?(?=[\u4e00-\u9fff]{2})/;
/** A verb of rank or comparison before a whole (居全国, 位居全省, 高于全国, 比全省) */
const RANKED_IN = /(?:居|列|排名|排在|高于|低于|快于|慢于|超过|超出|比|较|占)$/;
/** A pronoun of a place, zone or company no referent was found for, heading a phrase (该园区已集聚企业) */
/** A zone's kind alone opening a clause before its verb (新区共有, 开发区实现; 园区 is read as a place word of its own): the zone named before, as 该园区 */
const BARE_ZONE_HEAD = /^(?:新区|开发区|高新区|经开区|保税区|自贸区)(?=(?:共有|拥有|共|累计|已|实现|完成)[\u4e00-\u9fff])/;
/** 在 and a place before a verb of investing or building (在园区投资, 在当地新建) */
const PLACE_OF_ACT = /^在(?![建库营校岗线职册])[\u4e00-\u9fff]{1,6}?(?=(?:投资|建设|新建|兴建|设立)[\u4e00-\u9fff]*$)/;
const PRONOUN_HEAD = /^(?:该|本|我)(?:园区|开发区|经开区|高新区|新区|区|县|市|省|州|镇|港口|港|机场|口岸|公司|集团|企业|行)/;
/** A speaker's line after a quotation (”县长李明说): no metric */
const SPEAKER_LINE = /[“”"]|(?:说|表示|介绍|称|指出|透露|认为|坦言|强调)$/;
/** 完成 between a subject word and an output quantity (港口完成货物吞吐量) */
const DONE_INSIDE = /(?<=[\u4e00-\u9fff]{2})(?:共|已|累计)?完成(?=[\u4e00-\u9fff]{0,4}(?:吞吐量|收入|产值|产量|销售额|增加值|发电量|进出口|出口|进口|运输量|客运量|货运量|周转量|业务量)$)/;
/** A part, a verb of reaching and a whole, before 的 and a percentage (…销量达到汽车总销量的40.9%) */
const SHARE_BY_VERB = /^([\u4e00-\u9fff]{2,16}?)(?:达到|达|占到|相当于)([\u4e00-\u9fff]{2,16})$/;
const SETTLEMENT_ALONE = /^(?:城市|城镇|农村|乡村)$/;
/** A lead saying a figure sums the metric named before (累计完成, 共计实现): nothing else between a time and the figure. */
const CUMULATIVE_LEAD = /^(?:累计|共计|合计|总计)(?:完成|实现|达到|达)?$/;
/** Area words glued after a place that is no division (大唐不夜城街区, 西湖景区). */
const AREA_AFTER = /^(?:街区|景区|商圈|步行街|商业街|度假区|风景区)/;
/** Development zones glued after a place (金溪 + 经济技术开发区, 临川 + 高新区): one name, the zone. */
const ZONE_AFTER = /^(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区)(?![\u4e00-\u9fff]{0,2}(?:管委会|管理委员会))/;
/** How the data were gathered, before the metric (重点监测的大白菜平均零售价, 纳入统计的): no part of it. */
const SURVEY_LEAD = /^[\u4e00-\u9fff]{0,4}(?:监测|统计|调查|调度|跟踪|抽样)的(?=[\u4e00-\u9fffA-Za-z0-9]{2})/;
/** A participle of survey or selection before a count (重点监测的, 纳入统计的): what it qualifies is the counted noun. */
const SURVEY_PARTICIPLE = /^[\u4e00-\u9fff]{0,4}(?:监测|统计|调查|调度|跟踪|抽样)的?$/;
/** A unit the value is per (为每公斤22.3元): the unit of the figure, not the metric. */
const PER_UNIT_TAIL = /(?:为|是|达)?(?:每(?:平方米|立方米|千瓦时|[\u4e00-\u9fff]{1,2}))+$/;
/** A part of a breakdown named before a size scope (高新区 + 规上工业增加值): a place or zone, then the scoped quantity. */
const SCOPED_PART = /^([\u4e00-\u9fff]{2,8}?(?:区|县|市|镇|园))((?:规上|规模以上|限上|限额以上)[\u4e00-\u9fff]{2,})$/;
/** Size scopes of a statistical population (规上工业, 限额以上批发业): what follows is a whole-economy category. */
const SIZE_SCOPE = /^(?:规上|规模以上|限上|限额以上|全部)/;
/** A rate word alone (增速, 降幅): the rate of the metric named before. */
const RATE_WORD = /^(?:增速|增幅|降幅|涨幅|跌幅|增长率|增长速度)$/;
/** Nouns of a report or its data (2022年全年业绩): a time before them names the report. */
const REPORT_NOUN = /^(?:业绩|报告|年报|财报|决算|数据|经营|统计)/;
/** One-character verbs closing a compound noun (航班起降). */
const COMPOUND_VERB_NOUN = /(?:起降|升降)$/;
/** A share of a target done (完成年度预算的, 完成今年300万辆销量目标的): what the target is of, and its kind. */
const TARGET_SHARE = /完成了?([^，。；]{0,20}?)(目标|预算|计划|任务)的$/;
/** Times and figures inside a target's name (今年300万辆): no part of the metric. */
const TARGET_INNER = /^(?:今年|本年|明年)?(?:[0-9０-９.]+[万亿]?[\u4e00-\u9fff]{0,2}?(?=销量|产量|收入|投资|营收|产值|的))?的?/;
/** Quantities counted by kind (发电量 of 火电, 销量 of 新能源汽车): a kind alone after 其中 takes the quantity. */
const KIND_QUANTITY = /(?:发电量|用电量|产量|销量|吞吐量|出货量|业务量|运输量|客运量|货运量|成交量)$/;
/** A share of the market named alone (市场占有率, 渗透率): of the product the figure before measured (a company's 市场份额 is its own). */
const MARKET_SHARE = /^(?:市场占有率|市场渗透率|渗透率)$/;
/** A crop's yield words alone (总产量, 亩产): the crop is named in the figure before. */
const YIELD_WORD = /^(?:总产量|产量|总产|亩产|单产|平均亩产)$/;
/** An average word alone (日均, 人均): the average of the quantity named before. */
const PER_AVERAGE = /^(?:日均|月均|周均|人均|户均|单日|每日|平均)$/;
/** 累计 inside a metric phrase (新能源汽车累计销量): the span sums, which the time says; no part of the quantity's name. */
const CUMULATIVE_INSIDE = /(?<=[\u4e00-\u9fff]{2})累计(?=[\u4e00-\u9fff]{2})/;
/** Digits inside a Latin name of a product (5G手机, 3D打印设备, 4K电视): no figure. */
const LATIN_NAME_DIGITS = /[0-9]+[A-Za-z]+/g;
/** A mode of transport heading a quantity (高速公路车流量, 铁路发送旅客): an average word goes after it (高速公路日均车流量). */
const MODE_HEAD = /^(?:高速公路|民航|铁路|公路|水路|水运|航空)/;
/** 购物、娱乐等相关消费: the items before 等 are examples of the quantity after it (not 等地, a list of places; not 高等, 一等;
 * not before a verb or function word, 等为主的, 等在内, nor a count of kinds, 等五大类). */
const EXAMPLES_BEFORE = /^[\u4e00-\u9fffA-Za-z0-9、]{1,16}?(?<![高中初同平上下优一二三均对])等(?![地省市县区国人级于同待为在均将的变可是和与及共已都也一二三四五六七八九十两几多])(?=[\u4e00-\u9fff]{2})/;
/** Verbs before the basis of a ratio (恢复至2019年的108%, 是去年同期的1.3倍, 相当于上年的). */
/** A clause of only a verb of level before its figure (达到, 至, 增至, 突破): no quantity named */
const LEVEL_ONLY = /^(?:并|已|又|再|将|进一步|首次|总量|规模)?(?:达到|达|至|到|增至|增加到|增加至|增长到|增长至|提高到|提高至|提升至|提升到|上升到|上升至|下降到|下降至|减少到|减少至|降至|降到|回升至|回落至|突破|超过|逾|为)了?$/;
/** A clause of only a verb of ratio before its basis time (是去年同期的1.4倍) */
const RATIO_ONLY = /^(?:已|并|约)?(?:是|为|相当于|达到|达|恢复至|恢复到|回升至|回升到|恢复)?$/;
const RATIO_VERB = /(?:恢复|回升|回落|相当于|是|为|达到|达)(?:至|到)?$/;
/** A holiday as a time (春节假期, 国庆长假, 五一黄金周) and a segment opening that refers back to it (假期期间, 节日期间). */
const HOLIDAY_TIME = /(?:假期|长假|黄金周|假日)$/;
const HOLIDAY_ANAPHOR = /^(?:假期|节日|长假|节假日)(?:期间|间|内)[，,]/;
/** 假期期间 opening a later clause of the segment (…数据显示，假期期间全市…) */
const HOLIDAY_IN_CLAUSE = /(?<=[，,：:])(?:假期|长假|节假日)(?:期间|间|内)/;
/** A difference stated against a basis with 高/低 (比全省平均水平高, 较上年同期低): the basis and the word. */
const HIGHER_THAN = /((?:比(?![重例率])|较)[^，、。；比较]{1,12}?)(高出|高|低)了?$/;
/**
 * A gap against another series (高于全省平均水平5.2个百分点, 增速高于各项贷款13.2个百分点): the rate word and
 * the compared series end the clause; the figure measures the metric before it, with no change of its own.
 */
const GAP_AGAINST = /(?:(?:增速|增幅|涨幅|降幅|跌幅)(?:分别)?)?(高于|低于|快于|慢于)([^，、。；比较\d]{1,12})$/;
const BASIS_TAIL = new RegExp(orderedAlternation(BASES) + '$');
const NATIONAL = /(?:全国范围内|全国|我国|国内(?!生产总值|外))/g;
/** The national accounts' own word: a figure of 国内生产总值 with no place named is the country's. */
const GDP = /国内生产总值/g;
/** Series only a country has (the purchasing managers' index, money supply, foreign exchange reserves): the country's where no place is named or carried */
const NATIONAL_SERIES = /(?:采购经理指数|PMI|广义货币|狭义货币|流通中货币|社会融资规模|外汇储备)/g;

/** Division names inside a name (the gazetteer's full forms ending in 省/市/区/县/州). */
function divisionsIn(name: string): string[] {
  const out: string[] = [];
  const lex = lexicon();
  for (let e = 2; e <= name.length; e++) {
    if (!/[省市区县州]/.test(name[e - 1] as string)) continue;
    // (江州省统计局: a known name with a division character straight after it is part of a longer name, 江州 + 省)
    if (/[省市县]/.test(name[e] ?? '')) continue;
    for (let st = Math.max(0, e - 7); st <= e - 2; st++) {
      const w = name.slice(st, e);
      if (isDivision(lex, w) && levelOf(w)) {
        out.push(w);
        break;
      }
    }
  }
  // 宁江市交通运输局: a government body whose place no gazetteer knows names its place by shape
  if (!out.length) {
    // (据桐州市统计局: a preposition the entity stage took into the name is none of it)
    const bare = name.replace(/^[据从由经在向对自]/, '');
    const body = BODY_OF_PLACE.exec(bare) ?? DISTRICT_BODY.exec(bare);
    const branch = body ? null : (CENTRAL_BANK_BRANCH.exec(bare) ?? GRID_BRANCH.exec(bare));
    // (宁城市交通运输局: one character + 城市 names a city, as at a clause start)
    if (body && !PLACE_NOT_FIRST.test(bare[0] as string) && (!placeNotWord(body[1] as string) || ((body[1] as string).endsWith('城市') && !wordSet('figure-place-not-words').has(body[1] as string)))) out.push(body[1] as string);
    else if (branch && !PLACE_NOT_FIRST.test((branch[1] as string)[0] as string)) out.push(branch[1] as string);
  }
  return out;
}
/** A government body of a place: two characters + 省/市/县 (江临省统计局, 宁江市交通运输局), then an office (统计局, 人民政府, 发展和改革委员会, 第十八届人民代表大会, 市委 the party committee). */
const BODY_OF_PLACE = /^([\u4e00-\u9fff]{2}[省市县])(?:人民政府|政府|委|(?:第[一二三四五六七八九十]{1,3}届)?(?:人民代表大会|人大常委会|政协)[\u4e00-\u9fff]{0,8}|[\u4e00-\u9fff]{1,10}(?:局|委员会|委|厅|办公室))$/;

/** A district's government body (安澜区统计局, 临溪区人民政府): 区 alone ends common nouns (景区, 社区), so only with an office after it. */
const DISTRICT_BODY = /^([\u4e00-\u9fff]{2}区)(?:人民政府|政府|委|[\u4e00-\u9fff]{1,10}(?:局|委员会|办公室))$/;

/** A branch of the central bank (中国人民银行滨江市分行): it reports for its place, as a government body does. */
const CENTRAL_BANK_BRANCH = /^(?:中国)?人民银行([\u4e00-\u9fff]{2}[省市县])(?:分行|中心支行|营业管理部)$/;
/** A provincial or city company of the state grid (国网北川省电力公司): it reports for its place too. */
const GRID_BRANCH = /^国网([\u4e00-\u9fff]{2}[省市县])(?:电力|供电)(?:有限)?公司$/;
/** A short quoted name glued after a Chinese character (共建“一带一路”, 全省“十四五”): the quote and its inside. */
const QUOTED_GLUED = /(?<=[\u4e00-\u9fff])“[\u4e00-\u9fff]{2,8}”$/;
/** A count's noun phrase after it, to the clause end (共有2.6万户新登记市场主体). */
const COUNTED_AFTER = /^([\u4e00-\u9fff]{2,12})(?=[，。；、：！？）\n]|$)/;
/** a count of units (38家, 8600户, 56个), not of years of age nor with a bound */
const COUNT_OF_UNITS = /[0-9０-９两一二三四五六七八九十百千万亿][家个户座所条项只台辆艘名位处间份批套]$/;
/** the noun phrase a count opening its clause counts: up to the clause's adverb of sum or scope, or its verb */
const COUNTED_NOUN = /^((?:[A-Za-z0-9]{1,3}级)?[\u4e00-\u9fff]{2,10}?)(?=全部|全都|均已|共|累计|合计|已|平均|日均|实现|完成|接待|[，。；、：！？）\n]|$)/;
/** A change word closing a metric read after a rate (实现了7.3%的地区生产总值增长). */
const AFTER_CHANGE = /^([\u4e00-\u9fff]{2,})(增长|下降|上涨|下跌|提高|降低)$/;
/** 7.3%的地区生产总值增长: a percentage's change word after the metric is its change; the metric is the rest. */
function metricAfterChange(mt: string, f: FigureHit): string {
  if (f.kind !== 'percent' || f.change) return mt;
  const m = AFTER_CHANGE.exec(mt);
  if (!m) return mt;
  f.change = m[2] as string;
  return m[1] as string;
}
/** The inside of a bracket closed before a figure: no digits but in a code (M2, PM2.5). */
const GLUED_BRACKET = /^(?:[^0-9()（）]|[A-Za-z][A-Za-z0-9.]*)+[)）]/;

/** A preposition or conjunction before a trade name starts it as a clause start does (记者从 + 南方锂能 + 科技股份有限公司). */
const NAME_LEAD_AFTER = /[从据由与和及对向自经]/;
const NAME_LEAD_FUNCTION = /[的了在是为和与及等对向从将已由被把并而也都又还着过年月日]/;
/** A facility named from the places before it (宁波 + 舟山 + 港, a port or an airport): one subject. */
const FACILITY_AFTER = /^(?:国际机场|机场|口岸|港(?![口区澳台股资通务城币元]))/;
/** The kinds of zone (园区, 开发区, 高新区 …), for a zone heading a body's name and a zone's own name. */
const ZONE_SUFFIX = '(?:园区|开发区|经开区|高新区|新区|保税区|试验区|示范区|合作区)';
/** A zone opening the name of the body that governs it (苏州工业园区 + 管委会). */
const ZONE_HEAD = new RegExp('^([\\u4e00-\\u9fff]{2,16}' + ZONE_SUFFIX + ')(?=[\\u4e00-\\u9fff]{2})');
/** A national body (国家统计局, 国务院新闻办公室, 商务部, 海关总署): without a place in its name it reports for the country. */
const NATIONAL_BODY = /^(?:国家|国务院|中华人民共和国|中国|中央)|(?:部|总署|总局)$/;
/** Zone names (苏州工业园区, 合肥高新区): what a zone word (园区, 开发区) refers to. */
const ZONE_NAME = new RegExp(ZONE_SUFFIX + '$');
/** Words of a place that name no other place (郑州市 + 城镇): a mention of a division with one is that division. */
const DIVISION_GENERIC = /^(?:城镇|农村|城乡|城区|市区|乡村|全域|全市|全省|全县|全区)$/;
/** 南京市、苏州市、无锡市三市…: a count of the places just listed is no part of the metric. */
const COUNTED_PLACES = /^(?:[两二三四五六七八九十]|上述|以上|这[两二三四五六七八九十]?)(?:个)?(?:省份|城市|省|市|区|县|地|城)/;

/** A company named from a place the entity stage found: 上海 + 远航物流股份有限公司 (not across a function word: 香港上市的…公司). */
const COMPANY_TAIL = /^(?:(?![的了在是为和与及])[\u4e00-\u9fff]){1,16}?(?:股份有限公司|有限责任公司|有限公司|集团股份有限公司|集团有限公司|集团|股份公司)/;

function levelOf(name: string): string | null {
  if (/(?:省|自治区)$/.test(name)) return '省';
  if (/(?:市|州|盟)$/.test(name)) return '市';
  if (/(?:区|新区)$/.test(name)) return '区';
  if (/(?:县|旗)$/.test(name)) return '县';
  if (/(?:镇|乡)$/.test(name)) return '镇';
  return null;
}

const PRONOUN_LEVEL: Record<string, string> = { 省: '省', 市: '市', 区: '区', 县: '县', 州: '市', 镇: '镇', 乡: '镇' };

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
    // 2-29 shifted to a common year is 2-28; a month's last day stays its last day (2025-02-28 → 2024-02-29)
    const last = new Date(Date.UTC(p.y + by, p.m, 0)).getUTCDate();
    const wasLast = p.d === new Date(Date.UTC(p.y, p.m, 0)).getUTCDate();
    return ymd(p.y + by, p.m, wasLast ? last : Math.min(p.d, last));
  };
  return { start: f(span.start), end: f(span.end) };
}

/** A whole calendar month (12月份, 2024年3月, 上月). */
function isMonthSpan(span: DaySpan | null): boolean {
  return !!span && span.start.slice(0, 7) === span.end.slice(0, 7) && span.start.endsWith('-01') && Number(span.end.slice(8)) >= 28;
}

/** What a 分别 distributes over the figures after it: metrics, subjects or times. */
interface Distribution {
  items: string[];
  kind: 'metric' | 'subject' | 'time';
  next: number;
  keys: Array<string | null>;
  spans?: Array<DaySpan | null>;
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
 * The LOC, ORG and EVENT mentions, a company named from a place grown to its name
 * (上海 + 远航物流股份有限公司), by start then longest first. A function of its
 * own: in attribute's body, the arrays and objects made here (an empty array
 * is of another kind than a full one) threw its compiled code away.
 */
function subjectMentions(text: string, input: readonly FigureMention[], sector: ReadonlySet<string>, times: readonly TimeExpr[]): SubjectMention[] {
  const out: SubjectMention[] = [];
  const lex = lexicon();
  // the places glued before a port are read in text order
  for (let k = 1; k < input.length; k++)
    if ((input[k] as FigureMention).start < (input[k - 1] as FigureMention).start) {
      input = [...input].sort((a, b) => a.start - b.start);
      break;
    }
  // places no gazetteer knows, read by their shape (嘉川市社会消费品零售总额)
  const cut: FigureMention[] = [];
  const shaped = placeShaped(text, input, times, cut);
  shaped.push(...zoneShaped(text, input, times), ...portsNamed(text, input), ...portsShaped(text, input, times));
  if (shaped.length) input = [...input.filter((m) => !cut.includes(m)), ...shaped].sort((a, b) => a.start - b.start);
  let grownEnd = -1;
  let gi = 0;
  for (let k = 0; k < input.length; k++) {
    const m = input[k] as FigureMention;
    // 《杭州市新型储能发展行动方案》: a policy title opening with a division names the place, as an event does
    if (m.type === 'POLICY') {
      out.push(subjectMention('EVENT', m.start, m.end, m.norm, m.norm ?? text.slice(m.start, m.end)));
      continue;
    }
    if (m.type !== 'LOC' && m.type !== 'ORG' && m.type !== 'EVENT') continue;
    // 第三季度公司, 10月3日该机场: a mention glued after a time is what is left after it; a pronoun left
    // (公司, 该机场) is read as a pronoun, not named
    let glued = false;
    while (gi < times.length && (times[gi] as TimeExpr).start < m.start - 40) gi++;
    for (let j = gi; j < times.length && (times[j] as TimeExpr).start <= m.start; j++) if ((times[j] as TimeExpr).end > m.start && (times[j] as TimeExpr).end < m.end) glued = true;
    if (glued) continue;
    // 港澳台 → 台, 中美 → 美: a one-character abbreviation names a place inside a word, not a figure's subject
    if (m.type === 'LOC' && m.end - m.start === 1) continue;
    // 集团, 公司 alone: a short reference to the company named before (a pronoun), not a name
    if (m.type === 'ORG' && /^(?:该|本)?(?:集团|公司|企业)$/.test(text.slice(m.start, m.end))) continue;
    // 太阳 + 能发电: a name no gazetteer knows glued before 能 is the first half of an energy word, no place
    if (m.type === 'LOC' && text[m.end] === '能' && !isDivision(lex, text.slice(m.start, m.end))) continue;
    // 金银珠宝类商品零售额: a name before 类 names a category of goods, no subject
    if (text[m.end] === '类' && m.type !== 'EVENT') continue;
    // 占比达, 对比: a place read out of a word ending in 比 is none
    if (m.type === 'LOC' && text[m.start] === '比' && m.start > 0 && /[占对相同环]/.test(text[m.start - 1] as string)) continue;
    // 华南 + 钠能科技股份有限公司 grown from the place: the cut name inside it is no mention of its own
    if (m.type === 'ORG' && m.end <= grownEnd) continue;
    if (m.type !== 'EVENT') {
      // 嘉兴市新设 (ORG), 郑州市城镇 (LOC): a division with a word glued after it that names no body nor place is the division
      const name = text.slice(m.start, m.end);
      const d = divisionPrefix(name);
      if (d) {
        const rest = name.slice(d.length);
        if (m.type === 'ORG' ? rest.length <= 3 && !lex.orgSuffixes.some((x) => rest.endsWith(x)) : DIVISION_GENERIC.test(rest)) {
          out.push(subjectMention('LOC', m.start, m.start + d.length, undefined, d));
          continue;
        }
      }
    }
    // 琼海湾 + 市共接待: a place the entity stage read without its 市/县 (not 北京市场, 深圳市民) is the division
    // (分区县看，临海 + 区增长12.3%: 区 too where a clause starts with the place, 展区 and 行政区 being no mentions)
    if (m.type === 'LOC' && (/[市县省]/.test(text[m.end] ?? '') || (text[m.end] === '区' && m.end - m.start >= 2 && (m.start === 0 || isClauseEnd(text.charCodeAt(m.start - 1))))) && !levelOf(text.slice(m.start, m.end)) && !PLACE_NOT_NEXT.test(text[m.end + 1] ?? '') && !(input[k + 1] && (input[k + 1] as FigureMention).start === m.end)) {
      out.push(subjectMention('LOC', m.start, m.end + 1, undefined, text.slice(m.start, m.end + 1)));
      continue;
    }
    // 宁波 + 舟山 + 港, 武汉 + 天河国际机场 as places: places glued before a port or an airport name it
    if (m.type === 'LOC') {
      let e = m.end;
      let j = k;
      while (j + 1 < input.length && (input[j + 1] as FigureMention).type === 'LOC' && (input[j + 1] as FigureMention).start === e) e = (input[++j] as FigureMention).end;
      // (大唐不夜城 + 街区: a place that is no division and an area word after it are one name)
      const fac = FACILITY_AFTER.exec(text.slice(e, e + 4)) ?? ZONE_AFTER.exec(text.slice(e, e + 12)) ?? (!levelOf(text.slice(m.start, e)) ? AREA_AFTER.exec(text.slice(e, e + 3)) : null);
      if (fac) {
        out.push(subjectMention('LOC', m.start, e + fac[0].length, undefined, text.slice(m.start, e + fac[0].length)));
        k = j;
        continue;
      }
    }
    // 民航旅客运输量: a sector word heading a metric is no subject
    if (m.type === 'ORG' && sector.has(text.slice(m.start, m.end)) && /^[\u4e00-\u9fff]/.test(text.slice(m.end, m.end + 1))) continue;
    // 南方汇通新材料股份有限公司: a trade name glued before a company name at a clause start is part of the name
    if (m.type === 'ORG' && /(?:公司|集团)$/.test(m.norm ?? text.slice(m.start, m.end))) {
      const st = nameLeadStart(text, m.start, input, k, times);
      if (st >= 0) {
        out.push(subjectMention('ORG', st, m.end, undefined, text.slice(st, m.end)));
        continue;
      }
    }
    // 安澜 + 区统计局 read as 区统计局: a district's body cut after its name's two characters, at a clause start (or after
    // 据), is the district's body (its place, 安澜区, is named by it)
    if (m.type === 'ORG' && text[m.start] === '区' && m.start >= 2 && (m.start === 2 || isClauseEnd(text.charCodeAt(m.start - 3)) || text[m.start - 3] === '据')) {
      const grown = text.slice(m.start - 2, m.end);
      const body = DISTRICT_BODY.exec(grown);
      if (body && !PLACE_NOT_FIRST.test(grown[0] as string) && !placeNotWord(body[1] as string)) {
        out.push(subjectMention('ORG', m.start - 2, m.end, undefined, grown));
        continue;
      }
    }
    // 华东地区水泥产量: a region of the country and its 地区 are one subject (not 地区生产总值)
    if (m.type === 'LOC' && REGION.test(text.slice(m.start, m.end)) && /^地区(?!生产总值)/.test(text.slice(m.end, m.end + 7))) {
      out.push(subjectMention('LOC', m.start, m.end + 2, undefined, text.slice(m.start, m.end + 2)));
      continue;
    }
    const after = m.type === 'LOC' ? text.slice(m.end, m.end + 24) : '';
    // every company tail ends in 公司 or 集团: test for them before the regex
    const tail = after && (after.includes('公司') || after.includes('集团')) ? COMPANY_TAIL.exec(after) : null;
    if (tail) {
      out.push(subjectMention('ORG', m.start, m.end + tail[0].length, m.norm, text.slice(m.start, m.end + tail[0].length)));
      grownEnd = m.end + tail[0].length;
    }
    else out.push(subjectMention(m.type, m.start, m.end, m.norm, m.norm ?? text.slice(m.start, m.end)));
  }
  if (out.length) shortCompanyNames(text, out);
  if (out.length > 1) out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** A registered company name (…股份有限公司, …集团有限公司), its trade name before the tail of four characters or more */
const REGISTERED_COMPANY = /^([\u4e00-\u9fff]{4,12}?)(?:科技|材料|新材料|机械|实业|控股|发展)?(?:集团)?(?:股份有限公司|有限责任公司|有限公司|股份公司)$/;

/**
 * 星河新材料科技股份有限公司 … 星河新材研发投入3.15亿元: a company's short name is, by the listing
 * convention, the first four characters of its registered name. Where those four characters come again
 * after the full name (and are not the full name again), they name the company: a mention of it, so that the
 * short name is no part of the metric; the subject is the short name as the text names it (the house reading).
 */
function shortCompanyNames(text: string, out: SubjectMention[]): void {
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const m = out[i] as SubjectMention;
    if (m.type !== 'ORG') continue;
    const full = text.slice(m.start, m.end);
    const reg = REGISTERED_COMPANY.exec(full);
    if (!reg || divisionPrefix(full)) continue;
    const short = full.slice(0, 4);
    for (let at = text.indexOf(short, m.end); at >= 0; at = text.indexOf(short, at + 4)) {
      if (text.startsWith(full, at)) continue;
      // a mention the entity stage read there already (the short name itself, or a longer name holding it) stands
      if (out.some((o) => o.start <= at && o.end > at && (o.start < at || o.end > at + 4))) continue;
      const same = out.findIndex((o) => o.start === at && o.end === at + 4);
      if (same < 0) out.push(subjectMention('ORG', at, at + 4, short, short));
    }
  }
}

/**
 * A place the entity stage does not know (嘉川市, 桐溪县): two Chinese characters and 市/县
 * (省, 区 and 镇 end common nouns and verb phrases too often: 展区, 行政区, 赋予镇街; the gazetteer knows the provinces) at a clause start, after a time or after 从/在/据, that are no pronoun (全市, 该县, 本区),
 * no common noun (城市, 超市, 社区, 景区) and hold no function character.
 */
const PLACE_NOT_FIRST = /[全该本我各其此这那每城超郊社景辖园小大老新旧中上下前后县市区省镇乡的了在是为和与及等对向从将已由被把并而也都又还着过年月日个多万亿一二三四五六七八九十两]/;
/** 市场, 区域, 区间, 县城, 省份, 市民: a word the division character begins is no place name's end */
const PLACE_NOT_NEXT = /[场域间块别划城份民值内外际级委长政属县区乡镇里]/;
const placeNotWord = (w: string): boolean => {
  const set = wordSet('figure-place-not-words');
  return set.has(w) || set.has(w.slice(1)) || wordSet('figure-place-not-stems').has(w.slice(0, 2));
};
/** A share's quantity, 占 and a pronoun of the whole (民间投资占全市), ending where the metric starts. */
const SHARE_OF_WHOLE = /(?:^|[，,、])([\u4e00-\u9fff]{2,12})占(?:全|该|本|我)[省市区县]$/;
/** 占 and a pronoun of the whole (占全市, 占我国): the pronoun is no part of the share's metric */
const SHARE_PRONOUN = /占(?:(?:全|该|本|我)[省市区县]|全国|我国|(?:该|本)?(?:公司|集团))(?!的|$)/;
/** A clause of 占 and a pronoun of the whole only, before the metric (占全市, 占我国, 占公司) */
const SHARE_PRONOUN_CLAUSE = /^占(?:(?:全|该|本|我)[省市区县]|全国|我国|(?:该|本)?(?:公司|集团))$/;
/** A place's own organ after its name (第十八届人民代表大会, 人民政府, 政协). */
const ORGAN_AFTER = /^(?:第?[一二三四五六七八九十]{1,3}届)?(?:人民代表大会|人大常委会|人大|人民政府|政府|政协)/;
/** Whether a name's tail ends in a word that makes an organisation (局, 公司, 集团, 银行, 海关, 网; org-name-ends.txt and more). */
const orgEnding = (tail: string): boolean => {
  const ends = wordList('org-name-ends');
  return ends.some((w) => tail.endsWith(w)) || /(?:海关|电网|店|厂|场|馆|站|园|所|中心|企业|医院|电力|能源|科技|物流|港|机场)$/.test(tail);
};
function placeShaped(text: string, input: readonly FigureMention[], times: readonly TimeExpr[], cut: FigureMention[]): FigureMention[] {
  const out: FigureMention[] = [];
  // (a pattern of its own per call: its lastIndex is state)
  // (省 too, its two characters straight before it only: 南屿省网上零售额; 节省, 跨省 are tails in the word list)
  const PLACE_SHAPED = /[市县省区]/g;
  let m: RegExpExecArray | null;
  let ti = 0;
  let mi = 0;
  while ((m = PLACE_SHAPED.exec(text))) {
    let st = m.index - 2;
    if (st < 0) continue;
    const name = text.slice(st, m.index + 1);
    // (锦城市: a one-character stem before 城市 at a clause start is a name; 大城市, 各城市 stop at PLACE_NOT_FIRST)
    // (记者从市统计局获悉: a preposition is never inside a place's name; the division after it is the body's own)
    if (!/^[\u4e00-\u9fff]{2}/.test(name) || PLACE_NOT_FIRST.test(name[0] as string) || /[的了在是为和与及等全该本我各其此这那每从据向对由自经到]/.test(name[1] as string) || (placeNotWord(name) && !(name.endsWith('城市') && !wordSet('figure-place-not-words').has(name))) || ZONE_NAME.test(name)) continue;
    // (金沙市城镇新增就业: 城镇, 城乡 after it begin a word of their own; 县城, 市区 do not)
    // (港城市外贸进出口: 外贸 begins a word of its own too; 市外 does not)
    if (PLACE_NOT_NEXT.test(text[m.index + 1] ?? '') && !/^(?:城[镇乡]|外贸)/.test(text.slice(m.index + 1, m.index + 3))) continue;
    // what stands before: a clause start, a time's end, or 从/在/据
    const before = st > 0 ? (text[st - 1] as string) : '';
    while (ti < times.length && (times[ti] as TimeExpr).end < st) ti++;
    const afterTime = ti < times.length && (times[ti] as TimeExpr).end === st;
    // (岚川县第十八届人民代表大会, 岚川县人民政府: the place's own organ after it names it wherever it stands)
    // (南屏省十四届人大: a province's numbered congress after it names it wherever it stands; not 代表省人民政府)
    // (一季度，明湖区实现地区生产总值: a district too, at a clause start or after a time only)
    if (before && /[\u4e00-\u9fff]/.test(before) && !afterTime && text[m.index] === '区') continue;
    if (before && /[\u4e00-\u9fff]/.test(before) && !/[从在据]/.test(before) && !afterTime && text[m.index] === '省' && !/^第?[一二三四五六七八九十]{1,3}届(?:人民代表大会|人大)/.test(text.slice(m.index + 1, m.index + 13))) continue;
    if (before && /[\u4e00-\u9fff]/.test(before) && !/[从在据]/.test(before) && !afterTime && !ORGAN_AFTER.test(text.slice(m.index + 1, m.index + 13))) {
      // 国庆假期，青梧湾市共接待: three characters + 市/县 where a place shape may stand (not 沿海城市: 城 ends a common noun)
      const st3 = st - 1;
      const b3 = st3 > 0 ? (text[st3 - 1] as string) : '';
      if (st3 < 0 || !/[\u4e00-\u9fff]/.test(text[st3] as string) || PLACE_NOT_FIRST.test(text[st3] as string) || /[的了在是为和与及等全该本我各其此这那每城从据向对由自经到]/.test(text.slice(st, m.index)) || /[省市县区]/.test(text.slice(st3, m.index)) || /[省市县区]/.test(text.slice(st3, m.index)) || placeNotWord(text.slice(st3, m.index + 1))) continue;
      if (b3 && /[\u4e00-\u9fff]/.test(b3) && !/[从在据]/.test(b3) && !times.some((t) => t.end === st3)) continue;
      st = st3;
    }
    // a Chinese character after it (嘉川市社会消费品零售总额, 桐溪县金融机构), a clause break or an opening quote (梧溪县“十四五”规划)
    if (!/^[\u4e00-\u9fff，、。；“《]/.test(text.slice(m.index + 1, m.index + 2))) continue;
    while (mi < input.length && (input[mi] as FigureMention).end <= st) mi++;
    let covered = false;
    let bodyEnd = -1;
    const cutAt = cut.length;
    for (let k = mi; k < input.length && (input[k] as FigureMention).start <= m.index; k++) {
      const c = input[k] as FigureMention;
      // 临港市 read as 港市: a place cut one character inside the shape is the shape's tail, not a name of its own
      // (港城市 read as 港: a one-character abbreviation opening the shape is none of its own either)
      if (c.type === 'LOC' && ((c.start === st + 1 && c.end === m.index + 1) || (c.start === st && c.end === st + 1))) cut.push(c);
      // 平溪县 read as a person's name: a name ending in a division character at a place's position is the place
      else if (c.type === 'PERSON' && c.start === st && c.end === m.index + 1) cut.push(c);
      // 宁港市货物 read as an organisation: a name opening with the shape and ending in no organisation's word is the place
      else if (c.type === 'ORG' && c.start === st && c.end > m.index + 1 && !orgEnding(text.slice(m.index + 1, c.end))) cut.push(c);
      // 东岳省统计局 read as 省统计局, 梧桐市人力资源和社会保障局 as 市人力资源和社会保障局: a government body cut at the
      // shape's division character is the body of the place the shape names (the whole name, a reporting body)
      else if (c.type === 'ORG' && c.start === m.index && BODY_OF_PLACE.test(text.slice(st, c.end))) {
        cut.push(c);
        bodyEnd = c.end;
      } else if (c.end > st) covered = true;
    }
    for (let k = Math.max(0, ti - 1); k < times.length && (times[k] as TimeExpr).start <= m.index; k++) if ((times[k] as TimeExpr).end > st) covered = true;
    if (covered) {
      cut.length = cutAt;
      continue;
    }
    if (bodyEnd > 0) {
      out.push({ type: 'ORG', start: st, end: bodyEnd });
      PLACE_SHAPED.lastIndex = bodyEnd;
      continue;
    }
    // 松岩市南湖区: a place-shaped part straight after it names a place inside it; one name
    let end = m.index + 1;
    while (/^[\u4e00-\u9fff]{2}[市县区镇]/.test(text.slice(end, end + 3)) && !PLACE_NOT_FIRST.test(text[end] as string) && !placeNotWord(text.slice(end, end + 3)) && !ZONE_NAME.test(text.slice(end, end + 3)) && !PLACE_NOT_NEXT.test(text[end + 3] ?? '')) end += 3;
    out.push({ type: 'LOC', start: st, end });
    PLACE_SHAPED.lastIndex = end;
  }
  return out;
}

/** A zone or scenic area no gazetteer knows: two characters and the kind (锦屏高新区, 灵湖景区). */
const ZONE_SHAPED_KIND = /(?:高新区|经开区|开发区|度假区|风景区|景区|新区)/g;
/**
 * Zones and scenic areas read by their shape, where a place shape may stand (a clause start, after a time or
 * after 从/在/据) and no mention or time covers them: 前三季度，锦屏高新区经济…; 其中，灵湖景区接待游客….
 */
function zoneShaped(text: string, input: readonly FigureMention[], times: readonly TimeExpr[]): FigureMention[] {
  const out: FigureMention[] = [];
  ZONE_SHAPED_KIND.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ZONE_SHAPED_KIND.exec(text))) {
    let st = m.index - 2;
    const end = m.index + m[0].length;
    if (st < 0 || !/^[\u4e00-\u9fff]{2}$/.test(text.slice(st, m.index)) || PLACE_NOT_FIRST.test(text[st] as string) || wordSet('figure-zone-not-stems').has(text.slice(st, m.index)) || /[的了在是为和与及等全该本我各其此这那每]/.test(text[st + 1] as string)) continue;
    let before = st > 0 ? (text[st - 1] as string) : '';
    let afterTime = times.some((t) => t.end === st);
    // (沧浪古镇景区: a stem of four characters, two and two, at a place's position)
    if (before && /[\u4e00-\u9fff]/.test(before) && !/[从在据]/.test(before) && !afterTime && st >= 2 && m[0] !== '新区') {
      const st4 = st - 2;
      const stem = text.slice(st4, st);
      const b4 = st4 > 0 ? (text[st4 - 1] as string) : '';
      if (/^[\u4e00-\u9fff]{2}$/.test(stem) && !PLACE_NOT_FIRST.test(stem[0] as string) && !/[的了在是为和与及等全该本我各其此这那每市县区省]/.test(stem + text.slice(st, st + 1)) && !wordSet('figure-zone-not-stems').has(stem) && (!b4 || !/[\u4e00-\u9fff]/.test(b4) || /[从在据]/.test(b4) || times.some((t) => t.end === st4))) {
        st = st4;
        before = b4;
        afterTime = true;
      }
    }
    if (before && /[\u4e00-\u9fff]/.test(before) && !/[从在据]/.test(before) && !afterTime) continue;
    if (input.some((x) => x.start < end && x.end > st) || times.some((t) => t.start < end && t.end > st)) continue;
    out.push({ type: 'LOC', start: st, end });
  }
  return out;
}

/** A port named alone before what a port handles (海澄港完成货物吞吐量, 岱屿港集装箱吞吐量): two or three characters and 港. */
const PORT_SHAPED = /港(?=(?:完成|实现|累计|共)?(?:货物|集装箱|外贸货物|吞吐|旅客吞吐|港口货物))/g;
/** Ports read by their shape where a place shape may stand (a clause start, after a time or after 从/在/据), no mention or time covering them. */
function portsShaped(text: string, input: readonly FigureMention[], times: readonly TimeExpr[]): FigureMention[] {
  const out: FigureMention[] = [];
  PORT_SHAPED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PORT_SHAPED.exec(text))) {
    const end = m.index + 1;
    for (const len of [2, 3]) {
      const st = m.index - len;
      if (st < 0 || !/^[\u4e00-\u9fff]+$/.test(text.slice(st, m.index)) || PLACE_NOT_FIRST.test(text[st] as string) || /[的了在是为和与及等全该本我各其此这那每港口]/.test(text.slice(st + 1, m.index))) continue;
      const before = st > 0 ? (text[st - 1] as string) : '';
      if (before && /[\u4e00-\u9fff]/.test(before) && !/[从在据]/.test(before) && !times.some((t) => t.end === st)) continue;
      if (input.some((x) => x.start < end && x.end > st) || times.some((t) => t.start < end && t.end > st)) break;
      out.push({ type: 'LOC', start: st, end });
      break;
    }
  }
  return out;
}

/** A port or airport company (海澄港集团, 临江机场集团) names its port: the port's name alone elsewhere in the text is that place. */
const PORT_COMPANY = /^([\u4e00-\u9fff]{2,4}(?:港|机场))(?:集团|港务|股份|有限)/;
function portsNamed(text: string, input: readonly FigureMention[]): FigureMention[] {
  const out: FigureMention[] = [];
  for (const o of input) {
    if (o.type !== 'ORG') continue;
    // (从岱屿港集团: a preposition the entity stage took into the name is none of it)
    const port = PORT_COMPANY.exec(text.slice(o.start, o.end).replace(/^[从据由与和及对向自经在]/, ''));
    if (!port) continue;
    const name = port[1] as string;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      // (海澄港集团 itself, 海澄港口 as a common noun)
      if (/^(?:集团|港务|股份|有限|口|区)/.test(text.slice(end, end + 2))) continue;
      if (input.some((x) => x.start < end && x.end > at) || out.some((x) => x.start === at)) continue;
      out.push({ type: 'LOC', start: at, end });
    }
  }
  return out;
}

/** The longest division name opening `name` and shorter than it (嘉兴市 in 嘉兴市新设), or null. */
function divisionPrefix(name: string): string | null {
  const lex = lexicon();
  for (let e = Math.min(name.length - 1, 8); e >= 2; e--) {
    if (!/[省市区县州]/.test(name[e - 1] as string)) continue;
    const w = name.slice(0, e);
    if (isDivision(lex, w) && levelOf(w)) return isDivision(lex, name) ? null : w;
  }
  return null;
}

/**
 * Where a company name the entity stage cut after its trade name starts: the two to four Chinese
 * characters before `start` back to a non-Chinese character, when they are no connective, time
 * word or function word and no other mention or time ends there; else -1.
 */
function nameLeadStart(text: string, start: number, input: readonly FigureMention[], k: number, times: readonly TimeExpr[]): number {
  let st = start;
  while (st > 0 && start - st < 6 && /[\u4e00-\u9fff]/.test(text[st - 1] as string) && !NAME_LEAD_AFTER.test(text[st - 1] as string)) st--;
  const len = start - st;
  // (five or six characters only from a clause start: 西岭远航汽车 + 集团股份有限公司)
  if (len < 2 || len > 6 || (len > 4 && st > 0 && /[\u4e00-\u9fff]/.test(text[st - 1] as string)) || (st > 0 && /[\u4e00-\u9fff]/.test(text[st - 1] as string) && !NAME_LEAD_AFTER.test(text[st - 1] as string))) return -1;
  const run = text.slice(st, start);
  if (patterns().NAME_LEAD_NOT.test(run) || NAME_LEAD_FUNCTION.test(run)) return -1;
  for (let j = k - 1; j >= 0 && (input[j] as FigureMention).end > st - 20; j--) if ((input[j] as FigureMention).end > st && (input[j] as FigureMention).start < start) return -1;
  // the times are in text order: stop at the first one starting at the name
  for (const t of times) {
    if (t.start >= start) break;
    if (t.end > st) return -1;
  }
  return st;
}

export function attribute(input: AttributionInput): void {
  const { CHANGE_RE, CHANGE_CHARS, REPORTER, NOT_REPORTER, PRONOUN, LEAD_STRIP, TAIL_STRIP, LEAD_VERBS, VERB_ONLY, INDUSTRY, SECTOR_INDUSTRY, SECTOR, METRIC_TAILS } = patterns();
  const { text, docDate, blocks, figures } = input;
  const dates = figures.filter((f) => f.kind === 'date' || f.kind === 'period');
  const times = scanTimes(text, docDate, dates);
  const mentions = subjectMentions(text, input.mentions, SECTOR, times);
  /** a reporting body: an organisation or event by its name's ending (a place such as 中西部 is none) */
  const isReporter = (m: { type: string; name: string }): boolean => m.type !== 'LOC' && ((REPORTER.test(m.name) && !NOT_REPORTER.test(m.name)) || CENTRAL_BANK_BRANCH.test(m.name));
  const docSpan = docDate ? spanOfIso(docDate.slice(0, 10)) : null;
  const ratioStarts = new Set(figures.filter((f) => f.kind === 'percent' || f.kind === 'multiple').map((f) => f.start));

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
  /** the last holiday named (春节假期), what 假期期间 refers to */
  let holiday: Current | null = null;
  /** the last time a ratio figure is of (恢复至2019年的108%) */
  let ratioPending: TimeExpr | null = null;
  /** the last time a starting value is of (由2023年的31.5%提升至45.8%) */
  let fromPending: TimeExpr | null = null;
  /** where the last basis time (比去年, 较上年) ends */
  let basisEnd = -1;
  let subject: Subject | null = null;
  let time: Current | null = null;
  let metric: string | null = null;
  let lastMonth: Current | null = null;
  let deferred: typeof mentions = [];
  let qizhongSubject: { seg: number; ref: Subject } | null = null;
  let lastRead: TimeExpr | null = null;
  let lastSet: Current | null = null;
  /** the year part of the last time read that lies in one year (2023年, 今年前三季度 → 今年), and that year */
  let lastYearWritten: { text: string; year: string } | null = null;
  let unionStart = 0;
  let byLevel = new Map<string, Subject>();
  /** the last port or airport named (该港, 该机场) */
  let byKind = new Map<string, Subject>();
  /** the place a reporting body's name opens with (苏州工业园区管委会, 嘉兴市商务局): the subject while no other is named */
  let reporterPlace: Subject | null = null;
  /** where the last subject named in a segment ends (a date figure between it and the figure read it first) */
  let segSubjectSeg = -1;
  let segSubjectAt = -1;
  let lastOrg: Subject | null = null;
  let ti = 0;
  let mi = 0;
  let prev: FigureHit | null = null;
  let lastFigStart = 0;
  let marksSeg = -1;
  let marksTo = 0;
  /** (weak: 国内 of domestic tourism, the country's only where no other subject is named or carried) */
  let marks: Array<{ at: number; end: number; ref: Subject; weak?: boolean }> = [];
  let lastSeg = 0;
  /** the figures read in the current segment (what a bare 同比分别增长 distributes over) */
  let segFigs: FigureHit[] = [];
  /** the article's last figures, for a sub-figure of the same unit */
  let artFigs: FigureHit[] = [];
  /** the segment of the last 其中 / 分行业看: an industry alone after it is the subject of the metric left out */
  let breakdownSeg = -1;
  /** whether that lead was 其中 (a sector is then the actor too) */
  let breakdownQizhong = false;
  /** a time stated in a 其中 clause holds for that segment only: [segment start, time before it] */
  let localTime: { seg: number; before: Current | null } | null = null;
  let lastItems: string[] | null = null;
  let distribute: Distribution | null = null;
  /** the subjects or times of the last 分别 list (南京市和杭州市…分别为A和B，分别增长C和D) */
  let lastList: Distribution | null = null;

  const reset = (): void => {
    subject = null;
    segFigs = [];
    time = null;
    metric = null;
    lastMonth = null;
    byLevel = new Map();
    byKind = new Map();
    reporterPlace = null;
    segSubjectSeg = -1;
    lastOrg = null;
    prev = null;
    localTime = null;
    lastItems = null;
    distribute = null;
    lastList = null;
    qizhongSubject = null;
    lastRead = null;
    lastSet = null;
    lastYearWritten = null;
    holiday = null;
  };

  const noteMention = (m: (typeof mentions)[number]): void => {
    // 合肥市统计局, 中国人民银行江苏省分行: the division in an organisation's name is named too
    if (m.type === 'ORG') for (const d of divisionsIn(m.name)) byLevel.set(levelOf(d) as string, { name: d, key: `LOC:${canonicalName('LOC', d)}` });
    // 江西省第十四届人民代表大会第二次会议: an event opening with a division names the place; the event is no subject
    if (m.type === 'EVENT') {
      for (const d of divisionsIn(m.name)) if (m.name.startsWith(d)) byLevel.set(levelOf(d) as string, { name: d, key: `LOC:${canonicalName('LOC', d)}` });
      return;
    }
    if (isReporter(m)) {
      if (m.type !== 'ORG') return;
      // 苏州工业园区管委会: the zone a body governs is named (园区, 该区 refer to it)
      const zone = ZONE_HEAD.exec(m.name);
      if (zone) {
        byLevel.set('区', { name: zone[1] as string, key: `LOC:${canonicalName('LOC', zone[1] as string)}` });
        byKind.set('园区', byLevel.get('区') as Subject);
      }
      const ds = zone ? [] : divisionsIn(m.name);
      const d = ds[ds.length - 1];
      // 国家统计局, 商务部, 海关总署 with no place in their name report the country's figures
      reporterPlace = zone ? (byLevel.get('区') as Subject) : d ? { name: d, key: `LOC:${canonicalName('LOC', d)}` } : NATIONAL_BODY.test(m.name) ? { name: '全国', key: null } : reporterPlace;
      return;
    }
    const s: Subject = { name: m.name, key: keyOf(m, m.name) };
    const kind = /(?:机场|口岸|港)$/.exec(m.name);
    if (kind) byKind.set(kind[0], s);
    else if (ZONE_NAME.test(m.name)) byKind.set('园区', s);
    if (m.type === 'LOC') {
      const lv = levelOf(m.name);
      // 江阴市、宜兴市…分别为: a member of a list of places is compared, not the place the article is about (全市 → 无锡市)
      const listMember = /^(?:[、和及与]|以及)/.test(text.slice(m.end, m.end + 2)) || /[、和及与]$/.test(text.slice(Math.max(0, m.start - 1), m.start));
      if (lv && (!listMember || !byLevel.has(lv))) byLevel.set(lv, s);
    } else lastOrg = s;
  };

  /** Subjects (南京市和杭州市) or times (一季度和二季度) listed in [from, to) and joined by 、和及与: what 分别 distributes over. */
  const listBefore = (from: number, to: number): (Distribution & { end: number }) | null => {
    const joined = (a: { end: number }, b: { start: number }): boolean => /^(?:[、和及与]|以及)$/.test(text.slice(a.end, b.start));
    // the mentions and times read so far end before the figure: walk back from the last ones read
    const ms: typeof mentions = [];
    for (let k = mi - 1; k >= 0 && (mentions[k] as (typeof mentions)[number]).start >= from; k--) {
      const m = mentions[k] as (typeof mentions)[number];
      if (m.end <= to && m.type !== 'EVENT' && !isReporter(m)) ms.unshift(m);
    }
    let run = ms.slice(-1);
    for (let k = ms.length - 2; k >= 0 && joined(ms[k] as (typeof ms)[number], run[0] as (typeof ms)[number]); k--) run.unshift(ms[k] as (typeof ms)[number]);
    // subjects: the list runs up to the metric before 分别 (no clause break in between)
    if (run.length >= 2 && !/[，,；：:]/.test(text.slice((run[run.length - 1] as (typeof ms)[number]).end, to)))
      return { items: run.map((m) => m.name), kind: 'subject', next: 1, keys: run.map((m) => keyOf(m, m.name)), end: (run[run.length - 1] as (typeof ms)[number]).end };
    const ts: TimeExpr[] = [];
    for (let k = ti - 1; k >= 0 && (times[k] as TimeExpr).start >= from; k--) {
      const t = times[k] as TimeExpr;
      if (t.end <= to && t.span && !t.anaphor && !t.set) ts.unshift(t);
    }
    const tr = ts.slice(-1);
    for (let k = ts.length - 2; k >= 0 && joined(ts[k] as TimeExpr, tr[0] as TimeExpr); k--) tr.unshift(ts[k] as TimeExpr);
    // times: a list leading the sentence (2024年第三季度和第四季度，营业收入分别为…), no list of metrics after it
    if (tr.length >= 2 && !/[、和及与；]/.test(text.slice((tr[tr.length - 1] as TimeExpr).end, to))) return { items: tr.map((t) => t.text), kind: 'time', next: 1, keys: [], spans: tr.map((t) => t.span), end: (tr[tr.length - 1] as TimeExpr).end };
    return null;
  };

  /** 分三大门类看，7月份，采矿业增加值…: a breakdown lead, then a clause of only a time, before the clause at `c` */
  const leadOverTime = (c: number, s: number): boolean => {
    if (c - s < 6 || !/[，,]/.test(text[c - 1] as string)) return false;
    for (let k = ti - 1; k >= 0 && (times[k] as TimeExpr).end >= c - 12; k--) {
      const t = times[k] as TimeExpr;
      if (t.end === c - 1 && t.start > s) return BREAKDOWN_LEAD.test(text.slice(Math.max(s, t.start - 10), t.start));
    }
    return false;
  };

  /** a time read so far ends at `at` (第三季度公司: 公司 after a time is a pronoun) */
  const timeEndsAt = (at: number): boolean => {
    for (let k = ti - 1; k >= 0 && (times[k] as TimeExpr).start >= at - 40; k--) if ((times[k] as TimeExpr).end === at) return true;
    return false;
  };

  const pronounReferent = (w: string): Subject | null => {
    if (/公司|集团|企业|行$/.test(w)) return lastOrg;
    // 该港, 该机场: the last port or airport named
    const kind = /(?:机场|口岸|港口|港)$/.exec(w);
    if (kind) return byKind.get(kind[0] === '港口' ? '港' : kind[0]) ?? null;
    const lv = PRONOUN_LEVEL[w.slice(-1)];
    if (!lv) return null;
    // 园区, 开发区: the last zone (a name of the 区 level), never the province a 全区 may be
    if (/(?:园|开发|经开|高新|新)区$/.test(w)) return byKind.get('园区') ?? byLevel.get('区') ?? null;
    return byLevel.get(lv) ?? (lv === '区' ? (byLevel.get('省') ?? null) : null);
  };

  /**
   * “今年1—10月，全县规上工业产值突破300亿元。”长兴县经信局局长王明表示: a pronoun in a quotation with nothing
   * before it to refer to takes the place of its level that the speaker's line after the quotation names.
   */
  const speakerPlace = (w: string, at: number): Subject | null => {
    const lv = PRONOUN_LEVEL[w.slice(-1)];
    const close = text.indexOf('”', at);
    if (!lv || close < 0) return null;
    // the speaker's line: up to the sentence end, at most 60 characters after the quotation
    let lineEnd = Math.min(close + 60, text.length);
    const stop = text.slice(close + 1, lineEnd).search(/[。\n]/);
    if (stop >= 0) lineEnd = close + 1 + stop;
    for (const m of mentions) {
      if (m.start < close) continue;
      if (m.start >= lineEnd) break;
      const names = m.type === 'LOC' ? [m.name] : divisionsIn(m.name);
      for (const d of names) if (levelOf(d) === lv) return { name: d, key: `LOC:${canonicalName('LOC', d)}` };
    }
    return null;
  };

  /** 其中，火电… : a kind with no quantity word of its own, with the quantity of the article's last figure of the unit (火电发电量) */
  const kindQuantity = (kind: string, f: FigureHit): string => {
    if (!f.unit || kind.length < 2 || kind.length > 5 || /[量额值率数入资积价]$/.test(kind) || METRIC_TAILS.some((w) => kind.endsWith(w))) return kind;
    for (let k = artFigs.length - 1; k >= 0; k--) {
      const a = artFigs[k] as FigureHit;
      if (a.unit !== f.unit || !a.metric) continue;
      const q = KIND_QUANTITY.exec(a.metric);
      // (太阳能发电 + 发电量 → 太阳能发电量)
      return q ? (kind.endsWith((q[0] as string).slice(0, -1)) ? kind + '量' : kind + q[0]) : kind;
    }
    return kind;
  };

  // what one figure's steps hand on to the next (set by each figure's openFigure … distribution)
  let s = 0;
  let c = 0;
  let carriedBreakdown: boolean | null = null;
  let lastYearSame = false;
  let lastYearSameText = '去年同期';
  /** the current time before the figure's own times were read */
  let timeBefore: Current | null = null;
  let ratioOf: TimeExpr | null = null;
  let localSubject: Subject | null = null;
  let subjectAt = -1;
  let clause = '';
  let gapAgainst = false;
  let mStart = 0;
  let clauseTime: TimeExpr | null = null;
  let clauseOpensTimed = false;
  let timedClause = false;
  let mt = '';
  let qizhongLead = false;
  let hadQizhong = false;
  let industryEllipsis = false;
  /** the subject of the figure before, for a bare change: not carried on */
  let borrowedSubject = false;
  let distributed = false;

  /** the figure's attribution fields reset, the article it is in (a new one resets the context), its segment (sentence or `；` part) and clause */
  function openFigure(f: FigureHit): void {
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
      artFigs = [];
      article = art;
      reset();
    }
    // segment (sentence or `；` part) and clause holding the figure
    // scanning back stops at the previous figure when no segment ends in between
    s = f.start;
    const stop = Math.max(0, f.start - 300, lastFigStart);
    while (s > stop && !isSegmentEnd(text.charCodeAt(s - 1))) s--;
    if (s === lastFigStart && s > 0 && !isSegmentEnd(text.charCodeAt(s - 1))) s = lastSeg;
    lastFigStart = f.start;
    // 其中，第一产业增加值…；第二产业增加值…: a breakdown goes on over the `；` parts of its sentence
    carriedBreakdown = s !== lastSeg && s > 0 && text[s - 1] === '；' && breakdownSeg === lastSeg && breakdownSeg >= 0 ? breakdownQizhong : null;
    lastSeg = s;
    c = f.start;
    while (c > s && !isClauseEnd(text.charCodeAt(c - 1))) c--;
    // 广义货币(M2)余额: a bracket glued to the word before it and closed before the figure is inside the clause
    // (not a byline 电 （记者…）, not a bracket holding another figure: 北仑（291.0毫米）)
    while (c > s + 1 && (text[c - 1] === '(' || text[c - 1] === '（') && /[\u4e00-\u9fffA-Za-z0-9]/.test(text[c - 2] as string) && GLUED_BRACKET.test(text.slice(c, f.start))) {
      c--;
      while (c > s && !isClauseEnd(text.charCodeAt(c - 1))) c--;
    }
    // 对共建“一带一路”国家进出口: a short quoted name glued inside the phrase is part of the clause
    while (c > s + 1 && text[c - 1] === '”' && /[\u4e00-\u9fff]/.test(text[c] as string)) {
      const open = QUOTED_GLUED.exec(text.slice(Math.max(s, c - 12), c));
      if (!open) break;
      c -= open[0].length;
      while (c > s && !isClauseEnd(text.charCodeAt(c - 1))) c--;
    }
  }

  /** the times before the figure update the current time (bases, ratios' and starting values' times, anaphors, lists of times) */
  function readTimes(f: FigureHit): void {
    if (localTime && localTime.seg !== s) {
      time = localTime.before;
      localTime = null;
    }
    timeBefore = time;
    // the context reads everything before the figure
    lastYearSame = false;
    lastYearSameText = '去年同期';
    while (ti < times.length && (times[ti] as TimeExpr).start < f.start) {
      const t = times[ti++] as TimeExpr;
      if (articleAt(t.start) !== article) continue;
      // a basis, a recurring time or a time of day alone is no figure's time
      if (t.basis || t.set || (t.clock && !t.span)) {
        if (t.basis) basisEnd = t.end;
        continue;
      }
      // 降幅比去年全年收窄: 全年 straight after a basis time is part of the basis
      if (t.start === basisEnd && t.anaphor === 'year') continue;
      // 恢复至2019年的108%, 是去年同期的1.3倍: a time before 的 and the figure is what the figure is a ratio of
      // (read at the date figure the time holds, 2019年, when that comes first)
      // (only after a verb of ratio, before a percentage or multiple: 由2014年的1.6%下降到2018年的0.3% names values at times)
      if (text[t.end] === '的' && ratioStarts.has(t.end + 1) && RATIO_VERB.test(text.slice(Math.max(0, t.start - 4), t.start))) {
        ratioPending = t;
        continue;
      }
      // 比例由2023年的31.5%提升至45.8%: the time of the value a change starts from is that value's only
      if (text[t.end] === '的' && ratioStarts.has(t.end + 1) && /[由从]/.test(text[t.start - 1] ?? '') && t.span && !t.anaphor) {
        fromPending = t;
        continue;
      }
      // (分别是2022年同期的2.3倍: a year and 同期 before 的 are one basis time)
      if (text.slice(t.end, t.end + 3) === '同期的' && ratioStarts.has(t.end + 3) && RATIO_VERB.test(text.slice(Math.max(0, t.start - 4), t.start))) {
        ratioPending = { ...t, end: t.end + 2 };
        continue;
      }
      const cur = time as Current | null;
      if (t.anaphor === 'sameLastYear') {
        // (去年同期，该区用电量为…: opening its sentence, it is the time of the sentence's figures)
        if (t.start >= c || (t.start === s && /^[，,]/.test(text.slice(t.end, t.end + 1)))) {
          lastYearSame = true;
          lastYearSameText = t.text;
        }
        continue;
      }
      // 同期, 届时, 期内: the current time stays the time
      if (t.anaphor === 'same' || t.anaphor === 'then') continue;
      // 大年初五当天, 10月1日当天: 当天 right after a day is that day
      if (t.text.length === 2 && /^当[天日]$/.test(t.text) && lastRead && lastRead.end === t.start) continue;
      // 12月27日，…举行开工活动，当天全省共开工项目312个: 当天 after a day stated before is that day (an anaphor,
      // as 同期), not the document's date; with no single day before it, it stays the day of the report
      if (t.text.length === 2 && /^当[天日]$/.test(t.text) && cur && cur.span && cur.span.start === cur.span.end && cur.span.start.length === 10) continue;
      // 期末, 报告期末: the last day of the current period (2023年年度报告 → 2023-12-31; 前三季度 → 09-30)
      if (t.anaphor === 'periodEnd') {
        // after a day (截至3月末) 期末 is that day: the time stays as written
        if (cur && cur.span && text[t.start - 1] !== '学' && cur.span.start !== cur.span.end) time = { text: t.text, span: { start: cur.span.end, end: cur.span.end } };
        continue;
      }
      // 同月, 当月: the last month stated (12月份…。2024年…。同月 → 12月份), not the broader current time
      if (t.anaphor === 'month') {
        // 月末 after 5月份: the last day of that month
        if (lastMonth && lastMonth.span && /[底末]$/.test(t.text)) time = { text: t.text, span: { start: lastMonth.span.end, end: lastMonth.span.end } };
        else if (lastMonth) time = lastMonth;
        else if (t.span) time = { text: t.text, span: t.span };
        continue;
      }
      if (t.anaphor === 'year') {
        const base = cur ?? (docSpan ? { text: '', span: docSpan } : null);
        const yearText = /^(?:到|至)?(\d{4}年|今年|去年|明年|本年)/.exec(base?.text ?? '');
        // 2024年全年, 今年全年: a year and its 全年 written together are one time, as written
        // (not in the name of a report: 2022年全年业绩 … 期内 → 2022年)
        const glued = lastRead && lastRead.end === t.start && cur && cur === (lastSet as Current | null) && /^(?:\d{4}年|今年|去年|明年|本年)$/.test(cur.text) && !REPORT_NOUN.test(text.slice(t.end, t.end + 2));
        const ys = yearOf(base?.span ?? null);
        const written = !yearText && lastYearWritten && ys && ys.start.slice(0, 4) === lastYearWritten.year ? lastYearWritten.text : null;
        time = { text: glued ? (cur as Current).text + t.text : yearText ? (yearText[1] as string) : written ?? t.text, span: ys };
        continue;
      }
      // 2025年，…。年末全国人口…: a bare 年末 / 年底 is the end of the year being reported, not of the document's year
      if (/^(?:年末|年底)$/.test(t.text) && cur && cur.span && !cur.text.startsWith('到')) {
        const y = cur.span.end.slice(0, 4);
        time = { text: t.text, span: { start: `${y}-12-31`, end: `${y}-12-31` } };
        lastRead = t;
        lastSet = time;
        continue;
      }
      if (/其中[，,]?$/.test(text.slice(Math.max(s, t.start - 3), t.start)) && t.start >= s && !localTime) localTime = { seg: s, before: cur };
      // 今年1月和8月, 2018年和2019年: times joined into one list are the figure's time together
      const a: DaySpan | null = cur && cur === (lastSet as Current | null) ? cur.span : null;
      if (a && t.span && lastRead && t.start - lastRead.end === 1 && /[和与及、]/.test(text[lastRead.end] as string)) {
        time = { text: text.slice(unionStart, t.end), span: { start: a.start < t.span.start ? a.start : t.span.start, end: a.end > t.span.end ? a.end : t.span.end } };
      } else {
        time = { text: t.text, span: t.span };
        unionStart = t.start;
      }
      lastRead = t;
      lastSet = time;
      // (2023年…。分季度看，一季度…，三季度…。全年… → 2023年: the last year written, for a 全年 after its parts)
      const yw = /^(\d{4}年|今年|去年|明年|本年)/.exec(t.text);
      if (yw && t.span && t.span.start.slice(0, 4) === t.span.end.slice(0, 4)) lastYearWritten = { text: yw[1] as string, year: t.span.end.slice(0, 4) };
      if (isMonthSpan(t.span)) lastMonth = { text: t.text, span: t.span };
      if (t.span && HOLIDAY_TIME.test(t.text)) holiday = time;
    }
    // 假期期间，琼海湾机场…: a segment opening with the holiday named before, no time read since, is in that holiday
    // (not in the day named in between: 大年初三当天…。假期期间…)
    // (滨湖市商务局数据显示，假期期间全市…: at a clause start after the source's clause too)
    if (holiday && time !== holiday) {
      const at = HOLIDAY_ANAPHOR.test(text.slice(s, s + 6)) ? 0 : text.slice(s, f.start).search(HOLIDAY_IN_CLAUSE);
      if (at >= 0 && (!lastRead || lastRead.end <= s + at)) time = holiday;
    }
  }

  /** the mentions, national words and pronouns before the figure: the subject named in its segment, if any */
  function readSubjects(f: FigureHit): void {
    ratioOf = ratioPending && (ratioPending as TimeExpr).end + 1 === f.start ? ratioPending : null;
    localSubject = null;
    subjectAt = -1;
    // a mention holding a figure (江西省第十四届人民代表大会) is read at the first figure after its end
    if (deferred.length && (deferred[0] as (typeof mentions)[number]).end <= f.start) {
      for (const m of deferred) if (m.end <= f.start && articleAt(m.start) === article) noteMention(m);
      deferred = deferred.filter((m) => m.end > f.start);
    }
    while (mi < mentions.length && (mentions[mi] as (typeof mentions)[number]).start < f.start) {
      const m = mentions[mi++] as (typeof mentions)[number];
      if (m.end > f.start) {
        deferred.push(m);
        continue;
      }
      noteMention(m);
      if (m.type !== 'EVENT' && m.start >= s && !isReporter(m) && !PARTNER_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start)) && !(m.type === 'LOC' && MARKET_AFTER.test(text.slice(m.end, m.end + 2)))) {
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
      for (const re of [NATIONAL, PRONOUN, GDP, NATIONAL_SERIES]) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(part))) {
          const at = marksTo + m.index;
          // 规模居全国第6位, 增速高于全省平均水平: the whole a place is ranked in or compared with is no subject
          if (re !== GDP && RANKED_IN.test(text.slice(Math.max(s, at - 3), at))) continue;
          if (re === PRONOUN && (m[0] === '公司' || m[0] === '集团') && at > 0 && /[\u4e00-\u9fff]/.test(text[at - 1] as string) && !timeEndsAt(at)) continue;
          // 园区实现…, 机场旅客吞吐量: a zone or airport word without 该 stands for it only at a clause start (not 新建园区3个)
          if (re === PRONOUN && /(?:区|机场)$/.test(m[0]) && !/^[该全本我]/.test(m[0]) && at > 0 && !isClauseEnd(text.charCodeAt(at - 1))) continue;
          // 分区域看，天府新区增长6.8%，高新区增长7.3%: in a breakdown a bare zone word is a part's name, not a pronoun
          if (re === PRONOUN && /区$/.test(m[0]) && !/^[该全本我]/.test(m[0]) && /(?:其中|分[\u4e00-\u9fff]{1,6}看)/.test(text.slice(s, at))) continue;
          // 全国国内出游: after 全国/我国, 国内 (domestic, as against inbound) is part of the metric
          if (re === NATIONAL && m[0] === '国内' && /(?:全国|我国)$/.test(text.slice(Math.max(0, at - 2), at))) continue;
          // 国内生产总值 is the country's (a place's is its 地区生产总值); not a foreign country's (美国国内生产总值); the word stays the metric
          // (only where no place is named or carried: 中国创造国内生产总值 stays 中国; 占国内生产总值的比重 names a whole, not the subject)
          // (制造业采购经理指数（PMI）, 广义货币: the series names the country without moving where its metric starts)
          if (re === GDP || re === NATIONAL_SERIES) {
            if (!subject && !reporterPlace && (at === 0 || !/[国占]/.test(text[at - 1] as string)) && !mentions.some((x) => x.start >= s && x.end <= at)) marks.push(re === GDP ? { at, end: at, ref: { name: '全国', key: null } } : { at: s, end: s, ref: { name: '全国', key: null } });
            continue;
          }
          const ref = re === NATIONAL ? { name: '全国', key: null } : (pronounReferent(m[0]) ?? (text.lastIndexOf('“', at) > text.lastIndexOf('”', at) ? speakerPlace(m[0], at) : null));
          // 开发区内高新技术企业, 全省内: the inside of the place referred to is the place
          const inside = re === PRONOUN && /[省市区县州镇乡]$/.test(m[0]) && text[at + m[0].length] === '内' ? 1 : 0;
          // (国内游客出游总花费: the country's, with 国内 kept in the metric)
          const keep = re === NATIONAL && m[0] === '国内' && /^(?:游客|旅游|出游)/.test(text.slice(at + 2, at + 4));
          if (ref) marks.push({ at, end: keep ? at : at + m[0].length + inside, ref, weak: keep });
        }
      }
      marks.sort((a, b) => a.at - b.at);
      marksTo = f.start;
    }
    for (const mk of marks)
      // 全省接待国内游客, 该市…国内旅游收入: domestic tourism is a category of the place named, not a national figure
      if (mk.at >= subjectAt && mk.end <= f.start && !(mk.weak && (subjectAt >= s || (subject && (subject as Subject).name !== '全国') || /(?:全|该|本|我)[省市区县州]/.test(text.slice(s, mk.at))))) {
        localSubject = mk.ref;
        subjectAt = mk.end;
      }
    if (subjectAt >= 0) {
      segSubjectSeg = s;
      segSubjectAt = subjectAt;
    }
  }

  /** the time and period the figure takes, and the change and basis that close its clause */
  function readChange(f: FigureHit): void {
    // time and period
    if (time) {
      f.time = (time as Current).text;
      f.period = (time as Current).span;
    } else {
      f.time = null;
      f.period = null;
    }
    const fromOf: TimeExpr | null = fromPending && (fromPending as TimeExpr).end + 1 === f.start ? fromPending : null;
    if (fromOf) {
      f.time = fromOf.text;
      f.period = fromOf.span;
    }
    if (lastYearSame) {
      // as written: 去年同期, 上年同期
      f.time = lastYearSameText;
      f.period = shiftYear(f.period ?? null, -1);
    }

    // change and basis
    clause = text.slice(c, f.start);
    // the change and its basis end the clause: only its tail is read
    const tailFrom = Math.max(0, clause.length - 24);
    const tail = tailFrom ? clause.slice(tailFrom) : clause;
    // 航班起降4126架次: a one-character verb closing a compound noun is no change
    // (比全省平均水平高1.5个百分点, 比去年同期低18.6%: 高/低 are a change only after a basis with 比/较)
    gapAgainst = false;
    let ch = (CHANGE_CHARS.test(tail) && !COMPOUND_VERB_NOUN.test(tail) ? CHANGE_RE.exec(tail) : null) ?? (/[高低]/.test(tail) ? HIGHER_THAN.exec(tail) : null);
    // 高于各项贷款增速5.6个百分点: a rate word closing the compared series is no change of the figure's own
    if (ch && /于/.test(tail) && /百分点$/.test(text.slice(f.start, f.end))) {
      const g = GAP_AGAINST.exec(tail);
      if (g && g.index < ch.index) ch = null;
    }
    if (ch) {
      f.change = ch[2] ?? null;
      f.basis = ch[1] ?? null;
      clause = clause.slice(0, tailFrom + ch.index);
    } else {
      f.change = null;
      f.basis = null;
      const gap = /百分点$/.test(text.slice(f.start, f.end)) && /[于]/.test(tail) ? GAP_AGAINST.exec(tail) : null;
      if (gap) {
        f.basis = gap[2] as string;
        clause = clause.slice(0, tailFrom + gap.index);
        gapAgainst = true;
      }
    }

    // 恢复至2019年的108%: a ratio to a basis time measures the figure before it; 恢复 (not 是, 相当于) is its change
    if (ratioOf && ratioOf.start >= c && !f.change) {
      const verb = /(恢复|回升|回落)(?:至|到)?$/.exec(text.slice(c, ratioOf.start));
      if (verb) f.change = verb[1] as string;
      clause = text.slice(c, ratioOf.start).replace(/(?:恢复|回升|回落|相当于|达到|是|为)(?:至|到)?$/, '');
    }
    // (比例由2023年的31.5%: the quantity is named before 由)
    if (fromOf && fromOf.start - 1 >= c) clause = text.slice(c, fromOf.start - 1);
  }

  /** the metric phrase: the clause from after its time and subject, with subject, pronoun, lead and tail words taken out; whether a breakdown (其中, 分X看) leads */
  function metricPhrase(f: FigureHit): void {
    // metric: the clause minus time, subject, pronouns and verbs
    mStart = c;
    clauseTime = null;
    clauseOpensTimed = false;
    // the times in this clause are the last ones read (ti is past them)
    for (let k = ti - 1; k >= 0 && (times[k] as TimeExpr).end > c; k--) {
      const t = times[k] as TimeExpr;
      // (平均租金为每月每平方米38.6元: a recurring time inside the phrase is a per-unit word, not where the metric starts)
      if (t.set && t.start > c && /[\u4e00-\u9fff]/.test(text[t.start - 1] as string) && /^(?:每[\u4e00-\u9fff]{1,3})*$/.test(text.slice(t.end, f.start))) continue;
      if (t.start >= c && t.end <= c + clause.length && t.end > mStart) {
        mStart = t.end;
        clauseTime = t;
      }
      if (t.start === c) clauseOpensTimed = true;
    }
    // 2025年突破6.8万亿元: a clause of a time and a figure only continues the metric
    timedClause = mStart > c;
    // a subject named earlier in the segment (2024年，鄂尔多斯市单位…较2020年下降: the date figure read it first)
    const namedAt = subjectAt >= 0 ? subjectAt : segSubjectSeg === s ? segSubjectAt : -1;
    if (namedAt > mStart && namedAt <= c + clause.length) mStart = namedAt;
    // 由2023年的31.5%提升至45.8%: the words before a figure of the same clause are that figure's, not this one's
    // (only where the change closes the clause straight after that figure)
    if (f.change && prev && (prev as FigureHit).end > mStart && (prev as FigureHit).end === c + clause.length && articleAt((prev as FigureHit).start) === article) mStart = (prev as FigureHit).end;
    mt = text.slice(mStart, c + clause.length);
    // 全市港口今年前11个月完成货物吞吐量: a facility word before the clause's time heads the quantity after it (港口货物吞吐量)
    if (clauseTime && mStart === clauseTime.end && clauseTime.start > c) {
      const facility = /^(?:全[市省区县]|该[市省区县])?(港口|机场|口岸)$/.exec(text.slice(c, clauseTime.start));
      if (facility) mt = (facility[1] as string) + mt;
    }
    // 民间投资占全市固定资产投资的比重: a pronoun after 占 names the whole the share is of; the share's quantity before it stays
    if (mStart > c + 3) {
      const share = SHARE_OF_WHOLE.exec(text.slice(Math.max(c, mStart - 16), mStart));
      if (share) {
        // (经济总量占全市的13.6%: a whole named only by its pronoun stays, or nothing is left of it)
        const whole = text.slice(mStart - 2, mStart);
        mt = /^的?$/.test(mt) ? (share[1] as string) + '占' + whole + (f.kind === 'percent' && text[f.start - 1] === '的' ? '的比重' : '') : (share[1] as string) + '占' + mt;
      }
    }
    // 占全市外贸总值的64.1%, 占我国外贸总值的15.8%: a clause opening with 占 and a pronoun of the whole is a share (the
    // quantity is the figure's before it)
    if (mStart > c && SHARE_PRONOUN_CLAUSE.test(text.slice(c, mStart))) mt = '占' + mt;
    // (占公司锂电池总出货量的比例: the company's pronoun after 占 is no part of the share)
    else if (mt.length > 4 && mt.includes('占')) mt = mt.replace(SHARE_PRONOUN, '占');
    qizhongLead = /^其中/.test(text.slice(c, c + 2)) || /其中[，,]?$/.test(text.slice(Math.max(s, c - 3), c)) || (c === s && Boolean(carriedBreakdown));
    hadQizhong = qizhongLead || BREAKDOWN_LEAD.test(text.slice(Math.max(s, c - 10), c)) || (c === s && carriedBreakdown !== null) || leadOverTime(c, s);
    if (hadQizhong && breakdownSeg !== s) {
      breakdownSeg = s;
      breakdownQizhong = qizhongLead;
    }
    industryEllipsis = false;
    /** the subject of the figure before, for a bare change: not carried on */
    borrowedSubject = false;
    if (mt.includes('国')) {
      // (国内游客出游总花费: domestic tourism is a category of its own, as against inbound, wherever it stands)
      const domestic = /^国内(?!生产总值)/.test(mt) && (/(?:全国|我国)$/.test(text.slice(Math.max(0, mStart - 2), mStart)) || /^国内(?:游客|旅游|出游)/.test(mt));
      // (接待国内游客: domestic tourism inside the phrase keeps its 国内 too)
      // (占全国的1.5%: a whole named only by the national word stays)
      mt = domestic ? '国内' + mt.slice(2).replace(NATIONAL, '') : mt.replace(NATIONAL, (w: string, off: number) => ((w === '国内' && off > 0 && /^(?:游客|旅游|出游)/.test(mt.slice(off + 2, off + 4))) || (mt[off - 1] === '占' && /^(?:的|$)/.test(mt.slice(off + w.length, off + w.length + 1))) ? w : ''));
    }
    mt = mt.replace(SURVEY_LEAD, '').replace(CALC_BASIS, '').replace(PER_UNIT_TAIL, '').replace(LEAD_STRIP, '').replace(TAIL_STRIP, '').replace(LEAD_STRIP, '').replace(COUNTED_PLACES, '');
    // 全市38家重点酒店平均入住率达到81.5%: the count of the population before (a figure of its own) is no part of the quantity
    // (重点酒店平均入住率); a lead verb before it stays for the verb rules (带动8600户茶农户均增收 → 带动茶农户均增收); a bound
    // of the count or an age (60岁及以上人口占比) keeps it
    const pc = prev as FigureHit | null;
    if (pc && pc.kind === 'count' && pc.start >= mStart && pc.end < c + clause.length) {
      const counted = text.slice(pc.start, pc.end);
      const at = COUNT_OF_UNITS.test(counted) ? mt.indexOf(counted) : -1;
      if (at >= 0 && (at === 0 || VERB_ONLY.test(mt.slice(0, at))) && /^(?![及以之的至到])[\u4e00-\u9fffA-Za-z]{2}/.test(mt.slice(at + counted.length))) mt = mt.slice(0, at) + mt.slice(at + counted.length);
    }
    // 已交付各类船舶21艘: a determiner of kinds inside the phrase names no part of the quantity (各项 stays: 各项贷款 is a series)
    if (mt.length > 3 && mt.includes('各')) mt = mt.replace(/(?<=[\u4e00-\u9fff]{2})各(?:类|种)(?=[\u4e00-\u9fff]{2})/, '');
    // 带动周边餐饮、住宿等综合消费1.7亿元: a list of examples before 等 (cut at its 、 or not) is no part of the quantity
    if (mt.length > 3 && mt.includes('等') && (text[c - 1] === '、' || mt.includes('、'))) mt = mt.replace(EXAMPLES_BEFORE, '');
    // 规模以上工业企业实现利润总额: 实现 inside the phrase is the verb between the population and the quantity
    if (mt.length > 4 && mt.includes('实现')) mt = mt.replace(/(?<=[\u4e00-\u9fff]{2})(?:共|已|累计|共计|合计)?实现(?=[\u4e00-\u9fff]{2})/, '');
    if (mt.length > 5 && mt.includes('完成')) mt = mt.replace(DONE_INSIDE, '');
    // 全市312个省市重点项目已完成投资: an adverb of state before the verb inside the phrase is no part of it
    if (mt.length > 5 && mt.includes('已')) mt = mt.replace(/(?<=[\u4e00-\u9fff]{2})已(?=(?:完成|开工|建成|投产|签约|实现)[\u4e00-\u9fff])/, '');
    // A级景区累计接待游客, 铁路共发送旅客: an adverb of sum before a verb inside the phrase is no part of it
    // (新能源汽车累计销量, 发电设备累计平均利用小时: 累计 inside the phrase says the span sums, which the time says; the
    // shortest phrase naming the quantity goes without it)
    if (mt.length > 5) mt = mt.replace(CUMULATIVE_INSIDE, '').replace(/(?<=[\u4e00-\u9fff]{2})(?:共计|合计|共)(?=(?:接待|发送|运送|销售|交付|发放|开行|办理|服务)[\u4e00-\u9fff])/, '');
    // 出口总额约占全省的18.5%: a qualifier before 占 belongs to the figure
    if (mt.includes('占')) mt = mt.replace(/(?:约|近|超过|超|逾|将近|接近)(?=占)/, '');
    // 该园区已集聚企业 with no zone named before: the pronoun is no part of the metric
    // (截至10月末，新区共有规模以上工业企业862家: the zone's kind alone before the clause's verb stands for the zone named before)
    if (mt.length > 3 && (PRONOUN_HEAD.test(mt) || BARE_ZONE_HEAD.test(mt))) mt = mt.replace(PRONOUN_HEAD, '').replace(BARE_ZONE_HEAD, '').replace(LEAD_STRIP, '');
    // 扣除食品和能源价格的核心CPI: what the series leaves out, as a modifier before 的, is its definition, not its name (核心CPI)
    if (mt.length > 6 && /^(?:扣除|剔除)/.test(mt)) mt = mt.replace(/^(?:扣除|剔除)[^，。；的]{2,14}的(?=[\u4e00-\u9fffA-Za-z]{2})/, '');
    // 该公司将在园区投资86亿元: where the investment goes (在 and a place before the verb) is no part of the quantity
    // (在建项目投资, 在库, 在营: 在 of a state keeps its word)
    if (mt.length > 3 && mt[0] === '在') mt = mt.replace(PLACE_OF_ACT, '');
    // (该项目总投资: the project is no subject; 项目 stays in its quantity)
    else if (mt.length > 4 && /^(?:该|本|上述)项目/.test(mt)) mt = mt.replace(/^(?:该|本|上述)/, '');
    // 预计全部达产后可实现年营业收入: a condition of the project's stage (…达产后, 建成后) is no part of what it measures
    if (mt.length > 5 && mt.includes('后')) {
      const stripped = mt.replace(STAGE_CONDITION, '');
      // (建成后预计年产值: the lead words after the condition go too)
      if (stripped !== mt) mt = stripped.replace(LEAD_STRIP, '');
    }
    // 增速比上半年回落0.1个百分点, 降幅比上月收窄: a rate word alone measures the figure before it
    if (f.change && RATE_WORD.test(mt)) mt = '';
  }

  /** 分别: a list of subjects, times or metrics distributed over the figures, and the figures that go on with it */
  function distribution(f: FigureHit): void {
    distributed = false;
    const fenbieFrom = Math.max(c, prev ? (prev as FigureHit).end : 0);
    const fenbieAt = text.slice(fenbieFrom, f.start).indexOf('分别');
    const listed = fenbieAt >= 0 ? listBefore(Math.max(s, prev && prev.end > s ? prev.end : s), fenbieFrom + fenbieAt) : null;
    if (listed) {
      // 南京市和杭州市地区生产总值分别为A和B / 一季度和二季度营业收入分别为A和B: the list is the subjects or the times
      // 江苏、重庆等地…营业收入同比分别增长: neither 等地 nor the basis is part of the metric
      // 2023年和2024年，嘉兴市地区生产总值分别为: the subject after a list of times is not in the metric
      // (only a subject heading the phrase: 新登记日本汽车数量 keeps its 日本)
      const namedFrom = listed.kind === 'time' && subjectAt > listed.end && subjectAt <= fenbieFrom + fenbieAt && text.slice(listed.end, subjectAt).replace(/^[，,、\s]+/, '').length <= ((localSubject as Subject | null)?.name.length ?? 0) ? subjectAt : listed.end;
      // a mention inside the phrase is a modifier, not the subject (新登记日本汽车数量 in a report on Korea)
      if (listed.kind === 'time' && namedFrom === listed.end && subjectAt > listed.end && subjectAt <= fenbieFrom + fenbieAt && localSubject && (localSubject as Subject).key !== null) localSubject = null;
      const named = text.slice(namedFrom, fenbieFrom + fenbieAt).replace(NATIONAL, '').replace(/^[，,]/, '').replace(/^等(?:地|城市|省份|省区市|地区)?/, '').replace(COUNTED_PLACES, '').replace(LEAD_STRIP, '').replace(BASIS_TAIL, '').replace(TAIL_STRIP, '');
      mt = named.length >= 2 ? named : (metric ?? '');
      distribute = { items: listed.items, kind: listed.kind, next: 1, keys: listed.keys, spans: listed.spans };
      lastList = distribute;
      lastItems = null;
      distributed = true;
      if (listed.kind === 'subject') localSubject = { name: listed.items[0] as string, key: listed.keys[0] ?? null };
      else {
        f.time = listed.items[0] as string;
        f.period = listed.spans?.[0] ?? null;
      }
    } else if (fenbieAt >= 0 && lastList && !lastItems && /^(?:同比|环比)?$/.test(text.slice(Math.max(mStart, fenbieFrom), fenbieFrom + fenbieAt).replace(LEAD_STRIP, '').replace(TAIL_STRIP, '')) && prev) {
      // 同比分别增长4.6%和5.6% after a list of subjects or times: the same list again
      distribute = { ...lastList, next: 1 };
      mt = (prev as FigureHit).metric ?? '';
      distributed = true;
      if (lastList.kind === 'subject') localSubject = { name: lastList.items[0] as string, key: lastList.keys[0] ?? null };
      else {
        f.time = lastList.items[0] as string;
        f.period = lastList.spans?.[0] ?? null;
      }
    } else if (fenbieAt >= 0 && /^城乡[\u4e00-\u9fff]{2,}/.test(mt) && /^[和与及、]/.test(text.slice(f.end, f.end + 1))) {
      // 城乡居民人均可支配收入分别增长6%和8%: 城乡 names two populations, town then country, one per figure
      const rest = mt.slice(2);
      mt = '城镇' + rest;
      distribute = { items: [mt, '农村' + rest], kind: 'metric', next: 1, keys: [null, null] };
      lastItems = null;
      distributed = true;
    } else if (fenbieAt >= 0) {
      // (run as a closure of its own: its array and literal shapes deoptimized the whole of attribute(),
      // ~22 KB of bytecode recompiled 4-5 times over the bench's passes; split off, attribute compiles
      // 3 times, all in the first two passes; same output)
      (() => {
        // 规模以上工业增加值、固定资产投资、社会消费品零售总额分别增长: a list joined by 、 (a clause break) runs back over its items
        let listFrom = Math.max(mStart, fenbieFrom);
        if (listFrom === c && text[c - 1] === '、' && (!prev || (prev as FigureHit).end < c)) {
          let c2 = c;
          while (c2 > s && text[c2 - 1] === '、') {
            c2--;
            while (c2 > s && !isClauseEnd(text.charCodeAt(c2 - 1))) c2--;
          }
          if (!prev || (prev as FigureHit).end <= c2) {
            listFrom = c2;
            if (subjectAt > c2 && subjectAt < c) listFrom = subjectAt;
            for (let k = ti - 1; k >= 0 && (times[k] as TimeExpr).end > c2; k--) if ((times[k] as TimeExpr).start >= c2 && (times[k] as TimeExpr).end < c && (times[k] as TimeExpr).end > listFrom) listFrom = (times[k] as TimeExpr).end;
            // (a digit of a figure stops the list; one inside a Latin name, 5G手机, 3D打印设备, does not)
            if (/[0-9０-９]/.test(text.slice(listFrom, c).replace(LATIN_NAME_DIGITS, ''))) listFrom = Math.max(mStart, fenbieFrom);
          }
        }
        // (新能源汽车累计产量和销量分别为: 累计 inside the list's phrase goes, as inside a single metric)
        const before = text.slice(listFrom, fenbieFrom + fenbieAt).replace(CALC_BASIS, '').replace(BASIS_TAIL, '').replace(CUMULATIVE_INSIDE, '');
        // (该集团实现营业收入和净利润分别为: the lead verb heads the list, not its first item)
        let items = before.replace(LEAD_STRIP, '').replace(LEAD_VERBS, '').replace(TAIL_STRIP, '').split(/[、和及与]/).filter((x) => x.length > 0);
        // 同比分别增长12.1%和8.8%: the items of the last 分别
        if (items.length < 2 && lastItems && /^(?:同比|环比)?$/.test(items.join(''))) items = lastItems;
        // 新能源汽车产销分别完成146.3万辆和143.8万辆: a contracted pair names two metrics (产销 → 产量, 销量)
        const pair = items.length === 1 ? CONTRACTED_PAIR.exec(items[0] as string) : null;
        if (pair) items = (CONTRACTED[pair[2] as string] as string[]).map((w) => (pair[1] as string) + w);
        // 接待游客1012.6万人次，实现旅游总收入188.4亿元，同比分别增长8.3%和11.2%: the figures before, each with its metric
        // (…，分别是2022年同期的2.3倍和2.1倍: multiples of the levels before as well)
        const levels = (f.change || f.kind === 'multiple') && items.length < 2 && /^(?:同比|环比)?$/.test(items.join('')) ? segFigs.filter((g) => g.metric && !g.change && g.start >= s) : [];
        if (levels.length >= 2 && new Set(levels.map((g) => g.metric)).size === levels.length) {
          distribute = { items: levels.map((g) => g.metric as string), kind: 'metric', next: 1, keys: [] };
          lastItems = null;
          lastList = null;
          mt = levels[0]?.metric ?? '';
          distributed = true;
        } else if (items.length >= 2) {
          const asMentions = items.map((it) => mentions.find((m) => m.name === it && m.type !== 'EVENT' && m.start >= s && m.end <= f.start));
          // (分产业看，第一产业、第二产业、第三产业增加值分别为: the three sectors the same way, the lead's decision)
          // (a list run back over 、 clauses: the lead stands before its first item)
          const leadBefore = hadQizhong || (listFrom < c && BREAKDOWN_LEAD.test(text.slice(Math.max(s, listFrom - 10), listFrom)));
          const lastSector = leadBefore ? SECTOR_INDUSTRY.exec(items[items.length - 1] as string) : null;
          const lastInd = leadBefore ? (INDUSTRY.exec(items[items.length - 1] as string) ?? lastSector) : null;
          if (lastInd && items.slice(0, -1).every((it) => (lastSector ? /^第[一二三]产业$/.test(it) : INDUSTRY_ALONE.test(it)))) {
            // 分行业看，信息软件业和电子制造业营业收入分别增长: the industries are the subjects
            const subs = [...items.slice(0, -1), lastInd[1] as string];
            distribute = { items: subs, kind: 'subject', next: 1, keys: subs.map(() => null) };
            // (…，分别增长3.6%、5.4%和5.3%: the same industries again)
            lastList = distribute;
            lastItems = null;
            localSubject = { name: subs[0] as string, key: null };
            mt = lastInd[2] as string;
          } else if (asMentions.every((x) => x)) {
            distribute = { items, kind: 'subject', next: 1, keys: asMentions.map((x) => keyOf(x!, x!.name)) };
            localSubject = { name: items[0] as string, key: distribute.keys[0] ?? null };
            mt = metric ?? '';
          } else {
            // 百货、超市、专业店零售额: the tail noun of the last item is shared by the bare items before it
            const lastIt = items[items.length - 1] as string;
            const bare = items.slice(0, -1);
            // (梭织、针织自动化率, 第一、第二、第三产业占比: bare items as long as the last item's head, sharing a first or last character with it)
            const L = (bare[0] ?? '').length;
            // (城镇和农村居民人均可支配收入: the last item's head is followed by a population or unit word)
            const sameHead = L >= 2 && L <= 3 && lastIt.length > L + 1 && bare.every((it) => it.length === L && (it[0] === lastIt[0] || it[L - 1] === lastIt[L - 1] || /^(?:居民|人均|常住|企业|产业|行业|工业)/.test(lastIt.slice(L))));
            const shared = sameHead ? lastIt.slice(L) : METRIC_TAILS.find((w) => lastIt.endsWith(w) && w.length < lastIt.length);
            // (新能源汽车、太阳能电池产量: a product name of up to six characters)
            // (not a quantity of its own: 接待旅游人次和旅游总收入)
            if (shared && bare.every((it) => (it.length <= 4 || (it.length <= 6 && !/[次数量额值率入出资积价]$/.test(it))) && !METRIC_TAILS.some((w) => it.endsWith(w)))) items = items.map((it, k) => (k < items.length - 1 ? it + shared : it));
            const first = items[0] as string;
            // 粮食播种面积和单产 → 粮食单产: the later item replaces the first's tail noun (else as many characters as it has)
            const tailLen = (METRIC_TAILS.find((w) => first.endsWith(w) && w.length < first.length) ?? '').length;
            // (a full metric of its own, 固定资产投资 after 规模以上工业增加值, stays as written)
            const tailLike = (it: string): boolean => (tailLen > 0 && it.length <= tailLen + 2) || METRIC_TAILS.includes(it) || it.length <= 2;
            // (营业收入和净利润: a first item that is a whole quantity of its own shares no head with the later ones)
            const full = items.map((it, k) => (k > 0 && !METRIC_TAILS.includes(first) && it.length < first.length && !first.endsWith(it) && tailLike(it) ? first.slice(0, first.length - (tailLen && it.length <= tailLen + 2 ? tailLen : it.length)) + it : it));
            // (其中，风电和太阳能发电分别为A和B: kinds alone, each its part of the quantity before → 风电发电量, 太阳能发电量)
            if (hadQizhong && !f.change) for (let k = 0; k < full.length; k++) full[k] = kindQuantity(full[k] as string, f);
            distribute = { items: full, kind: 'metric', next: 1, keys: [] };
            lastItems = full;
            lastList = null;
            mt = full[0] as string;
          }
          distributed = true;
        }
      })();
    }
    // (同比分别增长12.3%和下降18.5%: a change verb of its own after 和 goes on with the list)
    if (!distributed && distribute && prev && /^[、，,和及与以]*$/.test(text.slice(prev.end, f.start).replace(/(?:分别)?(?:为|是|达|增长|下降)/, ''))) {
      const d = distribute as Distribution;
      if (d.next < d.items.length) {
        if (!f.change) {
          f.change = (prev as FigureHit).change ?? null;
          f.basis = (prev as FigureHit).basis ?? null;
        }
        if (d.kind === 'metric') mt = d.items[d.next] as string;
        else if (d.kind === 'time') {
          f.time = d.items[d.next] as string;
          f.period = d.spans?.[d.next] ?? null;
          mt = (prev as FigureHit).metric ?? '';
        } else {
          localSubject = { name: d.items[d.next] as string, key: d.keys[d.next] ?? null };
          mt = (prev as FigureHit).metric ?? '';
        }
        d.next++;
        distributed = true;
      }
    } else if (!distributed) distribute = null;
  }

  /** what the clause leaves out: sub-figures of a breakdown, bare changes, levels and kinds that measure the figure or metric before */
  function ellipsis(f: FigureHit): void {
    if (!distributed) {
      // a later clause of the breakdown's segment (其中，第一产业增加值…，增长3.5%，第二产业增加值…) is a sub-figure too
      // (not a clause opening with a time of its own: …，2024年全年人工智能核心产业规模突破3000亿元 is a new statement)
      // (其中，餐饮业营业额9.3亿元，中秋节当天餐饮业营业额达1.6亿元: a day inside the breakdown's time goes on with it)
      const ct = time as Current | null;
      const bt = timeBefore as Current | null;
      const inside = ct !== null && ct.span !== null && bt !== null && bt.span !== null && ct.span.start >= bt.span.start && ct.span.end <= bt.span.end && (ct.span.start !== bt.span.start || ct.span.end !== bt.span.end);
      const laterPart = !hadQizhong && breakdownSeg === s && !localSubject && (!clauseOpensTimed || inside);
      if (hadQizhong || laterPart) {
        // 其中，第三产业增加值增长5.4%, 分产业看，第一产业增加值1080亿元: after 其中 or a breakdown lead a sector is the actor
        // (subject 第一产业, metric 增加值; the lead's decision after the tenth set, tests/figures/blind/README.md)
        // (a two-character 工业, 农业 heads a category of the whole economy: 其中，工业投资增长35.2% → metric 工业投资;
        // so does one behind a size scope: 规上工业增加值)
        // (分区域看，高新区规上工业增加值增长15.6%: a place or zone before a size scope is the part, the scoped quantity its metric)
        const scoped = SCOPED_PART.exec(mt);
        const ind = scoped ? null : ((x) => (x && (x[1] as string).length >= 3 && !SIZE_SCOPE.test(x[1] as string) ? x : null))(INDUSTRY.exec(mt)) ?? SECTOR_INDUSTRY.exec(mt);
        if (scoped) {
          localSubject = { name: scoped[1] as string, key: `LOC:${canonicalName('LOC', scoped[1] as string)}` };
          mt = scoped[2] as string;
          if (laterPart) industryEllipsis = true;
        } else if (ind) {
          localSubject = { name: ind[1] as string, key: null };
          mt = ind[2] as string;
          // (the sub-figure's subject and metric are not carried on)
          if (laterPart) industryEllipsis = true;
        }
      }
      // 采矿业增加值增长5.1%，制造业增长5.7%: an industry alone in a breakdown keeps the metric left out
      const pq = prev as FigureHit | null;
      // 分区域看，天府新区增长6.8%: a place alone in a breakdown keeps the metric of the figure before
      // (其中，城市上涨0.7%，农村上涨0.3%: town and country alone are the breakdown's parts as well)
      // (国有控股企业增加值增长4.1%，股份制企业增长6.8%: a kind of enterprise alone is a kind, with the quantity of the kind before)
      const ownership = breakdownSeg === s && f.change && /企业$/.test(mt) && pq && pq.metric && pq.end > s ? /^([\u4e00-\u9fff]{2,}企业)([\u4e00-\u9fff]{2,})$/.exec(pq.metric) : null;
      if (ownership) {
        mt += ownership[2] as string;
        industryEllipsis = true;
      }
      else if (breakdownSeg === s && f.change && ((INDUSTRY_ALONE.test(mt) && pq && pq.metric && pq.end > s) || ((PLACE_ALONE.test(mt) || SETTLEMENT_ALONE.test(mt)) && pq && pq.metric && articleAt(pq.start) === article))) {
        localSubject = { name: mt, key: INDUSTRY_ALONE.test(mt) || SETTLEMENT_ALONE.test(mt) ? null : `LOC:${canonicalName('LOC', mt)}` };
        mt = (pq as FigureHit).metric as string;
        industryEllipsis = true;
      } else if (f.change && INDUSTRY_ALONE.test(mt) && !/企业$/.test(mt) && metric && BREAKDOWN_LEAD.test(text.slice(Math.max(s, c - 10), c)) && (!pq || pq.end <= s)) {
        // 分三大门类看，采矿业增长2.1%: an industry alone straight after a breakdown lead opening its sentence keeps the article's metric
        localSubject = { name: mt, key: null };
        mt = metric;
        industryEllipsis = true;
      }
      // 新能源汽车类零售额增长46.2%，金银珠宝类增长18.5%: a category alone keeps the quantity of the category before it
      if (f.change && /类$/.test(mt) && pq && pq.metric && pq.end > s) {
        const tail = /类([\u4e00-\u9fff]{2,6})$/.exec(pq.metric);
        if (tail) mt += tail[1] as string;
      }
      // 发电量…。其中，火电2106.3亿千瓦时: a kind alone after 其中 (no quantity word of its own) is that kind's part of the
      // quantity before it of the same unit (火电发电量; 出口 after 进出口总值 is a quantity itself)
      if (qizhongLead && !f.change && !localSubject) mt = kindQuantity(mt, f);
      // 其中玉米播种面积405.6万亩，大豆128.9万亩: a kind alone after a kind with its quantity, in a breakdown, is that
      // kind's part of the same quantity (大豆播种面积)
      else if (!f.change && breakdownSeg === s && !hadQizhong && pq && pq.end > s && pq.unit === f.unit && pq.metric && mt.length >= 1 && mt.length <= 4 && !METRIC_TAILS.some((w) => mt.endsWith(w)) && /^[\u4e00-\u9fff]+$/.test(mt)) {
        const tl = METRIC_TAILS.find((w) => pq.metric!.endsWith(w) && w.length < pq.metric!.length);
        const kind = tl ? pq.metric.slice(0, -tl.length) : '';
        // (税收收入…，税收占比77.6%: a quantity word of its own, or the same kind, is no kind alone)
        if (tl && kind.length >= 1 && kind.length <= 4 && !mt.startsWith(kind) && !/[的之占]/.test(kind) && !/[比率重价数量额值入出资积]$/.test(mt)) mt += tl;
      }
      // 全市重点监测的86家商贸企业实现销售额: a count after a participle with 的 counts the noun after it, as the participle
      // qualifies it (重点监测的商贸企业)
      // (a participle of survey or selection only: 监测, 统计, 调查; on news text others run into whole clauses)
      const participle = f.kind === 'count' && !f.change && text[f.start - 1] === '的' && mt.length >= 2 && mt.length <= 8 && SURVEY_PARTICIPLE.test(mt) ? COUNTED_NOUN.exec(text.slice(f.end, f.end + 16)) : null;
      if (participle) mt = mt.replace(/的$/, '') + '的' + (participle[1] as string);
      else if (VERB_ONLY.test(mt) || mt.length < 2 || (mt.endsWith('了') && VERB_ONLY.test(mt.slice(0, -1)))) {
        // 设立100亿元的产业基金: the thing measured follows the figure
        // (完成今年300万辆销量目标的27.3%: a target named straight after the figure is what it measures)
        const after = /^的([\u4e00-\u9fff“”]{2,14}?)(?=[，。；、：！？）\n]|$)/.exec(text.slice(f.end, f.end + 20)) ?? (f.kind !== 'duration' && f.kind !== 'ordinal' ? /^(?:的)?([\u4e00-\u9fff]{0,8}?(?:目标|任务))(?=的|[，。；、\n]|$)/.exec(text.slice(f.end, f.end + 14)) : null);
        mt = after ? (after[1] as string) : '';
        if (after) mt = metricAfterChange(mt, f);
        // 全市共有2.6万户新登记市场主体: a count after 有 counts the noun phrase after it
        else if (/有$/.test(text.slice(c, f.start))) mt = COUNTED_AFTER.exec(text.slice(f.end, f.end + 16))?.[1] ?? '';
        // 全县36家A级旅游景区全部开放, 全市27个重点景区共接待游客, 突破100项以上关键技术: a count with nothing before it but its
        // place, time or verb counts the noun phrase after it, up to the adverb or verb of the clause
        else if (f.kind === 'count' && !f.change) mt = COUNTED_NOUN.exec(text.slice(f.end, f.end + 16))?.[1] ?? '';
      } else {
        const bare = mt.replace(LEAD_VERBS, '');
        // 带动就业2650人: a verb with only 就业/创业 after it is the statistic's own name
        mt = /^(?:就业|创业)$/.test(bare) && bare !== mt ? mt.replace(/^(?:拟|将|可|能|预计|将可)+/, '') : bare;
      }
      // 15%、10%: a list member shares the attribution of the figure before it
      const p = prev as FigureHit | null;
      if (p && p.kind === f.kind && /^[、和及与]$/.test(text.slice(p.end, f.start))) {
        mt = p.metric ?? '';
        f.change = p.change ?? null;
        f.basis = p.basis ?? null;
        if (!localSubject && p.subject) localSubject = { name: p.subject, key: p.subjectEntity ?? null };
      }
      // 研发投入2236亿元，占地区生产总值比重为6.46%: a share of the figure before it names that figure's metric first
      const ps = prev as FigureHit | null;
      // (a growth figure names its quantity too: 民间投资增长5.7%，占全部投资的比重为52.3%; a point change does not)
      if (/^占/.test(mt) && ps && ps.metric && !/^占/.test(ps.metric) && ps.end > s && (!ps.change || (ps.kind === 'percent' && !/个?百分点$/.test(text.slice(ps.start, ps.end)))) && articleAt(ps.start) === article) {
        mt = ps.metric + mt;
        // (其中，电子信息制造业增加值增长10.2%，占规上工业的比重为31.5%: an industry, the part, stays the share's subject)
        if (!localSubject && ps.subject && ps.subjectEntity === null && (INDUSTRY_ALONE.test(ps.subject) || /^第[一二三]产业$/.test(ps.subject))) {
          localSubject = { name: ps.subject, key: null };
          borrowedSubject = true;
        }
      }
      // 研发经费占营业收入的3.2%: a percentage straight after 占…的 is the share (…占营业收入的比重)
      if (f.kind === 'percent' && text[f.start - 1] === '的' && /占[\u4e00-\u9fff]{2,}$/.test(mt) && !/(?:比重|比例|份额|占比)$/.test(mt) && text.slice(c, f.start - 1).replace(SHARE_PRONOUN, '占').endsWith(mt.slice(mt.lastIndexOf('占')))) mt += '的比重';
      // 新能源汽车新车销量达到汽车新车总销量的40.9%: a part reaching a percentage of a whole is the part's share of it
      if (f.kind === 'percent' && !f.change && !ratioOf && text[f.start - 1] === '的' && !mt.includes('占')) {
        const sh = SHARE_BY_VERB.exec(mt);
        if (sh && !/(?:年|月|季度|同期|水平|目标|计划|任务|预算)$/.test(sh[2] as string)) mt = (sh[1] as string) + '占' + (sh[2] as string) + '的比重';
      }
      // a bare change measures the figure before it; an ellipsis (其中，出口增长9.2%) keeps the metric left out
      const pf = prev as FigureHit | null;
      // 累计运送旅客58.7万人次，日均6.5万人次: an average word alone averages the figure before it in its segment
      // (高速公路车流量…，日均36.5万辆次: after the mode of transport heading it, as 铁路日均发送旅客 is written)
      if (PER_AVERAGE.test(mt) && pf && pf.metric && pf.end > s && !PER_AVERAGE.test(pf.metric.slice(0, 2))) {
        const mode = MODE_HEAD.exec(pf.metric);
        mt = mode && pf.metric.length > mode[0].length + 1 ? mode[0] + mt + pf.metric.slice(mode[0].length) : mt + pf.metric;
      }
      // 铁路发送旅客1.05亿人次，日均发送1310万人次: an average word and a verb of the quantity before averages that quantity
      // (the average word before the verb: 铁路日均发送旅客)
      else if (pf && pf.metric && pf.end > s && mt.length >= 4 && PER_AVERAGE.test(mt.slice(0, 2)) && !PER_AVERAGE.test(pf.metric.slice(0, 2))) {
        const at = pf.metric.indexOf(mt.slice(2));
        if (at >= 0 && mt.length - 2 >= 2) mt = pf.metric.slice(0, at) + mt.slice(0, 2) + pf.metric.slice(at);
      }
      if (mt.length < 2 && (f.change || gapAgainst) && !hadQizhong && pf && pf.metric && articleAt(pf.start) === article) {
        mt = pf.metric;
        // (its subject too, in the same segment: 其中，电子信息制造业利润总额326.8亿元，增长14.2%)
        if (!localSubject && pf.end > s && pf.subject) {
          localSubject = { name: pf.subject, key: pf.subjectEntity ?? null };
          borrowedSubject = true;
        }
      }
      // 营业收入同比增长12.5%至45.6亿元: a level verb straight after a change figure gives the level the quantity reached
      if (!f.change && pf && pf.change && pf.metric && pf.end > c && pf.end <= f.start && LEVEL_ONLY.test(text.slice(pf.end, f.start))) mt = pf.metric;
      // 突破3000亿元，达到3125.6亿元; 同比减少23.5%，至8.6亿元: a clause of only a level verb states the level of the
      // quantity the figure before it in its segment measured
      if (mt.length < 2 && !f.change && !hadQizhong && pf && pf.metric && pf.end > s && articleAt(pf.start) === article && (LEVEL_ONLY.test(text.slice(c, f.start)) || (ratioOf && ratioOf.start >= c && RATIO_ONLY.test(text.slice(c, ratioOf.start))))) {
        mt = pf.metric;
        if (!localSubject && pf.subject) {
          localSubject = { name: pf.subject, key: pf.subjectEntity ?? null };
          borrowedSubject = true;
        }
      }
      // 居民消费价格同比持平，环比上涨0.4%: the metric named in an earlier clause of the segment
      // (全市粮食产量再创新高，达到286.3万吨: a level verb alone after a clause naming the quantity, with a predicate of its own)
      if (mt.length < 2 && (f.change || LEVEL_ONLY.test(text.slice(c, f.start))) && (!pf || pf.end <= s)) {
        const before = text.slice(Math.max(s, subjectAt), c).replace(/[，、：:,]$/, '');
        const lastTime = times.slice(0, ti).reverse().find((t) => t.end <= c && t.end > s);
        const from = lastTime && lastTime.end > Math.max(s, subjectAt) ? lastTime.end - Math.max(s, subjectAt) : 0;
        const named = before
          .slice(from)
          .replace(/^[，、：:,]/, '')
          .replace(/(?:同比|环比|比上年|较上年)?(?:持平|基本持平|稳定|平稳|增长|下降|上涨|下跌)$/, '')
          .replace(/(?:再|又|首次|再次)?(?:创历史新高|创出新高|创新高|实现新突破|稳步增长|持续增长|稳定增长|快速增长|保持稳定|稳中有升|大幅增长|继续增长)$/, '')
          .replace(LEAD_STRIP, '')
          .replace(TAIL_STRIP, '');
        // (分季度看，一季度增长5.4%: a breakdown lead names no quantity; the article's metric goes on)
        if (named.length >= 2 && named.length <= 20 && !/[，。；0-9]/.test(named) && !SPEAKER_LINE.test(named) && BREAKDOWN_LEAD.exec(named)?.index !== 0) mt = named;
      }
      // 其中，云栖谷景区9.2万人次: a sub-figure with neither metric nor change measures what the article's last figure of its unit measured
      if (mt.length < 2 && hadQizhong && !f.change && f.unit) {
        for (let k = artFigs.length - 1; k >= 0; k--) {
          const a = artFigs[k] as FigureHit;
          if (a.unit === f.unit && a.metric) {
            mt = a.metric;
            break;
          }
        }
      }
      if (mt.length < 2 && (f.change || hadQizhong || localSubject || lastYearSame) && metric) mt = metric;
      // “十四五”期间，地区生产总值年均增长5.8%，2025年突破6.8万亿元: a clause of only a time continues the metric of its segment
      // (the time a span, not a set (每年) nor a deictic 现在; the figure before ends the clause before)
      // 预计全年可达360亿元, 届时将突破500亿元: an anaphoric time with no metric named continues the metric it refers back to
      else if (mt.length < 2 && clauseTime && (clauseTime.anaphor === 'year' || clauseTime.anaphor === 'then') && metric && f.kind !== 'duration') mt = metric;
      else if (mt.length < 2 && timedClause && f.kind !== 'duration' && clauseTime && clauseTime.start === c && clauseTime.span && !clauseTime.set && !clauseTime.anaphor && !/现在|目前|当前|如今/.test(clauseTime.text)) {
        const lf = segFigs[segFigs.length - 1];
        if (lf && lf.metric && lf.end > s && articleAt(lf.start) === article && /^[\s，,]*$/.test(text.slice(lf.end, c).replace(/^[^，,]*/, ''))) mt = lf.metric;
        // 1—7月累计完成1268.9亿元: a time and a cumulative lead verb alone (累计, 共) go on with the metric of the article
        else if (metric && CUMULATIVE_LEAD.test(text.slice(clauseTime.end, f.start))) mt = metric;
      }
    }
  }

  /** shares of a target, yields, reporter and population words; the metric set on the figure and carried on */
  function finishMetric(f: FigureHit): void {
    // 完成年度目标的113.7%, 完成今年300万辆销量目标的27.3%: the share of a target done is the target's 完成进度; a target
    // without its quantity (年度目标) is the target of the figure before; a time or a figure inside the target is the target's
    const target = f.kind === 'percent' && !f.change && text[f.start - 1] === '的' ? TARGET_SHARE.exec(text.slice(c, f.start)) : null;
    if (target) {
      const named = (target[1] as string).replace(TARGET_INNER, '');
      // (城镇新增就业完成全年目标的123.7%: the quantity named before 完成 in the clause is the target's)
      const at = c + target.index;
      // (from the subject or the last time before the target: 全年 inside it is the target's)
      let ownFrom = mStart <= at ? mStart : c;
      if (mStart > at) for (let k = ti - 1; k >= 0 && (times[k] as TimeExpr).end > c; k--) if ((times[k] as TimeExpr).end <= at && (times[k] as TimeExpr).start >= c) ownFrom = Math.max(ownFrom, (times[k] as TimeExpr).end);
      if (mStart > at && subjectAt > ownFrom && subjectAt <= at) ownFrom = subjectAt;
      const own = text.slice(ownFrom, at).replace(NATIONAL, '').replace(LEAD_STRIP, '').replace(LEAD_VERBS, '').replace(TAIL_STRIP, '');
      // (the figure before the target's name: 300万辆 inside it is the target's own)
      let pt: FigureHit | null = null;
      for (let k = artFigs.length - 1; k >= 0 && !pt; k--) if ((artFigs[k] as FigureHit).end <= c + target.index) pt = artFigs[k] as FigureHit;
      const whole = pt && pt.metric && !text.slice(pt.end, f.start).includes('。') ? pt : null;
      mt = (/^(?:年度|全年)?$/.test(named) ? (own.length >= 2 ? own : whole ? (whole.metric as string) : '') : '') + named + (target[2] as string) + '完成进度';
      if (whole && ((clauseTime && clauseTime.start >= c + target.index) || (pt !== prev && prev && prev.start >= c + target.index))) {
        f.time = whole.time ?? null;
        f.period = whole.period ?? null;
      }
    }
    // 猕猴桃种植面积达1.8万亩，预计总产量可达2.6万吨: a yield word alone is the yield of the crop the figure before in its
    // sentence measured (猕猴桃总产量; 小麦单产…，总产量 → 小麦总产量)
    if (YIELD_WORD.test(mt) && prev && prev.metric && articleAt(prev.start) === article && !/[。！？\n]/.test(text.slice(prev.end, f.start))) {
      const tl = METRIC_TAILS.find((w) => (prev as FigureHit).metric!.endsWith(w) && w.length < (prev as FigureHit).metric!.length);
      const crop = tl ? prev.metric.slice(0, -tl.length) : '';
      if (crop.length >= 1 && crop.length <= 4 && !YIELD_WORD.test(crop) && !/[的之]/.test(crop)) mt = crop + mt;
    }
    // 全国集成电路产量达1623亿块…。4月份当月产量427亿块: a tail noun alone is the tail of the article's metric
    else if (mt.length >= 2 && mt.length <= 5 && !distributed && !hadQizhong && !localSubject && metric && metric.length > mt.length && metric.endsWith(mt) && METRIC_TAILS.includes(mt)) mt = metric;
    // 新能源汽车销量703.7万辆，市场占有率达到36.9%: a share of the market alone is the share of the product whose sales or
    // output the figure before in its sentence measured (新能源汽车市场占有率); a company's share is its own
    if (MARKET_SHARE.test(mt) && !((localSubject as Subject | null) ?? (subject as Subject | null))?.key?.startsWith('ORG:') && prev && prev.metric && articleAt(prev.start) === article && !/[。！？\n]/.test(text.slice(prev.end, f.start))) {
      const q = KIND_QUANTITY.exec(prev.metric);
      const product = q ? prev.metric.slice(0, q.index) : '';
      if (product.length >= 2 && product.length <= 8 && !/[的之占]/.test(product)) mt = product + mt;
    }
    // 新建商品住宅成交3.96万套，成交面积412.5万平方米: a phrase opening with the word the metric of the figure before in its
    // sentence ends with leaves out that metric's head (新建商品住宅成交面积)
    else if (mt.length >= 4 && mt.length <= 8 && !distributed && !hadQizhong && !localSubject && prev && prev.metric && articleAt(prev.start) === article && !/[。！？\n]/.test(text.slice(prev.end, f.start))) {
      // (one word of two characters, a verb such as 成交: 接待过夜游客…，过夜游客人均消费 names its own population)
      const pm = prev.metric;
      // (the rest a quantity's tail noun: 面积, 金额; not 诊断 + 与临床符合率)
      if (pm.length >= 4 && pm.endsWith(mt.slice(0, 2)) && METRIC_TAILS.includes(mt.slice(2)) && !/[的之占]/.test(pm)) mt = pm + mt.slice(2);
    }
    // 商务部重点监测零售和餐饮企业销售额: the body that monitors is the reporter, not part of what it measured
    if (mt.length > 8 && /[部署局队]/.test(mt)) mt = mt.replace(REPORTER_LEAD, '');
    // 规模以上工业企业实现利润总额…；营业收入利润率为5.31%: a rate of the enterprises in the sentence's next clause is the same population's
    // (…实现营业收入4125.3亿元；实现利润总额236.8亿元: a clause opening with a lead verb, no one named, goes on with them too)
    // (…实现营业收入1865.3亿元，同比增长10.4%；利润总额126.7亿元: a clause after ； of a whole quantity word alone too)
    if (f.metric === null && mt.length >= 3 && (/率$/.test(mt) || POPULATION_CONTINUED.test(text.slice(c, c + 4)) || (text[c - 1] === '；' && METRIC_TAILS.includes(mt))) && !/企业|公司/.test(mt) && !localSubject && prev && prev.metric && !text.slice(prev.end, f.start).includes('。')) {
      const pop = ENTERPRISE_POPULATION.exec(prev.metric);
      if (pop && !mt.startsWith(pop[0])) mt = pop[0] + mt;
    }
    // (a share names two quantities: 高技术制造业增加值占规模以上工业增加值的比重 is one metric)
    f.metric = mt.length >= 2 ? mt.slice(mt.includes('占') ? -40 : -20) : null;
    if (f.metric && !distributed && !hadQizhong && !industryEllipsis) metric = f.metric;
    else if (f.metric && distributed) metric = f.metric;

  }

  /** the subject: the segment's, a breakdown's sub-subject, or the one carried; the figure becomes the one before */
  function assignSubject(f: FigureHit): void {
    // subject: this segment's, or the one carried from before
    if (localSubject && !(hadQizhong && localSubject.key === null && localSubject.name === '全国')) {
      f.subject = localSubject.name;
      f.subjectEntity = localSubject.key;
      // a list of times or metrics keeps the subject for the figures after it
      if (!hadQizhong && !industryEllipsis && !borrowedSubject && (!distributed || (distribute !== null && (distribute as Distribution).kind !== 'subject'))) subject = localSubject;
      // 其中，某某汽车股份有限公司销量为48.6万辆，市场份额为19.0%: a named sub-subject holds for the rest of its segment
      if (hadQizhong && localSubject.key !== null && (localSubject.key.startsWith('ORG:') || localSubject.key.startsWith('LOC:') || (carriedBreakdown !== null && c === s))) qizhongSubject = { seg: s, ref: localSubject };
    } else if (qizhongSubject && qizhongSubject.seg === s && !hadQizhong) {
      f.subject = qizhongSubject.ref.name;
      f.subjectEntity = qizhongSubject.ref.key;
    } else {
      const cur = (subject as Subject | null) ?? (reporterPlace as Subject | null);
      f.subject = cur?.name ?? null;
      f.subjectEntity = cur?.key ?? null;
    }
    prev = f;
    if (segFigs.length && (segFigs[0] as FigureHit).start < s) segFigs = [];
    segFigs.push(f);
    if (artFigs.length >= 16) artFigs.shift();
    artFigs.push(f);
  }

  // one figure at a time, in text order; each step is a function of its own (attribute() as one body was
  // ~35 KB of bytecode, over the optimizing compiler's limit bin/zhnews.js sets)
  for (const f of figures) {
    openFigure(f);
    readTimes(f);
    readSubjects(f);
    if (f.kind === 'date' || f.kind === 'period') {
      // a date or period figure's period is its own span
      f.time = null;
      f.period = spanOfFigure(f);
      f.metric = null;
      f.change = null;
      f.basis = null;
      const named = localSubject as Subject | null;
      f.subject = named?.name ?? null;
      if (named) subject = named;
      // (由2023年的31.5%: a date inside the value's frame keeps the figure before as the one before)
      if (!(/[由从]/.test(text[f.start - 1] ?? '') && text[f.end] === '的' && ratioStarts.has(f.end + 1))) prev = null;
      continue;
    }

    readChange(f);
    metricPhrase(f);
    distribution(f);
    ellipsis(f);
    finishMetric(f);
    assignSubject(f);
  }
}

