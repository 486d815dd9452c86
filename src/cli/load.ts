/**
 * `zhnews load [FILE.jsonl…|-]`: merge `zhnews extract --jsonl` results (from
 * any engine that ran the filter over shards) into the database, as `run`
 * would have stored the same inputs. See src/load and docs/scaling.md.
 */
import type { Command } from 'commander';
import { DEFAULT_PIPELINE } from '../pipeline/config.js';
import { databaseOrFail, pipelineOrFail } from './setup.js';
import { loadFiles, type LoadProgress, type LoadSummary } from '../load/index.js';

interface LoadCliOptions {
  pipeline: string;
  db?: string;
  json?: boolean;
  quiet?: boolean;
  acceptOtherPipeline?: boolean;
  commitEvery?: string;
}

function progressLine(p: LoadProgress): string {
  const mbs = p.bytes / 1e6 / Math.max(p.seconds, 1e-3);
  return `\r${p.file}: ${p.lines} lines  ${(p.bytes / 1e6).toFixed(1)} MB  ${mbs.toFixed(1)} MB/s `;
}

function humanSummary(s: LoadSummary): string {
  return (
    [
      `documents: ${s.loaded} loaded, ${s.unchanged} unchanged, ${s.errors} error lines stored, ${s.failed} failed to store`,
      `lines: ${s.lines} in ${s.files} file(s); ${s.corrupt} not valid records, ${s.refused} refused (other pipeline)`,
      `time: ${s.seconds.toFixed(2)} s, ${s.mbPerSecond.toFixed(1)} MB/s of JSONL`,
    ].join('\n') + '\n'
  );
}

export function registerLoad(program: Command): void {
  program
    .command('load')
    .description('merge `extract --jsonl` result files (or - for stdin) into the database, as `run` stores them')
    .argument('[files...]', 'JSONL result files; - or none reads stdin')
    .option('--pipeline <file>', 'the pipeline the records must come from (its hash is checked)', DEFAULT_PIPELINE)
    .option('--db <file>', "SQLite database (default: the pipeline's database, data/news.db)")
    .option('--accept-other-pipeline', 'store records made by another pipeline hash too (they keep their own hash)')
    .option('--commit-every <n>', 'documents per commit; each stays all-or-nothing, and bulk loads are faster with 50 or so', '1')
    .option('--json', 'print the summary as one JSON object on the last stdout line')
    .option('--quiet', 'no progress output')
    .action(async (files: string[], opts: LoadCliOptions) => {
      const commitEvery = Number(opts.commitEvery);
      if (!Number.isInteger(commitEvery) || commitEvery < 1) {
        process.stderr.write(`zhnews: --commit-every must be a positive whole number, got ${JSON.stringify(opts.commitEvery)}\n`);
        process.exitCode = 2;
        return;
      }
      const pipeline = pipelineOrFail(opts.pipeline);
      if (!pipeline) return;
      const dbFile = opts.db ?? pipeline.config.database;
      const db = databaseOrFail(dbFile);
      if (!db) return;
      const tty = process.stderr.isTTY && !opts.quiet;
      try {
        const summary = await loadFiles(files, {
          db,
          pipeline,
          acceptOtherPipeline: !!opts.acceptOtherPipeline,
          commitEvery,
          onProgress: tty ? (p) => process.stderr.write(progressLine(p)) : undefined,
          onProblem: (m) => process.stderr.write(`${tty ? '\r' : ''}zhnews: ${m}\n`),
        });
        if (tty) process.stderr.write('\n');
        if (opts.json) process.stdout.write(JSON.stringify(summary) + '\n');
        else process.stdout.write(humanSummary(summary));
        process.exitCode = summary.corrupt + summary.refused + summary.failed > 0 ? 1 : 0;
      } finally {
        db.close();
      }
    });
}
