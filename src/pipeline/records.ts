/**
 * The record shape shared by `zhnews extract --jsonl` and what `run` stores:
 * one object per document with entities, figures, quotes and relations, each
 * carrying normalized [start, end) and raw [rawStart, rawEnd) offsets and the
 * rule that made it. `text` is always the raw slice.
 */
import type { ProcessedDoc } from '../core/types.js';

export function toRecord(id: string | undefined, p: ProcessedDoc) {
  const { mentions, figures, quotes, relations } = p.extractions;
  return {
    ...(id !== undefined ? { id } : {}),
    normalized: p.norm.text,
    entities: mentions.map((m) => ({
      type: m.type,
      text: m.text,
      norm: m.norm,
      start: m.start,
      end: m.end,
      rawStart: m.rawStart,
      rawEnd: m.rawEnd,
      entity: m.entity ?? null,
      rule: m.rule,
      ruleVersion: m.ruleVersion,
      ...(m.attrs ? { attrs: m.attrs } : {}),
    })),
    figures: figures.map((f) => {
      const { sentence: _s, ...rest } = f;
      return rest;
    }),
    quotes: quotes.map((q) => q),
    relations: relations.map((r) => ({
      ...r,
      headText: mentions[r.head]?.norm ?? null,
      tailText: mentions[r.tail]?.norm ?? null,
    })),
  };
}
