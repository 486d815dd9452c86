/**
 * The record shape shared by `zhnews extract --jsonl` and `zhnews load`: one
 * object per document carrying everything `run` stores (document, repairs,
 * structure, sentence tokens, extractions, resolved entities, messages), so
 * that loading the records gives the database `run` would have written.
 * Every extraction carries normalized [start, end) and raw [rawStart, rawEnd)
 * offsets and the rule that made it; `text` is always the raw slice.
 *
 * The fields of the first, extraction-only shape (id, normalized, entities,
 * figures, quotes, relations) keep their names and meaning. `schemaVersion`
 * numbers the shape: a reader accepts every version up to its own and
 * refuses newer ones. An error line is `{id?, error, path?, code?}`.
 */
import { z } from 'zod';
import type { Figure, Mention, ProcessedDoc, Quote, Relation } from '../core/types.js';
import type { OffsetMap } from '../core/offsets.js';
import { sentenceTokenStrings } from '../segment/index.js';

/** Version of the record shape written here; bump when a field changes meaning or becomes required. */
export const RECORD_SCHEMA_VERSION = 1;

/** [pass, kind, rawStart, rawEnd, before, after], as in documents.repairs */
export type RepairTuple = [string, string, number, number, string, string];

export function toRecord(id: string | undefined, p: ProcessedDoc) {
  const { mentions, figures, quotes, relations } = p.extractions;
  const repairs: RepairTuple[] = p.repairColumns
    ? (JSON.parse(p.repairColumns.repairs) as RepairTuple[])
    : p.norm.repairs.map((r) => [r.pass, r.kind, r.rawStart, r.rawEnd, r.before, r.after]);
  return {
    ...(id !== undefined ? { id } : {}),
    schemaVersion: RECORD_SCHEMA_VERSION,
    docId: p.doc.id,
    path: p.doc.path,
    sha256: p.doc.sha256,
    encoding: p.doc.encoding,
    bytes: p.doc.bytes,
    format: p.doc.format ?? 'text',
    meta: p.doc.meta ?? null,
    layout: p.doc.layout ?? null,
    docDate: p.docDate,
    pipeline: p.pipeline,
    pipelineHash: p.pipelineHash,
    raw: p.doc.raw,
    normalized: p.norm.text,
    repairs,
    structure: p.structure,
    tokenCount: p.tokenCount ?? p.tokens.length,
    sentenceTokens: p.sentenceTokens ?? sentenceTokenStrings(p.tokens, p.structure.sentences),
    // every field of the mention (a field added later travels too); `entity` is null when unresolved
    entities: mentions.map((m) => ({ ...m, entity: m.entity ?? null })),
    figures: figures.map((f) => f),
    quotes: quotes.map((q) => q),
    relations: relations.map((r) => ({
      ...r,
      headText: mentions[r.head]?.norm ?? null,
      tailText: r.tail === null ? null : (mentions[r.tail]?.norm ?? null),
    })),
    resolvedEntities: p.entities,
    messages: p.messages ?? [],
    // the normalize passes' own messages, when the engine has not merged them into `messages`
    ...(p.norm.messages?.length ? { normMessages: p.norm.messages } : {}),
    timings: p.timings,
  };
}

export type DocRecord = ReturnType<typeof toRecord>;

// ---- validation ------------------------------------------------------------

const int = z.number().int();
const nint = int.nonnegative();
const span = { start: nint, end: nint, rawStart: nint, rawEnd: nint };
const stamp = { rule: z.string().min(1), ruleVersion: int };
const optStr = z.string().nullable().optional();
const attrs = z.record(z.string(), z.unknown()).optional();

const MentionSchema = z.looseObject({
  ...span,
  ...stamp,
  type: z.enum(['PERSON', 'ORG', 'LOC', 'POLICY', 'PRODUCT', 'EVENT']),
  text: z.string(),
  norm: z.string(),
  entity: z.string().nullable(),
  sentence: int,
  attrs,
});

const FigureSchema = z.looseObject({
  ...span,
  ...stamp,
  kind: z.string().min(1),
  text: z.string(),
  norm: z.string(),
  // what the writer turns into NULL may be missing
  value: z.number().nullish(),
  valueMax: z.number().nullish(),
  unit: z.string().nullish(),
  qualifier: z.string().min(1),
  date: optStr,
  dateEnd: optStr,
  metric: optStr,
  change: optStr,
  basis: optStr,
  subject: optStr,
  time: optStr,
  period: z.object({ start: z.string(), end: z.string() }).nullable().optional(),
  subjectEntity: optStr,
  sentence: int,
  attrs,
});

const optInt = int.nullable().optional();
const QuoteSchema = z.looseObject({
  ...span,
  ...stamp,
  text: z.string(),
  norm: z.string(),
  speaker: z.string().nullish(),
  speakerStart: optInt,
  speakerEnd: optInt,
  speakerRawStart: optInt,
  speakerRawEnd: optInt,
  cue: optStr,
});

const RelationSchema = z.looseObject({
  ...span,
  ...stamp,
  type: z.string().min(1),
  head: nint,
  tail: nint.nullable(),
  label: optStr,
  text: z.string(),
});

const MessageSchema = z.looseObject({
  code: z.string().min(1),
  severity: z.enum(['info', 'warning', 'error']),
  source: z.string(),
  message: z.string(),
  start: optInt,
  end: optInt,
  rawStart: optInt,
  rawEnd: optInt,
});

const StructureSchema = z.looseObject({
  articles: z.array(
    z.looseObject({ ...span, index: nint, headline: z.string().nullable(), reporters: z.array(z.string()), photographers: z.array(z.string()) }),
  ),
  blocks: z.array(z.looseObject({ ...span, index: nint, kind: z.string().min(1), article: int })),
  sentences: z.array(z.looseObject({ ...span, index: nint, block: int })),
});

/** A document record as `load` reads it (unknown extra fields are kept: a newer minor writer may add some). */
export const DocRecordSchema = z.looseObject({
  id: z.string().optional(),
  schemaVersion: int.min(1),
  docId: z.string(),
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string().min(1),
  bytes: nint,
  format: z.string().min(1).default('text'),
  meta: z.record(z.string(), z.unknown()).nullable().optional(),
  layout: z.unknown().optional(),
  docDate: z.string().nullable(),
  pipeline: z.string(),
  pipelineHash: z.string().min(1),
  raw: z.string(),
  normalized: z.string(),
  repairs: z.array(z.tuple([z.string(), z.string(), nint, nint, z.string(), z.string()])),
  structure: StructureSchema,
  tokenCount: nint,
  sentenceTokens: z.array(z.string()),
  entities: z.array(MentionSchema),
  figures: z.array(FigureSchema),
  quotes: z.array(QuoteSchema),
  relations: z.array(RelationSchema),
  resolvedEntities: z.array(
    z.looseObject({ key: z.string().min(1), type: z.string().min(1), name: z.string(), aliases: z.array(z.string()) }),
  ),
  messages: z.array(MessageSchema).default([]),
  normMessages: z.array(MessageSchema).optional(),
  timings: z.record(z.string(), z.number()).default({}),
});

export const ErrorRecordSchema = z.looseObject({
  id: z.string().optional(),
  error: z.string(),
  path: z.string().optional(),
  code: z.string().optional(),
});

export type ErrorRecord = z.infer<typeof ErrorRecordSchema>;
export type ParsedRecord = { kind: 'doc'; rec: z.infer<typeof DocRecordSchema> } | { kind: 'error'; rec: ErrorRecord };

export class RecordError extends Error {}

/**
 * Check one parsed JSON line: a document record or an error record. Throws
 * RecordError with a one-line reason (the first failing field) otherwise.
 */
export function parseRecord(value: unknown): ParsedRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecordError('expected a JSON object');
  const o = value as Record<string, unknown>;
  if (typeof o.error === 'string') return { kind: 'error', rec: check(ErrorRecordSchema, o) };
  if (o.schemaVersion === undefined) throw new RecordError('no schemaVersion: an extraction-only record from an older zhnews extract cannot be loaded (re-run extract)');
  if (typeof o.schemaVersion === 'number' && o.schemaVersion > RECORD_SCHEMA_VERSION) {
    throw new RecordError(`record schema version ${o.schemaVersion} is newer than this zhnews reads (${RECORD_SCHEMA_VERSION}); upgrade zhnews`);
  }
  const rec = check(DocRecordSchema, o);
  const n = rec.structure.sentences.length;
  if (rec.sentenceTokens.length !== n) throw new RecordError(`sentenceTokens has ${rec.sentenceTokens.length} entries for ${n} sentences`);
  if (rec.bytes < 0) throw new RecordError('bytes must not be negative');
  return { kind: 'doc', rec };
}

function check<T extends z.ZodType>(schema: T, o: unknown): z.infer<T> {
  const r = schema.safeParse(o);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : 'record';
  throw new RecordError(`${where}: ${issue.message}`);
}

/**
 * A checked document record back as the ProcessedDoc `run` would have stored.
 * The offset map and the token objects are not in the record: every span
 * carries raw offsets, and the writer needs only the sentence token strings.
 * Nothing is copied that the writer reads as it is (load's hot path): the
 * repairs stay in their stored JSON form (`repairColumns`, `norm.repairs` left
 * empty, as a worker thread sends them), and the mention and relation objects
 * are the record's own (an unresolved mention's `entity` is null rather than
 * absent; a relation keeps its headText/tailText); the writer stores both the
 * same way.
 */
export function fromRecord(rec: z.infer<typeof DocRecordSchema>): ProcessedDoc {
  const counts: Record<string, number> = {};
  for (const r of rec.repairs) counts[r[1]] = (counts[r[1]] ?? 0) + 1;
  return {
    doc: {
      id: rec.docId,
      path: rec.path,
      sha256: rec.sha256,
      encoding: rec.encoding,
      bytes: rec.bytes,
      raw: rec.raw,
      format: rec.format,
      ...(rec.meta ? { meta: rec.meta } : {}),
      ...(rec.layout !== undefined && rec.layout !== null ? { layout: rec.layout } : {}),
    },
    norm: {
      raw: rec.raw,
      text: rec.normalized,
      map: null as unknown as OffsetMap,
      repairs: [],
      ...(rec.normMessages ? { messages: rec.normMessages as ProcessedDoc['messages'] } : {}),
    },
    structure: rec.structure as unknown as ProcessedDoc['structure'],
    tokens: [],
    tokenCount: rec.tokenCount,
    sentenceTokens: rec.sentenceTokens,
    repairColumns: { repairs: JSON.stringify(rec.repairs), repairCounts: JSON.stringify(counts) },
    extractions: {
      mentions: rec.entities as unknown as Mention[],
      figures: rec.figures as unknown as Figure[],
      quotes: rec.quotes as unknown as Quote[],
      relations: rec.relations as unknown as Relation[],
    },
    entities: rec.resolvedEntities as unknown as ProcessedDoc['entities'],
    docDate: rec.docDate,
    pipeline: rec.pipeline,
    pipelineHash: rec.pipelineHash,
    timings: rec.timings,
    messages: rec.messages as ProcessedDoc['messages'],
  };
}
