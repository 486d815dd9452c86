/**
 * PERSON, LOC and ORG from the trained character model (src/model/,
 * pipelines/models/ner.bin.br): each sentence is decoded on its own with
 * the jieba tokens as features, then (model format 5, rule version 5) the
 * sentences holding a string the first pass tagged in another sentence of
 * the document (a name, or the given name of a full name) are decoded again
 * with that as two more features (src/model/doc.ts). The model is loaded once per thread, on
 * first use. Its spans are weaker than the high-precision rules and
 * stronger than the weak ones (src/extract/entities/overlap.ts).
 * Version 7: a bare organisation suffix that names one body standing alone
 * (市委, 人大常委会, 组委会: lexicon org-suffix-named-bodies) is kept.
 */
import type { EntityType } from '../../../core/types.js';
import type { MentionHit, MentionRule } from '../../rule.js';
import { DEFAULT_NER_MODEL, loadNerModel } from '../../../model/io.js';
import { tagText } from '../../../model/ner.js';
import type { SpanType } from '../../../model/model.js';
import { lexicon } from '../../entities/lexicon.js';
import { modelFile, wordSet } from '../../../core/lists.js';
import { spanAt } from '../../../core/spans.js';
import { abbrevPlaceAt } from '../entity-loc-abbrev/words.js';

const TYPE: Record<SpanType, EntityType> = { PER: 'PERSON', LOC: 'LOC', ORG: 'ORG' };

const suffixSets = new WeakMap<readonly string[], Set<string>>();
function orgSuffixSet(list: readonly string[]): Set<string> {
  let set = suffixSets.get(list);
  if (!set) suffixSets.set(list, (set = new Set(list)));
  return set;
}



const OPEN = '（([【《〈「『“';
const CLOSE = '）)]】》〉」』”';

/** The span without an unmatched bracket at either edge; null when nothing is left. */
function balanced(text: string, s: { type: SpanType; start: number; end: number }): { type: SpanType; start: number; end: number } | null {
  let { start, end } = s;
  for (;;) {
    const last = CLOSE.indexOf(text[end - 1] ?? '');
    if (last >= 0 && !text.slice(start, end - 1).includes(OPEN[last]!)) {
      end--;
      continue;
    }
    const first = OPEN.indexOf(text[start] ?? '');
    if (first >= 0 && !text.slice(start + 1, end).includes(CLOSE[first]!)) {
      start++;
      continue;
    }
    break;
  }
  return end > start ? { type: s.type, start, end } : null;
}

export const rule: MentionRule = {
  id: 'entity-model',
  version: 7,
  purpose: 'PERSON, LOC and ORG tagged by the trained character sequence model, sentence by sentence, then again where the document tagged the same string elsewhere',
  needs: ['tokens', 'sentences'],
  emits: 'mention',
  run(ctx) {
    // the pipeline's `models.ner` (default: the committed model)
    const model = loadNerModel(modelFile('ner') ?? DEFAULT_NER_MODEL);
    const out: MentionHit[] = [];
    const spans = tagText(model, ctx.text, ctx.tokens, ctx.sentences);
    if (spans.length === 0) return out;
    const lex = lexicon();
    const namedBodies = wordSet('org-suffix-named-bodies');
    for (const s0 of spans) {
      // a bracket the span does not close or open is no part of a name (CPI） of 指数（CPI）)
      const s = balanced(ctx.text, s0);
      if (!s) continue;
      // a bracketed gloss (居民消费价格指数（CPI）, 世界贸易组织（WTO）) takes the type of the term it
      // follows: where the model tagged no such term ending at the bracket, it names nothing
      const open = '（('.indexOf(ctx.text[s.start - 1] ?? '');
      if (open >= 0 && ctx.text[s.end] === '）)'[open] && !spans.some((t) => t.type === s.type && t.end === s.start - 1)) continue;
      const name = ctx.text.slice(s.start, s.end);
      // a bare organisation suffix (中心, 办公室) names nothing, but for the few that name one body
      // standing alone (市委, 人大常委会, 组委会: org-suffix-named-bodies)
      if (s.type === 'ORG' && orgSuffixSet(lex.orgSuffixes).has(name) && !namedBodies.has(name)) continue;
      // a one-character place inside a longer word is no place unless the
      // segmentation agrees (安 of the company 安川) or the word is made of
      // place abbreviations (中美, 京津冀, 台胞: entity-loc-abbrev's words.ts);
      // longer places inside words stay (美国 in 美国人)
      if (s.type === 'LOC' && s.end - s.start === 1) {
        const t = spanAt(ctx.tokens, s.start);
        if (t && t.end - t.start > 1 && !abbrevPlaceAt(t.text, s.start - t.start)) continue;
      }
      out.push({ type: TYPE[s.type], start: s.start, end: s.end, attrs: { source: 'model' } });
    }
    return out;
  },
};
