#!/usr/bin/env node
// Entry point for `npx zhnews`: runs the compiled CLI (npm install builds dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// V8 compiles hot functions on its own threads, once per worker thread and
// again after each deoptimization: about a tenth of a whole run's CPU with
// its default inlining budgets. Half the budgets (set before any of our code
// or any worker starts; they hold for the whole process) cut that compiling
// by a fifth to a third and left the compiled code as fast (measured per
// thread, run --jobs 1 over 2,000 and 10,000 bench files). Only the inlining
// heuristics change, never what the code computes. ZHNEWS_V8_DEFAULTS=1 keeps
// V8's defaults.
if (process.env.ZHNEWS_V8_DEFAULTS !== '1') {
  v8.setFlagsFromString('--max-inlined-bytecode-size=230');
  v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=230');
}

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('zhnews: dist/ is missing: run `npm install` (or `npm run build`) in the repository first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
