import { describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveDictionaries, listWords, untaggedTag } from '../../src/segment/base-dict.js';
import { loadPipeline } from '../../src/pipeline/config.js';
import { defaultContext as contextFor } from '../../src/pipeline/context.js';

const jieba = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string; DEFAULT_USER_DICT: string };

interface Line { word: string; freq: number; tag: string }
const parse = (file: string): Line[] =>
  readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => {
    const [word, freq, tag] = l.split(' ');
    return { word: word!, freq: Number(freq), tag: tag! };
  });

describe('the derived base dictionary', () => {
  const pipeline = loadPipeline();
  const spec = pipeline.segmenter.base!;
  const source = parse(jieba.DEFAULT_DICT);
  const derived = deriveDictionaries(spec, jieba.DEFAULT_DICT, [jieba.DEFAULT_USER_DICT, ...pipeline.dictionaries]);
  const kept = parse(derived.dict);

  it('is configured by the default pipeline', () => {
    expect(spec.minFreq).toBeGreaterThan(1);
    expect(spec.keepFiles.length).toBeGreaterThan(0);
  });

  it('drops rare common words and roughly halves the dictionary', () => {
    expect(kept.length).toBeLessThan(source.length * 0.6);
    const keptWords = new Set(kept.map((l) => l.word));
    const tags = new Set(spec.keepTags);
    for (const l of source) {
      if (l.freq < spec.minFreq && !tags.has(l.tag) && !keptWords.has(l.word)) continue;
      // everything else must still be there
      expect(keptWords.has(l.word), l.word).toBe(true);
    }
    expect(keptWords.has('实践经验')).toBe(false); // freq 3, n: dropped
  });

  it('keeps proper names by tag and every word the keep lists name, whatever its count', () => {
    const keptWords = new Set(kept.map((l) => l.word));
    const srcByWord = new Map(source.map((l) => [l.word, l]));
    expect(srcByWord.get('行政长官')!.freq).toBeLessThan(spec.minFreq);
    for (const w of ['行政长官', '总干事']) expect(keptWords.has(w), w).toBe(true);
    for (const f of spec.keepFiles) for (const w of listWords(f)) if (srcByWord.has(w)) expect(keptWords.has(w), w).toBe(true);
    const rareProper = source.filter((l) => l.freq < spec.minFreq && spec.keepTags.includes(l.tag));
    expect(rareProper.length).toBeGreaterThan(1000);
    for (const l of rareProper) expect(keptWords.has(l.word), l.word).toBe(true);
  });

  it('keeps the frequency total and the smallest count, so kept words weigh what they weighed', () => {
    const sum = (ls: Line[]) => ls.reduce((n, l) => n + l.freq, 0);
    expect(sum(kept)).toBe(sum(source));
    const min = (ls: Line[]) => ls.reduce((m, l) => Math.min(m, l.freq), Infinity);
    expect(min(kept)).toBe(min(source));
    // the sentinels are private-use characters that never occur in text
    expect(kept.filter((l) => /[\u{e000}-\u{f8ff}]/u.test(l.word))).toHaveLength(2);
  });

  it('writes a count into user dictionary lines that lack one (the full dictionary\'s median)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-dict-'));
    const user = join(dir, 'u.txt');
    writeFileSync(user, '云计算\n蓝翔 nz\n区块链 10 nz\nABC\n');
    const d = deriveDictionaries(spec, jieba.DEFAULT_DICT, [user]);
    expect(readFileSync(d.userDict, 'utf8')).toBe(`云计算 ${d.stats.medianFreq} x\n蓝翔 ${d.stats.medianFreq} nz\n区块链 10 nz\nABC ${d.stats.medianFreq} eng\n`);
  });

  it('returns jieba\'s own files when nothing is dropped', () => {
    const d = deriveDictionaries({ minFreq: 0, keepTags: [], keepFiles: [] }, jieba.DEFAULT_DICT, [jieba.DEFAULT_USER_DICT]);
    expect(d.dict).toBe(jieba.DEFAULT_DICT);
    expect(d.userDict).toBe(jieba.DEFAULT_USER_DICT);
  });

  it('gives the tag cppjieba gives an untagged word', () => {
    expect(untaggedTag('云计算')).toBe('x');
    expect(untaggedTag('5G')).toBe('m'); // cppjieba looks at the first half only
    expect(untaggedTag('ABC')).toBe('eng');
    expect(untaggedTag('2025')).toBe('m');
  });
});

describe('segmentation with the derived base dictionary', () => {
  it('keeps gazetteer titles whole and cuts dropped rare compounds into their parts', () => {
    const words = (s: string) => contextFor(s).tokens.map((t) => t.text);
    expect(words('香港特区行政长官李家超出席活动。')).toContain('行政长官');
    expect(words('世卫组织总干事谭德塞表示')).toContain('总干事');
    expect(words('积累丰富实践经验。')).toEqual(['积累', '丰富', '实践', '经验', '。']);
  });
});
