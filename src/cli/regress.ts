/**
 * `regress [--accept] [--pipeline FILE] [--json]`: score the rules against
 * tests/gold and diff every extraction against tests/baseline.
 * Exit codes: 0 pass (or accepted), 1 a score dropped or the diff is not
 * empty (or no baseline yet), 2 usage or setup error.
 */
import type { Command } from 'commander';
import type { Writable } from 'node:stream';
import { formatRegress, groupByRule, runRegress, type RegressOptions } from '../regress/index.js';

export interface RegressCliOptions {
  accept?: boolean;
  pipeline?: string;
  json?: boolean;
  root?: string;
}

export interface RegressIo {
  stdout: Writable;
  stderr: Writable;
}

export async function runRegressCli(opts: RegressCliOptions, io: RegressIo): Promise<number> {
  const ro: RegressOptions = { accept: opts.accept === true };
  if (opts.pipeline !== undefined) ro.pipeline = opts.pipeline;
  if (opts.root !== undefined) ro.root = opts.root;
  let r;
  try {
    r = await runRegress(ro);
  } catch (err) {
    io.stderr.write(`zhnews regress: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (opts.json) {
    const { texts: _t, diff, ...rest } = r;
    io.stdout.write(JSON.stringify({ ...rest, diff: { ...diff, byRule: groupByRule(diff).map((g) => ({ rule: g.rule, added: g.added.length, removed: g.removed.length, changed: g.changed.length })) } }, null, 2) + '\n');
  } else {
    io.stdout.write(formatRegress(r));
  }
  return r.ok ? 0 : 1;
}

export function registerRegress(program: Command): void {
  program
    .command('regress')
    .description('score the rules against tests/gold and diff every extraction against tests/baseline; fails on a dropped score or any difference')
    .option('--accept', 'store the current extractions and scores as the new baseline (review the diff first)')
    .option('--pipeline <file>', 'pipeline file (default pipelines/default.yaml); the baseline is tests/baseline/<name>.jsonl')
    .option('--json', 'print the result as JSON')
    .action(async (opts: RegressCliOptions) => {
      process.exitCode = await runRegressCli(opts, { stdout: process.stdout, stderr: process.stderr });
    });
}
