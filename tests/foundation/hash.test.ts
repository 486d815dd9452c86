/**
 * The pipeline hash covers what runs: in a copy of the built program, a
 * changed normalize pass, rule or data file re-processes every document on
 * the next `run`; changing nothing re-processes none; changing the CLI or the
 * query code (which do not decide records) re-processes none either.
 */
import { appendFileSync, cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
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

/** `zhnews run` in the copy; asynchronous, so a slow run never blocks the test worker's event loop. */
async function run(dir: string): Promise<Record<string, number>> {
  const r = await promisify(execFile)(process.execPath, [join(dir, 'bin/zhnews.js'), 'run', 'corpus', '--db', 'x.db', '--json', '--quiet', '--jobs', '1'], { cwd: dir, encoding: 'utf8' });
  return lastJson(r.stdout);
}

describe('the pipeline hash covers the code and data that run', () => {
  const dir = install();

  it('first run processes all, an unchanged re-run none', async () => {
    expect(await run(dir)).toMatchObject({ processed: 5, unchanged: 0 });
    expect(await run(dir)).toMatchObject({ processed: 0, unchanged: 5 });
  });

  it('a changed CLI or query module re-processes nothing', async () => {
    appendFileSync(join(dir, 'dist/cli/stats.js'), '\n// a comment changes no record\n');
    appendFileSync(join(dir, 'dist/query/index.js'), '\n// a comment changes no record\n');
    expect(await run(dir)).toMatchObject({ processed: 0, unchanged: 5 });
  });

  it('a changed normalize pass re-processes every document', async () => {
    appendFileSync(join(dir, 'dist/normalize/spacing.js'), '\n// a changed pass\n');
    expect(await run(dir)).toMatchObject({ processed: 5, unchanged: 0 });
    expect(await run(dir)).toMatchObject({ processed: 0, unchanged: 5 });
  });

  it('a changed rule re-processes every document', async () => {
    appendFileSync(join(dir, 'dist/extract/rules/figure-money/rule.js'), '\n// a changed rule\n');
    expect(await run(dir)).toMatchObject({ processed: 5, unchanged: 0 });
  });

  it('a changed gazetteer re-processes every document', async () => {
    appendFileSync(join(dir, 'pipelines/gazetteer/orgs.txt'), '\n测试机构有限公司\n');
    expect(await run(dir)).toMatchObject({ processed: 5, unchanged: 0 });
  });
});
