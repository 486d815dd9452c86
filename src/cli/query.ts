/**
 * `query entities|mentions|figures|quotes|people` and `search`: read the
 * database and print rows as an aligned table, --json, --jsonl or --csv.
 * Exit codes: 0 ok (also with no rows), 1 unexpected failure, 2 usage error
 * or a missing database.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Writable } from 'node:stream';
import {
  openQueryDb, queryEntities, queryFigures, queryMentions, queryPeople, queryQuotes, search, tilings, QueryError,
} from '../query/index.js';
import { openDb, type DB } from '../store/db.js';
import { DocWriter } from '../store/write.js';
import { outputFormat, UsageError, writeRows, type FormatFlags, type Row, type TableOptions } from './format.js';

export interface QueryIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
}

export interface CommonOptions extends FormatFlags {
  db: string;
  limit: number;
}

export const DEFAULT_DB = 'data/news.db';
export const DEFAULT_LIMIT = 50;
const USAGE = 2;
const FAILED = 1;

export function intArg(name: string, min = 0) {
  return (v: string): number => {
    if (!/^\s*-?\d+\s*$/.test(v) || Number(v) < min) throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}`);
    return Number(v);
  };
}

export function numberArg(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a number`);
    return n;
  };
}

/**
 * Open the database, fetch one row more than the limit (to say when rows were
 * left out), print, close. Returns the exit code.
 */
export function runRows(
  command: string,
  opts: CommonOptions,
  io: QueryIo,
  fetch: (db: DB, limit: number | undefined) => Row[],
  table: TableOptions = {},
): number {
  let db: DB | undefined;
  try {
    const format = outputFormat(opts);
    db = openQueryDb(opts.db);
    const limit = opts.limit > 0 ? opts.limit : undefined;
    const rows = fetch(db, limit === undefined ? undefined : limit + 1);
    const more = limit !== undefined && rows.length > limit;
    if (more) rows.length = limit;
    writeRows(io.stdout, rows, format, table);
    if (more) io.stderr.write(`zhnews ${command}: showing the first ${limit} rows; use --limit N (0 for all)\n`);
    return 0;
  } catch (err) {
    if (err instanceof QueryError || err instanceof UsageError) {
      io.stderr.write(`zhnews ${command}: ${err.message}\n`);
      return USAGE;
    }
    io.stderr.write(`zhnews ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
    return FAILED;
  } finally {
    db?.close();
  }
}

function common(cmd: Command): Command {
  return cmd
    .option('--db <file>', 'database file', DEFAULT_DB)
    .option('--limit <n>', `at most N rows (0 for all)`, intArg('--limit'), DEFAULT_LIMIT)
    .option('--json', 'one JSON array of row objects')
    .option('--jsonl', 'one JSON object per line')
    .option('--csv', 'CSV with a header line');
}

const stdio = (): QueryIo => ({ stdout: process.stdout, stderr: process.stderr });
const done = (code: number) => {
  process.exitCode = code;
};

// ── the commands, each callable without a process ───────────────────────────

export interface EntitiesOptions extends CommonOptions {
  type?: string;
  name?: string;
  doc?: string;
  minMentions?: number;
  sort?: 'mentions' | 'name';
}

export function runEntities(opts: EntitiesOptions, io: QueryIo): number {
  return runRows('query entities', opts, io, (db, limit) =>
    queryEntities(db, { type: opts.type, name: opts.name, doc: opts.doc, minMentions: opts.minMentions, sort: opts.sort, limit }).map(
      (r) => ({ ...r }),
    ),
    { columns: ['name', 'type', 'mentions', 'docs', 'aliases', 'key'] },
  );
}

export interface MentionsOptions extends CommonOptions {
  context: number;
  type?: string;
  doc?: string;
}

export function runMentions(name: string, opts: MentionsOptions, io: QueryIo): number {
  const color = io.stdout.isTTY === true && !opts.json && !opts.jsonl && !opts.csv;
  return runRows('query mentions', opts, io, (db, limit) =>
    queryMentions(db, name, { context: opts.context, type: opts.type, doc: opts.doc, limit }).map((r) => ({
      ...r,
      ...(color ? { mention: `\x1b[1;33m${r.mention}\x1b[0m` } : {}),
    })),
    {
      columns: ['location', 'left', 'mention', 'right', 'type', 'name', 'rule'],
      alignRight: ['left'],
      widths: { location: Infinity, left: opts.context + 1, right: opts.context + 1, rule: Infinity },
      maxWidth: 30,
    },
  );
}

export interface FiguresOptions extends CommonOptions {
  kind?: string;
  unit?: string;
  min?: number;
  max?: number;
  subject?: string;
  metric?: string;
  year?: number;
  from?: string;
  to?: string;
  doc?: string;
}

export function runFigures(opts: FiguresOptions, io: QueryIo): number {
  const { kind, unit, min, max, subject, metric, year, from, to, doc } = opts;
  return runRows('query figures', opts, io, (db, limit) =>
    queryFigures(db, { kind, unit, min, max, subject, metric, year, from, to, doc, limit }).map((r) => ({ ...r })),
    {
      columns: ['location', 'text', 'kind', 'value', 'valueMax', 'unit', 'qualifier', 'subject', 'metric', 'time', 'periodStart', 'periodEnd', 'rule'],
      widths: { location: Infinity, rule: Infinity },
      maxWidth: 24,
    },
  );
}

export interface QuotesOptions extends CommonOptions {
  speaker?: string;
  doc?: string;
}

export function runQuotes(opts: QuotesOptions, io: QueryIo): number {
  return runRows('query quotes', opts, io, (db, limit) =>
    queryQuotes(db, { speaker: opts.speaker, doc: opts.doc, limit }).map((r) => ({ ...r })),
    { columns: ['location', 'speaker', 'cue', 'text', 'rule'], widths: { location: Infinity, rule: Infinity }, maxWidth: 70 },
  );
}

export interface PeopleOptions extends CommonOptions {
  name?: string;
  org?: string;
  doc?: string;
}

export function runPeople(opts: PeopleOptions, io: QueryIo): number {
  return runRows('query people', opts, io, (db, limit) =>
    queryPeople(db, { name: opts.name, org: opts.org, doc: opts.doc, limit }).map((r) => ({ ...r })),
    { columns: ['person', 'title', 'org', 'mentions', 'docs'] },
  );
}

export interface SearchOptions extends CommonOptions {
  doc?: string;
  pipeline?: string;
}

export interface Segmenters {
  segmenter: (text: string) => string[];
  variants: (part: string) => string[][];
}

/** jieba with the pipeline's dictionaries: the same segmentation the index was built with, and the other ways to cut a part. */
export async function pipelineSegmenter(pipelineFile: string | undefined, stderr: Writable): Promise<Segmenters> {
  const seg = await import('../segment/index.js');
  try {
    const { loadPipeline } = await import('../pipeline/config.js');
    const p = await loadPipeline(pipelineFile);
    seg.loadDictionaries(p.segmenter);
  } catch (err) {
    if (pipelineFile !== undefined) throw err;
    stderr.write(`zhnews search: warning: default pipeline not loaded (${(err as Error).message}); segmenting without user dictionaries\n`);
  }
  const { createRequire } = await import('node:module');
  // loaded (with the same dictionaries) by loadDictionaries above; dictionaries are process-global
  const jieba = createRequire(import.meta.url)('nodejieba') as { cutAll(s: string): string[] };
  return {
    segmenter: (text: string) => seg.segment(text).map((t) => t.text),
    variants: (part: string) => tilings(part, jieba.cutAll(part)),
  };
}

/**
 * Documents a killed run stored but did not index yet: index them now (the
 * run would at its end), or say that they cannot be found.
 */
function catchUpFullText(file: string, stderr: Writable): void {
  if (file === ':memory:') return;
  let db: DB | undefined;
  try {
    db = openDb(file);
    const writer = new DocWriter(db);
    if (writer.pendingFullText() > 0) writer.indexPending();
  } catch (err) {
    stderr.write(`zhnews search: warning: documents stored by an interrupted run are not indexed yet (${(err as Error).message})\n`);
  } finally {
    db?.close();
  }
}

export async function runSearch(query: string, opts: SearchOptions, io: QueryIo): Promise<number> {
  // a missing database is reported before jieba is loaded
  try {
    openQueryDb(opts.db).close();
  } catch (err) {
    io.stderr.write(`zhnews search: ${(err as Error).message}\n`);
    return err instanceof QueryError ? USAGE : FAILED;
  }
  catchUpFullText(opts.db, io.stderr);
  let segmenters: Segmenters;
  try {
    segmenters = await pipelineSegmenter(opts.pipeline, io.stderr);
  } catch (err) {
    io.stderr.write(`zhnews search: ${(err as Error).message}\n`);
    return USAGE;
  }
  const tty = io.stdout.isTTY === true && !opts.json && !opts.jsonl && !opts.csv;
  const mark: [string, string] = tty ? ['\x1b[1;33m', '\x1b[0m'] : ['«', '»'];
  // a table shows the sentence from a little before its first match, so the match is on screen
  const lead = (h: string) => {
    const at = h.indexOf(mark[0]);
    return opts.json || opts.jsonl || opts.csv || at <= 24 ? h : '…' + h.slice(at - 20);
  };
  return runRows('search', opts, io, (db, limit) =>
    search(db, query, { ...segmenters, doc: opts.doc, limit, mark }).map((r) => ({ ...r, highlight: lead(r.highlight) })), {
    columns: ['location', 'score', 'highlight'],
    widths: { location: Infinity },
    maxWidth: 100,
  });
}

// ── registration ────────────────────────────────────────────────────────────

export function registerQuery(program: Command): void {
  const query = program
    .command('query')
    .description('ask the database: entities, mentions, figures, quotes, people');

  common(query.command('entities').description('entities with mention counts; a name matches any alias'))
    .option('--type <T>', 'PERSON, ORG, LOC, POLICY, PRODUCT or EVENT')
    .option('--name <text>', 'part of the name or of any alias')
    .option('--doc <id>', 'only mentions in this document (id or path)')
    .option('--min-mentions <n>', 'at least N mentions', intArg('--min-mentions'))
    .option('--sort <key>', 'mentions (default) or name', (v: string) => {
      if (v !== 'mentions' && v !== 'name') throw new InvalidArgumentError('--sort must be mentions or name');
      return v;
    })
    .action((opts: EntitiesOptions) => done(runEntities(opts, stdio())));

  common(query.command('mentions').description('every mention of an entity in context, with its raw file:line:column'))
    .argument('<name>', 'entity name or alias')
    .option('--context <n>', 'characters of context each side', intArg('--context'), 20)
    .option('--type <T>', 'only mentions of this type')
    .option('--doc <id>', 'only this document (id or path)')
    .action((name: string, opts: MentionsOptions) => done(runMentions(name, opts, stdio())));

  common(query.command('figures').description('numbers with what they measure'))
    .option('--kind <K>', 'money, percent, count, area, …')
    .option('--unit <U>', 'unit as stored: CNY, %, m2, W, FLOPS, 个, …')
    .option('--min <x>', 'value at least X (base units)', numberArg('--min'))
    .option('--max <y>', 'value (or range top) at most Y (base units)', numberArg('--max'))
    .option('--subject <name>', 'subject contains NAME, or is another name of NAME\'s entity')
    .option('--metric <text>', 'metric phrase contains TEXT')
    .option('--year <y>', 'period overlaps year Y', intArg('--year'))
    .option('--from <date>', 'period ends on or after DATE (2025, 2025-06, 2025-06-15)')
    .option('--to <date>', 'period starts on or before DATE (2025, 2025-06, 2025-06-15)')
    .option('--doc <id>', 'only this document (id or path)')
    .action((opts: FiguresOptions) => done(runFigures(opts, stdio())));

  common(query.command('quotes').description('quotations and their speakers'))
    .option('--speaker <name>', 'speaker contains NAME, or is another name of NAME\'s entity')
    .option('--doc <id>', 'only this document (id or path)')
    .action((opts: QuotesOptions) => done(runQuotes(opts, stdio())));

  common(query.command('people').description('person, title, organisation from person–title–organisation relations'))
    .option('--name <text>', 'part of the person\'s name or alias')
    .option('--org <text>', 'part of the organisation\'s name or alias')
    .option('--doc <id>', 'only this document (id or path)')
    .action((opts: PeopleOptions) => done(runPeople(opts, stdio())));

  common(program.command('search').description('full-text search over jieba-segmented sentences, best first (bm25)'))
    .argument('<query>', 'words to find (segmented like the index; all must occur)')
    .option('--doc <id>', 'only this document (id or path)')
    .option('--pipeline <file>', 'pipeline whose dictionaries segment the query (default pipelines/default.yaml)')
    .action(async (q: string, opts: SearchOptions) => done(await runSearch(q, opts, stdio())));
}
