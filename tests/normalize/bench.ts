/**
 * Throughput of normalize() on one core: the corpus documents normalized
 * over and over (per document, as the pipeline does), the whole corpus
 * repeated into one large document, and the clean-news articles
 * (../shared/data/clean-news, when present) one by one, their damaged
 * variants (src/normalize/damage.ts, as npm run bench makes them), and the
 * do-no-harm count, in MB per CPU second. Run: npx vite-node tests/normalize/bench.ts
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { damage } from '../../src/normalize/damage.js';
import { readCleanNews, scoreCleanNews } from '../../src/normalize/harm.js';
import { normalize } from '../../src/normalize/index.js';

/** CPU seconds of this process since `t0` (the machine is shared: wall clock counts others' work). */
const cpuSince = (t0: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e6;
};

const dir = join(import.meta.dirname, '..', '..', 'corpus');
const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d, 'utf8'), 0);

function perDoc(rounds: number): number {
  const t0 = process.cpuUsage();
  let sink = 0;
  for (let r = 0; r < rounds; r++) for (const d of docs) sink += normalize(d).text.length;
  const s = cpuSince(t0);
  if (sink === 0) throw new Error('no output');
  return (bytes * rounds) / 1e6 / s;
}

function bigDoc(times: number): number {
  const big = Array.from({ length: times }, () => docs.join('\n\n')).join('\n\n');
  const b = Buffer.byteLength(big, 'utf8');
  const t0 = process.cpuUsage();
  const out = normalize(big);
  const s = cpuSince(t0);
  if (!out.text.length) throw new Error('no output');
  return b / 1e6 / s;
}

/** Machine calibration: a plain typed-array loop, ns per element (≈1 on an idle modern x86 core). */
function calibrate(): number {
  const a = new Int32Array(1 << 22);
  const t0 = process.cpuUsage();
  let s = 0;
  for (let r = 0; r < 4; r++) {
    for (let i = 0; i < a.length; i++) a[i] = i ^ r;
    for (let i = 0; i < a.length; i++) s += a[i]!;
  }
  const ns = (cpuSince(t0) * 1e9) / (8 * a.length);
  if (s === 42) console.log('');
  return ns;
}

perDoc(5); // warm up
console.log(`calibration: ${calibrate().toFixed(2)} ns per typed-array element op`);
console.log(`corpus: ${docs.length} docs, ${(bytes / 1e3).toFixed(1)} kB UTF-8`);
// the machine is shared: every figure is the best of three runs, all runs shown
const per = [perDoc(100), perDoc(100), perDoc(100)];
const big = [bigDoc(100), bigDoc(100), bigDoc(100)];
const show = (xs: number[]) => `${Math.max(...xs).toFixed(1)} MB/s (runs ${xs.map((x) => x.toFixed(1)).join(' ')})`;
console.log(`per-document, 100 rounds, best of 3: ${show(per)}`);
console.log(`one document, corpus x100 (${((bytes * 100) / 1e6).toFixed(1)} MB), best of 3: ${show(big)}`);

const CLEAN = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'clean-news', 'people-daily-2019.jsonl.gz');
if (existsSync(CLEAN)) {
  const arts = readCleanNews(CLEAN);
  const cb = arts.reduce((n, a) => n + Buffer.byteLength(a.text, 'utf8'), 0);
  const texts = arts.map((a) => a.text);
  // damaged variants of the same articles, made as npm run bench makes them (two seeds)
  const damaged: string[] = [];
  for (const seed of [1, 2]) {
    texts.forEach((t, i) => damaged.push(damage(t.split('\n').map((l) => l.trim()).filter(Boolean), seed * 100_003 + i)));
  }
  const db = damaged.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  // the map's per-character arrays are part of the output: build them, as the pipeline does
  const round = (docs: string[], b: number) => (): number => {
    const t0 = process.cpuUsage();
    let sink = 0;
    for (const d of docs) sink += normalize(d).map.from.length;
    const sec = cpuSince(t0);
    if (sink === 0) throw new Error('no output');
    return b / 1e6 / sec;
  };
  const clean = round(texts, cb);
  const dmg = round(damaged, db);
  clean(); // warm up
  dmg();
  const runs = [clean(), clean(), clean()];
  console.log(`clean news: ${arts.length} articles, ${(cb / 1e6).toFixed(1)} MB UTF-8, per article, best of 3: ${show(runs)}`);
  const druns = [dmg(), dmg(), dmg()];
  console.log(`damaged variants: ${damaged.length} documents, ${(db / 1e6).toFixed(1)} MB UTF-8, per document, best of 3: ${show(druns)}`);
  const rep = scoreCleanNews(arts, { normalize: (t) => normalize(t).text, examplesPerKind: 0 });
  console.log(`clean news do-no-harm: ${rep.destructiveArticles} of ${rep.articles} articles with a destructive change (${rep.destructive} changes)`);
}
