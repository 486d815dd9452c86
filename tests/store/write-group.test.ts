import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../../src/ingest/index.js';
import { loadPipeline, DEFAULT_PIPELINE } from '../../src/pipeline/config.js';
import { processDocument } from '../../src/pipeline/process.js';
import { openDb } from '../../src/store/db.js';
import { DocWriter, docRows, type DocRows } from '../../src/store/write.js';
import { CORPUS, dumpDb, tempDir } from '../foundation/helpers.js';

describe('DocWriter.storeMany: a group of documents in one transaction', async () => {
  const pipeline = loadPipeline(DEFAULT_PIPELINE);
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(CORPUS, f));
  const docs = await Promise.all(files.map(async (f) => processDocument(await readDocument(f), pipeline)));
  const dir = tempDir('zhnews-group-');

  function oneByOne(name: string, which = docs) {
    const file = join(dir, name);
    const db = openDb(file);
    const w = new DocWriter(db);
    for (const p of which) w.store(p, null);
    db.close();
    return file;
  }

  it('stores exactly what one transaction per document stores', () => {
    expect(docs.length).toBeGreaterThanOrEqual(5);
    const single = oneByOne('single.db');
    const file = join(dir, 'group.db');
    const db = openDb(file);
    const results = new DocWriter(db).storeMany(docs.map(docRows), null);
    db.close();
    expect(results.map((r) => (r instanceof Error ? r.message : r.unchanged))).toEqual(docs.map(() => false));
    const dump = dumpDb(file);
    expect(dump.mentions!.length).toBeGreaterThan(20);
    expect(dump.sentences!.length).toBeGreaterThan(20);
    expect(dump).toEqual(dumpDb(single));
  });

  it('a document that cannot be stored fails alone: the others are stored, each whole', () => {
    const rows = docs.map(docRows);
    // a mention without a type breaks mentions.type NOT NULL in the middle of the third document
    const bad: DocRows = { ...rows[2]!, mentions: rows[2]!.mentions.map((v, i) => (i === 1 ? null : v)) };
    expect(rows[2]!.mentions[1]).toEqual(expect.any(String));
    const file = join(dir, 'bad.db');
    const db = openDb(file);
    const results = new DocWriter(db).storeMany([rows[0]!, rows[1]!, bad, ...rows.slice(3)], null);
    expect(results[2]).toBeInstanceOf(Error);
    expect((results[2] as Error).message).toMatch(/NOT NULL constraint failed: mentions\.type/);
    expect(results.filter((r) => r instanceof Error)).toHaveLength(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(dumpDb(file)).toEqual(dumpDb(oneByOne('good.db', docs.filter((_, i) => i !== 2))));
  });

  it('finds a document already stored unchanged, inside the group too', () => {
    const file = join(dir, 'again.db');
    const db = openDb(file);
    const w = new DocWriter(db);
    w.store(docs[1]!, null);
    const rows = docs.map(docRows);
    const results = w.storeMany([...rows, rows[0]!], null);
    db.close();
    expect(results.map((r) => (r instanceof Error ? r.message : r.unchanged))).toEqual([false, true, ...docs.slice(2).map(() => false), true]);
    expect(dumpDb(file)).toEqual(dumpDb(oneByOne('once.db')));
  });
});
