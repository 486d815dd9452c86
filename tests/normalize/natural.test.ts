import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { naturalSentences } from './helpers.js';

describe('natural sentences survive byte-identical', () => {
  const sentences = naturalSentences();
  it('has at least 150 sentences', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(150);
  });
  it('every sentence comes back unchanged (100%)', () => {
    const changed: string[] = [];
    for (const s of sentences) {
      const out = normalize(s).text;
      if (out !== s) changed.push(`${s}\n    -> ${out}`);
    }
    if (changed.length) console.log(`changed natural sentences:\n${changed.join('\n')}`);
    console.log(`natural sentences unchanged: ${sentences.length - changed.length}/${sentences.length}`);
    expect(changed).toEqual([]);
  });
  it('the whole list as one document keeps every sentence on its own line', () => {
    for (const sep of ['\n', '\n\n']) {
      const out = normalize(sentences.join(sep)).text;
      expect(out).toBe(sentences.join('\n'));
    }
  });
});
