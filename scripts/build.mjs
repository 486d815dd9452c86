#!/usr/bin/env node
// Build dist/ only when a source changed: `npm start` and `npm test` call this
// first, and a no-op check takes milliseconds where tsc takes seconds. When a
// build is needed, tsc runs incrementally (dist/.tsbuildinfo), then the assets
// the program reads at run time (SQL migrations, jieba's minimal keyword files) are copied into dist/, so the
// built package needs nothing from src/. `--force` builds anyway.
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.build-stamp');

function newest(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const name of readdirSync(p)) m = Math.max(m, newest(join(p, name)));
  return m;
}

// an installed package has dist/ and no sources: nothing to build
if (!existsSync(join(root, 'src'))) process.exit(0);

const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/build.mjs'].map((p) => join(root, p));
const force = process.argv.includes('--force');
if (!force && existsSync(stamp) && existsSync(join(root, 'dist/cli/main.js'))) {
  const built = statSync(stamp).mtimeMs;
  if (inputs.every((p) => !existsSync(p) || newest(p) <= built)) process.exit(0);
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--incremental', '--tsBuildInfoFile', join(root, 'dist', '.tsbuildinfo')], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
for (const assets of ['store/migrations', 'segment/min']) {
  mkdirSync(join(root, 'dist', assets), { recursive: true });
  cpSync(join(root, 'src', assets), join(root, 'dist', assets), { recursive: true });
}
writeFileSync(stamp, new Date().toISOString() + '\n');
