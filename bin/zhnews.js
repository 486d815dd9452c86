#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node
// (The line above runs node with MALLOC_ARENA_MAX=2, an exec, no child process: glibc's malloc
// otherwise gives every thread that allocates an arena of its own, up to eight per core, each
// keeping its high-water mark. With two workers storing, a run climbed from ~410 to ~600 MB
// over the 10,000 bench documents while every JS heap stayed flat; with two arenas the same run
// peaked at 479 MB, same CPU, same database. glibc reads the variable only when a process
// starts. `node bin/zhnews.js …` skips the line and keeps glibc's defaults; env -S needs GNU
// coreutils 8.30 or a BSD env.)
// Entry point for `npx zhnews`: runs the compiled CLI (npm install builds dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// V8 compiles hot functions on its own threads, once per worker thread and
// again after each deoptimization: about a tenth of a whole run's CPU with
// its default inlining budgets. Half the budgets (set before any of our code
// or any worker starts; they hold for the whole process) cut that compiling
// by a fifth to a third and left the compiled code as fast (measured per
// thread, run --jobs 1 over 2,000 and 10,000 bench files).
// No optimizing compile either for a function of more than 16 KB of bytecode
// (V8's limit is 60 KB). The one such function we run, the figure attribution
// (22 KB), was compiled eight times per worker over the 10,000 bench files,
// each deoptimization on a document it had not seen the like of: 46 % of all
// optimizing compile time, a twentieth of the run's CPU. In baseline code it
// cost the worker nothing measurable (run --jobs 1: V8's threads 12.8 -> 9.0
// s CPU, the worker 50.7 -> 50.8 s).
// And each thread collects its own garbage, without helper threads: no
// parallel scavenges, no concurrent marking or sweeping. The helpers' tasks
// and their synchronization cost more CPU than they take off the thread, the
// more so when every core is busy (--jobs 2 on two cores, or one job beside
// other work). run --jobs 1 over the 10,000 bench files, per-thread CPU, base
// / these three flags, matched runs: V8's threads 11.8 / 4.3 s, the worker
// 51.2 / 53.3 s, the whole process 73.0 / 67.7 s (and 71.1 s without them).
// (--single-threaded-gc, the same at start-up, cannot be set from here: the
// main thread's heap was made for concurrent marking and V8 aborts.)
// Only these heuristics change, never what the code computes.
// ZHNEWS_V8_DEFAULTS=1 keeps V8's defaults.
if (process.env.ZHNEWS_V8_DEFAULTS !== '1') {
  v8.setFlagsFromString('--max-inlined-bytecode-size=230');
  v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=230');
  v8.setFlagsFromString('--max-optimized-bytecode-size=16384');
  v8.setFlagsFromString('--no-parallel-scavenge');
  v8.setFlagsFromString('--no-concurrent-marking');
  v8.setFlagsFromString('--no-concurrent-sweeping');
}

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('zhnews: dist/ is missing: run `npm install` (or `npm run build`) in the repository first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
