/**
 * Writing one processed document: one transaction that first removes every
 * row the document had, then inserts the new ones, so a reader or a crash
 * sees the old document or the new one, never half of either. Its sentences
 * reach the full-text index later, with many other documents' in one batch
 * (`indexPending`; see migration 003).
 */
import type { DB } from './db.js';
import type { ProcessedDoc } from '../core/types.js';
import { sentenceTokenStrings } from '../segment/index.js';

export interface StoreResult {
  docRowId: number;
  /** true when an identical document (same path, sha256 and pipeline hash) was already stored */
  unchanged: boolean;
}

function json(v: unknown): string | null {
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
    this.storeTx = db.transaction((p: ProcessedDoc, runId: number | null, force: boolean): StoreResult => this.storeInTx(p, runId, force));
    this.indexTx = db.transaction((): number => {
      const n = (this.stmts.pending.get() as { n: number }).n;
      if (n === 0) return 0;
      this.stmts.indexPending.run();
      this.stmts.clearPending.run();
      return n;
    });
  }

  private readonly indexTx;

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
    return this.storeTx.immediate(p, runId, force);
  }

  private storeInTx(p: ProcessedDoc, runId: number | null, force: boolean): StoreResult {
    const s = this.stmts;
    const existing = s.find.get(p.doc.path) as { id: number; sha256: string; pipeline_hash: string; fts_pending: number } | undefined;
    if (existing && !force && existing.sha256 === p.doc.sha256 && existing.pipeline_hash === p.pipelineHash) {
      return { docRowId: existing.id, unchanged: true };
    }
    let oldKeys: string[] = [];
    if (existing) {
      oldKeys = (s.oldKeys.all(existing.id) as Array<{ entity: string }>).map((r) => r.entity);
      // only an indexed document has entries to take out of the index
      if (!existing.fts_pending) s.ftsDelete.run(existing.id);
      s.deleteDoc.run(existing.id);
    }
    const rc = p.repairColumns ?? repairColumns(p.norm.repairs);
    const doc = Number(
      s.insertDoc.run({
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
        run_id: runId,
        processed_at: new Date().toISOString(),
        format: p.doc.format ?? 'text',
        meta: json(p.doc.meta),
        layout: p.doc.layout === undefined || p.doc.layout === null ? null : JSON.stringify(p.doc.layout),
      }).lastInsertRowid,
    );
    for (const a of p.structure.articles) {
      s.article.run(doc, a.index, a.headline, JSON.stringify(a.reporters), JSON.stringify(a.photographers), a.start, a.end, a.rawStart, a.rawEnd);
    }
    for (const b of p.structure.blocks) s.block.run(doc, b.index, b.kind, b.article, b.start, b.end, b.rawStart, b.rawEnd);
    const sentenceTokens = p.sentenceTokens ?? sentenceTokenStrings(p.tokens, p.structure.sentences);
    p.structure.sentences.forEach((sen, i) => {
      const joined = sentenceTokens[i] ?? '';
      s.sentence.run(doc, sen.index, sen.block, p.norm.text.slice(sen.start, sen.end), joined, sen.start, sen.end, sen.rawStart, sen.rawEnd);
    });
    for (const e of p.entities) {
      s.entity.run(e.key, e.type, e.name);
      s.alias.run(e.name, e.key);
      for (const a of e.aliases) s.alias.run(a, e.key);
    }
    const ex = p.extractions;
    ex.mentions.forEach((m, i) =>
      s.mention.run(doc, i, m.entity ?? null, m.type, m.text, m.norm, m.sentence, m.start, m.end, m.rawStart, m.rawEnd, m.rule, m.ruleVersion, json(m.attrs)),
    );
    ex.figures.forEach((f, i) =>
      s.figure.run(
        doc, i, f.kind, f.text, f.norm, finite(f.value), finite(f.valueMax), f.unit, f.qualifier, f.date ?? null, f.dateEnd ?? null,
        f.metric ?? null, f.change ?? null, f.basis ?? null, f.subject ?? null, f.time ?? null, f.sentence,
        f.start, f.end, f.rawStart, f.rawEnd, f.rule, f.ruleVersion, json(f.attrs),
        f.period?.start ?? null, f.period?.end ?? null, f.subjectEntity ?? null,
      ),
    );
    (p.messages ?? []).forEach((m, i) =>
      s.message.run(doc, i, m.code, m.severity, m.source, m.message, m.start ?? null, m.end ?? null, m.rawStart ?? null, m.rawEnd ?? null),
    );
    ex.quotes.forEach((q, i) =>
      s.quote.run(
        doc, i, q.text, q.norm, q.speaker, q.cue ?? null, q.speakerStart ?? null, q.speakerEnd ?? null, q.speakerRawStart ?? null,
        q.speakerRawEnd ?? null, q.start, q.end, q.rawStart, q.rawEnd, q.rule, q.ruleVersion,
      ),
    );
    ex.relations.forEach((r, i) =>
      // a relation with one end (person-title: no organisation named) has tail NULL (migration 005)
      s.relation.run(doc, i, r.type, r.head, r.tail, r.label ?? null, r.text, r.start, r.end, r.rawStart, r.rawEnd, r.rule, r.ruleVersion),
    );
    for (const key of oldKeys) s.orphan.run(key, key);
    return { docRowId: doc, unchanged: false };
  }
}

function finite(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
