/**
 * The pipeline hash covers what runs: in a copy of the built program, a
 * changed normalize pass, rule or data file re-processes every document on
 * the next `run`; changing nothing re-processes none; changing the CLI or the
 * query code (which do not decide records) re-processes none either.
 */
import { appendFileSync, cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, CORPUS, tempDir, lastJson } from './helpers.js';

function install(): string {
  const dir = tempDir('zhnews-hash-');
  for (const p of ['bin', 'dist', 'pipelines', 'package.json']) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'corpus'));
  cpSync(CORPUS, join(dir, 'corpus'), { recursive: true });
  return dir;
}

function run(dir: string): Record<string, number> {
  const r = spawnSync(process.execPath, [join(dir, 'bin/zhnews.js'), 'run', 'corpus', '--db', 'x.db', '--json', '--quiet', '--jobs', '1'], { cwd: dir, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return lastJson(r.stdout);
}

describe('the pipeline hash covers the code and data that run', () => {
  const dir = install();

  it('first run processes all, an unchanged re-run none', () => {
    expect(run(dir)).toMatchObject({ processed: 5, unchanged: 0 });
    expect(run(dir)).toMatchObject({ processed: 0, unchanged: 5 });
  });

  it('a changed CLI or query module re-processes nothing', () => {
    appendFileSync(join(dir, 'dist/cli/stats.js'), '\n// a comment changes no record\n');
    appendFileSync(join(dir, 'dist/query/index.js'), '\n// a comment changes no record\n');
    expect(run(dir)).toMatchObject({ processed: 0, unchanged: 5 });
  });

  it('a changed normalize pass re-processes every document', () => {
    appendFileSync(join(dir, 'dist/normalize/spacing.js'), '\n// a changed pass\n');
    expect(run(dir)).toMatchObject({ processed: 5, unchanged: 0 });
    expect(run(dir)).toMatchObject({ processed: 0, unchanged: 5 });
  });

  it('a changed rule re-processes every document', () => {
    appendFileSync(join(dir, 'dist/extract/rules/figure-money/rule.js'), '\n// a changed rule\n');
    expect(run(dir)).toMatchObject({ processed: 5, unchanged: 0 });
  });

  it('a changed gazetteer re-processes every document', () => {
    appendFileSync(join(dir, 'pipelines/gazetteer/orgs.txt'), '\n测试机构有限公司\n');
    expect(run(dir)).toMatchObject({ processed: 5, unchanged: 0 });
  });
});
