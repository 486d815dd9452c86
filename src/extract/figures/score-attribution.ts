/**
 * Score attribution against cases in the FIGURES.md convention:
 *   node dist/extract/figures/score-attribution.js [file.jsonl …] [--failures]
 * (default: tests/figures/attribution/*.jsonl). Each line is
 * `{id, date, text, figures: [{text, nth?, metric, subject, time, period, change}]}`;
 * the document runs through the whole pipeline (entities included) and each
 * expected figure is matched by its text (the nth occurrence). Prints per-field
 * accuracy and the share of figures with all five fields right. Periods are
 * compared as day spans, so 2025 equals 2025-01-01…2025-12-31.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Figure } from '../../core/types.js';
import { loadPipeline, REPO_ROOT } from '../../pipeline/config.js';
import { processDocument } from '../../pipeline/process.js';
import { spanOfIso } from './days.js';

export interface ExpectedFigure {
  text: string;
  nth?: number;
  metric: string | null;
  subject: string | null;
  time: string | null;
  period: { start: string; end: string } | null;
  change: string | null;
}

export interface AttributionCase {
  id: string;
  date: string;
  text: string;
  figures: ExpectedFigure[];
}

export const FIELDS = ['metric', 'subject', 'time', 'period', 'change'] as const;
type Field = (typeof FIELDS)[number];

export interface ScoreRow {
  id: string;
  text: string;
  ok: Record<Field, boolean>;
  got: Partial<Record<Field, unknown>>;
  expected: ExpectedFigure;
}

function days(p: { start: string; end: string } | null | undefined): string | null {
  if (!p) return null;
  const a = spanOfIso(p.start);
  const b = spanOfIso(p.end);
  return a && b ? `${a.start}/${b.end}` : null;
}

/** The JSON lines of the files (blank lines skipped); a line that does not parse is reported with its file and line number. */
export function readJsonLines<T>(files: string[], accept: (x: T) => string | null = () => null): T[] {
  const out: T[] = [];
  for (const f of files) {
    const lines = readFileSync(f, 'utf8').split('\n');
    lines.forEach((line, k) => {
      if (!line.trim()) return;
      try {
        const x = JSON.parse(line) as T;
        const problem = accept(x);
        if (problem) console.error(`${f}:${k + 1}: ${problem}`);
        else out.push(x);
      } catch (e) {
        console.error(`${f}:${k + 1}: not a JSON line (${(e as Error).message})`);
      }
    });
  }
  return out;
}

export function loadCases(files: string[]): AttributionCase[] {
  return readJsonLines<AttributionCase>(files);
}

/** The figures the whole pipeline extracts from one case's text, dated as the case says (as `zhnews extract` runs it). */
export function figuresOfCase(c: { id: string; text: string; date: string }, pipeline: ReturnType<typeof loadPipeline>): Figure[] {
  const raw = { id: c.id, path: c.id, sha256: '', encoding: 'utf-8', bytes: c.text.length, raw: c.text };
  return processDocument(raw, pipeline, { docDate: c.date }).extractions.figures;
}

export function scoreCases(cases: AttributionCase[]): ScoreRow[] {
  const pipeline = loadPipeline();
  const rows: ScoreRow[] = [];
  for (const c of cases) {
    const figs = figuresOfCase(c, pipeline);
    for (const e of c.figures) {
      // the figure as written, else one that holds it (约5580万吨 for 5580万吨: a qualifier is in the figure's span)
      const exact = figs.filter((f) => f.norm === e.text || f.text === e.text);
      const found = (exact.length ? exact : figs.filter((f) => (f.norm ?? f.text).includes(e.text) || f.text.includes(e.text)))[(e.nth ?? 1) - 1];
      const got: Partial<Record<Field, unknown>> = found
        ? { metric: found.metric ?? null, subject: found.subject ?? null, time: found.time ?? null, period: found.period ?? null, change: found.change ?? null }
        : {};
      // brackets compare in either width: metrics come from the normalized text (（M2）), gold may keep the raw (M2)
      const fold = (v: string | null | undefined): string | null => (v == null ? null : v.replace(/（/g, '(').replace(/）/g, ')'));
      const ok = {
        metric: !!found && fold(found.metric) === fold(e.metric),
        subject: !!found && (found.subject ?? null) === e.subject,
        time: !!found && (found.time ?? null) === e.time,
        period: !!found && days(found.period) === days(e.period),
        change: !!found && (found.change ?? null) === e.change,
      };
      rows.push({ id: c.id, text: e.text, ok, got, expected: e });
    }
  }
  return rows;
}

function main(argv: string[]): number {
  let files = argv.filter((a) => !a.startsWith('--'));
  if (!files.length) {
    const dir = resolve(REPO_ROOT, 'tests/figures/attribution');
    files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => join(dir, f));
  }
  const rows = scoreCases(loadCases(files));
  const n = rows.length;
  const pct = (k: number): string => (n ? ((100 * k) / n).toFixed(1) + '%' : '-');
  for (const fld of FIELDS) console.log(`${fld.padEnd(8)} ${pct(rows.filter((r) => r.ok[fld]).length)}`);
  console.log(`all five ${pct(rows.filter((r) => FIELDS.every((f) => r.ok[f])).length)} of ${n} figures`);
  if (argv.includes('--failures'))
    for (const r of rows)
      for (const f of FIELDS)
        if (!r.ok[f]) console.log(`FAIL ${r.id} ${r.text} ${f}: expected ${JSON.stringify(r.expected[f])} got ${JSON.stringify(r.got[f])}`);
  return 0;
}

if (process.argv[1] && /score-attribution\.js$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
