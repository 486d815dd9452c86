/**
 * Secondary indexes a bulk load may build once at its end instead of row by
 * row. With one transaction per document, every commit writes each B-tree
 * page the document touched; an index on a key in no particular order
 * (mentions by entity, entities by name, aliases by entity, figures by kind
 * or period…) dirties one page per distinct key, more than half of all pages
 * a commit writes. Built at the end, each is one sort.
 *
 * Only a load into a database without documents defers them (then rebuilding
 * costs no more than keeping them up to date), and only indexes no writer
 * query needs: the writer finds documents by path and rows by (doc, seq),
 * both unique indexes that stay. A load that is killed leaves them missing;
 * the next writable open (openDb) rebuilds every index the migrations define
 * and the database lacks, so readers only ever see them missing while a load
 * runs.
 */
import Database from 'better-sqlite3';
import type { DB } from './db.js';

/** Deferrable: not unique, not read while storing a new document. */
export const DEFERRABLE_INDEXES = [
  'mentions_entity',
  'mentions_type',
  'figures_kind',
  'figures_period',
  'entities_name',
  'aliases_entity',
  'messages_code',
  'documents_doc_id',
] as const;

let defined: Array<{ name: string; sql: string }> | undefined;

/** Every index the migrations create (read from a fresh in-memory database, once per process). */
export function definedIndexes(migrate: (db: DB) => unknown): Array<{ name: string; sql: string }> {
  if (!defined) {
    const mem = new Database(':memory:');
    try {
      migrate(mem);
      defined = mem.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>;
    } finally {
      mem.close();
    }
  }
  return defined;
}

/** Build every index the migrations define that the database lacks; returns their names. */
export function restoreIndexes(db: DB, migrate: (db: DB) => unknown): string[] {
  const have = () => new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").pluck().all() as string[]);
  const before = have();
  if (definedIndexes(migrate).every((i) => before.has(i.name))) return [];
  return db.transaction(() => {
    const present = have();
    const missing = definedIndexes(migrate).filter((i) => !present.has(i.name));
    for (const i of missing) db.exec(i.sql.replace(/^CREATE (UNIQUE )?INDEX /i, (m) => `${m}IF NOT EXISTS `));
    return missing.map((i) => i.name);
  }).immediate();
}

/**
 * Drop the deferrable indexes if the database holds no documents yet; returns
 * whether it did (then call restoreIndexes when the load ends).
 */
export function deferIndexesIfEmpty(db: DB): boolean {
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM documents LIMIT 1').get()) return false;
    for (const name of DEFERRABLE_INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
    return true;
  }).immediate();
}
