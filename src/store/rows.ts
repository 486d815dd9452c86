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
  for (let i = 0; i < repairs.length; i++) {
    const kind = repairs[i]!.kind;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return {
    repairs: JSON.stringify(repairs.map((r) => [r.pass, r.kind, r.rawStart, r.rawEnd, r.before, r.after])),
    repairCounts: JSON.stringify(counts),
  };
}

function finite(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The rows of one processed document, one small function per table: the
 * records of different rules have different shapes, so a document bringing a
 * shape not seen before throws away the optimized code that reads them, and
 * then only that table's function is compiled again (one function for every
 * table was compiled five times per worker over 2,000 bench files, 0.6 s of
 * compiling). Indexed loops: no iterator objects.
 */
export function docRows(p: ProcessedDoc): DocRows {
  const rc = p.repairColumns ?? repairColumns(p.norm.repairs);
  const articles = articleRows(p.structure.articles);
  const blocks = blockRows(p.structure.blocks);
  const sentences = sentenceRows(p.structure.sentences, p.sentenceTokens ?? sentenceTokenStrings(p.tokens, p.structure.sentences));
  const entities: Cell[] = [];
  const aliases: Cell[] = [];
  entityRows(p.entities, entities, aliases);
  const ex = p.extractions;
  const mentions = mentionRows(ex.mentions);
  const figures = figureRows(ex.figures);
  const messages = messageRows(p.messages ?? []);
  const quotes = quoteRows(ex.quotes);
  const relations = relationRows(ex.relations);
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

function articleRows(list: ProcessedDoc['structure']['articles']): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    out.push(a.index, a.headline, JSON.stringify(a.reporters), JSON.stringify(a.photographers), a.start, a.end, a.rawStart, a.rawEnd);
  }
  return out;
}

function blockRows(list: ProcessedDoc['structure']['blocks']): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < list.length; i++) {
    const b = list[i]!;
    out.push(b.index, b.kind, b.article, b.start, b.end, b.rawStart, b.rawEnd);
  }
  return out;
}

function sentenceRows(list: ProcessedDoc['structure']['sentences'], tokens: readonly string[]): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < list.length; i++) {
    const sen = list[i]!;
    out.push(sen.index, sen.block, tokens[i] ?? '', sen.start, sen.end, sen.rawStart, sen.rawEnd);
  }
  return out;
}

/** Each entity, and as aliases its name, then its other names. */
function entityRows(list: ProcessedDoc['entities'], entities: Cell[], aliases: Cell[]): void {
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    entities.push(e.key, e.type, e.name);
    aliases.push(e.name, e.key);
    const names = e.aliases;
    for (let k = 0; k < names.length; k++) aliases.push(names[k]!, e.key);
  }
}

function mentionRows(list: ProcessedDoc['extractions']['mentions']): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < list.length; i++) {
    const m = list[i]!;
    out.push(m.entity ?? null, m.type, m.text, m.norm, m.sentence, m.start, m.end, m.rawStart, m.rawEnd, m.rule, m.ruleVersion, jsonColumn(m.attrs));
  }
  return out;
}

function figureRows(list: ProcessedDoc['extractions']['figures']): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < list.length; i++) {
    const f = list[i]!;
    out.push(
      f.kind, f.text, f.norm, finite(f.value), finite(f.valueMax), f.unit, f.qualifier, f.date ?? null, f.dateEnd ?? null,
      f.metric ?? null, f.change ?? null, f.basis ?? null, f.subject ?? null, f.time ?? null, f.sentence,
      f.start, f.end, f.rawStart, f.rawEnd, f.rule, f.ruleVersion, jsonColumn(f.attrs),
      f.period?.start ?? null, f.period?.end ?? null, f.subjectEntity ?? null,
    );
  }
  return out;
}

function messageRows(list: readonly NonNullable<ProcessedDoc['messages']>[number][]): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < list.length; i++) {
    const m = list[i]!;
    out.push(m.code, m.severity, m.source, m.message, m.start ?? null, m.end ?? null, m.rawStart ?? null, m.rawEnd ?? null);
  }
  return out;
}

function quoteRows(list: ProcessedDoc['extractions']['quotes']): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < list.length; i++) {
    const q = list[i]!;
    out.push(
      q.text, q.norm, q.speaker, q.cue ?? null, q.speakerStart ?? null, q.speakerEnd ?? null, q.speakerRawStart ?? null,
      q.speakerRawEnd ?? null, q.start, q.end, q.rawStart, q.rawEnd, q.rule, q.ruleVersion,
    );
  }
  return out;
}

/** A relation with one end (person-title: no organisation named) has tail NULL (migration 005). */
function relationRows(list: ProcessedDoc['extractions']['relations']): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < list.length; i++) {
    const r = list[i]!;
    out.push(r.type, r.head, r.tail, r.label ?? null, r.text, r.start, r.end, r.rawStart, r.rawEnd, r.rule, r.ruleVersion);
  }
  return out;
}
