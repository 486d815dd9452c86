-- 002: views for the common questions, so any SQLite client can answer them.
-- The query library (src/query) reads these same views.
-- A mention not (yet) resolved to an entity counts under the key TYPE:normalized-text.

-- Every name an entity goes by: its canonical name and each alias.
CREATE VIEW entity_names AS
  SELECT key AS entity, name, 1 AS canonical FROM entities
  UNION
  SELECT a.entity, a.alias AS name, 0 AS canonical FROM aliases a
  WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.key = a.entity AND e.name = a.alias);

-- Mentions with their document, entity key and canonical name.
CREATE VIEW mention_rows AS
  SELECT d.doc_id, d.path, m.doc, m.seq,
         COALESCE(m.entity, m.type || ':' || m.norm) AS entity,
         COALESCE(e.name, m.norm) AS name,
         m.type, m.text, m.norm, m.sentence,
         m.start, m.end, m.raw_start, m.raw_end, m.rule, m.rule_version
  FROM mentions m
  JOIN documents d ON d.id = m.doc
  LEFT JOIN entities e ON e.key = m.entity;

-- One row per entity: how often and in how many documents it is mentioned.
CREATE VIEW entity_summary AS
  SELECT entity AS key,
         MIN(type) AS type,
         MIN(name) AS name,
         (SELECT group_concat(n.name, '|') FROM
            (SELECT name FROM entity_names WHERE entity = mr.entity AND canonical = 0 ORDER BY name) n) AS aliases,
         COUNT(*) AS mentions,
         COUNT(DISTINCT doc) AS docs
  FROM mention_rows mr
  GROUP BY entity;

-- Figures with their document and sentence.
CREATE VIEW figure_rows AS
  SELECT d.doc_id, d.path, f.doc, f.seq, f.kind, f.text, f.norm, f.value, f.value_max, f.unit, f.qualifier,
         f.date, f.date_end, f.metric, f.change, f.basis, f.subject, f.time,
         f.sentence, s.text AS sentence_text,
         f.start, f.end, f.raw_start, f.raw_end, f.rule, f.rule_version
  FROM figures f
  JOIN documents d ON d.id = f.doc
  LEFT JOIN sentences s ON s.doc = f.doc AND s.idx = f.sentence;

-- Quotes with their document.
CREATE VIEW quote_rows AS
  SELECT d.doc_id, d.path, q.doc, q.seq, q.speaker, q.cue, q.text, q.norm,
         q.start, q.end, q.raw_start, q.raw_end, q.rule, q.rule_version
  FROM quotes q
  JOIN documents d ON d.id = q.doc;

-- Relations with both ends resolved to their mentions (head/tail are mentions.seq within the document).
CREATE VIEW relation_rows AS
  SELECT d.doc_id, d.path, r.doc, r.seq, r.type, r.label, r.text,
         h.type AS head_type, COALESCE(h.entity, h.type || ':' || h.norm) AS head_entity, h.norm AS head_text,
         t.type AS tail_type, COALESCE(t.entity, t.type || ':' || t.norm) AS tail_entity, t.norm AS tail_text,
         r.start, r.end, r.raw_start, r.raw_end, r.rule, r.rule_version
  FROM relations r
  JOIN documents d ON d.id = r.doc
  JOIN mentions h ON h.doc = r.doc AND h.seq = r.head
  JOIN mentions t ON t.doc = r.doc AND t.seq = r.tail;

-- Person, title, organisation: every relation linking a PERSON mention to an ORG
-- (or LOC) mention, whichever end is the head; the relation label is the title.
CREATE VIEW person_titles AS
  SELECT doc_id, path, doc, seq, type AS relation,
         CASE WHEN head_type = 'PERSON' THEN head_entity ELSE tail_entity END AS person_key,
         CASE WHEN head_type = 'PERSON' THEN head_text ELSE tail_text END AS person,
         label AS title,
         CASE WHEN head_type = 'PERSON' THEN tail_entity ELSE head_entity END AS org_key,
         CASE WHEN head_type = 'PERSON' THEN tail_text ELSE head_text END AS org,
         text, start, end, raw_start, raw_end, rule, rule_version
  FROM relation_rows
  WHERE (head_type = 'PERSON' AND tail_type IN ('ORG', 'LOC'))
     OR (tail_type = 'PERSON' AND head_type IN ('ORG', 'LOC'));

-- Every extraction in one list, labelled as in tests/baseline (figure:money, mention:ORG, quote, relation:TYPE).
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
