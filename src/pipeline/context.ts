/**
 * A RuleContext for a normalized text as the default pipeline segments it
 * (its user dictionaries and base dictionary): what the rule testers, the
 * entity gold scorer and tests build contexts with. It lives here, above
 * extract, because it reads the pipeline file.
 */
import type { RuleContext } from '../extract/rule.js';
import { contextFor } from '../extract/entities/context.js';
import type { SegmenterSpec } from '../segment/index.js';
import { loadPipeline } from './config.js';

let segmenter: SegmenterSpec | undefined;

/** jieba's dictionaries as the default pipeline loads them (the pipeline file is read once per process). */
export function defaultSegmenter(): SegmenterSpec {
  segmenter ??= loadPipeline().segmenter;
  return segmenter;
}

export function defaultContext(text: string, docDate: string | null = null): RuleContext {
  return contextFor(text, defaultSegmenter(), docDate);
}
