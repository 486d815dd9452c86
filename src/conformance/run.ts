/**
 * `npm run conformance`: run the peer spec suite and print pass rates per file.
 *   --specs <dir>   spec folder (default: env ZH_SPECS, else ../shared/peer-specs/recognizers-text-zh/Specs)
 *   --failures      print every failing case
 *   --json          print the summary as JSON
 * Raw rate counts every case (NotSupported included); the adjusted rate leaves
 * out failing cases listed in src/conformance/DISAGREEMENTS.md.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSpecDir, runSuite } from './suite.js';

function disagreementsPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const p of [resolve(process.cwd(), 'src/conformance/DISAGREEMENTS.md'), resolve(here, '../../src/conformance/DISAGREEMENTS.md')])
    if (existsSync(p)) return p;
  return resolve(process.cwd(), 'src/conformance/DISAGREEMENTS.md');
}

function main(argv: string[]): number {
  const k = argv.indexOf('--specs');
  const specDir = findSpecDir(k >= 0 ? (argv[k + 1] ?? null) : null);
  if (!specDir) {
    console.error('spec folder not found: pass --specs <dir> or set ZH_SPECS');
    return 2;
  }
  const s = runSuite(specDir, disagreementsPath());
  if (argv.includes('--json')) {
    console.log(JSON.stringify(s, null, 2));
    return 0;
  }
  const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) + '%' : '-');
  console.log(`specs: ${s.specDir}`);
  console.log('file'.padEnd(44) + 'cases'.padStart(6) + 'pass'.padStart(6) + 'raw'.padStart(8) + 'NS cases'.padStart(10) + 'NS pass'.padStart(9) + 'disagree'.padStart(10) + 'adjusted'.padStart(10));
  for (const f of s.files) {
    console.log(
      f.file.padEnd(44) +
        String(f.total).padStart(6) +
        String(f.pass).padStart(6) +
        pct(f.pass, f.total).padStart(8) +
        String(f.notSupportedTotal).padStart(10) +
        String(f.notSupportedPass).padStart(9) +
        String(f.disagreedFailing).padStart(10) +
        pct(f.pass, f.total - f.disagreedFailing).padStart(10) +
        (f.note ? '  ' + f.note : ''),
    );
  }
  console.log(
    `core (Number, Percent, Currency, Dimension, NumberRange): ${s.core.pass}/${s.core.total} raw ${pct(s.core.pass, s.core.total)}; ` +
      `adjusted ${pct(s.core.pass, s.core.total - s.core.disagreedFailing)} (${s.core.disagreedFailing} failing cases listed in DISAGREEMENTS.md left out)`,
  );
  if (argv.includes('--failures')) {
    for (const f of s.files)
      for (const x of f.failures) console.log(`FAIL ${f.file}${x.disagreement ? ' [disagreement]' : ''}: ${JSON.stringify(x.input)}\n   expected ${x.expected}\n   got      ${x.got}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
