import { describe, expect, it } from 'vitest';
import { artifacts } from '../../src/normalize/artifacts.js';
import { dedupDoubled, doubledLine } from '../../src/normalize/dedup-doubled.js';
import { numbering, toChineseNumeral } from '../../src/normalize/numbering.js';
import type { PassResult } from '../../src/normalize/pass.js';
import { punctuation } from '../../src/normalize/punctuation.js';
import { reflow } from '../../src/normalize/reflow.js';
import { wrap } from '../../src/normalize/damage.js';
import { spacing } from '../../src/normalize/spacing.js';
import { unicode } from '../../src/normalize/unicode.js';
import { normalize, PASSES, DEFAULT_PASSES, selectPasses } from '../../src/normalize/index.js';

type Case = [input: string, output: string, repairs: number];

function check(pass: (s: string) => PassResult, cases: Case[]): void {
  for (const [input, output, repairs] of cases) {
    const r = pass(input);
    expect(r.text, JSON.stringify(input)).toBe(output);
    expect(r.repairs.length, `repairs for ${JSON.stringify(input)}`).toBe(repairs);
    r.map.assertMonotonic();
    expect(r.map.length).toBe(r.text.length);
    expect(r.map.sourceLength).toBe(input.length);
    for (const rep of r.repairs) {
      expect(input.slice(rep.rawStart, rep.rawEnd)).toBe(rep.before);
    }
  }
}

describe('pass: artifacts', () => {
  it('removes bookmarks, heading marks, bullets, edge whitespace, CR and BOM', () => {
    check(artifacts, [
      [' [bookmark: _GoBack]为贯彻', '为贯彻', 1],
      ['#### ■ 涂铭 郭宇靖 张骁', '涂铭 郭宇靖 张骁', 1],
      ['#### ●绑扎固定架空电缆。', '绑扎固定架空电缆。', 1],
      ['□ 本报记者 杨学聪', '本报记者 杨学聪', 1],
      ['### -北京', '-北京', 1],
      ['甲\r\n乙\r丙', '甲\n乙\n丙', 2],
      ['\ufeff标题', '标题', 1],
      ['正文  \n \n下一行', '正文\n\n下一行', 2],
      ['文中[bookmark: x]有标记', '文中有标记', 1],
      ['C#语言和#号', 'C#语言和#号', 0],
      ['2024年', '2024年', 0],
    ]);
  });
});

describe('pass: unicode', () => {
  it('drops zero-width chars, maps full-width alphanumerics, leaves NBSP to spacing', () => {
    check(unicode, [
      ['机\u200b器人', '机器人', 1],
      ['今年\u00a0前', '今年\u00a0前', 0],
      ['２０２４年ＡＩ', '2024年AI', 6],
      ['全角标点，。“”保留', '全角标点，。“”保留', 0],
    ]);
  });
});

describe('pass: dedup (fake bold)', () => {
  it('collapses lines that are doubled throughout', () => {
    check(dedupDoubled, [
      ['在日前举办的在日前举办的 20242024 世界机器人大会上世界机器人大会上，，', '在日前举办的 2024 世界机器人大会上，', 4],
      ['加速加速 TT11 机器人在进行表演机器人在进行表演。。', '加速 T1 机器人在进行表演。', 5],
      ['品品吸引参观者驻足观看吸引参观者驻足观看。。 陈晓根陈晓根摄摄', '品吸引参观者驻足观看。 陈晓根摄', 5],
      ['位于天津市位于天津市', '位于天津市', 1],
      ['外景外景。。', '外景。', 2],
      ['本报记者本报记者 李秋旸李秋旸摄摄', '本报记者 李秋旸摄', 3],
    ]);
  });
  it('never touches natural repeats', () => {
    check(dedupDoubled, [
      ['常常', '常常', 0],
      ['研究研究', '研究研究', 0],
      ['哔哩哔哩', '哔哩哔哩', 0],
      ['一批批企业纷纷落地。', '一批批企业纷纷落地。', 0],
      ['在江苏苏州，2023年年底', '在江苏苏州，2023年年底', 0],
      ['“谢谢你们！谢谢你们！”', '“谢谢你们！谢谢你们！”', 0],
      ['1000 1111 2222', '1000 1111 2222', 0],
      ['双11', '双11', 0],
      ['————', '————', 0],
      ['……', '……', 0],
      ['加油加油', '加油加油', 0],
      ['天天天天', '天天天天', 0],
      ['哈哈哈哈哈哈', '哈哈哈哈哈哈', 0],
    ]);
  });
  it('a line is doubled only if every run parses', () => {
    expect(doubledLine('在日前举办的在日前举办的，', 0, 13)).toBeNull();
    expect(doubledLine('位于天津市位于天津市', 0, 10)).not.toBeNull();
  });
});

describe('pass: spacing', () => {
  it('removes justified, stray and CJK–digit spaces', () => {
    check(spacing, [
      ['如 今 在 这 里 ， 机 器 人', '如今在这里，机器人', 8],
      ['北京经济技术开发 区,因为', '北京经济技术开发区,因为', 1],
      ['今年前 7 个月', '今年前7个月', 2],
      ['AI 医疗机器人', 'AI医疗机器人', 1],
      ['（总部） 北京', '（总部）北京', 1],
      ['区市 32 个乡镇 （街道） 落地运', '区市32个乡镇（街道）落地运', 4],
      ['9 月, 北京市', '9月,北京市', 2],
      ['约 30 %', '约30%', 2],
    ]);
  });
  it('keeps spaces between ASCII tokens and field separators', () => {
    check(spacing, [
      ['Walker S Lite 进入', 'Walker S Lite进入', 1],
      ['本报记者 韩秉志', '本报记者 韩秉志', 0],
      ['本报记者 周 琳', '本报记者 周琳', 1],
      ['本报记者 杨学聪 用好数字技术为基层减负', '本报记者 杨学聪 用好数字技术为基层减负', 0],
      ['涂铭 郭宇靖 张骁', '涂铭 郭宇靖 张骁', 0],
      ['品"质"焕新 发展见"力"', '品"质"焕新 发展见"力"', 0],
      ['具身智能机器人高质量发展 特刊', '具身智能机器人高质量发展 特刊', 0],
      ['驻足观看。 陈晓根摄', '驻足观看。 陈晓根摄', 0],
      ['展示"超级光盘"。 张建松 摄', '展示"超级光盘"。 张建松 摄', 0],
      ['高铁建设。 (邱海鹰 周毅 文/图)', '高铁建设。(邱海鹰 周毅 文/图)', 1],
      ['图1 一核引领、多点支撑产业布局', '图1 一核引领、多点支撑产业布局', 0],
      ['北 京 亦 庄', '北京亦庄', 3],
    ]);
  });
  it('clean text: field spaces of any width stay as one space', () => {
    check(spacing, [
      ['新华社北京9月30日电\u00a0\u00a0（记者朱基钗）中共中央', '新华社北京9月30日电 （记者朱基钗）中共中央', 1],
      ['新华社北京3月5日电 记者从国务院获悉，', '新华社北京3月5日电 记者从国务院获悉，', 0],
      ['第十二条 国家鼓励发展，', '第十二条 国家鼓励发展，', 0],
      ['第二章\u3000总则', '第二章 总则', 1],
      ['缅怀先烈丰功伟绩 齐心开创美好未来', '缅怀先烈丰功伟绩 齐心开创美好未来', 0],
      ['暖心服务 为民解忧（守初心 担使命 找差距 抓落实·深入开展）', '暖心服务 为民解忧（守初心 担使命 找差距 抓落实·深入开展）', 0],
      ['桥身上打出“我爱你 中国”字样。', '桥身上打出“我爱你 中国”字样。', 0],
      ['【史记】 【汉书】 【后汉书】', '【史记】 【汉书】 【后汉书】', 0],
      ['大阪，身着“I\u00a0love\u00a0China”字样', '大阪，身着“I love China”字样', 2],
      ['李光羲\u3000《祝酒歌》', '李光羲 《祝酒歌》', 1],
    ]);
  });
  it('damage still goes: justified runs inside long lines, column-end spaces', () => {
    check(spacing, [
      ['近期发布的《北京具身智能科技创新与产业培育行 动 计 划（2025—2027年）》明确了', '近期发布的《北京具身智能科技创新与产业培育行动计划（2025—2027年）》明确了', 3],
      ['北 京', '北京', 1],
      ['2月28日,《上海东方枢纽国际商务合作 区建设总体方案》对外公布,位于浦东新区、规 划面积约 0.88 平方公里的这一合作区, 在综 合保税区', '2月28日,《上海东方枢纽国际商务合作区建设总体方案》对外公布,位于浦东新区、规划面积约0.88平方公里的这一合作区,在综合保税区', 6],
      ['半日内,"亦庄箭"两箭升空、海陆齐发、振 奋人心。', '半日内,"亦庄箭"两箭升空、海陆齐发、振奋人心。', 1],
    ]);
  });
});

describe('pass: reflow', () => {
  it('joins a wrapped paragraph with a blank line after every line', () => {
    const raw = ['8月25日，国内首家人工智能标准化', '', '研究机构——北京人工智能标准化研究院', '', '揭牌成立，宣告落地北京亦庄。这是北京', '', '又一重要举措。', '', '当前，北京亦庄正在全力打造全域人', '', '工智能之城。'].join('\n');
    check(reflow, [[raw, '8月25日，国内首家人工智能标准化研究机构——北京人工智能标准化研究院揭牌成立，宣告落地北京亦庄。这是北京又一重要举措。\n当前，北京亦庄正在全力打造全域人工智能之城。', 5]]);
  });
  it('keeps a subheading, a byline and a headline on their own lines', () => {
    const raw = ['政策助力机器人驶上快车道', '本报记者 王伟', '今年以来，北京具身智能领域频传佳', '讯。全国首家具身智能创新产业园落地。', '创新能力持续提升', '“天工”实现全球首个全尺寸纯电驱人', '形机器人亮出新技能。'].join('\n');
    check(reflow, [[raw, ['政策助力机器人驶上快车道', '本报记者 王伟', '今年以来，北京具身智能领域频传佳讯。全国首家具身智能创新产业园落地。', '创新能力持续提升', '“天工”实现全球首个全尺寸纯电驱人形机器人亮出新技能。'].join('\n'), 2]]);
  });
  it('closes up a dash split over lines and a vertical byline', () => {
    const raw = ['广西忻城', '', '—', '—', '', '智能监测守好防返贫底线', '', '本报记者', '', '童', '', '政', '', '中国县域经济报记者', '', '朱柳蓉', '', '“打开手机扫这个二维码，'].join('\n');
    const r = reflow(raw);
    expect(r.text).toBe('广西忻城——智能监测守好防返贫底线\n本报记者 童政 中国县域经济报记者 朱柳蓉\n“打开手机扫这个二维码，');
  });
  it('attaches a standalone credit to its caption with one space', () => {
    const raw = ['浙江省台州市仙居县上张乡一处光伏发电站，蓝色的光伏板整齐地排列在崇山峻岭之', '', '间。近年来，当地坚持绿色发展，流转荒山、荒地，引进建设光伏发电项目，实现产业增', '', '效、农民增收。', '', '王华斌摄', '', '8月25日，国内首家人工智能标准化', '', '研究机构——北京人工智能标准化研究院'].join('\n');
    expect(reflow(raw).text).toBe('浙江省台州市仙居县上张乡一处光伏发电站，蓝色的光伏板整齐地排列在崇山峻岭之间。近年来，当地坚持绿色发展，流转荒山、荒地，引进建设光伏发电项目，实现产业增效、农民增收。 王华斌摄\n8月25日，国内首家人工智能标准化研究机构——北京人工智能标准化研究院');
  });
  it('blank-separated paragraphs: a blank after an unfinished full line is a wrap, two short titles are halves', () => {
    const raw = ['为抓住即将到来的新一轮产业发展机', '遇，北京市今年出台了行动计划。在产', '', '业规模方面，培育千亿级产业集群。', '', '北京：围绕核心场景应用', '', '培育产业链', '', '国家地方共建具身智能机器人创新中', '心，由优必选等单位联合组建。'].join('\n');
    expect(reflow(raw).text).toBe('为抓住即将到来的新一轮产业发展机遇，北京市今年出台了行动计划。在产业规模方面，培育千亿级产业集群。\n北京：围绕核心场景应用 培育产业链\n国家地方共建具身智能机器人创新中心，由优必选等单位联合组建。');
  });
  it('one paragraph per line stays so; a caption inside a paragraph stays a block of its own', () => {
    const p1 = '3月3日，川东华蓥山区乍暖还寒。在华蓥市明月镇，国家电网华蓥市供电公司、四川和源电力有限公司联合组织的施工队伍，正奔忙在西渝高铁电力线路迁改现场。';
    const p2 = '华蓥段电力线路迁改工程自2023年启动以来，为及时给西渝高铁修建清除障碍，创造良好施工条件，国家电网华蓥市供电公司及四川和源电力有限公司组织精悍力量，';
    const p3 = '战酷暑、斗严寒，已圆满完成了多处迁改工作。春节假期复工后，国家电网华蓥市供电公司决定对任务较艰巨的明月镇境内的电力线路进行迁改。';
    const raw = [p1, '', p2, '', '', '', '搬运材料。', '', p3].join('\n');
    expect(reflow(raw).text).toBe([p1, p2, '搬运材料。', p3].join('\n'));
  });
  it('numbered headings stay on their own lines inside wrapped text', () => {
    const raw = ['单同比增长超过两成。', '', '二、重点任务', '', '（一）强化创新', '', '加快建设一批创新平台，推动产', '', '学研深度融合。'].join('\n');
    expect(reflow(raw).text).toBe('单同比增长超过两成。\n二、重点任务\n（一）强化创新\n加快建设一批创新平台，推动产学研深度融合。');
  });
  it('a full column line ending a sentence: the paragraph goes on when the page indents paragraph starts and the next line fills the column', () => {
    // made-up text; 16 cells a line, a paragraph's first line two short
    const filler = '城市更新项目持续推进，居民生活条件不断改善，社区服务更加完善，公共空间焕然一新，';
    const text = (n: number, k: number) => filler.repeat(4).slice(k, k + n - 1) + '。';
    // f = width of a paragraph's first line
    const pars = (f: number) => [
      text(f + 16 + 9, 0),
      // a sentence ends exactly at the end of the second line, the paragraph goes on
      text(f + 16, 3) + text(16 + 7, 5),
      text(f + 16 + 16 + 5, 7),
      text(f + 16 + 11, 2),
      // the paragraph's last line is full; the next paragraph starts a new line
      text(f + 16 + 16, 9),
      text(f + 16 + 6, 4),
      text(f + 16 + 3, 1),
      text(f + 16 + 12, 6),
    ];
    for (const sep of ['\n', '\n\n']) {
      const indented = pars(14).flatMap((p) => wrap(p, 16, 2)).join(sep);
      expect(reflow(indented).text).toBe(pars(14).join('\n'));
      // flush layout: nothing tells a full line ending a sentence from a
      // paragraph end; it stays a paragraph end
      const flush = pars(16).flatMap((p) => wrap(p, 16)).join(sep);
      const out = reflow(flush).text.split('\n');
      expect(out).toContain(text(16 + 16, 3));
      expect(out).toContain(pars(16)[4]);
    }
  });
  it('one paragraph per line, no column width to measure: a quotation open at the cut and closed on the next line joins', () => {
    const a = '"今年的订单排到了几月?新的生产线什么时候能够投';
    const b = '产?"一大早，厂长就来到车间，和技术人员一起检查设备的运行情况，记录下每一台机器的数据，并安排好当天的生产任务和人员分工。';
    const c = '新的生产线什么时候能够投产，厂长一大早就来到车间，和技术人员一起检查设备的运行情况，记录下每一台机器的数据，安排好当天的任务。';
    expect(reflow(`${a}\n\n${b}`).text).toBe(a + b);
    // nothing closes the quotation on the next line: two blocks
    expect(reflow(`${a}\n\n${c}`).text).toBe(`${a}\n${c}`);
  });
  it('a blank after every line says nothing once one follows a full unfinished line (the column widens inside a paragraph)', () => {
    const lines = ['落实减负的要求。', '推进数字化转型，', '首先要建立统一的数据共享', '交换平台。各地应当加快推进数据基础设施建设，建立标准统一的基', '层治理平台，进一步优化线上政务服务资源，提升基层办事的效率。同'];
    expect(reflow(lines.join('\n\n')).text).toBe(`${lines[0]}\n${lines.slice(1).join('')}`);
  });
  it('an attribution alone on the next line joins the quotation', () => {
    expect(reflow('“……助力具身智能企业发展。”\n\n唐超表示。\n\n在算力布局上，').text).toBe('“……助力具身智能企业发展。”唐超表示。\n在算力布局上，');
  });
});

describe('pass: punctuation', () => {
  it('full-width marks in Chinese context', () => {
    check(punctuation, [
      ['天安门东南20公里,北京经济技术开发区', '天安门东南20公里，北京经济技术开发区', 1],
      ['如何?企业; 大会宣布:亦庄!', '如何？企业； 大会宣布：亦庄！', 4],
      ['正泰电气(松江)智能工厂', '正泰电气（松江）智能工厂', 2],
      ['称为"亦庄"。', '称为“亦庄”。', 2],
      ['"产业升级基金""科创基金"', '“产业升级基金”“科创基金”', 4],
      ["最快'T+1'就能完成", '最快‘T+1’就能完成', 2],
      ['发布⋯⋯日前', '发布……日前', 2],
      ['建设1~2个国家', '建设1～2个国家', 1],
      ['-新技术酝酿新"变革"。', '——新技术酝酿新“变革”。', 3],
      ['—新"链主"', '——新“链主”', 3],
    ]);
  });
  it('leaves Latin text, numbers and connectors alone', () => {
    check(punctuation, [
      ['Hello, world!', 'Hello, world!', 0],
      ['1,000台，时间10:30', '1,000台，时间10:30', 0],
      ['感知—决策—控制', '感知—决策—控制', 0],
      ['2024-2026年，1-2个', '2024-2026年，1-2个', 0],
      ['——新工厂铸就新“质造”。', '——新工厂铸就新“质造”。', 0],
      ['小米-石头科技', '小米-石头科技', 0],
    ]);
  });
  it('quote direction continues from the previous line when quotes do not pair', () => {
    expect(punctuation('"工人返岗情况如何?企业排产有什么困\n难?"开年以来').text).toBe('“工人返岗情况如何？企业排产有什么困\n难？”开年以来');
    expect(punctuation('向"质"而行 新变革锻造新"质态\n从布局\n-新技术酝酿新"变革"。').text).toBe('向“质”而行 新变革锻造新“质态\n从布局\n——新技术酝酿新“变革”。');
  });
});

describe('pass: numbering', () => {
  it('3、 among 一、 siblings becomes 三、', () => {
    check(numbering, [
      ['一、总体要求\n（一）发展思路\n3、保障措施', '一、总体要求\n（一）发展思路\n三、保障措施', 1],
      ['1、第一条\n2、第二条\n3、第三条', '1、第一条\n2、第二条\n3、第三条', 0],
      ['一、总体要求\n1、第一条\n2、第二条\n3、第三条\n二、重点任务', '一、总体要求\n1、第一条\n2、第二条\n3、第三条\n二、重点任务', 0],
      ['一、总体要求\n二、重点任务\n2、保障措施', '一、总体要求\n二、重点任务\n2、保障措施', 0],
      ['一、总体要求\n3、该条是一句完整的话，不是标题。', '一、总体要求\n3、该条是一句完整的话，不是标题。', 0],
    ]);
    expect(toChineseNumeral(3)).toBe('三');
    expect(toChineseNumeral(10)).toBe('十');
    expect(toChineseNumeral(12)).toBe('十二');
    expect(toChineseNumeral(25)).toBe('二十五');
  });
});

describe('pass selection', () => {
  it('exports the ordered pass list and honours a subset', () => {
    expect(PASSES[0]).toBe('artifacts');
    expect(PASSES).toContain('t2s');
    expect(DEFAULT_PASSES).not.toContain('t2s');
    expect(selectPasses({ passes: ['punctuation', 'artifacts'] })).toEqual(['artifacts', 'punctuation']);
    expect(selectPasses({ t2s: true })).toContain('t2s');
    expect(() => selectPasses({ passes: ['nope'] })).toThrow(/unknown normalize pass "nope"/);
    expect(normalize(' 今年 7 月,', { passes: ['artifacts'] }).text).toBe('今年 7 月,');
    expect(normalize(' 今年 7 月,').text).toBe('今年7月，');
  });
  it('repairs carry raw coordinates', () => {
    const raw = '\ufeff□ 今年前 7 个月\r\n\r\n增长 36.8%';
    const d = normalize(raw);
    d.map.assertMonotonic();
    for (const rep of d.repairs) {
      expect(rep.rawStart).toBeGreaterThanOrEqual(0);
      expect(rep.rawEnd).toBeLessThanOrEqual(raw.length);
      expect(rep.rawStart).toBeLessThanOrEqual(rep.rawEnd);
    }
    const sp = d.repairs.filter((r) => r.pass === 'spacing');
    expect(sp.map((r) => raw.slice(r.rawStart, r.rawEnd))).toEqual([' ', ' ', ' ']);
  });
});

describe('clean text without paragraph indents passes through', () => {
  const same = (lines: string[]) => {
    const d = normalize(lines.join('\n'));
    expect(d.text).toBe(lines.filter((l) => l !== '').join('\n'));
    expect(d.messages).toEqual([]);
  };
  it('verse with and without punctuation keeps its lines', () => {
    same(['我爱你中国', '我爱你春天蓬勃的秧苗', '我爱你秋日金黄的硕果', '我爱你青松气质', '我爱你红梅品格', '我爱你家乡的甜蔗']);
    same(['床前明月光，', '疑是地上霜。', '举头望明月，', '低头思故乡。']);
  });
  it('title, dateline with an ASCII space, quotation, attribution paragraph, credit line', () => {
    same(['城市更新按下快进键', '', '新华社上海3月5日电 记者从上海市住房城乡建设管理委获悉，今年全市将推进城市更新项目。', '', '“我们要让老百姓住得更好。”', '', '市住建委负责人表示，更新将分片推进。', '', '（责任编辑：张三 李四）']);
  });
  it('clauses, list items, dialogue turns, table rows', () => {
    same(['第一章 总则', '第一条 为了规范管理，制定本办法。', '第二条 本办法适用于本市行政区域内的各类项目；', '（一）新建项目；', '（二）改建项目；', '（三）扩建项目。']);
    same(['问：今年有什么新变化？', '答：主要有三个方面。', '问：具体是哪些？', '答：一是扩大范围，二是提高标准，三是简化流程。']);
    expect(normalize('北京 100 120 20%\n上海 110 130 18%').text).toBe('北京 100 120 20%\n上海 110 130 18%');
  });
});
