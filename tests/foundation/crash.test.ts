import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { cli, cliAsync, lastJson, tempDir, dumpDb, ftsState, CORPUS } from './helpers.js';

/** A batch big enough to be killed mid-way: every corpus document in 24 variants. */
function bigBatch(): string {
  const dir = join(tempDir('zhnews-big-'), 'in');
  mkdirSync(dir);
  const docs = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
  for (let v = 0; v < 24; v++) {
    for (const f of docs) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      writeFileSync(join(dir, `v${String(v).padStart(2, '0')}_${f}`), `${text}\n第${v + 1}版 今年前${(v % 11) + 1}个月，投资同比增长${v + 1}.5%。\n`);
    }
  }
  return dir;
}

function count(db: string, sql: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(sql).get() as { n: number }).n;
  } finally {
    d.close();
  }
}

async function waitFor(pred: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if (pred()) return;
    } catch {
      // the database may not exist yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('timed out waiting');
}

describe('crash safety', () => {
  const input = bigBatch();

  it('a run killed with SIGKILL leaves a consistent database, and the next run completes the batch exactly', async () => {
    const dir = tempDir();
    const killed = join(dir, 'killed.db');
    const clean = join(dir, 'clean.db');
    const { child, done } = cliAsync(['run', input, '--db', killed, '--json', '--jobs', '2']);
    await waitFor(() => count(killed, 'SELECT count(*) n FROM documents') >= 10, 120_000);
    child.kill('SIGKILL');
    const r = await done;
    expect(r.code).toBe(-1);

    const d = new Database(killed);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = (d.prepare('SELECT count(*) n FROM documents').get() as { n: number }).n;
    expect(stored).toBeGreaterThanOrEqual(10);
    expect(stored).toBeLessThan(120);
    // no half-stored document: every stored document has its sentences
    const incomplete = d.prepare('SELECT count(*) n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc = d.id)').get() as { n: number };
    expect(incomplete.n).toBe(0);
    // the full-text index is sound; documents stored after its last batch wait, flagged
    d.prepare("INSERT INTO sentences_fts(sentences_fts) VALUES('integrity-check')").run();
    const pending = ftsState(d).pending;
    const indexed = (d.prepare('SELECT count(*) n FROM documents WHERE fts_pending = 0').get() as { n: number }).n;
    expect(pending + indexed).toBe(stored);
    d.close();

    const resumed = cli(['run', input, '--db', killed, '--json']);
    expect(resumed.code).toBe(0);
    const s = lastJson(resumed.stdout);
    expect(s.unchanged).toBe(stored);
    expect(s.processed).toBe(120 - stored);

    expect(cli(['run', input, '--db', clean, '--json']).code).toBe(0);
    const dump = dumpDb(killed);
    expect(dump.fts).toEqual([{ check: 'ok', pending: 0 }]);
    expect(dump).toEqual(dumpDb(clean));
  });

  it('two runs started on one database at once both finish, and the result equals one run', async () => {
    const dir = tempDir();
    const shared = join(dir, 'shared.db');
    const single = join(dir, 'single.db');
    const a = cliAsync(['run', input, '--db', shared, '--json', '--jobs', '1']);
    const b = cliAsync(['run', input, '--db', shared, '--json', '--jobs', '1']);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.stderr).toBe('');
    expect(rb.stderr).toBe('');
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    const sa = lastJson(ra.stdout);
    const sb = lastJson(rb.stdout);
    expect(sa.failed + sb.failed).toBe(0);
    // together they stored every document at least once; neither lost any
    expect(sa.processed + sa.unchanged).toBe(120);
    expect(sb.processed + sb.unchanged).toBe(120);
    expect(cli(['run', input, '--db', single, '--json']).code).toBe(0);
    const dump = dumpDb(shared);
    expect(dump.fts).toEqual([{ check: 'ok', pending: 0 }]);
    expect(dump).toEqual(dumpDb(single));
  });
});
