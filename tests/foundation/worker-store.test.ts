import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDb } from '../../src/store/db.js';
import { cli, lastJson, corpusCopy, dumpDb, tempDir } from './helpers.js';

// With several jobs each worker stores a group of its documents per turn at
// the write lock (pipeline/worker.ts): one document that cannot be stored must
// still fail alone, named, with the rest of its group stored.
describe('workers storing their own documents (--jobs 2)', () => {
  it('a document the database refuses fails alone with its file name; the others are stored as with one job', () => {
    const c = corpusCopy();
    writeFileSync(join(c, 'empty.txt'), '');
    const refuse = (file: string) => {
      const db = openDb(file);
      // the database, not the document, refuses it: the failure comes from the store inside the group's transaction
      db.exec("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.path LIKE '%002_a4ad2e9ba5d436a3.txt' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END");
      db.close();
      return file;
    };
    const two = refuse(join(c, 'two.db'));
    const r = cli(['run', c, '--db', two, '--json', '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(lastJson(r.stdout)).toMatchObject({ processed: 4, failed: 2 });
    const lines = r.stderr.trim().split('\n').sort();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/E_EMPTY: .*empty\.txt: file is empty/);
    expect(lines[1]).toMatch(/E_STORE: .*002_a4ad2e9ba5d436a3\.txt: could not store: refused by test trigger$/);
    const d = new Database(two, { readonly: true });
    expect(d.prepare('SELECT code FROM errors ORDER BY code').pluck().all()).toEqual(['E_EMPTY', 'E_STORE']);
    expect(d.prepare("SELECT count(*) FROM documents WHERE path LIKE '%002_a4ad2e9ba5d436a3.txt'").pluck().get()).toBe(0);
    d.close();

    const one = refuse(join(tempDir(), 'one.db'));
    expect(cli(['run', c, '--db', one, '--json', '--jobs', '1']).code).toBe(1);
    const a = dumpDb(two);
    expect(a.documents).toHaveLength(4);
    expect(a.fts).toEqual([{ check: 'ok', pending: 0 }]);
    expect(a).toEqual(dumpDb(one));
  });
});
