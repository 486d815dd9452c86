// Rank self time by file and by function in a V8 .cpuprofile: node scripts/rank-cpuprofile.mjs FILE [N]
import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const N = Number(process.argv[3] ?? 40);
const self = new Map(); const byFile = new Map();
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) { const d = p.timeDeltas[i] ?? 0; dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + d); }
let total = 0;
for (const node of p.nodes) {
  const t = (dt.get(node.id) ?? 0) / 1000; total += t;
  const cf = node.callFrame; const file = (cf.url || '(native)').replace(/.*\/dist\//, '').replace(/.*node_modules\//, 'nm/');
  const key = `${cf.functionName || '(anon)'} ${file}:${cf.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + t); byFile.set(file, (byFile.get(file) ?? 0) + t);
}
console.log(`total ${total.toFixed(0)} ms`);
for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
console.log('--- functions');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, N)) console.log(`${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
