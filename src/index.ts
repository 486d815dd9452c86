/**
 * zhnews as a library: the functions the CLI uses, typed.
 *
 * ```ts
 * import { loadPipeline, processText, openDatabase, storeDocument, queryFigures } from 'zhnews';
 * const pipeline = loadPipeline();                       // pipelines/default.yaml
 * const doc = processText('今年前7个月，天津市南开区固定资产投资同比增长36.8%。', { date: '2024-09-05' });
 * doc.extractions.figures[0];                             // { kind: 'period', text: '今年前7个月', … }
 * const db = openDatabase('news.db');
 * storeDocument(db, doc);
 * queryFigures(db, { kind: 'percent' });
 * ```
 */
import type { ProcessedDoc, RawDoc } from './core/types.js';
import { loadPipeline as load, DEFAULT_PIPELINE, type Pipeline } from './pipeline/config.js';
import { processDocument } from './pipeline/process.js';
import { manifestDate, readDocument, sha256 } from './ingest/index.js';
import { openDb, type DB } from './store/db.js';
import { DocWriter, type StoreResult } from './store/write.js';
import { toRecord } from './pipeline/records.js';

export type * from './core/types.js';
export type { Pipeline, PipelineConfig } from './pipeline/config.js';
export type { DB } from './store/db.js';
export type { StoreResult } from './store/write.js';
export { DEFAULT_PIPELINE };
export { normalize, PASSES, DEFAULT_PASSES, type NormalizeOptions } from './normalize/index.js';
export { toRecord } from './pipeline/records.js';
export { runBatch, type BatchOptions, type BatchSummary } from './pipeline/batch.js';
export {
  openQueryDb, findDocument, queryEntities, queryMentions, queryFigures, queryQuotes, queryPeople, search, QueryError,
  type EntityQuery, type EntityRow, type MentionQuery, type MentionRow, type FigureQuery, type FigureRow,
  type QuoteQuery, type QuoteRow, type PeopleQuery, type PersonRow, type SearchQuery, type SearchRow,
} from './query/index.js';
export { allRules } from './extract/registry.js';
export type { Rule, RuleContext, RuleMeta } from './extract/rule.js';

const pipelines = new Map<string, Pipeline>();

/** Load (and validate) a pipeline file; the default is the package's pipelines/default.yaml. Cached per file. */
export function loadPipeline(file: string = DEFAULT_PIPELINE): Pipeline {
  let p = pipelines.get(file);
  if (!p) {
    p = load(file);
    pipelines.set(file, p);
  }
  return p;
}

export interface ProcessOptions {
  /** document id (default: `text` for texts, the file name for files) */
  id?: string;
  /** ISO date of publication (YYYY-MM-DD): relative times resolve against it */
  date?: string | null;
  /** a loaded pipeline (default: loadPipeline()) */
  pipeline?: Pipeline;
}

/** Run every stage over one text: normalized text, structure, tokens, extractions with offsets and rule ids, messages. */
export function processText(text: string, opts: ProcessOptions = {}): ProcessedDoc {
  const bytes = Buffer.from(text, 'utf8');
  const id = opts.id ?? 'text';
  const doc: RawDoc = { id, path: `<${id}>`, sha256: sha256(bytes), encoding: 'utf-8', bytes: bytes.length, raw: text };
  return processDocument(doc, opts.pipeline ?? loadPipeline(), { docDate: opts.date ?? null });
}

/** Read, decode and process one file (the date comes from opts, or the folder's manifest.jsonl). */
export async function processFile(path: string, opts: ProcessOptions = {}): Promise<ProcessedDoc> {
  const doc = await readDocument(path);
  if (opts.id !== undefined) doc.id = opts.id;
  return processDocument(doc, opts.pipeline ?? loadPipeline(), { docDate: opts.date ?? manifestDate(path) });
}

/** One document as the JSON record `zhnews extract --jsonl` prints. */
export function extract(text: string, opts: ProcessOptions = {}): ReturnType<typeof toRecord> {
  return toRecord(opts.id, processText(text, opts));
}

/** Open (creating and migrating) a zhnews database. */
export function openDatabase(file: string): DB {
  return openDb(file);
}

const writers = new WeakMap<DB, DocWriter>();

/**
 * Store (or replace) one processed document in one transaction, and index its
 * sentences for full-text search. Unchanged documents (same path, content and
 * pipeline) are left as they are unless `force`.
 */
export function storeDocument(db: DB, doc: ProcessedDoc, opts: { force?: boolean } = {}): StoreResult {
  let w = writers.get(db);
  if (!w) {
    w = new DocWriter(db);
    writers.set(db, w);
  }
  const r = w.store(doc, null, opts.force ?? false);
  w.indexPending();
  return r;
}
