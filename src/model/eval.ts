/**
 * `npm run eval:ner`: score the committed entity model (or --model FILE) on
 * the held-apart dev blocks (last 10% of msra_train and of cluener_train),
 * per type, next to bare jieba tags; time the model alone (features +
 * Viterbi, jieba excluded) in CPU seconds per MB of UTF-8 text, best of
 * three passes over 4 MB (--mb) of ../shared/data/clean-news. With
 * --pipeline also the whole default pipeline (normalize, jieba, every rule,
 * overlap policy, propagation: what `zhnews extract --jsonl` emits), with
 * and without the entity-model rule, exact spans, PERSON counted as PER.
 *
 *   node dist/model/eval.js [--model FILE] [--pipeline] [--limit N] [--mb 4] [--speed-only]
 *
 * --speed-only skips the dev scores and times the model before anything
 * else ran it: the first pass (cold: compiling, weights not in cache yet)
 * is printed apart from the best of three warm passes.
 */
import { loadDictionaries, segment } from '../segment/index.js';
import { loadPipeline, type Pipeline } from '../pipeline/config.js';
import { scoreRows } from '../eval/groups.js';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DATA_DIR, cluener, msra, type Row } from './data.js';
import { prepare } from './prepare.js';
import { Scorer } from './score.js';
import { evaluateModel } from './evaluate.js';
import { DOC_WINDOW } from './doc.js';
import { DEFAULT_NER_MODEL, loadNerModel } from './io.js';
import { tagText } from './ner.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : dflt;
}

const CLEAN_NEWS = resolve(DATA_DIR, '..', 'clean-news', 'people-daily-2019.jsonl.gz');

/** Articles of clean news up to `mb` MB of UTF-8 text, or the dev rows' texts when the file is absent. */
function speedTexts(mb: number, fallback: Row[]): { label: string; texts: string[] } {
  if (!existsSync(CLEAN_NEWS)) return { label: 'MSRA dev text', texts: fallback.map((r) => r.text) };
  const texts: string[] = [];
  let bytes = 0;
  for (const line of gunzipSync(readFileSync(CLEAN_NEWS)).toString('utf8').split('\n')) {
    if (!line || bytes >= mb * 1e6) continue;
    const text = (JSON.parse(line) as { text: string }).text;
    texts.push(text);
    bytes += Buffer.byteLength(text, 'utf8');
  }
  return { label: 'clean news', texts };
}

function main(): void {
  const file = arg('model', DEFAULT_NER_MODEL);
  const limit = Number(arg('limit', '0'));
  const pipeline = loadPipeline();
  loadDictionaries(pipeline.segmenter);
  const model = loadNerModel(file);
  console.log(`model ${file}: ${JSON.stringify(model.meta)}`);
  const cut = (rows: Row[]): Row[] => (limit > 0 ? rows.slice(0, limit) : rows);
  const speedOnly = process.argv.includes('--speed-only');
  const dev = { 'MSRA dev': cut(msra().dev), 'CLUENER dev': cut(cluener().dev) };
  if (!speedOnly) {
    for (const [label, rows] of Object.entries(dev)) {
      const p = prepare(rows, model.plan);
      // MSRA rows: the neighbouring rows stand in for the article (./doc.ts); CLUENER fragments stand alone
      for (const l of evaluateModel(p, model.weights, model.trans, label, true, model.stride, label.startsWith('MSRA') ? DOC_WINDOW : 0).lines) console.log(l);
    }
  }
  // speed: the model alone (features + Viterbi; jieba runs beforehand, untimed), best of three
  // passes, over the first --mb MB of clean 2019 news when ../shared/data/clean-news is there,
  // else over the MSRA dev text
  const { label, texts } = speedTexts(Number(arg('mb', '4')), dev['MSRA dev']);
  const toks = texts.map((t) => segment(t));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  let cold = '';
  if (speedOnly) {
    const c0 = process.cpuUsage();
    for (let k = 0; k < texts.length; k++) tagText(model, texts[k]!, toks[k]!);
    const cpu = process.cpuUsage(c0);
    cold = `first (cold) pass ${((cpu.user + cpu.system) / 1e6 / (bytes / 1e6)).toFixed(3)}; `;
  } else for (let k = 0; k < Math.min(200, texts.length); k++) tagText(model, texts[k]!, toks[k]!);
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const c0 = process.cpuUsage();
    for (let k = 0; k < texts.length; k++) tagText(model, texts[k]!, toks[k]!);
    const cpu = process.cpuUsage(c0);
    passes.push((cpu.user + cpu.system) / 1e6 / (bytes / 1e6));
  }
  console.log(`speed (${label}, ${(bytes / 1e6).toFixed(2)} MB): ${cold}${passes.map((x) => x.toFixed(3)).join(' / ')} s CPU per MB; best ${Math.min(...passes).toFixed(3)}`);
  console.log(`memory: rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, model weights ${((model.weights.byteLength + model.trans.byteLength) / 1e6).toFixed(1)} MB`);
  if (process.argv.includes('--pipeline')) {
    const rulesOnly: Pipeline = { ...pipeline, rules: pipeline.rules.filter((r) => r !== 'entity-model') };
    for (const [label, rs] of Object.entries(dev)) {
      for (const l of scoreRows(rs, pipeline).lines(`${label} pipeline`)) console.log(l);
      for (const l of scoreRows(rs, rulesOnly).lines(`${label} rules only`)) console.log(l);
    }
  }
}

main();
