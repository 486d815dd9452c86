/**
 * Score money and time expressions against peer-style cases:
 *   node dist/extract/figures/score-mt.js <file.jsonl …> [--failures]
 * Each line is one sentence with one expression and its gold:
 *   money `{id, date, text, kind: "money", expr, currency, value, low, high, qualifier}`
 *     (value in whole currency units, null for a range; low/high for ranges, null for an open end;
 *     qualifier null | approx | lt | le | gt | ge)
 *   time  `{id, date, text, kind: "time", expr, start, end, days?}` (inclusive ISO days, null for an
 *     open side or no span)
 * The text runs through the whole pipeline, as `zhnews extract` runs it, with the line's date as
 * the document date; only what an `extract --jsonl` record carries is read.
 *
 * How an expression is matched (offsets: the figure's raw span against where `expr` is in `text`):
 * - money: the money figure whose raw span overlaps `expr` most. Fully right = currency (`unit`)
 *   and value (`value`, or `value`..`valueMax` for a range: low/high) equal; the qualifier is a
 *   second number: null ↔ exact/range, approx ↔ approx, gt/ge ↔ atLeast, lt/le ↔ atMost (a figure
 *   records no strictness; where `attrs.strict` is set, gt/lt need it true and ge/le false).
 * - time: a time expression is no record of its own; a user reads it from figures. In this order:
 *   (1) a figure whose `time` is `expr` as written → its `period`; (2) a date or period figure whose
 *   raw span is `expr` → its `date`…`dateEnd` as days; (3) a date or period figure overlapping `expr`
 *   → its days; (4) a figure whose `time` overlaps `expr` (one holds the other) → its `period`.
 *   An open side is null in `period` (`period.start` or `period.end` null). Exact = start and end
 *   both equal (null = null). A sentence with no figure gives no time: a miss, shown as "no record".
 * Prints per-kind counts; with --failures each miss and what was produced.
 */
import type { Figure } from '../../core/types.js';
import { loadPipeline } from '../../pipeline/config.js';
import { spanOfIso } from './days.js';
import { figuresOfCase, readJsonLines } from './score-attribution.js';

export interface MoneyCase {
  id: string;
  date: string;
  text: string;
  kind: 'money';
  expr: string;
  currency: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: null | 'approx' | 'lt' | 'le' | 'gt' | 'ge';
}

export interface TimeCase {
  id: string;
  date: string;
  text: string;
  kind: 'time';
  expr: string;
  start: string | null;
  end: string | null;
  days?: string[];
}

export type MtCase = MoneyCase | TimeCase;

export interface MtRow {
  id: string;
  kind: 'money' | 'time';
  text: string;
  expr: string;
  /** money: value and currency right; time: start and end right */
  ok: boolean;
  /** money only: the qualifier right as well */
  okQualifier: boolean;
  expected: string;
  got: string;
}

export function loadMtCases(files: string[]): MtCase[] {
  return readJsonLines<MtCase>(files, (c) => (c.kind !== 'money' && c.kind !== 'time' ? 'kind must be "money" or "time"' : null));
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
const near = (a: number | null | undefined, b: number | null | undefined): boolean =>
  a == null || b == null ? a == null && b == null : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

function qualifierOk(f: Figure, q: MoneyCase['qualifier']): boolean {
  const strict = f.attrs && typeof f.attrs.strict === 'boolean' ? (f.attrs.strict as boolean) : undefined;
  switch (q) {
    case null:
      return f.qualifier === 'exact' || f.qualifier === 'range';
    case 'approx':
      return f.qualifier === 'approx';
    case 'gt':
    case 'ge':
      return f.qualifier === 'atLeast' && (strict === undefined || strict === (q === 'gt'));
    case 'lt':
    case 'le':
      return f.qualifier === 'atMost' && (strict === undefined || strict === (q === 'lt'));
  }
  return false;
}

function scoreMoney(c: MoneyCase, figs: Figure[], at: number): MtRow {
  const e0 = at;
  const e1 = at + c.expr.length;
  let best: Figure | undefined;
  let bestO = 0;
  for (const f of figs) {
    if (f.kind !== 'money') continue;
    const o = at < 0 ? (f.text.includes(c.expr) || c.expr.includes(f.text) ? 1 : 0) : overlap(f.rawStart, f.rawEnd, e0, e1);
    if (o > bestO) {
      bestO = o;
      best = f;
    }
  }
  const range = c.value == null;
  const expected = `${range ? `${c.low}..${c.high}` : c.value} ${c.currency} ${c.qualifier ?? '-'}`;
  if (!best) return { id: c.id, kind: 'money', text: c.text, expr: c.expr, ok: false, okQualifier: false, expected, got: 'no money figure' };
  const f = best;
  const isRange = f.valueMax != null;
  const valueOk = range ? isRange && near(f.value, c.low) && near(f.valueMax, c.high) : !isRange && near(f.value, c.value);
  const ok = valueOk && f.unit === c.currency;
  const got = `${f.text}: ${isRange ? `${f.value}..${f.valueMax}` : f.value} ${f.unit} ${f.qualifier}${f.attrs && 'strict' in f.attrs ? ` strict=${String(f.attrs.strict)}` : ''}`;
  return { id: c.id, kind: 'money', text: c.text, expr: c.expr, ok, okQualifier: ok && qualifierOk(f, c.qualifier), expected, got };
}

type Side = string | null;
interface Read {
  start: Side;
  end: Side;
  how: string;
}

function daysOf(f: Figure): { start: Side; end: Side } | null {
  // an open start (2030年前) has no date and a dateEnd
  if (!f.date && !f.dateEnd) return null;
  const a = f.date ? spanOfIso(f.date) : null;
  const b = f.dateEnd ? spanOfIso(f.dateEnd) : a;
  return { start: a?.start ?? null, end: b?.end ?? null };
}

function periodOf(f: Figure): { start: Side; end: Side } {
  const p = f.period as { start: string | null; end: string | null } | null | undefined;
  if (!p) return { start: null, end: null };
  const a = p.start ? spanOfIso(p.start) : null;
  const b = p.end ? spanOfIso(p.end) : null;
  return { start: a?.start ?? null, end: b?.end ?? null };
}

/** The raw span of a figure's `time` text, searched near the figure (the time is written before it, mostly). */
function timeSpan(text: string, f: Figure): [number, number] | null {
  if (!f.time) return null;
  let best = -1;
  for (let k = text.indexOf(f.time); k >= 0; k = text.indexOf(f.time, k + 1)) if (best < 0 || Math.abs(k - f.rawStart) < Math.abs(best - f.rawStart)) best = k;
  return best < 0 ? null : [best, best + f.time.length];
}

function readTime(c: TimeCase, figs: Figure[], at: number): Read | null {
  const e0 = at;
  const e1 = at + c.expr.length;
  const dated = figs.filter((f) => f.kind === 'date' || f.kind === 'period');
  // (1) a figure whose time is the expression as written
  const same = figs.find((f) => f.time === c.expr && f.period !== undefined);
  if (same) return { ...periodOf(same), how: `time of ${same.text}` };
  // (2) a date or period figure that is the expression
  const exact = dated.find((f) => f.rawStart === e0 && f.rawEnd === e1);
  if (exact) return { ...(daysOf(exact) ?? { start: null, end: null }), how: `${exact.kind} ${exact.text}` };
  // (3) a date or period figure overlapping it
  let best: Figure | undefined;
  let bestO = 0;
  for (const f of dated) {
    const o = overlap(f.rawStart, f.rawEnd, e0, e1);
    if (o > bestO) {
      bestO = o;
      best = f;
    }
  }
  if (best) return { ...(daysOf(best) ?? { start: null, end: null }), how: `${best.kind} ${best.text}` };
  // (4) a figure whose time holds the expression or is held by it
  for (const f of figs) {
    const s = timeSpan(c.text, f);
    if (s && ((s[0] <= e0 && s[1] >= e1) || (e0 <= s[0] && e1 >= s[1]))) return { ...periodOf(f), how: `time ${f.time} of ${f.text}` };
  }
  return null;
}

function scoreTime(c: TimeCase, figs: Figure[], at: number): MtRow {
  const expected = `${c.start ?? 'null'}..${c.end ?? 'null'}`;
  const r = readTime(c, figs, at);
  if (!r) return { id: c.id, kind: 'time', text: c.text, expr: c.expr, ok: false, okQualifier: false, expected, got: 'no record' };
  const ok = r.start === (c.start ?? null) && r.end === (c.end ?? null);
  return { id: c.id, kind: 'time', text: c.text, expr: c.expr, ok, okQualifier: ok, expected, got: `${r.start ?? 'null'}..${r.end ?? 'null'} (${r.how})` };
}

export function scoreMt(cases: MtCase[]): MtRow[] {
  const pipeline = loadPipeline();
  const rows: MtRow[] = [];
  for (const c of cases) {
    const figs = figuresOfCase(c, pipeline);
    const at = c.text.indexOf(c.expr);
    rows.push(c.kind === 'money' ? scoreMoney(c, figs, at) : scoreTime(c, figs, at));
  }
  return rows;
}

function main(argv: string[]): number {
  const files = argv.filter((a) => !a.startsWith('--'));
  if (!files.length) {
    console.error('usage: score-mt <file.jsonl …> [--failures]');
    return 2;
  }
  const rows = scoreMt(loadMtCases(files));
  const pct = (k: number, n: number): string => (n ? ((100 * k) / n).toFixed(1) + '%' : '-');
  const money = rows.filter((r) => r.kind === 'money');
  const time = rows.filter((r) => r.kind === 'time');
  const mOk = money.filter((r) => r.ok).length;
  const mQ = money.filter((r) => r.okQualifier).length;
  const tOk = time.filter((r) => r.ok).length;
  console.log(`money fully right   ${mOk}/${money.length} ${pct(mOk, money.length)}`);
  console.log(`money + qualifier   ${mQ}/${money.length} ${pct(mQ, money.length)}`);
  console.log(`time exact day span ${tOk}/${time.length} ${pct(tOk, time.length)}`);
  if (argv.includes('--failures'))
    for (const r of rows)
      if (!r.okQualifier) console.log(`${r.ok ? 'QUAL' : 'FAIL'} ${r.id} ${r.expr} | expected ${r.expected} | got ${r.got} | ${r.text}`);
  return 0;
}

if (process.argv[1] && /score-mt\.js$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
