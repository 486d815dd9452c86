/**
 * `normalize [FILE|-]`: print the normalized text of one document.
 *   --diff    list every repair with its raw line:column, pass/kind, before → after
 *   --jsonl   read {"id"?, "raw"} objects, one document per line (stdin or FILE),
 *             write {"id"?, "normalized"} per line in order; a bad line gets
 *             {"id"?, "error"} and the stream goes on
 *   --t2s     also convert traditional to simplified Chinese
 *   --passes  comma-separated subset of the passes
 * Exit codes: 0 ok, 1 unreadable input, 2 usage error.
 * Files are read as UTF-8 (the ingest stage owns encoding detection).
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { normalize, PASSES, type NormalizeOptions } from '../normalize/index.js';
import type { Repair } from '../core/types.js';
import { locator } from '../query/location.js';

export interface NormalizeCliOptions {
  diff?: boolean;
  jsonl?: boolean;
  t2s?: boolean;
  passes?: string;
}

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

const USAGE = 2;
const UNREADABLE = 1;

function fail(io: Io, code: number, message: string): number {
  io.stderr.write(`zhnews normalize: ${message}\n`);
  return code;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** 1-based line:column (UTF-16 units) of a raw offset: the query library's locator. */
export const lineColumn = locator;

function show(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

export function formatRepairs(raw: string, repairs: Repair[]): string {
  const at = lineColumn(raw);
  return repairs.map((r) => `${at(r.rawStart)}\t${r.pass}/${r.kind}\t${show(r.before)} → ${show(r.after)}\n`).join('');
}

function options(opts: NormalizeCliOptions): NormalizeOptions {
  const o: NormalizeOptions = {};
  if (opts.t2s) o.t2s = true;
  if (opts.passes !== undefined) o.passes = opts.passes.split(',').map((p) => p.trim()).filter(Boolean);
  return o;
}

async function runJsonl(input: Readable, io: Io, nopts: NormalizeOptions): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim() === '') continue;
    let id: unknown;
    let out: Record<string, unknown>;
    try {
      const obj = JSON.parse(line) as unknown;
      if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('not a JSON object');
      const rec = obj as Record<string, unknown>;
      id = rec.id;
      if (typeof rec.raw !== 'string') throw new Error('field "raw" must be a string');
      out = { normalized: normalize(rec.raw, nopts).text };
    } catch (err) {
      out = { error: `line ${n}: ${err instanceof Error ? err.message : String(err)}` };
    }
    io.stdout.write(JSON.stringify(id === undefined ? out : { id, ...out }) + '\n');
  }
  return 0;
}

/** The command's work, testable without a process. Returns the exit code. */
export async function runNormalize(file: string | undefined, opts: NormalizeCliOptions, io: Io): Promise<number> {
  if (opts.diff && opts.jsonl) return fail(io, USAGE, '--diff and --jsonl cannot be used together');
  let nopts: NormalizeOptions;
  try {
    nopts = options(opts);
    // validate pass names before reading anything
    normalize('', nopts);
  } catch (err) {
    return fail(io, USAGE, `${err instanceof Error ? err.message : String(err)} (passes: ${PASSES.join(',')})`);
  }
  const fromStdin = file === undefined || file === '-';
  const name = fromStdin ? '<stdin>' : file;
  if (opts.jsonl) {
    if (fromStdin) return runJsonl(io.stdin, io, nopts);
    const { createReadStream } = await import('node:fs');
    const stream = createReadStream(file);
    try {
      await new Promise<void>((resolve, reject) => {
        stream.once('readable', () => resolve());
        stream.once('error', reject);
      });
    } catch (err) {
      return fail(io, UNREADABLE, `cannot read ${name}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    return runJsonl(stream, io, nopts);
  }
  let raw: string;
  try {
    raw = fromStdin ? await readAll(io.stdin) : await readFile(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return fail(io, UNREADABLE, `cannot read ${name}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : (e.code ?? e.message)}`);
  }
  const doc = normalize(raw, nopts);
  if (opts.diff) io.stdout.write(formatRepairs(raw, doc.repairs));
  else io.stdout.write(doc.text.length ? doc.text + '\n' : '');
  return 0;
}

export function registerNormalize(program: Command): void {
  program
    .command('normalize')
    .description('repair damaged Chinese news text: print the normalized text, its repairs, or a JSONL stream')
    .argument('[file]', 'input file, or - for stdin (default)')
    .option('--diff', 'list every repair: raw line:column, pass/kind, before → after')
    .option('--jsonl', 'read {"id"?, "raw"} per line, write {"id"?, "normalized"} per line')
    .option('--t2s', 'convert traditional to simplified Chinese')
    .option('--passes <list>', `comma-separated passes to run (${PASSES.join(',')})`)
    // commander's own usage errors (unknown option, extra argument) exit 2
    .exitOverride((err) => {
      if (err.exitCode === 0) throw err;
      process.exit(USAGE);
    })
    .action(async (file: string | undefined, opts: NormalizeCliOptions) => {
      const code = await runNormalize(file, opts, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
      process.exitCode = code;
    });
}
