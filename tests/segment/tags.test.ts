import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadDictionaries, segment, tagOf } from '../../src/segment/index.js';
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
});
