/**
 * `regress`: run the pipeline over corpus/*.txt in-process (no database),
 * score every extraction against tests/gold, diff it against
 * tests/baseline/<pipeline>.jsonl, and compare the scores with
 * tests/baseline/<pipeline>.scores.json. It passes when no stored score
 * drops and the diff is empty. Only `accept` writes the baseline and scores.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProcessedDoc } from '../core/types.js';
import { readBaseline, recordsOf, sortRecords, writeBaseline, type BaselineRecord } from './baseline.js';
import { diffIsEmpty, diffRecords, formatDiff, type Diff } from './diff.js';
import { loadGold, FAMILIES, type Family } from './gold.js';
import { compareScores, family, scoreAll, type Drop, type Metric, type Scores } from './score.js';

export * from './baseline.js';
export * from './diff.js';
export * from './score.js';
export * from './gold.js';

export interface RegressOptions {
  /** repository root holding corpus/, tests/gold/, tests/baseline/ (default: the working directory) */
  root?: string;
  /** pipeline file (default pipelines/default.yaml) */
  pipeline?: string;
  corpusDir?: string;
  goldDir?: string;
  baselineDir?: string;
  /** store the current extractions and scores as the new baseline */
  accept?: boolean;
}

/** What is stored beside the baseline. */
export interface StoredScores extends Scores {
  pipeline: string;
  /** sha256 of each corpus file the baseline was made from */
  corpus: Record<string, string>;
  coverage: Record<Family, { docs: number; of: number }>;
}

export interface RegressResult {
  ok: boolean;
  accepted: boolean;
  pipeline: string;
  docs: string[];
  scores: StoredScores;
  stored: StoredScores | null;
  drops: Drop[];
  diff: Diff;
  /** no baseline file yet */
  noBaseline: boolean;
  /** corpus files whose sha256 differs from the stored scores */
  corpusChanged: string[];
  baselineFile: string;
  scoresFile: string;
  /** normalized text per document, for context */
  texts: Map<string, string>;
  /** how many extractions the rules made */
  extractions: number;
  ms: number;
}

export interface Processed {
  records: BaselineRecord[];
  texts: Map<string, string>;
  sha: Record<string, string>;
  pipeline: string;
}

/** Process every corpus/*.txt with the pipeline; all extractions as sorted baseline records. */
export async function processCorpus(corpusDir: string, pipelineFile?: string): Promise<Processed> {
  const { loadPipeline } = await import('../pipeline/config.js');
  const { processDocument } = await import('../pipeline/process.js');
  const ingest = await import('../ingest/index.js');
  const pipeline = await loadPipeline(pipelineFile);
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
  const records: BaselineRecord[] = [];
  const texts = new Map<string, string>();
  const sha: Record<string, string> = {};
  for (const f of files) {
    const path = join(corpusDir, f);
    const doc = await ingest.readDocument(path);
    const p: ProcessedDoc = processDocument(doc, pipeline, { docDate: ingest.manifestDate(path) });
    records.push(...recordsOf(p));
    texts.set(doc.id, p.norm.text);
    sha[doc.id] = doc.sha256;
  }
  return { records: sortRecords(records), texts, sha, pipeline: pipeline.name };
}

/** Score records against gold read from goldDir, for these documents. */
export function scoreRecords(goldDir: string, docIds: string[], records: BaselineRecord[]): Pick<StoredScores, 'byLabel' | 'byRule' | 'coverage'> {
  const gold = loadGold(goldDir, docIds);
  const goldLabels = new Set<string>();
  for (const fams of gold.items.values()) for (const list of fams.values()) for (const g of list) goldLabels.add(g.label);
  const scores = scoreAll({
    gold: gold.items,
    records,
    // mention gold need not cover every entity type: only types it has are scored, unless annotated.json says more
    annotated: (fam, label) => gold.annotated[fam as Family]?.has(label) ?? (fam === 'mention' ? goldLabels.has(label) : true),
  });
  const coverage = {} as Record<Family, { docs: number; of: number }>;
  for (const fam of FAMILIES) coverage[fam] = { docs: gold.coverage[fam].length, of: docIds.length };
  return { ...scores, coverage };
}

export async function runRegress(opts: RegressOptions = {}): Promise<RegressResult> {
  const t0 = performance.now();
  const root = resolve(opts.root ?? process.cwd());
  const corpusDir = opts.corpusDir ?? join(root, 'corpus');
  const goldDir = opts.goldDir ?? join(root, 'tests/gold');
  const baselineDir = opts.baselineDir ?? join(root, 'tests/baseline');
  const cur = await processCorpus(corpusDir, opts.pipeline);
  const docs = Object.keys(cur.sha).sort();
  const scores: StoredScores = { pipeline: cur.pipeline, ...scoreRecords(goldDir, docs, cur.records), corpus: cur.sha };
  const baselineFile = join(baselineDir, `${cur.pipeline}.jsonl`);
  const scoresFile = join(baselineDir, `${cur.pipeline}.scores.json`);
  const baseline = readBaseline(baselineFile);
  const stored = existsSync(scoresFile) ? (JSON.parse(readFileSync(scoresFile, 'utf8')) as StoredScores) : null;
  const diff = diffRecords(baseline ?? [], cur.records);
  const drops = stored ? compareScores(stored, scores) : [];
  const corpusChanged = stored
    ? [...new Set([...Object.keys(stored.corpus ?? {}), ...docs])].filter((d) => stored.corpus?.[d] !== cur.sha[d]).sort()
    : [];
  let accepted = false;
  if (opts.accept) {
    writeBaseline(baselineFile, cur.records);
    mkdirSync(baselineDir, { recursive: true });
    writeFileSync(scoresFile, scoresJson(scores));
    accepted = true;
  }
  const noBaseline = baseline === null || stored === null;
  const ok = accepted || verdict({ noBaseline, drops, diff, corpusChanged });
  return {
    ok, accepted, extractions: cur.records.length, pipeline: cur.pipeline, docs, scores, stored, drops, diff, noBaseline, corpusChanged,
    baselineFile, scoresFile, texts: cur.texts, ms: Math.round(performance.now() - t0),
  };
}

/** The stored scores as JSON, one metric per line so a reviewed diff reads well. */
export function scoresJson(s: StoredScores): string {
  return JSON.stringify(s, null, 2).replace(/\{\n\s+("gold"[^{}]*?)\n\s+\}/g, (_m, body: string) => `{ ${body.replace(/,\n\s+/g, ', ')} }`) + '\n';
}

/** Pass or fail: a baseline exists, no stored score dropped, nothing differs, the corpus is the one scored. */
export function verdict(v: { noBaseline: boolean; drops: readonly Drop[]; diff: Diff; corpusChanged: readonly string[] }): boolean {
  return !v.noBaseline && v.drops.length === 0 && diffIsEmpty(v.diff) && v.corpusChanged.length === 0;
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

function scoreLines(title: string, m: Record<string, Metric>, stored: Record<string, Metric> | undefined): string[] {
  const keys = Object.keys(m).sort();
  if (keys.length === 0) return [];
  const w = Math.max(title.length, ...keys.map((k) => k.length));
  const lines = [`${title.padEnd(w)}      P      R     F1   gold  pred    tp`];
  for (const k of keys) {
    const x = m[k]!;
    const s = stored?.[k];
    const mark = s && (x.precision < s.precision || x.recall < s.recall || x.f1 < s.f1) ? '  ▼ dropped' : s && (x.f1 > s.f1) ? '  ▲' : '';
    lines.push(`${k.padEnd(w)}  ${pct(x.precision)}  ${pct(x.recall)}  ${pct(x.f1)}  ${String(x.gold).padStart(5)} ${String(x.pred).padStart(5)} ${String(x.tpPred).padStart(5)}${mark}`);
  }
  return lines;
}

/** The result as text for a person. */
export function formatRegress(r: RegressResult): string {
  const out: string[] = [];
  out.push(`regress: pipeline ${r.pipeline}, ${r.docs.length} documents, ${r.extractions} extractions, ${r.ms} ms`);
  const cov = FAMILIES.map((f) => `${f} ${r.scores.coverage[f].docs}/${r.scores.coverage[f].of}`).join(', ');
  out.push(`gold coverage (documents): ${cov}`);
  out.push('');
  out.push(...scoreLines('label', r.scores.byLabel, r.stored?.byLabel));
  out.push('');
  out.push(...scoreLines('rule', r.scores.byRule, r.stored?.byRule));
  out.push('');
  if (r.noBaseline) out.push(`no baseline at ${r.baselineFile} (or its scores): run \`zhnews regress --accept\` to create it`);
  else out.push(formatDiff(r.diff, r.texts).trimEnd());
  for (const d of r.drops) {
    out.push(`score dropped: ${d.scope} ${d.key} ${d.measure} ${pct(d.stored).trim()}% → ${pct(d.current).trim()}%`);
  }
  if (r.corpusChanged.length) out.push(`corpus files changed since the baseline: ${r.corpusChanged.join(', ')}`);
  if (r.accepted) out.push(`accepted: wrote ${r.baselineFile} and ${r.scoresFile}`);
  else if (r.ok) out.push('regress: ok (no score dropped, no difference from the baseline)');
  else {
    const why = [
      r.noBaseline ? 'no baseline' : '',
      r.drops.length ? `${r.drops.length} score(s) dropped` : '',
      diffIsEmpty(r.diff) || r.noBaseline ? '' : 'extractions differ from the baseline',
      r.corpusChanged.length ? 'corpus changed' : '',
    ].filter(Boolean);
    out.push(`regress: FAILED (${why.join('; ')}). Review the changes; if they are intended, run \`zhnews regress --accept\` and commit tests/baseline.`);
  }
  return out.join('\n') + '\n';
}

/** Count records per family, for summaries. */
export function countByFamily(records: readonly BaselineRecord[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const r of records) c[family(r.label)] = (c[family(r.label)] ?? 0) + 1;
  return c;
}
