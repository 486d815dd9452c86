/**
 * `npm run train:ner`: train the entity model with an averaged structured
 * perceptron (fixed seed, so the same data and options give the same file),
 * print exact-span P/R/F1 per type on the held-out dev blocks next to bare
 * jieba tags, and write pipelines/models/ner.bin.gz.
 *
 *   node dist/model/train.js [--epochs 12] [--bits 21] [--prune 1.5] [--cluener yes|no|scene] [--out FILE] [--no-save]
 */
import { loadDictionaries } from '../segment/index.js';
import { loadPipeline } from '../pipeline/config.js';
import { FEATURES } from './features.js';
import { Decoder, T } from './model.js';
import { evaluateModel } from './evaluate.js';
import { cluener, msra, type Row } from './data.js';
import { prepare } from './prepare.js';
import { DEFAULT_NER_MODEL, loadNerModel, saveNerModel } from './io.js';
import { rng } from '../core/rng.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : dflt;
}


function main(): void {
  const epochs = Number(arg('epochs', '12'));
  const bits = Number(arg('bits', '21'));
  const withCluener = arg('cluener', 'yes');
  const out = arg('out', DEFAULT_NER_MODEL);
  const prune = Number(arg('prune', '1.5'));
  const seed = 13;
  const t0 = performance.now();
  loadDictionaries(loadPipeline().segmenter);
  const m = msra();
  const c = cluener(withCluener === 'scene');
  const trainRows: Row[] = [...m.train, ...(withCluener === 'no' ? [] : c.train)];
  console.log(`train: ${m.train.length} MSRA sentences${withCluener === 'no' ? '' : ` + ${c.train.length} CLUENER fragments (${withCluener === 'scene' ? 'scene → LOC' : 'scene left out'})`}; dev: last ${m.dev.length} MSRA, last ${c.dev.length} CLUENER`);
  const train = prepare(trainRows, bits);
  const devM = prepare(m.dev, bits);
  const devC = prepare(c.dev, bits);
  console.log(`features ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const B = 1 << bits;
  const W = new Float32Array(B * T);
  const U = new Float32Array(B * T);
  const TR = new Float32Array((T + 1) * T);
  const TU = new Float32Array((T + 1) * T);
  const dec = new Decoder();
  const rand = rng(seed);
  const order = Array.from({ length: trainRows.length }, (_, i) => i);
  let step = 1;
  const F = FEATURES;
  const avg = (): { w: Float32Array; tr: Float32Array } => {
    const w = new Float32Array(W.length);
    for (let i = 0; i < W.length; i++) w[i] = W[i]! - U[i]! / step;
    const tr = new Float32Array(TR.length);
    for (let i = 0; i < TR.length; i++) tr[i] = TR[i]! - TU[i]! / step;
    return { w, tr };
  };
  for (let ep = 1; ep <= epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let wrong = 0;
    for (const k of order) {
      const s = train.start[k]!;
      const n = train.start[k + 1]! - s;
      if (n === 0) continue;
      const pred = dec.decode(W, TR, F, train.feats, s * F, n);
      let diff = false;
      for (let i = 0; i < n; i++) if (pred[i] !== train.gold[s + i]) diff = true;
      if (diff) {
        wrong++;
        for (let i = 0; i < n; i++) {
          const g = train.gold[s + i]!;
          const p = pred[i]!;
          const pg = i > 0 ? train.gold[s + i - 1]! : -1;
          const pp = i > 0 ? pred[i - 1]! : -1;
          if (g !== p) {
            const base = (s + i) * F;
            for (let f = 0; f < F; f++) {
              const row = train.feats[base + f]! * T;
              W[row + g]! += 1;
              U[row + g]! += step;
              W[row + p]! -= 1;
              U[row + p]! -= step;
            }
          }
          if (g !== p || pg !== pp) {
            TR[(pg + 1) * T + g]! += 1;
            TU[(pg + 1) * T + g]! += step;
            TR[(pp + 1) * T + p]! -= 1;
            TU[(pp + 1) * T + p]! -= step;
          }
        }
      }
      step++;
    }
    const { w, tr } = avg();
    const em = evaluateModel(devM, w, tr, 'MSRA dev', false).model.micro();
    const ec = evaluateModel(devC, w, tr, 'CLUENER dev', false).model.micro();
    console.log(`epoch ${ep}: ${wrong} of ${order.length} training sentences wrong; dev micro F1 MSRA ${em.f.toFixed(4)} CLUENER ${ec.f.toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const { w, tr } = avg();
  // weights below `prune` (in perceptron update units) are dropped: they are
  // most of the rows and none of the accuracy (1.5 halves the file at no dev cost)
  for (let i = 0; i < w.length; i++) if (Math.abs(w[i]!) < prune) w[i] = 0;
  if (process.argv.includes('--no-save')) {
    for (const l of evaluateModel(devM, w, tr, 'MSRA dev', true).lines) console.log(l);
    for (const l of evaluateModel(devC, w, tr, 'CLUENER dev', true).lines) console.log(l);
    return;
  }
  const meta = { trainedOn: withCluener === 'no' ? 'msra' : `msra+cluener${withCluener === 'scene' ? '+scene' : ''}`, epochs, bits, prune, seed, dev: 'last 10% of msra_train and of cluener_train', sentences: trainRows.length };
  const bytes = saveNerModel(out, bits, FEATURES, w, tr, meta);
  console.log(`wrote ${out} (${(bytes / 1e6).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(0)} s; scores of the written (quantized) model:`);
  const saved = loadNerModel(out);
  for (const l of evaluateModel(devM, saved.weights, saved.trans, 'MSRA dev', true).lines) console.log(l);
  for (const l of evaluateModel(devC, saved.weights, saved.trans, 'CLUENER dev', true).lines) console.log(l);
}

main();
