/**
 * Output of row sets for the query commands: an aligned table for people
 * (double-width aware: CJK and full-width characters take two terminal
 * columns), and JSON, JSONL or CSV for machines.
 */
import type { Writable } from 'node:stream';

export type Row = Record<string, unknown>;
export type OutputFormat = 'table' | 'json' | 'jsonl' | 'csv';

export interface FormatFlags {
  json?: boolean;
  jsonl?: boolean;
  csv?: boolean;
}

/** The one format the flags ask for; more than one is a usage error. */
export function outputFormat(flags: FormatFlags): OutputFormat {
  const chosen = (['json', 'jsonl', 'csv'] as const).filter((f) => flags[f]);
  if (chosen.length > 1) throw new UsageError(`choose one of --${chosen.join(', --')}`);
  return chosen[0] ?? 'table';
}

export class UsageError extends Error {
  override name = 'UsageError';
}

// ANSI escape sequences (SGR) take no columns.
const ANSI = /\x1b\[[0-9;]*m/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** Terminal columns of one code point: 0 for combining and zero-width, 2 for wide and full-width, else 1. */
export function codePointWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (
    (cp >= 0x0300 && cp <= 0x036f) || // combining diacritics
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space, joiners, marks
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0xfeff
  ) {
    return 0;
  }
  if (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, Kangxi, CJK symbols and punctuation
    (cp >= 0x3041 && cp <= 0x33ff) || // kana, bopomofo, CJK compatibility
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xa000 && cp <= 0xa4cf) || // Yi
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe10 && cp <= 0xfe19) || // vertical forms
    (cp >= 0xfe30 && cp <= 0xfe6f) || // CJK compatibility forms, small forms
    (cp >= 0xff00 && cp <= 0xff60) || // full-width ASCII and punctuation
    (cp >= 0xffe0 && cp <= 0xffe6) || // full-width signs
    (cp >= 0x1f300 && cp <= 0x1f64f) || // pictographs, emoticons
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extensions B and beyond
  ) {
    return 2;
  }
  return 1;
}

/** Terminal columns of a string (ANSI colour codes ignored). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of stripAnsi(s)) w += codePointWidth(ch.codePointAt(0)!);
  return w;
}

/** Cut a plain string to at most `max` columns, ending in … when cut. */
export function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let w = 0;
  let out = '';
  for (const ch of s) {
    const cw = codePointWidth(ch.codePointAt(0)!);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

/** Cut a plain string to at most `max` columns from the start, beginning with … when cut. */
export function truncateStart(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  const chars = [...s];
  let w = 0;
  let i = chars.length;
  while (i > 0) {
    const cw = codePointWidth(chars[i - 1]!.codePointAt(0)!);
    if (w + cw > max - 1) break;
    w += cw;
    i--;
  }
  return '…' + chars.slice(i).join('');
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** A cell as text: null/undefined empty, arrays joined, objects as JSON, line breaks made visible. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (Array.isArray(v)) return v.map(cellText).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v).replace(/\r\n|\r|\n/g, '⏎').replace(/\t/g, ' ');
}

export interface TableOptions {
  /** widest a cell may be, in columns (default 60) */
  maxWidth?: number;
  /** columns to show, in order (default: keys of the first row) */
  columns?: string[];
  /** columns aligned right (numbers always are); e.g. the left context of a keyword in context */
  alignRight?: string[];
  /** per-column widest, overriding maxWidth (Infinity: never cut, e.g. a file:line:column) */
  widths?: Record<string, number>;
}

/**
 * An aligned table: a header, a rule, one line per row. Numbers align right.
 * Cells may carry ANSI colour; it is not counted and never cut.
 */
export function formatTable(rows: readonly Row[], opts: TableOptions = {}): string {
  if (rows.length === 0) return '(no rows)\n';
  const columns = opts.columns ?? Object.keys(rows[0]!);
  const max = opts.maxWidth ?? 60;
  const cells = rows.map((r) =>
    columns.map((c) => {
      const t = cellText(r[c]);
      if (t.includes('\x1b[')) return t;
      const w = opts.widths?.[c] ?? max;
      // a right-aligned column keeps its end (the text next to the keyword)
      return opts.alignRight?.includes(c) ? truncateStart(t, w) : truncate(t, w);
    }),
  );
  const numeric = columns.map(
    (c) => opts.alignRight?.includes(c) || rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number'),
  );
  const widths = columns.map((c, i) => Math.max(displayWidth(c), ...cells.map((row) => displayWidth(row[i]!))));
  const line = (parts: string[]) =>
    parts
      .map((p, i) => (numeric[i] ? padStart(p, widths[i]!) : padEnd(p, widths[i]!)))
      .join('  ')
      .trimEnd() + '\n';
  let out = line(columns);
  out += line(widths.map((w) => '─'.repeat(w)));
  for (const row of cells) out += line(row);
  return out;
}

function csvField(v: unknown): string {
  const t = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** RFC 4180 CSV with a header line; CRLF line ends. */
export function formatCsv(rows: readonly Row[], columns = rows[0] ? Object.keys(rows[0]) : []): string {
  const lines = [columns.map(csvField).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Rows in the chosen format, ANSI stripped from everything but a table on a TTY. */
export function formatRows(rows: readonly Row[], format: OutputFormat, opts: TableOptions & { color?: boolean } = {}): string {
  const plain = (r: Row): Row => {
    const o: Row = {};
    for (const [k, v] of Object.entries(r)) o[k] = typeof v === 'string' ? stripAnsi(v) : v;
    return o;
  };
  switch (format) {
    case 'json':
      return JSON.stringify(rows.map(plain), null, 2) + '\n';
    case 'jsonl':
      return rows.map((r) => JSON.stringify(plain(r)) + '\n').join('');
    case 'csv':
      // every field, like JSON; the table's columns only name the header of an empty result
      return formatCsv(rows.map(plain), rows[0] ? Object.keys(rows[0]) : (opts.columns ?? []));
    case 'table':
      return formatTable(opts.color ? rows : rows.map(plain), opts);
  }
}

export function writeRows(out: Writable & { isTTY?: boolean }, rows: readonly Row[], format: OutputFormat, opts: TableOptions = {}): void {
  out.write(formatRows(rows, format, { ...opts, color: out.isTTY === true }));
}
