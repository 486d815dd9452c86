import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { loadMigrations, migrate } from '../../src/store/db.js';

// A database written by a build before migration 005 stored a relation with no tail as -1.
describe('migration 005 (relations.tail nullable)', () => {
  it('turns the -1 of older databases into NULL and keeps every relation and the views', () => {
    const db = new Database(':memory:');
    const all = loadMigrations();
    migrate(db, all.filter((m) => m.version <= 4));
    db.prepare(
      "INSERT INTO documents (id, doc_id, path, sha256, encoding, bytes, tokens, raw, normalized, pipeline, pipeline_hash, repair_counts, repairs, timings, processed_at) VALUES (1, 'd', 'd.txt', 'x', 'utf-8', 1, 2, '主教练普利斯', '主教练普利斯', 'default', 'h', '{}', '[]', '{}', 'now')",
    ).run();
    db.prepare("INSERT INTO mentions (doc, seq, type, text, norm, sentence, start, end, raw_start, raw_end, rule, rule_version) VALUES (1, 0, 'PERSON', '普利斯', '普利斯', 0, 3, 6, 3, 6, 'r', 1)").run();
    db.prepare(
      "INSERT INTO relations (doc, seq, type, head, tail, label, text, start, end, raw_start, raw_end, rule, rule_version) VALUES (1, 0, 'person-title', 0, -1, '主教练', '主教练普利斯', 0, 6, 0, 6, 'relation-title-before', 1)",
    ).run();
    expect(migrate(db, all)).toContain(5);
    expect(db.prepare('SELECT seq, type, tail, label FROM relations').all()).toEqual([{ seq: 0, type: 'person-title', tail: null, label: '主教练' }]);
    expect(db.prepare('SELECT person, title, org FROM person_titles').all()).toEqual([{ person: '普利斯', title: '主教练', org: null }]);
    expect(db.prepare("SELECT label FROM extraction_rows WHERE label LIKE 'relation:%'").all()).toEqual([{ label: 'relation:person-title' }]);
    db.close();
  });
});
