/**
 * The installed nodejieba holds one dictionary per thread: the postinstall
 * script (scripts/jieba-one-dict.mjs) makes its keyword extractor borrow the
 * segmenter's trie instead of loading the dictionaries a second time. A
 * clean install that silently kept the stock build (about 50 MB more per
 * worker) fails here; ZHNEWS_STOCK_JIEBA=1 opts out on purpose.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const dir = dirname(require.resolve('nodejieba/package.json'));

describe.skipIf(process.env.ZHNEWS_STOCK_JIEBA === '1')('nodejieba as installed', () => {
  it('builds its keyword extractor on the segmenter\'s dictionary, not a second copy', () => {
    const src = readFileSync(join(dir, 'lib', 'nodejieba.cpp'), 'utf8');
    expect(src).toContain('new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath)');
    expect(src).not.toMatch(/TextRankExtractor\(\s*dictPath/u);
  });

  it('still segments, tags and extracts keywords with the shared dictionary (in a fresh process)', () => {
    const probe = `
      const j = require(${JSON.stringify(dir)});
      j.load();
      const text = '国家统计局发布数据，今年前三季度全国规模以上工业增加值同比增长百分之五。';
      const out = { cut: j.cut(text, true), tag: j.tag('国家统计局发布数据'), keys: j.textRankExtract(text, 3) };
      process.stdout.write(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { cut: string[]; tag: Array<{ word: string; tag: string }>; keys: Array<{ word: string }> };
    expect(out.cut.join('')).toBe('国家统计局发布数据，今年前三季度全国规模以上工业增加值同比增长百分之五。');
    expect(out.cut).toContain('国家统计局');
    expect(out.tag.map((t) => t.word)).toEqual(['国家统计局', '发布', '数据']);
    // the keyword extractor reads the shared trie: its words are dictionary words of the text
    expect(out.keys.length).toBeGreaterThan(0);
    for (const k of out.keys) expect(out.cut).toContain(k.word);
  });
});
