/**
 * How well the person–title relations find job titles on news nobody here
 * wrote: CLUENER annotates `position` spans (job titles, roles) next to
 * `name` and organisations. Runs the default pipeline (what `zhnews extract
 * --jsonl` emits) on the fragments, 20 to a document, and compares the
 * relations' labels, placed at their exact span, with the annotated
 * positions.
 *
 *   node dist/eval/titles.js [--split dev|train] [--limit N] [--show N] [--data cluener_train.jsonl.gz]
 *
 * dev (the default) is the contiguous LAST 10% of cluener_train, the block
 * the entity model holds out (src/model/data.ts); train is the other 90%,
 * for developing. --show prints N missed and N wrong titles (train only:
 * the dev block is for reporting, not for reading).
 *
 * Prints: recall of annotated positions as relation labels (exact span),
 * precision of the emitted titles (distinct spans), recall of the positions
 * next to an annotated name (and how many of those misses lack the PERSON
 * mention itself), and, per context of the annotated position (organisation
 * + title + name, title + name, name + title, anything else), its share and
 * recall.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPipeline } from '../pipeline/config.js';
import { processInGroups } from './groups.js';
import { loadDictionaries } from '../segment/index.js';

const DEFAULT_DATA = resolve(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'data', 'ner', 'cluener_train.jsonl.gz');
const ORG = new Set(['organization', 'company', 'government']);

interface Ent {
  type: string;
  start: number;
  end: number;
}
interface Row {
  text: string;
  entities: Ent[];
}

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : dflt;
}

/** the contiguous last 10% (dev) or the first 90% (train), cut as src/model/data.ts cuts */
export function cluenerRows(split: 'dev' | 'train', DATA = DEFAULT_DATA): Row[] {
  if (!existsSync(DATA)) throw new Error(`${DATA}: CLUENER training data not found`);
  const rows = gunzipSync(readFileSync(DATA))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
  const cut = Math.floor(rows.length * 0.9);
  return split === 'dev' ? rows.slice(cut) : rows.slice(0, cut);
}

/** where an annotated position sits: organisation + title + name, title + name, name + title, other */
export function context(row: Row, pos: Ent): string {
  const at = (end: number) => row.entities.find((e) => e.end === end);
  const from = (start: number) => row.entities.find((e) => e.start === start);
  const before = at(pos.start);
  const after = from(pos.end);
  if (after?.type === 'name' && before && ORG.has(before.type)) return 'org+title+name';
  if (after?.type === 'name') return 'title+name';
  if (before?.type === 'name') return 'name+title';
  return 'other';
}

export interface TitleScore {
  gold: number;
  found: number;
  emitted: number;
  correct: number;
  byContext: Map<string, { gold: number; found: number }>;
  /** missed positions next to an annotated name that the pipeline kept no PERSON mention for (exact span) */
  missedNoPerson: number;
  missed: string[];
  wrong: string[];
}

export function scoreTitles(rows: Row[]): TitleScore {
  const pipeline = loadPipeline();
  loadDictionaries(pipeline.segmenter);
  const s: TitleScore = { gold: 0, found: 0, emitted: 0, correct: 0, byContext: new Map(), missedNoPerson: 0, missed: [], wrong: [] };
  processInGroups(rows, pipeline, 'titles', (group, starts, doc, raw) => {
    // each relation's label at its place inside the relation's raw span (titles are CJK: normalization leaves them be)
    const emitted = new Set<string>();
    for (const r of doc.extractions.relations) {
      if (!r.label) continue;
      let i = raw.indexOf(r.label, r.rawStart);
      while (i >= 0 && i + r.label.length <= r.rawEnd) {
        emitted.add(`${i}:${i + r.label.length}`);
        i = raw.indexOf(r.label, i + 1);
      }
    }
    const persons = new Set(doc.extractions.mentions.filter((m) => m.type === 'PERSON').map((m) => `${m.rawStart}:${m.rawEnd}`));
    const gold = new Set<string>();
    group.forEach((row, g) => {
      for (const e of row.entities) {
        if (e.type !== 'position') continue;
        const key = `${starts[g]! + e.start}:${starts[g]! + e.end}`;
        gold.add(key);
        const c = context(row, e);
        const b = s.byContext.get(c) ?? { gold: 0, found: 0 };
        b.gold++;
        s.gold++;
        if (emitted.has(key)) {
          b.found++;
          s.found++;
        } else {
          s.missed.push(`${c}\t${row.text.slice(e.start, e.end)}\t${row.text}`);
          // the annotated name next to the title: does the pipeline keep it as a PERSON?
          const name = row.entities.find((n) => n.type === 'name' && (n.start === e.end || n.end === e.start));
          if (name && !persons.has(`${starts[g]! + name.start}:${starts[g]! + name.end}`)) s.missedNoPerson++;
        }
        s.byContext.set(c, b);
      }
    });
    for (const key of emitted) {
      s.emitted++;
      if (gold.has(key)) s.correct++;
      else {
        const [a, b] = key.split(':').map(Number) as [number, number];
        const line = raw.slice(raw.lastIndexOf('\n', a) + 1, raw.indexOf('\n', a));
        s.wrong.push(`${raw.slice(a, b)}\t${line}`);
      }
    }
  });
  return s;
}

function main(): void {
  const split = arg('split', 'dev') === 'train' ? 'train' : 'dev';
  const limit = Number(arg('limit', '0'));
  const show = split === 'train' ? Number(arg('show', '0')) : 0;
  let rows = cluenerRows(split, arg('data', DEFAULT_DATA));
  if (limit > 0) rows = rows.slice(0, limit);
  const c0 = process.cpuUsage();
  const s = scoreTitles(rows);
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-') + '%';
  console.log(`CLUENER ${split} (${rows.length} fragments): ${s.gold} annotated positions`);
  console.log(`recall    ${s.found}/${s.gold} = ${pct(s.found, s.gold)} (annotated position = a relation's label, exact span)`);
  console.log(`precision ${s.correct}/${s.emitted} = ${pct(s.correct, s.emitted)} (emitted title spans that are annotated positions)`);
  const named = ['org+title+name', 'title+name', 'name+title'].map((c) => s.byContext.get(c) ?? { gold: 0, found: 0 });
  const ng = named.reduce((n, b) => n + b.gold, 0);
  const nf = named.reduce((n, b) => n + b.found, 0);
  console.log(`next to an annotated name: recall ${nf}/${ng} = ${pct(nf, ng)}; of the ${ng - nf} missed, ${s.missedNoPerson} have no PERSON mention at the annotated name`);
  for (const c of ['org+title+name', 'title+name', 'name+title', 'other']) {
    const b = s.byContext.get(c) ?? { gold: 0, found: 0 };
    console.log(`  ${c.padEnd(15)} share ${pct(b.gold, s.gold).padStart(6)}  recall ${b.found}/${b.gold} = ${pct(b.found, b.gold)}`);
  }
  const cpu = process.cpuUsage(c0);
  console.log(`(${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`);
  if (show > 0) {
    console.log('\nmissed:');
    for (const l of s.missed.slice(0, show)) console.log('  ' + l);
    console.log('\nwrong:');
    for (const l of s.wrong.slice(0, show)) console.log('  ' + l);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
