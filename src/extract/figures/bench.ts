/**
 * Throughput of figure extraction: normalized corpus text repeated to ~N MB,
 * extracted in one call (all rules, overlap policy, attribution), best of 3.
 * Usage: node dist/extract/figures/bench.js [MB] (after npm run build).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalize } from '../../normalize/index.js';
import { extractFigures } from '../packs/figures.js';

const mb = Number(process.argv[2] ?? 8);
const corpus = resolve(process.cwd(), 'corpus');
const docs = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => normalize(readFileSync(join(corpus, f), 'utf8')).text)
  .join('\n');
let text = docs;
while (Buffer.byteLength(text, 'utf8') < mb * 1e6) text += '\n' + docs;
const bytes = Buffer.byteLength(text, 'utf8');
extractFigures(docs); // warm up
let best = Infinity;
let n = 0;
for (let k = 0; k < 3; k++) {
  const t0 = process.hrtime.bigint();
  n = extractFigures(text + ' '.repeat(k)).length; // a different string each time: no cache hit
  const dt = Number(process.hrtime.bigint() - t0) / 1e9;
  best = Math.min(best, dt);
}
console.log(`${(bytes / 1e6).toFixed(1)} MB (UTF-8), ${text.length} chars, ${n} figures, best ${best.toFixed(3)} s: ${(bytes / 1e6 / best).toFixed(1)} MB/s`);
