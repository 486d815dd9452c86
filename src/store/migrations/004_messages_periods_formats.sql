-- 004: what the engine, figure and source-format work store.
--  * messages: the document object's coded messages (a pass's decision, a
--    rule's bad span, a reader's warning), with positions where known.
--  * figures.period_start/period_end: the figure's time resolved to an
--    inclusive day span (FIGURES.md), and subject_entity: the key of the
--    entity its subject names, when the subject is a mention.
--  * documents.format/meta/layout: which reader made the text (text, html,
--    docx, pdf), the metadata it read (JSON: title, byline, source, date…),
--    and, for formats with geometry, where each character came from (JSON,
--    see docs/schema.md).

CREATE TABLE messages (
  id        INTEGER PRIMARY KEY,
  doc       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  code      TEXT NOT NULL,
  severity  TEXT NOT NULL,                           -- info | warning | error
  source    TEXT NOT NULL,                           -- stage, pass or rule id
  message   TEXT NOT NULL,
  start INTEGER, end INTEGER, raw_start INTEGER, raw_end INTEGER,
  UNIQUE (doc, seq)
);
CREATE INDEX messages_code ON messages(code);

CREATE VIEW message_rows AS
  SELECT d.doc_id, d.path, m.doc, m.seq, m.code, m.severity, m.source, m.message,
         m.start, m.end, m.raw_start, m.raw_end
  FROM messages m
  JOIN documents d ON d.id = m.doc;

ALTER TABLE figures ADD COLUMN period_start TEXT;
ALTER TABLE figures ADD COLUMN period_end TEXT;
ALTER TABLE figures ADD COLUMN subject_entity TEXT;
CREATE INDEX figures_period ON figures(period_start, period_end);

DROP VIEW extraction_rows;
DROP VIEW figure_rows;
CREATE VIEW figure_rows AS
  SELECT d.doc_id, d.path, f.doc, f.seq, f.kind, f.text, f.norm, f.value, f.value_max, f.unit, f.qualifier,
         f.date, f.date_end, f.metric, f.change, f.basis, f.subject, f.time,
         f.sentence, s.text AS sentence_text,
         f.start, f.end, f.raw_start, f.raw_end, f.rule, f.rule_version,
         f.period_start, f.period_end, f.subject_entity
  FROM figures f
  JOIN documents d ON d.id = f.doc
  LEFT JOIN sentences s ON s.doc = f.doc AND s.idx = f.sentence;

CREATE VIEW extraction_rows AS
  SELECT doc_id, path, doc, 'mention:' || type AS label, norm AS text, NULL AS value, NULL AS unit,
         start, end, raw_start, raw_end, rule, rule_version FROM mention_rows
  UNION ALL
  SELECT doc_id, path, doc, 'figure:' || kind, norm, value, unit, start, end, raw_start, raw_end, rule, rule_version FROM figure_rows
  UNION ALL
  SELECT doc_id, path, doc, 'quote', norm, NULL, NULL, start, end, raw_start, raw_end, rule, rule_version FROM quote_rows
  UNION ALL
  SELECT d.doc_id, d.path, r.doc, 'relation:' || r.type, r.text, NULL, NULL, r.start, r.end, r.raw_start, r.raw_end, r.rule, r.rule_version
  FROM relations r JOIN documents d ON d.id = r.doc;

ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT 'text';
ALTER TABLE documents ADD COLUMN meta TEXT;
ALTER TABLE documents ADD COLUMN layout TEXT;
