/**
 * `npm run train:ner`: train the entity model with an averaged structured
 * perceptron (fixed seed, so the same data and options give the same file),
 * print exact-span P/R/F1 per type on the held-out dev blocks next to bare
 * jieba tags, and write pipelines/models/ner.bin.br.
 *
 *   node dist/model/train.js [--epochs 10] [--prune 0.5] [--width 16|8 (default 16)] [--cluener yes|no|scene]
 *     [--frac 1] [--drop I,J] [--bits-bi 15 ...] [--out FILE] [--also FILE] [--no-save]
 *     [--seed 13] [--folds 10] [--lexicon yes|no] [--doc-folds 5] [--doc-epochs 4] [--doc-drop 0] [--window 15]
 *
 * Format 5, document marks (./doc.ts): the first-pass spans of the MSRA
 * training rows come from --doc-folds models trained --doc-epochs epochs on
 * the other folds (--doc-folds 0: no marks); the --window rows before and
 * after a row stand in for its article; --doc-drop D trains that share of
 * the marked rows without their marks.
 *
 * The training lists (./lexicon.ts) are jackknifed over --folds contiguous
 * folds of the training rows (--folds 0: not jackknifed, every row reads
 * the lists of all rows); --lexicon no leaves their five feature slots null
 * (the format 2 feature set). Both for comparison.
 *
 * For quick comparisons: --frac F trains on the first F of each training
 * block (the dev blocks stay whole); --drop I,J writes the null feature in
 * place of feature slots I and J (ablation: what is a template worth?);
 * --bits-{bi,tri,skip,word,ctx,small} resize the hashed tables; --also FILE
 * also writes (and scores) the weights at the other width.
 */
import { loadDictionaries } from '../segment/index.js';
import { loadPipeline } from '../pipeline/config.js';
import { DEFAULT_TABLE_BITS, FEATURES, planOf, vocabulary, type Layout } from './features.js';
import { Decoder, T, tagsToSpans, type Span } from './model.js';
import { evaluateModel } from './evaluate.js';
import { cluener, msra, type Row } from './data.js';
import { prepare, segmentRows } from './prepare.js';
import { foldOf, jackknife, type LexiconData } from './lexicon.js';
import { compileLexicon, docRows, withLexicon } from './features.js';
import { DOC_WINDOW, docMarks } from './doc.js';
import type { Prepared } from './prepare.js';
import { lexicon } from '../extract/entities/lexicon.js';
import { DEFAULT_NER_MODEL, loadNerModel, saveNerModel } from './io.js';
import { rng } from '../core/rng.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : dflt;
}

function main(): void {
  const epochs = Number(arg('epochs', '10'));
  const frac = Number(arg('frac', '1'));
  const width = Number(arg('width', '16')) === 8 ? 8 : 16;
  const withCluener = arg('cluener', 'yes');
  const out = arg('out', DEFAULT_NER_MODEL);
  const prune = Number(arg('prune', '0.5'));
  const seed = Number(arg('seed', '13'));
  const t0 = performance.now();
  loadDictionaries(loadPipeline().segmenter);
  const m = msra();
  const c = cluener(withCluener === 'scene');
  const head = (rows: Row[]): Row[] => rows.slice(0, Math.round(rows.length * frac));
  const trainRows: Row[] = [...head(m.train), ...(withCluener === 'no' ? [] : head(c.train))];
  console.log(`train: ${head(m.train).length} MSRA sentences${withCluener === 'no' ? '' : ` + ${head(c.train).length} CLUENER fragments (${withCluener === 'scene' ? 'scene → LOC' : 'scene left out'})`}; dev: last ${m.dev.length} MSRA, last ${c.dev.length} CLUENER`);
  const layout: Layout = { chars: vocabulary(trainRows.map((r) => r.text)), ...DEFAULT_TABLE_BITS };
  for (const k of Object.keys(DEFAULT_TABLE_BITS) as Array<keyof typeof DEFAULT_TABLE_BITS>) layout[k] = Number(arg(`bits-${k}`, String(layout[k])));
  const plan = planOf(layout);
  console.log(`layout: ${layout.chars.length} characters, ${JSON.stringify({ ...layout, chars: undefined })}, ${plan.size} rows, ${FEATURES} features per character`);
  // the training lists (./lexicon.ts), jackknifed over --folds contiguous folds
  const seg = segmentRows(trainRows);
  const K = Number(arg('folds', '10'));
  let lexData: LexiconData | undefined;
  let planFor: ((k: number) => typeof plan) | undefined;
  let full = plan;
  if (arg('lexicon', 'yes') !== 'no') {
    const surnames = lexicon().surnames;
    // --folds 0: no jackknife, every training row reads the lists of all rows (for comparison)
    const jk = jackknife(trainRows.map((r, k) => ({ text: seg.texts[k]!, spans: r.spans, tokens: seg.tokens[k]! })), Math.max(K, 1), (ch) => surnames.has(ch));
    if (K === 0) jk.folds = [jk.all];
    lexData = jk.all;
    const plans = jk.folds.map((d) => withLexicon(plan, compileLexicon(d)));
    planFor = (k) => plans[K === 0 ? 0 : foldOf(k, trainRows.length, K)]!;
    full = withLexicon(plan, compileLexicon(jk.all));
    console.log(`lists: ${lexData.ents.length} entity strings, ${lexData.words.length} words, ${lexData.given.length} given names; ${K} folds (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const train = prepare(trainRows, plan, seg, planFor);
  const segM = segmentRows(m.dev);
  const segC = segmentRows(c.dev);
  const devM = prepare(m.dev, full, segM);
  const devC = prepare(c.dev, full, segC);
  // --drop: ablation, the null feature in place of some slots (training and dev)
  const drop = arg('drop', '').split(',').filter(Boolean).map(Number);
  for (const p of [train, devM, devC]) for (let k = 0; k < p.feats.length; k += FEATURES) for (const f of drop) p.feats[k + f] = 0;
  console.log(`features ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const F = FEATURES;
  const nM = head(m.train).length;
  // format 5, document marks (./doc.ts): the first-pass spans of the training rows come from
  // models trained on the other --doc-folds folds of the MSRA rows (jackknifed like the lists);
  // CLUENER fragments are documents of their own (no marks)
  const DK = Number(arg('doc-folds', '5'));
  const docEpochs = Number(arg('doc-epochs', '4'));
  const window = Number(arg('window', String(DOC_WINDOW)));
  if (DK > 0 && window > 0) {
    const first: Span[][] = new Array(nM);
    const tags: Uint8Array[] = new Array(nM);
    const dec = new Decoder();
    for (let f = 0; f < DK; f++) {
      const lo = Math.floor((nM * f) / DK);
      const hi = Math.floor((nM * (f + 1)) / DK);
      const rows: number[] = [];
      for (let k = 0; k < trainRows.length; k++) if (k < lo || k >= hi) rows.push(k);
      const { w, tr } = perceptron(train, plan.size, rows, docEpochs, seed + f + 1);
      for (let k = lo; k < hi; k++) {
        const s = train.start[k]!;
        const n = train.start[k + 1]! - s;
        const t = dec.decode(w, tr, F, train.feats, s * F, n);
        tags[k] = t.slice(0, n);
        first[k] = tagsToSpans(t, n);
      }
      console.log(`document pass 1, fold ${f + 1} of ${DK} (${docEpochs} epochs) (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    const marks = docMarks(train.texts.slice(0, nM), first, window);
    // --doc-drop D: that share of the marked rows trains without its marks, so that the
    // model with the document slots null (the first pass) stays as good as one without them
    const dropDoc = Number(arg('doc-drop', '0'));
    const rd = rng(seed + 101);
    let marked = 0;
    for (let k = 0; k < nM; k++) {
      const mk = marks[k];
      if (!mk || rd() < dropDoc) continue;
      marked++;
      docRows(plan, mk, tags[k]!, train.start[k + 1]! - train.start[k]!, train.feats, train.start[k]! * F);
    }
    console.log(`document marks in ${marked} of ${nM} MSRA training rows (window ${window})`);
  }
  const { w, tr } = perceptron(train, plan.size, Array.from({ length: trainRows.length }, (_, i) => i), epochs, seed, (ep, wrong, a) => {
    const em = evaluateModel(devM, a.w, a.tr, 'MSRA dev', false, T, window).model.micro();
    const ec = evaluateModel(devC, a.w, a.tr, 'CLUENER dev', false).model.micro();
    console.log(`epoch ${ep}: ${wrong} of ${trainRows.length} training sentences wrong; dev micro F1 MSRA ${em.f.toFixed(4)} CLUENER ${ec.f.toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  });
  // weights below `prune` (in perceptron update units) are dropped: they are
  // most of the rows and none of the accuracy (1.5 halves the file at no dev cost)
  for (let i = 0; i < w.length; i++) if (Math.abs(w[i]!) < prune) w[i] = 0;
  if (process.argv.includes('--no-save')) {
    for (const l of evaluateModel(devM, w, tr, 'MSRA dev', true, T, window).lines) console.log(l);
    for (const l of evaluateModel(devC, w, tr, 'CLUENER dev', true).lines) console.log(l);
    return;
  }
  const meta = { trainedOn: withCluener === 'no' ? 'msra' : `msra+cluener${withCluener === 'scene' ? '+scene' : ''}`, epochs, prune, width, frac, seed, dev: 'last 10% of msra_train and of cluener_train', sentences: trainRows.length };
  const bytes = saveNerModel(out, layout, FEATURES, w, tr, { ...meta, folds: lexData ? K : 0, docFolds: DK, docEpochs, docDrop: Number(arg('doc-drop', '0')), window }, width, full.lex);
  console.log(`wrote ${out} (${(bytes / 1e6).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(0)} s; scores of the written (quantized) model:`);
  // as the pipeline reads it (weights folded for decoding, features of the folded plan); with --drop, as written
  const saved = loadNerModel(out, drop.length === 0);
  const savedM = saved.plan.folded ? prepare(m.dev, saved.plan, segM) : devM;
  const savedC = saved.plan.folded ? prepare(c.dev, saved.plan, segC) : devC;
  for (const l of evaluateModel(savedM, saved.weights, saved.trans, 'MSRA dev', true, saved.stride, window).lines) console.log(l);
  for (const l of evaluateModel(savedC, saved.weights, saved.trans, 'CLUENER dev', true, saved.stride).lines) console.log(l);
  // --also FILE: the same weights at the other width, for comparison
  const also = arg('also', '');
  if (also) {
    const b2 = saveNerModel(also, layout, FEATURES, w, tr, { ...meta, width: width === 8 ? 16 : 8 }, width === 8 ? 16 : 8, full.lex);
    console.log(`wrote ${also} (${(b2 / 1e6).toFixed(2)} MB, ${width === 8 ? 16 : 8}-bit weights):`);
    const m2 = loadNerModel(also, false);
    for (const l of evaluateModel(devM, m2.weights, m2.trans, 'MSRA dev', false, m2.stride, window).lines) console.log(l);
    for (const l of evaluateModel(devC, m2.weights, m2.trans, 'CLUENER dev', false, m2.stride).lines) console.log(l);
  }
}

/**
 * Averaged structured perceptron over the prepared rows `rows` (indices into
 * p), `epochs` passes in a seeded order; `onEpoch` sees the averaged weights
 * after each pass. Returns the averaged weights.
 */
function perceptron(p: Prepared, size: number, rows: number[], epochs: number, seed: number, onEpoch?: (ep: number, wrong: number, a: { w: Float32Array; tr: Float32Array }) => void): { w: Float32Array; tr: Float32Array } {
  const F = FEATURES;
  const W = new Float32Array(size * T);
  const U = new Float32Array(size * T);
  const TR = new Float32Array((T + 1) * T);
  const TU = new Float32Array((T + 1) * T);
  const dec = new Decoder();
  const rand = rng(seed);
  const order = rows.slice();
  let step = 1;
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
      const s = p.start[k]!;
      const n = p.start[k + 1]! - s;
      if (n === 0) continue;
      const pred = dec.decode(W, TR, F, p.feats, s * F, n);
      let diff = false;
      for (let i = 0; i < n; i++) if (pred[i] !== p.gold[s + i]) diff = true;
      if (diff) {
        wrong++;
        for (let i = 0; i < n; i++) {
          const g = p.gold[s + i]!;
          const q = pred[i]!;
          const pg = i > 0 ? p.gold[s + i - 1]! : -1;
          const pp = i > 0 ? pred[i - 1]! : -1;
          if (g !== q) {
            const base = (s + i) * F;
            for (let f = 0; f < F; f++) {
              const id = p.feats[base + f]!;
              if (id === 0) continue; // the null feature stays zero
              const row = id * T;
              W[row + g]! += 1;
              U[row + g]! += step;
              W[row + q]! -= 1;
              U[row + q]! -= step;
            }
          }
          if (g !== q || pg !== pp) {
            TR[(pg + 1) * T + g]! += 1;
            TU[(pg + 1) * T + g]! += step;
            TR[(pp + 1) * T + q]! -= 1;
            TU[(pp + 1) * T + q]! -= step;
          }
        }
      }
      step++;
    }
    if (onEpoch) onEpoch(ep, wrong, avg());
  }
  return avg();
}

main();
