/**
 * Opening the database: WAL, foreign keys, a generous busy timeout (a second
 * writer waits instead of failing), and numbered migrations applied in one
 * transaction each, tracked by PRAGMA user_version.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restoreIndexes } from './indexes.js';

export type DB = Database.Database;

/** migrations/ beside this module: src/store/migrations, copied into dist/store/migrations by the build. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const migrations = files.map((file, i) => {
    const m = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`migration file name must look like 001_name.sql: ${file}`);
    const version = Number(m[1]);
    if (version !== i + 1) throw new Error(`migrations must be numbered 001, 002, … without gaps: ${file} is #${i + 1}`);
    return { version, name: m[2]!, sql: readFileSync(`${dir}/${file}`, 'utf8') };
  });
  return migrations;
}

export interface OpenOptions {
  readonly?: boolean;
  /** milliseconds a writer waits for another writer's lock */
  busyTimeout?: number;
  /**
   * false: neither migrate nor rebuild missing indexes, for a second
   * connection of a process that opened the file already (a `run`'s worker
   * threads): rebuilding would undo the indexes a bulk load deferred
   * (indexes.ts), and every document the worker stores would then update them
   * row by row.
   */
  migrate?: boolean;
}

export function openDb(file: string, opts: OpenOptions = {}): DB {
  if (!opts.readonly && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  db.pragma(`busy_timeout = ${opts.busyTimeout ?? 10 * 60 * 1000}`);
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  if (!opts.readonly && opts.migrate !== false) {
    migrate(db);
    // a bulk load killed before it rebuilt the indexes it deferred (see indexes.ts)
    restoreIndexes(db, (d) => migrate(d));
  }
  return db;
}

/** Apply pending migrations; returns the versions applied. Refuses a database newer than the code. */
export function migrate(db: DB, migrations = loadMigrations()): number[] {
  const applied: number[] = [];
  const latest = migrations.length;
  // BEGIN IMMEDIATE so two processes opening a fresh file do not both migrate.
  const step = db.transaction((m: Migration) => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current >= m.version) return;
    db.exec(m.sql);
    db.pragma(`user_version = ${m.version}`);
    applied.push(m.version);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new Error(`database schema version ${current} is newer than this program's ${latest}; upgrade zhnews`);
  }
  for (const m of migrations) if (m.version > current) step.immediate(m);
  return applied;
}
