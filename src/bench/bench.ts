/**
 * npm run bench: speed and memory on real news.
 *
 * The corpus is real, published news nobody here wrote: every article of
 * ../shared/data/clean-news (read from there, written under .bench/, which
 * is git-ignored), plus damaged variants of the same articles made by the
 * damage generator (src/normalize/damage.ts: fake bold, justified and stray
 * spaces, hard wraps, half-width punctuation), 10,000 files in all. It prints,
 * in one run:
 *   - start-up: `zhnews run` on one short document, wall clock;
 *   - the reference: bare nodejieba.tag over the same texts in a fresh process,
 *     its dictionary load included (wall and CPU seconds);
 *   - CPU seconds per MB of each stage, in-process on one thread over a sample:
 *     ingest, normalize, structure, segment, each extract family, resolve,
 *     store, full-text index; a cold pass (V8 compiling the hot code on its
 *     own threads, charged to whatever stage runs) and a warm one; the store
 *     row is one document a transaction (comparable with earlier benches),
 *     and a row apart stores the same documents in groups as `run` does;
 *   - `zhnews run --jobs 1` and `zhnews run` with the default jobs: wall, CPU,
 *     cores busy, peak RSS; the ratios against the targets;
 *   - a no-op re-run of the 10,000 documents;
 *   - `load` of the extract records of 1,000 of them, MB of JSONL per CPU second;
 *   - the normalizer's do-no-harm count over every clean article.
 * (`npm run bench:load` adds the Dask driver; `npm run bench:formats` the readers.)
 * Every timing is the best of --repeat passes (default 2): one pass of the
 * same work varies by ±10 % here. Options: --keep (reuse .bench/news),
 * --repeat N, --sample-mb N (in-process stage sample, default 6).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { damage } from '../normalize/damage.js';
import { normalize } from '../normalize/index.js';
import { structure } from '../structure/index.js';
import { loadDictionaries, segment, sentenceTokenStrings } from '../segment/index.js';
import { runRules } from '../extract/runner.js';
import { resolveMentions } from '../resolve/index.js';
import { readSource } from '../ingest/index.js';
import { loadPipeline } from '../pipeline/config.js';
import { migrate, openDb } from '../store/db.js';
import { deferIndexesIfEmpty, restoreIndexes } from '../store/indexes.js';
import { DocWriter, docRows, type DocRows } from '../store/write.js';
import type { Message, ProcessedDoc } from '../core/types.js';
import { benchLoadFile } from '../load/bench.js';
import { readCleanNews, scoreCleanNews } from '../normalize/harm.js';
import { args, numberArg } from './args.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH = join(ROOT, '.bench');
const NEWS = join(BENCH, 'news');
const CLEAN = resolve(ROOT, '../shared/data/clean-news/people-daily-2019.jsonl.gz');
const FILES = 10_000;
const repeat = Math.floor(numberArg('--repeat', 2));
const sampleMB = numberArg('--sample-mb', 6);

interface Article {
  id: string;
  date: string;
  text: string;
}

/** The clean articles, then damaged variants of them (two seeds) until there are FILES documents. */
function generate(): { files: number; bytes: number; clean: number; damaged: number } {
  const count = () => {
    const files = readdirSync(NEWS).filter((f) => f.endsWith('.txt'));
    return {
      files: files.length,
      bytes: files.reduce((n, f) => n + statSync(join(NEWS, f)).size, 0),
      clean: files.filter((f) => f.startsWith('rmrb-')).length,
      damaged: files.filter((f) => f.startsWith('dmg')).length,
    };
  };
  if (args.includes('--keep') && existsSync(NEWS)) return count();
  if (!existsSync(CLEAN)) throw new Error(`bench: ${CLEAN} is missing: the benchmark runs on the shared clean-news set`);
  const articles = gunzipSync(readFileSync(CLEAN))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Article);
  rmSync(NEWS, { recursive: true, force: true });
  mkdirSync(NEWS, { recursive: true });
  const manifest: string[] = [];
  const put = (name: string, text: string, date: string) => {
    writeFileSync(join(NEWS, `${name}.txt`), text);
    manifest.push(JSON.stringify({ id: name, file: `${name}.txt`, date }));
  };
  for (const a of articles) put(a.id, a.text, a.date);
  let n = articles.length;
  for (let seed = 1; n < FILES; seed++) {
    for (let i = 0; i < articles.length && n < FILES; i++, n++) {
      const a = articles[i]!;
      const paragraphs = a.text.split('\n').map((l) => l.trim()).filter(Boolean);
      put(`dmg${seed}-${a.id}`, damage(paragraphs, seed * 100_003 + i), a.date);
    }
  }
  writeFileSync(join(NEWS, 'manifest.jsonl'), manifest.join('\n') + '\n');
  return count();
}

function newsFiles(): string[] {
  return readdirSync(NEWS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(NEWS, f));
}

interface CliRun {
  seconds: number;
  cpuSeconds: number;
  maxRssMB: number;
  processed: number;
  unchanged: number;
  failed: number;
}

function runCli(inputs: string[], db: string, extra: string[], fresh = true): CliRun {
  if (fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/zhnews.js'), 'run', ...inputs, '--db', db, '--json', '--quiet', ...extra], {
    // as `npx zhnews` runs it: the command's #! line sets MALLOC_ARENA_MAX=2 (see bin/zhnews.js)
    env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`zhnews run ${extra.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  const lines = r.stdout.trim().split('\n');
  const s = JSON.parse(lines[lines.length - 1]!) as Omit<CliRun, 'seconds'>;
  return { seconds, cpuSeconds: s.cpuSeconds, maxRssMB: s.maxRssMB, processed: s.processed, unchanged: s.unchanged, failed: s.failed };
}

function best<T extends { seconds: number; maxRssMB?: number }>(runs: T[]): T {
  const b = runs.reduce((a, c) => (c.seconds < a.seconds ? c : a));
  return 'maxRssMB' in b ? { ...b, maxRssMB: Math.max(...runs.map((r) => r.maxRssMB ?? 0)) } : b;
}

/** Bare nodejieba.tag over every file in a fresh process, dictionary load included. */
function reference(files: string[]): { seconds: number; cpuSeconds: number } {
  const list = join(BENCH, 'files.json');
  writeFileSync(list, JSON.stringify(files));
  const script = `
const { readFileSync } = require('node:fs');
const t0 = performance.now();
const jieba = require('nodejieba');
jieba.load();
for (const f of JSON.parse(readFileSync(${JSON.stringify(list)}, 'utf8'))) jieba.tag(readFileSync(f, 'utf8'));
const u = process.cpuUsage();
console.log(JSON.stringify({ seconds: (performance.now() - t0) / 1000, cpuSeconds: (u.user + u.system) / 1e6 }));`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`reference failed: ${r.stderr.slice(0, 2000)}`);
  return JSON.parse(r.stdout.trim()) as { seconds: number; cpuSeconds: number };
}

/**
 * Normalization alone: the sample's documents normalized in a loop of their
 * own (warm, not interleaved with the other stages, whose garbage and cache
 * traffic the per-stage figure also counts), CPU seconds, best of three.
 */
async function normalizeAlone(files: string[]): Promise<{ clean: number; damaged: number }> {
  const passes = loadPipeline().config.normalize.passes;
  const sets = { clean: { raws: [] as string[], bytes: 0 }, damaged: { raws: [] as string[], bytes: 0 } };
  let bytes = 0;
  for (let i = 0; i < files.length && bytes < sampleMB * 1e6; i += 7) {
    const doc = await readSource(files[i]!, readFileSync(files[i]!));
    const set = files[i]!.includes('/dmg') ? sets.damaged : sets.clean;
    set.raws.push(doc.raw);
    set.bytes += doc.bytes;
    bytes += doc.bytes;
  }
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const mbps = (set: { raws: string[]; bytes: number }): number => {
    if (set.raws.length === 0) return NaN;
    const round = () => {
      const t = cpu();
      for (const raw of set.raws) void normalize(raw, { passes }).map.from;
      return cpu() - t;
    };
    round();
    return set.bytes / 1e6 / Math.min(round(), round(), round());
  };
  return { clean: mbps(sets.clean), damaged: mbps(sets.damaged) };
}

/**
 * Figure extraction alone: the figure family (every figure rule, the figure
 * policy, attribution) over prepared documents of the clean news, as
 * `dist/extract/figures/bench-runner.js --cold` runs it in a fresh process:
 * the first pass from cold (V8 compiling the figure code included), then the
 * best of the later passes (warm), CPU seconds per MB as MB per CPU second.
 */
function figuresAlone(mbSample: number): { cold: number; warm: number } {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/extract/figures/bench-runner.js'), String(mbSample), '--cold', '--repeat', '4'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  const m = /passes from cold ([\d., ]+) CPU s\/MB/u.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) throw new Error(`figure bench failed: ${(r.stderr || r.stdout || '').slice(0, 2000)}`);
  const passes = m[1]!.split(',').map((x) => Number(x.trim()));
  return { cold: 1 / passes[0]!, warm: 1 / Math.min(...passes.slice(1)) };
}

type StagePass = { mb: number; perMB: Array<[string, number]>; normalizeMBps: { clean: number; damaged: number }; storeAsRun: number };

/**
 * As `run --jobs 1` groups documents to store (src/pipeline/batch.ts,
 * STORE_GROUP_DOCS and STORE_GROUP_BYTES): up to 16 documents or 1 MB of
 * source in one transaction (DocWriter.storeMany).
 */
const RUN_GROUP_DOCS = 16;
const RUN_GROUP_BYTES = 1e6;
const STORE_AS_RUN = 'store, as run (groups of 16)';

/**
 * CPU seconds of each stage over a sample of the files, in this process, one
 * thread, in two passes over the same sample, each into a fresh database.
 * The first (cold) pass also pays for V8 compiling the code as it gets hot:
 * that runs on V8's own threads and lands in whichever stage is running, so
 * it inflates every stage (10 % of a whole `run --jobs 1`, measured per
 * thread; more on a 6 MB sample). The second (warm) pass is each stage's own
 * cost interleaved with the others, which is what `run` pays per document
 * once it is under way.
 */
async function stages(files: string[]): Promise<{ cold: StagePass; warm: StagePass }> {
  const pipeline = loadPipeline();
  loadDictionaries(pipeline.segmenter);
  const cold = await stagePass(files, pipeline);
  const warm = await stagePass(files, pipeline);
  return { cold, warm };
}

async function stagePass(files: string[], pipeline: ReturnType<typeof loadPipeline>): Promise<StagePass> {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const acc = new Map<string, number>();
  const add = (k: string, s: number) => acc.set(k, (acc.get(k) ?? 0) + s);
  const dbFile = join(BENCH, 'stages.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  const db = openDb(dbFile);
  const writer = new DocWriter(db);
  // as `run` into an empty database: secondary indexes built once at the end (counted as store)
  const deferred = deferIndexesIfEmpty(db);
  // The store stage above stores each document in a transaction of its own
  // (as storeDocument does), and so its figure stays comparable with earlier
  // benches; `run` stores in groups (RUN_GROUP_DOCS). The same documents are
  // also stored that way into a second database, timed apart (docRows, made
  // by a worker in `run`, included in both), and not added to the total.
  const groupedFile = join(BENCH, 'stages-grouped.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(groupedFile + suffix, { force: true });
  const groupedDb = openDb(groupedFile);
  const groupedWriter = new DocWriter(groupedDb);
  const groupedDeferred = deferIndexesIfEmpty(groupedDb);
  let group: DocRows[] = [];
  let groupBytes = 0;
  const storeGroup = () => {
    for (const r of groupedWriter.storeMany(group, null)) if (r instanceof Error) throw r;
    group = [];
    groupBytes = 0;
  };
  let bytes = 0;
  const norm = { clean: { seconds: 0, bytes: 0 }, damaged: { seconds: 0, bytes: 0 } };
  // every 7th file: clean and damaged articles alike
  for (let i = 0; i < files.length && bytes < sampleMB * 1e6; i += 7) {
    let c = cpu();
    const lap = (k: string) => {
      const now = cpu();
      add(k, now - c);
      c = now;
    };
    // as `run` reads: the bytes synchronously, then the reader a worker uses
    const doc = await readSource(files[i]!, readFileSync(files[i]!));
    lap('ingest (read, decode, sha256)');
    // CPU seconds, as the target is stated (wall clock on a shared machine is not)
    const t = cpu();
    const n = normalize(doc.raw, { passes: pipeline.config.normalize.passes });
    const kind = files[i]!.includes('/dmg') ? norm.damaged : norm.clean;
    kind.seconds += cpu() - t;
    kind.bytes += doc.bytes;
    lap('normalize');
    const s = structure(n.text, n.map);
    lap('structure');
    const tokens = segment(n.text);
    lap('segment');
    const messages: Message[] = [];
    const families: Record<string, number> = {};
    const ex = runRules(
      { ctx: { text: n.text, tokens, sentences: s.sentences, blocks: s.blocks, docDate: null }, raw: doc.raw, map: n.map, rules: new Set(pipeline.rules), overlap: pipeline.config.extract.overlap, timings: families, clock: () => cpu() * 1000 },
      messages,
    );
    for (const [k, ms] of Object.entries(families)) add(k, ms / 1000);
    c = cpu();
    const entities = resolveMentions(ex.mentions);
    lap('resolve');
    const p: ProcessedDoc = {
      doc, norm: n, structure: s, tokens, tokenCount: tokens.length, sentenceTokens: sentenceTokenStrings(tokens, s.sentences),
      extractions: ex, entities, docDate: null, pipeline: pipeline.name, pipelineHash: pipeline.hash, timings: {}, messages,
    };
    lap('(record building)');
    writer.store(p, null);
    lap('store');
    group.push(docRows(p));
    groupBytes += doc.bytes;
    if (group.length >= RUN_GROUP_DOCS || groupBytes >= RUN_GROUP_BYTES) storeGroup();
    lap(STORE_AS_RUN);
    bytes += doc.bytes;
  }
  let c = cpu();
  if (deferred) restoreIndexes(db, (d) => migrate(d));
  add('store', cpu() - c);
  c = cpu();
  writer.indexPending();
  add('full-text index', cpu() - c);
  db.close();
  c = cpu();
  if (group.length > 0) storeGroup();
  if (groupedDeferred) restoreIndexes(groupedDb, (d) => migrate(d));
  add(STORE_AS_RUN, cpu() - c);
  groupedDb.close();
  const mb = bytes / 1e6;
  const order = ['ingest (read, decode, sha256)', 'normalize', 'structure', 'segment', 'extract.mention', 'extract.relation', 'extract.quote', 'extract.figure', 'resolve', 'store', 'full-text index'];
  return {
    mb,
    perMB: order.map((k) => [k, (acc.get(k) ?? 0) / mb] as [string, number]),
    normalizeMBps: { clean: norm.clean.bytes / 1e6 / norm.clean.seconds, damaged: norm.damaged.bytes / 1e6 / norm.damaged.seconds },
    storeAsRun: (acc.get(STORE_AS_RUN) ?? 0) / mb,
  };
}

async function main(): Promise<void> {
  const jobs = availableParallelism();
  const gen = generate();
  const mb = gen.bytes / 1e6;
  const files = newsFiles();
  console.log(`corpus: ${gen.files} files (${gen.clean} clean articles, ${gen.damaged} damaged variants), ${mb.toFixed(1)} MB in ${NEWS}`);

  // start-up: one short document, wall clock
  const short = join(BENCH, 'short');
  mkdirSync(short, { recursive: true });
  writeFileSync(join(short, 'one.txt'), '新华社北京3月5日电 国家统计局5日发布数据，今年前两个月全国规模以上工业增加值同比增长7.0%。\n');
  const startup = best(Array.from({ length: repeat + 1 }, () => runCli([short], join(BENCH, 'short.db'), ['--jobs', '1'])));

  const ref = best(Array.from({ length: repeat }, () => reference(files)));
  const st = await stages(files);
  const alone = await normalizeAlone(files);
  const figAlone = figuresAlone(sampleMB);

  const one = best(Array.from({ length: repeat }, () => runCli([NEWS], join(BENCH, 'jobs1.db'), ['--jobs', '1'])));
  const all = best(Array.from({ length: repeat }, () => runCli([NEWS], join(BENCH, 'jobsN.db'), [])));
  const noop = best(Array.from({ length: repeat }, () => runCli([NEWS], join(BENCH, 'jobsN.db'), [], false)));

  // load: the extract records of the first 1,000 files, merged into a fresh database on one core
  const jsonl = join(BENCH, 'records.jsonl');
  const ex = spawnSync(process.execPath, [join(ROOT, 'bin/zhnews.js'), 'extract', ...files.slice(0, 1000)], { encoding: 'utf8', maxBuffer: 1 << 30 });
  writeFileSync(jsonl, ex.stdout);
  const jsonlMB = statSync(jsonl).size / 1e6;
  const load = await benchLoadFile(jsonl, loadPipeline(), repeat);

  // do no harm: the normalizer over every clean article
  const t = performance.now();
  const harm = scoreCleanNews(readCleanNews(CLEAN), { normalize: (x: string) => normalize(x).text });
  const harmSeconds = (performance.now() - t) / 1000;

  const fmt = (x: number, d = 2) => x.toFixed(d);
  console.log(`\nstart-up (run on one short document): ${fmt(startup.seconds)} s`);
  console.log(`reference (bare nodejieba.tag, dictionary load included, 1 core): ${fmt(ref.seconds)} s wall, ${fmt(ref.cpuSeconds)} s CPU (${fmt(mb / ref.seconds)} MB/s)`);
  console.log(`\nCPU seconds per MB by stage (in-process, one thread, ${fmt(st.warm.mb, 1)} MB sample; cold: first pass, JIT compiling included; warm: second pass):`);
  console.log(`  ${'stage'.padEnd(30)} ${'cold'.padStart(6)} ${'warm'.padStart(6)}`);
  let total = 0;
  let totalCold = 0;
  st.warm.perMB.forEach(([k, v], i) => {
    const c = st.cold.perMB[i]![1];
    total += v;
    totalCold += c;
    console.log(`  ${k.padEnd(30)} ${fmt(c, 3).padStart(6)} ${fmt(v, 3).padStart(6)}`);
  });
  console.log(`  ${'total'.padEnd(30)} ${fmt(totalCold, 3).padStart(6)} ${fmt(total, 3).padStart(6)}`);
  // the store row above is one document a transaction; run stores groups (RUN_GROUP_DOCS)
  const storeRow = (p: StagePass) => p.perMB.find(([k]) => k === 'store')?.[1] ?? 0;
  console.log(`  ${STORE_AS_RUN.padEnd(30)} ${fmt(st.cold.storeAsRun, 3).padStart(6)} ${fmt(st.warm.storeAsRun, 3).padStart(6)}  (not in the total: the same documents stored again as \`run\` stores them)`);
  console.log(`  ${'total, store as run'.padEnd(30)} ${fmt(totalCold - storeRow(st.cold) + st.cold.storeAsRun, 3).padStart(6)} ${fmt(total - storeRow(st.warm) + st.warm.storeAsRun, 3).padStart(6)}`);
  console.log(`normalization alone (MB per CPU second, one thread, the sample in a loop of its own, best of 3): ${fmt(alone.clean, 1)} MB/s on clean articles, ${fmt(alone.damaged, 1)} MB/s on damaged ones (target >= 20)`);
  console.log(`normalization inside the pipeline (MB per CPU second, interleaved with the other stages, warm): ${fmt(st.warm.normalizeMBps.clean, 1)} MB/s clean, ${fmt(st.warm.normalizeMBps.damaged, 1)} MB/s damaged`);
  const figureMBps = (p: StagePass) => 1 / (p.perMB.find(([k]) => k === 'extract.figure')?.[1] ?? Infinity);
  const figMBps = figureMBps(st.warm);
  console.log(`figure extraction alone (rules + attribution over prepared documents, ${sampleMB} MB of clean news, one thread): ${fmt(figAlone.warm, 1)} MB per CPU second warm (best of 3 passes), ${fmt(figAlone.cold, 1)} in the first pass from cold (target >= 5)`);
  console.log(`figure extraction inside the pipeline (interleaved with the other stages): ${fmt(figMBps, 1)} MB per CPU second warm, ${fmt(figureMBps(st.cold), 1)} cold`);

  const busy = (r: CliRun) => r.cpuSeconds / r.seconds;
  console.log(`\nzhnews run --jobs 1: ${fmt(one.seconds)} s, ${fmt(one.cpuSeconds)} s CPU, ${fmt(busy(one))} cores busy, peak RSS ${one.maxRssMB} MB, ${one.processed} processed, ${one.failed} failed`);
  console.log(`zhnews run --jobs ${jobs} (default): ${fmt(all.seconds)} s, ${fmt(all.cpuSeconds)} s CPU, ${fmt(busy(all))} cores busy, peak RSS ${all.maxRssMB} MB, ${all.processed} processed, ${all.failed} failed`);
  console.log(`no-op re-run of ${noop.unchanged} documents: ${fmt(noop.seconds)} s`);
  console.log(`load (in process, one core): ${fmt(jsonlMB, 1)} MB of JSONL in ${fmt(load.seconds)} s, ${fmt(load.cpuSeconds)} s CPU = ${fmt(jsonlMB / load.cpuSeconds, 1)} MB per CPU second (target >= 20)`);
  console.log(`do no harm: ${harm.destructiveArticles} of ${harm.articles} clean articles with a destructive change (${harm.destructive} changes) (${fmt(harmSeconds, 1)} s)`);

  const wallRatio = all.seconds / ref.seconds;
  const cpuRatio = one.cpuSeconds / ref.cpuSeconds;
  const peak = Math.max(one.maxRssMB, all.maxRssMB);
  const row = (what: string, value: string, target: string, ok: boolean) => console.log(`  ${what.padEnd(44)} ${value.padStart(9)}  ${target.padEnd(8)} ${ok ? 'met' : 'MISSED'}`);
  console.log('\ntargets:');
  row('run (default jobs) wall / reference wall', `${fmt(wallRatio)}x`, '<= 2.5x', wallRatio <= 2.5);
  row('run --jobs 1 CPU / reference CPU', `${fmt(cpuRatio)}x`, '<= 4x', cpuRatio <= 4);
  row('peak RSS', `${peak} MB`, '<= 600', peak <= 600);
  row(`no-op re-run of ${noop.unchanged} documents`, `${fmt(noop.seconds)} s`, '<= 2 s', noop.seconds <= 2);
  row('normalization alone (clean)', `${fmt(alone.clean, 1)} MB/s`, '>= 20', alone.clean >= 20);
  row('figure extraction alone (warm)', `${fmt(figAlone.warm, 1)} MB/s`, '>= 5', figAlone.warm >= 5);
  row('load, MB of JSONL per CPU second', `${fmt(jsonlMB / load.cpuSeconds, 1)}`, '>= 20', jsonlMB / load.cpuSeconds >= 20);
  row("clean articles with a destructive change", `${harm.destructiveArticles}`, "0", harm.destructiveArticles === 0);
  console.log(`  (speed-up of ${jobs} workers over 1: ${fmt(one.seconds / all.seconds)}x; --jobs 1 already keeps ${fmt(busy(one))} cores busy, so at most ${fmt(jobs / busy(one))}x is possible here)`);
}

await main();
