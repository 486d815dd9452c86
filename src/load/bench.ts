/**
 * npm run bench:load — `zhnews load` throughput, and end-to-end time through
 * the Dask driver (a LocalCluster with 2 workers, then load) next to
 * `zhnews run --jobs 2` on the same texts.
 *
 * The texts are articles of ../shared/data/clean-news (People's Daily 2019),
 * written as one file each (with a manifest.jsonl of their dates) to a temp
 * folder that is removed afterwards; nothing of them enters the repository.
 * Options: --mb N (text to take, default 4), --repeat N (load passes, best
 * taken, default 3), --no-dask (load throughput only, from one extract
 * stream), --keep (leave the temp folder and print it).
 *
 * The functions are exported for the main bench: benchLoadFile (load one
 * JSONL file into a fresh database, in this process, on one core) and
 * writeCleanNews.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../store/db.js';
import { loadPipeline, DEFAULT_PIPELINE, type Pipeline } from '../pipeline/config.js';
import { Loader, type LoadSummary } from './index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/zhnews.js');
export const CLEAN_NEWS = resolve(ROOT, '../shared/data/clean-news/people-daily-2019.jsonl.gz');

/** Write clean-news articles (up to `mb` MB of text) as files under `dir`; returns files and bytes. */
export function writeCleanNews(dir: string, mb: number, source = CLEAN_NEWS): { files: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const lines = gunzipSync(readFileSync(source)).toString('utf8').split('\n');
  const manifest: string[] = [];
  let bytes = 0;
  let files = 0;
  for (const line of lines) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { id: string; date?: string; text: string };
    const buf = Buffer.from(a.text, 'utf8');
    if (buf.length === 0) continue;
    writeFileSync(join(dir, `${a.id}.txt`), buf);
    manifest.push(JSON.stringify({ id: a.id, file: `${a.id}.txt`, date: a.date ?? null }));
    bytes += buf.length;
    files++;
    if (bytes >= mb * 1e6) break;
  }
  writeFileSync(join(dir, 'manifest.jsonl'), manifest.join('\n') + '\n');
  return { files, bytes };
}

/**
 * Load one JSONL results file into a fresh database in this process (one
 * core); the pipeline is loaded beforehand, so only reading, checking and
 * storing are timed. Returns the summary of the pass that took the least CPU
 * (of `repeat`) and this process's CPU seconds for it.
 */
export async function benchLoadFile(file: string, pipeline: Pipeline, repeat = 3, commitEvery = 1): Promise<LoadSummary & { cpuSeconds: number }> {
  let best: (LoadSummary & { cpuSeconds: number }) | undefined;
  for (let i = 0; i < repeat; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-loadbench-'));
    const db = openDb(join(dir, 'load.db'));
    try {
      const cpu0 = process.cpuUsage();
      const loader = new Loader({ db, pipeline, commitEvery }, { bench: file });
      await loader.file(file);
      const s = loader.finish();
      const cpu = process.cpuUsage(cpu0);
      const r = { ...s, cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000 };
      // the machine may be shared: the pass that took the least CPU is the one least disturbed
      if (!best || r.cpuSeconds < best.cpuSeconds) best = r;
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return best!;
}

/**
 * Run a command; its wall time and the CPU time of it and every descendant
 * it waited for (bash's `times`), since on a shared machine the wall time
 * mostly measures the other users.
 */
function timed(cmd: string, args: string[], cwd: string, input?: string): { seconds: number; cpuSeconds: number; stdout: string; code: number | null; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', '"$@"; rc=$?; times >&2; exit $rc', 'timed', cmd, ...args], { cwd, input, encoding: 'utf8', maxBuffer: 2 ** 31 - 1 });
  const seconds = Math.round(performance.now() - t0) / 1000;
  // `times`: the shell's user/sys line, then its children's
  const last = r.stderr.trimEnd().split('\n').pop() ?? '';
  const secs = [...last.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  const cpuSeconds = Math.round(secs.reduce((a, b) => a + b, 0) * 1000) / 1000;
  return { seconds, cpuSeconds, stdout: r.stdout, stderr: r.stderr, code: r.status };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const num = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    const v = at >= 0 ? Number(args[at + 1]) : NaN;
    return v > 0 ? v : fallback;
  };
  if (!existsSync(CLEAN_NEWS)) {
    console.log(`bench:load: ${CLEAN_NEWS} is missing; nothing to measure`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'zhnews-bench-load-'));
  try {
    const texts = join(work, 'texts');
    const { files, bytes } = writeCleanNews(texts, num('--mb', 4));
    console.log(`texts: ${files} clean-news articles, ${(bytes / 1e6).toFixed(2)} MB, in ${texts}`);
    const pipeline = loadPipeline(DEFAULT_PIPELINE);
    const node = process.execPath;

    const run = timed(node, [BIN, 'run', 'texts', '--jobs', '2', '--db', 'run.db', '--json', '--quiet'], work);
    if (run.code !== 0) throw new Error(`run failed: ${run.stderr}`);
    console.log(`run --jobs 2:                    ${run.seconds.toFixed(2)} s, CPU ${run.cpuSeconds.toFixed(2)} s  (${(bytes / 1e6 / run.seconds).toFixed(2)} MB/s of text)`);

    let results: string[];
    const py = '/usr/bin/python3';
    const dask = !args.includes('--no-dask') && spawnSync(py, ['-c', 'import dask.distributed'], { stdio: 'ignore' }).status === 0;
    if (dask) {
      const d = timed(py, [join(ROOT, 'examples/dask/zhnews_dask.py'), 'texts', '--workers', '2', '--out', 'dask', '--db', 'dask.db', '--zhnews', `${node} ${BIN}`], work);
      if (d.code !== 0) throw new Error(`dask driver failed: ${d.stderr}`);
      const s = JSON.parse(d.stdout.trim().split('\n').pop()!);
      console.log(
        `Dask, 2 local workers + load:    ${d.seconds.toFixed(2)} s, CPU ${d.cpuSeconds.toFixed(2)} s  (${(bytes / 1e6 / d.seconds).toFixed(2)} MB/s of text; ` +
          `${s.shards} shards, extract ${s.extractSeconds} s incl. cluster start, load ${s.loadSeconds} s)`,
      );
      console.log(`  Dask / run:                    ${(d.seconds / run.seconds).toFixed(2)}x the time, ${(d.cpuSeconds / run.cpuSeconds).toFixed(2)}x the CPU`);
      results = s.results as string[];
    } else {
      const list = timed(node, [BIN, 'extract', '--list', 'texts'], work);
      const ex = timed(node, [BIN, 'extract', '--jsonl'], work, list.stdout);
      writeFileSync(join(work, 'all.jsonl'), ex.stdout);
      console.log(`extract --jsonl (one process):   ${ex.seconds.toFixed(2)} s${dask ? '' : '  (Dask not measured: /usr/bin/python3 lacks dask.distributed, or --no-dask)'}`);
      results = [join(work, 'all.jsonl')];
    }
    // one file holding every record, so the load pass is one stream
    const all = join(work, 'results.jsonl');
    writeFileSync(all, results.map((f) => readFileSync(f, 'utf8')).join(''));
    const jsonlMB = statSync(all).size / 1e6;
    for (const every of [1, 50]) {
      const s = await benchLoadFile(all, pipeline, Math.floor(num('--repeat', 3)), every);
      console.log(
        `load, commit every ${String(every).padEnd(2)} (in process): ${s.seconds.toFixed(2)} s for ${jsonlMB.toFixed(1)} MB of JSONL = ${s.mbPerSecond.toFixed(1)} MB/s, ` +
          `${(jsonlMB / s.cpuSeconds).toFixed(1)} MB per CPU second (${s.loaded} documents; target ≥ 20 MB/s on one core)`,
      );
    }
    const cliLoad = timed(node, [BIN, 'load', all, '--db', 'cli-load.db', '--json', '--quiet'], work);
    console.log(`zhnews load (CLI, with startup): ${cliLoad.seconds.toFixed(2)} s = ${(jsonlMB / cliLoad.seconds).toFixed(1)} MB/s, CPU ${cliLoad.cpuSeconds.toFixed(2)} s`);
    console.log(`load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
    console.log(`JSONL / text: ${(jsonlMB / (bytes / 1e6)).toFixed(2)}x the bytes of the texts`);
    if (args.includes('--keep')) console.log(`kept: ${work} (${readdirSync(work).join(', ')})`);
  } finally {
    if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
