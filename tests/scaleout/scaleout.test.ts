/**
 * Past one machine: the same inputs processed by `zhnews run`, by one
 * `extract --jsonl` stream, by the Dask driver (a LocalCluster with two
 * workers, one of them killed mid-shard) and by GNU parallel, each followed
 * by `zhnews load`, give databases identical by natural keys.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
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

/**
 * A command run without blocking this test worker (a minute-long spawnSync
 * starves vitest's own messages), with its output.
 */
function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { cwd: dir, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', rej);
    child.on('close', (code) => res({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
const zhnews = (...args: string[]) => run(process.execPath, [BIN, ...args]);

function sameAsRun(db: string): void {
  expect(firstDifference(expected, dumpByNaturalKeys(db))).toBeNull();
}

beforeAll(async () => {
  const r = await zhnews('run', 'in', '--db', join(dir, 'run.db'), '--json', '--quiet');
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

  beforeAll(async () => {
    const list = await zhnews('extract', '--list', 'in');
    expect(list.code).toBe(0);
    const out = await run(process.execPath, [BIN, 'extract', '--jsonl'], { input: list.stdout });
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

  it('stores the same with several documents per commit', () => {
    const db = join(dir, 'grouped.db');
    const r = cli(['load', results, '--db', db, '--json', '--commit-every', '50'], { cwd: dir });
    expect(lastJson(r.stdout)).toMatchObject({ loaded: documents, errors: tree.failing });
    sameAsRun(db);
  });

  it('can be killed mid-way and re-run: the result is run\'s database', async () => {
    const db = join(dir, 'killed-load.db');
    const child = spawn(process.execPath, [BIN, 'load', results, '--db', db, '--quiet'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('close', (_code, signal) => res(signal)));
    let stored = 0;
    while (child.exitCode === null && stored < 20) {
      await new Promise((res) => setTimeout(res, 10));
      if (!existsSync(db)) continue;
      try {
        const d = new Database(db, { readonly: true, fileMustExist: true });
        stored = (d.prepare('SELECT count(*) n FROM documents').get() as { n: number }).n;
        d.close();
      } catch {
        // not migrated yet
      }
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const d = new Database(db, { readonly: true });
    const partial = (d.prepare('SELECT count(*) n FROM documents').get() as { n: number }).n;
    d.close();
    expect(partial).toBeGreaterThanOrEqual(20);
    expect(partial).toBeLessThan(documents);
    const again = cli(['load', results, '--db', db, '--json'], { cwd: dir });
    expect(lastJson(again.stdout)).toMatchObject({ loaded: documents - partial, unchanged: partial });
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
  it('gives run\'s database although a worker is killed mid-shard, and loading its shards again changes nothing', async () => {
    const marker = join(dir, 'killed.txt');
    const db = join(dir, 'dask.db');
    const r = await run(PY, [
      join(ROOT, 'examples/dask/zhnews_dask.py'), 'in', '--workers', '2', '--shard-size', '84', '--out', 'dask-results', '--db', db,
      '--zhnews', `${process.execPath} ${BIN}`, '--kill-worker-once', marker, '--kill-shard', '1',
    ]);
    expect(r.code, r.stderr).toBe(0);
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
  it('gives run\'s database', async () => {
    const db = join(dir, 'parallel.db');
    const r = await run(join(ROOT, 'examples/parallel/zhnews-parallel.sh'), ['-j', '2', '-n', '84', '-o', 'parallel-results', '-d', db, 'in'], {
      env: { ...process.env, ZHNEWS: `${process.execPath} ${BIN}` },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toMatchObject({ files: 3, loaded: documents, errors: tree.failing });
    sameAsRun(db);
  });
});
