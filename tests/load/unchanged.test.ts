import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { readDocument } from '../../src/ingest/index.js';
import { loadPipeline, DEFAULT_PIPELINE } from '../../src/pipeline/config.js';
import { processDocument } from '../../src/pipeline/process.js';
import { toRecord } from '../../src/pipeline/records.js';
import { openDb } from '../../src/store/db.js';
import { WRITER_AUTOCHECKPOINT } from '../../src/store/write.js';
import { Loader } from '../../src/load/index.js';
import { dumpDb } from '../foundation/helpers.js';

describe('load finds an unchanged document inside the writer transaction', async () => {
  const pipeline = loadPipeline(DEFAULT_PIPELINE);
  const lines: string[] = [];
  for (const f of ['corpus/000_df42f2bb45961d64.txt', 'corpus/002_a4ad2e9ba5d436a3.txt']) {
    lines.push(JSON.stringify(toRecord(undefined, processDocument(await readDocument(f), pipeline))));
  }
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-unchanged-'));

  async function load(file: string, text: string) {
    const db = openDb(file);
    try {
      const before = db.pragma('wal_autocheckpoint', { simple: true }) as number;
      const loader = new Loader({ db, pipeline });
      // while storing, the WAL is checkpointed seldom (see WRITER_AUTOCHECKPOINT); finish() gives the connection its setting back
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThanOrEqual(WRITER_AUTOCHECKPOINT);
      await loader.stream(Readable.from([text]), 'mem');
      const summary = loader.finish();
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(before);
      return summary;
    } finally {
      db.close();
    }
  }

  it('a line repeated in one file, and a whole file loaded again, store nothing twice', async () => {
    const once = join(dir, 'once.db');
    expect(await load(once, `${lines[0]}\n${lines[1]}\n`)).toMatchObject({ loaded: 2, unchanged: 0, failed: 0 });
    const twice = join(dir, 'twice.db');
    expect(await load(twice, `${lines[0]}\n${lines[1]}\n${lines[0]}\n`)).toMatchObject({ loaded: 2, unchanged: 1, failed: 0 });
    expect(dumpDb(twice)).toEqual(dumpDb(once));
    expect(await load(twice, `${lines[1]}\n${lines[0]}\n`)).toMatchObject({ loaded: 0, unchanged: 2, failed: 0 });
    expect(dumpDb(twice)).toEqual(dumpDb(once));
    expect(dumpDb(once).mentions!.length).toBeGreaterThan(20);
  });
});
