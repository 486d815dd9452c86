/**
 * Build a RuleContext for a normalized text: jieba tokens with the pipeline's
 * user dictionaries (loaded once per process) and the structure stage's
 * sentences and blocks. Used by tests, the gold scorer and the filter.
 */
import type { RuleContext } from '../rule.js';
import { OffsetMap } from '../../core/offsets.js';
import { loadDictionaries, segment } from '../../segment/index.js';
import { structure } from '../../structure/index.js';
import { loadPipeline } from '../../pipeline/config.js';

/** jieba as the default pipeline loads it (its user dictionaries and base dictionary). */
export function loadEntityDictionaries(): void {
  loadDictionaries(loadPipeline().segmenter);
}

export function contextFor(text: string, docDate: string | null = null): RuleContext {
  loadEntityDictionaries();
  const tokens = segment(text);
  const s = structure(text, OffsetMap.identity(text.length));
  return { text, tokens, sentences: s.sentences, blocks: s.blocks, docDate };
}
