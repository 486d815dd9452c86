/** Gathering what a report shows: from the database, or from a document processed in memory. */
import type { ProcessedDoc } from '../core/types.js';
import type { DB } from '../store/db.js';
import type { ReportData, ReportItem, ReportMessage, ReportRepair } from './html.js';
import { sourceOf } from '../ingest/formats/layout.js';

/** Where each item came from in a PDF, web page or Word file (documents.layout): shown with its details. */
function addSourcePlaces(items: ReportItem[], layout: unknown): void {
  if (!layout) return;
  for (const it of items) {
    const place = sourceOf(layout, it.rawStart, it.rawEnd);
    if (place?.boxes) {
      for (const b of place.boxes) it.details.push(['page', `${b.page} · box (${b.x0}, ${b.y0})–(${b.x1}, ${b.y1}) pt`]);
    } else if (place?.paths) it.details.push([place.kind === 'html' ? 'element' : 'paragraph', place.paths.join(', ')]);
  }
}

const fmt = (v: number) => (Number.isInteger(v) && Math.abs(v) >= 1e5 ? v.toExponential().replace('e+', 'e') : String(v));

function figureDetails(f: {
  value: number | null; valueMax?: number | null; unit: string | null; qualifier: string; metric?: string | null;
  subject?: string | null; time?: string | null; date?: string | null; dateEnd?: string | null;
  change?: string | null; basis?: string | null; period?: { start: string; end: string } | null; subjectEntity?: string | null;
}): Array<[string, string]> {
  const d: Array<[string, string]> = [];
  if (f.value != null) d.push(['value', `${fmt(f.value)}${f.valueMax != null ? '–' + fmt(f.valueMax) : ''}${f.unit ? ' ' + f.unit : ''}`]);
  else if (f.unit) d.push(['unit', f.unit]);
  if (f.qualifier && f.qualifier !== 'exact') d.push(['qualifier', f.qualifier]);
  if (f.date) d.push(['date', f.date + (f.dateEnd && f.dateEnd !== f.date ? ' – ' + f.dateEnd : '')]);
  if (f.metric) d.push(['metric', f.metric]);
  if (f.change) d.push(['change', f.basis ? `${f.basis} ${f.change}` : f.change]);
  if (f.subject) d.push(['subject', f.subject + (f.subjectEntity ? ` (${f.subjectEntity})` : '')]);
  if (f.time) d.push(['time', f.time]);
  if (f.period) d.push(['period', f.period.start === f.period.end ? f.period.start : `${f.period.start} – ${f.period.end}`]);
  return d;
}

interface DocRow {
  id: number;
  doc_id: string;
  path: string;
  raw: string;
  normalized: string;
  encoding: string;
  pipeline: string;
}

/** Report data of a stored document (by row id). */
export function reportDataFromDb(db: DB, docRow: number, source = 'database'): ReportData {
  const doc = db.prepare('SELECT id, doc_id, path, raw, normalized, encoding, pipeline, layout FROM documents WHERE id = ?').get(docRow) as DocRow & { layout: string | null };
  const items: ReportItem[] = [];
  const norm = doc.normalized;
  type Pos = { start: number; end: number; raw_start: number; raw_end: number; rule: string; rule_version: number; seq: number };
  const pos = (r: Pos) => ({ start: r.start, end: r.end, rawStart: r.raw_start, rawEnd: r.raw_end, text: norm.slice(r.start, r.end), rule: r.rule, ruleVersion: r.rule_version });
  const mentions = db.prepare('SELECT * FROM mentions WHERE doc = ? ORDER BY seq').all(doc.id) as Array<Pos & { type: string; entity: string | null }>;
  const bySeq = new Map(mentions.map((m) => [m.seq, m]));
  for (const m of mentions) {
    items.push({ id: `m${m.seq}`, group: 'entity', label: `mention:${m.type}`, ...pos(m), details: m.entity ? [['entity', m.entity]] : [] });
  }
  const figures = db.prepare('SELECT * FROM figures WHERE doc = ? ORDER BY seq').all(doc.id) as Array<Pos & {
    kind: string; value: number | null; value_max: number | null; unit: string | null; qualifier: string; metric: string | null;
    subject: string | null; time: string | null; date: string | null; date_end: string | null;
    change: string | null; basis: string | null; period_start: string | null; period_end: string | null; subject_entity: string | null;
  }>;
  for (const f of figures) {
    const period = f.period_start && f.period_end ? { start: f.period_start, end: f.period_end } : null;
    items.push({
      id: `f${f.seq}`, group: 'figure', label: `figure:${f.kind}`, ...pos(f),
      details: figureDetails({ ...f, valueMax: f.value_max, dateEnd: f.date_end, period, subjectEntity: f.subject_entity }),
    });
  }
  const quotes = db.prepare('SELECT * FROM quotes WHERE doc = ? ORDER BY seq').all(doc.id) as Array<Pos & { speaker: string | null; cue: string | null }>;
  for (const q of quotes) {
    const d: Array<[string, string]> = [];
    if (q.speaker) d.push(['speaker', q.speaker]);
    if (q.cue) d.push(['cue', q.cue]);
    items.push({ id: `q${q.seq}`, group: 'quote', label: 'quote', ...pos(q), details: d });
  }
  const relations = db.prepare('SELECT * FROM relations WHERE doc = ? ORDER BY seq').all(doc.id) as Array<Pos & { type: string; head: number; tail: number; label: string | null }>;
  for (const r of relations) {
    const h = bySeq.get(r.head);
    const t = bySeq.get(r.tail);
    const d: Array<[string, string]> = [['link', `${h ? norm.slice(h.start, h.end) : '#' + r.head} → ${t ? norm.slice(t.start, t.end) : r.tail < 0 ? '(no organisation)' : '#' + r.tail}`]];
    if (r.label) d.push(['title', r.label]);
    items.push({ id: `r${r.seq}`, group: 'relation', label: `relation:${r.type}`, ...pos(r), details: d });
  }
  const repairs = (db.prepare('SELECT * FROM repairs WHERE doc = ? ORDER BY seq').all(doc.id) as Array<{
    seq: number; pass: string; kind: string; raw_start: number; raw_end: number; before: string; after: string;
  }>).map((r): ReportRepair => ({ id: `p${r.seq}`, pass: r.pass, kind: r.kind, rawStart: r.raw_start, rawEnd: r.raw_end, before: r.before, after: r.after }));
  addSourcePlaces(items, doc.layout ? JSON.parse(doc.layout) : null);
  const messages = (db.prepare('SELECT code, severity, source, message, raw_start, raw_end FROM messages WHERE doc = ? ORDER BY seq').all(doc.id) as Array<{
    code: string; severity: string; source: string; message: string; raw_start: number | null; raw_end: number | null;
  }>).map((m): ReportMessage => ({ code: m.code, severity: m.severity, source: m.source, message: m.message, rawStart: m.raw_start, rawEnd: m.raw_end }));
  return { docId: doc.doc_id, path: doc.path, raw: doc.raw, normalized: norm, encoding: doc.encoding, pipeline: doc.pipeline, source, items, repairs, messages };
}

/** Report data of a document processed in memory (no database). */
export function reportDataFromProcessed(p: ProcessedDoc, source = 'processed in memory'): ReportData {
  const norm = p.norm.text;
  const ex = p.extractions;
  const pos = (s: { start: number; end: number; rawStart: number; rawEnd: number; rule: string; ruleVersion: number }) => ({
    start: s.start, end: s.end, rawStart: s.rawStart, rawEnd: s.rawEnd, text: norm.slice(s.start, s.end), rule: s.rule, ruleVersion: s.ruleVersion,
  });
  const items: ReportItem[] = [];
  ex.mentions.forEach((m, i) =>
    items.push({ id: `m${i}`, group: 'entity', label: `mention:${m.type}`, ...pos(m), details: m.entity ? [['entity', m.entity]] : [] }),
  );
  ex.figures.forEach((f, i) => items.push({ id: `f${i}`, group: 'figure', label: `figure:${f.kind}`, ...pos(f), details: figureDetails(f) }));
  ex.quotes.forEach((q, i) => {
    const d: Array<[string, string]> = [];
    if (q.speaker) d.push(['speaker', q.speaker]);
    if (q.cue) d.push(['cue', q.cue]);
    items.push({ id: `q${i}`, group: 'quote', label: 'quote', ...pos(q), details: d });
  });
  ex.relations.forEach((r, i) => {
    const h = ex.mentions[r.head];
    const t = r.tail === null ? undefined : ex.mentions[r.tail];
    const d: Array<[string, string]> = [['link', `${h ? norm.slice(h.start, h.end) : '#' + r.head} → ${t ? norm.slice(t.start, t.end) : r.tail === null ? '(no organisation)' : '#' + r.tail}`]];
    if (r.label) d.push(['title', r.label]);
    items.push({ id: `r${i}`, group: 'relation', label: `relation:${r.type}`, ...pos(r), details: d });
  });
  const repairs: ReportRepair[] = p.norm.repairs.map((r, i) => ({ id: `p${i}`, ...r }));
  addSourcePlaces(items, p.doc.layout);
  const messages: ReportMessage[] = (p.messages ?? []).map((m) => ({ code: m.code, severity: m.severity, source: m.source, message: m.message, rawStart: m.rawStart ?? null, rawEnd: m.rawEnd ?? null }));
  return {
    docId: p.doc.id, path: p.doc.path, raw: p.doc.raw, normalized: norm, encoding: p.doc.encoding, pipeline: p.pipeline, source, items, repairs, messages,
  };
}
