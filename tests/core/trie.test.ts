import { describe, expect, it } from 'vitest';
import { Trie } from '../../src/core/trie.js';

/** The obvious implementation: slice every candidate length, longest first. */
function naive(text: string, words: Set<string>, maxLen: number, minLen: number) {
  const out: Array<{ start: number; end: number; word: string }> = [];
  let i = 0;
  while (i < text.length) {
    let hit = 0;
    for (let L = Math.min(maxLen, text.length - i); L >= minLen; L--) {
      if (words.has(text.slice(i, i + L))) {
        hit = L;
        break;
      }
    }
    if (hit) {
      out.push({ start: i, end: i + hit, word: text.slice(i, i + hit) });
      i += hit;
    } else i++;
  }
  return out;
}

describe('Trie', () => {
  const words = ['北京', '北京市', '北京经济技术开发区', '天津', '天津市', '南开区', '亦庄', '中国', '中'];
  const trie = new Trie(words);

  it('finds the longest match at each position, left to right', () => {
    expect(trie.matches('北京经济技术开发区和天津市南开区', 2).map((m) => m.word)).toEqual(['北京经济技术开发区', '天津市', '南开区']);
    expect(trie.longestAt('北京市民', 0)).toBe(3);
    expect(trie.longestAt('北京市民', 0, 1, 2)).toBe(2);
    expect(trie.longestAt('北方', 0)).toBe(0);
    expect(trie.matches('中国人', 1).map((m) => m.word)).toEqual(['中国']);
    expect(trie.matches('中间', 1).map((m) => m.word)).toEqual(['中']);
    expect(trie.matches('中间', 2)).toEqual([]);
    expect(trie.size).toBe(words.length);
  });

  it('agrees with slicing every length on random text', () => {
    const alphabet = '北京市天津南开区亦庄中国经济技术开发';
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const set = new Set(words);
    for (let n = 0; n < 500; n++) {
      let text = '';
      for (let k = 0; k < 40; k++) text += alphabet[Math.floor(rand() * alphabet.length)];
      for (const minLen of [1, 2]) expect(trie.matches(text, minLen, 12)).toEqual(naive(text, set, 12, minLen));
    }
  });
});

describe('Trie.forEachOccurrence', () => {
  it('reports every occurrence of every word, overlapping ones included, like indexOf per word', () => {
    const names = ['马克', '马克龙', '龙', '李强'];
    const text = '马克龙会见李强，李强说马克龙和马克都来了。龙';
    const trie = new Trie(names);
    const got: string[] = [];
    trie.forEachOccurrence(text, (s, e) => got.push(`${s}:${e}`));
    const want: string[] = [];
    for (const n of names) for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) want.push(`${at}:${at + n.length}`);
    expect(got.sort()).toEqual(want.sort());
    expect(got).toHaveLength(10);
  });
});
