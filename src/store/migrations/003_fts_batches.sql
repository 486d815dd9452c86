-- 003: the full-text index is filled in batches, not one document at a time.
-- Inserting each document's sentences in its own transaction left FTS5 with
-- one tiny segment per document to merge again and again (a third of the
-- storing time); one insert for many documents costs a third of that.
-- A stored document is `fts_pending` until a batch has indexed its sentences:
-- the run that stored it indexes it (every few hundred documents and at the
-- end), and a run or a search after a killed run catches up.
ALTER TABLE documents ADD COLUMN fts_pending INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_fts_pending ON documents(id) WHERE fts_pending = 1;
