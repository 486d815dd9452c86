import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';
import { defaultContext } from '../../../pipeline/context.js';

// sentences written for these cases: names with no cue word, an organisation
// that starts with a place, abbreviated banks
const a = '据悉，王建国和妻子去年从甘肃搬到了深圳。';
const b = '美国海军第七舰队当天在南海举行演习。';
const c = '记者从杭州市文化市场综合执法局获悉，此案已移交公安机关。';
const d = '建行和招行相继下调了存款利率。';
runRuleCases(
  rule,
  {
    valid: ['今天天气很好，我们一起去吃饭吧。'],
    invalid: [
      { text: a, expect: [span(a, 'PERSON', '王建国'), span(a, 'LOC', '甘肃'), span(a, 'LOC', '深圳')] },
      { text: b, expect: [span(b, 'ORG', '美国海军第七舰队'), span(b, 'LOC', '南海')] },
      { text: c, expect: [span(c, 'ORG', '杭州市文化市场综合执法局')] },
      { text: d, expect: [span(d, 'ORG', '建行'), span(d, 'ORG', '招行')] },
    ],
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('entity-model');
});

// a one-character place the model cuts out of a longer jieba word is dropped
// (京 of 京剧), unless the word is made of place abbreviations (京津: each a
// place, entity-loc-abbrev's words.ts). Written for this case.
it('drops a one-character place inside a longer word unless the word is a chain of abbreviations', async () => {
  const { defaultContext } = await import('../../../pipeline/context.js');
  const { tagText } = await import('../../../model/ner.js');
  const { loadNerModel, DEFAULT_NER_MODEL } = await import('../../../model/io.js');
  const text = '引进京津首家旗舰店后，这部京剧又在甘肃上演。';
  const ctx = defaultContext(text);
  const modelSpans = tagText(loadNerModel(DEFAULT_NER_MODEL), text, ctx.tokens, ctx.sentences);
  const hits = rule.run(ctx);
  const single = (s: { type: string; start: number; end: number }) =>
    (s.type === 'LOC' || s.type === 'PER' || s.type === 'PERSON') && s.end - s.start === 1 && ctx.tokens.some((t) => t.start <= s.start && s.end <= t.end && t.end - t.start > 1);
  const opera = text.indexOf('京剧');
  // the model itself proposes 京 of 京剧, so the rule has something to drop
  expect(modelSpans.some((s) => s.type === 'LOC' && s.start === opera && s.end === opera + 1)).toBe(true);
  expect(hits.filter((h) => h.type === 'LOC' && single(h)).map((h) => [text.slice(h.start, h.end), h.start])).toEqual([
    ['京', 2],
    ['津', 3],
  ]);
  expect(hits.map((h) => text.slice(h.start, h.end))).toContain('甘肃');
});

// version 5: a given name alone is tagged where the document named the person
// in full (written for this case); the sentence decoded alone does not tag it
it('tags a given name alone where the document named the person in full', async () => {
  const { defaultContext } = await import('../../../pipeline/context.js');
  const { tagSpan } = await import('../../../model/ner.js');
  const { loadNerModel, DEFAULT_NER_MODEL } = await import('../../../model/io.js');
  const text = '昨天，记者见到了获奖的女教师柯美霞。一九八五年，美霞从师范学校毕业，回到山村小学教书。美霞说，孩子们就是她的希望。';
  const ctx = defaultContext(text);
  const last = text.lastIndexOf('美霞');
  const hits = rule.run(ctx);
  expect(hits.filter((h) => h.type === 'PERSON').map((h) => [text.slice(h.start, h.end), h.start])).toContainEqual(['美霞', last]);
  const s = ctx.sentences.find((p) => p.start <= last && last < p.end)!;
  const alone = tagSpan(loadNerModel(DEFAULT_NER_MODEL), text, s.start, s.end, ctx.tokens);
  expect(alone.filter((x) => x.start === last)).toEqual([]);
});

// a bracketed gloss takes the type of the term it follows (written for this case)
it('keeps a bracketed abbreviation only after a term of its type, and no unmatched bracket', () => {
  const text = '统计部门发布数据，上月全省居民消费价格指数（CPI）同比下降0.3%。世界贸易组织（WTO）总干事昨天在日内瓦表示，明年贸易增长将放缓。';
  const hits = rule.run(defaultContext(text)).map((h) => `${h.type}:${text.slice(h.start, h.end)}`);
  expect(hits).toEqual(expect.arrayContaining(['ORG:世界贸易组织', 'ORG:WTO', 'LOC:日内瓦']));
  expect(hits.filter((h) => /CPI|[（）]/u.test(h))).toEqual([]);
});

// version 7: a bare organisation suffix names nothing (中心, 研究所), but for the
// few that name one body standing alone (县委, 市委, 组委会: org-suffix-named-bodies).
// Written for this case.
it('keeps a bare suffix the model tags only where it names one body standing alone', async () => {
  const { tagText } = await import('../../../model/ner.js');
  const { loadNerModel, DEFAULT_NER_MODEL } = await import('../../../model/io.js');
  const text = '据介绍，县委、办公室和中心联合发出通知。他先后在办公室、研究所和中心工作，后调任市委。';
  const ctx = defaultContext(text);
  const bare = tagText(loadNerModel(DEFAULT_NER_MODEL), text, ctx.tokens, ctx.sentences)
    .filter((s) => s.type === 'ORG')
    .map((s) => text.slice(s.start, s.end));
  // the model itself proposes both kinds, so the rule has something to keep and to drop
  expect(bare).toEqual(expect.arrayContaining(['县委', '市委', '中心', '研究所']));
  const kept = rule.run(ctx).filter((h) => h.type === 'ORG').map((h) => text.slice(h.start, h.end));
  expect(kept).toEqual(['县委', '市委']);
});
