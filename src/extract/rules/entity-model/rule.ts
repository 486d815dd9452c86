/**
 * PERSON, LOC and ORG from the trained character model (src/model/,
 * pipelines/models/ner.bin.gz): each sentence is decoded on its own with
 * the jieba tokens as features. The model is loaded once per thread, on
 * first use. Its spans are weaker than the high-precision rules and
 * stronger than the weak ones (src/extract/entities/overlap.ts).
 */
import type { EntityType } from '../../../core/types.js';
import type { MentionHit, MentionRule } from '../../rule.js';
import { DEFAULT_NER_MODEL, loadNerModel } from '../../../model/io.js';
import { tagText } from '../../../model/ner.js';
import type { SpanType } from '../../../model/model.js';

const TYPE: Record<SpanType, EntityType> = { PER: 'PERSON', LOC: 'LOC', ORG: 'ORG' };

let modelFile = DEFAULT_NER_MODEL;
/** Which model file the rule reads (the pipeline's; default: the committed model). */
export function useNerModel(file: string): void {
  modelFile = file;
}

export const rule: MentionRule = {
  id: 'entity-model',
  version: 1,
  purpose: 'PERSON, LOC and ORG tagged by the trained character sequence model, sentence by sentence',
  needs: ['tokens', 'sentences'],
  emits: 'mention',
  run(ctx) {
    const model = loadNerModel(modelFile);
    const out: MentionHit[] = [];
    for (const s of tagText(model, ctx.text, ctx.tokens, ctx.sentences)) {
      // a one-character PER is a surname standing for a person (陈老师 → 陈): keep only with a title or honorific after it
      out.push({ type: TYPE[s.type], start: s.start, end: s.end, attrs: { source: 'model' } });
    }
    return out;
  },
};
