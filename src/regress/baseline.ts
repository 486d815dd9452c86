/**
 * The baseline: every extraction the rules make today, one JSON object per
 * line, sorted by doc, start, end, label (then rule and text, so the order is
 * total). `text` is the normalized surface; rawStart/rawEnd locate it in the
 * corpus file. Only `regress --accept` writes it.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ProcessedDoc } from '../core/types.js';

export interface BaselineRecord {
  doc: string;
  /** figure:<kind>, mention:<TYPE>, quote, relation:<type> */
  label: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  value?: number | null;
  valueMax?: number | null;
  unit?: string | null;
  qualifier?: string;
  date?: string | null;
  dateEnd?: string | null;
  /** quotes */
  speaker?: string | null;
  /** relations: the normalized text of both ends and the title */
  head?: string;
  tail?: string;
  title?: string | null;
  rule: string;
  ruleVersion: number;
}

/** Every extraction of one processed document as baseline records (unsorted). */
export function recordsOf(p: ProcessedDoc): BaselineRecord[] {
  const doc = p.doc.id;
  const text = p.norm.text;
  const at = (s: { start: number; end: number; rawStart: number; rawEnd: number }) => ({
    doc, start: s.start, end: s.end, rawStart: s.rawStart, rawEnd: s.rawEnd, text: text.slice(s.start, s.end),
  });
  const out: BaselineRecord[] = [];
  const ex = p.extractions;
  for (const m of ex.mentions) out.push({ ...at(m), label: `mention:${m.type}`, rule: m.rule, ruleVersion: m.ruleVersion });
  for (const f of ex.figures) {
    const r: BaselineRecord = { ...at(f), label: `figure:${f.kind}`, value: f.value, unit: f.unit, qualifier: f.qualifier, rule: f.rule, ruleVersion: f.ruleVersion };
    if (f.valueMax != null) r.valueMax = f.valueMax;
    if (f.date != null) r.date = f.date;
    if (f.dateEnd != null) r.dateEnd = f.dateEnd;
    out.push(r);
  }
  for (const q of ex.quotes) out.push({ ...at(q), label: 'quote', speaker: q.speaker, rule: q.rule, ruleVersion: q.ruleVersion });
  for (const r of ex.relations) {
    const h = ex.mentions[r.head];
    const t = r.tail === null ? undefined : ex.mentions[r.tail];
    out.push({
      ...at(r), label: `relation:${r.type}`,
      head: h ? text.slice(h.start, h.end) : `#${r.head}`, tail: t ? text.slice(t.start, t.end) : r.tail === null ? '' : `#${r.tail}`,
      title: r.label ?? null, rule: r.rule, ruleVersion: r.ruleVersion,
    });
  }
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareRecords(a: BaselineRecord, b: BaselineRecord): number {
  return cmp(a.doc, b.doc) || a.start - b.start || a.end - b.end || cmp(a.label, b.label) || cmp(a.rule, b.rule) || cmp(a.text, b.text);
}

export function sortRecords(records: BaselineRecord[]): BaselineRecord[] {
  return records.sort(compareRecords);
}

// A fixed key order keeps lines stable, so a reviewed diff of the file shows only real changes.
const KEYS: Array<keyof BaselineRecord> = [
  'doc', 'label', 'start', 'end', 'rawStart', 'rawEnd', 'text', 'value', 'valueMax', 'unit', 'qualifier', 'date', 'dateEnd',
  'speaker', 'head', 'tail', 'title', 'rule', 'ruleVersion',
];

export function recordLine(r: BaselineRecord): string {
  const o: Record<string, unknown> = {};
  for (const k of KEYS) if (r[k] !== undefined) o[k] = r[k];
  return JSON.stringify(o);
}

export function readBaseline(file: string): BaselineRecord[] | null {
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as BaselineRecord;
      } catch (err) {
        throw new Error(`${file}:${i + 1}: not JSON: ${(err as Error).message}`);
      }
    });
}

export function writeBaseline(file: string, records: BaselineRecord[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, sortRecords([...records]).map((r) => recordLine(r) + '\n').join(''));
}
