-- A relation may have one end only: a person's title with no organisation
-- named (type person-title, rule relation-title-before/-after). relations.tail
-- becomes nullable (NULL: no tail), replacing the -1 earlier builds stored;
-- relation_rows keeps such relations (tail columns NULL) and person_titles
-- lists them with org NULL.
DROP VIEW IF EXISTS person_titles;
DROP VIEW IF EXISTS extraction_rows;
DROP VIEW IF EXISTS relation_rows;

CREATE TABLE relations_next (
  id           INTEGER PRIMARY KEY,
  doc          INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  type         TEXT NOT NULL,
  head         INTEGER NOT NULL,                    -- mentions.seq within the document
  tail         INTEGER,                             -- mentions.seq; NULL: the relation has no tail
  label        TEXT,
  text         TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
  rule         TEXT NOT NULL,
  rule_version INTEGER NOT NULL,
  UNIQUE (doc, seq)
);
INSERT INTO relations_next
  SELECT id, doc, seq, type, head, CASE WHEN tail < 0 THEN NULL ELSE tail END, label, text,
         start, end, raw_start, raw_end, rule, rule_version
  FROM relations;
DROP TABLE relations;
ALTER TABLE relations_next RENAME TO relations;

CREATE VIEW relation_rows AS
  SELECT d.doc_id, d.path, r.doc, r.seq, r.type, r.label, r.text,
         h.type AS head_type, COALESCE(h.entity, h.type || ':' || h.norm) AS head_entity, h.norm AS head_text,
         t.type AS tail_type, CASE WHEN t.seq IS NULL THEN NULL ELSE COALESCE(t.entity, t.type || ':' || t.norm) END AS tail_entity, t.norm AS tail_text,
         r.start, r.end, r.raw_start, r.raw_end, r.rule, r.rule_version
  FROM relations r
  JOIN documents d ON d.id = r.doc
  JOIN mentions h ON h.doc = r.doc AND h.seq = r.head
  LEFT JOIN mentions t ON t.doc = r.doc AND t.seq = r.tail;

CREATE VIEW person_titles AS
  SELECT doc_id, path, doc, seq, type AS relation,
         CASE WHEN head_type = 'PERSON' THEN head_entity ELSE tail_entity END AS person_key,
         CASE WHEN head_type = 'PERSON' THEN head_text ELSE tail_text END AS person,
         label AS title,
         CASE WHEN head_type = 'PERSON' THEN tail_entity ELSE head_entity END AS org_key,
         CASE WHEN head_type = 'PERSON' THEN tail_text ELSE head_text END AS org,
         text, start, end, raw_start, raw_end, rule, rule_version
  FROM relation_rows
  WHERE (head_type = 'PERSON' AND (tail_type IN ('ORG', 'LOC') OR tail_type IS NULL))
     OR (tail_type = 'PERSON' AND head_type IN ('ORG', 'LOC'));

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
