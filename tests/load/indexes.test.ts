import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { readDocument } from '../../src/ingest/index.js';
import { loadPipeline, DEFAULT_PIPELINE } from '../../src/pipeline/config.js';
import { processDocument } from '../../src/pipeline/process.js';
import { toRecord } from '../../src/pipeline/records.js';
import { openDb, type DB } from '../../src/store/db.js';
import { DEFERRABLE_INDEXES } from '../../src/store/indexes.js';
import { Loader } from '../../src/load/index.js';

const indexes = (db: DB) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name").pluck().all() as string[];

describe('indexes deferred by a bulk load', async () => {
  const pipeline = loadPipeline(DEFAULT_PIPELINE);
  const lines: string[] = [];
  for (const f of ['corpus/001_ed89191f88b1a850.txt', 'corpus/003_68ba46f9a76749d4.txt']) {
    lines.push(JSON.stringify(toRecord(undefined, processDocument(await readDocument(f), pipeline, { docDate: '2024-05-06' }))));
  }
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-idx-'));
  const fresh = openDb(join(dir, 'fresh.db'));
  const all = indexes(fresh);
  fresh.close();

  it('are dropped while loading into an empty database and all back at the end', async () => {
    const db = openDb(join(dir, 'a.db'));
    try {
      const loader = new Loader({ db, pipeline });
      for (const name of DEFERRABLE_INDEXES) expect(indexes(db)).not.toContain(name);
      await loader.stream(Readable.from([lines.join('\n') + '\n']), 'mem');
      loader.finish();
      expect(indexes(db)).toEqual(all);
      expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
      // a database with documents keeps its indexes through a load
      const again = new Loader({ db, pipeline });
      expect(indexes(db)).toEqual(all);
      again.finish();
    } finally {
      db.close();
    }
  });

  it('come back when a killed load left them missing: the next writable open rebuilds them', async () => {
    const file = join(dir, 'killed.db');
    const db = openDb(file);
    const loader = new Loader({ db, pipeline });
    await loader.stream(Readable.from([lines[0] + '\n']), 'mem');
    // killed here: no finish()
    expect(indexes(db)).not.toContain('mentions_entity');
    db.close();
    const reader = openDb(file, { readonly: true });
    expect(indexes(reader)).not.toContain('mentions_entity');
    reader.close();
    const reopened = openDb(file);
    try {
      expect(indexes(reopened)).toEqual(all);
      const plan = reopened.prepare("EXPLAIN QUERY PLAN SELECT 1 FROM mentions WHERE entity = 'x'").all() as Array<{ detail: string }>;
      expect(plan.map((r) => r.detail).join(' ')).toContain('mentions_entity');
    } finally {
      reopened.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
