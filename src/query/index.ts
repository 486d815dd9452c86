/**
 * The query library: the questions the CLI answers, as typed functions over an
 * open database. Every filter is a bound parameter; the SQL reads the views of
 * migration 002 (documented in docs/schema.md).
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { openDb, loadMigrations, type DB } from '../store/db.js';
import { locator } from './location.js';
import { ftsMatch, highlight } from './fts.js';

export { locator, lineStarts } from './location.js';
export { ftsMatch, ftsQuery, highlight, tilings } from './fts.js';

export class QueryError extends Error {
  constructor(
    readonly code: 'E_NO_DB' | 'E_SCHEMA' | 'E_NO_DOC',
    message: string,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/**
 * Open an existing database for reading. A missing file is a QueryError, not a
 * new empty database; a database made before the views existed is migrated once.
 */
export function openQueryDb(file: string): DB {
  if (file !== ':memory:' && !existsSync(file)) {
    throw new QueryError('E_NO_DB', `database not found: ${file} (create it with \`npm start\` or pass --db FILE)`);
  }
  let db: DB;
  try {
    db = openDb(file, { readonly: true });
  } catch (err) {
    throw new QueryError('E_NO_DB', `cannot open database ${file}: ${(err as Error).message}`);
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < 1) {
    db.close();
    throw new QueryError('E_SCHEMA', `not a zhnews database (no schema): ${file}`);
  }
  if (version < loadMigrations().length) {
    // the views are missing: add them (a write), then read as before
    db.close();
    openDb(file).close();
    db = openDb(file, { readonly: true });
  }
  return db;
}

export interface DocRef {
  id: number;
  docId: string;
  path: string;
}

/** A document by its id (file name without extension) or its path as given or as a file on disk. */
export function findDocument(db: DB, ref: string): DocRef | undefined {
  const rel = relative(process.cwd(), resolve(ref));
  const row = db
    .prepare(
      `SELECT id, doc_id AS docId, path FROM documents
       WHERE path = ? OR path = ? OR path = ? OR doc_id = ?
       ORDER BY (path = ?) DESC, (doc_id = ?) DESC, id LIMIT 1`,
    )
    .get(ref, rel, resolve(ref), ref, ref, ref) as DocRef | undefined;
  return row;
}

interface Common {
  /** document id or path */
  doc?: string;
  limit?: number;
}

/** Builds a WHERE clause from optional conditions, each with its own bound parameters. */
class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }
  docFilter(column: string, doc: string | undefined): this {
    if (doc !== undefined) this.add(`${column} IN (SELECT id FROM documents WHERE doc_id = ? OR path = ? OR path = ?)`, doc, doc, relative(process.cwd(), resolve(doc)));
    return this;
  }
  toString(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

function limitClause(limit: number | undefined, params: unknown[]): string {
  if (limit === undefined) return '';
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer: ${limit}`);
  params.push(limit);
  return 'LIMIT ?';
}

// ── entities ────────────────────────────────────────────────────────────────

export interface EntityQuery extends Common {
  type?: string;
  /** part of the canonical name or of any alias */
  name?: string;
  minMentions?: number;
  sort?: 'mentions' | 'name';
}

export interface EntityRow {
  key: string;
  type: string;
  name: string;
  aliases: string[];
  mentions: number;
  docs: number;
}

export function queryEntities(db: DB, q: EntityQuery = {}): EntityRow[] {
  const w = new Where();
  if (q.type !== undefined) w.add('mr.type = ?', q.type.toUpperCase());
  if (q.name !== undefined) {
    w.add(
      `(instr(mr.name, ?) > 0 OR instr(mr.norm, ?) > 0 OR mr.entity IN (SELECT entity FROM entity_names WHERE instr(name, ?) > 0))`,
      q.name, q.name, q.name,
    );
  }
  w.docFilter('mr.doc', q.doc);
  const params = [...w.params];
  let having = '';
  if (q.minMentions !== undefined) {
    having = 'HAVING COUNT(*) >= ?';
    params.push(q.minMentions);
  }
  const order = q.sort === 'name' ? 'name, key' : 'mentions DESC, name, key';
  const sql = `
    SELECT mr.entity AS key, MIN(mr.type) AS type, MIN(mr.name) AS name,
      (SELECT group_concat(n.name, '|') FROM
        (SELECT name FROM entity_names WHERE entity = mr.entity AND canonical = 0 ORDER BY name) n) AS aliases,
      COUNT(*) AS mentions, COUNT(DISTINCT mr.doc) AS docs
    FROM mention_rows mr ${w}
    GROUP BY mr.entity ${having}
    ORDER BY ${order} ${limitClause(q.limit, params)}`;
  const rows = db.prepare(sql).all(...params) as Array<Omit<EntityRow, 'aliases'> & { aliases: string | null }>;
  return rows.map((r) => ({ ...r, aliases: r.aliases ? r.aliases.split('|') : [] }));
}

// ── mentions (keyword in context) ───────────────────────────────────────────

export interface MentionQuery extends Common {
  /** characters of context on each side (default 20) */
  context?: number;
  type?: string;
}

export interface MentionRow {
  docId: string;
  /** path:line:column of the mention in the raw source file (1-based, UTF-16 columns) */
  location: string;
  left: string;
  mention: string;
  right: string;
  type: string;
  entity: string;
  name: string;
  /** the raw source text of the mention */
  raw: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  rule: string;
}

class DocTexts {
  private readonly cache = new Map<number, { raw: string; normalized: string; at: (o: number) => string }>();
  private readonly stmt;
  constructor(db: DB) {
    this.stmt = db.prepare('SELECT raw, normalized FROM documents WHERE id = ?');
  }
  get(doc: number) {
    let t = this.cache.get(doc);
    if (!t) {
      const r = this.stmt.get(doc) as { raw: string; normalized: string };
      t = { ...r, at: locator(r.raw) };
      this.cache.set(doc, t);
    }
    return t;
  }
}

const oneLine = (s: string) => s.replace(/\r\n|\r|\n/g, ' ');

/**
 * Every mention of an entity found by NAME (canonical name or any alias, exact;
 * when nothing matches exactly, names containing NAME), with its context.
 */
export function queryMentions(db: DB, name: string, q: MentionQuery = {}): MentionRow[] {
  const n = q.context ?? 20;
  const run = (exact: boolean): MentionRow[] => {
    const w = new Where();
    const cmp = exact ? 'name = ?' : 'instr(name, ?) > 0';
    w.add(
      `(mr.entity IN (SELECT entity FROM entity_names WHERE ${cmp}) OR ${exact ? 'mr.norm = ?' : 'instr(mr.norm, ?) > 0'} OR ${exact ? 'mr.name = ?' : 'instr(mr.name, ?) > 0'})`,
      name, name, name,
    );
    if (q.type !== undefined) w.add('mr.type = ?', q.type.toUpperCase());
    w.docFilter('mr.doc', q.doc);
    const params = [...w.params];
    const sql = `SELECT mr.* FROM mention_rows mr ${w} ORDER BY mr.doc_id, mr.path, mr.start, mr.seq ${limitClause(q.limit, params)}`;
    const rows = db.prepare(sql).all(...params) as Array<Record<string, unknown> & {
      doc: number; doc_id: string; path: string; entity: string; name: string; type: string; text: string;
      start: number; end: number; raw_start: number; raw_end: number; rule: string;
    }>;
    const texts = new DocTexts(db);
    return rows.map((r) => {
      const t = texts.get(r.doc);
      return {
        docId: r.doc_id,
        location: `${r.path}:${t.at(r.raw_start)}`,
        left: oneLine(t.normalized.slice(Math.max(0, r.start - n), r.start)),
        mention: t.normalized.slice(r.start, r.end),
        right: oneLine(t.normalized.slice(r.end, r.end + n)),
        type: r.type,
        entity: r.entity,
        name: r.name,
        raw: r.text,
        start: r.start,
        end: r.end,
        rawStart: r.raw_start,
        rawEnd: r.raw_end,
        rule: r.rule,
      };
    });
  };
  const exact = run(true);
  return exact.length ? exact : run(false);
}

// ── figures ─────────────────────────────────────────────────────────────────

export interface FigureQuery extends Common {
  kind?: string;
  unit?: string;
  /** value (or the low end of a range) at least this, in base units */
  min?: number;
  /** value (or the high end of a range) at most this, in base units */
  max?: number;
  /** part of the subject, or any name of the subject's entity */
  subject?: string;
  /** part of the metric phrase */
  metric?: string;
  /** figures whose period overlaps this year (or, without a period, whose time phrase names it) */
  year?: number;
  /** figures whose period ends on or after this day (2025, 2025-06, 2025-06-15: the first day of it) */
  from?: string;
  /** figures whose period starts on or before this day (2025, 2025-06, 2025-06-15: the last day of it) */
  to?: string;
}

/** The first or last day of an ISO date at any precision (2025 → 2025-01-01 / 2025-12-31). */
export function dayBound(iso: string, which: 'start' | 'end'): string {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(iso.trim());
  if (!m) throw new Error(`not a date: ${JSON.stringify(iso)} (use 2025, 2025-06 or 2025-06-15)`);
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : which === 'start' ? 1 : 12;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const d = m[3] ? Number(m[3]) : which === 'start' ? 1 : last;
  if (mo < 1 || mo > 12 || d < 1 || d > last) throw new Error(`not a date: ${JSON.stringify(iso)}`);
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface FigureRow {
  docId: string;
  location: string;
  text: string;
  kind: string;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  qualifier: string;
  subject: string | null;
  /** key of the subject's entity (TYPE:name) when the subject is an entity mention */
  subjectEntity: string | null;
  metric: string | null;
  change: string | null;
  basis: string | null;
  time: string | null;
  /** `time` resolved to days (inclusive), or the figure's own span for a date or period */
  periodStart: string | null;
  periodEnd: string | null;
  date: string | null;
  dateEnd: string | null;
  sentence: string | null;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  rule: string;
}

export function queryFigures(db: DB, q: FigureQuery = {}): FigureRow[] {
  const w = new Where();
  if (q.kind !== undefined) w.add('f.kind = ?', q.kind);
  if (q.unit !== undefined) w.add('f.unit = ?', q.unit);
  if (q.min !== undefined) w.add('f.value >= ?', q.min);
  if (q.max !== undefined) w.add('COALESCE(f.value_max, f.value) <= ?', q.max);
  if (q.subject !== undefined) {
    // the subject as written, or its entity by any of the entity's names (aliases included)
    w.add(
      `(instr(f.subject, ?) > 0 OR f.subject_entity IN (SELECT entity FROM entity_names WHERE name = ?) OR f.subject IN (SELECT b.name FROM entity_names a JOIN entity_names b ON a.entity = b.entity WHERE a.name = ?))`,
      q.subject, q.subject, q.subject,
    );
  }
  if (q.metric !== undefined) w.add('instr(f.metric, ?) > 0', q.metric);
  if (q.year !== undefined) {
    const y = String(q.year).padStart(4, '0');
    w.add(
      `((f.period_start IS NOT NULL AND f.period_start <= ? AND f.period_end >= ?) OR (f.period_start IS NULL AND (instr(f.time, ?) > 0 OR (f.date IS NOT NULL AND substr(f.date, 1, 4) <= ? AND substr(COALESCE(f.date_end, f.date), 1, 4) >= ?))))`,
      `${y}-12-31`, `${y}-01-01`, `${y}年`, y, y,
    );
  }
  // periods are inclusive day spans: a figure is kept when its period overlaps [from, to]
  if (q.from !== undefined) w.add('f.period_end >= ?', dayBound(q.from, 'start'));
  if (q.to !== undefined) w.add('f.period_start <= ?', dayBound(q.to, 'end'));
  w.docFilter('f.doc', q.doc);
  const params = [...w.params];
  const sql = `SELECT f.* FROM figure_rows f ${w} ORDER BY f.doc_id, f.path, f.start, f.seq ${limitClause(q.limit, params)}`;
  const rows = db.prepare(sql).all(...params) as Array<{
    doc: number; doc_id: string; path: string; norm: string; kind: string; value: number | null; value_max: number | null;
    unit: string | null; qualifier: string; subject: string | null; metric: string | null; time: string | null;
    subject_entity: string | null; change: string | null; basis: string | null; period_start: string | null; period_end: string | null;
    date: string | null; date_end: string | null; sentence_text: string | null;
    start: number; end: number; raw_start: number; raw_end: number; rule: string;
  }>;
  const texts = new DocTexts(db);
  return rows.map((r) => ({
    docId: r.doc_id,
    location: `${r.path}:${texts.get(r.doc).at(r.raw_start)}`,
    text: r.norm,
    kind: r.kind,
    value: r.value,
    valueMax: r.value_max,
    unit: r.unit,
    qualifier: r.qualifier,
    subject: r.subject,
    subjectEntity: r.subject_entity,
    metric: r.metric,
    change: r.change,
    basis: r.basis,
    time: r.time,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    date: r.date,
    dateEnd: r.date_end,
    sentence: r.sentence_text,
    start: r.start,
    end: r.end,
    rawStart: r.raw_start,
    rawEnd: r.raw_end,
    rule: r.rule,
  }));
}

// ── quotes ──────────────────────────────────────────────────────────────────

export interface QuoteQuery extends Common {
  /** part of the speaker, or any name of the speaker's entity */
  speaker?: string;
}

export interface QuoteRow {
  docId: string;
  location: string;
  speaker: string | null;
  cue: string | null;
  text: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  rule: string;
}

export function queryQuotes(db: DB, q: QuoteQuery = {}): QuoteRow[] {
  const w = new Where();
  if (q.speaker !== undefined) {
    w.add(
      `(instr(q.speaker, ?) > 0 OR q.speaker IN (SELECT b.name FROM entity_names a JOIN entity_names b ON a.entity = b.entity WHERE a.name = ?))`,
      q.speaker, q.speaker,
    );
  }
  w.docFilter('q.doc', q.doc);
  const params = [...w.params];
  const sql = `SELECT q.* FROM quote_rows q ${w} ORDER BY q.doc_id, q.path, q.start, q.seq ${limitClause(q.limit, params)}`;
  const rows = db.prepare(sql).all(...params) as Array<{
    doc: number; doc_id: string; path: string; speaker: string | null; cue: string | null; norm: string;
    start: number; end: number; raw_start: number; raw_end: number; rule: string;
  }>;
  const texts = new DocTexts(db);
  return rows.map((r) => ({
    docId: r.doc_id,
    location: `${r.path}:${texts.get(r.doc).at(r.raw_start)}`,
    speaker: r.speaker,
    cue: r.cue,
    text: r.norm,
    start: r.start,
    end: r.end,
    rawStart: r.raw_start,
    rawEnd: r.raw_end,
    rule: r.rule,
  }));
}

// ── people ──────────────────────────────────────────────────────────────────

export interface PeopleQuery extends Common {
  /** part of the person's name (or any alias) */
  name?: string;
  /** part of the organisation's name (or any alias) */
  org?: string;
}

export interface PersonRow {
  person: string;
  title: string | null;
  org: string;
  /** mentions of the person across the database */
  mentions: number;
  docs: number;
  personKey: string;
  orgKey: string;
}

export function queryPeople(db: DB, q: PeopleQuery = {}): PersonRow[] {
  const w = new Where();
  const byName = (col: string) =>
    `(instr(p.${col}, ?) > 0 OR p.${col}_key IN (SELECT entity FROM entity_names WHERE instr(name, ?) > 0))`;
  if (q.name !== undefined) w.add(byName('person'), q.name, q.name);
  if (q.org !== undefined) w.add(byName('org'), q.org, q.org);
  w.docFilter('p.doc', q.doc);
  const params = [...w.params];
  const sql = `
    SELECT COALESCE((SELECT name FROM entities WHERE key = p.person_key), MIN(p.person)) AS person,
           p.title,
           COALESCE((SELECT name FROM entities WHERE key = p.org_key), MIN(p.org)) AS org,
           (SELECT COUNT(*) FROM mention_rows m WHERE m.entity = p.person_key) AS mentions,
           COUNT(DISTINCT p.doc) AS docs,
           p.person_key AS personKey, p.org_key AS orgKey
    FROM person_titles p ${w}
    GROUP BY p.person_key, p.title, p.org_key
    ORDER BY mentions DESC, person, org ${limitClause(q.limit, params)}`;
  return db.prepare(sql).all(...params) as PersonRow[];
}

// ── full-text search ────────────────────────────────────────────────────────

export interface SearchQuery extends Common {
  /** splits the query into words the way the index was built (jieba with the pipeline's dictionaries) */
  segmenter: (text: string) => string[];
  /** other ways a part may have been cut in the index (e.g. `tilings(part, jieba.cutAll(part))`) */
  variants?: (part: string) => string[][];
  /** marks put around each matched word in `highlight` (default « ») */
  mark?: [string, string];
}

export interface SearchRow {
  docId: string;
  location: string;
  sentence: number;
  /** bm25 rank: lower is better */
  score: number;
  highlight: string;
  text: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
}

/**
 * Sentences matching every space-separated part of `query`, best first (FTS5
 * bm25). Each part is segmented like the index and must occur as a phrase (its
 * words consecutive), under any of its segmentations. Every word is quoted, so
 * no user text is read as FTS5 syntax. A query without word characters matches nothing.
 */
export function search(db: DB, query: string, q: SearchQuery): SearchRow[] {
  const parts = query.split(/\s+/u).filter(Boolean);
  const alternatives = parts.map((part) => [q.segmenter(part), ...(q.variants?.(part) ?? [])]);
  const words = alternatives.flat(2);
  const match = ftsMatch(alternatives);
  if (match === null) return [];
  const w = new Where();
  w.add('sentences_fts MATCH ?', match);
  w.docFilter('s.doc', q.doc);
  const params = [...w.params];
  const sql = `
    SELECT s.id, s.doc, s.idx, s.text, s.start, s.end, s.raw_start, s.raw_end, d.doc_id, d.path, bm25(sentences_fts) AS score
    FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.id = s.doc
    ${w} ORDER BY score, d.doc_id, s.idx ${limitClause(q.limit, params)}`;
  const rows = db.prepare(sql).all(...params) as Array<{
    doc: number; idx: number; text: string; start: number; end: number; raw_start: number; raw_end: number;
    doc_id: string; path: string; score: number;
  }>;
  const texts = new DocTexts(db);
  const [open, close] = q.mark ?? ['«', '»'];
  return rows.map((r) => ({
    docId: r.doc_id,
    location: `${r.path}:${texts.get(r.doc).at(r.raw_start)}`,
    sentence: r.idx,
    score: Math.round(r.score * 1000) / 1000,
    highlight: oneLine(highlight(r.text, words, open, close)),
    text: r.text,
    start: r.start,
    end: r.end,
    rawStart: r.raw_start,
    rawEnd: r.raw_end,
  }));
}
