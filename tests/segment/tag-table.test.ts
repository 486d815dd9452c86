import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { TagTable } from '../../src/segment/tag-table.js';
import { parseMain } from '../../src/segment/base-dict.js';

const require = createRequire(import.meta.url);
const jieba = require('nodejieba') as { DEFAULT_DICT: string };

describe('TagTable', () => {
  it('answers like a Map over the whole of jieba\'s dictionary, later entries replacing earlier ones', () => {
    const table = new TagTable();
    const map = new Map<string, string>();
    for (const e of parseMain(jieba.DEFAULT_DICT, readFileSync(jieba.DEFAULT_DICT, 'utf8'))) {
      table.set(e.word, e.tag);
      map.set(e.word, e.tag);
    }
    // a user dictionary's retagging and a word jieba does not have
    for (const [w, t] of [['中国', 'ns'], ['人工智能', 'nz'], ['优必选科技', 'nt']] as const) {
      table.set(w, t);
      map.set(w, t);
    }
    table.compact();
    expect(table.size).toBe(map.size);
    expect(map.size).toBeGreaterThan(300_000);
    let differ = 0;
    for (const [w, t] of map) if (table.get(w) !== t) differ++;
    expect(differ).toBe(0);
    expect(table.get('中国')).toBe('ns');
    expect(table.get('优必选科技')).toBe('nt');
    // not words of the dictionary, including prefixes and extensions of words
    for (const w of ['', '中', '中国人民银行总行营业部X', 'zhnews', '优必选']) expect(table.get(w)).toBe(map.get(w));
  });

  it('reads back from its byte image with the same answers, and refuses a cut image', () => {
    const table = new TagTable();
    const map = new Map<string, string>();
    for (const e of parseMain(jieba.DEFAULT_DICT, readFileSync(jieba.DEFAULT_DICT, 'utf8'))) {
      table.set(e.word, e.tag);
      map.set(e.word, e.tag);
    }
    const image = table.toImage(Uint32Array.from([5, 0, 7]));
    // as read from a file: a buffer of its own
    const read = TagTable.fromImage(new Uint8Array(image))!;
    expect(read).not.toBeNull();
    expect([...read.extra]).toEqual([5, 0, 7]);
    expect(read.table.size).toBe(map.size);
    let differ = 0;
    for (const [w, t] of map) if (read.table.get(w) !== t) differ++;
    expect(differ).toBe(0);
    expect(read.table.entry(5)).toEqual(table.entry(5));
    expect(read.table.get('优必选')).toBeUndefined();
    expect(TagTable.fromImage(image.subarray(0, image.length - 4))).toBeNull();
  });
});
