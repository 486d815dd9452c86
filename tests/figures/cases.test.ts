/**
 * News-style sentences (written for this suite, not taken from the corpus):
 * every numeral form, unit, qualifier and date form, and the no-false-figure list.
 * Each case lists ALL figures expected in the sentence, in order.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/extract/packs/figures.js';

type E = [text: string, kind: string, value: number | null, unit: string | null, qualifier?: string, extra?: { valueMax?: number; date?: string | null; dateEnd?: string | null }];
type Case = { s: string; doc?: string | null; e: E[] };

const C: Case[] = [
  // Arabic numerals: separators, decimals, full-width digits
  { s: '该市全年接待游客1,234,567人次。', e: [['1,234,567人次', 'count', 1234567, '人次']] },
  { s: '项目总投资12.75亿元，已完成投资8.3亿元。', e: [['12.75亿元', 'money', 1275000000, 'CNY'], ['8.3亿元', 'money', 830000000, 'CNY']] },
  { s: '园区现有企业３２０家。', e: [['３２０家', 'count', 320, '家']] },
  { s: '新增就业岗位2.6万个。', e: [['2.6万个', 'count', 26000, '个']] },
  // Chinese numerals
  { s: '全县共有三百二十五个行政村。', e: [['三百二十五个', 'count', 325, '个']] },
  { s: '该镇两千零五户居民用上了天然气。', e: [['两千零五户', 'count', 2005, '户']] },
  { s: '去年全省引进外资一千二百万美元。', e: [['一千二百万美元', 'money', 12000000, 'USD']] },
  { s: '合同金额为壹拾贰万元整。', e: [['壹拾贰万元', 'money', 120000, 'CNY']] },
  { s: '两台设备同时运转。', e: [['两台', 'count', 2, '台']] },
  { s: '他们用了半年时间完成改造。', e: [['半年', 'duration', 0.5, 'year']] },
  { s: '工程耗时两个半月。', e: [['两个', 'count', 2, '个']] },
  // mixed
  { s: '签约金额达3.5万元，另有1.5亿元意向投资。', e: [['3.5万元', 'money', 35000, 'CNY'], ['1.5亿元', 'money', 150000000, 'CNY']] },
  { s: '全市常住人口2000多万。', e: [['2000多万', 'number', 20000000, null, 'atLeast']] },
  { s: '销售额突破1.2万亿元。', e: [['突破1.2万亿元', 'money', 1.2e12, 'CNY', 'atLeast']] },
  // fractions and percentages
  { s: '约三分之一的企业实现盈利。', e: [['约三分之一', 'ratio', 0.333333333333333, 'ratio', 'approx']] },
  { s: '农村人口占比下降到1/4。', e: [['1/4', 'ratio', 0.25, 'ratio']] },
  { s: '城镇化率达到65.2%。', e: [['65.2%', 'percent', 65.2, '%']] },
  { s: '研发投入占营收的百分之十二。', e: [['百分之十二', 'percent', 12, '%']] },
  { s: '近三成用户选择线上办理。', e: [['近三成', 'percent', 30, '%', 'approx']] },
  { s: '五成以上的企业表示订单增加。', e: [['五成以上', 'percent', 50, '%', 'atLeast']] },
  { s: '不良贷款率控制在千分之三以内。', e: [['千分之三以内', 'percent', 0.3, '%', 'atMost']] },
  { s: '失业率同比下降0.4个百分点。', e: [['0.4个百分点', 'percentagePoint', 0.4, 'pp']] },
  { s: '出口额增长1.1倍。', e: [['1.1倍', 'multiple', 1.1, 'x']] },
  { s: '用电量比十年前翻了一番，达3倍多。', e: [['十年', 'duration', 10, 'year'], ['3倍多', 'multiple', 3, 'x', 'atLeast']] },
  // vague numerals
  { s: '当地已有百余家企业入驻。', e: [['百余家', 'count', 100, '家', 'atLeast']] },
  { s: '上百名志愿者参与活动。', e: [['上百名', 'count', 100, '名', 'atLeast']] },
  { s: '数十家媒体前来采访。', e: [['数十家', 'count', 20, '家', 'range', { valueMax: 90 }]] },
  { s: '十几个村庄受益。', e: [['十几个', 'count', 10, '个', 'atLeast']] },
  { s: '几十万名游客涌入古镇。', e: [['几十万名', 'count', 200000, '名', 'range', { valueMax: 900000 }]] },
  { s: '每天有两三个航班往返。', e: [['两三个', 'count', 2, '个', 'range', { valueMax: 3 }]] },
  { s: '项目总投资八九亿元。', e: [['八九亿元', 'money', 800000000, 'CNY', 'range', { valueMax: 900000000 }]] },
  { s: '近百亿元资金投向基础设施。', e: [['近百亿元', 'money', 1e10, 'CNY', 'approx']] },
  { s: '打造千亿级新能源产业集群。', e: [['千亿级', 'number', 1e11, null, 'approx']] },
  { s: '三千多名工人返岗复工。', e: [['三千多名', 'count', 3000, '名', 'atLeast']] },
  // money: currencies
  { s: '该基金规模为5亿美元。', e: [['5亿美元', 'money', 500000000, 'USD']] },
  { s: '公司发行了20亿港元债券。', e: [['20亿港元', 'money', 2000000000, 'HKD']] },
  { s: '欧洲投资银行提供3000万欧元贷款。', e: [['3000万欧元', 'money', 30000000, 'EUR']] },
  { s: '订单金额达150亿日元。', e: [['150亿日元', 'money', 15000000000, 'JPY']] },
  { s: '合计8亿元人民币。', e: [['8亿元人民币', 'money', 800000000, 'CNY']] },
  // measures
  { s: '新建厂房4.5万平方米。', e: [['4.5万平方米', 'area', 45000, 'm2']] },
  { s: '全县种植水稻12万亩。', e: [['12万亩', 'area', 80000000, 'm2']] },
  { s: '保护区面积达3200公顷。', e: [['3200公顷', 'area', 32000000, 'm2']] },
  { s: '规划面积约0.5平方公里。', e: [['约0.5平方公里', 'area', 500000, 'm2', 'approx']] },
  { s: '新修农村公路860公里。', e: [['860公里', 'length', 860000, 'm']] },
  { s: '隧道全长1200米。', e: [['1200米', 'length', 1200, 'm']] },
  { s: '年产钢材300万吨。', e: [['300万吨', 'mass', 3000000000, 'kg']] },
  { s: '光伏电站装机容量达50兆瓦。', e: [['50兆瓦', 'power', 50000000, 'W']] },
  { s: '全省风电装机突破2吉瓦。', e: [['突破2吉瓦', 'power', 2000000000, 'W', 'atLeast']] },
  { s: '年发电量约1.2亿千瓦时。', e: [['约1.2亿千瓦时', 'energy', 120000000000, 'Wh', 'approx']] },
  { s: '智算中心算力规模达2000P。', e: [['2000P', 'compute', 2e18, 'FLOPS']] },
  { s: '每天产生数据500TB。', e: [['500TB', 'data', 5e14, 'B']] },
  // counts
  { s: '全市共有高校45所，科研院所120个。', e: [['45所', 'count', 45, '所'], ['120个', 'count', 120, '个']] },
  { s: '累计服务群众3万余人次。', e: [['3万余人次', 'count', 30000, '人次', 'atLeast']] },
  { s: '新增充电桩1.2万台，公交车500辆。', e: [['1.2万台', 'count', 12000, '台'], ['500辆', 'count', 500, '辆']] },
  { s: '发射卫星26颗，执行任务8次。', e: [['26颗', 'count', 26, '颗'], ['8次', 'count', 8, '次']] },
  { s: '培育专精特新企业50家以上。', e: [['50家以上', 'count', 50, '家', 'atLeast']] },
  // durations
  { s: '工程历时3年零6个月。', e: [['3年零6个月', 'duration', 42, 'month']] },
  { s: '展会为期5天，每天开放8小时。', e: [['5天', 'duration', 5, 'day'], ['8小时', 'duration', 8, 'hour']] },
  { s: '该厂停产已近两年。', e: [['近两年', 'duration', 2, 'year', 'approx']] },
  // ordinals
  { s: '第十五届运动会在此举办。', e: [['第十五届', 'ordinal', 15, '届']] },
  { s: '该市经济总量排名全省第二。', e: [['第二', 'ordinal', 2, null]] },
  // qualifiers
  { s: '吸引投资约200亿元。', e: [['约200亿元', 'money', 20000000000, 'CNY', 'approx']] },
  { s: '参会人数在5000人左右。', e: [['5000人左右', 'count', 5000, '人', 'approx']] },
  { s: '气温将近40度，用电负荷接近1000万千瓦。', e: [['接近1000万千瓦', 'power', 10000000000, 'W', 'approx']] },
  { s: '营收超过10亿元，利润逾2亿元。', e: [['超过10亿元', 'money', 1000000000, 'CNY', 'atLeast'], ['逾2亿元', 'money', 200000000, 'CNY', 'atLeast']] },
  { s: '每年培训不少于200人次，至少3期。', e: [['不少于200人次', 'count', 200, '人次', 'atLeast']] },
  { s: '单笔贷款不超过500万元，期限不足1年。', e: [['不超过500万元', 'money', 5000000, 'CNY', 'atMost'], ['不足1年', 'duration', 1, 'year', 'atMost']] },
  { s: '排放量降到30吨以下。', e: [['30吨以下', 'mass', 30000, 'kg', 'atMost']] },
  { s: '审批时间压缩到3个工作日以内，不到一半。', e: [['3个工作日以内', 'duration', 3, 'day', 'atMost'], ['不到一半', 'ratio', 0.5, 'ratio', 'atMost']] },
  { s: '引进人才300~500名。', e: [['300~500名', 'count', 300, '名', 'range', { valueMax: 500 }]] },
  { s: '每批次1-2个班组进场。', e: [['1-2个', 'count', 1, '个', 'range', { valueMax: 2 }]] },
  { s: '年产量达到1.5万吨。', e: [['1.5万吨', 'mass', 15000000, 'kg']] },
  // dates and periods
  { s: '2024年10月，项目正式开工。', e: [['2024年10月', 'date', null, null, 'exact', { date: '2024-10' }]] },
  { s: '8月25日，研究院揭牌成立。', doc: '2024-09-02', e: [['8月25日', 'date', null, null, 'exact', { date: '2024-08-25' }]] },
  { s: '8月25日，研究院揭牌成立。', doc: null, e: [['8月25日', 'date', null, null, 'exact', { date: null }]] },
  { s: '2月3日7时37分，火箭发射升空。', doc: '2025-03-01', e: [['2月3日7时37分', 'date', null, null, 'exact', { date: '2025-02-03T07:37' }]] },
  { s: '《行动计划（2025—2027年）》印发。', e: [['2025—2027年', 'period', null, null, 'range', { date: '2025', dateEnd: '2027' }]] },
  // numeric dates, as tables and notices write them
  { s: '截至2024-03-15，项目已完工。', e: [['2024-03-15', 'date', null, null, 'exact', { date: '2024-03-15' }]] },
  { s: '公告发布于2010/1/29。', e: [['2010/1/29', 'date', null, null, 'exact', { date: '2010-01-29' }]] },
  { s: '活动时间为2016.06.01至2016.06.30。', e: [['2016.06.01至2016.06.30', 'period', null, null, 'range', { date: '2016-06-01', dateEnd: '2016-06-30' }]] },
  { s: '1月至7月，全市进出口增长。', doc: '2024-08-20', e: [['1月至7月', 'period', null, null, 'range', { date: '2024-01', dateEnd: '2024-07' }]] },
  { s: '今年前7个月，投资同比增长36.8%。', doc: '2024-08-20', e: [['今年前7个月', 'period', null, null, 'exact', { date: '2024-01', dateEnd: '2024-07' }], ['36.8%', 'percent', 36.8, '%']] },
  { s: '上半年，全省GDP增长5.2%。', doc: '2024-07-15', e: [['上半年', 'period', null, null, 'exact', { date: '2024-01', dateEnd: '2024-06' }], ['5.2%', 'percent', 5.2, '%']] },
  { s: '到2027年，产业规模突破5000亿元。', e: [['2027年', 'date', null, null, 'exact', { date: '2027' }], ['突破5000亿元', 'money', 500000000000, 'CNY', 'atLeast']] },
  // a deadline before a time is an open start up to its last day (issue #14 peer convention: 2030年前 → … 2030-12-31)
  { s: '年底前全部完工。', doc: '2024-05-01', e: [['年底前', 'period', null, null, 'exact', { date: null, dateEnd: '2024-12-31' }]] },
  { s: '去年第三季度，销量创新高。', doc: '2024-05-01', e: [['去年第三季度', 'period', null, null, 'exact', { date: '2023-07', dateEnd: '2023-09' }]] },
  { s: '二〇二三年十二月，新厂投产。', e: [['二〇二三年十二月', 'date', null, null, 'exact', { date: '2023-12' }]] },
  { s: '前三季度，全国规模以上工业增加值同比增长5.8%。', doc: '2024-10-18', e: [['前三季度', 'period', null, null, 'exact', { date: '2024-01', dateEnd: '2024-09' }], ['5.8%', 'percent', 5.8, '%']] },
  { s: '会议于10月8日至10日在京召开，为期三天。', doc: '2024-10-01', e: [['10月8日至10日', 'period', null, null, 'range', { date: '2024-10-08', dateEnd: '2024-10-10' }], ['三天', 'duration', 3, 'day']] },
  { s: '截至6月底，全国5G基站总数达383.7万个。', doc: '2024-07-20', e: [['6月底', 'date', null, null, 'exact', { date: '2024-06' }], ['383.7万个', 'count', 3837000, '个']] },
  { s: '今年1—8月，全省规上工业增加值增长6.1%。', doc: '2024-09-15', e: [['今年1—8月', 'period', null, null, 'range', { date: '2024-01', dateEnd: '2024-08' }], ['6.1%', 'percent', 6.1, '%']] },
  { s: '存款利率下调25个基点。', e: [['25个基点', 'percentagePoint', 0.25, 'pp']] },
  { s: '该园区一期工程已于去年底投用。', doc: '2024-03-10', e: [['去年底', 'date', null, null, 'exact', { date: '2023-12' }]] },
  // 亿元以上 with no number before a noun is the projects' class (a threshold inside the metric), no amount
  { s: '今年以来，该省新签约亿元以上项目328个。', e: [['328个', 'count', 328, '个']] },
  { s: '年销售收入亿元以上的企业达到46家。', e: [['46家', 'count', 46, '家']] },
  // alone at a clause's end it is the amount
  { s: '这些项目的投资额均在亿元以上。', e: [['亿元以上', 'money', 100000000, 'CNY', 'atLeast']] },
  { s: '新建5G基站2.5万个、千兆光网覆盖家庭300万户。', e: [['2.5万个', 'count', 25000, '个'], ['300万户', 'count', 3000000, '户']] },
  { s: '我们要用三到五年时间建成国际一流园区。', e: [['三到五年', 'duration', 3, 'year', 'range', { valueMax: 5 }]] },
  { s: '他们三人一组，全村380户1200余人全部脱贫。', e: [['三人', 'count', 3, '人'], ['380户', 'count', 380, '户'], ['1200余人', 'count', 1200, '人', 'atLeast']] },
  { s: '该车百公里油耗仅5.8升。', e: [['5.8升', 'number', 0.0058, 'm3']] },
  { s: '今年一季度至三季度，全国新增就业1022万人。', doc: '2024-10-20', e: [['今年一季度至三季度', 'period', null, null, 'range', { date: '2024-01', dateEnd: '2024-09' }], ['1022万人', 'count', 10220000, '人']] },
  // no false figures
  { s: '做到两个维护，增强四个意识。', e: [] },
  { s: '十年树木，百年树人。', e: [] },
  { s: '请升级到版本2024.1.2.3。', e: [] }, // a version string is no date (and no figure)
  { s: '最近一次会议上，双方签约合作。', e: [] },
  { s: '推进京津冀一体化，建设一流营商环境。', e: [] },
  { s: '实行统一管理，两会代表建言。', e: [] },
  { s: '五角大楼发布声明。', e: [] },
  { s: '第一时间响应企业诉求。', e: [] },
  { s: '“十四五”规划实施以来成效显著。', e: [] },
  { s: '5G基站覆盖所有乡镇。', e: [] },
  { s: 'T1机器人亮相展会。', e: [] },
  { s: 'PM2.5平均浓度持续下降。', e: [] },
  { s: '景区获评5A级旅游景区。', e: [] },
  { s: '捷龙三号运载火箭发射成功。', e: [] },
  { s: '新款X9000芯片发布。', e: [] },
  { s: '双11期间快递量大增。', e: [] },
  { s: '千家万户用上清洁能源。', e: [] },
  { s: '依托第三方机构开展评估。', e: [] },
  { s: '打通“最后一公里”。', e: [] },
  { s: '零部件企业加快发展。', e: [] },
  { s: '我们一起努力，一天一个样。', e: [] },
]

describe('news sentences', () => {
  it('has at least 80 sentences', () => {
    expect(C.length).toBeGreaterThanOrEqual(80);
  });
  for (const c of C) {
    it(`${c.s}${c.doc !== undefined ? ' @' + c.doc : ''}`, () => {
      const hits = extractFigures(c.s, c.doc ?? null);
      for (const h of hits) expect(c.s.slice(h.start, h.end).includes('\n')).toBe(false);
      const got = hits.map((h) => {
        const o: E = [c.s.slice(h.start, h.end), h.kind, h.value, h.unit, h.qualifier];
        const x: NonNullable<E[5]> = {};
        if (h.valueMax != null) x.valueMax = h.valueMax;
        if (h.kind === 'date' || h.kind === 'period') x.date = h.date ?? null;
        if (h.kind === 'period') x.dateEnd = h.dateEnd ?? null;
        if (Object.keys(x).length) o.push(x);
        return o;
      });
      const want = c.e.map((e) => {
        const o: E = [e[0], e[1], e[2], e[3], e[4] ?? 'exact'];
        if (e[5] && Object.keys(e[5]).length) o.push(e[5]);
        return o;
      });
      expect(got).toEqual(want);
    });
  }
});
