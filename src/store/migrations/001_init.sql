-- 001: the core tables. Offsets are UTF-16 code units, end exclusive:
-- start/end into documents.normalized, raw_start/raw_end into documents.raw.

CREATE TABLE runs (
  id            INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  status        TEXT NOT NULL DEFAULT 'running',   -- running | ok | partial | interrupted
  pipeline      TEXT NOT NULL,
  pipeline_hash TEXT NOT NULL,
  args          TEXT NOT NULL,                      -- JSON
  processed     INTEGER NOT NULL DEFAULT 0,
  unchanged     INTEGER NOT NULL DEFAULT 0,
  failed        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
  id            INTEGER PRIMARY KEY,
  doc_id        TEXT NOT NULL,                      -- file name without extension
  path          TEXT NOT NULL UNIQUE,               -- as given, relative to the working directory when inside it
  sha256        TEXT NOT NULL,
  encoding      TEXT NOT NULL,
  bytes         INTEGER NOT NULL,
  tokens        INTEGER NOT NULL,                   -- jieba tokens in the normalized text
  raw           TEXT NOT NULL,
  normalized    TEXT NOT NULL,
  doc_date      TEXT,
  pipeline      TEXT NOT NULL,
  pipeline_hash TEXT NOT NULL,
  repair_counts TEXT NOT NULL,                      -- JSON {kind: count}
  repairs       TEXT NOT NULL,                      -- JSON [[pass, kind, raw_start, raw_end, before, after], ...]; see the repairs view
  timings       TEXT NOT NULL,                      -- JSON {stage: ms}
  run_id        INTEGER REFERENCES runs(id),
  processed_at  TEXT NOT NULL
);
CREATE INDEX documents_doc_id ON documents(doc_id);

-- Repairs are many (hundreds per page) and always read per document, so they
-- are stored as one JSON array per document, [[pass, kind, raw_start, raw_end,
-- before, after], ...], and read through the `repairs` view.
CREATE VIEW repairs AS
  SELECT d.id AS doc,
         CAST(j.key AS INTEGER) AS seq,
         json_extract(j.value, '$[0]') AS pass,
         json_extract(j.value, '$[1]') AS kind,
         json_extract(j.value, '$[2]') AS raw_start,
         json_extract(j.value, '$[3]') AS raw_end,
         json_extract(j.value, '$[4]') AS before,
         json_extract(j.value, '$[5]') AS after
  FROM documents d, json_each(d.repairs) j;

CREATE TABLE articles (
  doc           INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  headline      TEXT,
  reporters     TEXT NOT NULL,                      -- JSON array
  photographers TEXT NOT NULL,                      -- JSON array
  start INTEGER NOT NULL, end INTEGER NOT NULL, raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE blocks (
  doc     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  kind    TEXT NOT NULL,
  article INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE sentences (
  id      INTEGER PRIMARY KEY,
  doc     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  block   INTEGER NOT NULL,
  text    TEXT NOT NULL,                            -- normalized sentence
  tokens  TEXT NOT NULL,                            -- jieba tokens joined by single spaces
  start INTEGER NOT NULL, end INTEGER NOT NULL, raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
  UNIQUE (doc, idx)
);

-- Full text over segmented sentences; rowid = sentences.id.
CREATE VIRTUAL TABLE sentences_fts USING fts5(tokens, content='sentences', content_rowid='id', tokenize='unicode61');

CREATE TABLE entities (
  key   TEXT PRIMARY KEY,                           -- e.g. ORG:北京经济技术开发区
  type  TEXT NOT NULL,
  name  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name);

CREATE TABLE aliases (
  alias  TEXT NOT NULL,
  entity TEXT NOT NULL REFERENCES entities(key) ON DELETE CASCADE,
  PRIMARY KEY (alias, entity)
) WITHOUT ROWID;
CREATE INDEX aliases_entity ON aliases(entity);

CREATE TABLE mentions (
  id           INTEGER PRIMARY KEY,
  doc          INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  entity       TEXT,
  type         TEXT NOT NULL,
  text         TEXT NOT NULL,                       -- raw slice
  norm         TEXT NOT NULL,                       -- normalized slice
  sentence     INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
  rule         TEXT NOT NULL,
  rule_version INTEGER NOT NULL,
  attrs        TEXT,
  UNIQUE (doc, seq)
);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE INDEX mentions_type ON mentions(type);

CREATE TABLE figures (
  id           INTEGER PRIMARY KEY,
  doc          INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  text         TEXT NOT NULL,
  norm         TEXT NOT NULL,
  value        REAL,
  value_max    REAL,
  unit         TEXT,
  qualifier    TEXT NOT NULL,
  date         TEXT,
  date_end     TEXT,
  metric       TEXT,
  change       TEXT,
  basis        TEXT,
  subject      TEXT,
  time         TEXT,
  sentence     INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
  rule         TEXT NOT NULL,
  rule_version INTEGER NOT NULL,
  attrs        TEXT,
  UNIQUE (doc, seq)
);
CREATE INDEX figures_kind ON figures(kind, unit);

CREATE TABLE quotes (
  id            INTEGER PRIMARY KEY,
  doc           INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL,
  text          TEXT NOT NULL,
  norm          TEXT NOT NULL,
  speaker       TEXT,
  cue           TEXT,
  speaker_start INTEGER, speaker_end INTEGER, speaker_raw_start INTEGER, speaker_raw_end INTEGER,
  start INTEGER NOT NULL, end INTEGER NOT NULL, raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
  rule          TEXT NOT NULL,
  rule_version  INTEGER NOT NULL,
  UNIQUE (doc, seq)
);

CREATE TABLE relations (
  id           INTEGER PRIMARY KEY,
  doc          INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  type         TEXT NOT NULL,
  head         INTEGER NOT NULL,                    -- mentions.seq within the document
  tail         INTEGER NOT NULL,
  label        TEXT,
  text         TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL,
  rule         TEXT NOT NULL,
  rule_version INTEGER NOT NULL,
  UNIQUE (doc, seq)
);

CREATE TABLE errors (
  id       INTEGER PRIMARY KEY,
  run_id   INTEGER REFERENCES runs(id),
  path     TEXT NOT NULL,
  code     TEXT NOT NULL,
  message  TEXT NOT NULL,
  at       TEXT NOT NULL
);
