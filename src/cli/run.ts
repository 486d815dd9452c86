import type { Command } from 'commander';
import { DEFAULT_PIPELINE } from '../pipeline/config.js';
import { databaseOrFail, pipelineOrFail, usageError } from './setup.js';
import { runBatch, defaultJobs, type BatchSummary, type Progress } from '../pipeline/batch.js';
import { FORMAT_NAMES } from '../ingest/index.js';

interface RunOptions {
  pipeline?: string;
  db?: string;
  jobs?: string;
  force?: boolean;
  json?: boolean;
  quiet?: boolean;
  formats?: string;
}

function progressLine(p: Progress): string {
  const rate = p.done / Math.max(p.seconds, 1e-3);
  const mbs = p.bytes / 1e6 / Math.max(p.seconds, 1e-3);
  const eta = rate > 0 ? (p.total - p.done) / rate : 0;
  return `\r${p.done}/${p.total} docs  ${rate.toFixed(1)} docs/s  ${mbs.toFixed(2)} MB/s  ETA ${eta.toFixed(0)}s `;
}

function humanSummary(s: BatchSummary): string {
  const lines = [
    `documents: ${s.processed} processed, ${s.unchanged} unchanged, ${s.failed} failed${s.processed === 0 && s.failed === 0 ? ' (nothing to do: all unchanged)' : ''}`,
    `stored for these inputs: ${s.documents} documents, ${s.articles} articles, ${s.sentences} sentences, ${s.tokens} tokens`,
    `extracted: ${s.entities} entities (${s.mentions} mentions), ${s.figures} figures, ${s.quotes} quotes, ${s.relations} relations`,
    `time: ${s.seconds.toFixed(2)} s (CPU ${s.cpuSeconds.toFixed(2)} s), ${s.mbPerSecond.toFixed(2)} MB/s read, peak RSS ${s.maxRssMB} MB`,
  ];
  return lines.join('\n') + '\n';
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('process files, folders (recursive .txt/.md/.html/.docx/.pdf) or globs into the database')
    .argument('[paths...]', 'inputs', ['corpus'])
    .option('--pipeline <file>', 'pipeline config (YAML or JSON)', DEFAULT_PIPELINE)
    .option('--db <file>', 'SQLite database (default: the pipeline\'s database, data/news.db)')
    .option('--jobs <n>', `worker threads (default ${defaultJobs()}, one per core)`)
    .option('--force', 'reprocess documents even when unchanged')
    .option('--json', 'print the summary as one JSON object on the last stdout line')
    .option('--quiet', 'no progress output')
    .option('--formats <list>', `formats a folder walk takes, comma-separated (${FORMAT_NAMES.join(',')}; default all)`)
    .action(async (paths: string[], opts: RunOptions) => {
      const pipeline = pipelineOrFail(opts.pipeline ?? DEFAULT_PIPELINE);
      if (!pipeline) return;
      const jobs = opts.jobs === undefined ? undefined : Number(opts.jobs);
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
        usageError(`--jobs must be a positive whole number, got ${JSON.stringify(opts.jobs)}`);
        return;
      }
      let formats: string[] | undefined;
      if (opts.formats !== undefined) {
        formats = opts.formats.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
        const bad = formats.filter((f) => !(FORMAT_NAMES as readonly string[]).includes(f));
        if (bad.length || formats.length === 0) {
          usageError(`--formats takes ${FORMAT_NAMES.join(', ')}; got ${JSON.stringify(opts.formats)}`);
          return;
        }
      }
      const dbFile = opts.db ?? pipeline.config.database;
      const db = databaseOrFail(dbFile);
      if (!db) return;
      const tty = process.stderr.isTTY && !opts.quiet;
      try {
        const summary = await runBatch({
          paths,
          pipeline,
          db,
          dbFile,
          jobs,
          force: opts.force,
          formats,
          onProgress: tty ? (p) => process.stderr.write(progressLine(p)) : undefined,
          onError: (_path, code, message) => process.stderr.write(`${tty ? '\r' : ''}zhnews: error ${code}: ${message}\n`),
        });
        if (tty) process.stderr.write('\n');
        if (opts.json) process.stdout.write(JSON.stringify(summary) + '\n');
        else process.stdout.write(humanSummary(summary));
        process.exitCode = summary.failed > 0 ? 1 : 0;
      } finally {
        db.close();
      }
    });
}
