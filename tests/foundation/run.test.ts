import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { writeFileSync, symlinkSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { cli, lastJson, tempDir, corpusCopy, dumpDb } from './helpers.js';

describe('zhnews run on the bundled corpus', () => {
  const dir = tempDir();
  const db = join(dir, 'news.db');
  let first: ReturnType<typeof cli>;

  beforeAll(() => {
    first = cli(['run', 'corpus', '--db', db, '--json']);
  });

  it('processes all five documents and reports a summary', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const s = lastJson(first.stdout);
    expect(s).toMatchObject({ processed: 5, unchanged: 0, failed: 0, documents: 5 });
    for (const k of ['articles', 'sentences', 'tokens', 'entities', 'figures', 'seconds', 'mbPerSecond', 'cpuSeconds']) expect(s[k]).toBeGreaterThan(0);
  });

  it('stores documents, sentences and spans whose raw and normalized slices are right', () => {
    const d = new Database(db, { readonly: true });
    const docs = d.prepare('SELECT id, doc_id, raw, normalized, sha256, encoding FROM documents ORDER BY doc_id').all() as Array<{
      id: number; doc_id: string; raw: string; normalized: string; sha256: string; encoding: string;
    }>;
    expect(docs.map((x) => x.doc_id)).toEqual(['000_df42f2bb45961d64', '001_ed89191f88b1a850', '002_a4ad2e9ba5d436a3', '003_68ba46f9a76749d4', '004_6c4083fd503699c9']);
    const manifest = readFileSync('corpus/manifest.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    let spans = 0;
    for (const doc of docs) {
      expect(doc.encoding).toBe('utf-8');
      expect(doc.sha256).toBe(manifest.find((m) => m.id === doc.doc_id).sha256);
      expect(doc.raw).toBe(readFileSync(`corpus/${doc.doc_id}.txt`, 'utf8'));
      const sentences = d.prepare('SELECT text, start, end, raw_start, raw_end FROM sentences WHERE doc = ? ORDER BY idx').all(doc.id) as Array<Record<string, any>>;
      expect(sentences.length).toBeGreaterThan(20);
      let prevEnd = 0;
      for (const s of sentences) {
        expect(doc.normalized.slice(s.start, s.end)).toBe(s.text);
        expect(s.start).toBeGreaterThanOrEqual(prevEnd);
        expect(s.raw_start).toBeLessThan(s.raw_end);
        prevEnd = s.end;
      }
      for (const table of ['mentions', 'figures', 'quotes']) {
        const rows = d.prepare(`SELECT text, norm, start, end, raw_start, raw_end, rule, rule_version FROM ${table} WHERE doc = ?`).all(doc.id) as Array<Record<string, any>>;
        for (const r of rows) {
          expect(r.start).toBeLessThan(r.end);
          expect(doc.raw.slice(r.raw_start, r.raw_end)).toBe(r.text);
          expect(doc.normalized.slice(r.start, r.end)).toBe(r.norm);
          expect(r.rule).toMatch(/^[a-z0-9-]+$/);
          expect(r.rule_version).toBeGreaterThan(0);
          spans++;
        }
      }
    }
    expect(spans).toBeGreaterThan(300);
    // a known figure of the corpus, with both offsets
    const f = d.prepare("SELECT f.text, f.value, f.unit FROM figures f JOIN documents d ON d.id = f.doc WHERE d.doc_id = '000_df42f2bb45961d64' AND f.norm = '36.8%'").get() as any;
    expect(f).toMatchObject({ text: '36.8%', value: 36.8, unit: '%' });
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    d.close();
  });

  it('does nothing on an unchanged re-run and says so; --force reprocesses', () => {
    const again = cli(['run', 'corpus', '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 processed, 5 unchanged, 0 failed');
    expect(again.stdout).toContain('nothing to do');
    const forced = lastJson(cli(['run', 'corpus', '--db', db, '--force', '--json']).stdout);
    expect(forced).toMatchObject({ processed: 5, unchanged: 0 });
    // the replaced documents left the full-text index and came back into it
    expect(dumpDb(db).fts).toEqual([{ check: 'ok', pending: 0 }]);
  });

  it('reprocesses exactly the document whose content changed', () => {
    const c = corpusCopy();
    const cdb = join(c, 'c.db');
    expect(lastJson(cli(['run', c, '--db', cdb, '--json']).stdout).processed).toBe(5);
    const f = join(c, '003_68ba46f9a76749d4.txt');
    writeFileSync(f, readFileSync(f, 'utf8') + '\n到2030年，全区机器人产业规模突破300亿元。\n');
    const s = lastJson(cli(['run', c, '--db', cdb, '--json']).stdout);
    expect(s).toMatchObject({ processed: 1, unchanged: 4, failed: 0 });
    const d = new Database(cdb, { readonly: true });
    const n = d.prepare("SELECT count(*) n FROM figures WHERE norm LIKE '%300亿元' AND value = 30000000000 AND qualifier = 'atLeast'").get() as { n: number };
    expect(n.n).toBe(1);
    d.close();
    expect(dumpDb(cdb).fts).toEqual([{ check: 'ok', pending: 0 }]);
  });
});

describe('bad input', () => {
  it('names each bad file, records it in errors, stores the good ones, exits 1', () => {
    const c = corpusCopy();
    writeFileSync(join(c, 'empty.txt'), '');
    writeFileSync(join(c, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    writeFileSync(join(c, 'undecodable.txt'), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81, 0xfe, 0xff, 0x80, 0x20, 0xc3, 0x28]).subarray(2));
    symlinkSync(join(c, 'loop-b.txt'), join(c, 'loop-a.txt'));
    symlinkSync(join(c, 'loop-a.txt'), join(c, 'loop-b.txt'));
    const db = join(c, 'bad.db');
    const r = cli(['run', c, join(c, 'no-such-file.txt'), '--db', db, '--json']);
    expect(r.code).toBe(1);
    const s = lastJson(r.stdout);
    expect(s).toMatchObject({ processed: 5, failed: 6 });
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(r.stderr).toMatch(/empty\.txt: file is empty/);
    expect(r.stderr).toMatch(/binary\.txt: .*not a text file/);
    expect(r.stderr).toMatch(/undecodable\.txt: .*not valid UTF-8/);
    expect(r.stderr).toMatch(/no-such-file\.txt: no such file/);
    expect(r.stderr).toMatch(/loop-a\.txt: cannot read file/);
    const d = new Database(db, { readonly: true });
    const codes = (d.prepare('SELECT code FROM errors ORDER BY code').all() as Array<{ code: string }>).map((x) => x.code);
    expect(codes).toEqual(['E_BINARY', 'E_DECODE', 'E_EMPTY', 'E_NOT_FOUND', 'E_UNREADABLE', 'E_UNREADABLE']);
    expect((d.prepare('SELECT count(*) n FROM documents').get() as { n: number }).n).toBe(5);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    d.close();
  });

  it('rejects an invalid pipeline naming the file and the field, exit 2', () => {
    const dir = tempDir();
    const p = join(dir, 'broken.yaml');
    writeFileSync(p, 'name: broken\nnormalize:\n  passes: [artifacts, sparkle]\n');
    const r = cli(['run', 'corpus', '--pipeline', p, '--db', join(dir, 'x.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.yaml');
    expect(r.stderr).toContain('normalize.passes.1');
    const q = join(dir, 'typo.yaml');
    writeFileSync(q, 'name: typo\nsegmnet: {}\n');
    const r2 = cli(['run', 'corpus', '--pipeline', q, '--db', join(dir, 'x.db')]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/typo\.yaml: invalid pipeline.*segmnet/);
    const r3 = cli(['run', 'corpus', '--pipeline', join(dir, 'absent.yaml')]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/absent\.yaml: pipeline file not found/);
  });

  it('rejects a bad --jobs value with exit 2', () => {
    const r = cli(['run', 'corpus', '--jobs', 'many', '--db', join(tempDir(), 'x.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs');
  });
});

describe('parallelism', () => {
  it('stores identical content whatever --jobs is', () => {
    const dir = tempDir();
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    expect(cli(['run', 'corpus', '--db', a, '--jobs', '1', '--json']).code).toBe(0);
    expect(cli(['run', 'corpus', '--db', b, '--jobs', '2', '--json']).code).toBe(0);
    const da = dumpDb(a);
    expect(da.documents).toHaveLength(5);
    expect(da.fts).toEqual([{ check: 'ok', pending: 0 }]);
    expect(dumpDb(b)).toEqual(da);
  });
});
