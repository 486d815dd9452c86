/**
 * `report DOC [--db FILE] [-o FILE.html] [--pipeline FILE]`: one document as a
 * self-contained HTML page. DOC is a document id or a path. The document comes
 * from the database when it is stored there; otherwise, when DOC is a file, it
 * is processed in memory with the pipeline. Without -o the page goes to stdout.
 * Exit codes: 0 written, 1 failure, 2 usage error or document not found.
 */
import { existsSync, statSync } from 'node:fs';
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import type { Writable } from 'node:stream';
import { findDocument, openQueryDb } from '../query/index.js';
import { renderReport } from '../report/html.js';
import { reportDataFromDb, reportDataFromProcessed } from '../report/data.js';
import type { ReportData } from '../report/html.js';
import { DEFAULT_DB } from './query.js';

export interface ReportOptions {
  db?: string;
  output?: string;
  pipeline?: string;
}

export interface ReportIo {
  stdout: Writable;
  stderr: Writable;
}

/** The report data for DOC: stored, or processed in memory when DOC is a file the database lacks. */
export async function loadReportData(ref: string, opts: ReportOptions): Promise<ReportData | string> {
  const dbFile = opts.db ?? DEFAULT_DB;
  if (existsSync(dbFile)) {
    const db = openQueryDb(dbFile);
    try {
      const doc = findDocument(db, ref);
      if (doc) return reportDataFromDb(db, doc.id, `database ${dbFile}`);
    } finally {
      db.close();
    }
  }
  if (existsSync(ref) && statSync(ref).isFile()) {
    const { loadPipeline } = await import('../pipeline/config.js');
    const { processDocument } = await import('../pipeline/process.js');
    const { readDocument, manifestDate } = await import('../ingest/index.js');
    const pipeline = await loadPipeline(opts.pipeline);
    const p = processDocument(await readDocument(ref), pipeline, { docDate: manifestDate(ref) });
    return reportDataFromProcessed(p, `processed in memory (pipeline ${pipeline.name})`);
  }
  return existsSync(dbFile)
    ? `document not found: ${ref} is neither a document id or path in ${dbFile} nor a file`
    : `document not found: ${ref} is not a file, and there is no database at ${dbFile}`;
}

export async function runReport(ref: string, opts: ReportOptions, io: ReportIo): Promise<number> {
  let data: ReportData | string;
  try {
    data = await loadReportData(ref, opts);
  } catch (err) {
    io.stderr.write(`zhnews report: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  if (typeof data === 'string') {
    io.stderr.write(`zhnews report: ${data}\n`);
    return 2;
  }
  const html = renderReport(data);
  if (opts.output === undefined || opts.output === '-') {
    io.stdout.write(html);
    return 0;
  }
  try {
    await mkdir(dirname(opts.output), { recursive: true });
    await writeFile(opts.output, html);
  } catch (err) {
    io.stderr.write(`zhnews report: cannot write ${opts.output}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
    return 1;
  }
  io.stderr.write(`zhnews report: wrote ${opts.output} (${data.items.length} extractions, ${data.repairs.length} repairs; ${data.source})\n`);
  return 0;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('one document as a self-contained HTML page: raw and normalized text, repairs and extractions highlighted')
    .argument('<doc>', 'document id or path')
    .option('--db <file>', 'database file', DEFAULT_DB)
    .option('-o, --output <file>', 'HTML file to write (default: stdout)')
    .option('--pipeline <file>', 'pipeline for a document not in the database')
    .action(async (doc: string, opts: ReportOptions) => {
      process.exitCode = await runReport(doc, opts, { stdout: process.stdout, stderr: process.stderr });
    });
}
