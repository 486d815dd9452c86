/**
 * A digest of the code that turns a document into records: every module of
 * the processing stages (ingest, normalize, structure, segment, extract,
 * resolve, core, and the document processor), as this build runs them
 * (dist/*.js, or src/*.ts when run from source). A changed pass or rule
 * changes it, so the pipeline hash changes and stored documents are processed
 * again; the CLI, store, query and report code do not enter it (changing how
 * records are shown never makes them stale).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The build root holding this module's stage folders (dist/ or src/). */
const CODE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Folders whose code decides what a document's records are. */
export const STAGE_DIRS = ['core', 'ingest', 'normalize', 'structure', 'segment', 'extract', 'resolve'] as const;
/** Single files outside those folders that do the same. */
export const STAGE_FILES = ['pipeline/process.js', 'pipeline/process.ts'] as const;

const CODE = /\.(?:js|mjs|ts)$/u;
const NOT_CODE = /(?:\.d\.ts|\.test\.ts|\.test\.js)$/u;

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (CODE.test(name) && !NOT_CODE.test(name)) out.push(p);
  }
}

let cached: string | null = null;

/** sha256 over the relative path and content of every stage module (computed once per process). */
export function codeDigest(root = CODE_ROOT): string {
  if (cached !== null && root === CODE_ROOT) return cached;
  const files: string[] = [];
  for (const d of STAGE_DIRS) walk(join(root, d), files);
  for (const f of STAGE_FILES) {
    try {
      if (statSync(join(root, f)).isFile()) files.push(join(root, f));
    } catch {
      // this build has the other extension
    }
  }
  const h = createHash('sha256');
  for (const f of files) h.update(`\0${f.slice(root.length)}\0`).update(readFileSync(f));
  const digest = h.digest('hex');
  if (root === CODE_ROOT) cached = digest;
  return digest;
}
