/**
 * Build a RuleContext for a normalized text: jieba tokens with the dictionaries
 * the caller's segmenter spec names (loaded once per process; a pipeline's
 * `segmenter`) and the structure stage's sentences and blocks. The caller
 * passes the spec: this layer never reads a pipeline file
 * (src/pipeline/context.ts builds it with the default pipeline's).
 */
import type { RuleContext } from '../rule.js';
import { OffsetMap } from '../../core/offsets.js';
import { loadDictionaries, segment, type SegmenterSpec } from '../../segment/index.js';
import { structure } from '../../structure/index.js';

export function contextFor(text: string, segmenter: SegmenterSpec, docDate: string | null = null): RuleContext {
  loadDictionaries(segmenter);
  const tokens = segment(text);
  const s = structure(text, OffsetMap.identity(text.length));
  return { text, tokens, sentences: s.sentences, blocks: s.blocks, docDate };
}
