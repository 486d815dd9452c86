/**
 * Ingest: path expansion (files, folders, globs), reading bytes, hashing,
 * decoding, and document dates from a folder's manifest.jsonl.
 */
import { createHash } from 'node:crypto';
import { readFile, stat, lstat, readdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, isAbsolute } from 'node:path';
import { glob } from 'tinyglobby';
import type { RawDoc } from '../core/types.js';
import { NewsError } from '../core/errors.js';
import { decode } from './decode.js';
import { detectFormat, extensionsFor } from './formats/sniff.js';
import type { Extracted } from './formats/types.js';

export const TEXT_EXTENSIONS = new Set(['.txt', '.md']);
/** What a folder walk takes by default: every format a reader exists for. */
export const SOURCE_EXTENSIONS = extensionsFor();
export { detectFormat, sniffContent, extensionsFor, FORMAT_NAMES, type SourceFormat } from './formats/sniff.js';

/** Path as stored: relative to the working directory when inside it, absolute otherwise. */
export function displayPath(p: string): string {
  const abs = resolve(p);
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : abs;
}

export function docIdOf(path: string): string {
  return basename(path, extname(path));
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface Expanded {
  files: string[];
  /** inputs that matched nothing: each becomes an error row */
  missing: string[];
}

async function walk(dir: string, out: string[], exts: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (!exts.has(extname(e.name).toLowerCase()) && !e.isDirectory()) continue;
    if (e.isDirectory()) await walk(p, out, exts);
    else if (e.isFile()) out.push(p);
    else if (e.isSymbolicLink()) {
      // a link to a file is read; a broken or looping link is kept so that reading it reports the problem
      const target = await stat(p).catch(() => undefined);
      if (!target || target.isFile()) out.push(p);
    }
  }
}

/**
 * Expand files, folders (recursive: .txt .md .html .htm .xhtml .docx .pdf, or
 * the extensions of `formats`) and globs into a sorted, de-duplicated file
 * list. A file named explicitly is always taken.
 */
export async function expandPaths(inputs: readonly string[], formats?: readonly string[]): Promise<Expanded> {
  const exts = formats ? extensionsFor(formats) : SOURCE_EXTENSIONS;
  const seen = new Set<string>();
  const files: string[] = [];
  const missing: string[] = [];
  const add = (p: string) => {
    const d = displayPath(p);
    if (!seen.has(d)) {
      seen.add(d);
      files.push(d);
    }
  };
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const found: string[] = [];
      await walk(input, found, exts);
      found.forEach(add);
    } else if (st) {
      add(input);
    } else if (await lstat(input).then(() => true, () => false)) {
      add(input); // a broken or looping link: reading it names the problem
    } else if (/[*?[\]{}]/.test(input)) {
      const found = (await glob(input, { onlyFiles: true, dot: false })).sort();
      if (found.length === 0) missing.push(input);
      found.forEach(add);
    } else {
      missing.push(input);
    }
  }
  return { files, missing };
}

/** Read and decode one file. Throws NewsError naming the file and the problem. */
export async function readDocument(path: string): Promise<RawDoc> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NewsError('E_NOT_FOUND', path, 'no such file');
    if (code === 'EISDIR') throw new NewsError('E_UNREADABLE', path, 'is a directory');
    throw new NewsError('E_UNREADABLE', path, `cannot read file (${code ?? String(err)})`);
  }
  return readSource(path, bytes);
}

/**
 * Read one document from its bytes with the reader its content calls for
 * (magic bytes first, extension second): web pages, Word files and PDFs give
 * their extracted text as `raw`, with format, meta and layout; anything else
 * is decoded as text. Throws NewsError naming the file and the problem.
 */
export async function readSource(path: string, bytes: Uint8Array, id = docIdOf(path)): Promise<RawDoc> {
  const format = detectFormat(path, bytes);
  if (format === 'text') return decodeDocument(path, bytes, id);
  if (bytes.length === 0) throw new NewsError('E_EMPTY', path, 'empty file');
  const hash = sha256(bytes);
  let x: Extracted;
  let encoding = 'binary';
  if (format === 'html') {
    const d = decode(bytes);
    if (!d.ok) throw new NewsError(d.reason === 'empty' ? 'E_EMPTY' : 'E_DECODE', path, d.detail);
    encoding = d.encoding;
    // the readers (linkedom and Readability, mammoth, pdfjs-dist) load on first use:
    // a run over text files, and every worker thread of it, never pays for them
    x = (await import('./formats/html.js')).readHtml(path, d.text);
  } else if (format === 'docx') x = await (await import('./formats/docx.js')).readDocx(path, bytes);
  else x = await (await import('./formats/pdf.js')).readPdf(path, bytes);
  return { id, path, sha256: hash, encoding, bytes: bytes.length, raw: x.text, format: x.format, meta: x.meta, layout: x.layout };
}

export function decodeDocument(path: string, bytes: Uint8Array, id = docIdOf(path)): RawDoc {
  const result = decode(bytes);
  if (!result.ok) {
    const code = result.reason === 'empty' ? 'E_EMPTY' : result.reason === 'binary' ? 'E_BINARY' : 'E_DECODE';
    throw new NewsError(code, path, result.detail);
  }
  return { id, path, sha256: sha256(bytes), encoding: result.encoding, bytes: bytes.length, raw: result.text };
}

interface ManifestEntry {
  id?: string;
  file?: string;
  date?: string | null;
}

const manifestCache = new Map<string, Map<string, string | null>>();

/** The document's date from a manifest.jsonl beside it (by file name or id), or null. Never guessed. */
export function manifestDate(path: string): string | null {
  const dir = dirname(resolve(path));
  let entries = manifestCache.get(dir);
  if (!entries) {
    entries = new Map();
    const file = join(dir, 'manifest.jsonl');
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          const e = JSON.parse(line) as ManifestEntry;
          const date = typeof e.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(e.date) ? e.date : null;
          if (e.file) entries.set(e.file, date);
          if (e.id) entries.set(e.id, date);
        } catch {
          // a broken manifest line gives no date; it never stops a batch
        }
      }
    }
    manifestCache.set(dir, entries);
  }
  return entries.get(basename(path)) ?? entries.get(docIdOf(path)) ?? null;
}
