/**
 * The peer spec suite (Recognizers-Text Chinese): load spec files, run our
 * adapters, compare. Every case counts, including those the peer marks
 * NotSupported; cases listed in DISAGREEMENTS.md are reported separately.
 *
 * A case passes when our results equal the expected results one for one, in
 * order: same span (Start/End, End inclusive) and same value (numbers compared
 * with a relative tolerance of 1e-9; money by ISO code, or by symbol/name when
 * the spec gives none; dimensions by value in base units, e.g. 12千米 = 12000 m).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanTimes } from '../extract/figures/times.js';
import { addDays } from '../extract/figures/days.js';
import { scanQuantities } from '../extract/figures/scan.js';
import { currencyModel, despace, dimensionModel, numberModel, numberRangeModel, percentModel, type Out } from './adapters.js';

export interface SpecCase {
  Input: string;
  Results: Array<{ Text: string; TypeName?: string; Resolution?: Record<string, unknown> | null; Start: number; End: number }>;
  Context?: { ReferenceDateTime?: string };
  NotSupported?: string;
  NotSupportedByDesign?: string;
}

export interface FileResult {
  file: string;
  total: number;
  pass: number;
  notSupportedTotal: number;
  notSupportedPass: number;
  disagreed: number;
  disagreedFailing: number;
  failures: Array<{ input: string; expected: string; got: string; disagreement: boolean }>;
  note?: string;
}

export const CORE_FILES = [
  'Number/Chinese/NumberModel.json',
  'Number/Chinese/PercentModel.json',
  'NumberWithUnit/Chinese/CurrencyModel.json',
  'NumberWithUnit/Chinese/DimensionModel.json',
  'Number/Chinese/NumberRangeModel.json',
] as const;
export const REPORT_FILES = ['DateTime/Chinese/DateTimeModel.json'] as const;

/** Find the spec folder: explicit path, env ZH_SPECS, or ../shared/… next to the repo root. */
export function findSpecDir(explicit?: string | null): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    explicit ?? null,
    process.env.ZH_SPECS ?? null,
    resolve(process.cwd(), '../shared/peer-specs/recognizers-text-zh/Specs'),
    resolve(here, '../../../shared/peer-specs/recognizers-text-zh/Specs'),
  ].filter((x): x is string => !!x);
  for (const c of candidates) if (existsSync(join(c, 'Number/Chinese/NumberModel.json'))) return c;
  return null;
}

export function loadCases(specDir: string, file: string): SpecCase[] {
  return JSON.parse(readFileSync(join(specDir, file), 'utf8').replace(/^\uFEFF/, '')) as SpecCase[];
}

/** Disagreements: lines `| File | input | reason |` in DISAGREEMENTS.md (input in backticks). */
export function loadDisagreements(path: string): Map<string, string> {
  const m = new Map<string, string>();
  if (!existsSync(path)) return m;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const r = /^\|\s*([A-Za-z]+Model)\s*\|\s*`([^`]*)`\s*\|\s*(.*?)\s*\|\s*$/.exec(line);
    if (r) m.set(`${r[1]}|${r[2]}`, r[3] as string);
  }
  return m;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const DIM_UNITS: Record<string, [string, number]> = {
  Mu: ['m2', 2000 / 3], 'Square meter': ['m2', 1], 'Square kilometer': ['m2', 1e6], Hectare: ['m2', 1e4], 'Square foot': ['m2', 0.09290304],
  Kilogram: ['kg', 1], Ton: ['kg', 1000], Gram: ['kg', 0.001], Jin: ['kg', 0.5], Microgram: ['kg', 1e-9], Milligram: ['kg', 1e-6], Liang: ['kg', 0.05],
  Meter: ['m', 1], Kilometer: ['m', 1000], Centimeter: ['m', 0.01], Millimeter: ['m', 0.001],
  Kilowatt: ['W', 1e3], Watt: ['W', 1], Megawatt: ['W', 1e6],
  Kilocalorie: ['Wh', 1.163],
  Bit: ['B', 0.125], Kilobit: ['B', 125], Byte: ['B', 1], Kilobyte: ['B', 1e3], Megabyte: ['B', 1e6], Gigabyte: ['B', 1e9],
  Hertz: ['Hz', 1], Megahertz: ['Hz', 1e6],
};
const SYMBOL_NAMES: Record<string, string> = { $: 'Dollar' };
const NO_ISO_NAMES: Record<string, string> = { XBT: 'Bitcoin' };

function parseRange(s: string): { lo: number | null; hi: number | null; loIn: boolean; hiIn: boolean } | null {
  const m = /^([[(])\s*([^,]*),\s*([^\])]*)([\])])$/.exec(s.trim());
  if (!m) return null;
  return { loIn: m[1] === '[', lo: m[2] ? Number(m[2]) : null, hi: m[3] ? Number(m[3]) : null, hiIn: m[4] === ']' };
}

type Model = 'NumberModel' | 'PercentModel' | 'CurrencyModel' | 'DimensionModel' | 'NumberRangeModel';

function modelOf(file: string): Model | 'DateTimeModel' {
  return file.split('/').pop()!.replace('.json', '') as Model;
}

function compareOne(model: Model, exp: SpecCase['Results'][number], got: Out): boolean {
  if (exp.Start !== got.start || exp.End !== got.end - 1) return false;
  const res = (exp.Resolution ?? {}) as Record<string, unknown>;
  const sv = res.value;
  switch (model) {
    case 'NumberModel':
      return typeof sv === 'string' && got.value !== null && close(Number(sv), got.value);
    case 'PercentModel':
      return typeof sv === 'string' && got.value !== null && close(Number(sv.replace('%', '')), got.value);
    case 'CurrencyModel': {
      if (sv === null || sv === undefined) {
        if (got.value !== null) return false;
      } else if (got.value === null || !close(Number(sv), got.value)) return false;
      const iso = res.isoCurrency as string | undefined;
      if (iso) return got.unit === iso && !got.symbol?.startsWith('$') === true || (got.unit === iso && got.symbol !== '$');
      const name = res.unit as string;
      if (got.symbol && SYMBOL_NAMES[got.symbol] === name) return true;
      return !!got.unit && NO_ISO_NAMES[got.unit] === name;
    }
    case 'DimensionModel': {
      const u = DIM_UNITS[res.unit as string];
      if (!u || got.value === null) return false;
      return got.unit === u[0] && close(Number(sv) * u[1], got.value);
    }
    case 'NumberRangeModel': {
      const r = typeof sv === 'string' ? parseRange(sv) : null;
      const g = got.range;
      if (!r || !g) return false;
      const eqn = (a: number | null, b: number | null): boolean => (a === null || b === null ? a === b : close(a, b));
      return eqn(r.lo, g.lo) && eqn(r.hi, g.hi) && (r.lo === null || r.loIn === g.loIn) && (r.hi === null || r.hiIn === g.hiIn);
    }
  }
}

/** One time expression as the DateTime check sees it: span, day span, duration in seconds. */
interface TimeOut {
  start: number;
  end: number;
  span: { start: string; end: string } | null;
  seconds: number | null;
  mod?: string;
  anchor?: { start: string; end: string } | null;
  clock?: { start: string; end?: string };
  to?: string;
}

const DURATION_SECONDS: Record<string, number> = { year: 31536000, month: 2592000, week: 604800, day: 86400, hour: 3600, minute: 60, second: 1 };

/** DateTimeModel: our time expressions (times.ts, resolved to day spans) and durations on the despaced input. */
function dateTimeModel(input: string, ref: string | null): TimeOut[] {
  const d = despace(input);
  const times = scanTimes(d.text, ref);
  const durations = scanQuantities(d.text, { spaces: true }).filter((h) => h.kind === 'duration');
  const all: TimeOut[] = [];
  const covered = (s: number, e: number): boolean => times.some((t) => t.start < e && s < t.end);
  for (const t of times) all.push({ start: t.start, end: t.end, span: t.span, seconds: null, mod: t.mod, anchor: t.anchor, clock: t.clock, to: t.to });
  for (const h of durations)
    if (!covered(h.start, h.end)) all.push({ start: h.start, end: h.end, span: null, seconds: h.value !== null && h.unit ? h.value * (DURATION_SECONDS[h.unit] ?? NaN) : null });
  all.sort((a, b) => a.start - b.start);
  return all.map((o) => ({ ...o, start: d.map[o.start] as number, end: (d.map[o.end - 1] as number) + 1 }));
}

/**
 * A DateTime result matches when the span is the same and the resolution
 * agrees with one of the expected values: a date's day, a date range's days
 * (the peer's end is exclusive), a duration's seconds. Times of day
 * (datetime, time, …ranges) and sets are checked by span only when the peer
 * leaves them unresolved, and otherwise need a time of day we do not read.
 */
function compareTime(exp: SpecCase['Results'][number], got: TimeOut): boolean {
  if (exp.Start !== got.start || exp.End !== got.end - 1) return false;
  const values = ((exp.Resolution ?? {}) as { values?: Array<Record<string, string>> }).values ?? [];
  const type = (exp.TypeName ?? '').replace('datetimeV2.', '');
  if (type === 'set' || values.every((v) => v.value === 'not resolved')) return true;
  const day = got.span && got.span.start === got.span.end ? got.span.start : null;
  const ck = got.clock;
  for (const v of values) {
    if (ck && !v.Mod) {
      if (type === 'time' && v.value === ck.start && !ck.end) return true;
      if (type === 'datetime' && day && v.value === `${day} ${ck.start}` && !ck.end) return true;
      if (type === 'timerange' && ck.end && v.start === ck.start && v.end === ck.end) return true;
      if (type === 'datetimerange' && day && ck.end && v.start === `${day} ${ck.start}` && v.end === `${day} ${ck.end}`) return true;
      if (type === 'datetimerange' && got.span && got.to && ck.end && v.start === `${got.span.start} ${ck.start}` && v.end === `${got.to} ${ck.end}`) return true;
      continue;
    }
    if (v.Mod && ck) {
      const at = day ? `${day} ${ck.start}` : ck.start;
      if ((v.Mod === 'before' || v.Mod === 'until') && v.end === at && (got.mod === 'before' || got.mod === 'until')) return true;
      if ((v.Mod === 'after' || v.Mod === 'since') && v.start === at && (got.mod === 'after' || got.mod === 'since')) return true;
      continue;
    }
    if (v.Mod) {
      // an open end: the peer gives one end; ours is anchored to the expression's own span
      const a = got.anchor;
      if (!a || !got.mod) continue;
      if ((v.Mod === 'since' && got.mod === 'since') || (v.Mod === 'after' && got.mod === 'after')) {
        if (v.start === (v.Mod === 'since' ? a.start : addDays(a.end, 1))) return true;
      } else if ((v.Mod === 'before' || v.Mod === 'until') && (got.mod === 'before' || got.mod === 'until')) {
        if (v.end === a.start) return true;
      }
      continue;
    }
    if (type === 'date' && got.span && got.span.start === v.value && got.span.end === v.value) return true;
    // a range's end is where its last part starts (2015年和2018年之间 → 2018-01-01); a single unit's is the day after it
    if (type === 'daterange' && got.span && v.start && v.end && got.span.start === v.start && (got.to ? got.to === v.end : addDays(got.span.end, 1) === v.end)) return true;
    if (type === 'duration' && got.seconds !== null && close(Number(v.value), got.seconds)) return true;
  }
  return false;
}

function runModel(model: Model, input: string): Out[] {
  switch (model) {
    case 'NumberModel':
      return numberModel(input);
    case 'PercentModel':
      return percentModel(input);
    case 'CurrencyModel':
      return currencyModel(input);
    case 'DimensionModel':
      return dimensionModel(input);
    case 'NumberRangeModel':
      return numberRangeModel(input);
  }
}

const fmtOut = (o: Out[]): string =>
  o.map((x) => `${x.start}-${x.end - 1}:${x.range ? JSON.stringify(x.range) : x.value}${x.unit ? ' ' + x.unit : ''}`).join('; ') || '(none)';
const fmtExp = (r: SpecCase['Results']): string =>
  r.map((x) => `${x.Start}-${x.End}:${JSON.stringify(x.Resolution ?? null)}`).join('; ') || '(none)';

export function runFile(specDir: string, file: string, disagreements: Map<string, string>): FileResult {
  const model = modelOf(file);
  const cases = loadCases(specDir, file);
  const r: FileResult = { file, total: 0, pass: 0, notSupportedTotal: 0, notSupportedPass: 0, disagreed: 0, disagreedFailing: 0, failures: [] };
  for (const c of cases) {
    r.total++;
    const ns = !!(c.NotSupported || c.NotSupportedByDesign);
    if (ns) r.notSupportedTotal++;
    let ok: boolean;
    let got: string;
    if (model === 'DateTimeModel') {
      const ref = c.Context?.ReferenceDateTime?.slice(0, 10) ?? null;
      const outs = dateTimeModel(c.Input, ref);
      ok = outs.length === c.Results.length && outs.every((o, k) => compareTime(c.Results[k]!, o));
      got = outs.map((o) => `${o.start}-${o.end - 1}:${o.span ? o.span.start + '/' + o.span.end : ''}${o.seconds !== null ? o.seconds + 's' : ''}`).join('; ') || '(none)';
    } else {
      const outs = runModel(model, c.Input);
      ok = outs.length === c.Results.length && outs.every((o, k) => compareOne(model, c.Results[k]!, o));
      got = fmtOut(outs);
    }
    const key = `${model}|${c.Input}`;
    const dis = disagreements.has(key);
    if (dis) r.disagreed++;
    if (ok) {
      r.pass++;
      if (ns) r.notSupportedPass++;
    } else {
      if (dis) r.disagreedFailing++;
      r.failures.push({ input: c.Input, expected: fmtExp(c.Results), got, disagreement: dis });
    }
  }
  if (model === 'DateTimeModel') r.note = 'span and resolution: day spans, times of day, open ends, durations';
  return r;
}

export interface SuiteSummary {
  specDir: string;
  files: FileResult[];
  core: { total: number; pass: number; rawRate: number; adjustedRate: number; disagreedFailing: number };
}

export function runSuite(specDir: string, disagreementsPath: string): SuiteSummary {
  const dis = loadDisagreements(disagreementsPath);
  const files = [...CORE_FILES, ...REPORT_FILES].filter((f) => existsSync(join(specDir, f))).map((f) => runFile(specDir, f, dis));
  const core = files.filter((f) => (CORE_FILES as readonly string[]).includes(f.file));
  const total = core.reduce((a, f) => a + f.total, 0);
  const pass = core.reduce((a, f) => a + f.pass, 0);
  const df = core.reduce((a, f) => a + f.disagreedFailing, 0);
  return {
    specDir,
    files,
    core: { total, pass, rawRate: total ? pass / total : 0, adjustedRate: total - df ? pass / (total - df) : 0, disagreedFailing: df },
  };
}
