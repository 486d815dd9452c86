/**
 * `zhnews extract --jsonl`: a streaming filter. One JSON object per stdin line,
 * `{"id"?, "text"}`, `{"id"?, "path"}` or `{"id"?, "path", "base64"}` (the
 * file's bytes inline, for a worker that cannot see the file), optional
 * "date": YYYY-MM-DD; one record per stdout line, in order (see
 * src/pipeline/records.ts: everything `run` stores, so `zhnews load` can
 * merge it). A bad line yields `{"id"?, "error", "path"?, "code"?}` and the
 * stream goes on; an input line that already is such an error record passes
 * through. `zhnews extract FILE...` prints one line per file;
 * `zhnews extract --list PATH...` prints the input lines for PATHs as `run`
 * would expand them (the manifest a distributed engine shards).
 */
import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { readFile } from 'node:fs/promises';
import { DEFAULT_PIPELINE, type Pipeline } from '../pipeline/config.js';
import { pipelineOrFail, usageError } from './setup.js';
import { processDocument } from '../pipeline/process.js';
import { toRecord } from '../pipeline/records.js';
import { readDocument, decodeDocument, manifestDate, displayPath, expandPaths } from '../ingest/index.js';
import { NewsError, errorCode, errorMessage } from '../core/errors.js';
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
  if (typeof o.error === 'string') return o; // an error record from an earlier stage (a manifest's missing input)
  const date = typeof o.date === 'string' && DATE.test(o.date) ? o.date : null;
  // the path as `run` stores it: relative to the working directory when inside it
  const path = typeof o.path === 'string' && o.path !== '' ? displayPath(o.path) : undefined;
  try {
    let doc: RawDoc;
    if (typeof o.text === 'string') {
      const bytes = Buffer.from(o.text, 'utf8');
      const textPath = id !== undefined ? `<id:${id}>` : `<stdin:${lineNo}>`;
      doc = { id: id ?? `line-${lineNo}`, path: path ?? textPath, sha256: sha256(bytes), encoding: 'utf-8', bytes: bytes.length, raw: o.text };
    } else if (path !== undefined && typeof o.base64 === 'string') {
      doc = decodeDocument(path, Buffer.from(o.base64, 'base64'));
    } else if (path !== undefined) {
      doc = await readDocument(path);
    } else {
      return withId({ error: `line ${lineNo}: needs "text" (string) or "path" (string)` });
    }
    const docDate = date ?? (path !== undefined && typeof o.text !== 'string' && typeof o.base64 !== 'string' ? manifestDate(path) : null);
    const processed = processDocument(doc, pipeline, { docDate });
    return toRecord(id, processed);
  } catch (err) {
    return withId({ error: errorMessage(err), ...(path !== undefined ? { path, code: errorCode(err) } : {}) });
  }
}

/**
 * The input lines for PATHs as `run` expands them (files, folders, globs;
 * sorted; stored path form), each with its manifest date when known and, with
 * `inline`, the file's bytes. A missing input becomes the error record `run`
 * would store for it.
 */
export async function listInputs(paths: string[], inline = false): Promise<object[]> {
  const { files, missing } = await expandPaths(paths);
  const out: object[] = missing.map((m) => ({
    path: m,
    code: 'E_NOT_FOUND',
    error: new NewsError('E_NOT_FOUND', m, 'no such file, folder or matching glob').message,
  }));
  for (const f of files) {
    const date = manifestDate(f);
    const line: Record<string, unknown> = { path: f, ...(date ? { date } : {}) };
    if (inline) {
      try {
        line.base64 = (await readFile(f)).toString('base64');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        out.push({ path: f, code: 'E_UNREADABLE', error: `${f}: cannot read file (${code ?? errorMessage(err)})` });
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('process documents into JSON records (everything run stores; see docs/scaling.md): files, or a JSONL stream on stdin')
    .argument('[files...]', 'files to extract from (default: read JSONL from stdin)')
    .option('--jsonl', 'read {"id"?, "text"|"path"} objects from stdin, one per line (the default without files)')
    .option('--list', 'print the input lines for the given paths as `run` would expand them, and stop (a manifest to shard)')
    .option('--inline', 'with --list: put each file\'s bytes in its line (base64), for workers that cannot read the files')
    .option('--pipeline <file>', 'pipeline config', DEFAULT_PIPELINE)
    .action(async (files: string[], opts: { pipeline: string; jsonl?: boolean; list?: boolean; inline?: boolean }) => {
      if (opts.jsonl && files.length > 0 && !opts.list) {
        // --jsonl reads stdin; silently ignoring the files named beside it printed nothing at all
        usageError(`extract: --jsonl reads {"text"|"path"} lines from stdin and would ignore the ${files.length} file(s) given (${displayPath(files[0]!)}…); drop --jsonl to extract the files`);
        return;
      }
      if (opts.list) {
        const lines = await listInputs(files, !!opts.inline);
        for (const l of lines) process.stdout.write(JSON.stringify(l) + '\n');
        process.exitCode = lines.some((l) => 'error' in l) ? 1 : 0;
        return;
      }
      const pipeline = pipelineOrFail(opts.pipeline);
      if (!pipeline) return;
      const out = (o: object) => {
        process.stdout.write(JSON.stringify(o) + '\n');
      };
      let failed = 0;
      if (files.length > 0 && !opts.jsonl) {
        for (const f of files) {
          const path = displayPath(f);
          try {
            const doc = await readDocument(path);
            out(toRecord(doc.id, processDocument(doc, pipeline, { docDate: manifestDate(path) })));
          } catch (err) {
            failed++;
            const msg = err instanceof NewsError ? err.message : `${path}: ${errorMessage(err)}`;
            process.stderr.write(`zhnews: ${msg}\n`);
            out({ id: f, error: msg, path, code: errorCode(err) });
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
