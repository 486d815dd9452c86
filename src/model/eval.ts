/**
 * `npm run eval:ner`: score the committed entity model (or --model FILE) on
 * the held-apart dev blocks (last 10% of msra_train and of cluener_train),
 * per type, next to bare jieba tags; time the model alone (features +
 * Viterbi, jieba excluded) in CPU seconds per MB of UTF-8 text. With
 * --pipeline also the whole default pipeline (normalize, jieba, every rule,
 * overlap policy, propagation: what `zhnews extract --jsonl` emits), with
 * and without the entity-model rule, exact spans, PERSON counted as PER.
 *
 *   node dist/model/eval.js [--model FILE] [--pipeline] [--limit N]
 */
import { loadDictionaries, segment } from '../segment/index.js';
import { loadPipeline, type Pipeline } from '../pipeline/config.js';
import { processDocument } from '../pipeline/process.js';
import { cluener, msra, type Row } from './data.js';
import { prepare } from './prepare.js';
import { Scorer } from './score.js';
import { evaluateModel } from './evaluate.js';
import { DEFAULT_NER_MODEL, loadNerModel } from './io.js';
import { tagText } from './ner.js';
import type { Span } from './model.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : dflt;
}

const TYPE: Record<string, Span['type'] | undefined> = { PERSON: 'PER', LOC: 'LOC', ORG: 'ORG' };

/** The pipeline's mentions on dev rows, joined 20 to a document, one row a line. */
export function scorePipeline(rows: Row[], pipeline: Pipeline): Scorer {
  const sc = new Scorer();
  const per = 20;
  for (let k = 0; k < rows.length; k += per) {
    const group = rows.slice(k, k + per);
    const starts: number[] = [];
    let raw = '';
    for (const r of group) {
      starts.push(raw.length);
      raw += r.text.replace(/\n/gu, ' ') + '\n';
    }
    const doc = processDocument({ id: `dev${k}`, path: `dev${k}`, sha256: '', encoding: 'utf-8', bytes: raw.length, raw }, pipeline);
    const got: Span[][] = group.map(() => []);
    for (const m of doc.extractions.mentions) {
      const type = TYPE[m.type];
      if (!type) continue;
      let g = 0;
      while (g + 1 < group.length && starts[g + 1]! <= m.rawStart) g++;
      got[g]!.push({ type, start: m.rawStart - starts[g]!, end: m.rawEnd - starts[g]! });
    }
    group.forEach((r, i) => sc.add(r.spans, got[i]!));
  }
  return sc;
}

function main(): void {
  const file = arg('model', DEFAULT_NER_MODEL);
  const limit = Number(arg('limit', '0'));
  const pipeline = loadPipeline();
  loadDictionaries(pipeline.segmenter);
  const model = loadNerModel(file);
  console.log(`model ${file}: ${JSON.stringify(model.meta)}`);
  const cut = (rows: Row[]): Row[] => (limit > 0 ? rows.slice(0, limit) : rows);
  const dev = { 'MSRA dev': cut(msra().dev), 'CLUENER dev': cut(cluener().dev) };
  for (const [label, rows] of Object.entries(dev)) {
    const p = prepare(rows, model.bits);
    for (const l of evaluateModel(p, model.weights, model.trans, label, true).lines) console.log(l);
  }
  // speed: the model alone over the MSRA dev text, tokens made beforehand
  const rows = dev['MSRA dev'];
  const texts = rows.map((r) => r.text);
  const toks = texts.map((t) => segment(t));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  for (let k = 0; k < Math.min(200, texts.length); k++) tagText(model, texts[k]!, toks[k]!);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let k = 0; k < texts.length; k++) tagText(model, texts[k]!, toks[k]!);
  const cpu = process.cpuUsage(c0);
  const secs = (cpu.user + cpu.system) / 1e6;
  console.log(`speed: ${(bytes / 1e6).toFixed(2)} MB in ${secs.toFixed(2)} s CPU (${((performance.now() - t0) / 1000).toFixed(2)} s wall): ${(secs / (bytes / 1e6)).toFixed(3)} s CPU per MB`);
  console.log(`memory: rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, model weights ${((model.weights.byteLength + model.trans.byteLength) / 1e6).toFixed(1)} MB`);
  if (process.argv.includes('--pipeline')) {
    const rulesOnly: Pipeline = { ...pipeline, rules: pipeline.rules.filter((r) => r !== 'entity-model') };
    for (const [label, rs] of Object.entries(dev)) {
      for (const l of scorePipeline(rs, pipeline).lines(`${label} pipeline`)) console.log(l);
      for (const l of scorePipeline(rs, rulesOnly).lines(`${label} rules only`)) console.log(l);
    }
  }
}

main();
