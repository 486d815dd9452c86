/**
 * A database by natural keys: dumpDb (documents by path, every table's rows
 * by document path and seq/idx, run bookkeeping left out) plus the tables it
 * does not cover: messages, and errors as (path, code, message).
 */
import Database from 'better-sqlite3';
import { dumpDb } from '../foundation/helpers.js';

export function dumpByNaturalKeys(file: string): Record<string, unknown[]> {
  const out = dumpDb(file);
  const db = new Database(file, { readonly: true });
  try {
    const docPath = new Map((db.prepare('SELECT id, path FROM documents').all() as Array<{ id: number; path: string }>).map((r) => [r.id, r.path]));
    out.messages = (db.prepare('SELECT * FROM messages').all() as Array<Record<string, unknown>>)
      .map(({ id: _id, doc, ...rest }) => JSON.stringify({ doc: docPath.get(doc as number), ...rest }))
      .sort();
    out.errors = (db.prepare('SELECT path, code, message FROM errors').all() as Array<Record<string, unknown>>).map((r) => JSON.stringify(r)).sort();
    return out;
  } finally {
    db.close();
  }
}

/** The first difference between two dumps, as "table: only in a … / only in b …", or null when equal. */
export function firstDifference(a: Record<string, unknown[]>, b: Record<string, unknown[]>): string | null {
  for (const t of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = (a[t] ?? []).map(String);
    const y = new Set((b[t] ?? []).map(String));
    const xs = new Set(x);
    const onlyA = x.filter((r) => !y.has(r));
    const onlyB = [...y].filter((r) => !xs.has(r));
    if (onlyA.length || onlyB.length || x.length !== (b[t] ?? []).length) {
      return `${t}: ${x.length} vs ${(b[t] ?? []).length} rows; only in first: ${onlyA[0]?.slice(0, 300) ?? '-'}; only in second: ${onlyB[0]?.slice(0, 300) ?? '-'}`;
    }
  }
  return null;
}
