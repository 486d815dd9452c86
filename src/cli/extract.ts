/**
 * `zhnews extract --jsonl`: a streaming filter. One JSON object per stdin line,
 * `{"id"?, "text"}` or `{"id"?, "path"}` (optional "date": YYYY-MM-DD), one
 * result per stdout line, in order. A bad line yields `{"id"?, "error"}` and
 * the stream goes on. `zhnews extract FILE...` prints one line per file.
 */
import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { loadPipeline, DEFAULT_PIPELINE, type Pipeline } from '../pipeline/config.js';
import { processDocument } from '../pipeline/process.js';
import { toRecord } from '../pipeline/records.js';
import { readDocument, manifestDate } from '../ingest/index.js';
import { NewsError, errorMessage } from '../core/errors.js';
import { sha256 } from '../ingest/index.js';
import type { RawDoc } from '../core/types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function extractLine(line: string, lineNo: number, pipeline: Pipeline): Promise<object> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { error: `line ${lineNo}: not valid JSON` };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { error: `line ${lineNo}: expected a JSON object` };
  const o = input as Record<string, unknown>;
  const id = o.id === undefined ? undefined : typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : undefined;
  const withId = (x: object) => (id !== undefined ? { id, ...x } : x);
  if (o.id !== undefined && id === undefined) return { error: `line ${lineNo}: "id" must be a string or number` };
  const date = typeof o.date === 'string' && DATE.test(o.date) ? o.date : null;
  try {
    let doc: RawDoc;
    if (typeof o.text === 'string') {
      const bytes = Buffer.from(o.text, 'utf8');
      doc = { id: id ?? `line-${lineNo}`, path: `<stdin:${lineNo}>`, sha256: sha256(bytes), encoding: 'utf-8', bytes: bytes.length, raw: o.text };
    } else if (typeof o.path === 'string') {
      doc = await readDocument(o.path);
    } else {
      return withId({ error: `line ${lineNo}: needs "text" (string) or "path" (string)` });
    }
    const processed = processDocument(doc, pipeline, { docDate: date ?? (typeof o.path === 'string' ? manifestDate(o.path) : null) });
    return toRecord(id, processed);
  } catch (err) {
    return withId({ error: errorMessage(err) });
  }
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract entities, figures, quotes and relations as JSON lines (files, or a JSONL stream on stdin)')
    .argument('[files...]', 'files to extract from (default: read JSONL from stdin)')
    .option('--jsonl', 'read {"id"?, "text"|"path"} objects from stdin, one per line (the default without files)')
    .option('--pipeline <file>', 'pipeline config', DEFAULT_PIPELINE)
    .action(async (files: string[], opts: { pipeline: string; jsonl?: boolean }) => {
      let pipeline: Pipeline;
      try {
        pipeline = loadPipeline(opts.pipeline);
      } catch (err) {
        process.stderr.write(`zhnews: ${errorMessage(err)}\n`);
        process.exitCode = 2;
        return;
      }
      const out = (o: object) => {
        process.stdout.write(JSON.stringify(o) + '\n');
      };
      let failed = 0;
      if (files.length > 0 && !opts.jsonl) {
        for (const f of files) {
          try {
            const doc = await readDocument(f);
            out(toRecord(doc.id, processDocument(doc, pipeline, { docDate: manifestDate(f) })));
          } catch (err) {
            failed++;
            const msg = err instanceof NewsError ? err.message : `${f}: ${errorMessage(err)}`;
            process.stderr.write(`zhnews: ${msg}\n`);
            out({ id: f, error: msg });
          }
        }
      } else {
        const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
        let n = 0;
        for await (const line of rl) {
          n++;
          if (line.trim() === '') continue;
          const rec = await extractLine(line, n, pipeline);
          if ('error' in rec) failed++;
          out(rec);
        }
      }
      process.exitCode = failed > 0 ? 1 : 0;
    });
}
