import { describe, expect, it } from 'vitest';
import { dottedNames, rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';
import { defaultContext } from '../../../pipeline/context.js';
import type { MentionHit } from '../../rule.js';

const a = '天津市南开区投资促进局局长闫伟说，今年投资增长。';
const b = '法国总统马克龙抵达北京。';
const c = '北约秘书长马克·吕特在布鲁塞尔表示。';
const d = '会议由张建国、李红梅、王志强等人主持。';
const e = '江泽民主席在钓鱼台国宾馆会见了客人。';
const f = '天津攸信智能科技有限公司负责人翁仲铭说。';
runRuleCases(
  rule,
  {
    valid: ['高水平研究团队不断涌现。', '他说这件事很重要。', '贵州茅台发布公告称，营收增长。', '他在北京、上海、广州调研。', '国家主席出席会议，董事会主席也到场。', '中国工商银行湖北省分行向小微企业发放贷款。'],
    invalid: [
      { text: a, expect: [span(a, 'PERSON', '闫伟')] },
      { text: b, expect: [span(b, 'PERSON', '马克龙')] },
      { text: c, expect: [span(c, 'PERSON', '马克·吕特')] },
      { text: d, expect: [span(d, 'PERSON', '张建国'), span(d, 'PERSON', '李红梅'), span(d, 'PERSON', '王志强')] },
      { text: e, expect: [span(e, 'PERSON', '江泽民')] },
      { text: f, expect: [span(f, 'PERSON', '翁仲铭')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-person-name');
});

it('reads a name between a title and a speech verb as title-speech, but not a manner before 地说', () => {
  const hits = rule.run(defaultContext(f, null)) as MentionHit[];
  expect(hits.find((h) => f.slice(h.start, h.end) === '翁仲铭')?.attrs?.source).toBe('title-speech');
  const g = '鲍尔先生高兴地说，这是他第六次来。';
  const gh = rule.run(defaultContext(g, null)) as MentionHit[];
  expect(gh.filter((h) => h.attrs?.source === 'title-speech')).toEqual([]);
});

it('finds the dotted names a global scan of the text finds, trying only the starts before each dot', () => {
  const scan = (t: string) => [...t.matchAll(/[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,6}){1,2}/gu)].map((m) => ({ index: m.index, name: m[0] }));
  const texts = [
    c,
    '联合国秘书长安东尼奥·古特雷斯和美国国务卿迈克·蓬佩奥会面。',
    '中华人民共和国主席习近平·',
    '·开头的点和2019·中国以及A·B都不是名字。',
    '一二三四五六七八·九十，甲·乙·丙·丁·戊，约翰·史密斯·琼斯说。',
    '哈萨克斯坦总统卡西姆若马尔特·托卡耶夫表示',
    '点··连写，巴·阿',
    '𠀀·约翰和约翰·𠀀',
  ];
  for (const t of texts) expect(dottedNames(t)).toEqual(scan(t));
  expect(dottedNames('一二三四五六七八·九十')).toEqual([{ index: 2, name: '三四五六七八·九十' }]);
});
