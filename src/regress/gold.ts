/**
 * Reading the hand-checked gold under tests/gold. Every file is optional: a
 * document without gold for a family is not scored for it, and the coverage
 * (documents with gold / documents in the corpus) is reported so a missing
 * file is seen, not silently skipped.
 *
 *   figures/<doc>.jsonl            {text, kind, value, valueMax?, unit, qualifier, date?, dateEnd?, line}
 *   entities/<doc>.jsonl           {type, text, start, end}   (offsets into normalized/<doc>.txt)
 *   entities/<doc>.quotes.jsonl    {text, speaker?, …}
 *   entities/<doc>.relations.jsonl {type, person, title, org, personStart, orgStart, …}
 *                                  (or {type, head, tail, label?}, head/tail: text or {text})
 *
 * Items with offsets are matched in the order of their start offsets.
 *
 * A family folder may hold annotated.json, a list of the labels its gold
 * annotates completely; predictions of other labels are then not scored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldItem } from './score.js';

export const FAMILIES = ['figure', 'mention', 'quote', 'relation'] as const;
export type Family = (typeof FAMILIES)[number];

const FILES: Record<Family, (id: string) => string> = {
  figure: (id) => join('figures', `${id}.jsonl`),
  mention: (id) => join('entities', `${id}.jsonl`),
  quote: (id) => join('entities', `${id}.quotes.jsonl`),
  relation: (id) => join('entities', `${id}.relations.jsonl`),
};

const DIRS: Record<Family, string> = { figure: 'figures', mention: 'entities', quote: 'entities', relation: 'entities' };

function readJsonl(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => [l, i] as const)
    .filter(([l]) => l.trim())
    .map(([l, i]) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch (err) {
        throw new Error(`${file}:${i + 1}: not JSON: ${(err as Error).message}`);
      }
    });
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string' ? (v as { text: string }).text : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function toItem(fam: Family, doc: string, o: Record<string, unknown>): GoldItem {
  switch (fam) {
    case 'figure':
      return {
        doc, label: `figure:${String(o.kind)}`, text: String(o.text), value: num(o.value), valueMax: num(o.valueMax),
        unit: str(o.unit), date: str(o.date), dateEnd: str(o.dateEnd),
      };
    case 'mention':
      return { doc, label: `mention:${String(o.type)}`, text: String(o.text), start: num(o.start) };
    case 'quote':
      return { doc, label: 'quote', text: String(o.text ?? ''), speaker: str(o.speaker), start: num(o.start) };
    case 'relation': {
      const starts = [o.start, o.personStart, o.orgStart, o.headStart, o.tailStart].map(num).filter((x): x is number => x !== null);
      return {
        doc, label: `relation:${String(o.type)}`, text: String(o.text ?? ''), head: str(o.person ?? o.head), tail: str(o.org ?? o.tail),
        title: str(o.title ?? o.label), start: starts.length ? Math.min(...starts) : null,
      };
    }
  }
}

export interface Gold {
  /** doc -> family -> items in document order */
  items: Map<string, Map<string, GoldItem[]>>;
  /** family -> documents with gold for it */
  coverage: Record<Family, string[]>;
  /** family -> labels annotated completely, when the gold says so */
  annotated: Partial<Record<Family, Set<string>>>;
}

export function loadGold(goldDir: string, docIds: readonly string[]): Gold {
  const items = new Map<string, Map<string, GoldItem[]>>();
  const coverage = { figure: [], mention: [], quote: [], relation: [] } as Record<Family, string[]>;
  const annotated: Gold['annotated'] = {};
  for (const fam of FAMILIES) {
    const meta = join(goldDir, DIRS[fam], 'annotated.json');
    if (existsSync(meta)) {
      const labels = (JSON.parse(readFileSync(meta, 'utf8')) as string[]).filter((l) => l.startsWith(fam + ':') || l === fam);
      if (labels.length) annotated[fam] = new Set(labels);
    }
    for (const doc of docIds) {
      const file = join(goldDir, FILES[fam](doc));
      if (!existsSync(file)) continue;
      const list = readJsonl(file).map((o) => toItem(fam, doc, o));
      // match in document order: sort by offset when every item has one (stable otherwise)
      if (list.every((g) => g.start != null)) list.sort((a, b) => a.start! - b.start!);
      let m = items.get(doc);
      if (!m) items.set(doc, (m = new Map()));
      m.set(fam, list);
      coverage[fam].push(doc);
    }
  }
  return { items, coverage, annotated };
}
