/**
 * The batch runner behind `zhnews run`: expands paths, reads files with
 * bounded concurrency (p-limit), skips documents whose content and pipeline
 * are unchanged, and processes the rest in worker threads. With one job this
 * thread stores them, in input order, 16 documents per transaction; with
 * several each worker stores its own, a group of 16 per turn at a shared
 * write lock (worker.ts). Each document is stored whole or not at all, and
 * outcomes and errors are reported in input order; the database content
 * does not depend on --jobs (row ids aside).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { migrate, type DB } from '../store/db.js';
import { deferIndexesIfEmpty, restoreIndexes } from '../store/indexes.js';
import { DocWriter, type DocRows } from '../store/write.js';
import { WriteLock } from './write-lock.js';
import { expandPaths, docIdOf, manifestDate, sha256 } from '../ingest/index.js';
import { NewsError, errorMessage, type ErrorCode } from '../core/errors.js';
import { WorkerPool, WORKER_STORE_GROUP, type WorkResult } from './pool.js';
import type { Pipeline } from './config.js';

export interface BatchOptions {
  paths: string[];
  pipeline: Pipeline;
  db: DB;
  jobs?: number;
  force?: boolean;
  /** which formats a folder walk takes (txt, md, html, docx, pdf); all by default */
  formats?: string[];
  /** database file, so that workers can store their own documents when jobs > 1 */
  dbFile?: string;
  /** called after each document with progress counters */
  onProgress?: (p: Progress) => void;
  /** called for each failed document with its one-line message */
  onError?: (path: string, code: ErrorCode, message: string) => void;
}

export interface Progress {
  done: number;
  total: number;
  bytes: number;
  seconds: number;
}

export interface BatchSummary {
  runId: number;
  processed: number;
  unchanged: number;
  failed: number;
  documents: number;
  articles: number;
  sentences: number;
  tokens: number;
  entities: number;
  mentions: number;
  figures: number;
  quotes: number;
  relations: number;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  maxRssMB: number;
  /**
   * CPU time of the whole process (every thread: main, workers, V8's
   * compiler and GC threads) over the run; cpuSeconds / seconds is how many
   * cores the run kept busy.
   */
  cpuSeconds: number;
  /** time the main thread spent storing; 0 when the workers store their own documents (jobs > 1) */
  storeSeconds: number;
}

/** Stored bytes after which the full-text index takes the batch of pending documents. */
const FTS_BATCH_BYTES = 8e6;

/**
 * With one job the main thread stores the workers' documents in groups of
 * this many (or of STORE_GROUP_BYTES of source), one transaction a group
 * (DocWriter.storeMany): a quarter less storing CPU than a commit each. The
 * worker keeps its queued documents meanwhile (a group stores in ~10 ms).
 */
const STORE_GROUP_DOCS = 16;
const STORE_GROUP_BYTES = 1e6;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export async function runBatch(opts: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const { db, pipeline } = opts;
  const jobs = Math.max(1, opts.jobs ?? defaultJobs());
  const writer = new DocWriter(db);
  // A run into an empty database builds its secondary indexes once at the end
  // (one sort each) instead of row by row in every document's commit, as
  // `load` does (store/indexes.ts); killed mid-way, the next open rebuilds them.
  const deferred = deferIndexesIfEmpty(db);
  const runId = Number(
    db
      .prepare("INSERT INTO runs (started_at, pipeline, pipeline_hash, args) VALUES (?, ?, ?, ?)")
      .run(new Date().toISOString(), pipeline.name, pipeline.hash, JSON.stringify({ paths: opts.paths, jobs, force: !!opts.force })).lastInsertRowid,
  );
  const insertError = db.prepare('INSERT INTO errors (run_id, path, code, message, at) VALUES (?, ?, ?, ?, ?)');
  const counts = { processed: 0, unchanged: 0, failed: 0, bytes: 0 };
  let storeMs = 0;
  // documents processed and waiting to be stored together (one job: see STORE_GROUP_DOCS)
  let group: Array<{ path: string; rows: DocRows }> = [];
  let groupBytes = 0;
  const storeGroup = () => {
    if (group.length === 0) return;
    const held = group;
    group = [];
    groupBytes = 0;
    const t0 = performance.now();
    const results = writer.storeMany(held.map((g) => g.rows), runId, opts.force);
    storeMs += performance.now() - t0;
    results.forEach((r, k) => {
      if (r instanceof Error) fail(held[k]!.path, 'E_STORE', `${held[k]!.path}: could not store: ${errorMessage(r)}`);
      else if (r.unchanged) counts.unchanged++;
      else counts.processed++;
    });
  };
  const fail = (path: string, code: ErrorCode, message: string) => {
    // errors are recorded in input order: the documents before this one are stored first
    storeGroup();
    counts.failed++;
    insertError.run(runId, path, code, message, new Date().toISOString());
    opts.onError?.(path, code, message);
  };

  const { files, missing } = await expandPaths(opts.paths, opts.formats);
  for (const m of missing) fail(m, 'E_NOT_FOUND', new NewsError('E_NOT_FOUND', m, 'no such file, folder or matching glob').message);

  const total = files.length;
  let done = 0;
  const progress = () => opts.onProgress?.({ done, total, bytes: counts.bytes, seconds: (performance.now() - started) / 1000 });

  // With one worker the main thread is an otherwise idle core: it stores while
  // the worker processes the next document. With several, storing here would
  // make this thread the bottleneck (on 2 cores it halved the speed-up), so
  // each worker stores its own documents; SQLite's write lock serializes them.
  const workersStore = jobs > 1 && !!opts.dbFile && opts.dbFile !== ':memory:';
  // stored documents reach the full-text index in batches (migration 003)
  let unindexedBytes = 0;
  // the workers that store take turns by this lock; the full-text batches here take it too
  const writeLock = workersStore ? new WriteLock() : undefined;
  const indexFullText = () => {
    try {
      if (writeLock) writeLock.run(() => writer.indexPending());
      else writer.indexPending();
    } catch (err) {
      opts.onError?.(opts.dbFile ?? ':memory:', 'E_STORE', `full-text index not updated: ${errorMessage(err)}`);
    }
    unindexedBytes = 0;
  };
  // workers (each loads jieba and the model) start with the first document that
  // needs processing: a re-run over unchanged documents starts none
  let pool: WorkerPool | null = null;
  const workers = (): WorkerPool => (pool ??= new WorkerPool(Math.min(jobs, files.length), pipeline.file, writeLock));
  const readLimit = pLimit(Math.max(4, jobs * 2));
  // Results are written strictly in input order; `window` bounds how many
  // documents may be read or in flight ahead of the writer (memory stays flat).
  // When the workers store, a result is only an outcome, so the window can be
  // wide: a long document then no longer holds the other workers idle while
  // the writer waits for it (head-of-line blocking).
  // A worker that stores holds up to a group of answers (WORKER_STORE_GROUP),
  // so the window leaves room for every worker's group and its next requests.
  const window = workersStore ? jobs * 2 * (WORKER_STORE_GROUP.docs + 4) : Math.max(4, jobs * 3);
  type Outcome = { kind: 'skip' } | { kind: 'error'; code: ErrorCode; message: string } | { kind: 'result'; result: WorkResult; bytes: number };
  const pending: Array<Promise<Outcome>> = [];

  // Reading is bounded by readLimit; waiting for a worker is not: the pool's
  // depth and `window` bound that (a storing worker holds a group's answers).
  const read = (i: number) =>
    readLimit((): { kind: 'read'; bytes: Buffer } | Outcome => {
      const path = files[i]!;
      let bytes: Buffer;
      try {
        // a synchronous read: news files are small, and fs/promises' open/stat/read/close
        // round trips were most of a re-run over unchanged documents
        bytes = readFileSync(path);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        return { kind: 'error', code: 'E_UNREADABLE', message: `${path}: cannot read file (${code ?? errorMessage(err)})` };
      }
      counts.bytes += bytes.length;
      // into a database that held no documents when the run began nothing is
      // unchanged: no hash, no look-up (the writer still compares path and
      // hash, so a document stored since, by this run or another, counts as unchanged)
      if (!opts.force && !deferred && writer.isUnchanged(path, sha256(bytes), pipeline.hash)) return { kind: 'skip' };
      return { kind: 'read', bytes };
    });
  const start = async (i: number): Promise<Outcome> => {
    const r = await read(i);
    if (r.kind !== 'read') return r;
    const { bytes } = r;
    const path = files[i]!;
    const size = bytes.length;
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const store = workersStore ? { db: opts.dbFile!, runId, force: !!opts.force } : undefined;
    const result = await workers().run({ seq: i, id: docIdOf(path), path, bytes: ab, docDate: manifestDate(path), store });
    return { kind: 'result', result, bytes: size }; // ab is transferred (empty) by now
  };

  try {
    let next = 0;
    for (; next < Math.min(window, total); next++) pending.push(start(next));
    for (let i = 0; i < total; i++) {
      const outcome = await pending[i]!;
      pending[i] = undefined as unknown as Promise<Outcome>;
      if (next < total) pending.push(start(next++));
      const path = files[i]!;
      if (outcome.kind === 'skip') counts.unchanged++;
      else if (outcome.kind === 'error') fail(path, outcome.code, outcome.message);
      else if (!outcome.result.ok) fail(path, outcome.result.code, outcome.result.message);
      else if ('stored' in outcome.result) {
        if (outcome.result.stored.unchanged) counts.unchanged++;
        else counts.processed++;
      } else {
        group.push({ path, rows: outcome.result.rows });
        groupBytes += outcome.bytes;
        if (group.length >= STORE_GROUP_DOCS || groupBytes >= STORE_GROUP_BYTES) storeGroup();
      }
      done++;
      if (outcome.kind === 'result') unindexedBytes += outcome.bytes;
      if (unindexedBytes >= FTS_BATCH_BYTES) {
        storeGroup();
        indexFullText();
      }
      progress();
    }
  } finally {
    storeGroup();
    await (pool as WorkerPool | null)?.close();
  }
  indexFullText();
  if (deferred) restoreIndexes(db, (d) => migrate(d));

  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const status = counts.failed > 0 ? 'partial' : 'ok';
  db.prepare('UPDATE runs SET finished_at = ?, status = ?, processed = ?, unchanged = ?, failed = ? WHERE id = ?').run(
    new Date().toISOString(), status, counts.processed, counts.unchanged, counts.failed, runId,
  );
  const totals = summarize(db, files);
  return {
    runId,
    ...counts,
    ...totals,
    seconds: Math.round(seconds * 1000) / 1000,
    mbPerSecond: Math.round((counts.bytes / 1e6 / Math.max(seconds, 1e-6)) * 1000) / 1000,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
    storeSeconds: Math.round(storeMs) / 1000,
  };
}

/** Totals over the batch's documents as now stored (so a re-run still reports what the corpus holds). */
function summarize(db: DB, files: string[]) {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS batch_paths (path TEXT PRIMARY KEY)');
  db.exec('DELETE FROM batch_paths');
  const ins = db.prepare('INSERT OR IGNORE INTO batch_paths (path) VALUES (?)');
  db.transaction(() => files.forEach((f) => ins.run(f)))();
  const q = (sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
  const docs = 'SELECT id FROM documents WHERE path IN (SELECT path FROM batch_paths)';
  return {
    documents: q(`SELECT count(*) n FROM documents WHERE path IN (SELECT path FROM batch_paths)`),
    articles: q(`SELECT count(*) n FROM articles WHERE doc IN (${docs})`),
    sentences: q(`SELECT count(*) n FROM sentences WHERE doc IN (${docs})`),
    tokens: q(`SELECT sum(tokens) n FROM documents WHERE path IN (SELECT path FROM batch_paths)`),
    entities: q(`SELECT count(DISTINCT entity) n FROM mentions WHERE doc IN (${docs})`),
    mentions: q(`SELECT count(*) n FROM mentions WHERE doc IN (${docs})`),
    figures: q(`SELECT count(*) n FROM figures WHERE doc IN (${docs})`),
    quotes: q(`SELECT count(*) n FROM quotes WHERE doc IN (${docs})`),
    relations: q(`SELECT count(*) n FROM relations WHERE doc IN (${docs})`),
  };
}
