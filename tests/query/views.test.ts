/** The 002 views answer the same questions for any SQLite client; an older database gets them on first query. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDb, SPEC_A, SPEC_B } from './fixture.js';
import { loadMigrations, migrate } from '../../src/store/db.js';
import { openQueryDb, queryEntities } from '../../src/query/index.js';

describe('views', () => {
  it('answer with plain SQL', () => {
    const db = new Database(makeDb(), { readonly: true });
    const ent = db.prepare("SELECT name, aliases, mentions FROM entity_summary WHERE key = 'ORG:北京经济技术开发区'").get();
    expect(ent).toEqual({ name: '北京经济技术开发区', aliases: '北京经开区', mentions: 3 });
    expect(db.prepare("SELECT entity FROM entity_names WHERE name = '北京经开区'").all()).toEqual([{ entity: 'ORG:北京经济技术开发区' }]);
    expect(db.prepare('SELECT person, title, org FROM person_titles ORDER BY person').all()).toEqual([
      { person: '刘卫华', title: '副主任', org: '北京经开区管委会' },
      { person: '张三', title: '主任', org: '上海市经济和信息化委员会' },
    ]);
    const total = [SPEC_A, SPEC_B].reduce((n, s) => n + s.mentions.length + s.figures.length + s.quotes.length + s.relations.length, 0);
    expect((db.prepare('SELECT COUNT(*) AS n FROM extraction_rows').get() as { n: number }).n).toBe(total);
    expect(db.prepare("SELECT label, text FROM extraction_rows WHERE label LIKE 'figure:%' AND value >= 1e9 ORDER BY value").all()).toEqual([
      { label: 'figure:money', text: '12亿元' },
      { label: 'figure:money', text: '千亿级' },
    ]);
    const fig = db.prepare("SELECT doc_id, sentence_text FROM figure_rows WHERE norm = '36.8%'").get() as { doc_id: string; sentence_text: string };
    expect(fig.doc_id).toBe('doc-a');
    expect(fig.sentence_text).toContain('36.8%');
    db.close();
  });

  it('are added to a database made before them', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zhnews-v1-')), 'old.db');
    const old = new Database(file);
    migrate(old, loadMigrations().slice(0, 1));
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();
    const db = openQueryDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(queryEntities(db)).toEqual([]);
    db.close();
  });
});
