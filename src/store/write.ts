/**
 * Writing one processed document: one transaction that first removes every
 * row the document had, then inserts the new ones, so a reader or a crash
 * sees the old document or the new one, never half of either. Its sentences
 * reach the full-text index later, with many other documents' in one batch
 * (`indexPending`; see migration 003).
 */
import type { DB } from './db.js';
import type { ProcessedDoc } from '../core/types.js';
import { docRows, WIDTH, type Cell, type DocRows } from './rows.js';

export { docRows, type DocRows } from './rows.js';

export interface StoreResult {
  docRowId: number;
  /** true when an identical document (same path, sha256 and pipeline hash) was already stored */
  unchanged: boolean;
}

/**
 * WAL frames after which a connection that stores documents checkpoints (about
 * 40 MB; SQLite's default is 1,000). Each document's commit appends every page
 * it touched to the WAL, index pages keyed in no particular order above all
 * (90 pages a news article, for 4 KB of text), and a checkpoint copies each
 * page into the database once however many commits appended it: checkpointing
 * ten times less often copies far fewer pages: a fifth less storing CPU.
 * Durability is the same (synchronous = NORMAL: the WAL is synced at each
 * checkpoint); readers find a longer WAL to search.
 */
export const WRITER_AUTOCHECKPOINT = 10_000;

/**
 * Bytes of new index entries FTS5 gathers in memory before writing them out
 * as a segment (its `hashsize` option; SQLite's default is 1 MiB). A batch of
 * pending documents (several MB of text) then becomes a few segments instead
 * of one a MiB, which FTS5 would merge again while the batch runs: a fifth
 * less CPU a batch (measured over the 67,000 sentences of 2,000 bench
 * articles, 0.46 s against 0.37 s). Memory is bounded by the same figure; the
 * index, and so every query's answer, is the same. A BigInt: FTS5 takes only
 * an integer.
 */
export const FTS_HASH_SIZE = 16n * 1024n * 1024n;

export class DocWriter {
  private readonly stmts;
  private readonly storeTx;

  constructor(private readonly db: DB) {
    if ((db.pragma('wal_autocheckpoint', { simple: true }) as number) < WRITER_AUTOCHECKPOINT) db.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT}`);
    const p = (sql: string) => db.prepare(sql);
    this.stmts = {
      find: p('SELECT id, sha256, pipeline_hash, fts_pending FROM documents WHERE path = ?'),
      oldKeys: p('SELECT DISTINCT entity FROM mentions WHERE doc = ? AND entity IS NOT NULL'),
      ftsDelete: p("INSERT INTO sentences_fts(sentences_fts, rowid, tokens) SELECT 'delete', id, tokens FROM sentences WHERE doc = ?"),
      deleteDoc: p('DELETE FROM documents WHERE id = ?'),
      orphan: p('DELETE FROM entities WHERE key = ? AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity = ?)'),
      insertDoc: p(`INSERT INTO documents (doc_id, path, sha256, encoding, bytes, tokens, raw, normalized, doc_date, pipeline, pipeline_hash,
          repair_counts, repairs, timings, run_id, processed_at, fts_pending, format, meta, layout)
        VALUES (@doc_id, @path, @sha256, @encoding, @bytes, @tokens, @raw, @normalized, @doc_date, @pipeline, @pipeline_hash,
          @repair_counts, @repairs, @timings, @run_id, @processed_at, 1, @format, @meta, @layout)`),
      article: p('INSERT INTO articles (doc, idx, headline, reporters, photographers, start, end, raw_start, raw_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      block: p('INSERT INTO blocks (doc, idx, kind, article, start, end, raw_start, raw_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      sentence: p('INSERT INTO sentences (doc, idx, block, text, tokens, start, end, raw_start, raw_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      pending: p('SELECT count(*) AS n FROM documents WHERE fts_pending = 1'),
      indexPending: p(`INSERT INTO sentences_fts (rowid, tokens)
        SELECT s.id, s.tokens FROM sentences s WHERE s.doc IN (SELECT id FROM documents WHERE fts_pending = 1) ORDER BY s.id`),
      clearPending: p('UPDATE documents SET fts_pending = 0 WHERE fts_pending = 1'),
      ftsHashSize: p("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('hashsize', ?)"),
      entity: p('INSERT INTO entities (key, type, name) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING'),
      alias: p('INSERT OR IGNORE INTO aliases (alias, entity) VALUES (?, ?)'),
      mention: p(`INSERT INTO mentions (doc, seq, entity, type, text, norm, sentence, start, end, raw_start, raw_end, rule, rule_version, attrs)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      figure: p(`INSERT INTO figures (doc, seq, kind, text, norm, value, value_max, unit, qualifier, date, date_end, metric, change, basis,
          subject, time, sentence, start, end, raw_start, raw_end, rule, rule_version, attrs, period_start, period_end, subject_entity)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      message: p(`INSERT INTO messages (doc, seq, code, severity, source, message, start, end, raw_start, raw_end)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      quote: p(`INSERT INTO quotes (doc, seq, text, norm, speaker, cue, speaker_start, speaker_end, speaker_raw_start, speaker_raw_end,
          start, end, raw_start, raw_end, rule, rule_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      relation: p(`INSERT INTO relations (doc, seq, type, head, tail, label, text, start, end, raw_start, raw_end, rule, rule_version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
    this.storeTx = db.transaction((r: DocRows, runId: number | null, force: boolean): StoreResult => this.storeInTx(r, runId, force));
    this.groupTx = db.transaction((rs: readonly DocRows[], runId: number | null, force: boolean): StoreResult[] =>
      rs.map((r) => this.storeInTx(r, runId, force)),
    );
    this.indexTx = db.transaction((): number => {
      const n = (this.stmts.pending.get() as { n: number }).n;
      if (n === 0) return 0;
      this.stmts.ftsHashSize.run(FTS_HASH_SIZE);
      this.stmts.indexPending.run();
      this.stmts.clearPending.run();
      return n;
    });
  }

  private readonly indexTx;
  private readonly groupTx;

  /** Documents stored but not yet in the full-text index. */
  pendingFullText(): number {
    return (this.stmts.pending.get() as { n: number }).n;
  }

  /**
   * Add every pending document's sentences to the full-text index in one
   * transaction; returns how many documents it indexed.
   */
  indexPending(): number {
    return this.indexTx.immediate();
  }

  /** Is this exact document already stored with this pipeline? */
  isUnchanged(path: string, sha256: string, pipelineHash: string): boolean {
    const row = this.stmts.find.get(path) as { sha256: string; pipeline_hash: string } | undefined;
    return row !== undefined && row.sha256 === sha256 && row.pipeline_hash === pipelineHash;
  }

  /** Store (or replace) one document atomically. IMMEDIATE so concurrent runs queue instead of deadlocking. */
  store(p: ProcessedDoc, runId: number | null, force = false): StoreResult {
    return this.storeTx.immediate(docRows(p), runId, force);
  }

  /** `store` for a document already turned into rows (`docRows`, e.g. by a worker thread). */
  storeRows(r: DocRows, runId: number | null, force = false): StoreResult {
    return this.storeTx.immediate(r, runId, force);
  }

  /**
   * Store several documents, each as `storeRows` would, in one transaction:
   * a commit writes every page it dirtied to the WAL (two write calls a page),
   * and consecutive documents share most of their pages (the tail of each
   * table and index), so a group of 16 commits about a quarter less storing
   * CPU than 16 commits (measured on 2,000 bench articles). A reader or a
   * crash still sees each document whole or not at all. When any document of
   * the group fails, the group is rolled back and stored again one document
   * per transaction, so one bad document fails alone, with its own error.
   * Returns, per document, its result or the error storing it threw.
   */
  storeMany(rs: readonly DocRows[], runId: number | null, force = false): Array<StoreResult | Error> {
    if (rs.length > 1) {
      try {
        return this.groupTx.immediate(rs, runId, force);
      } catch {
        // one of them (or the commit) failed: take them one at a time below
      }
    }
    return rs.map((r) => {
      try {
        return this.storeRows(r, runId, force);
      } catch (err) {
        return err instanceof Error ? err : new Error(String(err));
      }
    });
  }

  private storeInTx(r: DocRows, runId: number | null, force: boolean): StoreResult {
    const s = this.stmts;
    const d = r.doc;
    const existing = s.find.get(d.path) as { id: number; sha256: string; pipeline_hash: string; fts_pending: number } | undefined;
    if (existing && !force && existing.sha256 === d.sha256 && existing.pipeline_hash === d.pipeline_hash) {
      return { docRowId: existing.id, unchanged: true };
    }
    let oldKeys: string[] = [];
    if (existing) {
      oldKeys = (s.oldKeys.all(existing.id) as Array<{ entity: string }>).map((row) => row.entity);
      // only an indexed document has entries to take out of the index
      if (!existing.fts_pending) s.ftsDelete.run(existing.id);
      s.deleteDoc.run(existing.id);
    }
    const doc = Number(s.insertDoc.run({ ...d, run_id: runId, processed_at: new Date().toISOString() }).lastInsertRowid);
    let a: Cell[] = r.articles;
    for (let i = 0; i < a.length; i += WIDTH.articles) s.article.run(doc, a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5], a[i + 6], a[i + 7]);
    a = r.blocks;
    for (let i = 0; i < a.length; i += WIDTH.blocks) s.block.run(doc, a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5], a[i + 6]);
    a = r.sentences;
    const text = d.normalized;
    for (let i = 0; i < a.length; i += WIDTH.sentences) {
      const start = a[i + 3] as number;
      const end = a[i + 4] as number;
      s.sentence.run(doc, a[i], a[i + 1], text.slice(start, end), a[i + 2], start, end, a[i + 5], a[i + 6]);
    }
    a = r.entities;
    for (let i = 0; i < a.length; i += WIDTH.entities) s.entity.run(a[i], a[i + 1], a[i + 2]);
    a = r.aliases;
    for (let i = 0; i < a.length; i += WIDTH.aliases) s.alias.run(a[i], a[i + 1]);
    a = r.mentions;
    for (let i = 0, seq = 0; i < a.length; i += WIDTH.mentions, seq++) {
      s.mention.run(doc, seq, a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5], a[i + 6], a[i + 7], a[i + 8], a[i + 9], a[i + 10], a[i + 11]);
    }
    a = r.figures;
    for (let i = 0, seq = 0; i < a.length; i += WIDTH.figures, seq++) {
      s.figure.run(
        doc, seq, a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5], a[i + 6], a[i + 7], a[i + 8], a[i + 9], a[i + 10], a[i + 11], a[i + 12],
        a[i + 13], a[i + 14], a[i + 15], a[i + 16], a[i + 17], a[i + 18], a[i + 19], a[i + 20], a[i + 21], a[i + 22], a[i + 23], a[i + 24],
      );
    }
    a = r.messages;
    for (let i = 0, seq = 0; i < a.length; i += WIDTH.messages, seq++) {
      s.message.run(doc, seq, a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5], a[i + 6], a[i + 7]);
    }
    a = r.quotes;
    for (let i = 0, seq = 0; i < a.length; i += WIDTH.quotes, seq++) {
      s.quote.run(doc, seq, a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5], a[i + 6], a[i + 7], a[i + 8], a[i + 9], a[i + 10], a[i + 11], a[i + 12], a[i + 13]);
    }
    a = r.relations;
    for (let i = 0, seq = 0; i < a.length; i += WIDTH.relations, seq++) {
      s.relation.run(doc, seq, a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5], a[i + 6], a[i + 7], a[i + 8], a[i + 9], a[i + 10]);
    }
    for (const key of oldKeys) s.orphan.run(key, key);
    return { docRowId: doc, unchanged: false };
  }
}
