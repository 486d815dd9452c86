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

// glibc's malloc gives every thread that allocates an arena of its own (up to
// eight per core) and keeps each arena's high-water mark: with two workers
// storing, the process climbed from ~410 to ~600 MB over the 10,000 bench
// documents while every JS heap stayed flat (the growth was all in malloc
// arenas); with MALLOC_ARENA_MAX=2 the same run peaked at 479 MB and used no
// more CPU. glibc reads the variable when a process starts, so the command
// runs again, once, in a child that has it: only `run`, the command that
// starts workers (the others stay one quick process). ZHNEWS_MALLOC_DEFAULTS=1
// keeps glibc's defaults.
if (process.argv[2] === 'run' && process.platform === 'linux' && process.env.MALLOC_ARENA_MAX === undefined && process.env.ZHNEWS_MALLOC_DEFAULTS !== '1') {
  const { spawnSync } = await import('node:child_process');
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
  });
  if (child.error) throw child.error;
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('zhnews: dist/ is missing: run `npm install` (or `npm run build`) in the repository first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
