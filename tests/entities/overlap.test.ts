/**
 * The overlap policies (src/extract/entities/overlap.ts): which candidate
 * keeps a stretch of text when rules and the entity model disagree, on
 * hand-made hits (the policy sees only spans, types and stamps), and on a
 * real sentence through the entities pack.
 */
import { describe, expect, it } from 'vitest';
import type { MentionHit } from '../../src/extract/rule.js';
import { isStrong, longestMostSpecific, rulesThenModel } from '../../src/extract/entities/overlap.js';
import { DEFAULT_OVERLAP } from '../../src/extract/policies.js';
import { extractEntities, mentionRules } from '../../src/extract/packs/entities.js';
import { defaultContext as contextFor } from '../../src/pipeline/context.js';

type Hit = MentionHit & { rule: string; ruleVersion: number };
const hit = (rule: string, type: MentionHit['type'], start: number, end: number, source = '', priority = 1): Hit => ({
  type,
  start,
  end,
  priority,
  attrs: { source },
  rule,
  ruleVersion: 1,
});
const show = (hits: Hit[]): string[] => hits.map((h) => `${h.rule}:${h.type}:${h.start}-${h.end}`);

describe('rules-then-model', () => {
  it('keeps a strong rule hit over the model', () => {
    // a byline name against a model span that runs on
    const kept = rulesThenModel([hit('entity-model', 'PERSON', 2, 5), hit('entity-person-byline', 'PERSON', 2, 4, 'byline', 4)]);
    expect(show(kept)).toEqual(['entity-person-byline:PERSON:2-4']);
  });

  it("lets a run of entity-loc-abbrev's one-character places take a weak span made wholly of them (the model's ORG 鲁台)", () => {
    // “鲁台经贸洽谈会”: the model reads 鲁台 as an organisation; entity-loc-abbrev reads 鲁 and 台
    const kept = rulesThenModel([
      hit('entity-model', 'ORG', 1, 3),
      hit('entity-loc-abbrev', 'LOC', 1, 2, 'abbrev-chain', 2),
      hit('entity-loc-abbrev', 'LOC', 2, 3, 'abbrev-chain', 2),
    ]);
    expect(show(kept)).toEqual(['entity-loc-abbrev:LOC:1-2', 'entity-loc-abbrev:LOC:2-3']);
    // where the places cover only part of the span (京 of the suffix ORG 京系统团委), the span stands
    const kept2 = rulesThenModel([hit('entity-org-suffix', 'ORG', 0, 5, 'org-suffix', 2), hit('entity-loc-abbrev', 'LOC', 0, 1, 'abbrev-city', 2)]);
    expect(show(kept2)).toEqual(['entity-org-suffix:ORG:0-5']);
  });

  it('lets the model veto a weak place inside its person or organisation', () => {
    // 李江西 (a person whose given name is a province), 北京大学 (a place inside an organisation)
    const kept = rulesThenModel([
      hit('entity-model', 'PERSON', 0, 3),
      hit('entity-loc-gazetteer', 'LOC', 1, 3, 'gazetteer', 3),
      hit('entity-model', 'ORG', 5, 9),
      hit('entity-loc-gazetteer', 'LOC', 5, 7, 'gazetteer', 3),
    ]);
    expect(show(kept)).toEqual(['entity-model:PERSON:0-3', 'entity-model:ORG:5-9']);
  });

  it('keeps a rule span that crosses a model span (the rules go first)', () => {
    // 国家机器人检测与评定中心（总部）: the rule's name [0,12) against a model span [10,15) that runs into the brackets
    const kept = rulesThenModel([hit('entity-org-suffix', 'ORG', 0, 12, 'org-suffix', 2), hit('entity-model', 'ORG', 10, 15)]);
    expect(show(kept)).toEqual(['entity-org-suffix:ORG:0-12']);
  });

  it('lets the model veto a person that reaches left over its own (和吴宓)', () => {
    const kept = rulesThenModel([hit('entity-person-name', 'PERSON', 0, 3, 'title-after', 2), hit('entity-model', 'PERSON', 1, 3)]);
    expect(show(kept)).toEqual(['entity-model:PERSON:1-3']);
  });

  it('keeps a gazetteer place that is also a common word only where the model reads it as a place', () => {
    // 带头上街示威 (上街, to take to the streets: 上街区's short form) against 上街区 (the model's place)
    const text = '带头上街示威，王小明也在。上街是郑州的区。';
    const kept = rulesThenModel(
      [
        hit('entity-loc-gazetteer', 'LOC', 2, 4, 'gazetteer', 3),
        hit('entity-model', 'PERSON', 7, 10),
        hit('entity-loc-gazetteer', 'LOC', 13, 15, 'gazetteer', 3),
        hit('entity-model', 'LOC', 13, 15),
      ],
      { text },
    );
    expect(show(kept)).toEqual(['entity-model:PERSON:7-10', 'entity-loc-gazetteer:LOC:13-15']);
    // jieba's ns on the same word needs the model's place on the same characters too (inside a
    // longer model place it would otherwise stand: 商城 of 燕莎友谊商城)
    const mall = '北京燕莎友谊商城开业。';
    const tagged = rulesThenModel([hit('entity-loc-tag', 'LOC', 6, 8, 'jieba-ns', 1), hit('entity-model', 'LOC', 2, 8)], { text: mall });
    expect(show(tagged)).toEqual(['entity-model:LOC:2-8']);
  });

  it("takes the model's organisation over a foreign city of the gazetteer on the same characters (a club), not over a Chinese division", () => {
    // 罗马 (the club) against the gazetteer's city; 潍坊 stays the place the gazetteer says
    const text = '国米上轮大胜罗马，潍坊队输了。';
    const kept = rulesThenModel(
      [
        hit('entity-loc-gazetteer', 'LOC', 6, 8, 'gazetteer', 3),
        hit('entity-model', 'ORG', 6, 8),
        hit('entity-loc-gazetteer', 'LOC', 9, 11, 'gazetteer', 3),
        hit('entity-model', 'ORG', 9, 11),
      ],
      { text },
    );
    expect(show(kept)).toEqual(['entity-model:ORG:6-8', 'entity-loc-gazetteer:LOC:9-11']);
  });

  it('drops a cue-word person where the model sees none', () => {
    const kept = rulesThenModel([hit('entity-person-name', 'PERSON', 0, 3, 'speech-context', 2), hit('entity-model', 'ORG', 5, 8)]);
    expect(show(kept)).toEqual(['entity-model:ORG:5-8']);
  });

  it('keeps a longer rule name that holds the model span whole', () => {
    const kept = rulesThenModel([hit('entity-org-suffix', 'ORG', 0, 12, 'org-suffix', 2), hit('entity-model', 'ORG', 3, 12)]);
    expect(show(kept)).toEqual(['entity-org-suffix:ORG:0-12']);
  });

  it('lets a suffix-shaped organisation yield to the model place on the same characters, with the weak names inside it (中国美术馆)', () => {
    // 在中国美术馆举行: the suffix rule reads 中国美术馆 as an organisation, the gazetteer 中国, the model the museum as a place
    const kept = rulesThenModel([
      hit('entity-model', 'LOC', 1, 6),
      hit('entity-org-suffix', 'ORG', 1, 6, 'org-suffix', 2),
      hit('entity-loc-gazetteer', 'LOC', 1, 3, 'gazetteer', 3),
    ]);
    expect(show(kept)).toEqual(['entity-model:LOC:1-6']);
    // the model's organisation on the same characters leaves the suffix rule's standing
    const same = rulesThenModel([hit('entity-model', 'ORG', 1, 6), hit('entity-org-suffix', 'ORG', 1, 6, 'org-suffix', 2), hit('entity-loc-gazetteer', 'LOC', 1, 3, 'gazetteer', 3)]);
    expect(show(same)).toEqual(['entity-org-suffix:ORG:1-6']);
  });

  it('lets a suffix-shaped organisation yield to model places that tile it whole, the last ending with it (北京 + 中国革命历史博物馆)', () => {
    // 在北京中国革命历史博物馆举行: 0-1 在, 1-3 北京, 3-12 the museum
    const kept = rulesThenModel([
      hit('entity-org-suffix', 'ORG', 1, 12, 'org-suffix', 2),
      hit('entity-loc-gazetteer', 'LOC', 1, 3, 'gazetteer', 3),
      hit('entity-model', 'LOC', 1, 3),
      hit('entity-model', 'LOC', 3, 12),
    ]);
    expect(show(kept)).toEqual(['entity-model:LOC:1-3', 'entity-model:LOC:3-12']);
    // a gap the model leaves (its place and nothing after it) keeps the organisation
    const gap = rulesThenModel([hit('entity-org-suffix', 'ORG', 1, 12, 'org-suffix', 2), hit('entity-model', 'LOC', 1, 3), hit('entity-model', 'LOC', 5, 12)]);
    expect(show(gap)).toEqual(['entity-org-suffix:ORG:1-12']);
  });

  it("drops a curated organisation on a word jieba reads as a verb unless the model reads it as an organisation (联想, 奔驰)", () => {
    // 许多联想纷至沓来 (associations come in droves) against 联想发布新品 (Lenovo launches)
    const tokens = [
      { text: '许多', tag: 'm', start: 0, end: 2 },
      { text: '联想', tag: 'v', start: 2, end: 4 },
    ];
    const ctx = { text: '许多联想纷至沓来', tokens };
    const orgHit = (): Hit => hit('entity-org-gazetteer', 'ORG', 2, 4, 'gazetteer', 3);
    expect(show(rulesThenModel([orgHit(), hit('entity-model', 'PERSON', 5, 7)], ctx))).toEqual(['entity-model:PERSON:5-7']);
    expect(show(rulesThenModel([orgHit(), hit('entity-model', 'ORG', 2, 4)], ctx))).toEqual(['entity-org-gazetteer:ORG:2-4']);
    // a noun reading stands, and so does everything where the pipeline runs no model
    expect(show(rulesThenModel([orgHit(), hit('entity-model', 'PERSON', 5, 7)], { ...ctx, tokens: [tokens[0]!, { ...tokens[1]!, tag: 'nz' }] }))).toEqual(['entity-org-gazetteer:ORG:2-4', 'entity-model:PERSON:5-7']);
    expect(show(rulesThenModel([orgHit()], ctx))).toEqual(['entity-org-gazetteer:ORG:2-4']);
  });

  it('a model span that loses to a strong hit vetoes nothing (a policy title crossing it: the place before stands)', () => {
    const kept = rulesThenModel([
      hit('entity-model', 'ORG', 0, 8),
      hit('entity-policy-title', 'POLICY', 6, 14, 'book-title', 4),
      hit('entity-loc-gazetteer', 'LOC', 0, 3, 'gazetteer', 3),
    ]);
    expect(show(kept)).toEqual(['entity-loc-gazetteer:LOC:0-3', 'entity-policy-title:POLICY:6-14']);
  });

  it('a model span that loses to a strong hit vetoes nothing (广东省十四届人大: 人大 from the gazetteer stands, so does 广东省)', () => {
    const kept = rulesThenModel([
      hit('entity-model', 'ORG', 0, 8),
      hit('entity-org-gazetteer', 'ORG', 6, 8, 'gazetteer', 3),
      hit('entity-loc-gazetteer', 'LOC', 0, 3, 'gazetteer', 3),
    ]);
    expect(show(kept)).toEqual(['entity-loc-gazetteer:LOC:0-3', 'entity-org-gazetteer:ORG:6-8']);
  });

  it('lets a curated organisation that heads the model\'s longer organisation yield to it (中科院 of 中科院大连石油研究所), not before a title', () => {
    const text = '中科院大连石油研究所的专家';
    const kept = rulesThenModel(
      [hit('entity-org-gazetteer', 'ORG', 0, 3, 'gazetteer', 3), hit('entity-loc-gazetteer', 'LOC', 3, 5, 'gazetteer', 3), hit('entity-model', 'ORG', 0, 10)],
      { text },
    );
    expect(kept.map((h) => `${h.rule}:${text.slice(h.start, h.end)}`)).toEqual(['entity-model:中科院大连石油研究所']);
    // the model's 兴业银行党委 reads on into the title 党委书记: the curated bank stands, the model span crossing it goes
    const t2 = '兴业银行党委书记张三';
    const k2 = rulesThenModel([hit('entity-org-gazetteer', 'ORG', 0, 4, 'gazetteer', 3), hit('entity-model', 'ORG', 0, 6)], { text: t2 });
    expect(k2.map((h) => `${h.rule}:${t2.slice(h.start, h.end)}`)).toEqual(['entity-org-gazetteer:兴业银行']);
    // a curated name inside the model's span but not at its start stands (广东省十四届人大, above)
    const k3 = rulesThenModel([hit('entity-org-gazetteer', 'ORG', 2, 5, 'gazetteer', 3), hit('entity-model', 'ORG', 0, 10)], { text });
    expect(show(k3)).toEqual(['entity-org-gazetteer:ORG:2-5']);
  });

  it('lets the model veto a person inside its place or organisation (阿里·萨米扬 of the stadium 阿里·萨米扬球场)', () => {
    const text = '在自己的阿里·萨米扬球场迎战';
    const s = text.indexOf('阿里');
    const kept = rulesThenModel([hit('entity-person-name', 'PERSON', s, s + 6, 'dotted-name', 2), hit('entity-model', 'LOC', s, s + 8)], { text });
    expect(kept.map((h) => `${h.rule}:${text.slice(h.start, h.end)}`)).toEqual(['entity-model:阿里·萨米扬球场']);
  });

  it('takes the model person where a weak rule person has another extent', () => {
    const text = '以专家鲍尔为领队，由范慕韩牵头，任命李纪恒为部长';
    const at = (s: string, n = s.length): [number, number] => [text.indexOf(s), text.indexOf(s) + n];
    const [a, b] = at('鲍尔为');
    const [c] = at('由范慕');
    const [d] = at('李纪恒');
    const kept = rulesThenModel(
      [
        // 鲍尔为 (hmm) over the model's 鲍尔; 由范慕 crossing 范慕韩; 李纪 inside 李纪恒
        hit('entity-person-name', 'PERSON', a, b, 'hmm-name', 2),
        hit('entity-model', 'PERSON', a, a + 2),
        hit('entity-person-name', 'PERSON', c, c + 3, 'hmm-name', 2),
        hit('entity-model', 'PERSON', c + 1, c + 4),
        hit('entity-person-name', 'PERSON', d, d + 2, 'hmm-name', 2),
        hit('entity-model', 'PERSON', d, d + 3),
      ],
      { text },
    );
    expect(kept.map((h) => `${h.rule}:${text.slice(h.start, h.end)}`)).toEqual(['entity-model:鲍尔', 'entity-model:范慕韩', 'entity-model:李纪恒']);
  });

  it('keeps the rule person where the model runs on over a character no name ends with (王晓从北京)', () => {
    const text = '王晓从北京回来';
    const kept = rulesThenModel([hit('entity-person-name', 'PERSON', 0, 2, 'title-context', 2), hit('entity-model', 'PERSON', 0, 3)], { text });
    expect(show(kept)).toEqual(['entity-person-name:PERSON:0-2']);
  });

  it("lets the model veto jieba's nt inside its organisation and a jieba tag that crosses its span", () => {
    // 市人大常委会: nt 人大常委会 inside the model's ORG; 北京市民 (ns) across the model's 北京
    const kept = rulesThenModel([
      hit('entity-org-gazetteer', 'ORG', 1, 6, 'jieba-nt', 1),
      hit('entity-model', 'ORG', 0, 6),
      hit('entity-loc-tag', 'LOC', 8, 11, 'jieba-ns', 1),
      hit('entity-model', 'LOC', 7, 9),
    ]);
    expect(show(kept)).toEqual(['entity-model:ORG:0-6', 'entity-model:LOC:7-9']);
    // a suffix rule's name that crosses the model's span stands (the rules go first)
    expect(show(rulesThenModel([hit('entity-org-suffix', 'ORG', 0, 12, 'org-suffix', 2), hit('entity-model', 'ORG', 10, 15)]))).toEqual(['entity-org-suffix:ORG:0-12']);
  });

  it("lets the model's longer organisation veto a suffix-shaped one inside it, unless it reads on into a title", () => {
    const text = '河北经贸大学法律系学生，兴业银行党委书记';
    const at = (w: string): [number, number] => [text.indexOf(w), text.indexOf(w) + w.length];
    const [a, b] = at('河北经贸大学');
    const [, c] = at('河北经贸大学法律系');
    const [d, e] = at('兴业银行');
    const [, f] = at('兴业银行党委');
    const kept = rulesThenModel(
      [
        hit('entity-org-suffix', 'ORG', a, b, 'org-suffix', 2),
        hit('entity-model', 'ORG', a, c),
        hit('entity-org-suffix', 'ORG', d, e, 'org-suffix', 2),
        hit('entity-model', 'ORG', d, f),
      ],
      { text },
    );
    // 法律系 is part of the name; 党委 starts the title 党委书记, so 兴业银行 stands
    expect(kept.map((h) => `${h.rule}:${text.slice(h.start, h.end)}`)).toEqual(['entity-model:河北经贸大学法律系', 'entity-org-suffix:兴业银行']);
  });

  it("lets the model's place veto jieba's ns that holds it (台湾岛 / 台湾)", () => {
    const text = '台湾岛内的媒体';
    const kept = rulesThenModel([hit('entity-loc-tag', 'LOC', 0, 3, 'jieba-ns', 1), hit('entity-model', 'LOC', 0, 2)], { text });
    expect(show(kept)).toEqual(['entity-model:LOC:0-2']);
  });

  it("takes the model's type over jieba's ns on the same characters, not over the place gazetteer's", () => {
    const kept = rulesThenModel([
      hit('entity-loc-tag', 'LOC', 0, 4, 'jieba-ns', 1),
      hit('entity-model', 'ORG', 0, 4),
      hit('entity-loc-gazetteer', 'LOC', 6, 8, 'gazetteer', 3),
      hit('entity-model', 'PERSON', 6, 8),
    ]);
    expect(show(kept)).toEqual(['entity-model:ORG:0-4', 'entity-loc-gazetteer:LOC:6-8']);
  });

  it("drops a jieba-nr, nrt or HMM person where the model sees no person (和我, 方有)", () => {
    const kept = rulesThenModel([
      hit('entity-person-name', 'PERSON', 0, 2, 'hmm-name', 2),
      hit('entity-person-name', 'PERSON', 2, 4, 'jieba-nrt', 1),
      hit('entity-person-name', 'PERSON', 4, 6, 'jieba-nr', 1),
      hit('entity-person-name', 'PERSON', 8, 11, 'jieba-nr', 1),
      hit('entity-model', 'PERSON', 8, 11),
      hit('entity-model', 'ORG', 14, 17),
    ]);
    expect(show(kept)).toEqual(['entity-person-name:PERSON:8-11', 'entity-model:ORG:14-17']);
  });

  it('fills with model spans where no rule found anything', () => {
    const kept = rulesThenModel([hit('entity-model', 'PERSON', 0, 3), hit('entity-loc-gazetteer', 'LOC', 5, 7, 'gazetteer', 3)]);
    expect(show(kept)).toEqual(['entity-model:PERSON:0-3', 'entity-loc-gazetteer:LOC:5-7']);
  });

  it("drops jieba's bare ns where the model reads nothing at all, keeps it where the model reads its place", () => {
    const kept = rulesThenModel([hit('entity-model', 'PERSON', 0, 3), hit('entity-loc-tag', 'LOC', 5, 7, 'jieba-ns'), hit('entity-loc-tag', 'LOC', 9, 11, 'jieba-ns'), hit('entity-model', 'LOC', 9, 11)]);
    expect(show(kept)).toEqual(['entity-model:PERSON:0-3', 'entity-loc-tag:LOC:9-11']);
  });

  it('is the rules-only policy when the model is switched off', () => {
    const hits = [hit('entity-org-suffix', 'ORG', 0, 5, 'org-suffix', 2), hit('entity-loc-gazetteer', 'LOC', 0, 2, 'gazetteer', 3), hit('entity-person-name', 'PERSON', 6, 8, 'jieba-nr')];
    expect(show(rulesThenModel(hits))).toEqual(show(longestMostSpecific(hits)));
  });

  it('declares which hits are strong', () => {
    expect(isStrong(hit('entity-policy-title', 'POLICY', 0, 5, 'book-title', 4))).toBe(true);
    expect(isStrong(hit('entity-person-byline', 'PERSON', 0, 2, 'byline', 4))).toBe(true);
    expect(isStrong(hit('entity-person-name', 'PERSON', 0, 2, 'gazetteer', 3))).toBe(true);
    expect(isStrong(hit('entity-person-name', 'PERSON', 0, 2, 'title-after', 2))).toBe(false);
    expect(isStrong(hit('entity-org-gazetteer', 'ORG', 0, 2, 'gazetteer', 3))).toBe(true);
    expect(isStrong(hit('entity-org-gazetteer', 'ORG', 0, 2, 'jieba-nt', 1))).toBe(false);
    expect(isStrong(hit('entity-loc-gazetteer', 'LOC', 0, 2, 'gazetteer', 3))).toBe(false);
  });
});

describe('the entities pack with and without the model', () => {
  const text = '据悉，王建国和妻子去年从甘肃搬到了深圳。';
  const ctx = contextFor(text);
  const all = new Set(mentionRules.map((r) => r.id));
  const off = new Set([...all].filter((id) => id !== 'entity-model'));
  const names = (rules: Set<string>): string[] => extractEntities(ctx, { rules }).mentions.map((m) => `${m.rule}:${m.type}:${text.slice(m.start, m.end)}`);

  it('finds the uncued person only with the model, stamped with the model rule', () => {
    expect(names(all)).toContain('entity-model:PERSON:王建国');
    expect(names(off).some((n) => n.endsWith(':王建国'))).toBe(false);
  });

  it('runs no model when a pipeline leaves it out', () => {
    expect(names(off).every((n) => !n.startsWith('entity-model:'))).toBe(true);
    expect(names(off)).toContain('entity-loc-gazetteer:LOC:甘肃');
  });
});

describe('persons-inside-titles', () => {
  const overlap = { ...DEFAULT_OVERLAP, mentionSteps: ['same-name-same-type', 'names-inside-events', 'persons-inside-titles'] };
  const names = (text: string, o = overlap): string[] => extractEntities(contextFor(text), { overlap: o }).mentions.map((m) => `${m.type}:${text.slice(m.start, m.end)}`);

  it("keeps the model's person inside a book title beside the title", () => {
    const text = '他们编写出版了《邓小平教育理论学习纲要》。';
    expect(names(text)).toEqual(expect.arrayContaining(['PERSON:邓小平', 'POLICY:邓小平教育理论学习纲要']));
    // without the step the title hides the person
    expect(names(text, { ...overlap, mentionSteps: ['same-name-same-type', 'names-inside-events'] })).not.toContain('PERSON:邓小平');
  });

  it('adds no place or body inside a policy title', () => {
    const text = '北京发布《北京市机器人产业创新发展行动方案》。';
    expect(names(text).filter((n) => n.endsWith(':北京市'))).toEqual([]);
  });
});
