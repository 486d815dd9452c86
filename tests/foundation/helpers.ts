import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/zhnews.js');
export const CORPUS = join(ROOT, 'corpus');

export function tempDir(prefix = 'zhnews-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], opts: { cwd?: string; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function cliAsync(args: string[], opts: { cwd?: string } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<CliResult>((res) => child.on('close', (code, signal) => res({ code: code ?? (signal ? -1 : 0), stdout, stderr })));
  return { child, done };
}

export function lastJson(stdout: string): Record<string, number> {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!);
}

/** A copy of the corpus in a temp folder (tests may add bad files to it). */
export function corpusCopy(): string {
  const dir = tempDir('zhnews-corpus-');
  cpSync(CORPUS, dir, { recursive: true });
  return dir;
}

const VOLATILE = new Set(['processed_at', 'run_id', 'timings', 'id']);

/**
 * The full-text index against its content: 'ok' when every stored sentence is
 * indexed (FTS5 integrity-check with rank 1 compares the index with the
 * sentences table), else the error; and how many documents wait for indexing.
 */
export function ftsState(db: Database.Database): { check: string; pending: number } {
  let check = 'ok';
  try {
    db.prepare("INSERT INTO sentences_fts(sentences_fts, rank) VALUES('integrity-check', 1)").run();
  } catch (err) {
    check = (err as Error).message;
  }
  const pending = (db.prepare('SELECT count(*) n FROM documents WHERE fts_pending = 1').get() as { n: number }).n;
  return { check, pending };
}

/**
 * Every table's content by natural keys (document path instead of row ids),
 * without run bookkeeping and timestamps: equal dumps mean equal databases.
 */
export function dumpDb(file: string): Record<string, unknown[]> {
  const db = new Database(file);
  try {
    const docPath = new Map((db.prepare('SELECT id, path FROM documents').all() as Array<{ id: number; path: string }>).map((r) => [r.id, r.path]));
    const out: Record<string, unknown[]> = {};
    const tables = ['documents', 'repairs', 'articles', 'blocks', 'sentences', 'entities', 'aliases', 'mentions', 'figures', 'quotes', 'relations', 'messages'];
    for (const t of tables) {
      const rows = db.prepare(`SELECT * FROM ${t}`).all() as Array<Record<string, unknown>>;
      out[t] = rows
        .map((r) => {
          const o: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(r)) {
            if (VOLATILE.has(k)) continue;
            o[k] = k === 'doc' ? docPath.get(v as number) : v;
          }
          return JSON.stringify(o);
        })
        .sort();
    }
    out.fts = [ftsState(db)];
    return out;
  } finally {
    db.close();
  }
}
