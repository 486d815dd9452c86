/**
 * Tables as data: a list file of pipelines/lexicon whose lines hold columns
 * (`entry value kind …`, separated by spaces; the file's header comment says
 * what each column is). Rows are read from the pipeline's lists folder
 * (src/core/lists.ts) on first use and dropped when the folders change, as
 * is everything built from them with `fromLists`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexiconDirs, onLexiconChange } from '../../core/lists.js';

/** One line of a table: its columns, and where it is for messages. */
export interface Row {
  cols: readonly string[];
  /** `file:line` */
  at: string;
}

const rows = new Map<string, readonly Row[]>();
onLexiconChange(() => rows.clear());

/** The rows of list NAME in file order (a `#` starts a comment; blank lines skipped). */
export function tableRows(name: string): readonly Row[] {
  let r = rows.get(name);
  if (!r) {
    const file = join(lexiconDirs().lists, `${name}.txt`);
    if (!existsSync(file)) throw new Error(`word list "${name}" not found: ${file}`);
    const out: Row[] = [];
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, k) => {
        const t = line.replace(/#.*$/u, '').trim();
        if (t) out.push({ cols: t.split(/\s+/u), at: `${file}:${k + 1}` });
      });
    r = out;
    rows.set(name, r);
  }
  return r;
}

/** Column K of a row, required. */
export function col(row: Row, k: number, what: string): string {
  const v = row.cols[k];
  if (v === undefined) throw new Error(`${row.at}: missing column ${k + 1} (${what})`);
  return v;
}

/** A number column: a decimal (0.001, 1e-6) or a fraction (2000/3). */
export function numCol(row: Row, k: number, what: string): number {
  const s = col(row, k, what);
  const f = /^([0-9.e+-]+)\/([0-9.e+-]+)$/u.exec(s);
  const v = f ? Number(f[1]) / Number(f[2]) : Number(s);
  if (!Number.isFinite(v)) throw new Error(`${row.at}: column ${k + 1} (${what}) is not a number: ${s}`);
  return v;
}

/** A column that must be one of `allowed`. */
export function oneOf<T extends string>(row: Row, k: number, what: string, allowed: readonly T[]): T {
  const s = col(row, k, what);
  if (!(allowed as readonly string[]).includes(s)) throw new Error(`${row.at}: column ${k + 1} (${what}) must be one of ${allowed.join(', ')}: ${s}`);
  return s as T;
}

/** A value built from lists on first use and rebuilt after the lexicon folders change. */
export function fromLists<T>(build: () => T): () => T {
  let v: T | undefined;
  onLexiconChange(() => {
    v = undefined;
  });
  return () => (v ??= build());
}

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** Entries as a regex alternation `(?:A|B|…)` in the order given (the first alternative that matches wins). */
export function orderedAlternation(words: readonly string[]): string {
  return `(?:${words.map(escape).join('|')})`;
}
