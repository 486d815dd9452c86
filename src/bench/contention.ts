/**
 * npm run bench:contention — how much two busy threads slow each other on
 * this machine, for our pipeline and for bare nodejieba.tag.
 *
 * The same documents (from the bench corpus, .bench/corpus: run `npm run
 * bench` once first) are processed by one worker thread alone, then by two
 * worker threads at once, each doing the whole set; each worker reports its
 * own time. On cores that do not interfere both times are equal; the ratio is
 * the slowdown a second worker costs, which caps what `--jobs 2` can gain.
 * Each worker first processes the whole set once untimed: V8 compiles the
 * pipeline's hot functions on its background threads during the first few
 * hundred documents (seconds of CPU), and two workers warming up at once
 * compete for the cores for that reason alone; the timed second pass is the
 * steady state a long batch spends its time in.
 * No SQLite is involved. Options: --docs N (default 300).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(ROOT, '.bench', 'corpus');

interface Job {
  mode: 'pipeline' | 'jieba';
  docs: number;
}

async function inWorker(job: Job): Promise<number> {
  const files = readdirSync(CORPUS).sort().slice(0, job.docs).map((f) => join(CORPUS, f));
  if (job.mode === 'jieba') {
    const jieba = createRequire(import.meta.url)('nodejieba') as { load(): void; tag(s: string): unknown };
    jieba.load();
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    for (const s of texts) jieba.tag(s);
    const t = performance.now();
    for (const s of texts) jieba.tag(s);
    return (performance.now() - t) / 1000;
  }
  const { loadPipeline } = await import('../pipeline/config.js');
  const { processDocument } = await import('../pipeline/process.js');
  const { decodeDocument } = await import('../ingest/index.js');
  const pipeline = loadPipeline();
  const bytes = files.map((f) => readFileSync(f));
  // the warm-up pass: loading and compiling are not the question
  bytes.forEach((b, i) => processDocument(decodeDocument(files[i]!, new Uint8Array(b), String(i)), pipeline));
  const t = performance.now();
  bytes.forEach((b, i) => processDocument(decodeDocument(files[i]!, new Uint8Array(b), String(i)), pipeline));
  return (performance.now() - t) / 1000;
}

function run(job: Job, threads: number): Promise<number[]> {
  const me = fileURLToPath(import.meta.url);
  return Promise.all(
    Array.from({ length: threads }, () =>
      new Promise<number>((resolve, reject) => {
        const w = new Worker(me, { workerData: job });
        w.once('message', (s: number) => {
          resolve(s);
          void w.terminate();
        });
        w.once('error', reject);
      }),
    ),
  );
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) throw new Error(`${CORPUS} not found: run \`npm run bench\` once first`);
  const args = process.argv.slice(2);
  const at = args.indexOf('--docs');
  const docs = at >= 0 && Number(args[at + 1]) > 0 ? Number(args[at + 1]) : 300;
  for (const mode of ['jieba', 'pipeline'] as const) {
    const [alone] = await run({ mode, docs }, 1);
    const both = await run({ mode, docs }, 2);
    const worst = Math.max(...both);
    console.log(
      `${mode.padEnd(8)} ${docs} documents: alone ${alone!.toFixed(2)} s; two at once ${both.map((s) => s.toFixed(2)).join(' s, ')} s ` +
        `(each ${(((worst / alone!) - 1) * 100).toFixed(0)} % slower; two workers can be at most ${((2 * alone!) / worst).toFixed(2)}x faster than one)`,
    );
  }
}

if (isMainThread) {
  main().catch((err) => {
    console.error(`bench:contention: ${(err as Error).message}`);
    process.exit(1);
  });
} else {
  inWorker(workerData as Job).then((s) => parentPort!.postMessage(s));
}
