/**
 * Structure on the hand-checked normalized corpus texts and on small layouts:
 * block kinds, articles with headlines, reporters and photographers, and
 * sentence spans that stay inside their blocks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../../src/core/offsets.js';
import { structure } from '../../src/structure/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const doc = (id: string): string => readFileSync(join(ROOT, 'tests/gold/normalized', id + '.txt'), 'utf8');
const run = (text: string) => structure(text, OffsetMap.identity(text.length));

describe('structure on small layouts', () => {
  it('headline, byline, paragraphs, section heading, caption with credit', () => {
    const text = ['北京加速布局具身智能新赛道', '本报记者 韩秉志', '今年以来，北京频传佳讯。这些成果巩固了优势。', '技术创新驱动', '当前，新一轮科技革命正在重构版图。', '近日，机器人在进行表演。 本报记者 李秋旸摄'].join('\n');
    const s = run(text);
    expect(s.blocks.map((b) => b.kind)).toEqual(['headline', 'byline', 'paragraph', 'heading', 'paragraph', 'caption']);
    expect(s.articles).toHaveLength(1);
    expect(s.articles[0]).toMatchObject({ headline: '北京加速布局具身智能新赛道', reporters: ['韩秉志'], photographers: ['李秋旸'] });
    expect(s.sentences.map((x) => text.slice(x.start, x.end))).toContain('今年以来，北京频传佳讯。');
  });
  it('a byline line that also holds the next headline becomes two blocks', () => {
    const text = ['北京亦庄机器人产业聚链成势', '本报记者 杨学聪 用好数字技术为基层减负', '正文第一段写到这里。'].join('\n');
    const s = run(text);
    expect(s.blocks.map((b) => [b.kind, text.slice(b.start, b.end)])).toEqual([
      ['headline', '北京亦庄机器人产业聚链成势'],
      ['byline', '本报记者 杨学聪'],
      ['headline', '用好数字技术为基层减负'],
      ['paragraph', '正文第一段写到这里。'],
    ]);
    expect(s.articles.map((a) => [a.headline, a.reporters])).toEqual([
      ['北京亦庄机器人产业聚链成势', ['杨学聪']],
      ['用好数字技术为基层减负', []],
    ]);
  });
  it('kicker and subheadline belong to the article; 文/图 credits name reporters and photographers', () => {
    const text = ['今年前7个月，南开区投资同比增长36.8%——', '盘活存量资产扩大有效投资', '本报记者 周琳', '正文。', '（邱海鹰 周毅 文/图）'].join('\n');
    const s = run(text);
    expect(s.blocks.map((b) => b.kind)).toEqual(['kicker', 'headline', 'byline', 'paragraph', 'byline']);
    expect(s.articles).toHaveLength(1);
    expect(s.articles[0]).toMatchObject({ headline: '盘活存量资产扩大有效投资', reporters: ['周琳', '邱海鹰', '周毅'], photographers: ['邱海鹰', '周毅'] });
  });
});

describe('structure on the corpus', () => {
  it('000: three articles with their headlines and reporters', () => {
    const s = run(doc('000_df42f2bb45961d64'));
    expect(s.articles.map((a) => a.headline)).toEqual(['北京亦庄机器人产业聚链成势', '用好数字技术为基层减负', '盘活存量资产扩大有效投资']);
    expect(s.articles[0]!.reporters).toEqual(['杨学聪']);
    expect(s.articles[2]!.reporters).toEqual(['周琳']);
    expect(s.articles[2]!.photographers).toEqual(['陈晓根', '王英浩', '王华斌']);
  });
  it('001: bylines with two papers, four-character names', () => {
    const s = run(doc('001_ed89191f88b1a850'));
    expect(s.articles.map((a) => a.headline)).toEqual(['北京加速布局具身智能新赛道', '因地制宜推动文旅深度融合', '广西忻城——智能监测守好防返贫底线']);
    expect(s.articles[1]!.reporters).toEqual(['刘春沐阳']);
    expect(s.articles[2]!.reporters).toEqual(['童政', '朱柳蓉']);
    expect(s.articles[2]!.photographers).toEqual(['李秋旸', '刘春沐阳']);
  });
  it('004: headline with quotes, subheadline, a line of names, section headings', () => {
    const s = run(doc('004_6c4083fd503699c9'));
    expect(s.articles[0]).toMatchObject({ headline: '亦庄追“新”', reporters: expect.arrayContaining(['涂铭', '郭宇靖', '张骁']) });
    expect(s.articles.at(-1)).toMatchObject({ headline: '品“质”焕新 发展见“力”', reporters: ['王永前', '姚玉洁', '龚雯', '周蕊'] });
    const kinds = s.blocks.map((b) => b.kind);
    expect(kinds.filter((k) => k === 'heading').length).toBeGreaterThanOrEqual(6);
    expect(s.articles.at(-1)!.photographers).toContain('张建松');
  });
  it('003: the document title heads one article of numbered headings', () => {
    const s = run(doc('003_68ba46f9a76749d4'));
    expect(s.articles).toHaveLength(1);
    expect(s.articles[0]!.headline).toMatch(/^昌平区机器人产业创新发展三年行动方案/u);
    expect(s.blocks.filter((b) => b.kind === 'heading').length).toBeGreaterThanOrEqual(10);
  });
  it('every span is sane: blocks in order, sentences inside their blocks', () => {
    for (const id of ['000_df42f2bb45961d64', '001_ed89191f88b1a850', '002_a4ad2e9ba5d436a3', '003_68ba46f9a76749d4', '004_6c4083fd503699c9']) {
      const text = doc(id);
      const s = run(text);
      let last = 0;
      for (const b of s.blocks) {
        expect(b.start).toBeGreaterThanOrEqual(last);
        expect(b.end).toBeGreaterThan(b.start);
        expect(text.slice(b.start, b.end)).not.toContain('\n');
        last = b.end;
      }
      for (const x of s.sentences) {
        const b = s.blocks[x.block]!;
        expect(x.start >= b.start && x.end <= b.end).toBe(true);
      }
      for (const a of s.articles) expect(a.end).toBeGreaterThanOrEqual(a.start);
    }
  });
});
