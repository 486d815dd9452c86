/**
 * A processed document as the rows DocWriter writes: one object for the
 * documents row and, per child table, one flat array of column values (row
 * after row, in the order of the table's INSERT in write.ts, without `doc`
 * and `seq`: the writer adds those).
 *
 * A worker builds this and posts it to the storing thread instead of the
 * ProcessedDoc: flat arrays of strings and numbers cost a third of what tens
 * of thousands of small span objects cost to clone (v8 serialize +
 * deserialize, measured on 2,000 bench articles: 0.17 s against 0.51 s), and
 * the JSON columns (attrs, reporters, timings) are made where the CPU is
 * already busy with the document. `docRows` is the only place that decides
 * what a column holds; the writer only binds.
 */
import type { ProcessedDoc } from '../core/types.js';
import { sentenceTokenStrings } from '../segment/index.js';

export type Cell = string | number | null;

/** Values per row of each flat array. */
export const WIDTH = {
  articles: 8,
  blocks: 7,
  sentences: 7,
  entities: 3,
  aliases: 2,
  mentions: 12,
  figures: 25,
  messages: 8,
  quotes: 14,
  relations: 11,
} as const;

export interface DocRows {
  /** the documents row, without run_id and processed_at (the writer sets them) */
  doc: {
    doc_id: string;
    path: string;
    sha256: string;
    encoding: string;
    bytes: number;
    tokens: number;
    raw: string;
    normalized: string;
    doc_date: string | null;
    pipeline: string;
    pipeline_hash: string;
    repair_counts: string;
    repairs: string;
    timings: string;
    format: string;
    meta: string | null;
    layout: string | null;
  };
  /** idx, headline, reporters, photographers, start, end, raw_start, raw_end */
  articles: Cell[];
  /** idx, kind, article, start, end, raw_start, raw_end */
  blocks: Cell[];
  /** idx, block, tokens, start, end, raw_start, raw_end (text is the normalized slice start…end) */
  sentences: Cell[];
  /** key, type, name */
  entities: Cell[];
  /** alias, entity (each entity's name, then its aliases) */
  aliases: Cell[];
  /** entity, type, text, norm, sentence, start, end, raw_start, raw_end, rule, rule_version, attrs */
  mentions: Cell[];
  /**
   * kind, text, norm, value, value_max, unit, qualifier, date, date_end, metric, change, basis, subject, time,
   * sentence, start, end, raw_start, raw_end, rule, rule_version, attrs, period_start, period_end, subject_entity
   */
  figures: Cell[];
  /** code, severity, source, message, start, end, raw_start, raw_end */
  messages: Cell[];
  /** text, norm, speaker, cue, speaker_start, speaker_end, speaker_raw_start, speaker_raw_end, start, end, raw_start, raw_end, rule, rule_version */
  quotes: Cell[];
  /** type, head, tail, label, text, start, end, raw_start, raw_end, rule, rule_version */
  relations: Cell[];
}

/** A JSON column: NULL for a missing or empty object. */
export function jsonColumn(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object' && Object.keys(v as object).length === 0) return null;
  return JSON.stringify(v);
}

/** The documents.repairs (JSON array of [pass, kind, raw_start, raw_end, before, after]) and repair_counts ({kind: n}) columns. */
export function repairColumns(repairs: ProcessedDoc['norm']['repairs']): { repairs: string; repairCounts: string } {
  const counts: Record<string, number> = {};
  for (const r of repairs) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return {
    repairs: JSON.stringify(repairs.map((r) => [r.pass, r.kind, r.rawStart, r.rawEnd, r.before, r.after])),
    repairCounts: JSON.stringify(counts),
  };
}

function finite(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The rows of one processed document. */
export function docRows(p: ProcessedDoc): DocRows {
  const rc = p.repairColumns ?? repairColumns(p.norm.repairs);
  const articles: Cell[] = [];
  for (const a of p.structure.articles) {
    articles.push(a.index, a.headline, JSON.stringify(a.reporters), JSON.stringify(a.photographers), a.start, a.end, a.rawStart, a.rawEnd);
  }
  const blocks: Cell[] = [];
  for (const b of p.structure.blocks) blocks.push(b.index, b.kind, b.article, b.start, b.end, b.rawStart, b.rawEnd);
  const sentenceTokens = p.sentenceTokens ?? sentenceTokenStrings(p.tokens, p.structure.sentences);
  const sentences: Cell[] = [];
  p.structure.sentences.forEach((sen, i) => sentences.push(sen.index, sen.block, sentenceTokens[i] ?? '', sen.start, sen.end, sen.rawStart, sen.rawEnd));
  const entities: Cell[] = [];
  const aliases: Cell[] = [];
  for (const e of p.entities) {
    entities.push(e.key, e.type, e.name);
    aliases.push(e.name, e.key);
    for (const a of e.aliases) aliases.push(a, e.key);
  }
  const ex = p.extractions;
  const mentions: Cell[] = [];
  for (const m of ex.mentions) {
    mentions.push(m.entity ?? null, m.type, m.text, m.norm, m.sentence, m.start, m.end, m.rawStart, m.rawEnd, m.rule, m.ruleVersion, jsonColumn(m.attrs));
  }
  const figures: Cell[] = [];
  for (const f of ex.figures) {
    figures.push(
      f.kind, f.text, f.norm, finite(f.value), finite(f.valueMax), f.unit, f.qualifier, f.date ?? null, f.dateEnd ?? null,
      f.metric ?? null, f.change ?? null, f.basis ?? null, f.subject ?? null, f.time ?? null, f.sentence,
      f.start, f.end, f.rawStart, f.rawEnd, f.rule, f.ruleVersion, jsonColumn(f.attrs),
      f.period?.start ?? null, f.period?.end ?? null, f.subjectEntity ?? null,
    );
  }
  const messages: Cell[] = [];
  for (const m of p.messages ?? []) {
    messages.push(m.code, m.severity, m.source, m.message, m.start ?? null, m.end ?? null, m.rawStart ?? null, m.rawEnd ?? null);
  }
  const quotes: Cell[] = [];
  for (const q of ex.quotes) {
    quotes.push(
      q.text, q.norm, q.speaker, q.cue ?? null, q.speakerStart ?? null, q.speakerEnd ?? null, q.speakerRawStart ?? null,
      q.speakerRawEnd ?? null, q.start, q.end, q.rawStart, q.rawEnd, q.rule, q.ruleVersion,
    );
  }
  const relations: Cell[] = [];
  // a relation with one end (person-title: no organisation named) has tail NULL (migration 005)
  for (const r of ex.relations) relations.push(r.type, r.head, r.tail, r.label ?? null, r.text, r.start, r.end, r.rawStart, r.rawEnd, r.rule, r.ruleVersion);
  return {
    doc: {
      doc_id: p.doc.id,
      path: p.doc.path,
      sha256: p.doc.sha256,
      encoding: p.doc.encoding,
      bytes: p.doc.bytes,
      tokens: p.tokenCount ?? p.tokens.length,
      raw: p.doc.raw,
      normalized: p.norm.text,
      doc_date: p.docDate,
      pipeline: p.pipeline,
      pipeline_hash: p.pipelineHash,
      repair_counts: rc.repairCounts,
      repairs: rc.repairs,
      timings: JSON.stringify(p.timings),
      format: p.doc.format ?? 'text',
      meta: jsonColumn(p.doc.meta),
      layout: p.doc.layout === undefined || p.doc.layout === null ? null : JSON.stringify(p.doc.layout),
    },
    articles, blocks, sentences, entities, aliases, mentions, figures, messages, quotes, relations,
  };
}
