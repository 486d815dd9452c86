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
  it('the whole list as one document keeps every sentence (one per line)', () => {
    // as a document the list is blank-free, one sentence per line
    const doc = sentences.join('\n');
    const out = normalize(doc).text.split('\n');
    // sentences are not joined to each other when each ends a sentence
    const kept = sentences.filter((s) => out.includes(s)).length;
    expect(kept / sentences.length).toBeGreaterThanOrEqual(0.9);
  });
});
