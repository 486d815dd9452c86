import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadDictionaries, loadTagMap, readTagMap, segment, tagOf } from '../../src/segment/index.js';
import { deriveDictionaries } from '../../src/segment/base-dict.js';
import { loadPipeline } from '../../src/pipeline/config.js';
import { normalize } from '../../src/normalize/index.js';

const jieba = createRequire(import.meta.url)('nodejieba') as { tag(s: string): Array<{ word: string; tag: string }> };

/** Every text we have: the corpus (normalized) and the hand-written case sentences. */
function texts(): string[] {
  const out: string[] = [];
  for (const f of readdirSync('corpus').filter((f) => f.endsWith('.txt')).sort()) out.push(normalize(readFileSync(join('corpus', f), 'utf8')).text);
  for (const f of ['tests/entities/heldout-style.cases.txt', 'tests/entities/heldout-fresh.cases.txt']) {
    out.push(readFileSync(f, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('|')[0]).join('\n'));
  }
  return out;
}

describe('tags looked up in JavaScript', () => {
  loadDictionaries(loadPipeline().segmenter);

  it('equal what nodejieba.tag gives, token for token, on the corpus and the case sentences', () => {
    let compared = 0;
    for (const text of texts()) {
      const ours = segment(text).map((t) => `${t.text}/${t.tag}`);
      const theirs: string[] = [];
      for (const line of text.split('\n')) for (const { word, tag } of jieba.tag(line)) if (word.trim() !== '') theirs.push(`${word}/${tag}`);
      expect(ours).toEqual(theirs);
      compared += ours.length;
    }
    expect(compared).toBeGreaterThan(15000);
  });

  it('give words outside the dictionary cppjieba\'s tags for unknown words', () => {
    expect(tagOf('具身智')).toBe('x');
    expect(tagOf('ROPA')).toBe('eng');
    expect(tagOf('2025')).toBe('m');
    expect(tagOf('北京')).toBe('ns');
    expect(tagOf('局长')).toBe('n'); // from the pipeline's user dictionary
  });

  it('of words of two to four code units, cached by their code units, are the dictionary\'s, asked once or again, also once the cache is full', () => {
    const j = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string; DEFAULT_USER_DICT: string };
    const p = loadPipeline().segmenter;
    const files = deriveDictionaries(p.base!, j.DEFAULT_DICT, [j.DEFAULT_USER_DICT, ...p.userDicts]);
    const { all } = readTagMap(files.dict, files.userDict);
    const words: Array<[string, string]> = [];
    for (let k = 0; k < all.size; k++) {
      const [w, t] = all.entry(k);
      if (w.length >= 2 && w.length <= 4 && t) words.push([w, t]);
    }
    // more short words than the cache takes (65,536), with every length and so every key shape
    expect(words.length).toBeGreaterThan(100_000);
    let wrong = 0;
    for (let round = 0; round < 2; round++) {
      for (const [w, t] of words) if (tagOf(w) !== t) wrong++;
    }
    expect(wrong).toBe(0);
    // words that differ only in their third or fourth code unit, or in length, keep their own tags
    const near = ['北京', '北京市', '北京大学', '北京人', '北京队'];
    expect(near.map((w) => tagOf(w))).toEqual(near.map((w) => all.get(w) || 'x'));
    expect(new Set(near.map((w) => tagOf(w))).size).toBeGreaterThan(1);
  });

  it('read from the cached image (loadTagMap) equal the table built from the dictionary files', () => {
    const j = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string; DEFAULT_USER_DICT: string };
    const p = loadPipeline().segmenter;
    const files = deriveDictionaries(p.base!, j.DEFAULT_DICT, [j.DEFAULT_USER_DICT, ...p.userDicts]);
    const built = readTagMap(files.dict, files.userDict);
    loadTagMap(files.dict, files.userDict); // writes the image when there is none
    const cached = loadTagMap(files.dict, files.userDict);
    expect(cached.all.size).toBe(built.all.size);
    let differ = 0;
    for (let k = 0; k < built.all.size; k++) {
      const [w, t] = built.all.entry(k);
      if (cached.all.get(w) !== t) differ++;
    }
    expect(differ).toBe(0);
    expect([...cached.hot]).toEqual([...built.hot]);
    expect(built.hot.size).toBe(8192);
  });
});

