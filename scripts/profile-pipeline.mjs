// Profile processText over N bench files (needs .bench/news from npm run bench, and dist/): node --cpu-prof --cpu-prof-dir=DIR scripts/profile-pipeline.mjs N
import { readdirSync, readFileSync } from 'node:fs';
import { processText } from '../dist/index.js';
const dir = '.bench/news';
const n = Number(process.argv[2] ?? 300);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => i % Math.floor(10000 / n) === 0).slice(0, n);
const texts = files.map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
let bytes = 0; for (const t of texts) bytes += Buffer.byteLength(t);
for (let pass = 0; pass < 2; pass++) {
  const c0 = process.cpuUsage();
  for (const t of texts) processText(t, { date: '2019-06-01' });
  const c = process.cpuUsage(c0);
  console.log(`pass ${pass}: ${((c.user + c.system) / 1e6).toFixed(2)} s CPU, ${(bytes / 1e6).toFixed(2)} MB, ${(((c.user + c.system) / 1e6) / (bytes / 1e6)).toFixed(3)} s/MB`);
}
