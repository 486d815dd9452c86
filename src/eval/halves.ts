/**
 * `eval:ner`'s dev scores on one half of each dev block (src/eval/mention-errors.ts's
 * `devHalf`: the first half `tune`, the second `report`): the model alone,
 * as `eval:ner` scores it, and the whole pipeline (`eval:ner --pipeline`'s
 * scoreRows in groups.ts), so that rule changes tuned on the first half are reported
 * on the second.
 *
 *   node dist/eval/halves.js --half tune|report [--rules-only]
 */
import { loadDictionaries } from '../segment/index.js';
import { loadPipeline, type Pipeline } from '../pipeline/config.js';
import { cluener, msra, type Row } from '../model/data.js';
import { prepare } from '../model/prepare.js';
import { evaluateModel } from '../model/evaluate.js';
import { DOC_WINDOW } from '../model/doc.js';
import { DEFAULT_NER_MODEL, loadNerModel } from '../model/io.js';
import { scoreRows } from './groups.js';
import { devHalf, type Half } from './mention-errors.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : dflt;
}

function main(): void {
  const half = arg('half', '') as Half;
  if (half !== 'tune' && half !== 'report') throw new Error('--half tune|report');
  const pipeline = loadPipeline();
  loadDictionaries(pipeline.segmenter);
  const model = loadNerModel(DEFAULT_NER_MODEL);
  const dev: Record<string, Row[]> = { 'MSRA dev': devHalf(msra().dev, half), 'CLUENER dev': devHalf(cluener().dev, half) };
  for (const [label, rows] of Object.entries(dev)) {
    console.log(`${label}, ${half} half: ${rows.length} rows`);
    const p = prepare(rows, model.plan);
    for (const l of evaluateModel(p, model.weights, model.trans, `${label} model`, true, model.stride, label.startsWith('MSRA') ? DOC_WINDOW : 0).lines) console.log(`${l} [${half} half]`);
    for (const l of scoreRows(rows, pipeline).lines(`${label} pipeline`)) console.log(`${l} [${half} half]`);
    if (process.argv.includes('--rules-only')) {
      const rulesOnly: Pipeline = { ...pipeline, rules: pipeline.rules.filter((r) => r !== 'entity-model') };
      for (const l of scoreRows(rows, rulesOnly).lines(`${label} rules only`)) console.log(`${l} [${half} half]`);
    }
  }
}

main();
