/**
 * Past one machine: the same inputs processed by `zhnews run`, by one
 * `extract --jsonl` stream, by the Dask driver (a LocalCluster with two
 * workers, one of them killed mid-shard) and by GNU parallel, each followed
 * by `zhnews load`, give databases identical by natural keys.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN, ROOT, cli, lastJson, tempDir } from '../foundation/helpers.js';
import { dumpByNaturalKeys, firstDifference } from './dump.js';
import { makeInputs } from './inputs.js';

const PY = '/usr/bin/python3';
const hasDask = existsSync(PY) && spawnSync(PY, ['-c', 'import dask.distributed'], { stdio: 'ignore' }).status === 0;
const hasParallel = spawnSync('parallel', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasDask) console.warn(`scaleout: skipping the Dask tests: ${PY} cannot import dask.distributed (apt-get install python3-distributed)`);
if (!hasParallel) console.warn('scaleout: skipping the GNU parallel test: `parallel` is not installed (apt-get install parallel)');

const dir = tempDir('zhnews-scaleout-');
const tree = makeInputs(dir);
const documents = tree.files - tree.failing;
let expected: Record<string, unknown[]>;

function sameAsRun(db: string): void {
  expect(firstDifference(expected, dumpByNaturalKeys(db))).toBeNull();
}

beforeAll(() => {
  const r = cli(['run', 'in', '--db', join(dir, 'run.db'), '--json', '--quiet'], { cwd: dir });
  expect(r.code).toBe(1); // the two failing files
  expect(lastJson(r.stdout)).toMatchObject({ processed: documents, failed: tree.failing });
  expected = dumpByNaturalKeys(join(dir, 'run.db'));
  expect(expected.documents).toHaveLength(documents);
  expect(expected.errors).toHaveLength(tree.failing);
  expect(expected.sentences!.length).toBeGreaterThan(3000);
});

describe('extract --jsonl then load (no engine)', () => {
  const results = join(dir, 'all.jsonl');
  let lines: string[];

  beforeAll(() => {
    const list = cli(['extract', '--list', 'in'], { cwd: dir });
    expect(list.code).toBe(0);
    const out = cli(['extract', '--jsonl'], { cwd: dir, input: list.stdout });
    expect(out.code).toBe(1); // two documents failed: their error lines are results
    writeFileSync(results, out.stdout);
    lines = out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(tree.files);
  });

  it('stores what run stores, errors included, and loading again changes nothing', () => {
    const db = join(dir, 'plain.db');
    const first = cli(['load', results, '--db', db, '--json'], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(lastJson(first.stdout)).toMatchObject({ loaded: documents, unchanged: 0, errors: tree.failing, corrupt: 0, refused: 0 });
    sameAsRun(db);
    const again = cli(['load', results, '--db', db, '--json'], { cwd: dir });
    expect(lastJson(again.stdout)).toMatchObject({ loaded: 0, unchanged: documents, errors: 0 });
    sameAsRun(db);
  });

  it('reports a corrupt line with its file and line number, loads the rest, and a re-load completes it', () => {
    const bad = join(dir, 'corrupt.jsonl');
    const n = 7;
    const victim = JSON.parse(lines[n - 1]!).path as string;
    writeFileSync(bad, lines.map((l, i) => (i === n - 1 ? l.slice(0, Math.floor(l.length / 2)) : l)).join('\n') + '\n');
    const db = join(dir, 'corrupt.db');
    const r = cli(['load', bad, '--db', db, '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:${n}: not a zhnews record: not valid JSON`);
    expect(lastJson(r.stdout)).toMatchObject({ loaded: documents - 1, corrupt: 1, errors: tree.failing });
    const d = new Database(db, { readonly: true });
    expect(d.prepare('SELECT count(*) n FROM documents WHERE path = ?').get(victim)).toEqual({ n: 0 });
    expect(d.prepare("SELECT message FROM errors WHERE code = 'E_RECORD'").all()).toEqual([{ message: expect.stringContaining(`${bad}:${n}:`) }]);
    d.close();
    expect(cli(['load', results, '--db', db, '--json'], { cwd: dir }).code).toBe(0);
    const dump = dumpByNaturalKeys(db);
    dump.errors = dump.errors!.filter((e) => !String(e).includes('E_RECORD'));
    expect(firstDifference(expected, dump)).toBeNull();
  });

  it('refuses records of another pipeline hash unless told, with a clear message', () => {
    const rec = JSON.parse(lines.find((l) => l.includes('"schemaVersion"'))!);
    rec.pipelineHash = 'f'.repeat(64);
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, JSON.stringify(rec) + '\n');
    const db = join(dir, 'other.db');
    const refused = cli(['load', other, '--db', db, '--json'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/other\.jsonl:1: made by pipeline "default" \(hash ffffffffffff…\), but the database is loaded for "default"/);
    expect(refused.stderr).toContain('--accept-other-pipeline');
    expect(lastJson(refused.stdout)).toMatchObject({ loaded: 0, refused: 1 });
    const accepted = cli(['load', other, '--db', db, '--json', '--accept-other-pipeline'], { cwd: dir });
    expect(lastJson(accepted.stdout)).toMatchObject({ loaded: 1, refused: 0 });
    const d = new Database(db, { readonly: true });
    expect(d.prepare('SELECT path, pipeline_hash FROM documents').all()).toEqual([{ path: rec.path, pipeline_hash: rec.pipelineHash }]);
    d.close();
  });
});

describe.skipIf(!hasDask)('Dask driver (LocalCluster, 2 workers)', () => {
  it('gives run\'s database although a worker is killed mid-shard, and loading its shards again changes nothing', () => {
    const marker = join(dir, 'killed.txt');
    const db = join(dir, 'dask.db');
    const r = spawnSync(
      PY,
      [join(ROOT, 'examples/dask/zhnews_dask.py'), 'in', '--workers', '2', '--out', 'dask-results', '--db', db,
        '--zhnews', `${process.execPath} ${BIN}`, '--kill-worker-once', marker, '--kill-shard', '1'],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(summary.shards).toBeGreaterThan(2);
    expect(summary.load).toMatchObject({ loaded: documents, errors: tree.failing, corrupt: 0 });
    // the kill happened after shard 1 had written part of its results
    expect(readFileSync(marker, 'utf8')).toMatch(/^killed worker \d+ after [1-9]\d* bytes of shard-00001-/);
    expect(readdirSync(join(dir, 'dask-results')).filter((f) => f.includes('.tmp-'))).toEqual([]);
    sameAsRun(db);
    const again = cli(['load', '--db', db, '--json', ...summary.results], { cwd: dir });
    expect(lastJson(again.stdout)).toMatchObject({ loaded: 0, unchanged: documents, errors: 0 });
    sameAsRun(db);
  });
});

describe.skipIf(!hasParallel)('GNU parallel recipe (one machine)', () => {
  it('gives run\'s database', () => {
    const db = join(dir, 'parallel.db');
    const r = spawnSync(join(ROOT, 'examples/parallel/zhnews-parallel.sh'), ['-j', '2', '-n', '40', '-o', 'parallel-results', '-d', db, 'in'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ZHNEWS: `${process.execPath} ${BIN}` },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toMatchObject({ files: 7, loaded: documents, errors: tree.failing });
    sameAsRun(db);
  });
});
