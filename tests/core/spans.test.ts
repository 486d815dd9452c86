import { describe, expect, it } from 'vitest';
import { spanAt } from '../../src/core/spans.js';
import { segment } from '../../src/segment/index.js';

describe('spanAt', () => {
  it('finds the token holding each position of a segmented sentence, and none in whitespace', () => {
    const text = '国家统计局5日发布数据。 工业增加值同比增长7.0%。';
    const tokens = segment(text);
    for (let i = 0; i < text.length; i++) {
      const linear = tokens.find((t) => t.start <= i && i < t.end);
      expect(spanAt(tokens, i)).toBe(linear);
    }
    expect(spanAt(tokens, text.indexOf(' '))).toBeUndefined();
    expect(spanAt(tokens, text.length)).toBeUndefined();
    expect(spanAt([], 0)).toBeUndefined();
  });
});
