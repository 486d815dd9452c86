/**
 * Throughput of figure extraction alone (all rules, overlap policy,
 * attribution with time resolution): one core, each document extracted with
 * its own date, best of 3 passes over ~N MB.
 *   node dist/extract/figures/bench.js [MB] [file.jsonl.gz | corpus dir]
 * Default input: ../shared/data/clean-news/people-daily-2019.jsonl.gz when
 * present (real news, with dates), else the repository's corpus/*.txt.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { normalize } from '../../normalize/index.js';
import { extractFigures } from '../packs/figures.js';

const mb = Number(process.argv[2] ?? 8);
const clean = resolve(process.cwd(), '../shared/data/clean-news/people-daily-2019.jsonl.gz');
const src = process.argv[3] ?? (existsSync(clean) ? clean : resolve(process.cwd(), 'corpus'));

function load(): Array<{ text: string; date: string | null }> {
  if (src.endsWith('.jsonl.gz') || src.endsWith('.jsonl')) {
    const raw = src.endsWith('.gz') ? gunzipSync(readFileSync(src)).toString('utf8') : readFileSync(src, 'utf8');
    const out: Array<{ text: string; date: string | null }> = [];
    for (const line of raw.split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { text: string; date?: string };
      out.push({ text: normalize(d.text).text, date: d.date ?? null });
    }
    return out;
  }
  return readdirSync(src)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ text: normalize(readFileSync(join(src, f), 'utf8')).text, date: null }));
}

const all = load();
const docs: typeof all = [];
let bytes = 0;
for (let k = 0; bytes < mb * 1e6 && all.length > 0; k++) {
  const d = all[k % all.length]!;
  docs.push(d);
  bytes += Buffer.byteLength(d.text, 'utf8');
}
for (const d of docs.slice(0, 200)) extractFigures(d.text, d.date); // warm up
// wall time, and the CPU time of this one thread (on a shared machine the second is the one-core figure)
let best = Infinity;
let bestCpu = Infinity;
let n = 0;
for (let pass = 0; pass < 3; pass++) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  n = 0;
  for (const d of docs) n += extractFigures(d.text, d.date).length;
  const cu = process.cpuUsage(c0);
  best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  bestCpu = Math.min(bestCpu, (cu.user + cu.system) / 1e6);
}
const mbs = (s: number): string => (bytes / 1e6 / s).toFixed(1);
console.log(
  `${src}: ${docs.length} documents, ${(bytes / 1e6).toFixed(1)} MB (UTF-8), ${n} figures; best wall ${best.toFixed(3)} s: ${mbs(best)} MB/s; best CPU ${bestCpu.toFixed(3)} s: ${mbs(bestCpu)} MB/s`,
);
