/**
 * The entity model's pieces: folding, feature hashing, BIO decoding under
 * its constraints, the model file round trip and its errors, and the
 * committed model on sentences written for this test.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLE_BITS, FEATURES, foldCode, foldText, planOf, sentenceFeatures, vocabulary, type Layout } from '../../src/model/features.js';
import { Decoder, T, allowed, spansToTags, tagsToSpans, type Span } from '../../src/model/model.js';
import { DEFAULT_NER_MODEL, FORMAT, loadNerModel, saveNerModel } from '../../src/model/io.js';
import { tagText } from '../../src/model/ner.js';
import { cluener, dataPresent, msra } from '../../src/model/data.js';
import { defaultContext as contextFor } from '../../src/pipeline/context.js';
import { findCached } from '../../src/segment/base-dict.js';

const layout: Layout = { chars: vocabulary(['国务院总理李强在北京会见了德国总理朔尔茨。'], 1), ...DEFAULT_TABLE_BITS };
const plan = planOf(layout);

describe('features', () => {
  it('folds width and case without changing length', () => {
    expect(foldText('１９９８年ＷＴＯ会议')).toBe('1998年wto会议');
    expect(foldText('ＡＢ·ｃ').length).toBe(4);
  });

  it('folds every char code as NFKC then lower case does, where that gives one char', () => {
    const differ: number[] = [];
    for (let c = 0; c < 65536; c++) {
      const s = c >= 0xd800 && c <= 0xdfff ? '' : String.fromCharCode(c).normalize('NFKC').toLowerCase();
      if (foldCode(c) !== (s.length === 1 ? s.charCodeAt(0) : c)) differ.push(c);
    }
    expect(differ).toEqual([]);
    expect(foldCode(0xff21)).toBe(0x61); // Ａ → a
    expect(foldCode(0xf900)).toBe(0x8c48); // a compatibility ideograph folds to its unified one
  });

  it('gives the same sentence the same rows, inside the plan', () => {
    const text = '国务院总理李强在北京会见了德国总理朔尔茨。';
    const { tokens } = contextFor(text);
    const a = new Uint32Array(text.length * FEATURES);
    const b = new Uint32Array(text.length * FEATURES);
    sentenceFeatures(text, tokens, plan, a);
    sentenceFeatures(text, tokens, plan, b);
    expect([...a]).toEqual([...b]);
    expect(Math.max(...a)).toBeLessThan(plan.size);
    // a character of the vocabulary reads its own block; one outside it the shared unknown block
    const unknown = new Uint32Array(2 * FEATURES);
    sentenceFeatures('鑫鑾', [], plan, unknown);
    expect(a[text.indexOf('李') * FEATURES + 3]).not.toBe(a[text.indexOf('强') * FEATURES + 3]);
    expect(unknown[3]).toBe(unknown[FEATURES + 3]);
    expect(unknown[3]).not.toBe(a[text.indexOf('李') * FEATURES + 3]);
    // the same character in different contexts gets different context features
    const i = text.indexOf('总理');
    const j = text.indexOf('总理', i + 1);
    expect(a.slice(i * FEATURES, i * FEATURES + FEATURES)).not.toEqual(a.slice(j * FEATURES, j * FEATURES + FEATURES));
  });
  it('gives a sentence inside a text, folded on the fly, the ids of the sentence folded and cut out', () => {
    // full-width letters, digits and spaces fold; the second sentence's tokens sit at text offsets
    const text = '　　新华社北京９月３０日电。ＡＢＣ公司总裁王小明在上海会见了外交部长。';
    const { tokens } = contextFor(text);
    const start = text.indexOf('ＡＢＣ');
    const end = text.length;
    const from = tokens.findIndex((t) => t.start >= start);
    const alone = foldText(text.slice(start, end));
    // the same jieba tokens, in the sentence's own coordinates
    const cut = tokens.slice(from).map((t) => ({ ...t, start: t.start - start, end: t.end - start }));
    const a = new Uint32Array(alone.length * FEATURES);
    const b = new Uint32Array(alone.length * FEATURES);
    sentenceFeatures(alone, cut, plan, a);
    sentenceFeatures(text.slice(start, end), tokens, plan, b, 0, start, from, tokens.length, true);
    expect([...b]).toEqual([...a]);
  });
});

describe('BIO tags and Viterbi', () => {
  it('turns spans into tags and back', () => {
    const spans: Span[] = [
      { type: 'PER', start: 0, end: 3 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'ORG', start: 6, end: 10 },
    ];
    expect(tagsToSpans(spansToTags(12, spans), 12)).toEqual(spans);
  });

  it('never puts I-X after O or after another type, whatever the weights', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) * 2 - 1;
    const rows = 64;
    const weights = Float32Array.from({ length: rows * T }, rand);
    const trans = Float32Array.from({ length: (T + 1) * T }, rand);
    const n = 40;
    const feats = Uint32Array.from({ length: n * 3 }, () => Math.floor(((rand() + 1) / 2) * rows) % rows);
    const tags = new Decoder().decode(weights, trans, 3, feats, 0, n);
    for (let i = 0; i < n; i++) expect(allowed(i > 0 ? tags[i - 1]! : -1, tags[i]!)).toBe(true);
  });
});

describe('model file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-ner-'));

  const tiny: Layout = { chars: '李强', bi: 2, tri: 2, skip: 2, word: 2, ctx: 2, small: 2 };
  const size = planOf(tiny).size;
  for (const width of [16, 8] as const) {
    it(`round-trips ${width}-bit quantized weights`, () => {
      const w = new Float32Array(size * T);
      w[3 * T + 1] = 2.5;
      w[9 * T + 6] = -1.25;
      const tr = new Float32Array((T + 1) * T).fill(0.5);
      const file = join(dir, `m${width}.bin.br`);
      saveNerModel(file, tiny, FEATURES, w, tr, { note: 'test' }, width, undefined, 1);
      const m = loadNerModel(file, false);
      expect(m.plan.size).toBe(size);
      expect(m.plan.layout).toEqual(tiny);
      expect(m.plan.folded).toBeUndefined();
      expect(m.meta).toEqual({ note: 'test' });
      expect(m.weights).toBeInstanceOf(width === 8 ? Int8Array : Int16Array);
      const S = m.stride;
      expect(m.weights.length).toBe(size * S);
      const tol = width === 8 ? 1 : 3;
      expect(m.weights[3 * S + 1]! * m.scale).toBeCloseTo(2.5, tol);
      expect(m.weights[9 * S + 6]! * m.scale).toBeCloseTo(-1.25, tol);
      expect(m.weights[5 * S]).toBe(0);
      expect(m.trans[0]! * m.scale).toBeCloseTo(0.5, 3);
    });
  }

  it('keeps the null feature (row 0) at zero', () => {
    const w = new Float32Array(size * T).fill(1);
    const file = join(dir, 'null.bin.br');
    saveNerModel(file, tiny, FEATURES, w, new Float32Array((T + 1) * T), {});
    const m = loadNerModel(file);
    expect([...m.weights.subarray(0, m.stride)]).toEqual(new Array(m.stride).fill(0));
    expect(m.weights[m.stride]).not.toBe(0);
  });

  it('keeps the decompressed file in the cache, and decompresses again past a damaged cache file', () => {
    const w = new Float32Array(size * T);
    w[4 * T + 2] = 1.5;
    const file = join(dir, 'cached.bin.br');
    saveNerModel(file, tiny, FEATURES, w, new Float32Array((T + 1) * T), { note: 'cache test' });
    const first = loadNerModel(file);
    const name = `ner-${createHash('sha1').update(readFileSync(file)).digest('hex')}.bin`;
    const cached = findCached(name);
    expect(cached).toBeDefined();
    expect(readFileSync(cached!)).toEqual(brotliDecompressSync(readFileSync(file)));
    // the same bytes under another name: read from the cache, the same model
    const again = join(dir, 'cached-copy.bin.br');
    copyFileSync(file, again);
    expect([...loadNerModel(again).weights]).toEqual([...first.weights]);
    // a cut cache file is not the model: the file itself is decompressed and the cache written again
    writeFileSync(cached!, readFileSync(cached!).subarray(0, 100));
    const third = join(dir, 'cached-third.bin.br');
    copyFileSync(file, third);
    expect([...loadNerModel(third).weights]).toEqual([...first.weights]);
    expect(readFileSync(cached!)).toEqual(brotliDecompressSync(readFileSync(file)));
  });

  it('names the file when it is missing or damaged', () => {
    expect(() => loadNerModel(join(dir, 'absent.bin.br'))).toThrow(/absent\.bin\.br: entity model not found/u);
    const bad = join(dir, 'bad.bin.br');
    writeFileSync(bad, 'not brotli');
    expect(() => loadNerModel(bad)).toThrow(/bad\.bin\.br: entity model/u);
  });

  it('rejects a model file of another format, saying which and what to do', () => {
    const old = join(dir, 'old.bin.br');
    writeFileSync(old, brotliCompressSync(Buffer.from(JSON.stringify({ magic: 'zhnews-ner', format: FORMAT - 1, layout: tiny, features: FEATURES, tags: T, rows: 0, width: 16, scale: 1, meta: {} }) + '\n')));
    expect(() => loadNerModel(old)).toThrow(new RegExp(`old\\.bin\\.br: entity model of format ${FORMAT - 1}, this code reads format ${FORMAT}; run npm run train:ner`, 'u'));
  });
});

describe('the committed model', () => {
  const model = loadNerModel(DEFAULT_NER_MODEL);
  const found = (text: string): string[] => {
    const ctx = contextFor(text);
    return tagText(model, text, ctx.tokens, ctx.sentences).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
  };

  it('finds people with no cue word, transliterated names and organisations', () => {
    const got = found('据悉，王建国和妻子去年从甘肃搬到了深圳。');
    expect(got).toContain('PER:王建国');
    expect(got).toContain('LOC:甘肃');
    expect(got).toContain('LOC:深圳');
    const got2 = found('中国人民银行行长潘功胜会见了来访的国际货币基金组织总裁格奥尔基耶娃。');
    expect(got2).toContain('ORG:中国人民银行');
    expect(got2).toContain('PER:潘功胜');
    expect(got2).toContain('ORG:国际货币基金组织');
  });

  it('decodes sentence by sentence', () => {
    const text = '李明说。张华笑了。';
    const ctx = contextFor(text);
    for (const s of tagText(model, text, ctx.tokens, ctx.sentences)) {
      expect(ctx.sentences.some((x) => x.start <= s.start && s.end <= x.end)).toBe(true);
    }
  });
});

describe('decoding the committed model', () => {
  const folded = loadNerModel(DEFAULT_NER_MODEL);
  const raw = loadNerModel(DEFAULT_NER_MODEL, false);
  const texts = [
    '中国人民银行行长潘功胜会见了来访的国际货币基金组织总裁格奥尔基耶娃。',
    '据悉，王建国和妻子去年从甘肃搬到了深圳，在华为技术有限公司工作。',
    '新华社北京10月1日电（记者张晓明）外交部发言人华春莹说，中方欢迎各国企业来华投资。',
    'ＷＴＯ总干事阿泽维多当天在日内瓦表示，1998年以来的多边贸易体制面临挑战。',
  ];

  it('folds rows without changing a sum: the same tags as the weights as written', () => {
    expect(folded.plan.folded?.bias).toBe(true);
    expect(folded.plan.folded!.blocks.filter((b) => b === 7).length).toBeGreaterThan(4000);
    const dec = new Decoder();
    for (const text of texts) {
      const { tokens } = contextFor(text);
      const n = text.length;
      const a = new Uint32Array(n * FEATURES);
      const b = new Uint32Array(n * FEATURES);
      sentenceFeatures(text, tokens, folded.plan, a, 0, 0, 0, tokens.length, true);
      sentenceFeatures(text, tokens, raw.plan, b, 0, 0, 0, tokens.length, true);
      // most characters of a token read four rows fewer once folded
      expect(a.filter((x) => x === 0).length).toBeGreaterThan(b.filter((x) => x === 0).length + 3 * n);
      const ta = [...dec.decode(folded.weights, folded.trans, FEATURES, a, 0, n, folded.stride).subarray(0, n)];
      const tb = [...dec.decode(raw.weights, raw.trans, FEATURES, b, 0, n, raw.stride).subarray(0, n)];
      expect(ta).toEqual(tb);
      expect(ta.some((t) => t !== 0)).toBe(true);
    }
  });

  it.skipIf(!folded.simd)('sums rows in WebAssembly exactly as the JS loop does', () => {
    const simd = folded.simd!;
    const dec = new Decoder();
    for (const text of texts) {
      const { tokens } = contextFor(text);
      const n = text.length;
      sentenceFeatures(text, tokens, folded.plan, simd.feats, 0, 0, 0, tokens.length, true);
      const ids = simd.feats.slice(0, n * FEATURES);
      const sums = simd.sum(n);
      for (let i = 0; i < n; i++) {
        for (let t = 0; t < T; t++) {
          let want = 0;
          for (let k = 0; k < FEATURES; k++) want += folded.weights[ids[i * FEATURES + k]! * folded.stride + t]!;
          expect(sums[i * 8 + t]).toBe(want);
        }
      }
      const viaSimd = [...dec.viterbi(sums, 8, folded.trans, n).subarray(0, n)];
      expect([...dec.decode(folded.weights, folded.trans, FEATURES, ids, 0, n, folded.stride).subarray(0, n)]).toEqual(viaSimd);
    }
  });

  it('gives a piece too long for the WebAssembly scratch the same spans (the JS loop)', () => {
    const long = texts.join('').repeat(Math.ceil(9000 / texts.join('').length));
    const short = texts.join('');
    const ctx = contextFor(long);
    const spans = tagText(folded, long, ctx.tokens, [{ start: 0, end: long.length }]);
    const head = spans.filter((s) => s.end <= short.length - 20);
    const ctxS = contextFor(short);
    const want = tagText(folded, short, ctxS.tokens, [{ start: 0, end: short.length }]).filter((s) => s.end <= short.length - 20);
    expect(head).toEqual(want);
    expect(head.length).toBeGreaterThan(3);
  });
});

describe.skipIf(!dataPresent())('the committed model file', () => {
  it('holds no annotated name of the training data in readable form (the lists are fingerprints)', () => {
    const names = new Set<string>();
    for (const r of [...msra().train, ...cluener().train]) for (const s of r.spans) if (s.end - s.start >= 2) names.add(foldText(r.text.slice(s.start, s.end)));
    expect(names.size).toBeGreaterThan(10000);
    const buf = brotliDecompressSync(readFileSync(DEFAULT_NER_MODEL));
    const nl = buf.indexOf(10);
    const header = JSON.parse(buf.subarray(0, nl).toString('utf8')) as { layout: { chars: string } };
    // the header's character vocabulary is single characters (sorted), the rest is numbers and bytes
    const rest = JSON.stringify({ ...header, layout: { ...header.layout, chars: '' } }) + buf.subarray(nl + 1).toString('utf8') + buf.subarray(nl + 1).toString('utf16le');
    const hits: string[] = [];
    for (const run of rest.match(/[\u3400-\u9fff\uf900-\ufaff]{2,}/gu) ?? []) {
      for (let i = 0; i < run.length; i++) for (let j = i + 2; j <= Math.min(run.length, i + 20); j++) if (names.has(run.slice(i, j))) hits.push(run.slice(i, j));
    }
    expect(hits).toEqual([]);
  });
});
