/**
 * The diff between the stored baseline and today's extractions. Identical
 * records cancel out; what is left pairs up by document, family (figure,
 * mention, quote, relation) and span as "changed" (a new kind, value, unit,
 * rule or rule version at the same place); the rest is added or removed.
 */
import { recordLine, compareRecords, type BaselineRecord } from './baseline.js';
import { family } from './score.js';

export interface Change {
  before: BaselineRecord;
  after: BaselineRecord;
  /** the fields that differ */
  fields: string[];
}

export interface Diff {
  added: BaselineRecord[];
  removed: BaselineRecord[];
  changed: Change[];
}

export function diffIsEmpty(d: Diff): boolean {
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
}

const placeKey = (r: BaselineRecord) => `${r.doc}\u0000${family(r.label)}\u0000${r.start}\u0000${r.end}`;

function changedFields(a: BaselineRecord, b: BaselineRecord): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: string[] = [];
  for (const k of keys) {
    const x = (a as unknown as Record<string, unknown>)[k];
    const y = (b as unknown as Record<string, unknown>)[k];
    if (JSON.stringify(x ?? null) !== JSON.stringify(y ?? null)) out.push(k);
  }
  return out.sort();
}

export function diffRecords(baseline: readonly BaselineRecord[], current: readonly BaselineRecord[]): Diff {
  // 1. identical lines cancel (as multisets)
  const leftover = (from: readonly BaselineRecord[], against: readonly BaselineRecord[]) => {
    const counts = new Map<string, number>();
    for (const r of against) {
      const l = recordLine(r);
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    return from.filter((r) => {
      const l = recordLine(r);
      const n = counts.get(l) ?? 0;
      if (n === 0) return true;
      counts.set(l, n - 1);
      return false;
    });
  };
  const baseLeft = leftover(baseline, current);
  const curLeft = leftover(current, baseline);
  // 2. what is left pairs by place
  const byPlace = new Map<string, BaselineRecord[]>();
  for (const r of [...baseLeft].sort(compareRecords)) {
    const k = placeKey(r);
    let l = byPlace.get(k);
    if (!l) byPlace.set(k, (l = []));
    l.push(r);
  }
  const added: BaselineRecord[] = [];
  const changed: Change[] = [];
  for (const r of [...curLeft].sort(compareRecords)) {
    const l = byPlace.get(placeKey(r));
    const before = l?.shift();
    if (before) changed.push({ before, after: r, fields: changedFields(before, r) });
    else added.push(r);
  }
  const removed = [...byPlace.values()].flat().sort(compareRecords);
  return { added, removed, changed };
}

export interface RuleDiff {
  rule: string;
  added: BaselineRecord[];
  removed: BaselineRecord[];
  changed: Change[];
}

/** The diff grouped by rule (a change counts under the rule that now makes the record), rules sorted. */
export function groupByRule(d: Diff): RuleDiff[] {
  const m = new Map<string, RuleDiff>();
  const get = (rule: string) => {
    let g = m.get(rule);
    if (!g) m.set(rule, (g = { rule, added: [], removed: [], changed: [] }));
    return g;
  };
  for (const r of d.added) get(r.rule).added.push(r);
  for (const r of d.removed) get(r.rule).removed.push(r);
  for (const c of d.changed) get(c.after.rule).changed.push(c);
  return [...m.values()].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** "…left【text】right…" from the document's normalized text, on one line. */
export function contextOf(text: string | undefined, r: BaselineRecord, n = 12): string {
  if (text === undefined || r.end > text.length || text.slice(r.start, r.end) !== r.text) return `【${r.text}】`;
  const flat = (s: string) => s.replace(/\r\n|\r|\n/g, '⏎');
  const left = text.slice(Math.max(0, r.start - n), r.start);
  const right = text.slice(r.end, r.end + n);
  return `${r.start > n ? '…' : ''}${flat(left)}【${flat(r.text)}】${flat(right)}${r.end + n < text.length ? '…' : ''}`;
}

function describe(r: BaselineRecord): string {
  const parts = [r.label];
  if (r.value !== undefined && r.value !== null) parts.push(`value=${r.value}${r.valueMax != null ? `–${r.valueMax}` : ''}`);
  if (r.unit) parts.push(`unit=${r.unit}`);
  if (r.speaker) parts.push(`speaker=${r.speaker}`);
  if (r.head !== undefined) parts.push(`${r.head} → ${r.tail}${r.title ? ` (${r.title})` : ''}`);
  return parts.join(' ');
}

function fieldValue(r: BaselineRecord, f: string): string {
  const v = (r as unknown as Record<string, unknown>)[f];
  return v === undefined ? '∅' : JSON.stringify(v);
}

/** The diff as text for a person: per rule, each record with its place and context. */
export function formatDiff(d: Diff, texts: ReadonlyMap<string, string>): string {
  if (diffIsEmpty(d)) return 'baseline: no differences\n';
  const lines: string[] = [];
  const where = (r: BaselineRecord) => `${r.doc} [${r.start},${r.end})`;
  for (const g of groupByRule(d)) {
    lines.push(`rule ${g.rule}: +${g.added.length} −${g.removed.length} ~${g.changed.length}`);
    for (const r of g.added) lines.push(`  + ${where(r)} ${describe(r)}  ${contextOf(texts.get(r.doc), r)}`);
    for (const r of g.removed) lines.push(`  − ${where(r)} ${describe(r)}  ${contextOf(texts.get(r.doc), r)}`);
    for (const c of g.changed) {
      const what = c.fields.map((f) => `${f} ${fieldValue(c.before, f)} → ${fieldValue(c.after, f)}`).join(', ');
      lines.push(`  ~ ${where(c.after)} ${describe(c.after)}: ${what}  ${contextOf(texts.get(c.after.doc), c.after)}`);
    }
  }
  lines.push(`baseline: +${d.added.length} added, −${d.removed.length} removed, ~${d.changed.length} changed`);
  return lines.join('\n') + '\n';
}
