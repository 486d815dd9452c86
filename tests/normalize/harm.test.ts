import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESTRUCTIVE, diffClean, formatHarm, readCleanNews, scoreCleanNews, type HarmKind } from '../../src/normalize/harm.js';
import { normalize } from '../../src/normalize/index.js';
import { ROOT } from './helpers.js';

const CLEAN = join(ROOT, '..', 'shared', 'data', 'clean-news', 'people-daily-2019.jsonl.gz');

function kinds(input: string, output: string): HarmKind[] {
  return diffClean(input, output).map((d) => d.kind);
}

describe('harm: the classifier', () => {
  it('calls the convention allowed', () => {
    expect(kinds('\u3000\u3000新华社北京9月30日电\u00a0\u00a0（记者）正文,"好"。', '新华社北京9月30日电 （记者）正文，“好”。')).toEqual([
      'space-normalized',
      'mark-converted',
      'mark-converted',
      'mark-converted',
    ]);
    expect(kinds('今年 2019 年⋯⋯\n\n\n下一段', '今年2019年……\n下一段')).toEqual(['cjk-latin-space-removed', 'cjk-latin-space-removed', 'mark-converted', 'mark-converted']);
    expect(kinds('■ 要点\n[bookmark: _GoBack]正文', '要点\n正文').every((k) => k === 'markup-removed')).toBe(true);
    expect(kinds('一段—另一段', '一段——另一段')).toEqual([]);
  });
  it('calls damage to clean text destructive', () => {
    expect(kinds('第一段。\n第二段。', '第一段。第二段。')).toEqual(['paragraphs-joined']);
    expect(kinds('第一段。第二段。', '第一段。\n第二段。')).toEqual(['break-inserted']);
    expect(kinds('新华社北京3月5日电 记者', '新华社北京3月5日电记者')).toEqual(['field-space-removed']);
    expect(kinds('新华社北京3月5日电\u3000\u30003月5日', '新华社北京3月5日电3月5日')).toEqual(['field-space-removed']);
    expect(kinds('Hello Kitty', 'HelloKitty')).toEqual(['field-space-removed']);
    expect(kinds('常常来', '常来')).toEqual(['content-deleted']);
    expect(kinds('3、保障', '三、保障')).toEqual(['content-deleted', 'content-inserted']);
    expect(kinds('在这里', '在 这里')).toEqual(['space-inserted']);
    for (const k of ['paragraphs-joined', 'break-inserted', 'field-space-removed', 'content-deleted', 'content-inserted', 'space-inserted'] as const) {
      expect(DESTRUCTIVE.has(k)).toBe(true);
    }
  });
  it('aligns texts that differ in many places', () => {
    const a = '甲乙丙丁戊己庚辛壬癸'.repeat(50);
    const b = a.replace(/丙/g, '');
    const d = diffClean(a, b);
    expect(d.length).toBe(50);
    expect(d.every((x) => x.kind === 'content-deleted')).toBe(true);
  });
});

describe.skipIf(!existsSync(CLEAN))('harm: do no harm on clean news (../shared/data/clean-news)', () => {
  it('no article of the clean-news set gets a destructive change', () => {
    const articles = readCleanNews(CLEAN);
    expect(articles.length).toBeGreaterThan(3000);
    const rep = scoreCleanNews(articles, { normalize: (t) => normalize(t).text, examplesPerKind: 3 });
    console.log(formatHarm(rep));
    expect(rep.articles).toBe(articles.length);
    expect(rep.destructiveIds).toEqual([]);
    expect(rep.destructive).toBe(0);
  });
});
