/**
 * Processing one document: the pure CPU stages in order. No I/O to SQLite
 * here; `store` writes the result. Safe to call in a worker thread.
 */
import type { Message, ProcessedDoc, RawDoc } from '../core/types.js';
import type { OffsetMap } from '../core/offsets.js';
import { DEFAULT_PASSES, normalize } from '../normalize/index.js';
import { structure } from '../structure/index.js';
import { loadDictionaries, segment, sentenceTokenStrings } from '../segment/index.js';
import { runRules } from '../extract/runner.js';
import { useLexicon } from '../core/lists.js';
import { resolveMentions } from '../resolve/index.js';
import type { Pipeline } from './config.js';

export interface ProcessOptions {
  /** ISO date of the document when known (manifest, JSONL input) */
  docDate?: string | null;
}

export function processDocument(doc: RawDoc, pipeline: Pipeline, opts: ProcessOptions = {}): ProcessedDoc {
  // loading jieba (once per thread) is not part of any document's stages
  loadDictionaries(pipeline.segmenter);
  useLexicon(pipeline.lexicon);
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round((now - t) * 100) / 100;
    t = now;
  };
  const early: Message[] = [];
  const norm = normalize(doc.raw, { passes: passesFor(doc, pipeline, early), t2s: pipeline.config.normalize.t2s });
  lap('normalize');
  const struct = structure(norm.text, norm.map);
  lap('structure');
  const tokens = segment(norm.text);
  lap('segment');
  // the manifest's (or caller's) date, else the date the source itself states (a page's published_time, a policy's 成文日期)
  const stated = typeof doc.meta?.date === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(doc.meta.date) ? doc.meta.date : null;
  const docDate = opts.docDate ?? stated;
  const messages: Message[] = [];
  const families: Record<string, number> = {};
  const extractions = runRules(
    {
      ctx: { text: norm.text, tokens, sentences: struct.sentences, blocks: struct.blocks, docDate },
      raw: doc.raw,
      map: norm.map,
      rules: new Set(pipeline.rules),
      overlap: pipeline.config.extract.overlap,
      timings: families,
    },
    messages,
  );
  lap('extract');
  for (const [k, v] of Object.entries(families)) timings[k] = Math.round(v * 100) / 100;
  const entities = resolveMentions(extractions.mentions);
  lap('resolve');
  const sentenceTokens = sentenceTokenStrings(tokens, struct.sentences);
  return {
    doc, norm, structure: struct, tokens, tokenCount: tokens.length, sentenceTokens, extractions, entities, docDate,
    pipeline: pipeline.name, pipelineHash: pipeline.hash, timings,
    messages: placeMessages([...early, ...(norm.messages ?? []), ...messages], norm.map),
  };
}

/** Readers that write one paragraph per line: their line breaks are real, there are no hard wraps to join. */
const PARAGRAPH_READERS = new Set(['html', 'docx', 'pdf']);

/** The pipeline's passes for this document: without `reflow` when its reader already wrote paragraphs. */
export function passesFor(doc: RawDoc, pipeline: Pipeline, messages: Message[]): string[] | undefined {
  const passes = pipeline.config.normalize.passes;
  if (!doc.format || !PARAGRAPH_READERS.has(doc.format)) return passes;
  const all = passes ?? [...DEFAULT_PASSES];
  if (!all.includes('reflow')) return all;
  messages.push({ code: 'I_PARAGRAPHS_FROM_SOURCE', severity: 'info', source: 'normalize.reflow', message: `reflow skipped: the ${doc.format} reader wrote one paragraph per line` });
  return all.filter((p) => p !== 'reflow');
}

/**
 * Every message with both coordinates where one side is known: a pass knows
 * raw positions, a rule normalized ones; the offset map gives the other.
 */
export function placeMessages(messages: Message[], map: OffsetMap): Message[] {
  const n = map.length;
  // the first normalized position whose raw position is at or after r
  const toNorm = (r: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (map.boundary(mid) < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return messages.map((m) => {
    let start = m.start ?? null;
    let end = m.end ?? null;
    let rawStart = m.rawStart ?? null;
    let rawEnd = m.rawEnd ?? null;
    if (start !== null && end !== null && rawStart === null && start <= end && end <= n) {
      [rawStart, rawEnd] = map.span(start, end);
    } else if (rawStart !== null && rawEnd !== null && start === null) {
      start = toNorm(rawStart);
      end = Math.max(start, toNorm(rawEnd));
    }
    return { ...m, start, end, rawStart, rawEnd };
  });
}
