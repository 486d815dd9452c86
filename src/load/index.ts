/**
 * Loading `zhnews extract --jsonl` records into SQLite, so that a database
 * filled by any engine that ran the filter over shards is the one `zhnews run`
 * would have written: each record becomes a ProcessedDoc (fromRecord) and goes
 * through the same DocWriter, one transaction per document; the full-text
 * index is filled in batches as `run` fills it.
 *
 * Idempotent: a document whose path, sha256 and pipeline hash are already
 * stored is skipped, and an error line already stored is not stored again, so
 * a killed load can simply be re-run and a shard loaded twice changes nothing.
 * A line that is not a valid record is reported with its file and line number
 * (and kept in `errors`); the rest loads.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { migrate, type DB } from '../store/db.js';
import { deferIndexesIfEmpty, restoreIndexes } from '../store/indexes.js';
import { DocWriter } from '../store/write.js';
import type { Pipeline } from '../pipeline/config.js';
import { fromRecord, parseRecord, RecordError, type ParsedRecord } from '../pipeline/records.js';
import { quickRecord } from './check.js';
import { errorMessage } from '../core/errors.js';

/** Stored document bytes after which the full-text index takes the pending documents (as `run`). */
export const FTS_BATCH_BYTES = 8e6;

export interface LoadOptions {
  db: DB;
  /** the pipeline the database is loaded for: records made by another pipeline hash are refused */
  pipeline: Pipeline;
  /** store records of other pipeline hashes too (each keeps its own hash) */
  acceptOtherPipeline?: boolean;
  /**
   * documents per commit (default 1: one transaction per document). Above 1,
   * each document is still all-or-nothing (a savepoint inside the commit),
   * a kill loses at most this many documents' storing (a re-run stores them),
   * and the writer commits far less often: a third less storing time.
   */
  commitEvery?: number;
  /**
   * into a database without documents, build the secondary indexes once at
   * the end instead of row by row (default true; see src/store/indexes.ts)
   */
  deferIndexes?: boolean;
  /** every few hundred lines, and at the end */
  onProgress?: (p: LoadProgress) => void;
  /** one line per problem: a bad line, a refused pipeline, a store failure */
  onProblem?: (message: string) => void;
}

export interface LoadProgress {
  file: string;
  lines: number;
  bytes: number;
  seconds: number;
}

export interface LoadSummary {
  runId: number;
  files: number;
  lines: number;
  /** documents stored (new or changed) */
  loaded: number;
  /** documents already stored with the same content and pipeline hash */
  unchanged: number;
  /** error lines stored in `errors` (not counting ones already there) */
  errors: number;
  /** lines that were no valid record (reported with file and line) */
  corrupt: number;
  /** records of another pipeline hash, not loaded */
  refused: number;
  /** documents whose store failed */
  failed: number;
  /** JSONL bytes read */
  bytes: number;
  seconds: number;
  mbPerSecond: number;
}

/** Loads lines into one database; `line` is the unit (the bench calls it directly), `file`/`stream` feed it. */
export class Loader {
  readonly runId: number;
  private readonly writer: DocWriter;
  private readonly findError;
  private readonly insertError;
  private readonly started = performance.now();
  private unindexed = 0;
  private uncommitted = 0;
  private readonly commitEvery: number;
  private readonly refusedSeen = new Set<string>();
  /** the deferrable indexes were dropped and wait for finish() */
  private deferred = false;
  private readonly autocheckpoint: number;
  readonly counts = { files: 0, lines: 0, loaded: 0, unchanged: 0, errors: 0, corrupt: 0, refused: 0, failed: 0, bytes: 0 };

  constructor(private readonly opts: LoadOptions, args: unknown = {}) {
    const { db, pipeline } = opts;
    this.commitEvery = Math.max(1, Math.floor(opts.commitEvery ?? 1));
    // the writer checkpoints the WAL every 40 MB instead of 4 (a page many commits rewrite is copied back once); finish() restores the setting
    this.autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.writer = new DocWriter(db);
    if (opts.deferIndexes !== false) this.deferred = deferIndexesIfEmpty(db);
    this.runId = Number(
      db
        .prepare('INSERT INTO runs (started_at, pipeline, pipeline_hash, args) VALUES (?, ?, ?, ?)')
        .run(new Date().toISOString(), pipeline.name, pipeline.hash, JSON.stringify({ command: 'load', ...(args as object) })).lastInsertRowid,
    );
    this.findError = db.prepare('SELECT 1 FROM errors WHERE path = ? AND code = ? AND message = ? LIMIT 1');
    this.insertError = db.prepare('INSERT INTO errors (run_id, path, code, message, at) VALUES (?, ?, ?, ?, ?)');
  }

  private problem(message: string): void {
    this.opts.onProblem?.(message);
  }

  private storeError(path: string, code: string, message: string): boolean {
    if (this.findError.get(path, code, message)) return false;
    this.insertError.run(this.runId, path, code, message, new Date().toISOString());
    return true;
  }

  /** One JSONL line of `file` (line numbers from 1). */
  line(text: string, file: string, lineNo: number, bytes = Buffer.byteLength(text, 'utf8') + 1): void {
    const c = this.counts;
    c.lines++;
    c.bytes += bytes;
    if (text.trim() === '') return;
    const where = `${file}:${lineNo}`;
    let parsed: ParsedRecord;
    try {
      const value: unknown = JSON.parse(text);
      // the quick check passes nearly every line; zod names the problem of the rest
      const quick = quickRecord(value);
      parsed = quick ? { kind: 'doc', rec: quick } : parseRecord(value);
    } catch (err) {
      c.corrupt++;
      const reason = err instanceof RecordError ? err.message : err instanceof SyntaxError ? `not valid JSON (${err.message})` : errorMessage(err);
      const message = `${where}: not a zhnews record: ${reason}`;
      this.problem(message);
      this.storeError(file, 'E_RECORD', message);
      return;
    }
    if (parsed.kind === 'error') {
      const e = parsed.rec;
      if (this.storeError(e.path ?? where, e.code ?? 'E_PROCESS', e.error)) c.errors++;
      return;
    }
    const rec = parsed.rec;
    const { pipeline } = this.opts;
    if (rec.pipelineHash !== pipeline.hash && !this.opts.acceptOtherPipeline) {
      c.refused++;
      const key = `${file}\0${rec.pipelineHash}`;
      if (!this.refusedSeen.has(key)) {
        this.refusedSeen.add(key);
        this.problem(
          `${where}: made by pipeline "${rec.pipeline}" (hash ${rec.pipelineHash.slice(0, 12)}…), but the database is loaded for "${pipeline.name}" ` +
            `(hash ${pipeline.hash.slice(0, 12)}…); not loaded (nor this file's other such lines). ` +
            'Load with --pipeline set to the pipeline that made them, or --accept-other-pipeline to store them as they are',
        );
      }
      return;
    }
    // an unchanged document is found by the writer inside its transaction (no write, so its commit costs
    // nothing); asking first, outside it, would cost every new document a read transaction of its own
    // several documents per commit: the writer's own transaction becomes a savepoint inside ours
    if (this.commitEvery > 1 && !this.opts.db.inTransaction) this.opts.db.exec('BEGIN IMMEDIATE');
    try {
      const r = this.writer.store(fromRecord(rec), this.runId);
      if (r.unchanged) c.unchanged++;
      else {
        c.loaded++;
        this.unindexed += rec.bytes;
      }
    } catch (err) {
      c.failed++;
      const message = `${rec.path}: could not store (${where}): ${errorMessage(err)}`;
      this.problem(message);
      this.storeError(rec.path, 'E_STORE', message);
    }
    if (++this.uncommitted >= this.commitEvery) this.commit();
    if (this.unindexed >= FTS_BATCH_BYTES) this.indexFullText();
  }

  private commit(): void {
    if (this.opts.db.inTransaction) this.opts.db.exec('COMMIT');
    this.uncommitted = 0;
  }

  indexFullText(): void {
    this.commit();
    try {
      this.writer.indexPending();
    } catch (err) {
      this.problem(`full-text index not updated: ${errorMessage(err)}`);
    }
    this.unindexed = 0;
  }

  /**
   * Every line of a stream (a file, or stdin as "-"): split at "\n" on the
   * bytes (a "\r" before it is dropped) and decoded a line at a time, which
   * costs a third less than readline's decoding and splitting.
   */
  async stream(input: Readable, file: string): Promise<void> {
    this.counts.files++;
    let n = 0;
    let parts: Buffer[] = [];
    const emit = (buf: Buffer, start: number, end: number) => {
      const bytes = end - start + 1;
      if (end > start && buf[end - 1] === 0x0d) end--;
      this.line(buf.toString('utf8', start, end), file, ++n, bytes);
      if (n % 200 === 0) this.progress(file);
    };
    for await (const data of input) {
      const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : (data as Buffer);
      let start = 0;
      let nl = chunk.indexOf(0x0a);
      if (nl !== -1 && parts.length > 0) {
        // the line begun in earlier chunks ends here
        parts.push(chunk.subarray(0, nl));
        const whole = Buffer.concat(parts);
        parts = [];
        emit(whole, 0, whole.length);
        start = nl + 1;
        nl = chunk.indexOf(0x0a, start);
      }
      for (; nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        emit(chunk, start, nl);
        start = nl + 1;
      }
      if (start < chunk.length) parts.push(chunk.subarray(start));
    }
    if (parts.length > 0) {
      // a last line without "\n" (counted as if it had one, as readline's was)
      const whole = Buffer.concat(parts);
      emit(whole, 0, whole.length);
    }
    this.progress(file);
  }

  async file(file: string): Promise<void> {
    if (file === '-') return this.stream(process.stdin, '<stdin>');
    const input = createReadStream(file, { highWaterMark: 1 << 20 });
    const opened = new Promise<void>((res, rej) => {
      input.once('readable', () => res());
      input.once('error', rej);
    });
    try {
      await opened;
    } catch (err) {
      this.counts.files++;
      this.counts.corrupt++;
      const code = (err as NodeJS.ErrnoException).code;
      const message = `${file}: cannot read results file (${code ?? errorMessage(err)})`;
      this.problem(message);
      this.storeError(file, 'E_UNREADABLE', message);
      return;
    }
    return this.stream(input, file);
  }

  private progress(file: string): void {
    this.opts.onProgress?.({ file, lines: this.counts.lines, bytes: this.counts.bytes, seconds: (performance.now() - this.started) / 1000 });
  }

  /** Build the indexes this load deferred (finish does; call it when a load stops early). */
  restoreIndexes(): void {
    if (this.deferred) {
      this.commit();
      restoreIndexes(this.opts.db, (d) => migrate(d));
      this.deferred = false;
    }
    this.opts.db.pragma(`wal_autocheckpoint = ${this.autocheckpoint}`);
  }

  /** Index what is pending, build deferred indexes, close the run's row, and sum up. */
  finish(): LoadSummary {
    this.indexFullText();
    this.restoreIndexes();
    const c = this.counts;
    const seconds = (performance.now() - this.started) / 1000;
    const bad = c.corrupt + c.refused + c.failed;
    this.opts.db
      .prepare('UPDATE runs SET finished_at = ?, status = ?, processed = ?, unchanged = ?, failed = ? WHERE id = ?')
      .run(new Date().toISOString(), bad > 0 ? 'partial' : 'ok', c.loaded, c.unchanged, c.errors + bad, this.runId);
    return {
      runId: this.runId,
      ...c,
      seconds: Math.round(seconds * 1000) / 1000,
      mbPerSecond: Math.round((c.bytes / 1e6 / Math.max(seconds, 1e-6)) * 1000) / 1000,
    };
  }
}

/** Load result files (or "-" for stdin) in order; returns the summary. */
export async function loadFiles(files: readonly string[], opts: LoadOptions): Promise<LoadSummary> {
  const loader = new Loader(opts, { files });
  try {
    for (const f of files.length > 0 ? files : ['-']) await loader.file(f);
  } catch (err) {
    loader.restoreIndexes();
    throw err;
  }
  return loader.finish();
}
